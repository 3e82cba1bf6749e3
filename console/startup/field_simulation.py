"""`dispatch-console --simulate [SPEED]`: the embedded demo's field day, live. The simulation
(`console.core.simulation`, the same core `dispatch-central simulate` drives a centre with) runs in
its own thread against the desk's own file, as the technicians' app, the survey system and the
order system would; what it changed reaches the window through its change bus, gathered once a
second on the GUI thread, so the queue, board and map follow it. It stops by itself at the end of
the day, or when the desk closes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from console.core.changes import Changes
from console.core.simulation.day import FieldDay
from console.core.simulation.local import LocalPort
from console.core.simulation.port import Settings
from console.core.store.database import Database

log = logging.getLogger("console.simulation")
DAY_MINUTES = 480.0  # a working day (its first hour at the chosen speed, then in real time: see engine.py)


class FieldSimulation(QObject):
    def __init__(self, database: Database, window: Callable[[], Any], speed: float, minutes: float = DAY_MINUTES,
                 parent: QObject | None = None):
        """`window()`: the desk's current main window (it is built again when the language changes)."""
        super().__init__(parent)
        self._window = window
        self._lock = threading.Lock()
        self._pending = Changes()
        self._day = FieldDay(LocalPort(database, on_change=self._gather), Settings(speed=speed, minutes=minutes))
        self._thread = threading.Thread(target=self._run, name="field-simulation", daemon=True)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self._publish)
        self.summary = None  # the day's, once it is over

    def start(self) -> None:
        log.info("simulating the field: %g minutes at %gx", self._day.settings.minutes, self._day.settings.speed)
        self._thread.start()
        self._timer.start()

    @property
    def running(self) -> bool:
        return self._thread.is_alive()

    def stop(self) -> None:
        self._day.stop.set()
        self._thread.join(10)
        self._timer.stop()

    def _run(self) -> None:  # the simulation's thread
        summary = self.summary = self._day.run()
        for line in summary.lines():
            log.info("field simulation: %s", line)

    def _gather(self, changes: Changes) -> None:  # the simulation's thread
        with self._lock:
            self._pending = self._pending | changes

    def _publish(self) -> None:  # the GUI thread: no database here, only the bus
        with self._lock:
            changes, self._pending = self._pending, Changes()
        window = self._window()
        if window is not None and not changes.empty:
            window.bus.publish(changes)
        if not self._thread.is_alive() and not self._pending_any():
            self._timer.stop()

    def _pending_any(self) -> bool:
        with self._lock:
            return not self._pending.empty
