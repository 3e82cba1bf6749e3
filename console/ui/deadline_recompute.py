"""Deadlines recomputed after a rule change, in the background, with progress in the status bar.

A rule operation says which open orders it moves (`RuleChange.affected`); this reads their ids in a
worker, then recomputes them one chunk per job (`deadlines.recompute_chunk`, a short unit of work of
its own), so the GUI thread only moves the bar between chunks and the file's write lock is never held
long (the desk's own actions and the sync go on in between). A change that comes while one runs is
merged into the next pass. When the pass ends the rules and the queue are read again
(`Changes(everything=True)` on the bus). The window owns it: closing the rules editor does not stop it.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QProgressBar, QStatusBar

from console.core.changes import Changes
from console.core.services.deadlines import CHUNK, Affected, read_affected, recompute_chunk
from console.ui.operations import Operations

if TYPE_CHECKING:
    from console.core.store.database import Database


class DeadlineRecompute(QObject):
    progressed = Signal(int, int)
    """Orders recomputed so far, of how many."""
    finished = Signal(int)
    """A pass ended: how many orders it recomputed."""

    def __init__(self, database: Database, clock: Callable[[], datetime], operations: Operations,
                 status_bar: QStatusBar | None = None, chunk: int = CHUNK, parent: QObject | None = None):
        super().__init__(parent)
        self._database, self._clock, self._operations, self._chunk = database, clock, operations, chunk
        self._running: Affected | None = None
        self._next: Affected | None = None
        self._ids: list[uuid.UUID] = []
        self._done = 0
        self.label = QLabel()
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(160)
        self.bar.setTextVisible(False)
        for widget in (self.label, self.bar):
            widget.hide()
            if status_bar is not None:
                status_bar.addPermanentWidget(widget)

    @property
    def busy(self) -> bool:
        return self._running is not None

    def start(self, affected: Affected) -> None:
        """Recompute the orders `affected` names (after the pass under way, if one is)."""
        if self._running is not None:
            self._next = affected if self._next is None else self._next | affected
            return
        self._running, self._done = affected, 0
        self._show(0, 0)
        database = self._database
        self._operations.read(lambda: read_affected(database, affected), self._on_ids_read, self._on_failed)

    def _on_ids_read(self, ids: list[uuid.UUID]) -> None:
        self._ids = ids
        self._step()

    def _step(self) -> None:
        if self._done >= len(self._ids):
            self._end()
            return
        part = self._ids[self._done:self._done + self._chunk]
        database, clock = self._database, self._clock
        self._operations.read(lambda: recompute_chunk(database, part, clock), self._on_chunk_done, self._on_failed)

    def _on_chunk_done(self, _written: int) -> None:
        self._done = min(self._done + self._chunk, len(self._ids))
        self._show(self._done, len(self._ids))
        self.progressed.emit(self._done, len(self._ids))
        self._step()

    def _on_failed(self, error: Exception) -> None:
        self.label.setText(self.tr("Deadlines not recomputed: %1").replace("%1", str(error)[:120]))
        self.bar.hide()
        self._running = None
        self._run_next()

    def _end(self) -> None:
        total = len(self._ids)
        self._running, self._ids = None, []
        self.bar.hide()
        self.label.hide()
        self._operations.bus.publish(Changes(everything=True), self)
        self.finished.emit(total)
        self._run_next()

    def _run_next(self) -> None:
        if self._next is not None:
            affected, self._next = self._next, None
            self.start(affected)

    def _show(self, done: int, total: int) -> None:
        self.bar.setRange(0, total)  # (0, 0): busy, while the ids are read
        self.bar.setValue(done)
        self.label.setText(self.tr("Recomputing deadlines: %1 of %2 orders").replace("%1", f"{done:,}").replace("%2", f"{total:,}"))
        self.label.show()
        self.bar.show()
