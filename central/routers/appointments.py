"""The centre's appointment endpoints: book, confirm, reconfirm, reschedule, move (assign), cancel,
merge and pin, each through the desk's own `AppointmentBook` (the same booking rules, checked in
the change's transaction) and scoped here by role and region. A rule the caller's role may not
commit over is a 403 naming it; one that needs a reason without one is a 422; a stale If-Match a
409 (`central.dependencies.booking_refused`). (No `from __future__ import annotations`: FastAPI
reads the annotations.)"""

import uuid
from datetime import datetime

from fastapi import APIRouter, HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.dependencies import (
    CentreDep,
    CurrentUser,
    ExpectedVersion,
    SessionDep,
    booking_refused,
    finding_text,
    is_desk_account,
    technician_of,
)
from central.schemas import BookIn, BookingOut, ConfirmIn, MergeIn, MoveIn, PinIn, RescheduleIn, TextIn
from central.state import Centre
from console.core.domain.enums import Role
from console.core.services.appointments import AppointmentBook, Booking
from console.core.store.models import Appointment, AppointmentOrder, Technician, WorkOrder
from console.core.store.rows import DeskUser

router = APIRouter(prefix="/appointments", tags=["appointments"])


def aware(*moments: datetime | None) -> None:
    for moment in moments:
        if moment is not None and (moment.tzinfo is None or not 2000 <= moment.year <= 2100):
            raise HTTPException(422, "times need a time zone and a year between 2000 and 2100 (e.g. 2026-11-23T09:00:00+08:00)")


def in_scope(user: DeskUser, regions: set[uuid.UUID]) -> bool:
    return user.role is Role.ADMIN or user.region_id is None or regions <= {user.region_id}


def desk(centre: Centre, user: DeskUser) -> AppointmentBook:
    if not is_desk_account(user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "appointments are booked and moved from a desk account")
    return AppointmentBook(centre.database, user, centre.clock, desk_id="central")


def visit_regions(s: Session, appointment_id: uuid.UUID) -> set[uuid.UUID]:
    return set(s.scalars(select(WorkOrder.region_id).join(AppointmentOrder, AppointmentOrder.order_id == WorkOrder.id)
                         .where(AppointmentOrder.appointment_id == appointment_id, AppointmentOrder.deleted.is_(False))))


def own_visit(user: DeskUser, s: Session, appointment_id: uuid.UUID) -> None:
    """404 unless the appointment exists and its orders are in the caller's region."""
    appointment = s.get(Appointment, appointment_id)
    if appointment is None or appointment.deleted or not in_scope(user, visit_regions(s, appointment_id)):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such appointment in your region")


def answer(centre: Centre, booking: Booking, user: DeskUser) -> BookingOut:
    """The booking's outcome, or the HTTP error that says why nothing changed."""
    refused = booking_refused(booking, user.role)
    if refused is not None:
        raise refused
    with centre.database.reading() as s:
        version = s.scalar(select(Appointment.version).where(Appointment.id == booking.appointment_id))
    return BookingOut(appointment_id=booking.appointment_id, version=version,
                      warnings=[finding_text(f) for f in booking.findings])


@router.post("", status_code=status.HTTP_201_CREATED)
def book(body: BookIn, user: CurrentUser, s: SessionDep, centre: CentreDep) -> BookingOut:
    """One visit for open orders of one site, agreed with the customer (how they were reached is recorded)."""
    aware(body.window_start, body.window_end, body.planned_start)
    regions = set(s.scalars(select(WorkOrder.region_id).where(WorkOrder.id.in_(body.order_ids), WorkOrder.deleted.is_(False))))
    if not regions or not in_scope(user, regions):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such orders in your region")
    if body.technician_id is not None and s.get(Technician, body.technician_id) is None:
        raise HTTPException(422, "no such technician")
    booking = desk(centre, user).book(body.order_ids, (body.window_start, body.window_end), body.contact_method, body.contact_name,
                                      body.contact_phone, confirmed=body.confirmed, technician_id=body.technician_id,
                                      planned_start=body.planned_start, reason=body.reason)
    return answer(centre, booking, user)


@router.post("/{appointment_id}/confirm")
def confirm(appointment_id: uuid.UUID, body: ConfirmIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
            if_match: ExpectedVersion) -> BookingOut:
    own_visit(user, s, appointment_id)
    return answer(centre, desk(centre, user).confirm(appointment_id, body.contact_method, if_match.version()), user)


@router.post("/{appointment_id}/reconfirm")
def reconfirm(appointment_id: uuid.UUID, user: CurrentUser, s: SessionDep, centre: CentreDep,
              if_match: ExpectedVersion) -> BookingOut:
    """The technician's same-day reconfirmation, from their own account (or from the desk)."""
    if user.role is Role.TECHNICIAN:
        technician_id = technician_of(s, user)
        appointment = s.get(Appointment, appointment_id)
        if appointment is None or appointment.technician_id is None or appointment.technician_id != technician_id:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such appointment of yours")
        book_ = AppointmentBook(centre.database, user, centre.clock, desk_id="field")
    else:
        own_visit(user, s, appointment_id)
        book_ = desk(centre, user)
    return answer(centre, book_.reconfirm(appointment_id, if_match.version()), user)


@router.post("/{appointment_id}/reschedule")
def reschedule(appointment_id: uuid.UUID, body: RescheduleIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
               if_match: ExpectedVersion) -> BookingOut:
    """A new window agreed with the customer: a reason from the list (and words for 'other'); the
    customer's own request may pause the SLA clock, through the pause rules."""
    aware(body.window_start, body.window_end)
    own_visit(user, s, appointment_id)
    booking = desk(centre, user).reschedule(appointment_id, (body.window_start, body.window_end), body.change(),
                                            if_match.version())
    return answer(centre, booking, user)


@router.post("/{appointment_id}/move")
def move(appointment_id: uuid.UUID, body: MoveIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
         if_match: ExpectedVersion) -> BookingOut:
    """Assign or move the visit: what the rules find is answered (403 for a supervisor's override,
    422 for a missing reason), or committed over with the reason, kept in the audit log."""
    aware(body.start, *((body.reschedule.window_start, body.reschedule.window_end) if body.reschedule else ()))
    own_visit(user, s, appointment_id)
    if s.get(Technician, body.technician_id) is None:
        raise HTTPException(422, "no such technician")
    change = body.reschedule.change() if body.reschedule else None
    booking = desk(centre, user).move(appointment_id, body.technician_id, body.start, body.reason, change, if_match.version())
    return answer(centre, booking, user)


@router.post("/{appointment_id}/cancel")
def cancel(appointment_id: uuid.UUID, body: TextIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
           if_match: ExpectedVersion) -> BookingOut:
    own_visit(user, s, appointment_id)
    return answer(centre, desk(centre, user).cancel(appointment_id, body.reason, if_match.version()), user)


@router.post("/{appointment_id}/merge")
def merge(appointment_id: uuid.UUID, body: MergeIn, user: CurrentUser, s: SessionDep, centre: CentreDep) -> BookingOut:
    """Two teams, one visit: the other appointment's orders join this one."""
    own_visit(user, s, appointment_id)
    own_visit(user, s, body.absorb_id)
    return answer(centre, desk(centre, user).merge(appointment_id, body.absorb_id, body.reason), user)


@router.put("/{appointment_id}/pin")
def pin(appointment_id: uuid.UUID, body: PinIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
        if_match: ExpectedVersion) -> BookingOut:
    own_visit(user, s, appointment_id)
    return answer(centre, desk(centre, user).set_locked(appointment_id, body.locked, if_match.version()), user)
