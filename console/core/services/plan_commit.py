"""Writing a plan (the optimiser's, or a dispatcher's board): every step in the caller's unit of
work, or none. `AppointmentBook.apply_plan` opens the unit of work and rolls it back when the
plan is stale or refused; the steps are the book's own booking and move."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
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
    for step in steps:
        if step.appointment_id is None:
            continue
        try:
            appointment = book.locked_appointment(session, step.appointment_id)
            if _under_way(session, appointment, now + fixed_ahead):
                raise Refused(Booking(refusal=AppointmentRefusal.UNDER_WAY))
        except Refused as refusal:
            refused[step.key] = refusal.booking
            continue
        previous[step.key] = (appointment.technician_id, appointment.planned_start)
        moving[step.key] = appointment
        appointment.technician_id = None
    session.flush()
    changes: list[Changes] = []
    for step in sorted(steps, key=lambda s: (s.start, s.key)):
        if step.key in refused:
            continue
        try:
            if step.appointment_id is None:
                request = BookingRequest(tuple(step.order_ids), step.window or (step.start, step.start), ContactMethod.PHONE,
                                         confirmed=False, technician_id=step.technician_id, planned_start=step.start,
                                         reason=reason, origin=origin)
                done = book.book_within(session, request, now)
            else:
                done = book.move_within(session, moving[step.key], step.technician_id, step.start, reason, None, now,
                                        previous=previous[step.key], origin=origin)
            session.flush()
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


def _under_way(session: Session, appointment: Appointment, fixed_from: datetime) -> bool:
    """Starting before `fixed_from`, or an order of it already in progress on site."""
    start = appointment.planned_start or appointment.window_start
    if start < fixed_from:
        return True
    statuses = session.scalars(select(WorkOrder.status).join(AppointmentOrder, AppointmentOrder.order_id == WorkOrder.id)
                               .where(AppointmentOrder.appointment_id == appointment.id, AppointmentOrder.deleted.is_(False)))
    return any(status is OrderStatus.IN_PROGRESS for status in statuses)


def _stale(session: Session, basis: PlanBasis) -> tuple[uuid.UUID, ...]:
    stale: list[uuid.UUID] = []
    for model, expected in ((Appointment, basis.appointments), (WorkOrder, basis.orders)):
        ids = list(expected)
        current: dict[uuid.UUID, int] = {}
        for chunk in (ids[k:k + 500] for k in range(0, len(ids), 500)):
            current.update(session.execute(select(model.id, model.version).where(
                model.id.in_(chunk), model.deleted.is_(False))).all())
        stale.extend(i for i in ids if current.get(i) != expected[i])
    return tuple(stale)
