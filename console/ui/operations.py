"""Every read and write of the desk goes through here, off the GUI thread; what a write changed is
published once on the change bus and each view decides whether it cares (Anki's
`operation_did_execute`). The functions handed in run in a worker and never touch a widget."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from console.core.changes import Changes
from console.ui.background import Background

SLOW_MS = 400  # a write that takes longer shows a progress dialog


def changes_of(result: Any) -> Changes:
    """What a service's answer changed: a Changes, or an answer carrying one (Outcome, Booking)."""
    if isinstance(result, Changes):
        return result
    changes = getattr(result, "changes", None)
    return changes if isinstance(changes, Changes) else Changes()


class ChangeBus(QObject):
    changed = Signal(object, object)
    """The desk's data changed: (Changes, the object whose action it was, or None for the centre's feed)."""

    def publish(self, changes: Changes, origin: object | None = None) -> None:
        if not changes.empty:
            self.changed.emit(changes, origin)


class Operations(QObject):
    """`read(fn, on_done)` and `write(fn, on_done)`: fn runs in the pool; a write's changes are
    published before `on_done` sees the answer; errors reach `on_error` on the GUI thread."""

    busy_changed = Signal(int)
    """How many operations are running."""

    def __init__(self, bus: ChangeBus, background: Background | None = None, parent: QObject | None = None):
        super().__init__(parent)
        self.bus = bus
        self.background = background or Background(self)
        self._running = 0

    @property
    def running(self) -> int:
        return self._running

    def read(self, fn: Callable[[], Any], on_done: Callable[[Any], None],
             on_error: Callable[[Exception], None] | None = None) -> int:
        return self._start(fn, on_done, on_error)

    def write(self, fn: Callable[[], Any], on_done: Callable[[Any], None] | None = None,
              on_error: Callable[[Exception], None] | None = None, *, origin: object | None = None,
              progress: tuple[QWidget, str] | None = None) -> int:
        """`progress`: (the window to show it over, what is being done) when the write may be slow."""
        shown = _SlowProgress(*progress) if progress is not None else None

        def done(result: Any) -> None:
            if shown is not None:
                shown.close()
            self.bus.publish(changes_of(result), origin)
            if on_done is not None:
                on_done(result)

        def failed(error: Exception) -> None:
            if shown is not None:
                shown.close()
            if on_error is None:
                raise error
            on_error(error)

        return self._start(fn, done, failed)

    def _start(self, fn, on_done, on_error) -> int:
        self._running += 1
        self.busy_changed.emit(self._running)

        def finish(callback, value) -> None:
            self._running -= 1
            self.busy_changed.emit(self._running)
            if callback is not None:
                callback(value)
            elif isinstance(value, Exception):
                raise value

        return self.background.run(fn, lambda r: finish(on_done, r), lambda e: finish(on_error, e))


class _SlowProgress:
    """A busy dialog over `parent`, shown only when the work lasts longer than SLOW_MS."""

    def __init__(self, parent: QWidget, text: str):
        self._dialog: QProgressDialog | None = None
        self._parent, self._text = parent, text
        self._timer = QTimer(singleShot=True, interval=SLOW_MS)
        self._timer.timeout.connect(self._show)
        self._timer.start()

    def _show(self) -> None:
        dialog = QProgressDialog(self._text, "", 0, 0, self._parent)
        dialog.setCancelButton(None)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(0)
        dialog.show()
        self._dialog = dialog

    def close(self) -> None:
        self._timer.stop()
        if self._dialog is not None:
            self._dialog.close()
            self._dialog.deleteLater()
            self._dialog = None
