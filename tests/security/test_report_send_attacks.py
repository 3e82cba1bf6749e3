"""`reports.mark_sent` against a hostile desk: another region's report is refused even to a
supervisor, a dispatcher's is refused by role, and in both cases the centre writes nothing but its
record of the refusal; a desk cannot say who sent it or when (the centre runs it as the token's user
at its own time); a month is marked once. The rows reach only their region's desks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from console.core.services.desk import DeskReader
from console.core.services.monthly_report import previous_month
from console.core.services.report_sends import ReportSends
from console.core.store.models import ReportSend
from tests.security.push_helpers import MINE, THEIRS, feed_mark, op, push, region, results, token, user, written_since


def last_month() -> str:
    return previous_month(datetime.now(UTC).date()).isoformat()


def sends(central) -> list[ReportSend]:
    """The sendings of the months these tests mark (the demo's own, of the month before its day, aside)."""
    with central.reading() as s:
        return list(s.scalars(select(ReportSend).where(ReportSend.month >= previous_month(datetime.now(UTC).date()))))


@pytest.mark.parametrize(("username", "code"), [("supervisor.central", THEIRS), ("wang.wei.central", MINE)])
def test_another_regions_report_or_a_dispatchers_is_refused_and_nothing_is_written(centre, username, code) -> None:
    base, central, _url = centre
    mark = feed_mark(central)
    attempt = op("reports.mark_sent", region_id=str(region(central, code).id), month=last_month(), note="已发送")
    refused = results(push(base, token(base, username), [{"m": 1, "op": attempt}]))[0]
    assert not refused["ok"] and refused["code"] in ("region", "rules_role")
    assert sends(central) == [] and written_since(central, mark) == set()


def test_the_centre_records_who_sent_it_and_when_as_its_own_and_only_once(centre) -> None:
    base, central, _url = centre
    mine = region(central, MINE).id
    supervisor = user(central, "supervisor.central").id
    forged = op("reports.mark_sent", region_id=str(mine), month=last_month(), sent_by=str(user(central, "admin").id),
                sent_at="2020-01-01T00:00:00+00:00")
    unusable = results(push(base, token(base, "supervisor.central"), [{"m": 1, "op": forged}], desk="desk-supervisor"))[0]
    assert unusable["code"] == "unusable" and "no such argument" in unusable["reason"] and sends(central) == []
    started = datetime.now(UTC)
    good = op("reports.mark_sent", region_id=str(mine), month=last_month(), note="邮件报网络部")
    assert results(push(base, token(base, "supervisor.central"), [{"m": 2, "op": good}], desk="desk-supervisor"))[0]["ok"]
    (row,) = sends(central)
    assert (row.region_id, row.month.isoformat(), row.sent_by, row.note) == (mine, last_month(), supervisor, "邮件报网络部")
    assert started - timedelta(seconds=1) <= row.sent_at <= datetime.now(UTC) + timedelta(seconds=1)
    again = op("reports.mark_sent", region_id=str(mine), month=last_month())
    twice = results(push(base, token(base, "supervisor.central"), [{"m": 3, "op": again}], desk="desk-supervisor"))[0]
    assert twice["code"] == "unusable" and "already" in twice["reason"] and len(sends(central)) == 1


def test_a_month_not_over_is_refused(centre) -> None:
    base, central, _url = centre
    this_month = datetime.now(UTC).date().replace(day=1).isoformat()
    attempt = op("reports.mark_sent", region_id=str(region(central, MINE).id), month=this_month)
    refused = results(push(base, token(base, "supervisor.central"), [{"m": 1, "op": attempt}], desk="desk-supervisor"))[0]
    assert refused["code"] == "unusable" and "month" in refused["reason"] and sends(central) == []


def test_a_regions_sending_reaches_its_desks_only(centre, make_desk) -> None:
    _base, central, _url = centre
    desk = make_desk("a")
    admin = DeskReader(central).user("admin")
    marks = ReportSends(central, admin, lambda: datetime.now(UTC))
    month = previous_month(datetime.now(UTC).date())
    for code in (MINE, THEIRS):
        marks.mark_sent(region(central, code).id, month)
    desk.worker.pull_once()
    with desk.database.reading() as s:
        assert set(s.scalars(select(ReportSend.region_id))) == {desk.user.region_id}
