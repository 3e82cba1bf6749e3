"""The alert list's reads beyond the queue's bands: long pauses nobody approved, off-site
check-ins nobody signed off, field exceptions whose orders wait for the desk, and which orders'
alerts were escalated. Columns only (no ORM objects), each one statement, for the desk's worker
threads and the centre's escalation round alike.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import and_, exists, func, or_, select
from sqlalchemy.orm import Session, aliased

from console.core.domain.alerts import ESCALATED
from console.core.domain.enums import OPEN_STATUSES, Band, FieldEventKind, OrderStatus
from console.core.domain.field import SIGNED_OFF
from console.core.store.models import AuditEntry, Customer, FieldEvent, SlaPause, WorkOrder

LIMIT = 2000  # alerts of one kind read at most (the newest)


def _orders(query: Any, region_id: uuid.UUID | None, order: Any = WorkOrder) -> Any:
    query = query.where(order.deleted.is_(False), order.status.in_(OPEN_STATUSES))
    return query if region_id is None else query.where(order.region_id == region_id)


def long_pauses(s: Session, region_id: uuid.UUID | None, started_before: datetime) -> list[Any]:
    """(pause id, order id, number, customer, started at, reason) of the running pauses begun
    before `started_before` (now less the approval limit) that nobody approved."""
    query = (select(SlaPause.id, SlaPause.order_id, WorkOrder.number, Customer.name, SlaPause.started_at, SlaPause.reason)
             .join(WorkOrder, WorkOrder.id == SlaPause.order_id).join(Customer, Customer.id == WorkOrder.customer_id)
             .where(SlaPause.deleted.is_(False), SlaPause.ended_at.is_(None), SlaPause.approved_by.is_(None),
                    SlaPause.started_at <= started_before)
             .order_by(SlaPause.started_at).limit(LIMIT))
    return list(s.execute(_orders(query, region_id)))


def off_site_check_ins(s: Session, region_id: uuid.UUID | None, since: datetime) -> list[Any]:
    """(event id, order id, number, customer, at, distance in m) of the off-site check-ins since
    `since` on open orders that no supervisor signed off."""
    signed = (select(AuditEntry.id).where(AuditEntry.order_id == FieldEvent.order_id, AuditEntry.action == SIGNED_OFF,
                                         AuditEntry.entity_id == FieldEvent.id))
    query = (select(FieldEvent.id, FieldEvent.order_id, WorkOrder.number, Customer.name, FieldEvent.occurred_at, FieldEvent.distance_m)
             .join(WorkOrder, WorkOrder.id == FieldEvent.order_id).join(Customer, Customer.id == WorkOrder.customer_id)
             .where(FieldEvent.kind == FieldEventKind.CHECK_IN, FieldEvent.off_site.is_(True), FieldEvent.deleted.is_(False),
                    FieldEvent.occurred_at >= since, ~exists(signed))
             .order_by(FieldEvent.occurred_at.desc()).limit(LIMIT))
    return list(s.execute(_orders(query, region_id)))


def exceptions_waiting(s: Session, region_id: uuid.UUID | None, since: datetime) -> list[Any]:
    """(event id, order id carrying on, its number, customer, reported at, exception kind) of the
    field exceptions since `since` whose order (the re-issued one where there is one) is open and
    waits for the desk: not dispatched again, or paused."""
    new = aliased(WorkOrder)
    carried = aliased(WorkOrder)
    query = (select(FieldEvent.id, carried.id, carried.number, Customer.name, FieldEvent.occurred_at, FieldEvent.exception_kind)
             .join(WorkOrder, WorkOrder.id == FieldEvent.order_id)
             .outerjoin(new, and_(new.replaces_order_id == WorkOrder.id, new.deleted.is_(False)))
             .join(carried, carried.id == func.coalesce(new.id, WorkOrder.id))
             .join(Customer, Customer.id == carried.customer_id)
             .where(FieldEvent.kind == FieldEventKind.EXCEPTION, FieldEvent.deleted.is_(False), FieldEvent.occurred_at >= since,
                    or_(carried.status == OrderStatus.NEW, carried.paused_since.is_not(None)))
             .order_by(FieldEvent.occurred_at.desc()).limit(LIMIT))
    return list(s.execute(_orders(query, region_id, carried)))


def escalations(s: Session, order_ids: Iterable[uuid.UUID] | None) -> dict[tuple[uuid.UUID, Band], datetime]:
    """When each of these orders' (None: every order's) red or late alert was escalated."""
    query = select(AuditEntry.order_id, AuditEntry.after, AuditEntry.at).where(AuditEntry.action == ESCALATED)
    if order_ids is not None:
        ids = list(order_ids)
        if not ids:
            return {}
        query = query.where(AuditEntry.order_id.in_(ids)) if len(ids) <= 500 else query
        wanted = set(ids)
    out: dict[tuple[uuid.UUID, Band], datetime] = {}
    for order_id, after, at in s.execute(query.order_by(AuditEntry.at)):
        band = (after or {}).get("band")
        if band in (Band.RED.value, Band.BREACHED.value) and (order_ids is None or order_id in wanted):
            out[(order_id, Band(band))] = at
    return out

