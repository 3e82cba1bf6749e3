"""One console per user: a second launch asks the running one to come forward, then exits.

The running console listens on a local socket (a named pipe on Windows) named after the user;
a second process connects, sends "activate" and ends. A socket left behind by a crash is
removed when nobody answers on it.
"""

from __future__ import annotations

import getpass
import hashlib

from PySide6.QtCore import QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

ACTIVATE = b"activate\n"
CONNECT_MS = 500


def server_name(user: str | None = None, scope: str = "") -> str:
    """The socket's name for this user (and scope: another data folder is another desk)."""
    who = user if user is not None else getpass.getuser()
    digest = hashlib.sha256(f"{who}\0{scope}".encode()).hexdigest()[:16]
    return f"DispatchConsole-{digest}"


def ask_running_to_activate(name: str) -> bool:
    """True when a running console took the request (this process should then exit)."""
    socket = QLocalSocket()
    socket.connectToServer(name)
    if not socket.waitForConnected(CONNECT_MS):
        return False
    socket.write(ACTIVATE)
    sent = socket.waitForBytesWritten(CONNECT_MS) or socket.bytesToWrite() == 0
    socket.disconnectFromServer()
    return sent


class SingleInstance(QObject):
    """The running console's side: listens and emits `activate_requested` for each second launch."""

    activate_requested = Signal()
    """Another launch of the console asked this one to show its window."""

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._server = QLocalServer(self)
        self._server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self._server.newConnection.connect(self._on_server_new_connection)

    def listen(self) -> bool:
        if self._server.listen(self.name):
            return True
        # Nobody answered before we got here, so whatever holds the name is left from a crash.
        QLocalServer.removeServer(self.name)
        return self._server.listen(self.name)

    def close(self) -> None:
        self._server.close()

    def _on_server_new_connection(self) -> None:
        while (socket := self._server.nextPendingConnection()) is not None:
            socket.readyRead.connect(lambda s=socket: self._on_socket_ready_read(s))
            socket.disconnected.connect(socket.deleteLater)
            if socket.bytesAvailable():
                self._on_socket_ready_read(socket)

    def _on_socket_ready_read(self, socket: QLocalSocket) -> None:
        if bytes(socket.readAll()).startswith(ACTIVATE.strip()):
            self.activate_requested.emit()


def claim(name: str) -> SingleInstance | None:
    """Become the running console, or None when one runs already and was asked to come forward."""
    if ask_running_to_activate(name):
        return None
    guard = SingleInstance(name)
    guard.listen()
    return guard
