"""What the monthly operational analysis report reads beside the dashboards' figures: the orders
finished in a month (its SLA compliance), the orders still unfinished past a deadline that fell in
it, and what each breach met on its way (pauses and their reasons, field exceptions, provisioning
steps late at their department). Read from the desk's own file; never commits."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from console.core.domain.enums import CustomerLevel, ExceptionKind, FieldEventKind, OrderKind, OrderStatus, PauseReason, SlaStage
from console.core.store.chunked import chunks
from console.core.store.models import Customer, District, FieldEvent, OrderStep, SlaPause, Technician, WorkOrder

NOT_COUNTED = (OrderStatus.CANCELLED, OrderStatus.SUPERSEDED)  # withdrawn or archived and re-issued: the re-issued order counts


@dataclass(frozen=True)
class ReportOrder:
    """An order as the report counts it: finished in the month, or left past its deadline."""

    id: uuid.UUID
    number: str
    kind: OrderKind
    customer: str
    level: CustomerLevel
    district: str
    district_en: str
    team: str
    due_at: datetime | None
    finished_at: datetime | None  # resolved (else closed); None while unfinished
    stage: SlaStage | None
    replaces_id: uuid.UUID | None

    @property
    def in_time(self) -> bool:
        return self.due_at is None or (self.finished_at is not None and self.finished_at <= self.due_at)


def _orders(session: Session, *conditions) -> list[ReportOrder]:
    finish = func.coalesce(WorkOrder.resolved_at, WorkOrder.closed_at)
    query = (select(WorkOrder.id, WorkOrder.number, WorkOrder.kind, Customer.name, Customer.level, District.name, District.name_en,
                    Technician.team, WorkOrder.due_at, finish, WorkOrder.sla_stage, WorkOrder.replaces_order_id,
                    WorkOrder.resolved_at, WorkOrder.closed_at)
             .join(Customer, Customer.id == WorkOrder.customer_id)
             .outerjoin(District, District.id == WorkOrder.district_id)
             .outerjoin(Technician, Technician.id == WorkOrder.assignee_id)
             .where(WorkOrder.deleted.is_(False), WorkOrder.status.not_in(NOT_COUNTED), *conditions)
             .order_by(WorkOrder.number))
    return [ReportOrder(i, n, k, c or "", lv, d or "", de or "", t or "", due, r or cl, st, rep)
            for i, n, k, c, lv, d, de, t, due, _f, st, rep, r, cl in session.execute(query)]


def finished_orders(session: Session, region_id: uuid.UUID | None, start: datetime, end: datetime) -> list[ReportOrder]:
    """Orders resolved (or closed without a resolution) in [start, end); not cancelled nor superseded."""
    finish = func.coalesce(WorkOrder.resolved_at, WorkOrder.closed_at)
    conditions = [finish >= start, finish < end]
    if region_id is not None:
        conditions.append(WorkOrder.region_id == region_id)
    return _orders(session, *conditions)


def unfinished_breaches(session: Session, region_id: uuid.UUID | None, start: datetime, end: datetime) -> list[ReportOrder]:
    """Orders whose deadline fell in [start, end) and that were not finished by `end` (nor by now), their clock
    not stopped by a pause begun before the deadline: breached and still open when the month ended."""
    finish = func.coalesce(WorkOrder.resolved_at, WorkOrder.closed_at)
    conditions = [WorkOrder.due_at >= start, WorkOrder.due_at < end, or_(finish.is_(None), finish >= end),
                  or_(WorkOrder.paused_since.is_(None), WorkOrder.paused_since > WorkOrder.due_at)]
    if region_id is not None:
        conditions.append(WorkOrder.region_id == region_id)
    return [_unfinished(o) for o in _orders(session, *conditions)]


def _unfinished(order: ReportOrder) -> ReportOrder:
    """As the month ended: not finished (a finish after the month belongs to the next month's figures)."""
    return ReportOrder(order.id, order.number, order.kind, order.customer, order.level, order.district, order.district_en, order.team,
                       order.due_at, None, order.stage, order.replaces_id)


def pause_reasons(session: Session, order_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[PauseReason]]:
    """Order -> the reasons its clock was paused for (each reason once, in the order first used)."""
    out: dict[uuid.UUID, list[PauseReason]] = defaultdict(list)
    for chunk in chunks(order_ids):
        rows = session.execute(select(SlaPause.order_id, SlaPause.reason)
                               .where(SlaPause.order_id.in_(chunk), SlaPause.deleted.is_(False)).order_by(SlaPause.started_at))
        for order, reason in rows:
            if reason not in out[order]:
                out[order].append(reason)
    return dict(out)


def exception_kinds(session: Session, order_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, list[ExceptionKind | None]]:
    """Order -> the field exceptions met on it (on a re-issued order: those met on the order it replaces, keyed
    by that order; the caller looks up both)."""
    out: dict[uuid.UUID, list[ExceptionKind | None]] = defaultdict(list)
    for chunk in chunks(order_ids):
        rows = session.execute(select(FieldEvent.order_id, FieldEvent.exception_kind)
                               .where(FieldEvent.order_id.in_(chunk), FieldEvent.kind == FieldEventKind.EXCEPTION,
                                      FieldEvent.deleted.is_(False)).order_by(FieldEvent.occurred_at))
        for order, kind in rows:
            out[order].append(kind)
    return dict(out)


def late_steps(session: Session, order_ids: Sequence[uuid.UUID], now: datetime) -> dict[uuid.UUID, list[tuple[str, str]]]:
    """Order -> (step value, department) of each provisioning step done after its own deadline, or still
    not done past it at `now`."""
    out: dict[uuid.UUID, list[tuple[str, str]]] = defaultdict(list)
    for chunk in chunks(order_ids):
        rows = session.execute(select(OrderStep.order_id, OrderStep.step, OrderStep.department, OrderStep.due_at, OrderStep.completed_at)
                               .where(OrderStep.order_id.in_(chunk), OrderStep.deleted.is_(False), OrderStep.due_at.is_not(None))
                               .order_by(OrderStep.seq))
        for order, step, department, due, done in rows:
            if (done is not None and done > due) or (done is None and due < now):
                out[order].append((str(step.value if hasattr(step, "value") else step), department))
    return dict(out)


def exceptions_by_kind(session: Session, region_id: uuid.UUID | None, start: datetime, end: datetime) -> dict[str, int]:
    """Exception kind value ('' when none was given) -> field exceptions reported in [start, end) on the region's orders."""
    query = (select(FieldEvent.exception_kind, func.count())
             .where(FieldEvent.deleted.is_(False), FieldEvent.kind == FieldEventKind.EXCEPTION,
                    FieldEvent.occurred_at >= start, FieldEvent.occurred_at < end)
             .group_by(FieldEvent.exception_kind))
    if region_id is not None:
        query = query.join(WorkOrder, WorkOrder.id == FieldEvent.order_id).where(WorkOrder.region_id == region_id)
    return {(k.value if k is not None else ""): int(n) for k, n in session.execute(query)}
