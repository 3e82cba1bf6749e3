"""What the compliance audit reads of the orders closed in a period: one query per fact, joined in
Python by order id (a month of a city desk is a few thousand orders)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from console.core.domain.compliance import ClosedOrder
from console.core.domain.enums import AppointmentStatus, FieldEventKind, OrderKind, OrderStatus
from console.core.store.chunked import chunks
from console.core.store.models import Appointment, AppointmentOrder, FieldEvent, Technician, WorkOrder

IN_LIST = 5000  # ids one IN (...) names: a month's closed orders in few statements


@dataclass(frozen=True)
class AuditedOrder:
    id: uuid.UUID
    number: str
    kind: OrderKind
    technician_id: uuid.UUID | None
    technician: str
    team: str
    closed_at: datetime
    facts: ClosedOrder


def closed_orders(session: Session, start: datetime, end: datetime, region_id: uuid.UUID | None) -> list[AuditedOrder]:
    """Orders closed in [start, end) (cancelled and superseded ones are not audited), of the region or all."""
    query = (select(WorkOrder.id, WorkOrder.number, WorkOrder.kind, WorkOrder.due_at, WorkOrder.resolved_at, WorkOrder.closed_at,
                    WorkOrder.returned_at, WorkOrder.assignee_id, Technician.name, Technician.team)
             .outerjoin(Technician, Technician.id == WorkOrder.assignee_id)
             .where(WorkOrder.status == OrderStatus.CLOSED, WorkOrder.deleted.is_(False), WorkOrder.closed_at >= start,
                    WorkOrder.closed_at < end))
    if region_id is not None:
        query = query.where(WorkOrder.region_id == region_id)
    orders = session.execute(query).all()
    ids = [o.id for o in orders]
    visits, events = _visits(session, ids), _events(session, ids)
    out = []
    for o in orders:
        visit = visits.get(o.id)
        check_in = events.get((o.id, FieldEventKind.CHECK_IN))
        out.append(AuditedOrder(o.id, o.number, o.kind, o.assignee_id, o.name or "", o.team or "", o.closed_at, ClosedOrder(
            kind=o.kind, due_at=o.due_at, resolved_at=o.resolved_at, closed_at=o.closed_at, returned_at=o.returned_at,
            appointment_reached=None if visit is None else visit[1] is not None, window_end=visit[0] if visit else None,
            check_in_at=check_in[0] if check_in else None, check_in_off_site=bool(check_in and check_in[1]),
            tests=(o.id, FieldEventKind.TEST_RESULT) in events, report=(o.id, FieldEventKind.DELIVERY_REPORT) in events,
            signed=(o.id, FieldEventKind.SIGNATURE) in events)))
    return out


def _visits(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[datetime, object]]:
    """Each order's first visit that was not cancelled: (window end, how the customer was reached)."""
    out: dict[uuid.UUID, tuple[datetime, object]] = {}
    for chunk in chunks(ids, IN_LIST):
        rows = session.execute(
            select(AppointmentOrder.order_id, Appointment.window_start, Appointment.window_end, Appointment.contact_method)
            .join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
            .where(AppointmentOrder.order_id.in_(chunk), AppointmentOrder.deleted.is_(False),
                   Appointment.status != AppointmentStatus.CANCELLED)
            .order_by(Appointment.window_start))
        for order_id, _start, window_end, method in rows:
            out.setdefault(order_id, (window_end, method))
    return out


def _events(session: Session, ids: list[uuid.UUID]) -> dict[tuple[uuid.UUID, FieldEventKind], tuple[datetime, bool]]:
    """(order, kind) -> (first time, any flagged off site) of the order's field events."""
    out: dict[tuple[uuid.UUID, FieldEventKind], tuple[datetime, bool]] = {}
    for chunk in chunks(ids, IN_LIST):
        rows = session.execute(
            select(FieldEvent.order_id, FieldEvent.kind, func.min(FieldEvent.occurred_at), func.max(FieldEvent.off_site))
            .where(FieldEvent.order_id.in_(chunk), FieldEvent.deleted.is_(False))
            .group_by(FieldEvent.order_id, FieldEvent.kind))
        for order_id, kind, first, off_site in rows:
            out[(order_id, kind)] = (first, bool(off_site))
    return out
