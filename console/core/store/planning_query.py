"""The reads planning needs: technicians with their shifts and visits over a span, and the open
orders still waiting for a visit. Frozen rows; never commits."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from console.core.domain.appointments import OPEN
from console.core.domain.enums import OPEN_STATUSES, AppointmentStatus, CustomerLevel, OrderKind, OrderStatus, ProvisioningStep
from console.core.domain.positions import Fix
from console.core.domain.sla_clock import SlaClock, SlaTimes
from console.core.domain.visits import required_skills
from console.core.store.chunked import chunks
from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    Customer,
    Region,
    Shift,
    Site,
    SlaPause,
    Technician,
    WorkOrder,
)


@dataclass(frozen=True)
class PlanTechnician:
    id: uuid.UUID
    name: str
    team: str
    region_id: uuid.UUID
    region: str
    region_en: str
    skills: frozenset[str]
    active: bool
    home: tuple[float, float] | None
    last: Fix | None = None  # the last position the field app reported, however old


@dataclass(frozen=True)
class PlanShift:
    technician_id: uuid.UUID
    start: datetime
    end: datetime
    break_start: datetime | None
    break_end: datetime | None


@dataclass(frozen=True)
class PlanOrder:
    """An open order as planning sees it: what the visit needs and how urgent it is."""

    id: uuid.UUID
    number: str
    kind: OrderKind
    status: OrderStatus
    level: CustomerLevel
    customer: str
    site_id: uuid.UUID
    site: str
    address: str
    position: tuple[float, float] | None
    region_id: uuid.UUID
    skills: frozenset[str]
    access_points: int
    assignee_id: uuid.UUID | None
    sla: SlaClock | None
    version: int
    appointment_id: uuid.UUID | None  # its open appointment, if it has one


@dataclass(frozen=True)
class PlanVisit:
    """One appointment: a bar on the board."""

    id: uuid.UUID
    technician_id: uuid.UUID | None
    start: datetime  # planned start, or the window's start when none is planned
    minutes: int
    window_start: datetime
    window_end: datetime
    status: AppointmentStatus
    locked: bool
    site_id: uuid.UUID
    position: tuple[float, float] | None
    order_ids: tuple[uuid.UUID, ...]
    version: int

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class PlanData:
    start: datetime
    end: datetime
    technicians: tuple[PlanTechnician, ...]
    shifts: tuple[PlanShift, ...]
    visits: tuple[PlanVisit, ...]
    orders: dict[uuid.UUID, PlanOrder]  # the open orders of the visits, and those waiting for one
    waiting: tuple[uuid.UUID, ...]  # open orders with no technician's visit yet, most urgent first


def plan_data(session: Session, region_id: uuid.UUID | None, start: datetime, end: datetime, *,
              technicians: set[uuid.UUID] | None = None, also_orders: set[uuid.UUID] | None = None,
              waiting: bool = True) -> PlanData:
    """The span's technicians, shifts and visits. `technicians` narrows it to some technicians
    (their visits, plus the visits of `also_orders`); without `waiting` only the visits' orders
    (and `also_orders`) are read, not every open order."""
    techs = _technicians(session, region_id, technicians)
    tech_ids = [t.id for t in techs]
    shifts = tuple(
        PlanShift(s.technician_id, s.starts_at, s.ends_at, s.break_starts_at, s.break_ends_at)
        for s in session.scalars(
            select(Shift).where(Shift.deleted.is_(False), Shift.starts_at < end, Shift.ends_at > start,
                                Shift.technician_id.in_(tech_ids)).order_by(Shift.starts_at)
        )
    )
    also = also_orders or set()
    visits = _visits(session, start, end, technicians, also)
    in_visits = {o for v in visits for o in v.order_ids} | also
    orders = _orders(session, region_id, in_visits, waiting)
    waiting = waiting_orders(orders, visits, start)
    if region_id is not None:
        ours = set(tech_ids)
        visits = [v for v in visits if v.technician_id in ours or any(
            orders[o].region_id == region_id for o in v.order_ids if o in orders)]
    return PlanData(start, end, tuple(techs), shifts, tuple(visits), orders, waiting)


def waiting_orders(orders: dict[uuid.UUID, PlanOrder], visits: Collection[PlanVisit], start: datetime) -> tuple[uuid.UUID, ...]:
    """The orders no technician's visit is for, still to be planned, most urgent first."""
    assigned_visit = {o for v in visits if v.technician_id is not None for o in v.order_ids}
    waiting = sorted((o for o in orders.values() if o.id not in assigned_visit and o.status in _WAITING),
                     key=lambda o: (o.sla.times.due_at if o.sla else datetime.max.replace(tzinfo=start.tzinfo), o.number))
    return tuple(o.id for o in waiting)


# Orders a visit is still to be planned for; in progress and resolved ones are past that.
_WAITING = frozenset({OrderStatus.NEW, OrderStatus.DISPATCHED, OrderStatus.ACCEPTED})


def _technicians(session: Session, region_id: uuid.UUID | None, ids: set[uuid.UUID] | None = None) -> list[PlanTechnician]:
    query = (select(Technician, Region.name, Region.name_en).join(Region, Region.id == Technician.region_id)
             .where(Technician.deleted.is_(False), Technician.active.is_(True)))
    if region_id is not None:
        query = query.where(Technician.region_id == region_id)
    if ids is not None:
        query = query.where(Technician.id.in_(sorted(ids)))
    return [
        PlanTechnician(t.id, t.name, t.team, t.region_id, region, region_en, frozenset(t.skills), t.active,
                       (t.home_lat, t.home_lon) if t.home_lat is not None and t.home_lon is not None else None,
                       Fix(t.last_lat, t.last_lon, t.last_seen_at) if t.last_lat is not None and t.last_lon is not None
                       and t.last_seen_at is not None else None)
        for t, region, region_en in session.execute(query.order_by(Region.code, Technician.team, Technician.name))
    ]


def _visits(session: Session, start: datetime, end: datetime, technicians: set[uuid.UUID] | None = None,
            also_orders: Collection[uuid.UUID] = ()) -> list[PlanVisit]:
    """The open and kept visits over the span; with `technicians`, only theirs and the visits of
    `also_orders` (a booking's check reads one technician's days, not the whole city's)."""
    planned = Appointment.planned_start
    query = (
        select(Appointment, Site.latitude, Site.longitude)
        .join(Site, Site.id == Appointment.site_id)
        .where(Appointment.deleted.is_(False), Appointment.status.in_(list(OPEN | {AppointmentStatus.KEPT})),
               or_(and_(planned.is_not(None), planned < end, planned >= start - timedelta(days=1)),
                   and_(planned.is_(None), Appointment.window_start < end, Appointment.window_end > start)))
    )
    if technicians is not None:
        theirs = Appointment.technician_id.in_(sorted(technicians))
        if also_orders:
            of_orders = select(AppointmentOrder.appointment_id).where(AppointmentOrder.order_id.in_(sorted(also_orders)),
                                                                      AppointmentOrder.deleted.is_(False))
            theirs = or_(theirs, Appointment.id.in_(of_orders))
        query = query.where(theirs)
    rows = session.execute(query).all()
    ids = [a.id for a, _lat, _lon in rows]
    order_ids: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    for chunk in chunks(ids):
        for appointment_id, order_id in session.execute(
            select(AppointmentOrder.appointment_id, AppointmentOrder.order_id)
            .where(AppointmentOrder.appointment_id.in_(chunk), AppointmentOrder.deleted.is_(False))
        ):
            order_ids[appointment_id].append(order_id)
    visits = []
    for a, lat, lon in rows:
        visit = PlanVisit(a.id, a.technician_id, a.planned_start or a.window_start, a.duration_minutes, a.window_start,
                          a.window_end, a.status, a.locked, a.site_id, (lat, lon) if lat is not None and lon is not None else None,
                          tuple(sorted(order_ids.get(a.id, ()))), a.version)
        if visit.end > start and visit.start < end:
            visits.append(visit)
    visits.sort(key=lambda v: (v.start, str(v.id)))
    return visits


def _orders(session: Session, region_id: uuid.UUID | None, also: set[uuid.UUID], waiting: bool) -> dict[uuid.UUID, PlanOrder]:
    query = (
        select(WorkOrder, Customer.name, Customer.level, Site.name, Site.address, Site.latitude, Site.longitude)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .join(Site, Site.id == WorkOrder.site_id)
        .where(WorkOrder.deleted.is_(False), WorkOrder.status.in_(list(OPEN_STATUSES)))
    )
    if not waiting:
        fetched = [row for chunk in chunks(sorted(also)) for row in session.execute(query.where(WorkOrder.id.in_(chunk)))]
    else:
        if region_id is not None:
            query = query.where(or_(WorkOrder.region_id == region_id, WorkOrder.id.in_(also)) if also else WorkOrder.region_id == region_id)
        fetched = session.execute(query).all()
    ids = [row[0].id for row in fetched]
    approved, open_appointment = set(), {}
    for chunk in chunks(ids):
        approved.update(session.scalars(select(SlaPause.order_id).where(
            SlaPause.order_id.in_(chunk), SlaPause.ended_at.is_(None), SlaPause.approved_by.is_not(None), SlaPause.deleted.is_(False))))
        open_appointment.update(session.execute(
            select(AppointmentOrder.order_id, Appointment.id)
            .join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
            .where(AppointmentOrder.order_id.in_(chunk), AppointmentOrder.deleted.is_(False),
                   Appointment.deleted.is_(False), Appointment.status.in_(list(OPEN)))
        ).all())
    orders = {}
    for order, customer, level, site, address, lat, lon in fetched:
        orders[order.id] = PlanOrder(
            order.id, order.number, order.kind, order.status, level, customer, order.site_id, site, order.address or address,
            (lat, lon) if lat is not None and lon is not None else None, order.region_id,
            required_skills(order.kind, _visit_step(order.current_step)), order.access_points, order.assignee_id,
            _clock(order, order.id in approved), order.version, open_appointment.get(order.id),
        )
    return orders


def _visit_step(step: ProvisioningStep | None) -> ProvisioningStep | None:
    return step if step in (ProvisioningStep.CONSTRUCTION, ProvisioningStep.CONFIGURATION) else None


def _clock(order: WorkOrder, approved: bool) -> SlaClock | None:
    if order.due_at is None or order.amber_at is None or order.red_at is None or order.sla_limit_seconds is None:
        return None
    times = SlaTimes(order.due_at, order.amber_at, order.red_at, timedelta(seconds=order.sla_limit_seconds), bool(order.sla_business))
    return SlaClock(times, order.paused_since, approved)


def regions(session: Session) -> list[tuple[uuid.UUID, str, str]]:
    """Every region: id, name, English name, in code order."""
    return [tuple(row) for row in session.execute(
        select(Region.id, Region.name, Region.name_en).where(Region.deleted.is_(False)).order_by(Region.code))]
