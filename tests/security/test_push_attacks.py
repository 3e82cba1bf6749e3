"""A hostile desk against `POST /sync/push`: each attack on another region's orders, visits and
technicians, or beyond the user's role, is refused (by mutation, or the whole push), the centre writes
nothing but its record of the refusal, the answer carries nothing of another region, and a well-formed
action after a refused one still applies. A desk's id, its mutation numbers and the record of its
refusals cannot be turned against another desk or the centre either.

A desk pushes actions (`console.core.operations`), never rows: the centre runs each again as the
token's user. "Unchanged" is read from the centre's change feed, which has every write to a
replicated row: after a refused action it holds only the audit log's `sync.refused` entry.
The helpers are in `tests.security.push_helpers`; the arguments a desk cannot pass are in
`test_push_arguments`.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from central.push import digest
from central.schemas import Mutation
from console.core.services.orders import OrderActions
from console.core.store.models import (
    Appointment,
    AuditEntry,
    SlaPause,
    SyncConflict,
    SyncDesk,
    Technician,
    WorkOrder,
)
from tests.security.push_helpers import (
    MINE,
    OPEN,
    THEIRS,
    a_pause,
    a_technician,
    a_visit,
    an_order,
    each_then_a_good_one,
    feed_mark,
    mentions,
    only_the_good_ones_written,
    op,
    priority,
    push,
    region,
    results,
    state,
    token,
    user,
    written_since,
)

# --- another region's orders, visits and technicians ------------------------------------------------

ON_THEIR_ORDER: dict[str, Callable[[WorkOrder, Technician, Technician], dict]] = {
    "assign to their technician": lambda o, theirs, _mine: op("orders.assign", order_ids=[str(o.id)], technician_id=str(theirs.id)),
    "assign to my technician": lambda o, _theirs, mine: op("orders.assign", order_ids=[str(o.id)], technician_id=str(mine.id)),
    "take back from its technician": lambda o, *_: op("orders.unassign", order_ids=[str(o.id)]),
    "acknowledge its alert": lambda o, *_: op("orders.acknowledge_alert", order_ids=[str(o.id)], band="red", note="mine"),
    "place its site on the map": lambda o, *_: op("sites.place", site_id=str(o.site_id), latitude=31.23, longitude=121.47),
    "ask the geocoder for its site": lambda o, *_: op("sites.geocode_again", site_ids=[str(o.site_id)]),
    "pause": lambda o, *_: op("orders.pause", order_ids=[str(o.id)], reason="customer_not_ready", note="mine now"),
    "set priority": lambda o, *_: op("orders.set_priority", order_ids=[str(o.id)], priority=1),
    "drop a refusal about it": lambda o, *_: op("sync.drop", mutation=1, order_id=str(o.id), reason="x"),
    "accept it": lambda o, *_: op("orders.accept", order_ids=[str(o.id)]),
    "start it": lambda o, *_: op("orders.start", order_ids=[str(o.id)]),
    "record its investigation": lambda o, *_: op("orders.record_investigation", order_ids=[str(o.id)], note="mine"),
    "resolve it": lambda o, *_: op("orders.resolve", order_ids=[str(o.id)]),
    "close it": lambda o, *_: op("orders.close", order_ids=[str(o.id)]),
    "return its completion": lambda o, *_: op("orders.return_completion", order_ids=[str(o.id)]),
    "cancel it": lambda o, *_: op("orders.cancel", order_ids=[str(o.id)], reason="duplicate", note="mine"),
    "advance its step": lambda o, *_: op("orders.advance_step", order_id=str(o.id), step="resource_check"),
    "chase its department": lambda o, *_: op("orders.chase_step", order_ids=[str(o.id)], note="hurry"),
}
ON_THEIR_PAUSE: dict[str, Callable[[WorkOrder], dict]] = {
    "resume": lambda o: op("orders.resume", order_ids=[str(o.id)]),
    "approve": lambda o: op("orders.approve_pause", order_ids=[str(o.id)]),
}


@pytest.mark.parametrize("attack", list(ON_THEIR_ORDER))
def test_another_regions_order_cannot_be_acted_on_nor_taken_into_ones_region(centre, attack) -> None:
    base, central, _url = centre
    theirs, mine = an_order(central, THEIRS), an_order(central, MINE)
    before, mark = state(central, WorkOrder, theirs.id), feed_mark(central)
    attempt = ON_THEIR_ORDER[attack](theirs, a_technician(central, THEIRS), a_technician(central, MINE))
    answer = push(base, token(base), [{"m": 1, "op": attempt}, {"m": 2, "op": priority(mine)}])
    refused, after = results(answer)
    assert (refused["ok"], refused["code"]) == (False, "region") and after["ok"]
    assert state(central, WorkOrder, theirs.id) == before
    written = written_since(central, mark)
    assert {t for t, _ in written} == {"work_orders", "audit_log"} and {i for t, i in written if t == "work_orders"} == {mine.id}
    assert not mentions(answer.text, theirs)


@pytest.mark.parametrize("attack", list(ON_THEIR_PAUSE))
def test_another_regions_pause_cannot_be_ended_or_approved_even_by_a_supervisor(centre, attack) -> None:
    base, central, _url = centre
    theirs = an_order(central, THEIRS)
    pause = a_pause(central, theirs)
    before, mark = (state(central, WorkOrder, theirs.id), state(central, SlaPause, pause.id)), feed_mark(central)
    answer = push(base, token(base, "supervisor.central"), [{"m": 1, "op": ON_THEIR_PAUSE[attack](theirs)}])
    assert results(answer)[0]["code"] == "region"
    assert (state(central, WorkOrder, theirs.id), state(central, SlaPause, pause.id)) == before
    assert written_since(central, mark) == set() and not mentions(answer.text, theirs, pause)


ON_THEIR_VISIT: dict[str, Callable[[Appointment, Technician], dict]] = {
    "confirm": lambda a, _t: op("appointments.confirm", appointment_id=str(a.id), contact_method="phone"),
    "reschedule": lambda a, _t: op("appointments.reschedule", appointment_id=str(a.id),
                                   window=[(a.window_start + timedelta(days=1)).isoformat(), (a.window_end + timedelta(days=1)).isoformat()],
                                   change={"reason": "customer_request", "text": "asked", "contact_method": "phone"}),
    "move": lambda a, t: op("appointments.move", appointment_id=str(a.id), technician_id=str(t.id),
                            start=(a.window_start + timedelta(hours=1)).isoformat(), reason="over the rules"),
    "lock": lambda a, _t: op("appointments.set_locked", appointment_id=str(a.id), locked=True),
    "cancel": lambda a, _t: op("appointments.cancel", appointment_id=str(a.id), text="customer cancelled"),
}


@pytest.mark.parametrize("attack", list(ON_THEIR_VISIT))
def test_another_regions_visit_cannot_be_moved_or_cancelled(centre, attack) -> None:
    base, central, _url = centre
    technician = a_technician(central, THEIRS)
    visit = a_visit(central, an_order(central, THEIRS, unbooked=True), technician)
    before, mark = state(central, Appointment, visit.id), feed_mark(central)
    answer = push(base, token(base), [{"m": 1, "op": ON_THEIR_VISIT[attack](visit, technician)}])
    assert results(answer)[0]["code"] == "region"
    assert state(central, Appointment, visit.id) == before
    assert written_since(central, mark) == set() and not mentions(answer.text, visit)


def test_another_regions_order_cannot_be_booked(centre) -> None:
    base, central, _url = centre
    theirs = an_order(central, THEIRS, unbooked=True)
    start = datetime.now(UTC) + timedelta(days=2)
    mark = feed_mark(central)
    answer = push(base, token(base), [{"m": 1, "op": op("appointments.book", order_ids=[str(theirs.id)], contact_method="phone",
                                                        window=[start.isoformat(), (start + timedelta(hours=2)).isoformat()])}])
    assert results(answer)[0]["code"] == "region"
    assert written_since(central, mark) == set() and not mentions(answer.text, theirs)


def test_ones_own_order_cannot_be_given_to_another_regions_technician(centre) -> None:
    base, central, _url = centre
    mine, technician = an_order(central, MINE, unbooked=True), a_technician(central, THEIRS)
    start = (datetime.now(UTC) + timedelta(days=2)).isoformat()
    end = (datetime.now(UTC) + timedelta(days=2, hours=4)).isoformat()
    before, mark = state(central, WorkOrder, mine.id), feed_mark(central)
    answer = push(base, token(base), [
        {"m": 1, "op": op("orders.assign", order_ids=[str(mine.id)], technician_id=str(technician.id))},
        {"m": 2, "op": op("appointments.book", order_ids=[str(mine.id)], window=[start, end], contact_method="phone",
                          technician_id=str(technician.id), reason="the rules warn; I say it is right")},
    ])
    assert [r["code"] for r in results(answer)] == ["region", "region"]
    assert state(central, WorkOrder, mine.id) == before and written_since(central, mark) == set()
    assert not mentions(answer.text, technician)


def test_another_regions_rows_inside_a_run_of_actions_run_together_are_refused_alone(centre) -> None:
    """A push of many assignments runs them together (central.together): another region's order, its
    technician and its pause's row said to be seen, in the middle of the run, are each refused, and
    only the well-formed ones around them are written."""
    base, central, _url = centre
    with central.reading() as s:
        mine = s.scalars(select(WorkOrder).where(WorkOrder.region_id == region(central, MINE).id, WorkOrder.status.in_(OPEN),
                                                 WorkOrder.paused_since.is_(None)).order_by(WorkOrder.number).limit(6)).all()
    technician, theirs, stranger = a_technician(central, MINE), an_order(central, THEIRS), a_technician(central, THEIRS)
    good = [op("orders.assign", order_ids=[str(o.id)], technician_id=str(technician.id)) for o in mine]
    attacks = [op("orders.assign", order_ids=[str(theirs.id)], technician_id=str(technician.id)),
               op("orders.assign", order_ids=[str(mine[0].id), str(theirs.id)], technician_id=str(technician.id)),
               op("orders.set_priority", order_ids=[str(mine[1].id)], priority=1) | {
                   "seen": {"work_orders": {theirs.id.hex: {"v": 0, "priority": [5, 1]}}}, "expected": {theirs.id.hex: 1}},
               op("orders.assign", order_ids=[str(mine[2].id)], technician_id=str(stranger.id))]
    ops = [good[0], good[1], attacks[0], good[2], attacks[1], attacks[2], good[3], attacks[3], good[4], good[5]]
    before, mark = state(central, WorkOrder, theirs.id), feed_mark(central)
    answers = results(push(base, token(base), [{"m": k + 1, "op": o} for k, o in enumerate(ops)]))
    assert [a["code"] for a in answers] == ["", "", "region", "", "region", "region", "", "region", "", ""], answers
    assert state(central, WorkOrder, theirs.id) == before
    written = {row_id for table, row_id in written_since(central, mark) if table == "work_orders"}
    assert written == {o.id for o in mine}


def test_a_region_scoped_supervisor_is_held_to_the_region(centre) -> None:
    base, central, _url = centre
    order = an_order(central, MINE)
    before, mark = state(central, WorkOrder, order.id), feed_mark(central)
    assert results(push(base, token(base, "supervisor.pudong"), [{"m": 1, "op": priority(order, 1)}]))[0]["code"] == "region"
    assert state(central, WorkOrder, order.id) == before and written_since(central, mark) == set()


# --- what the role does not allow ---------------------------------------------------------------------

def test_a_dispatcher_cannot_approve_a_pause_not_even_by_re_applying_it(centre) -> None:
    base, central, _url = centre
    order = an_order(central, MINE)
    pause = a_pause(central, order)
    before, mark = state(central, SlaPause, pause.id), feed_mark(central)
    approve = op("orders.approve_pause", order_ids=[str(order.id)])
    answer = push(base, token(base), [{"m": 1, "op": approve},
                                      {"m": 2, "op": op("sync.reapply", mutation=1, action=approve, order_id=str(order.id))}])
    for refused in results(answer):
        assert (refused["code"], refused["args"]["refusal"]) == ("rules", "not_supervisor")
    assert state(central, SlaPause, pause.id) == before and before["approved_by"] is None
    assert written_since(central, mark) == set()


SET_LIMIT = {"kind": "fault", "stage": "total", "grade": "any", "amount": "1", "unit": "hours", "reason": "faster"}
RULE_CHANGES = {
    "an SLA limit": op("rules.set_limit", **SET_LIMIT),
    "an SLA limit, re-applied": op("sync.reapply", mutation=1, action={"name": "rules.set_limit", "args": SET_LIMIT}),
    "a working day": op("calendar.set_day", day="2026-12-24", is_working=False, note="a day off"),
    "a day back to the holidays": op("calendar.clear_day", day="2026-10-01"),
    "a year's official schedule": op("calendar.mark_official", year=2027, source="my own notice"),
}


def test_a_dispatcher_cannot_change_the_sla_limits_or_the_calendar(centre) -> None:
    base, central, _url = centre
    order, mark = an_order(central, MINE), feed_mark(central)
    for change, refused in each_then_a_good_one(base, token(base), RULE_CHANGES, order).items():
        assert refused["code"] == "rules_role", (change, refused)
    only_the_good_ones_written(central, mark, order, len(RULE_CHANGES))



# --- desks, mutation numbers and the refusals' record ------------------------------------------------------

def test_a_desk_id_belongs_to_its_first_user(centre) -> None:
    base, central, _url = centre
    order = an_order(central, MINE)
    assert results(push(base, token(base), [{"m": 1, "op": priority(order, 2)}], desk="desk-of-wang"))[0]["ok"]
    before, mark = state(central, WorkOrder, order.id), feed_mark(central)
    stolen = push(base, token(base, "supervisor.central"), [{"m": 10**12, "op": priority(order, 5)}], desk="desk-of-wang")
    assert stolen.status_code == 403 and "another user" in stolen.json()["detail"]
    assert state(central, WorkOrder, order.id) == before and written_since(central, mark) == set()
    with central.reading() as s:
        assert s.get(SyncDesk, "desk-of-wang").last_mutation == 1


def test_a_number_used_again_for_another_operation_is_not_answered_for_the_first(centre) -> None:
    base, central, _url = centre
    headers = token(base)
    order = an_order(central, MINE)
    first = priority(order, 2)
    assert results(push(base, headers, [{"m": 1, "op": first}]))[0]["ok"]
    before, mark = state(central, WorkOrder, order.id), feed_mark(central)
    for other in (priority(order, 4), {**first, "id": uuid.uuid4().hex}, {**first, "args": {**first["args"], "priority": 4}},
                  op("sync.drop", mutation=1)):
        restored = push(base, headers, [{"m": 1, "op": other}])
        assert restored.status_code == 409 and restored.json()["detail"]["code"] == "desk_restored"
        assert order.id.hex not in restored.text
    assert state(central, WorkOrder, order.id) == before and written_since(central, mark) == set()


def test_replaying_a_mutation_number_answers_only_that_operations_own_rows(centre) -> None:
    base, central, _url = centre
    headers = token(base)
    order, other = an_order(central, MINE), an_order(central, MINE, skip=1)
    first, third = priority(order, 2), priority(an_order(central, THEIRS), 2)
    answered = results(push(base, headers, [{"m": 1, "op": first}, {"m": 2, "op": priority(other, 2)}, {"m": 3, "op": third}]))
    assert [r["ok"] for r in answered] == [True, True, False]
    mark = feed_mark(central)
    again = results(push(base, headers, [{"m": 1, "op": first}, {"m": 3, "op": third}]))
    assert again == [answered[0], answered[2]]
    rows = again[0]["rows"]
    assert set(rows) == {"work_orders", "audit_log"} and set(rows["work_orders"]) == {order.id.hex}
    assert {r["order_id"] for r in rows["audit_log"].values()} == {order.id.hex}
    assert other.id.hex not in json.dumps(again)
    assert written_since(central, mark) == set()


def test_a_refused_push_is_audited_by_digest_not_kept_whole(centre) -> None:
    base, central, _url = centre
    big = "长" * 3000
    attempt = {"m": 7, "op": op("orders.pause", order_ids=[str(an_order(central, THEIRS).id)], reason="customer_not_ready", note=big,
                                **{f"extra_{n}": big for n in range(30)})}
    assert results(push(base, token(base), [attempt]))[0]["code"] == "unusable"
    with central.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sync.refused")).one()
    assert entry.entity == "operation" and entry.entity_id == uuid.UUID(attempt["op"]["id"]) and entry.desk_id == "desk-attacker"
    assert entry.user_id == user(central, "wang.wei.central").id
    assert entry.after["mutation"] == 7 and entry.after["operation"]["name"] == "orders.pause"
    assert entry.after["digest"] == digest(Mutation.model_validate(attempt)) and entry.after["truncated"]
    assert len(entry.after["operation"]["args"]) == 20 and all(len(v) <= 100 for v in entry.after["operation"]["args"].values()
                                                              if isinstance(v, str))
    assert len(json.dumps(entry.after, ensure_ascii=False)) < 4000  # of over 90,000 characters tried


# --- nothing of another region reaches the desk ---------------------------------------------------------------

@pytest.mark.parametrize("forged", [
    "on their order",
    "on their order, with the version it 'saw'",
])
def test_a_forged_outbox_entry_leaves_nothing_of_another_region_on_the_desk(centre, make_desk, forged) -> None:
    _base, central, _url = centre
    desk = make_desk("hostile")
    with desk.database.reading() as s:
        mine = s.scalars(select(WorkOrder).where(WorkOrder.status.in_(OPEN)).order_by(WorkOrder.number)).first()
    OrderActions(desk.database, desk.user, lambda: datetime.now(UTC)).set_priority([mine.id], 1 if mine.priority != 1 else 2)
    theirs = an_order(central, THEIRS)
    before, mark = state(central, WorkOrder, theirs.id), feed_mark(central)
    [entry] = desk.replica.pending()
    operation = {**entry.operation, "args": {**entry.operation["args"], "order_ids": [str(theirs.id)]}}
    if "version" in forged:
        operation["expected"] = {theirs.id.hex: theirs.version + 1}
    with desk.database.unit_of_work() as s:
        s.connection().exec_driver_sql("UPDATE sync_outbox SET operation = ? WHERE mutation = ?",
                                       (json.dumps(operation), entry.mutation))
    assert desk.worker.push_once()
    assert state(central, WorkOrder, theirs.id) == before and written_since(central, mark) == set()
    with desk.database.reading() as s:
        conflict = s.scalars(select(SyncConflict)).one()
        assert conflict.code in ("region", "changed")
        assert s.get(WorkOrder, theirs.id) is None
        assert set(s.scalars(select(WorkOrder.region_id).distinct())) == {desk.user.region_id}
        assert s.get(WorkOrder, mine.id).priority == mine.priority  # back to the centre's
    assert not mentions(json.dumps([conflict.theirs, conflict.args, conflict.reason]), theirs)


@pytest.mark.parametrize("attack", ["expected", "seen", "rules", "partly"])
def test_no_refusal_tells_a_desk_anything_of_another_regions_order(centre, attack) -> None:
    base, central, _url = centre
    theirs, mine = an_order(central, THEIRS), an_order(central, MINE)
    with central.reading() as s:
        closed = s.scalars(select(WorkOrder).where(WorkOrder.region_id == theirs.region_id, WorkOrder.status == "closed")).first()
    attempt = {
        "expected": {**priority(theirs, 1), "expected": {theirs.id.hex: theirs.version + 1}},
        "seen": {**priority(mine, 1), "seen": {"work_orders": {theirs.id.hex: {"status": ["x", "y"]}}}},
        "rules": priority(theirs, 9),
        "partly": op("orders.set_priority", order_ids=[str(mine.id), str(closed.id)], priority=1),
    }[attack]
    answer = push(base, token(base), [{"m": 1, "op": attempt}])
    assert answer.status_code == 200
    assert not mentions(answer.text, theirs, closed)


def test_a_replayed_answer_holds_no_row_that_has_left_the_region_since(centre) -> None:
    base, central, _url = centre
    headers = token(base)
    order = an_order(central, MINE)
    first = priority(order, 2)
    assert results(push(base, headers, [{"m": 1, "op": first}]))[0]["ok"]
    with central.unit_of_work() as s:  # the order moves to another region (a customer changing hands, at the centre)
        moved = s.get(WorkOrder, order.id)
        moved.region_id, moved.version = region(central, THEIRS).id, moved.version + 1
    again = results(push(base, headers, [{"m": 1, "op": first}]))[0]
    assert again["ok"] and order.id.hex not in json.dumps(again["rows"])


# --- the compliance audit: a supervisor's finding -----------------------------------------------------

def test_an_audit_finding_is_a_supervisors_and_of_their_region(centre) -> None:
    base, central, _url = centre
    mine, theirs = an_order(central, MINE), an_order(central, THEIRS)
    finding = lambda o: op("compliance.record_finding", order_id=str(o.id), rule="signed", finding="未签字", remedy="补签")  # noqa: E731
    mark = feed_mark(central)
    as_dispatcher = results(push(base, token(base), [{"m": 1, "op": finding(mine)}]))
    assert (as_dispatcher[0]["ok"], as_dispatcher[0]["code"]) == (False, "rules_role")
    as_supervisor = results(push(base, token(base, "supervisor.central"), [{"m": 1, "op": finding(theirs)}, {"m": 2, "op": finding(mine)}],
                                 desk="desk-of-the-supervisor"))
    assert (as_supervisor[0]["ok"], as_supervisor[0]["code"]) == (False, "region") and as_supervisor[1]["ok"]
    written = written_since(central, mark)
    assert {t for t, _ in written} == {"audit_log"}
    with central.reading() as s:
        kept = s.scalars(select(AuditEntry).where(AuditEntry.action == "compliance.finding")).all()
    assert [(e.order_id, e.after["finding"]) for e in kept] == [(mine.id, "未签字")]
