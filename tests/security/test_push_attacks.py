"""A hostile desk against `POST /sync/push`: each attack is refused (by mutation, or the whole push),
the centre writes nothing but its record of the refusal, the answer carries nothing of another
region, and a well-formed action after a refused one still applies.

A desk pushes actions (`console.core.operations`), never rows: the centre runs each again as the
token's user. "Unchanged" is read from the centre's change feed, which has every write to a
replicated row: after a refused action it holds only the audit log's `sync.refused` entry.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import func, select

from central.push import digest
from central.schemas import Mutation
from console.core.domain.enums import ContactMethod, PauseReason
from console.core.services.appointments import AppointmentBook
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    AuditEntry,
    Region,
    SlaPause,
    SyncChange,
    SyncConflict,
    SyncDesk,
    Technician,
    User,
    WorkOrder,
)
from tests.fixtures.centre import auth, login

MINE, THEIRS = "central", "southwest"  # wang.wei.central's region, and another with orders free to book
OPEN = ["new", "accepted", "dispatched"]


# --- pushing ----------------------------------------------------------------------------------------

def token(base: str, username: str = "wang.wei.central") -> dict[str, str]:
    return auth(login(base, username).json()["token"])


def push(base: str, headers: dict, mutations: list[dict], desk: str = "desk-attacker") -> requests.Response:
    return requests.post(f"{base}/sync/push", headers=headers, timeout=20, json={"desk_id": desk, "mutations": mutations})


def op(name: str, **args) -> dict:
    """An operation as a desk sends it (JSON arguments: ids and times as text)."""
    return {"name": name, "id": uuid.uuid4().hex, "args": args}


def results(answer: requests.Response) -> list[dict]:
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def priority(order: WorkOrder, value: int = 2) -> dict:
    """A well-formed action on one's own order."""
    return op("orders.set_priority", order_ids=[str(order.id)], priority=value)


def each_then_a_good_one(base: str, headers: dict, attempts: dict[str, dict], order: WorkOrder) -> dict[str, dict]:
    """Push every attempt, each followed by a well-formed action on `order` that must apply; the
    answers to the attempts, by name."""
    mutations = []
    for n, attempt in enumerate(attempts.values()):
        mutations += [{"m": 2 * n + 1, "op": attempt}, {"m": 2 * n + 2, "op": priority(order, 1 + n % 2)}]
    answers = results(push(base, headers, mutations))
    for name, good in zip(attempts, answers[1::2], strict=True):
        assert good["ok"], (name, good)
    return dict(zip(attempts, answers[::2], strict=True))


def only_the_good_ones_written(central, mark: int, order: WorkOrder, count: int) -> None:
    """Since `mark` the centre wrote `order` (`count` times) and its audit rows, nothing else."""
    written = written_since(central, mark)
    assert {t for t, _ in written} == {"work_orders", "audit_log"} and {i for t, i in written if t == "work_orders"} == {order.id}
    with central.reading() as s:
        assert s.get(WorkOrder, order.id).version == order.version + count


# --- the centre's data ------------------------------------------------------------------------------

def region(central, code: str) -> Region:
    with central.reading() as s:
        return s.scalars(select(Region).where(Region.code == code)).one()


def an_order(central, code: str, *, unbooked: bool = False, skip: int = 0) -> WorkOrder:
    """An open order of the region, not paused (and with no visit, if asked)."""
    with central.reading() as s:
        query = select(WorkOrder).where(WorkOrder.region_id == region(central, code).id, WorkOrder.status.in_(OPEN),
                                        WorkOrder.paused_since.is_(None)).order_by(WorkOrder.number)
        if unbooked:
            query = query.where(WorkOrder.id.not_in(select(AppointmentOrder.order_id)))
        return s.scalars(query).all()[skip]


def a_technician(central, code: str) -> Technician:
    with central.reading() as s:
        return s.scalars(select(Technician).where(Technician.region_id == region(central, code).id, Technician.active,
                                                  Technician.deleted.is_(False)).order_by(Technician.employee_no)).first()


def user(central, username: str) -> User:
    with central.reading() as s:
        return s.scalars(select(User).where(User.username == username)).one()


def a_pause(central, order: WorkOrder) -> SlaPause:
    """An open pause on this order, made at the centre (as a supervisor's REST call would)."""
    admin = DeskReader(central).user("admin")
    assert not OrderActions(central, admin, lambda: datetime.now(UTC)).pause([order.id], PauseReason.CUSTOMER_NOT_READY, "x").refused
    with central.reading() as s:
        return s.scalars(select(SlaPause).where(SlaPause.order_id == order.id, SlaPause.ended_at.is_(None))).one()


def a_visit(central, order: WorkOrder, technician: Technician) -> Appointment:
    """A proposed visit two days ahead for this order with this technician, booked at the centre."""
    admin = DeskReader(central).user("admin")
    now = datetime.now(UTC)
    start = (now + timedelta(days=2)).replace(hour=1, minute=0, second=0, microsecond=0)
    booking = AppointmentBook(central, admin, lambda: now).book(
        [order.id], (start, start + timedelta(hours=4)), ContactMethod.PHONE, confirmed=False, technician_id=technician.id, reason="test")
    assert booking.ok, booking
    with central.reading() as s:
        return s.get(Appointment, booking.appointment_id)


def state(central, model, row_id: uuid.UUID) -> dict:
    with central.reading() as s:
        row = s.get(model, row_id)
        return {c.name: getattr(row, c.key) for c in model.__table__.columns} if row is not None else {}


def feed_mark(central) -> int:
    with central.reading() as s:
        return s.scalar(select(func.coalesce(func.max(SyncChange.seq), 0)))


def written_since(central, mark: int) -> set[tuple[str, uuid.UUID]]:
    """Every replicated row written since `mark` (the change feed has them all) but the audit log's
    records of refusals."""
    with central.reading() as s:
        written = set(s.execute(select(SyncChange.table_name, SyncChange.row_id).where(SyncChange.seq > mark)).all())
        refusals = set(s.scalars(select(AuditEntry.id).where(AuditEntry.action == "sync.refused")))
    return {(table, row_id) for table, row_id in written if not (table == "audit_log" and row_id in refusals)}


def mentions(text: str, *rows) -> list[str]:
    """What of these rows (their ids, an order's number) the text names."""
    marks = [m for row in rows for m in (row.id.hex, str(row.id), getattr(row, "number", None)) if m]
    return [m for m in marks if m in text]


# --- another region's orders, visits and technicians ------------------------------------------------

ON_THEIR_ORDER: dict[str, Callable[[WorkOrder, Technician, Technician], dict]] = {
    "assign to their technician": lambda o, theirs, _mine: op("orders.assign", order_ids=[str(o.id)], technician_id=str(theirs.id)),
    "assign to my technician": lambda o, _theirs, mine: op("orders.assign", order_ids=[str(o.id)], technician_id=str(mine.id)),
    "pause": lambda o, *_: op("orders.pause", order_ids=[str(o.id)], reason="customer_not_ready", note="mine now"),
    "set priority": lambda o, *_: op("orders.set_priority", order_ids=[str(o.id)], priority=1),
    "drop a refusal about it": lambda o, *_: op("sync.drop", mutation=1, order_id=str(o.id), reason="x"),
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


def test_an_operation_the_centre_does_not_have_is_refused_and_the_next_one_applies(centre) -> None:
    base, central, _url = centre
    names = ["orders.delete", "work_orders", "sync.", "", None, 5, ["orders.assign"], {"name": "orders.assign"}, "x" * 5000]
    order, mark = an_order(central, MINE), feed_mark(central)
    attempts = {repr(name)[:40]: {**op("x"), "name": name} for name in names}
    for name, refused in each_then_a_good_one(base, token(base), attempts, order).items():
        assert (refused["ok"], refused["code"]) == (False, "operation"), (name, refused)
    only_the_good_ones_written(central, mark, order, len(names))


# --- what the centre cannot use -------------------------------------------------------------------------

def _assign(order: WorkOrder, technician: Technician, **args) -> dict:
    return op("orders.assign", **{"order_ids": [str(order.id)], "technician_id": str(technician.id), **args})


def _pause(order: WorkOrder, note) -> dict:
    return op("orders.pause", order_ids=[str(order.id)], reason="customer_not_ready", note=note)


def _book(order: WorkOrder, start: str, end: str) -> dict:
    return op("appointments.book", order_ids=[str(order.id)], window=[start, end], contact_method="phone")


def _nested(depth: int) -> dict:
    value: dict = {"name": "orders.set_priority", "args": {}}
    for _ in range(depth):
        value = {"args": value}
    return value


UNUSABLE: dict[str, Callable[[WorkOrder, Technician], dict]] = {
    "ids as numbers": lambda o, t: op("orders.assign", order_ids=[1, 2], technician_id=str(t.id)),
    "an id as a number": lambda o, t: _assign(o, t, technician_id=12345),
    "an id as an object": lambda o, t: _assign(o, t, technician_id={"x": 1}),
    "a list as text": lambda o, t: op("orders.assign", order_ids="all", technician_id=str(t.id)),
    "a number as text": lambda o, t: op("orders.set_priority", order_ids=[str(o.id)], priority="high"),
    "a fraction": lambda o, t: op("orders.set_priority", order_ids=[str(o.id)], priority=2.5),
    "a reason not on the list": lambda o, t: op("orders.pause", order_ids=[str(o.id)], reason="I said so"),
    "arguments as a list": lambda o, t: {**op("orders.assign"), "args": [str(o.id), str(t.id)]},
    "a missing argument": lambda o, t: op("orders.set_priority", order_ids=[str(o.id)]),
    "an unknown argument": lambda o, t: _assign(o, t, force=True),
    "self": lambda o, t: _assign(o, t, self="x"),
    "a time without its zone": lambda o, t: _book(o, "2026-12-24T09:00:00", "2026-12-24T11:00:00"),
    "a time in year 9999": lambda o, t: _book(o, "9999-12-24T09:00:00+08:00", "9999-12-24T11:00:00+08:00"),
    "a time that is no time": lambda o, t: _book(o, "tomorrow", "later"),
    "a huge number": lambda o, t: op("orders.set_priority", order_ids=[str(o.id)], priority=2**70),
    "a huge float": lambda o, t: op("orders.set_priority", order_ids=[str(o.id)], priority=1e308),
    "a huge version": lambda o, t: {**priority(o), "expected": {o.id.hex: 2**64}},
    "a NUL character": lambda o, t: _pause(o, "a\x00b"),
    "a lone surrogate": lambda o, t: _pause(o, "\ud800"),
    "a NUL in a name": lambda o, t: _assign(o, t, **{"no\x00te": "x"}),
    "oversized text": lambda o, t: _pause(o, "长" * 100_000),
    "nesting without end": lambda o, t: op("sync.reapply", mutation=1, action=_nested(40)),
    "an operation id that is no id": lambda o, t: {**priority(o), "id": "not-32-hex-digits-not-32-hex-dig"},
}


def test_unusable_arguments_refuse_their_mutation_and_the_next_one_applies(centre) -> None:
    base, central, _url = centre
    order, technician = an_order(central, MINE, unbooked=True), a_technician(central, MINE)
    before, mark = state(central, WorkOrder, order.id), feed_mark(central)
    attempts = {attack: make(order, technician) for attack, make in UNUSABLE.items()}
    for attack, refused in each_then_a_good_one(base, token(base), attempts, order).items():
        assert (refused["ok"], refused["code"]) == (False, "unusable") and refused["args"]["detail"], (attack, refused)
    only_the_good_ones_written(central, mark, order, len(UNUSABLE))
    after = state(central, WorkOrder, order.id)
    assert (after["assignee_id"], after["paused_since"]) == (before["assignee_id"], before["paused_since"])


def test_rows_pushed_the_old_way_are_a_422(centre) -> None:
    base, central, _url = centre
    order = an_order(central, MINE)
    mark = feed_mark(central)
    answer = push(base, token(base), [{"m": 1, "changes": [{"t": "work_orders", "id": order.id.hex, "op": "update",
                                                            "v": order.version, "set": {"priority": 1}, "was": {}}]}])
    assert answer.status_code == 422 and "op" in answer.text
    assert written_since(central, mark) == set()
    with central.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncDesk)) == 0


def test_mutation_numbers_beyond_the_column_are_a_422(centre) -> None:
    base, central, _url = centre
    answer = push(base, token(base), [{"m": 2**63, "op": priority(an_order(central, MINE), 1)}])
    assert answer.status_code == 422 and "m" in answer.text
    with central.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncDesk)) == 0


# --- what only the centre says: derived values, who and when ---------------------------------------------

DERIVED_OR_ATTRIBUTED = [  # (action, an argument it does not have): what the centre computes or takes from the token
    ("orders.set_priority", {"due_at": "2099-01-01T00:00:00+00:00"}),
    ("orders.set_priority", {"sla_limit_seconds": 10**9}),
    ("orders.pause", {"started_by": "SUPERVISOR"}),
    ("orders.pause", {"started_at": "2001-01-01T00:00:00+00:00"}),
    ("orders.pause", {"approved_by": "SUPERVISOR"}),
    ("orders.set_priority", {"at": "2001-01-01T00:00:00+00:00"}),
    ("orders.set_priority", {"user_id": "SUPERVISOR"}),
    ("orders.set_priority", {"desk_id": "forged"}),
    ("orders.set_priority", {"region_id": "THEIRS"}),
    ("appointments.book", {"booked_by": "SUPERVISOR"}),
]


def test_a_derived_value_or_an_attribution_cannot_be_passed(centre) -> None:
    base, central, _url = centre
    order = an_order(central, MINE, unbooked=True)
    names = {"SUPERVISOR": user(central, "supervisor.central").id.hex, "THEIRS": region(central, THEIRS).id.hex}
    start = datetime.now(UTC) + timedelta(days=2)
    plain = {"orders.set_priority": {"order_ids": [str(order.id)], "priority": 1},
             "orders.pause": {"order_ids": [str(order.id)], "reason": "customer_not_ready"},
             "appointments.book": {"order_ids": [str(order.id)], "contact_method": "phone",
                                   "window": [start.isoformat(), (start + timedelta(hours=2)).isoformat()]}}
    attempts = {f"{name} {next(iter(extra))}": op(name, **plain[name], **{k: names.get(v, v) for k, v in extra.items()})
                for name, extra in DERIVED_OR_ATTRIBUTED}
    mark = feed_mark(central)
    for attempt, refused in each_then_a_good_one(base, token(base), attempts, order).items():
        argument = attempt.split()[1]
        assert refused["code"] == "unusable" and f"args.{argument}: no such argument" in refused["reason"], (attempt, refused)
    only_the_good_ones_written(central, mark, order, len(attempts))


def test_who_paused_and_when_and_the_audit_rows_author_are_the_centres(centre) -> None:
    base, central, _url = centre
    order = an_order(central, MINE)
    pause = op("orders.pause", order_ids=[str(order.id)], reason="customer_not_ready", note="客户要求")
    pause["seen"] = {"work_orders": {order.id.hex: {"v": order.version, "paused_since": [None, "2001-01-01 00:00:00.000000"]}}}
    pushed_from = datetime.now(UTC)
    answer = results(push(base, token(base), [{"m": 1, "op": pause}], desk="desk-of-wang"))[0]
    pushed_until = datetime.now(UTC)
    assert answer["ok"], answer
    me = user(central, "wang.wei.central")
    with central.reading() as s:
        made = s.scalars(select(SlaPause).where(SlaPause.order_id == order.id, SlaPause.ended_at.is_(None))).one()
        entry = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order.id, AuditEntry.action == "sla.paused")).one()
        paused_since = s.get(WorkOrder, order.id).paused_since
    assert made.started_by == me.id and pushed_from <= made.started_at <= pushed_until and made.approved_by is None
    assert paused_since == made.started_at
    assert (entry.user_id, entry.desk_id, entry.at) == (me.id, "desk-of-wang", made.started_at) and entry.seq is not None
    assert set(answer["rows"]["sla_pauses"]) == {made.id.hex}  # the desk's own id for it: drawn from the operation's


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
