"""The monthly report's sending and its reminder on the hand-built desk (two regions): from the 1st
the previous month's report is due, overdue after the 5th, until a supervisor marks it sent; who may
mark it, for which region and month, and only once."""

from __future__ import annotations

import uuid
from datetime import date, datetime

import pytest
from sqlalchemy import select

from console.core.domain.enums import Role
from console.core.services.calendar import NotAllowed
from console.core.services.report_sends import ReportSends
from console.core.store.models import AuditEntry, ReportSend, User
from console.core.store.rows import DeskUser
from tests.core.services.dashboard_cases import SH, Centre, build

NOVEMBER = date(2026, 11, 1)


def local(day: int, hour: int = 9, month: int = 12) -> datetime:
    return datetime(2026, month, day, hour, tzinfo=SH)


@pytest.fixture
def centre(tmp_path) -> Centre:
    built = build(tmp_path / "desk.sqlite")
    yield built
    built.database.close()


def person(centre: Centre, role: Role, region: uuid.UUID | None, name: str) -> DeskUser:
    with centre.database.unit_of_work() as s:
        row = User(username=name, display_name=name, role=role, region_id=region)
        s.add(row)
        s.flush()
        return DeskUser(row.id, name, name, role, region, None, None)


def test_the_reminder_runs_from_the_1st_is_overdue_after_the_5th_and_ends_when_each_region_has_sent(centre) -> None:
    chief = person(centre, Role.SUPERVISOR, None, "chief")
    one = person(centre, Role.SUPERVISOR, centre.r1, "one")
    assert ReportSends(centre.database, chief, lambda: local(30, month=11)).reminder().month == date(2026, 10, 1)  # in November: October's
    due = ReportSends(centre.database, chief, lambda: local(1, hour=0)).reminder()
    assert (due.month, due.due, due.overdue) == (NOVEMBER, date(2026, 12, 5), False)
    assert [r[0] for r in due.regions] == [centre.r1, centre.r2]
    assert not ReportSends(centre.database, chief, lambda: local(5, hour=23)).reminder().overdue  # by the 5th: still in time
    assert ReportSends(centre.database, chief, lambda: local(6, hour=0)).reminder().overdue
    ReportSends(centre.database, one, lambda: local(3)).mark_sent(centre.r1, NOVEMBER, "邮件报网络部")
    assert ReportSends(centre.database, one, lambda: local(8)).reminder() is None  # region one's supervisor: sent
    assert [r[0] for r in ReportSends(centre.database, chief, lambda: local(8)).reminder().regions] == [centre.r2]


def test_marking_sent_records_who_when_and_the_note_with_an_audit_row(centre) -> None:
    one = person(centre, Role.SUPERVISOR, centre.r1, "one")
    ReportSends(centre.database, one, lambda: local(3)).mark_sent(centre.r1, date(2026, 11, 17), "  邮件报网络部 ")
    (sent,) = ReportSends(centre.database, one, lambda: local(3)).sent(NOVEMBER)
    assert (sent.region_id, sent.month, sent.at, sent.by, sent.note) == (centre.r1, NOVEMBER, local(3), "one", "邮件报网络部")
    with centre.database.reading() as s:
        row = s.scalars(select(ReportSend)).one()
        entry = s.scalars(select(AuditEntry).where(AuditEntry.entity_id == row.id)).one()
    assert (entry.action, entry.user_id, entry.after["month"]) == ("report.sent", one.id, "2026-11-01")


def test_only_a_supervisor_of_the_region_marks_a_month_that_is_over_and_only_once(centre) -> None:
    one = person(centre, Role.SUPERVISOR, centre.r1, "one")
    dispatcher = person(centre, Role.DISPATCHER, centre.r1, "d")
    with pytest.raises(NotAllowed):
        ReportSends(centre.database, dispatcher, lambda: local(3)).mark_sent(centre.r1, NOVEMBER)
    with pytest.raises(NotAllowed):
        ReportSends(centre.database, one, lambda: local(3)).mark_sent(centre.r2, NOVEMBER)
    with pytest.raises(ValueError, match="not over"):
        ReportSends(centre.database, one, lambda: local(30, month=11)).mark_sent(centre.r1, NOVEMBER)
    with pytest.raises(ValueError, match="note"):
        ReportSends(centre.database, one, lambda: local(3)).mark_sent(centre.r1, NOVEMBER, "长" * 501)
    ReportSends(centre.database, one, lambda: local(3)).mark_sent(centre.r1, NOVEMBER)
    with pytest.raises(ValueError, match="already"):
        ReportSends(centre.database, one, lambda: local(4)).mark_sent(centre.r1, NOVEMBER)
    assert ReportSends(centre.database, dispatcher, lambda: local(3)).reminder() is None  # not a dispatcher's duty
    with centre.database.reading() as s:
        assert len(s.scalars(select(ReportSend)).all()) == 1
