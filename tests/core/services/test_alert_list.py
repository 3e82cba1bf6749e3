"""The alert list beyond the bands, against rows made by hand: a pause past the approval limit
nobody approved, an off-site check-in nobody signed off, a field exception whose order waits;
each gone once handled, each acknowledged with a note; the escalation rule."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.core.domain.alerts import AlertKind, alert_since, escalation_due
from console.core.domain.callbacks import CallbackState
from console.core.domain.enums import Band, ExceptionKind, FieldEventKind, OrderStatus, PauseReason
from console.core.domain.lifecycle import Refusal
from console.core.services.alert_list import AlertDesk
from console.core.services.desk import DeskReader
from console.core.services.field_desk import FieldDesk
from console.core.store.models import Callback, FieldEvent, Region, SlaPause, WorkOrder
from tests.fixtures.demo import DEMO_NOW


def desk_of(db, username=None) -> AlertDesk:
    return AlertDesk(db, DeskReader(db).user(username), lambda: DEMO_NOW)


def open_orders(db, status: OrderStatus = OrderStatus.DISPATCHED, count: int = 3) -> list[WorkOrder]:
    """Open orders with no pause and no field event of their own (so nothing else raises an alert on them)."""
    with db.reading() as s:
        touched = set(s.scalars(select(FieldEvent.order_id))) | set(s.scalars(select(SlaPause.order_id)))
        found = [o for o in s.scalars(select(WorkOrder).where(WorkOrder.status == status, WorkOrder.paused_since.is_(None))
                                      .order_by(WorkOrder.number)) if o.id not in touched][:count]
        for order in found:
            s.expunge(order)
    assert len(found) == count
    return found


def kinds_of(alerts, order_ids) -> dict:
    return {(a.order_id, a.kind): a for a in alerts.alerts if a.order_id in order_ids}


def test_a_long_pause_is_an_alert_until_approved_and_a_short_one_never(demo_db) -> None:
    long, short, approved = open_orders(demo_db)
    approver = DeskReader(demo_db).user("supervisor.central")
    with demo_db.unit_of_work() as s:
        long_pause = SlaPause(order_id=long.id, reason=PauseReason.CUSTOMER_NOT_READY, started_at=DEMO_NOW - timedelta(hours=25))
        s.add_all([long_pause,
                   SlaPause(order_id=short.id, reason=PauseReason.CUSTOMER_NOT_READY, started_at=DEMO_NOW - timedelta(hours=23)),
                   SlaPause(order_id=approved.id, reason=PauseReason.CUSTOMER_POSTPONED, started_at=DEMO_NOW - timedelta(hours=30),
                            approved_by=approver.id)])
    found = kinds_of(desk_of(demo_db).field_alerts(None), {long.id, short.id, approved.id})
    assert set(found) == {(long.id, AlertKind.LONG_PAUSE)}
    alert = found[(long.id, AlertKind.LONG_PAUSE)]
    assert alert.subject_id == long_pause.id and alert.since == DEMO_NOW - timedelta(hours=1)  # it became an alert at the limit
    assert alert.detail == PauseReason.CUSTOMER_NOT_READY.value and alert.number == long.number


def test_an_off_site_check_in_is_an_alert_until_signed_off_and_an_old_one_is_not(demo_db) -> None:
    fresh, signed, old = open_orders(demo_db)
    with demo_db.unit_of_work() as s:
        events = {o.id: FieldEvent(order_id=o.id, kind=FieldEventKind.CHECK_IN, occurred_at=at, received_at=at, latitude=31.2,
                                   longitude=121.4, distance_m=850.0, off_site=True, payload={})
                  for o, at in ((fresh, DEMO_NOW - timedelta(hours=2)), (signed, DEMO_NOW - timedelta(hours=3)),
                                (old, DEMO_NOW - timedelta(hours=49)))}
        s.add_all(events.values())
    supervisor = DeskReader(demo_db).user("supervisor.central")
    FieldDesk(demo_db, supervisor, lambda: DEMO_NOW).sign_off_check_in(signed.id, events[signed.id].id, "客户新址，已核实")
    found = kinds_of(desk_of(demo_db).field_alerts(None), {fresh.id, signed.id, old.id})
    assert set(found) == {(fresh.id, AlertKind.OFF_SITE)}
    assert found[(fresh.id, AlertKind.OFF_SITE)].detail == "850" and found[(fresh.id, AlertKind.OFF_SITE)].subject_id == events[fresh.id].id


def test_an_exception_waits_while_its_order_is_not_dispatched_again_or_is_paused(demo_db) -> None:
    waiting, = open_orders(demo_db, OrderStatus.NEW, 1)
    paused, dispatched = open_orders(demo_db, OrderStatus.DISPATCHED, 2)
    with demo_db.unit_of_work() as s:
        for order in (waiting, paused, dispatched):
            s.add(FieldEvent(order_id=order.id, kind=FieldEventKind.EXCEPTION, occurred_at=DEMO_NOW - timedelta(hours=1),
                             received_at=DEMO_NOW - timedelta(hours=1), exception_kind=ExceptionKind.FIBER_PORT_BROKEN, payload={}))
        s.get(WorkOrder, paused.id).paused_since = DEMO_NOW - timedelta(minutes=50)
    found = kinds_of(desk_of(demo_db).field_alerts(None), {waiting.id, paused.id, dispatched.id})
    assert set(found) == {(waiting.id, AlertKind.EXCEPTION), (paused.id, AlertKind.EXCEPTION)}
    assert found[(waiting.id, AlertKind.EXCEPTION)].detail == ExceptionKind.FIBER_PORT_BROKEN.value


def test_a_region_desk_reads_only_its_regions_alerts(demo_db) -> None:
    order, = open_orders(demo_db, count=1)
    with demo_db.unit_of_work() as s:
        s.add(SlaPause(order_id=order.id, reason=PauseReason.CUSTOMER_NOT_READY, started_at=DEMO_NOW - timedelta(hours=30)))
    with demo_db.reading() as s:
        other = next(r for r in s.scalars(select(Region.id)) if r != order.region_id)
    assert (order.id, AlertKind.LONG_PAUSE) in kinds_of(desk_of(demo_db).field_alerts(order.region_id), {order.id})
    assert not kinds_of(desk_of(demo_db).field_alerts(other), {order.id})


def test_each_kind_is_acknowledged_with_a_note_and_a_wrong_subject_is_refused(demo_db) -> None:
    order, = open_orders(demo_db, count=1)
    with demo_db.unit_of_work() as s:
        pause = SlaPause(order_id=order.id, reason=PauseReason.CUSTOMER_NOT_READY, started_at=DEMO_NOW - timedelta(hours=30))
        check_in = FieldEvent(order_id=order.id, kind=FieldEventKind.CHECK_IN, occurred_at=DEMO_NOW - timedelta(hours=1),
                              received_at=DEMO_NOW, latitude=31.2, longitude=121.4, distance_m=900.0, off_site=True, payload={})
        s.add_all([pause, check_in])
    desk = desk_of(demo_db, "wang.wei.central")
    assert not desk.acknowledge(AlertKind.LONG_PAUSE, [pause.id], "  已联系客户，明天复工  ").refused
    outcome = desk.acknowledge(AlertKind.OFF_SITE, [check_in.id, pause.id], "")  # (the pause is no check-in)
    assert outcome.refused == {pause.id: ("", Refusal.NOT_FOUND)} and outcome.changes.orders == {order.id}
    alerts = desk.field_alerts(None)
    assert alerts.acknowledged[(pause.id, AlertKind.LONG_PAUSE)].note == "已联系客户，明天复工"
    assert alerts.acknowledged[(check_in.id, AlertKind.OFF_SITE)].at == DEMO_NOW
    assert not desk.acknowledge(AlertKind.RED, [order.id], "").refused
    with pytest.raises(ValueError, match="note"):
        desk.acknowledge(AlertKind.LONG_PAUSE, [pause.id], "x" * 501)


def test_an_alert_is_escalated_once_after_the_limit_unless_acknowledged() -> None:
    now, after = DEMO_NOW, timedelta(minutes=30)
    red_at, due_at = now - timedelta(minutes=40), now + timedelta(hours=1)
    since = alert_since(Band.RED, red_at, due_at)
    assert since == red_at and alert_since(Band.BREACHED, red_at, due_at) == due_at
    assert escalation_due(since, now, after, acknowledged=False, escalated=False)
    assert not escalation_due(since, now, after, acknowledged=True, escalated=False)
    assert not escalation_due(since, now, after, acknowledged=False, escalated=True)
    assert not escalation_due(now - timedelta(minutes=29), now, after, acknowledged=False, escalated=False)
    assert escalation_due(now - after, now, after, acknowledged=False, escalated=False)  # (at the limit itself)


def test_an_overdue_callback_is_an_alert_until_called_and_is_acknowledged_by_its_id(demo_db) -> None:
    desk = desk_of(demo_db, "wang.wei.central")
    overdue = [a for a in desk.field_alerts(None).alerts if a.kind is AlertKind.CALLBACK_OVERDUE]
    assert overdue, "the demo has a callback or two past due"
    with demo_db.reading() as s:
        task = s.get(Callback, overdue[0].subject_id)
        assert task.order_id == overdue[0].order_id and overdue[0].since == task.due_at < DEMO_NOW
    assert not desk.acknowledge(AlertKind.CALLBACK_OVERDUE, [task.id], "今天下午再打").refused
    assert desk.field_alerts(None).acknowledged[(task.id, AlertKind.CALLBACK_OVERDUE)].note == "今天下午再打"
    with demo_db.unit_of_work() as s:
        s.get(Callback, task.id).state = CallbackState.CALLED
    assert task.id not in {a.subject_id for a in desk.field_alerts(None).alerts}
