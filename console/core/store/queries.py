"""The reads the desk's screens need, each one query shape, returning frozen rows. Never commits."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from console.core.domain.enums import OPEN_STATUSES, AppointmentStatus, Role
from console.core.domain.sla_clock import SlaClock, SlaTimes
from console.core.store.models import (
    Appointment,
    AppointmentChange,
    AppointmentOrder,
    AuditEntry,
    Customer,
    District,
    FieldEvent,
    OrderStep,
    Region,
    Service,
    Site,
    SlaPause,
    Technician,
    User,
    WorkOrder,
)
from console.core.store.queue_query import open_queue  # noqa: F401  (the queue's own fast query)
from console.core.store.rows import (
    AppointmentChangeRow,
    AppointmentRow,
    DeskUser,
    HistoryEntry,
    OrderDetail,
    PauseRow,
    SiteOfOrder,
    StepRow,
    TechnicianRow,
)


def order_detail(session: Session, order_id: uuid.UUID) -> OrderDetail | None:
    replaced_by = aliased(WorkOrder)
    replaces = aliased(WorkOrder)
    row = session.execute(
        select(WorkOrder, Customer, Site, District, Service, Technician, replaces.number, replaced_by.number)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .join(Site, Site.id == WorkOrder.site_id)
        .join(District, District.id == Site.district_id)
        .outerjoin(Service, Service.id == WorkOrder.service_id)
        .outerjoin(Technician, Technician.id == WorkOrder.assignee_id)
        .outerjoin(replaces, replaces.id == WorkOrder.replaces_order_id)
        .outerjoin(replaced_by, replaced_by.replaces_order_id == WorkOrder.id)
        .where(WorkOrder.id == order_id)
    ).first()
    if row is None:
        return None
    order, customer, site, district, service, tech, replaces_number, replaced_by_number = row
    return OrderDetail(
        id=order.id, number=order.number, kind=order.kind, status=order.status, priority=order.priority,
        title=order.title, received_at=order.received_at, sla_started_at=order.sla_started_at, due_at=order.due_at, response_due_at=order.response_due_at,
        paused_since=order.paused_since, current_step=order.current_step,
        assignee=tech.name if tech else None, assignee_phone=tech.phone if tech else None,
        access_points=order.access_points, customer_name=customer.name, customer_code=customer.code,
        level=customer.level, industry=customer.industry, contact_name=customer.contact_name,
        contact_phone=customer.contact_phone, account_manager=customer.account_manager,
        site_name=site.name, address=site.address, district=district.name, district_en=district.name_en,
        latitude=site.latitude, longitude=site.longitude, optical_box=site.optical_box, optical_port=site.optical_port,
        service_type=service.service_type if service else None, circuit_id=service.circuit_id if service else None,
        assurance=service.assurance if service else None, bandwidth_mbps=service.bandwidth_mbps if service else None,
        replaces_number=replaces_number, replaced_by_number=replaced_by_number,
        appointments=_appointments(session, order_id),
        pauses=tuple(
            PauseRow(p.reason, p.note, p.started_at, p.ended_at)
            for p in session.scalars(select(SlaPause).where(SlaPause.order_id == order_id).order_by(SlaPause.started_at))
        ),
        steps=tuple(
            StepRow(s.step, s.department, s.due_at, s.completed_at)
            for s in session.scalars(select(OrderStep).where(OrderStep.order_id == order_id).order_by(OrderStep.seq))
        ),
        history=_history(session, order_id),
        sla=_sla_clock(session, order), resolved_at=order.resolved_at, closed_at=order.closed_at,
    )


def _sla_clock(session: Session, order: WorkOrder) -> SlaClock | None:
    """The instants the queue ticks an open order on (None for a closed one, or one never computed)."""
    if not order.status.is_open or None in (order.due_at, order.amber_at, order.red_at, order.sla_limit_seconds):
        return None
    times = SlaTimes(order.due_at, order.amber_at, order.red_at, timedelta(seconds=order.sla_limit_seconds), bool(order.sla_business))
    approved = order.paused_since is not None and session.scalar(
        select(SlaPause.approved_by).where(SlaPause.order_id == order.id, SlaPause.ended_at.is_(None), SlaPause.deleted.is_(False))
    ) is not None
    return SlaClock(times, order.paused_since, approved)


def _appointments(session: Session, order_id: uuid.UUID) -> tuple[AppointmentRow, ...]:
    appointments = session.execute(
        select(Appointment, Technician.name)
        .join(AppointmentOrder, AppointmentOrder.appointment_id == Appointment.id)
        .outerjoin(Technician, Technician.id == Appointment.technician_id)
        .where(AppointmentOrder.order_id == order_id)
        .order_by(Appointment.window_start)
    ).all()
    out = []
    for appointment, tech_name in appointments:
        numbers = session.scalars(
            select(WorkOrder.number)
            .join(AppointmentOrder, AppointmentOrder.order_id == WorkOrder.id)
            .where(AppointmentOrder.appointment_id == appointment.id)
            .order_by(WorkOrder.number)
        ).all()
        changes = session.execute(
            select(AppointmentChange, User.display_name)
            .outerjoin(User, User.id == AppointmentChange.changed_by)
            .where(AppointmentChange.appointment_id == appointment.id)
            .order_by(AppointmentChange.changed_at)
        ).all()
        out.append(
            AppointmentRow(
                appointment.id, appointment.window_start, appointment.window_end, appointment.status, tech_name,
                appointment.contact_name, appointment.contact_phone, appointment.contact_method, tuple(numbers),
                tuple(
                    AppointmentChangeRow(c.kind, c.changed_at, who, c.contact_method, c.reason, c.reason_text, c.old_start, c.new_start)
                    for c, who in changes
                ),
            )
        )
    return tuple(out)


def _history(session: Session, order_id: uuid.UUID) -> tuple[HistoryEntry, ...]:
    entries = [
        HistoryEntry(a.at, who, a.action, dict(a.after or {}), a.reason)
        for a, who in session.execute(
            select(AuditEntry, User.display_name)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.order_id == order_id)
        )
    ]
    for event, who in session.execute(
        select(FieldEvent, Technician.name)
        .outerjoin(Technician, Technician.id == FieldEvent.technician_id)
        .where(FieldEvent.order_id == order_id)
    ):
        details = dict(event.payload or {})
        if event.distance_m is not None:
            details.update(distance_m=event.distance_m, off_site=event.off_site)
        if event.exception_kind is not None:
            details["exception_kind"] = event.exception_kind.value
        if event.rating is not None:
            details.update(rating=event.rating.value, respondent=event.respondent.value if event.respondent else None)
        entries.append(HistoryEntry(event.occurred_at, who, f"field.{event.kind.value}", details))
    return tuple(sorted(entries, key=lambda e: e.at))


def desk_user(session: Session, username: str | None) -> DeskUser | None:
    """The desk's user by name; without one (the local desk), the administrator, who sees every region."""
    stmt = select(User, Region.name, Region.name_en).outerjoin(Region, Region.id == User.region_id).where(User.active.is_(True))
    stmt = stmt.where(User.username == username) if username else stmt.where(User.role == Role.ADMIN).order_by(User.username)
    row = session.execute(stmt.limit(1)).first()
    if row is None:
        return None if username else DeskUser(None, "local", "local", Role.ADMIN, None, None, None)
    user, region, region_en = row
    return DeskUser(user.id, user.username, user.display_name, user.role, user.region_id, region, region_en)


def technicians(session: Session, region_id: uuid.UUID | None = None) -> list[TechnicianRow]:
    stmt = (
        select(Technician, Region.name, Region.name_en)
        .join(Region, Region.id == Technician.region_id)
        .where(Technician.active.is_(True), Technician.deleted.is_(False))
        .order_by(Region.code, Technician.team, Technician.name)
    )
    if region_id is not None:
        stmt = stmt.where(Technician.region_id == region_id)
    return [
        TechnicianRow(t.id, t.employee_no, t.name, t.phone, t.team, t.region_id, region, region_en, tuple(t.skills))
        for t, region, region_en in session.execute(stmt)
    ]


def open_order_sites(session: Session, region_id: uuid.UUID | None = None) -> list[SiteOfOrder]:
    """Where each open order is: its site's name and position (None when never geocoded)."""
    stmt = (
        select(WorkOrder.id, Site.id, Site.name, Site.address, Site.latitude, Site.longitude)
        .join(Site, Site.id == WorkOrder.site_id)
        .where(WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.deleted.is_(False))
    )
    if region_id is not None:
        stmt = stmt.where(WorkOrder.region_id == region_id)
    return [SiteOfOrder(*row) for row in session.execute(stmt)]


def district_centres(session: Session) -> list[tuple[str, str, float, float]]:
    return [tuple(r) for r in session.execute(select(District.name, District.name_en, District.center_lat, District.center_lon))]


def technician_positions(session: Session, region_id: uuid.UUID | None = None, only: set[uuid.UUID] | None = None) -> list[tuple]:
    """(id, name, last latitude, longitude, last seen) of active technicians with a position (`only`: of these)."""
    stmt = select(Technician.id, Technician.name, Technician.last_lat, Technician.last_lon, Technician.last_seen_at).where(
        Technician.active.is_(True), Technician.deleted.is_(False), Technician.last_lat.is_not(None)
    )
    if region_id is not None:
        stmt = stmt.where(Technician.region_id == region_id)
    if only is not None:
        stmt = stmt.where(Technician.id.in_(list(only)))
    return [tuple(r) for r in session.execute(stmt)]


def technician_day(session: Session, technician_id: uuid.UUID, start: datetime, end: datetime) -> list[tuple]:
    """A technician's appointments between two instants, in order: (window start, latitude,
    longitude, site name); sites without a position are left out of the route."""
    return [
        tuple(r)
        for r in session.execute(
            select(Appointment.window_start, Site.latitude, Site.longitude, Site.name)
            .join(Site, Site.id == Appointment.site_id)
            .where(
                Appointment.technician_id == technician_id,
                Appointment.status != AppointmentStatus.CANCELLED,
                Appointment.window_start >= start,
                Appointment.window_start < end,
                Site.latitude.is_not(None),
            )
            .order_by(Appointment.window_start)
        )
    ]
