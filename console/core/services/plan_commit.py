"""Writing a plan (the optimiser's, or a dispatcher's board): every step in the caller's unit of
work, or none. `AppointmentBook.apply_plan` opens the unit of work and rolls it back when the
plan is stale or refused; the steps are the book's own booking and move."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain.appointments import AppointmentRefusal
from console.core.domain.booking_rules import Conflict
from console.core.domain.enums import ContactMethod, OrderStatus
from console.core.services.booking import Booking, BookingRequest, Refused
from console.core.services.plan_reads import DAY_AROUND, PlanReads
from console.core.store.chunked import chunks
from console.core.store.models import Appointment, AppointmentOrder, WorkOrder

if TYPE_CHECKING:
    from console.core.services.appointments import AppointmentBook


@dataclass(frozen=True)
class PlanStep:
    """One line of a plan to write: an existing visit to a technician at a start, or orders
    without a visit into a new proposed one (its window to be confirmed with the customer)."""

    key: str
    technician_id: uuid.UUID
    start: datetime
    appointment_id: uuid.UUID | None = None
    order_ids: tuple[uuid.UUID, ...] = ()
    window: tuple[datetime, datetime] | None = None  # a new visit's window
    shown: frozenset[Conflict] | None = None  # the warnings the dispatcher saw and gave the reason for (None: any)


@dataclass(frozen=True)
class PlanBasis:
    """The versions a plan was made from: the visits and orders it read."""

    appointments: Mapping[uuid.UUID, int]
    orders: Mapping[uuid.UUID, int]


@dataclass(frozen=True)
class PlanCommit:
    """What writing a plan did. Nothing is written when anything is stale or refused."""

    changes: Changes = field(default_factory=Changes)
    stale: tuple[uuid.UUID, ...] = ()  # visits and orders changed since the plan was read
    refused: Mapping[str, Booking] = field(default_factory=dict)  # step key: why the rules refuse it
    versions: Mapping[uuid.UUID, int] = field(default_factory=dict)  # after a commit: the new versions it wrote

    @property
    def ok(self) -> bool:
        return not self.stale and not self.refused


def write_plan(book: AppointmentBook, session: Session, now: datetime, steps: Sequence[PlanStep], basis: PlanBasis,
               reason: str, origin: str, fixed_ahead: timedelta) -> PlanCommit:
    """The plan's steps written in `session`; a commit that is not `ok` must be rolled back by the
    caller (some steps may be written). The visits that move are first taken off their rows, so
    each is checked against the plan's final state, not against a place another of them is about
    to leave."""
    stale = _stale(session, basis)
    if stale:
        return PlanCommit(stale=stale)
    previous: dict[str, tuple[uuid.UUID | None, datetime | None]] = {}
    moving: dict[str, Appointment] = {}
    refused: dict[str, Booking] = {}
    locked = _locked(session, [step.appointment_id for step in steps if step.appointment_id is not None])
    under_way = _under_way(session, locked.values(), now + fixed_ahead)
    for step in steps:
        if step.appointment_id is None:
            continue
        appointment = locked.get(step.appointment_id)
        if appointment is None or appointment.deleted or appointment.id in under_way:
            refusal = AppointmentRefusal.NOT_FOUND if appointment is None or appointment.deleted else AppointmentRefusal.UNDER_WAY
            refused[step.key] = Booking(refusal=refusal)
            continue
        previous[step.key] = (appointment.technician_id, appointment.planned_start)
        moving[step.key] = appointment
        appointment.technician_id = None
    session.flush()
    placed = [step for step in steps if step.key not in refused]
    reads = PlanReads(session, min((s.start for s in placed), default=now) - DAY_AROUND,
                      max((s.start for s in placed), default=now) + DAY_AROUND, {s.technician_id for s in placed},
                      _orders_of(session, [a.id for a in moving.values()]) | {o for s in placed for o in s.order_ids})
    changes: list[Changes] = []
    for step in sorted(steps, key=lambda s: (s.start, s.key)):
        if step.key in refused:
            continue
        try:
            if step.appointment_id is None:
                request = BookingRequest(tuple(step.order_ids), step.window or (step.start, step.start), ContactMethod.PHONE,
                                         confirmed=False, technician_id=step.technician_id, planned_start=step.start,
                                         reason=reason, origin=origin)
                done = book.book_within(session, request, now, reads)
            else:
                done = book.move_within(session, moving[step.key], step.technician_id, step.start, reason, None, now,
                                        previous=previous[step.key], origin=origin, reads=reads)
            unseen = [f for f in done.findings if step.shown is not None and f.conflict not in step.shown]
            if unseen:  # the plan's ground moved (a shift, a skill, another visit): made again, not forced
                refused[step.key] = Booking(refusal=AppointmentRefusal.CHANGED_ELSEWHERE, findings=tuple(unseen))
                continue
            changes.append(done.changes)
        except Refused as refusal:
            refused[step.key] = refusal.booking
    if refused:
        return PlanCommit(refused=refused)
    merged = Changes(orders=frozenset().union(*(c.orders for c in changes)),
                     appointments=frozenset().union(*(c.appointments for c in changes)))
    versions = dict(session.execute(select(Appointment.id, Appointment.version)
                                    .where(Appointment.id.in_(merged.appointments))).all())
    versions.update(session.execute(select(WorkOrder.id, WorkOrder.version)
                                    .where(WorkOrder.id.in_(merged.orders))).all())
    return PlanCommit(merged, versions=versions)


def _locked(session: Session, ids: list[uuid.UUID]) -> dict[uuid.UUID, Appointment]:
    """The plan's visits, locked for its unit of work in one statement (in id order: two plans over
    the same visits take them in the same order)."""
    ids = sorted(set(ids))
    return {a.id: a for chunk in chunks(ids) for a in session.scalars(
        select(Appointment).where(Appointment.id.in_(chunk)).order_by(Appointment.id)
        .with_for_update().execution_options(populate_existing=True))}


def _under_way(session: Session, appointments: Iterable[Appointment], fixed_from: datetime) -> set[uuid.UUID]:
    """The visits starting before `fixed_from`, or with an order already in progress on site."""
    appointments = list(appointments)
    early = {a.id for a in appointments if (a.planned_start or a.window_start) < fixed_from}
    later = sorted(a.id for a in appointments if a.id not in early)
    on_site = {i for chunk in chunks(later) for i in session.scalars(
        select(AppointmentOrder.appointment_id).join(WorkOrder, WorkOrder.id == AppointmentOrder.order_id)
        .where(AppointmentOrder.appointment_id.in_(chunk), AppointmentOrder.deleted.is_(False),
               WorkOrder.status == OrderStatus.IN_PROGRESS))}
    return early | on_site


def _orders_of(session: Session, appointment_ids: list[uuid.UUID]) -> set[uuid.UUID]:
    return {o for chunk in chunks(sorted(appointment_ids)) for o in session.scalars(
        select(AppointmentOrder.order_id).where(AppointmentOrder.appointment_id.in_(chunk), AppointmentOrder.deleted.is_(False)))}


def _stale(session: Session, basis: PlanBasis) -> tuple[uuid.UUID, ...]:
    stale: list[uuid.UUID] = []
    for model, expected in ((Appointment, basis.appointments), (WorkOrder, basis.orders)):
        ids = list(expected)
        current: dict[uuid.UUID, int] = {}
        for chunk in chunks(ids, 500):
            current.update(session.execute(select(model.id, model.version).where(
                model.id.in_(chunk), model.deleted.is_(False))).all())
        stale.extend(i for i in ids if current.get(i) != expected[i])
    return tuple(stale)
