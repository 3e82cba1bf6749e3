from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from console.core.domain.calendar import Coverage
from console.core.domain.enums import OrderKind
from console.core.services.calendar import CalendarAdmin, NotAllowed
from console.core.services.desk import DeskReader
from console.core.store.models import AuditEntry
from tests.fixtures.demo import DEMO_NOW, PROVISIONAL_YEAR


def admin(demo_db, username):
    reader = DeskReader(demo_db)
    return CalendarAdmin(demo_db, reader.user(username), lambda: DEMO_NOW)


def test_a_day_off_moves_business_deadlines_that_span_it(demo_db) -> None:
    reader = DeskReader(demo_db)
    rows = [r for r in reader.queue() if r.kind is OrderKind.PROVISIONING and not r.paused and r.due_at > DEMO_NOW + timedelta(days=3)]
    row = rows[0]
    day_off = (DEMO_NOW + timedelta(days=1)).date()  # Monday 23 Nov 2026, an ordinary working day
    changes = admin(demo_db, "supervisor.central").set_day(day_off, False, "区政府停电通知")
    assert row.id in changes.orders
    moved = next(r for r in reader.queue() if r.id == row.id)
    assert moved.due_at > row.due_at
    view = admin(demo_db, None).year(2026)
    assert any(o.day == day_off and not o.is_working for o in view.overrides)
    admin(demo_db, "supervisor.central").clear_day(day_off)
    back = next(r for r in reader.queue() if r.id == row.id)
    assert back.due_at == row.due_at
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.entity == "calendar")) == 2


def test_only_supervisors_change_the_calendar(demo_db) -> None:
    with pytest.raises(NotAllowed, match="supervisor"):
        admin(demo_db, "wang.wei.central").set_day(date(2026, 12, 1), False, "")


def test_a_year_becomes_official_when_its_schedule_is_entered(demo_db) -> None:
    assert admin(demo_db, None).year(PROVISIONAL_YEAR).coverage is Coverage.PROVISIONAL
    with pytest.raises(ValueError, match="where the schedule comes from"):
        admin(demo_db, None).mark_official(PROVISIONAL_YEAR, " ")
    admin(demo_db, None).mark_official(PROVISIONAL_YEAR, f"国务院办公厅关于{PROVISIONAL_YEAR}年部分节假日安排的通知")
    assert admin(demo_db, None).year(PROVISIONAL_YEAR).coverage is Coverage.OFFICIAL
    assert DeskReader(demo_db).rules()[1].coverage(PROVISIONAL_YEAR) is Coverage.OFFICIAL


@pytest.mark.parametrize("call", [
    lambda calendar: calendar.set_day(date(1, 1, 1), False, "far back"),
    lambda calendar: calendar.set_day(date(9999, 12, 31), True, "far ahead"),
    lambda calendar: calendar.clear_day(date(1999, 12, 31)),
    lambda calendar: calendar.mark_official(-5, "no such year"),
    lambda calendar: calendar.mark_official(2**40, "no such year"),
])
def test_a_day_or_year_outside_the_calendars_span_is_refused_and_nothing_is_written(demo_db, call) -> None:
    calendar = admin(demo_db, "supervisor.central")
    with demo_db.reading() as s:
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(ValueError, match="2000 to 2100"):
        call(calendar)
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits
