"""A hostile desk against `POST /sync/push`, with what the centre cannot run: an operation it does not
have, arguments it cannot use, rows pushed the old way, and values only the centre says (what it
derives, and who did what and when). Each such action is refused alone, the well-formed action after it
still applies, and the centre writes nothing but that and its record of the refusal; a push of rows,
or of a mutation number beyond the column, is refused whole (422) with nothing written.

The helpers are in `tests.security.push_helpers`; the attacks on another region, the role and the
desk's own record are in `test_push_attacks`.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from console.core.store.models import (
    AuditEntry,
    SlaPause,
    SyncDesk,
    Technician,
    WorkOrder,
)
from tests.security.push_helpers import (
    MINE,
    THEIRS,
    a_technician,
    an_order,
    each_then_a_good_one,
    feed_mark,
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

# --- what the centre does not have -------------------------------------------------------------------

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
        entry = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order.id, AuditEntry.action == "sla.paused",
                                                   AuditEntry.desk_id == "desk-of-wang")).one()  # (the demo may have paused it before)
        paused_since = s.get(WorkOrder, order.id).paused_since
    assert made.started_by == me.id and pushed_from <= made.started_at <= pushed_until and made.approved_by is None
    assert paused_since == made.started_at
    assert (entry.user_id, entry.desk_id, entry.at) == (me.id, "desk-of-wang", made.started_at) and entry.seq is not None
    assert set(answer["rows"]["sla_pauses"]) == {made.id.hex}  # the desk's own id for it: drawn from the operation's

