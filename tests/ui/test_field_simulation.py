"""The embedded demo's live field day (`dispatch-console --simulate`): the simulation runs in its own
thread against the desk's file, the window hears what it changed through its change bus, and the
GUI thread never touches the database for it (the strict guard is on)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from console.core.store.models import FieldEvent, WorkOrder
from console.startup.field_simulation import FieldSimulation
from console.thread_guard import guard_thread
from tests.fixtures.demo import off_gui_thread
from tests.ui.helpers import open_window


def test_the_demo_desk_hears_a_simulated_field_day(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    lift = guard_thread(demo_db.engine, threading.current_thread(), strict=True)  # from here the GUI thread stays off the file
    heard = []
    window.bus.changed.connect(lambda changes, origin: heard.append((changes, origin)))
    before = off_gui_thread(lambda: counts(demo_db))
    simulation = FieldSimulation(demo_db, lambda: window, speed=60, minutes=6)
    try:
        simulation.start()
        qtbot.waitUntil(lambda: not simulation.running, timeout=90_000)
        qtbot.waitUntil(lambda: bool(heard), timeout=5_000)
    finally:
        simulation.stop()
        lift()
    summary = simulation.summary
    assert summary is not None and summary.stopped == "day over" and not summary.failures, summary
    assert sum(summary.posted.values()) > 0
    assert any(changes.orders or changes.technicians for changes, origin in heard if origin is None)
    after = off_gui_thread(lambda: counts(demo_db))
    assert after[0] - before[0] == sum(n for kind, n in summary.posted.items() if kind in ("check_in", "test_result",
                                       "delivery_report", "signature", "exception", "satisfaction"))
    assert after[1] - before[1] >= summary.posted["intake"]


def counts(database) -> tuple[int, int]:
    with database.reading() as s:
        return (s.scalar(select(func.count()).select_from(FieldEvent)),
                s.scalar(select(func.count()).select_from(WorkOrder)))
