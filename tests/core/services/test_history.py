"""An order's whole story on one time line: every moment in time order, each said once, closed and
superseded orders included, linked to the order that carried them on."""

from __future__ import annotations

from collections import Counter

from sqlalchemy import func, select

from console.core.domain.enums import AppointmentChangeKind, FieldEventKind, OrderKind, OrderStatus
from console.core.services.desk import DeskReader
from console.core.services.history import order_timeline
from console.core.store.models import AppointmentChange, AppointmentOrder, AuditEntry, FieldEvent, SlaPause, WorkOrder
from tests.fixtures.demo import DEMO_NOW

EVERY_FIELD_EVENT = {FieldEventKind.CHECK_IN, FieldEventKind.TEST_RESULT, FieldEventKind.DELIVERY_REPORT, FieldEventKind.SIGNATURE,
                     FieldEventKind.SATISFACTION}


def _closed_with_every_field_event(session) -> WorkOrder:
    kinds = func.count(func.distinct(FieldEvent.kind))
    order_id = session.scalar(
        select(FieldEvent.order_id).join(WorkOrder, WorkOrder.id == FieldEvent.order_id)
        .where(WorkOrder.status == OrderStatus.CLOSED, WorkOrder.kind == OrderKind.PROVISIONING)
        .group_by(FieldEvent.order_id).having(kinds == len(EVERY_FIELD_EVENT)).order_by(FieldEvent.order_id).limit(1)
    )
    return session.get(WorkOrder, order_id)


def test_a_closed_orders_time_line_is_ordered_and_complete(demo_db) -> None:
    with demo_db.reading() as session:
        order = _closed_with_every_field_event(session)
        events = session.scalars(select(FieldEvent).where(FieldEvent.order_id == order.id)).all()
        audit = session.scalars(select(AuditEntry).where(AuditEntry.order_id == order.id)).all()
    detail = DeskReader(demo_db).detail(order.id, DEMO_NOW)
    line = detail.timeline
    assert [e.at for e in line] == sorted(e.at for e in line)
    kinds = Counter(e.kind for e in line)
    assert line[0].kind == "order.created" and line[0].at == min(e.at for e in line)
    for event in events:  # every field event, at its time, by its technician, with its distance
        assert any(e.kind == f"field.{event.kind.value}" and e.at == event.occurred_at for e in line), event.kind
    check_in = next(e for e in line if e.kind == "field.check_in")
    assert check_in.details["distance_m"] >= 0 and check_in.who == detail.assignee
    for row in audit:
        assert any(e.kind == row.action and e.at == row.at for e in line), row.action
    assert kinds["order.closed"] == 1 and kinds["order.resolved"] == 1 and kinds["order.billing_started"] == 1
    assert detail.timeline[-1].at <= detail.closed_at or detail.timeline[-1].kind == "field.satisfaction"
    assert detail.closed_at == order.closed_at and detail.sla is None  # (closed: nothing counts down)


def test_a_superseded_order_links_to_the_order_that_carried_it_on(demo_db) -> None:
    with demo_db.reading() as session:
        old = session.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.SUPERSEDED)).first()
        new = session.scalars(select(WorkOrder).where(WorkOrder.replaces_order_id == old.id)).one()
        line = order_timeline(session, old.id, DEMO_NOW)
        carried = order_timeline(session, new.id, DEMO_NOW)
    exception = next(e for e in line if e.kind == "field.exception")
    assert exception.linked == (new.id, new.number) and exception.details["exception_kind"]
    assert next(e for e in line if e.kind == "order.superseded").linked == (new.id, new.number)
    assert any(e.linked == (old.id, old.number) for e in carried)
    detail = DeskReader(demo_db).detail(old.id, DEMO_NOW)
    assert detail.replaced_by_number == new.number and detail.status is OrderStatus.SUPERSEDED


def test_pauses_and_appointment_changes_are_said_once_with_who(demo_db) -> None:
    with demo_db.reading() as session:
        pause = session.scalars(select(SlaPause).where(SlaPause.ended_at.is_not(None))).first()
        line = order_timeline(session, pause.order_id, DEMO_NOW)
        moved = session.scalar(select(AppointmentOrder.order_id).join(
            AppointmentChange, AppointmentChange.appointment_id == AppointmentOrder.appointment_id)
            .where(AppointmentChange.kind == AppointmentChangeKind.RESCHEDULED).limit(1))
        booked_line = order_timeline(session, moved, DEMO_NOW)
    paused = [e for e in line if e.kind == "sla.paused" and e.at == pause.started_at]
    assert len(paused) == 1 and paused[0].who and paused[0].details["reason"] == pause.reason.value
    assert len([e for e in line if e.kind == "sla.resumed" and e.at == pause.ended_at]) == 1
    rescheduled = [e for e in booked_line if e.kind == "appointment.rescheduled"]
    assert len(rescheduled) == 1 and rescheduled[0].details["reason"] and rescheduled[0].details["old_start"]
    assert len([e for e in booked_line if e.kind == "appointment.booked"]) == 1


def test_a_late_orders_bands_are_derived_from_its_deadline(demo_db) -> None:
    with demo_db.reading() as session:
        late = session.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.CLOSED,
                                                       WorkOrder.resolved_at > WorkOrder.due_at)).first()
        line = order_timeline(session, late.id, DEMO_NOW)
    derived = [e.kind for e in line if e.derived]
    assert derived[:3] == ["sla.turned_amber", "sla.turned_red", "sla.breached"]
    assert next(e for e in line if e.kind == "sla.breached").at == late.due_at
