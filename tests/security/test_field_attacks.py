"""A hostile desk against the field actions a desk pushes (field.raise_exception,
field.sign_off_check_in, orders.resend_signature_link, rules.set_field_exception): another region's
order is refused before anything runs, a dispatcher cannot do a supervisor's part, an exception on a
closed order is refused with its reason, and arguments the centre cannot use are refused one by one
(never a 500), the well-formed action after each still applying. The patterns are test_push_attacks'
and test_push_arguments'."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from console.core.domain.enums import OrderStatus
from console.core.services.desk import DeskReader
from console.core.services.field import FieldReports
from console.core.store.models import FieldEvent, RuleParameter, Site, Technician, WorkOrder
from tests.security.push_helpers import (
    MINE,
    THEIRS,
    a_technician,
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
    written_since,
)


def _dispatched(central, code: str) -> WorkOrder:
    with central.reading() as s:
        return s.scalars(select(WorkOrder).where(WorkOrder.region_id == region(central, code).id, WorkOrder.status == OrderStatus.DISPATCHED,
                                                 WorkOrder.assignee_id.is_not(None)).order_by(WorkOrder.number)).first()


def _a_check_in(central, order: WorkOrder) -> uuid.UUID:
    """A check-in on this order, reported at the centre (as the technician's app would)."""
    admin = DeskReader(central).user("admin")
    with central.reading() as s:
        site = s.get(Site, order.site_id)
    FieldReports(central, admin, order.assignee_id, lambda: datetime.now(UTC)).check_in(
        order.id, site.latitude + 0.01, site.longitude, datetime.now(UTC))
    with central.reading() as s:
        return s.scalars(select(FieldEvent.id).where(FieldEvent.order_id == order.id, FieldEvent.kind == "check_in")).first()


ON_THEIR_ORDER: dict[str, Callable[[WorkOrder, uuid.UUID, Technician], dict]] = {
    "raise an exception on it": lambda o, _e, _t: op("field.raise_exception", order_id=str(o.id), kind="fiber_port_taken", note="mine"),
    "raise one and dispatch to my technician": lambda o, _e, t: op("field.raise_exception", order_id=str(o.id), kind="fiber_port_taken",
                                                                   note="mine", technician_id=str(t.id)),
    "sign off its check-in": lambda o, e, _t: op("field.sign_off_check_in", order_id=str(o.id), event_id=str(e), note="fine"),
    "send its customer the signature link": lambda o, _e, _t: op("orders.resend_signature_link", order_id=str(o.id)),
}


@pytest.mark.parametrize("username", ["wang.wei.central", "supervisor.central"])
@pytest.mark.parametrize("attack", list(ON_THEIR_ORDER))
def test_another_regions_order_cannot_be_acted_on_from_the_field_view(centre, attack, username) -> None:
    """A dispatcher, and a supervisor (who may sign off), of another region: refused before anything runs."""
    base, central, _url = centre
    theirs, mine = _dispatched(central, THEIRS), an_order(central, MINE)
    event = _a_check_in(central, theirs)
    before, mark = state(central, WorkOrder, theirs.id), feed_mark(central)
    attempt = ON_THEIR_ORDER[attack](theirs, event, a_technician(central, MINE))
    refused, after = results(push(base, token(base, username), [{"m": 1, "op": attempt}, {"m": 2, "op": priority(mine)}]))
    assert (refused["ok"], refused["code"]) == (False, "region") and after["ok"]
    assert state(central, WorkOrder, theirs.id) == before
    written = written_since(central, mark)
    assert {t for t, _ in written} == {"work_orders", "audit_log"} and {i for t, i in written if t == "work_orders"} == {mine.id}
    assert not mentions(str(refused), theirs)


def test_a_dispatcher_can_neither_sign_off_a_check_in_nor_change_the_exception_rules(centre) -> None:
    base, central, _url = centre
    order = _dispatched(central, MINE)
    event = _a_check_in(central, order)
    with central.reading() as s:
        rules_before = {r.key: r.value for r in s.scalars(select(RuleParameter))}
    mark = feed_mark(central)
    answers = results(push(base, token(base), [
        {"m": 1, "op": op("field.sign_off_check_in", order_id=str(order.id), event_id=str(event), note="looks fine to me")},
        {"m": 2, "op": op("rules.set_field_exception", kind="fiber_port_taken", reissue=False, clock="pause", reason="I decide")},
    ]))
    assert [(a["ok"], a["code"]) for a in answers] == [(False, "rules_role"), (False, "rules_role")]
    assert written_since(central, mark) == set()
    with central.reading() as s:
        assert {r.key: r.value for r in s.scalars(select(RuleParameter))} == rules_before
    # ...and a supervisor may (the same actions, the centre's own check)
    answers = results(push(base, token(base, "supervisor.central"), [
        {"m": 1, "op": op("field.sign_off_check_in", order_id=str(order.id), event_id=str(event), note="核实在现场")},
        {"m": 2, "op": op("rules.set_field_exception", kind="fiber_port_taken", reissue=False, clock="pause", reason="通知")},
    ], desk="desk-supervisor"))
    assert all(a["ok"] for a in answers), answers


def test_an_exception_on_a_closed_order_is_refused_with_its_reason_and_nothing_changes(centre) -> None:
    base, central, _url = centre
    with central.reading() as s:
        closed = s.scalars(select(WorkOrder).where(WorkOrder.region_id == region(central, MINE).id,
                                                   WorkOrder.status == OrderStatus.CLOSED)).first()
    before, mark = state(central, WorkOrder, closed.id), feed_mark(central)
    [refused] = results(push(base, token(base), [{"m": 1, "op": op("field.raise_exception", order_id=str(closed.id),
                                                                     kind="fiber_port_taken", note="端口占用")}]))
    assert (refused["ok"], refused["code"]) == (False, "unusable")
    assert f"order {closed.number} is closed" in refused["args"]["detail"]
    assert state(central, WorkOrder, closed.id) == before and written_since(central, mark) == set()


def _raise(order: WorkOrder, **args) -> dict:
    return op("field.raise_exception", **{"order_id": str(order.id), "kind": "fiber_port_taken", "note": "x", **args})


UNUSABLE: dict[str, Callable[[WorkOrder], dict]] = {
    "a kind not on the list": lambda o: _raise(o, kind="fire"),
    "an order id as a number": lambda o: _raise(o, order_id=12345),
    "a technician that is no id": lambda o: _raise(o, technician_id="the best one"),
    "a technician that does not exist": lambda o: _raise(o, technician_id=str(uuid.uuid4())),
    "no note": lambda o: _raise(o, note="   "),
    "a note too long": lambda o: _raise(o, note="长" * 600),
    "a NUL in the note": lambda o: _raise(o, note="a\x00b"),
    "an unknown argument": lambda o: _raise(o, reissue=True),
    "a missing order": lambda o: op("field.raise_exception", kind="fiber_port_taken", note="x"),
    "a check-in that is no id": lambda o: op("field.sign_off_check_in", order_id=str(o.id), event_id="x", note="ok"),
    "a check-in of no order": lambda o: op("field.sign_off_check_in", order_id=str(o.id), event_id=str(uuid.uuid4()), note="ok"),
    "a link for an order that waits for no signature": lambda o: op("orders.resend_signature_link", order_id=str(o.id)),
    "a link for ids in a list": lambda o: op("orders.resend_signature_link", order_id=[str(o.id)]),
    "a rule's clock not on the list": lambda o: op("rules.set_field_exception", kind="fiber_port_taken", reissue=True, clock="stop",
                                                   reason="x"),
    "a rule's re-issue as text": lambda o: op("rules.set_field_exception", kind="fiber_port_taken", reissue="perhaps", clock="pause",
                                              reason="x"),
    "a rule with no reason": lambda o: op("rules.set_field_exception", kind="fiber_port_taken", reissue=True, clock="pause", reason=""),
    "a rule for a kind not on the list": lambda o: op("rules.set_field_exception", kind="meteor", reissue=True, clock="pause", reason="x"),
}


def test_unusable_arguments_of_the_field_actions_refuse_their_mutation_and_the_next_one_applies(centre) -> None:
    base, central, _url = centre
    order = _dispatched(central, MINE)
    mark = feed_mark(central)
    attempts = {attack: make(order) for attack, make in UNUSABLE.items()}
    for attack, refused in each_then_a_good_one(base, token(base, "supervisor.central"), attempts, order).items():
        assert (refused["ok"], refused["code"]) == (False, "unusable") and refused["args"]["detail"], (attack, refused)
    only_the_good_ones_written(central, mark, order, len(UNUSABLE))


def test_ones_own_order_cannot_be_re_dispatched_to_another_regions_technician(centre) -> None:
    base, central, _url = centre
    mine, stranger = _dispatched(central, MINE), a_technician(central, THEIRS)
    before, mark = state(central, WorkOrder, mine.id), feed_mark(central)
    [refused] = results(push(base, token(base), [{"m": 1, "op": _raise(mine, technician_id=str(stranger.id))}]))
    assert (refused["ok"], refused["code"]) == (False, "region")
    assert state(central, WorkOrder, mine.id) == before and written_since(central, mark) == set()
