"""Logging in to the centre: user name and password, kept in the system's keyring if asked."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from console.sync.client import CentreClient, CentreError, Login
from console.ui.background import Background
from console.ui.sync_status import SyncTexts


class LoginDialog(QDialog):
    """Log in to the centre; the password may be kept in the system's keyring (never in a file)."""

    def __init__(self, client: CentreClient, username: str, keyring_available: bool, parent: QWidget | None = None):
        """The login itself runs off the GUI thread; the dialog waits with a busy cursor, still painting."""
        super().__init__(parent)
        self._client = client
        self._background = Background(self)
        self.result_login: Login | None = None
        self.setWindowTitle(self.tr("Log in to the centre"))
        self.setMinimumWidth(420)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keyring"))
        self.remember.setEnabled(keyring_available)
        self.remember.setChecked(keyring_available)
        if not keyring_available:
            self.remember.setToolTip(self.tr("This computer has no keyring: the password is asked at each start."))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Centre"), QLabel(client.base_url))
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        self.buttons = buttons
        buttons.accepted.connect(self._log_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _log_in(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("Enter your user name and password."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Logging in…"))
        client = self._client
        self._background.run(lambda: client.login(username, password), self._on_logged_in, self._on_login_failed)

    def _on_logged_in(self, login: Login) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.buttons.setEnabled(True)
        self.result_login = login
        self.accept()

    def _on_login_failed(self, exc: Exception) -> None:
        QGuiApplication.restoreOverrideCursor()
        self.buttons.setEnabled(True)
        self.error.setText(SyncTexts().problem(exc.kind, str(exc)) if isinstance(exc, CentreError) else str(exc))
        self.adjustSize()  # a long reason wraps onto more lines: the dialog grows to show them
