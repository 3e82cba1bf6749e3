"""The planning page on the demo's Monday, and ways to put the demo's visits where a board test needs them."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from console.core.store.models import Appointment
from tests.fixtures.demo import DEMO_NOW
from tests.ui.helpers import FakeClock, open_window

MONDAY_0930 = DEMO_NOW + timedelta(hours=23, minutes=30)
MONDAY = (DEMO_NOW + timedelta(hours=14), DEMO_NOW + timedelta(hours=38))  # 00:00 to 24:00 in Shanghai


def open_board_page(qtbot, demo_db, tmp_path, size=(1500, 900), english: bool = True):
    window = open_window(qtbot, demo_db, tmp_path, username="admin", english=english, clock=FakeClock(MONDAY_0930))
    window.resize(*size)
    window.tabs.setCurrentWidget(window.planning)
    qtbot.waitUntil(lambda: window.planning.data is not None and window.planning.board.layout_data is not None, timeout=10_000)
    return window.planning


def overbook(demo_db) -> tuple:
    """Two desks booked one technician twice before either had synced (the book itself refuses an
    overlap): a Monday visit of one technician moved onto another's, half an hour after it starts.
    Returns (technician id, the visit overlapped, the visit moved)."""
    with demo_db.unit_of_work() as s:
        monday = s.scalars(select(Appointment).where(Appointment.planned_start >= MONDAY[0], Appointment.planned_start < MONDAY[1],
                                                     Appointment.technician_id.is_not(None)).order_by(Appointment.planned_start)).all()
        first = monday[0]
        other = next(a for a in monday if a.technician_id != first.technician_id)
        other.technician_id, other.planned_start = first.technician_id, first.planned_start + timedelta(minutes=30)
        return first.technician_id, first.id, other.id
