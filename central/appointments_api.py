"""The centre's appointment endpoints: book, confirm, reconfirm, reschedule, move (assign), cancel,
merge and pin, each through the desk's own `AppointmentBook` (the same booking rules, checked in
the change's transaction) and scoped here by role and region. A rule the caller's role may not
commit over is a 403 naming it; one that needs a reason without one is a 422; a stale If-Match a
409. (No `from __future__ import annotations`: FastAPI reads the annotations.)"""

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, status
from sqlalchemy import select
from sqlalchemy.orm import Session

from central.schemas import BookIn, BookingOut, ConfirmIn, MergeIn, MoveIn, PinIn, RescheduleIn, TextIn
from console.core.domain.appointments import AppointmentRefusal
from console.core.domain.booking_rules import Finding, Override, verdict
from console.core.domain.enums import Role
from console.core.services.appointments import AppointmentBook, Booking
from console.core.store.database import Database
from console.core.store.models import Appointment, AppointmentOrder, Technician, User, WorkOrder
from console.core.store.rows import DeskUser

DESK_ROLES = frozenset({Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN})
_MESSAGES = {
    AppointmentRefusal.NOT_FOUND: (404, "no such appointment"),
    AppointmentRefusal.NOT_OPEN: (409, "the appointment is already kept, missed or cancelled"),
    AppointmentRefusal.ALREADY_CONFIRMED: (409, "the appointment is already confirmed"),
    AppointmentRefusal.NOT_CONFIRMED: (409, "the customer has not confirmed the appointment yet"),
    AppointmentRefusal.NOT_THE_DAY: (409, "the technician reconfirms on the day of the visit"),
    AppointmentRefusal.NO_REASON: (422, "a reschedule needs a reason from the list"),
    AppointmentRefusal.NO_REASON_TEXT: (422, "write the reason"),
    AppointmentRefusal.REASON_TOO_LONG: (422, "the reason is longer than 500 characters"),
    AppointmentRefusal.BAD_WINDOW: (422, "the window must have a time zone and last between 30 minutes and 12 hours"),
    AppointmentRefusal.WINDOW_IN_PAST: (422, "the window is already over"),
    AppointmentRefusal.SAME_WINDOW: (422, "that is the window it already has"),
    AppointmentRefusal.DIFFERENT_SITES: (422, "only visits to the same site can be merged"),
    AppointmentRefusal.SAME_APPOINTMENT: (422, "choose two different appointments"),
    AppointmentRefusal.NO_ORDERS: (422, "name the open orders the visit is for"),
    AppointmentRefusal.ALREADY_BOOKED: (409, "order {detail} already has an open appointment"),
    AppointmentRefusal.ORDER_NOT_OPEN: (409, "order {detail} is resolved or closed"),
    AppointmentRefusal.ORDERS_AT_OTHER_SITES: (422, "one visit covers orders of one site only"),
    AppointmentRefusal.LOCKED: (409, "the booking is pinned: unpin it first"),
    AppointmentRefusal.CHANGED_ELSEWHERE: (409, "the appointment was changed since the version you saw: reload it"),
    AppointmentRefusal.UNDER_WAY: (409, "the visit starts now or has started"),
}


def _finding_text(finding: Finding) -> str:
    details = ", ".join(f"{k} {v}" for k, v in finding.details.items() if not isinstance(v, list | tuple) or v)
    return f"{finding.conflict.value}" + (f" ({details})" if details else "")


def appointment_routes(database: Database, current_user: Callable, session: Callable, now: Callable[[], datetime],
                       expected_version: Callable[[str | None], int | None]) -> APIRouter:
    router = APIRouter(prefix="/appointments", tags=["appointments"])
    User_ = Annotated[DeskUser, Depends(current_user)]
    Session_ = Annotated[Session, Depends(session)]
    IfMatch = Annotated[str | None, Header()]

    def aware(*moments: datetime | None) -> None:
        for moment in moments:
            if moment is not None and (moment.tzinfo is None or not 2000 <= moment.year <= 2100):
                raise HTTPException(422, "times need a time zone and a year between 2000 and 2100 (e.g. 2026-11-23T09:00:00+08:00)")

    def in_scope(user: DeskUser, regions: set[uuid.UUID]) -> bool:
        return user.role is Role.ADMIN or user.region_id is None or regions <= {user.region_id}

    def desk(user: DeskUser) -> AppointmentBook:
        if user.role not in DESK_ROLES:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "appointments are booked and moved from a desk account")
        return AppointmentBook(database, user, now, desk_id="central")

    def visit_regions(s: Session, appointment_id: uuid.UUID) -> set[uuid.UUID]:
        return set(s.scalars(select(WorkOrder.region_id).join(AppointmentOrder, AppointmentOrder.order_id == WorkOrder.id)
                             .where(AppointmentOrder.appointment_id == appointment_id, AppointmentOrder.deleted.is_(False))))

    def own_visit(user: DeskUser, s: Session, appointment_id: uuid.UUID) -> None:
        """404 unless the appointment exists and its orders are in the caller's region."""
        appointment = s.get(Appointment, appointment_id)
        if appointment is None or appointment.deleted or not in_scope(user, visit_regions(s, appointment_id)):
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such appointment in your region")

    def answer(booking: Booking, user: DeskUser) -> BookingOut:
        """The booking's outcome, or the HTTP error that says why nothing changed."""
        if booking.refusal is AppointmentRefusal.RULES:
            blocking = verdict(list(booking.findings), user.role).blocking
            never = [f for f in blocking if f.override is Override.NEVER]
            if never:
                raise HTTPException(status.HTTP_409_CONFLICT, "the booking rules refuse it: " + "; ".join(map(_finding_text, never)))
            raise HTTPException(status.HTTP_403_FORBIDDEN, "only a shift supervisor may commit over: "
                                + "; ".join(map(_finding_text, blocking)))
        if booking.refusal in (AppointmentRefusal.NO_REASON_TEXT, AppointmentRefusal.NO_REASON) and booking.findings:
            raise HTTPException(422, "give a reason (and a reschedule where the customer's window moves) to commit over: "
                                + "; ".join(_finding_text(f) for f in booking.findings if f.override is not Override.NEVER))
        if isinstance(booking.refusal, AppointmentRefusal):
            code, text = _MESSAGES.get(booking.refusal, (409, booking.refusal.value))
            raise HTTPException(code, text.replace("{detail}", booking.detail))
        if booking.refusal is not None:  # the order's lifecycle: an inactive technician, an order past assigning
            raise HTTPException(status.HTTP_409_CONFLICT, f"not possible: {booking.refusal.value.replace('_', ' ')}"
                                + (f" ({booking.detail})" if booking.detail else ""))
        with database.reading() as s:
            version = s.scalar(select(Appointment.version).where(Appointment.id == booking.appointment_id))
        return BookingOut(appointment_id=booking.appointment_id, version=version,
                          warnings=[_finding_text(f) for f in booking.findings])

    @router.post("", status_code=status.HTTP_201_CREATED)
    def book(body: BookIn, user: User_, s: Session_) -> BookingOut:
        """One visit for open orders of one site, agreed with the customer (how they were reached is recorded)."""
        aware(body.window_start, body.window_end, body.planned_start)
        regions = set(s.scalars(select(WorkOrder.region_id).where(WorkOrder.id.in_(body.order_ids), WorkOrder.deleted.is_(False))))
        if not regions or not in_scope(user, regions):
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such orders in your region")
        if body.technician_id is not None and s.get(Technician, body.technician_id) is None:
            raise HTTPException(422, "no such technician")
        booking = desk(user).book(body.order_ids, (body.window_start, body.window_end), body.contact_method, body.contact_name,
                                  body.contact_phone, confirmed=body.confirmed, technician_id=body.technician_id,
                                  planned_start=body.planned_start, reason=body.reason)
        return answer(booking, user)

    @router.post("/{appointment_id}/confirm")
    def confirm(appointment_id: uuid.UUID, body: ConfirmIn, user: User_, s: Session_, if_match: IfMatch = None) -> BookingOut:
        own_visit(user, s, appointment_id)
        return answer(desk(user).confirm(appointment_id, body.contact_method, expected_version(if_match)), user)

    @router.post("/{appointment_id}/reconfirm")
    def reconfirm(appointment_id: uuid.UUID, user: User_, s: Session_, if_match: IfMatch = None) -> BookingOut:
        """The technician's same-day reconfirmation, from their own account (or from the desk)."""
        if user.role is Role.TECHNICIAN:
            technician_id = s.scalar(select(User.technician_id).where(User.id == user.id))
            appointment = s.get(Appointment, appointment_id)
            if appointment is None or appointment.technician_id is None or appointment.technician_id != technician_id:
                raise HTTPException(status.HTTP_404_NOT_FOUND, "no such appointment of yours")
            book_ = AppointmentBook(database, user, now, desk_id="field")
        else:
            own_visit(user, s, appointment_id)
            book_ = desk(user)
        return answer(book_.reconfirm(appointment_id, expected_version(if_match)), user)

    @router.post("/{appointment_id}/reschedule")
    def reschedule(appointment_id: uuid.UUID, body: RescheduleIn, user: User_, s: Session_, if_match: IfMatch = None) -> BookingOut:
        """A new window agreed with the customer: a reason from the list (and words for 'other'); the
        customer's own request may pause the SLA clock, through the pause rules."""
        aware(body.window_start, body.window_end)
        own_visit(user, s, appointment_id)
        booking = desk(user).reschedule(appointment_id, (body.window_start, body.window_end), body.change(),
                                        expected_version(if_match))
        return answer(booking, user)

    @router.post("/{appointment_id}/move")
    def move(appointment_id: uuid.UUID, body: MoveIn, user: User_, s: Session_, if_match: IfMatch = None) -> BookingOut:
        """Assign or move the visit: what the rules find is answered (403 for a supervisor's override,
        422 for a missing reason), or committed over with the reason, kept in the audit log."""
        aware(body.start, *((body.reschedule.window_start, body.reschedule.window_end) if body.reschedule else ()))
        own_visit(user, s, appointment_id)
        if s.get(Technician, body.technician_id) is None:
            raise HTTPException(422, "no such technician")
        change = body.reschedule.change() if body.reschedule else None
        booking = desk(user).move(appointment_id, body.technician_id, body.start, body.reason, change, expected_version(if_match))
        return answer(booking, user)

    @router.post("/{appointment_id}/cancel")
    def cancel(appointment_id: uuid.UUID, body: TextIn, user: User_, s: Session_, if_match: IfMatch = None) -> BookingOut:
        own_visit(user, s, appointment_id)
        return answer(desk(user).cancel(appointment_id, body.reason, expected_version(if_match)), user)

    @router.post("/{appointment_id}/merge")
    def merge(appointment_id: uuid.UUID, body: MergeIn, user: User_, s: Session_) -> BookingOut:
        """Two teams, one visit: the other appointment's orders join this one."""
        own_visit(user, s, appointment_id)
        own_visit(user, s, body.absorb_id)
        return answer(desk(user).merge(appointment_id, body.absorb_id, body.reason), user)

    @router.put("/{appointment_id}/pin")
    def pin(appointment_id: uuid.UUID, body: PinIn, user: User_, s: Session_, if_match: IfMatch = None) -> BookingOut:
        own_visit(user, s, appointment_id)
        return answer(desk(user).set_locked(appointment_id, body.locked, expected_version(if_match)), user)

    return router
