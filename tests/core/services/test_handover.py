"""The shift handover: the draft's sections against orders built by hand, signing with the
supervisor's choices, acknowledging, and the past handovers searched."""

from __future__ import annotations

import uuid
from datetime import date, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from console.core.services.calendar import NotAllowed
from console.core.services.handover import Choice, HandoverError, Handovers
from console.core.store.models import AuditEntry, Handover, WorkOrder
from tests.core.services.handover_cases import DAY_SHIFT, NIGHT_BEFORE, NOW, Desk, build


@pytest.fixture
def desk(tmp_path: Path) -> Desk:
    built = build(tmp_path / "handover.sqlite")
    yield built
    built.database.close()


def as_(desk: Desk, who: str, at=NOW) -> Handovers:
    return Handovers(desk.database, desk.users[who], lambda: at)


def test_the_draft_lists_each_section_from_the_orders_as_they_stand(desk) -> None:
    draft = as_(desk, "sup1").overview(desk.r1).draft
    assert (draft.shift_start, draft.shift_end, draft.horizon_hours) == (*DAY_SHIFT, 4.0)
    found = {s.key: [i.order_id for i in s.items] for s in draft.sections}
    assert list(found) == ["at_risk", "exceptions", "approvals", "alerts", "callbacks"]
    # red or late now, or due by 23:30; not one red by then but due after it, nor a closed or another region's order
    assert found["at_risk"] == [desk.orders[n] for n in ("breached", "red_acknowledged", "soon")]
    # the re-issued order no technician has yet; not the one dispatched again
    assert desk.names(found["exceptions"]) == {"reissued_waiting"}
    # past the approval limit now, or passing it by 23:30; not an approved pause
    assert found["approvals"] == [desk.orders["paused_awaiting"], desk.orders["paused_needs_soon"]]
    # late with only its red alert acknowledged: still an alert; red and acknowledged: not
    assert desk.names(found["alerts"]) == {"breached"}
    assert desk.names(found["callbacks"]) == {"unhappy"}


def test_each_line_carries_the_facts_it_says(desk) -> None:
    draft = as_(desk, "sup1").overview(desk.r1).draft
    breached = draft.section("at_risk").items[0]
    assert (breached.number, breached.customer, breached.kind, breached.status) == (desk.numbers["breached"], "客户a", "survey", "dispatched")
    assert breached.facts["band"] == "breached" and breached.facts["due_at"].startswith("2026-11-23T10:00")
    assert draft.section("at_risk").items[2].facts["band"] == "amber"
    awaiting, soon = draft.section("approvals").items
    assert (awaiting.facts["awaiting"], soon.facts["awaiting"]) == (True, False)
    exception = draft.section("exceptions").items[0]
    assert (exception.facts["exception_kind"], exception.facts["reported_on"]) == ("fiber_port_broken", desk.numbers["exception_original"])
    callback = draft.section("callbacks").items[0]
    assert callback.facts["overdue"] and callback.facts["comment"] == "太慢"


def test_signing_keeps_the_drafted_lines_with_the_supervisors_choices_and_remarks(desk) -> None:
    o = desk.orders
    as_(desk, "sup1").sign(desk.r1, DAY_SHIFT[0], "  夜班注意 breached 单  ", [
        Choice("at_risk", o["soon"], kept=False),
        Choice("at_risk", o["breached"], remark="已催装维"),
        Choice("at_risk", o["far"], remark="客户要求加急"),  # kept though not drafted: the order's line as it stands
        Choice("alerts", o["soon"], kept=False),  # left out of a section that does not hold it: nothing
    ])
    record = as_(desk, "sup2").search(desk.r1)[0]
    assert (record.shift_start, record.shift_end, record.signed_by, record.signed_at) == (*DAY_SHIFT, "值班长sup1", NOW)
    assert record.notes == "夜班注意 breached 单" and record.acknowledged_at is None
    at_risk = next(s for s in record.sections if s.key == "at_risk")
    assert [i.order_id for i in at_risk.items] == [o["breached"], o["red_acknowledged"], o["far"]]
    assert [i.remark for i in at_risk.items] == ["已催装维", "", "客户要求加急"]
    assert [i.order_id for i in at_risk.removed] == [o["soon"]] and at_risk.total == 3
    far = at_risk.items[2]
    assert far.added and far.number == desk.numbers["far"] and far.facts["band"] == "green"
    with desk.database.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "handover.signed")).one()
        assert (entry.user_id, entry.at, entry.after["items"], entry.after["removed"]) == (desk.users["sup1"].id, NOW, 8, 1)


def test_the_record_does_not_change_with_the_orders(desk) -> None:
    as_(desk, "sup1").sign(desk.r1, DAY_SHIFT[0])
    with desk.database.unit_of_work() as s:
        s.get(WorkOrder, desk.orders["breached"]).number = "FT20261123999999"
    record = as_(desk, "sup1").search(desk.r1)[0]
    assert record.sections[0].items[0].number == desk.numbers["breached"]


def test_a_shift_is_handed_over_once_and_only_the_shift_under_way_or_the_one_just_ended(desk) -> None:
    with pytest.raises(HandoverError, match="shift_start"):
        as_(desk, "sup1").sign(desk.r1, DAY_SHIFT[0] - timedelta(days=1))
    with pytest.raises(HandoverError, match="shift_start"):
        as_(desk, "sup1").sign(desk.r1, DAY_SHIFT[0] + timedelta(minutes=1))
    as_(desk, "sup1").sign(desk.r1, NIGHT_BEFORE[0])  # the night shift's, signed late
    as_(desk, "sup1").sign(desk.r1, DAY_SHIFT[0])
    with pytest.raises(HandoverError, match="signed already, by 值班长sup1"):
        as_(desk, "sup2").sign(desk.r1, DAY_SHIFT[0])
    after_the_shift = as_(desk, "sup2", NOW + timedelta(hours=1))  # 20:30: the day shift is the one just ended
    assert after_the_shift.overview(desk.r1).awaiting[0].shift_start == DAY_SHIFT[0]
    assert [r.shift_start for r in after_the_shift.search(desk.r1)] == [DAY_SHIFT[0], NIGHT_BEFORE[0]]


def test_a_dispatcher_reads_the_handover_but_neither_signs_nor_acknowledges_it(desk) -> None:
    dispatcher = as_(desk, "disp")
    assert dispatcher.overview(desk.r1).draft.section("at_risk").total == 3
    with pytest.raises(NotAllowed, match="dispatcher may read"):
        dispatcher.sign(desk.r1, DAY_SHIFT[0])
    as_(desk, "sup1").sign(desk.r1, DAY_SHIFT[0])
    handover = dispatcher.search(desk.r1)[0]
    with pytest.raises(NotAllowed):
        dispatcher.acknowledge(handover.id)


def test_the_incoming_supervisor_acknowledges_once_and_the_signer_cannot(desk) -> None:
    as_(desk, "sup1").sign(desk.r1, DAY_SHIFT[0], "交班")
    handover = as_(desk, "sup1").overview(desk.r1).awaiting[0]
    with pytest.raises(NotAllowed, match="signed"):
        as_(desk, "sup1").acknowledge(handover.id)
    with pytest.raises(NotAllowed, match="own region"):
        as_(desk, "sup_r2").acknowledge(handover.id)
    later = NOW + timedelta(minutes=40)
    as_(desk, "sup2", later).acknowledge(handover.id, " 已阅，夜班跟进 ")
    with pytest.raises(HandoverError, match="acknowledged already, by 值班长sup2"):
        as_(desk, "admin", later).acknowledge(handover.id)
    record = as_(desk, "sup1").search(desk.r1)[0]
    assert (record.acknowledged_by, record.acknowledged_at, record.acknowledgement_note) == ("值班长sup2", later, "已阅，夜班跟进")
    assert record.version == 2 and as_(desk, "sup2", later).overview(desk.r1).awaiting == ()
    with desk.database.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "handover.acknowledged")).one()
        assert (entry.user_id, entry.at, entry.reason, entry.entity_id) == (desk.users["sup2"].id, later, "已阅，夜班跟进", handover.id)
    with pytest.raises(LookupError):
        as_(desk, "sup2").acknowledge(uuid.uuid4())


def test_what_a_supervisor_cannot_sign(desk) -> None:
    sup1 = as_(desk, "sup1")
    with pytest.raises(NotAllowed, match="own region"):
        sup1.sign(desk.r2, DAY_SHIFT[0])
    with pytest.raises(HandoverError, match="no order of this region"):
        sup1.sign(desk.r1, DAY_SHIFT[0], choices=[Choice("at_risk", desk.orders["other_region_breached"])])
    with pytest.raises(HandoverError, match=r"choices.0.section"):
        sup1.sign(desk.r1, DAY_SHIFT[0], choices=[Choice("gossip", desk.orders["soon"])])
    with pytest.raises(HandoverError, match=r"choices.0.remark: at most 500"):
        sup1.sign(desk.r1, DAY_SHIFT[0], choices=[Choice("at_risk", desk.orders["soon"], remark="x" * 501)])
    with pytest.raises(HandoverError, match="notes: at most 2000"):
        sup1.sign(desk.r1, DAY_SHIFT[0], "x" * 2001)
    with desk.database.reading() as s:
        assert s.scalars(select(Handover)).all() == [] and s.scalars(select(AuditEntry).where(AuditEntry.entity == "handover")).all() == []
    as_(desk, "admin").sign(desk.r2, DAY_SHIFT[0])  # an administrator hands over any region's
    assert as_(desk, "sup_r2").search(desk.r2)[0].signed_by == "值班长admin"


def test_past_handovers_are_found_by_date_person_order_number_and_text(desk) -> None:
    as_(desk, "sup1").sign(desk.r1, NIGHT_BEFORE[0], "光缆中断，等待抢修", [Choice("at_risk", desk.orders["breached"], remark="客户投诉")])
    as_(desk, "sup2").sign(desk.r1, DAY_SHIFT[0], "平稳", [Choice("at_risk", desk.orders["breached"], kept=False)])
    reader = as_(desk, "disp")
    shifts = lambda records: [r.shift_start for r in records]  # noqa: E731
    assert shifts(reader.search(desk.r1)) == [DAY_SHIFT[0], NIGHT_BEFORE[0]]
    assert shifts(reader.search(desk.r1, date(2026, 11, 23), date(2026, 11, 23))) == [DAY_SHIFT[0]]
    assert shifts(reader.search(desk.r1, date(2026, 11, 22), date(2026, 11, 22))) == [NIGHT_BEFORE[0]]
    assert shifts(reader.search(desk.r1, text="值班长SUP2")) == [DAY_SHIFT[0]]
    assert shifts(reader.search(desk.r1, text="抢修")) == [NIGHT_BEFORE[0]]
    assert shifts(reader.search(desk.r1, text="客户投诉 光缆")) == [NIGHT_BEFORE[0]]
    assert shifts(reader.search(desk.r1, text=desk.numbers["breached"])) == [DAY_SHIFT[0], NIGHT_BEFORE[0]]  # (left out: still named)
    assert shifts(reader.search(desk.r1, text=desk.numbers["soon"][-6:])) == [DAY_SHIFT[0], NIGHT_BEFORE[0]]
    assert reader.search(desk.r2) == [] and reader.search(desk.r1, text="没有这个") == []


def test_the_page_drafts_the_shift_just_ended_for_an_hour_while_it_has_no_handover(desk) -> None:
    night = (DAY_SHIFT[1], DAY_SHIFT[1] + timedelta(hours=12))
    late = as_(desk, "sup1", DAY_SHIFT[1] + timedelta(minutes=30)).overview(desk.r1)
    assert (late.draft.shift_start, late.draft.shift_end, late.signed) == (*DAY_SHIFT, None)
    assert as_(desk, "sup1", DAY_SHIFT[1] + timedelta(minutes=70)).overview(desk.r1).draft.shift_start == night[0]
    as_(desk, "sup1", DAY_SHIFT[1] + timedelta(minutes=30)).sign(desk.r1, DAY_SHIFT[0])  # signed late, for the day shift
    after = as_(desk, "sup1", DAY_SHIFT[1] + timedelta(minutes=31)).overview(desk.r1)
    assert (after.draft.shift_start, after.signed) == (night[0], None)  # the day's is signed: the page moves on
    assert [r.shift_start for r in after.awaiting] == [DAY_SHIFT[0]]
