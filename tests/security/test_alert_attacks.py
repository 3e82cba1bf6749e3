"""A hostile desk against `alerts.acknowledge`: an alert of another region (its order, its pause, its
check-in) is refused before anything runs, by a dispatcher and by a supervisor of another region;
the acknowledgement's who and when are the centre's whatever the desk says; arguments the centre
cannot use are refused one by one, the well-formed action after each still applying."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from console.core.domain.enums import PauseReason
from console.core.services.desk import DeskReader
from console.core.services.field import FieldReports
from console.core.store.models import AuditEntry, FieldEvent, Site, SlaPause, WorkOrder
from tests.security.push_helpers import (
    MINE,
    THEIRS,
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


def _subjects(central, order: WorkOrder) -> dict[str, uuid.UUID]:
    """A long pause and an off-site check-in on this order, as the centre has them."""
    with central.unit_of_work() as s:
        pause = SlaPause(order_id=order.id, reason=PauseReason.CUSTOMER_NOT_READY, started_at=datetime.now(UTC) - timedelta(hours=30))
        s.add(pause)
        site = s.get(Site, order.site_id)
    if order.assignee_id is not None:
        admin = DeskReader(central).user("admin")
        FieldReports(central, admin, order.assignee_id, lambda: datetime.now(UTC)).check_in(
            order.id, site.latitude + 0.01, site.longitude, datetime.now(UTC))
    with central.reading() as s:
        event = s.scalars(select(FieldEvent.id).where(FieldEvent.order_id == order.id, FieldEvent.kind == "check_in")).first()
    return {"order": order.id, "pause": pause.id, "check_in": event or uuid.uuid4()}


def _assigned(central, code: str) -> WorkOrder:
    with central.reading() as s:
        return s.scalars(select(WorkOrder).where(WorkOrder.region_id == region(central, code).id, WorkOrder.assignee_id.is_not(None),
                                                 WorkOrder.status.in_(["dispatched", "accepted"])).order_by(WorkOrder.number)).first()


ACKNOWLEDGE: dict[str, Callable[[dict[str, uuid.UUID]], dict]] = {
    "its red order": lambda s: op("alerts.acknowledge", kind="red", subject_ids=[str(s["order"])], note="mine"),
    "its long pause": lambda s: op("alerts.acknowledge", kind="long_pause", subject_ids=[str(s["pause"])], note="mine"),
    "its off-site check-in": lambda s: op("alerts.acknowledge", kind="off_site", subject_ids=[str(s["check_in"])], note="mine"),
}


@pytest.mark.parametrize("username", ["wang.wei.central", "supervisor.central"])
@pytest.mark.parametrize("attack", list(ACKNOWLEDGE))
def test_another_regions_alert_cannot_be_acknowledged(centre, attack, username) -> None:
    base, central, _url = centre
    theirs, mine = _assigned(central, THEIRS), an_order(central, MINE)
    subjects = _subjects(central, theirs)
    before, mark = state(central, WorkOrder, theirs.id), feed_mark(central)
    refused, after = results(push(base, token(base, username), [{"m": 1, "op": ACKNOWLEDGE[attack](subjects)},
                                                                {"m": 2, "op": priority(mine)}]))
    assert (refused["ok"], refused["code"]) == (False, "region") and after["ok"]
    assert state(central, WorkOrder, theirs.id) == before
    written = written_since(central, mark)
    assert {i for t, i in written if t == "work_orders"} == {mine.id}
    assert not mentions(str(refused), theirs)


def test_the_acknowledgement_is_the_pushers_at_the_centres_time(centre) -> None:
    base, central, _url = centre
    mine = _assigned(central, MINE)
    subjects = _subjects(central, mine)
    forged = op("alerts.acknowledge", kind="long_pause", subject_ids=[str(subjects["pause"])], note="已联系客户")
    forged["args"] |= {"user_id": str(uuid.uuid4()), "at": "2099-01-01T00:00:00Z"}  # (no such arguments: refused, not taken)
    good = op("alerts.acknowledge", kind="long_pause", subject_ids=[str(subjects["pause"])], note="已联系客户")
    first, second = results(push(base, token(base), [{"m": 1, "op": forged}, {"m": 2, "op": good}]))
    assert not first["ok"] and second["ok"]
    dispatcher = DeskReader(central).user("wang.wei.central")
    with central.reading() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.entity_id == subjects["pause"], AuditEntry.action == "alert.acknowledged")))
    assert len(rows) == 1 and rows[0].user_id == dispatcher.id and rows[0].reason == "已联系客户"
    assert abs(rows[0].at - datetime.now(UTC)) < timedelta(minutes=5)


UNUSABLE: dict[str, Callable[[WorkOrder], dict]] = {
    "an unknown kind": lambda o: op("alerts.acknowledge", kind="meteor", subject_ids=[str(o.id)], note=""),
    "no list of ids": lambda o: op("alerts.acknowledge", kind="red", subject_ids=str(o.id), note=""),
    "an id that is a number": lambda o: op("alerts.acknowledge", kind="red", subject_ids=[12], note=""),
    "a note too long": lambda o: op("alerts.acknowledge", kind="red", subject_ids=[str(o.id)], note="x" * 5000),
    "a NUL in the note": lambda o: op("alerts.acknowledge", kind="red", subject_ids=[str(o.id)], note="a\x00b"),
    "a lone surrogate": lambda o: op("alerts.acknowledge", kind="red", subject_ids=[str(o.id)], note="\ud800"),
}


def test_unusable_arguments_are_refused_one_by_one_and_the_next_action_applies(centre) -> None:
    base, central, _url = centre
    mine = an_order(central, MINE)
    mark = feed_mark(central)
    refused = each_then_a_good_one(base, token(base), {name: make(mine) for name, make in UNUSABLE.items()}, mine)
    assert all(not answer["ok"] and answer["code"] == "unusable" for answer in refused.values()), refused
    only_the_good_ones_written(central, mark, mine, len(UNUSABLE))
