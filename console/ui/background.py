"""Slow work off the GUI thread: run a plain function in a pool, hand its result back on the GUI thread."""

from __future__ import annotations

import itertools
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)


class _Job(QRunnable):
    def __init__(self, job_id: int, fn: Callable[[], Any], owner: Background):
        super().__init__()
        self._job_id, self._fn, self._owner = job_id, fn, owner

    def run(self) -> None:
        try:
            result = self._fn()
        except Exception as exc:  # handed to the GUI thread's error callback
            log.exception("background job failed")
            self._answer(False, exc)
        else:
            self._answer(True, result)

    def _answer(self, ok: bool, value: Any) -> None:
        try:
            self._owner.finished.emit(self._job_id, ok, value)
        except RuntimeError:  # its owner (a closed window's) is gone: the answer is dropped with it
            log.debug("a background job's answer came after its owner was deleted: dropped")


class Background(QObject):
    """`run(fn, on_done, on_error)`: fn runs in a worker and never touches a widget; the
    callbacks run on the GUI thread."""

    finished = Signal(int, bool, object)
    """A job ended: (job id, succeeded, result or exception)."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None):
        super().__init__(parent)
        self._pool = pool or QThreadPool.globalInstance()
        self._ids = itertools.count(1)
        self._callbacks: dict[int, tuple[Callable[[Any], None], Callable[[Exception], None] | None]] = {}
        self.finished.connect(self._on_job_finished)

    def run(self, fn: Callable[[], Any], on_done: Callable[[Any], None], on_error: Callable[[Exception], None] | None = None) -> int:
        job_id = next(self._ids)
        self._callbacks[job_id] = (on_done, on_error)
        self._pool.start(_Job(job_id, fn, self))
        return job_id

    def pending(self) -> int:
        return len(self._callbacks)

    def wait(self, msecs: int = 30_000) -> bool:
        """Wait for every job of the pool (every window's, with the global pool) to end; whether they
        did in time. At shutdown, before the database is closed: a read still running holds it open."""
        return self._pool.waitForDone(msecs)

    @Slot(int, bool, object)
    def _on_job_finished(self, job_id: int, ok: bool, payload: object) -> None:
        on_done, on_error = self._callbacks.pop(job_id)
        if ok:
            on_done(payload)
        elif on_error is not None:
            on_error(payload)  # type: ignore[arg-type]
        else:
            raise payload  # type: ignore[misc]  # reaches the application's exception hook
