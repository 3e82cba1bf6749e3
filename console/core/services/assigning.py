"""The assign dialog's read and its one-step write: technicians ranked for the orders as the
candidates panel ranks them, what the booking rules say of each one's earliest slot, and whether
the orders' visit can be booked together with the assignment."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

from console.core.domain.booking_rules import Finding, ProposedVisit, check_visit
from console.core.domain.candidates import Candidate, rank
from console.core.domain.enums import ContactMethod, OrderStatus
from console.core.services.appointments import AppointmentBook
from console.core.services.booking import Booking
from console.core.services.planning import CANDIDATE_HORIZON, joint_minutes, order_visit, technician_days, travel_model, visit_of
from console.core.store.database import Database
from console.core.store.planning_query import PlanData, PlanOrder, PlanTechnician, PlanVisit, plan_data

VISIT_WINDOW = timedelta(hours=2)  # the window proposed to the customer from the chosen start
_WAITING = frozenset({OrderStatus.NEW, OrderStatus.DISPATCHED, OrderStatus.ACCEPTED})  # a visit is still to be planned


class NoBooking(StrEnum):
    """Why the assignment cannot book the orders' visit in the same step."""

    HAS_VISIT = "has_visit"  # a technician's visit is booked already: move it on the board
    NOT_WAITING = "not_waiting"  # in progress or resolved: no visit left to plan
    SEVERAL_SITES = "several_sites"  # one visit covers one site
    SEVERAL_VISITS = "several_visits"  # the orders have different open visits


@dataclass(frozen=True)
class AssignChoice:
    orders: tuple[PlanOrder, ...]  # the open ones asked for, most urgent first
    gone: tuple[uuid.UUID, ...]  # asked for, but no longer open
    visit: ProposedVisit  # what was ranked: the orders' visit (the most urgent order's site when there are several)
    candidates: tuple[Candidate, ...]  # in `rank_key` order
    technicians: dict[uuid.UUID, PlanTechnician]
    findings: dict[uuid.UUID, tuple[Finding, ...]]  # the booking rules at each candidate's earliest slot
    no_booking: NoBooking | None  # None: the visit is booked with the assignment
    appointment: PlanVisit | None  # the orders' open visit without a technician: given one, not booked again

    @property
    def books_visit(self) -> bool:
        return self.no_booking is None


def assign_choice(database: Database, order_ids: Iterable[uuid.UUID], now: datetime) -> AssignChoice | None:
    """The orders (None when none is open any more) and every technician ranked for them."""
    asked = list(dict.fromkeys(order_ids))
    with database.reading() as session:
        travel = travel_model(session)
        data = plan_data(session, None, now - timedelta(hours=12), now + CANDIDATE_HORIZON, also_orders=set(asked), waiting=False)
    orders = [data.orders[i] for i in asked if i in data.orders]
    if not orders:
        return None
    orders.sort(key=lambda o: (o.sla.times.due_at if o.sla else datetime.max.replace(tzinfo=now.tzinfo), o.number))
    appointment, no_booking = _booking(data, orders)
    visit = _visit(data, orders, appointment, now)
    days = technician_days(data, now)  # a fresh position starts today's drive
    ranked = rank(visit, list(days.values()), travel, now, now + CANDIDATE_HORIZON)
    findings = {
        c.technician_id: tuple(check_visit(replace(visit, start=c.slot), days[c.technician_id], travel, now))
        for c in ranked if c.slot is not None
    }
    return AssignChoice(tuple(orders), tuple(i for i in asked if i not in data.orders), visit, tuple(ranked),
                        {t.id: t for t in data.technicians}, findings, no_booking, appointment)


def _booking(data: PlanData, orders: list[PlanOrder]) -> tuple[PlanVisit | None, NoBooking | None]:
    if any(o.status not in _WAITING for o in orders):
        return None, NoBooking.NOT_WAITING
    if len({o.site_id for o in orders}) > 1:
        return None, NoBooking.SEVERAL_SITES
    visits = {o.appointment_id for o in orders}
    if len(visits) > 1:
        return None, NoBooking.SEVERAL_VISITS
    [appointment_id] = visits
    if appointment_id is None:
        return None, None
    appointment = next((v for v in data.visits if v.id == appointment_id), None)
    if appointment is None or appointment.technician_id is not None or set(appointment.order_ids) != {o.id for o in orders}:
        return None, NoBooking.HAS_VISIT
    return appointment, None


def _visit(data: PlanData, orders: list[PlanOrder], appointment: PlanVisit | None, now: datetime) -> ProposedVisit:
    """One visit for orders of one site; the most urgent order's visit otherwise, needing every order's skills."""
    if appointment is not None:
        return visit_of(data, appointment)
    first = order_visit(orders[0], now)
    skills = frozenset().union(*(o.skills for o in orders))
    if len({o.site_id for o in orders}) == 1:
        return replace(first, minutes=joint_minutes(orders), skills=skills)
    return replace(first, skills=skills)


def assign_and_book(book: AppointmentBook, choice: AssignChoice, technician_id: uuid.UUID, start: datetime,
                    reason: str = "") -> Booking:
    """The one-step write: the orders' visit with `technician_id` at `start`. The appointment book
    assigns the orders in the same unit of work and the booking rules are checked there, so it is
    one synced operation (`appointments.book`, or `appointments.move` for a visit booked without a
    technician) that the centre runs again as the desk's user."""
    if choice.appointment is not None:
        return book.move(choice.appointment.id, technician_id, start, reason, None, choice.appointment.version)
    return book.book([o.id for o in choice.orders], (start, start + VISIT_WINDOW), ContactMethod.PHONE, confirmed=False,
                     technician_id=technician_id, planned_start=start, reason=reason)
