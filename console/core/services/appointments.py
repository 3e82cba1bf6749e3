"""Booking, confirming, rescheduling (改约), cancelling, merging and moving appointments.

Each call is one unit of work: the appointment, its change row (who, when, why, how the customer
was reached), the orders' assignee and the audit rows are written together or not at all. A move
is checked against the booking rules inside the same transaction it is written in. What the calls
take and answer is in console.core.services.booking; a whole plan's steps are written by
console.core.services.plan_commit (`apply_plan` runs it in one unit of work).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain import appointments as rules
from console.core.domain import lifecycle
from console.core.domain.appointments import OPEN, AppointmentRefusal
from console.core.domain.booking_rules import verdict
from console.core.domain.enums import AppointmentChangeKind, AppointmentStatus, ContactMethod, PauseReason, RescheduleReason
from console.core.ids import new_id
from console.core.operations import operation
from console.core.services.booking import Booking, BookingRequest, Refused, Reschedule
from console.core.services.orders import OrderActions
from console.core.services.plan_commit import PlanBasis, PlanCommit, PlanStep, write_plan
from console.core.services.plan_reads import DAY_AROUND, PlanReads
from console.core.services.planning import check_move, joint_minutes, technician_days, travel_model, visit_of
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import Appointment, AppointmentChange, AppointmentOrder, Technician, WorkOrder, touch
from console.core.store.planning_query import plan_data
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar

__all__ = ["DAY_AROUND", "AppointmentBook", "Booking", "BookingRequest", "PlanBasis", "PlanCommit", "PlanStep", "Reschedule"]


_CHANGE_DEFAULTS = {"contact_method": None, "reason": None, "reason_text": "", "old_start": None, "old_end": None,
                    "new_start": None, "new_end": None, "old_technician_id": None, "new_technician_id": None}


class _Abort(Exception):
    def __init__(self, commit: PlanCommit):
        super().__init__("plan not written")
        self.commit = commit


class AppointmentBook:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    # --- booking --------------------------------------------------------------------------------

    @operation("appointments.book")
    def book(self, order_ids: Iterable[uuid.UUID], window: tuple[datetime, datetime], contact_method: ContactMethod,
             contact_name: str = "", contact_phone: str = "", *, confirmed: bool = True,
             technician_id: uuid.UUID | None = None, planned_start: datetime | None = None, reason: str = "") -> Booking:
        """One visit for orders at one site. Confirmed when the customer agreed on the call;
        proposed otherwise. With a technician, the booking rules are checked as for a move."""
        request = BookingRequest(tuple(dict.fromkeys(order_ids)), window, contact_method, contact_name, contact_phone,
                                 confirmed=confirmed, technician_id=technician_id, planned_start=planned_start, reason=reason)
        return self._run(lambda session, now: self.book_within(session, request, now))

    def book_within(self, session: Session, request: BookingRequest, now: datetime, reads: PlanReads | None = None) -> Booking:
        """The booking inside the caller's unit of work (a plan's new visit, with the plan's `reads`);
        refusals raise `Refused`."""
        ids, window, origin = list(request.order_ids), request.window, request.origin
        refusal = rules.window_refusal(*window, now)
        if refusal:
            raise Refused(Booking(refusal=refusal))
        if reads is not None and not reads.covers(request.technician_id, window[0], window[0], ids):
            reads.abandon()
            reads = None
        orders = self._orders(session, ids) if reads is None else reads.work_orders(ids)
        if not orders:
            raise Refused(Booking(refusal=AppointmentRefusal.NO_ORDERS))
        if len({o.site_id for o in orders}) > 1:
            raise Refused(Booking(refusal=AppointmentRefusal.ORDERS_AT_OTHER_SITES))
        booked = self._open_appointments(session, ids) if reads is None else reads.open_appointments(ids)
        for order in orders:
            if not lifecycle.open_for_work(order.status):
                raise Refused(Booking(refusal=AppointmentRefusal.ORDER_NOT_OPEN, detail=order.number))
            if order.id in booked:
                raise Refused(Booking(refusal=AppointmentRefusal.ALREADY_BOOKED, detail=order.number))
        method = ContactMethod(request.contact_method)
        appointment = Appointment(
            id=new_id(), updated_at=now, site_id=orders[0].site_id, technician_id=None, window_start=window[0], window_end=window[1],
            planned_start=request.planned_start or window[0], duration_minutes=self._minutes(session, orders),
            status=AppointmentStatus.CONFIRMED if request.confirmed else AppointmentStatus.PROPOSED,
            contact_name=request.contact_name.strip()[:64], contact_phone=request.contact_phone.strip()[:32], contact_method=method,
            booked_by=self._user.id, booked_at=now, version=1, locked=False,
        )
        session.add(appointment)
        session.add_all(AppointmentOrder(appointment_id=appointment.id, order_id=o.id, updated_at=now) for o in orders)
        self._change(session, appointment, AppointmentChangeKind.BOOKED, now, contact_method=method,
                     new_start=window[0], new_end=window[1])
        self._audit(session, orders, now, "appointment.booked", None,
                    {"appointment_id": str(appointment.id), "window_start": window[0].isoformat(),
                     "window_end": window[1].isoformat(), "contact_method": method.value, "status": appointment.status.value,
                     **({"planned_by": origin} if origin else {})})
        if reads is None:  # (a plan's reads hold it: its rows are written with the plan's)
            session.flush()
        if request.technician_id is not None:
            if reads is not None:
                reads.booked(appointment, [o.id for o in orders])
            return self.move_within(session, appointment, request.technician_id, appointment.planned_start, request.reason, None, now,
                                    origin=origin, reads=reads)
        return Booking(Changes(orders=frozenset(o.id for o in orders), appointments=frozenset({appointment.id})),
                       appointment_id=appointment.id)

    @operation("appointments.confirm")
    def confirm(self, appointment_id: uuid.UUID, contact_method: ContactMethod, expected_version: int | None = None) -> Booking:
        def work(session: Session, now: datetime) -> Booking:
            appointment = self.locked_appointment(session, appointment_id, expected_version)
            self._check(rules.confirm_refusal(appointment.status))
            appointment.status = AppointmentStatus.CONFIRMED
            return self._changed(session, appointment, AppointmentChangeKind.CONFIRMED, now, "appointment.confirmed",
                                 {"status": AppointmentStatus.PROPOSED.value}, {"status": appointment.status.value},
                                 contact_method=ContactMethod(contact_method))

        return self._run(work)

    @operation("appointments.reconfirm")
    def reconfirm(self, appointment_id: uuid.UUID, expected_version: int | None = None) -> Booking:
        """The technician's confirmation on the day of the visit (the desk records it when they call in)."""
        def work(session: Session, now: datetime) -> Booking:
            appointment = self.locked_appointment(session, appointment_id, expected_version)
            self._check(rules.reconfirm_refusal(appointment.status, appointment.window_start, now, self._zone(session)))
            before = {"status": appointment.status.value}
            appointment.status, appointment.reconfirmed_at = AppointmentStatus.RECONFIRMED, now
            return self._changed(session, appointment, AppointmentChangeKind.RECONFIRMED, now, "appointment.reconfirmed",
                                 before, {"status": appointment.status.value})

        return self._run(work)

    @operation("appointments.reschedule")
    def reschedule(self, appointment_id: uuid.UUID, window: tuple[datetime, datetime], change: Reschedule,
                   expected_version: int | None = None) -> Booking:
        """A new window agreed with the customer. The reason comes from the list; the whole history stays."""
        def work(session: Session, now: datetime) -> Booking:
            appointment = self.locked_appointment(session, appointment_id, expected_version)
            old = (appointment.window_start, appointment.window_end)
            self._check(rules.reschedule_refusal(appointment.status, change.reason, change.text, old, window, now))
            self._check(None if appointment.locked is False else AppointmentRefusal.LOCKED)
            return self._reschedule(session, appointment, window, window[0], change, now)

        return self._run(work)

    @operation("appointments.cancel")
    def cancel(self, appointment_id: uuid.UUID, text: str, expected_version: int | None = None) -> Booking:
        def work(session: Session, now: datetime) -> Booking:
            appointment = self.locked_appointment(session, appointment_id, expected_version)
            self._check(rules.cancel_refusal(appointment.status, text))
            before = {"status": appointment.status.value}
            appointment.status = AppointmentStatus.CANCELLED
            return self._changed(session, appointment, AppointmentChangeKind.CANCELLED, now, "appointment.cancelled",
                                 before, {"status": appointment.status.value}, reason_text=text.strip())

        return self._run(work)

    @operation("appointments.merge")
    def merge(self, keep_id: uuid.UUID, absorb_id: uuid.UUID, text: str = "") -> Booking:
        """Two visits to one site become one: the absorbed one's orders join the kept one."""
        def work(session: Session, now: datetime) -> Booking:
            self._check(AppointmentRefusal.SAME_APPOINTMENT if keep_id == absorb_id else None)
            keep = self.locked_appointment(session, keep_id, None)
            absorb = self.locked_appointment(session, absorb_id, None)
            self._check(None if keep.status in OPEN and absorb.status in OPEN else AppointmentRefusal.NOT_OPEN)
            self._check(None if keep.site_id == absorb.site_id else AppointmentRefusal.DIFFERENT_SITES)
            moved = [link for link in session.scalars(select(AppointmentOrder).where(
                AppointmentOrder.appointment_id == absorb.id, AppointmentOrder.deleted.is_(False)))]
            for link in moved:
                link.deleted = True
                touch(link, now)
                session.add(AppointmentOrder(appointment_id=keep.id, order_id=link.order_id, updated_at=now))
            absorb.status = AppointmentStatus.CANCELLED
            session.flush()
            keep.duration_minutes = self._minutes(session, self._orders(session, self._order_ids(session, keep.id)))
            why = text.strip() or "merged into one visit"
            self._change(session, absorb, AppointmentChangeKind.MERGED, now, reason_text=why)
            touch(absorb, now)
            result = self._changed(session, keep, AppointmentChangeKind.MERGED, now, "appointment.merged",
                                   {"absorbed": str(absorb.id)}, {"orders": len(self._order_ids(session, keep.id))}, reason_text=why)
            return Booking(Changes(orders=result.changes.orders, appointments=frozenset({keep.id, absorb.id})),
                           appointment_id=keep.id)

        return self._run(work)

    @operation("appointments.set_locked")
    def set_locked(self, appointment_id: uuid.UUID, locked: bool, expected_version: int | None = None) -> Booking:
        def work(session: Session, now: datetime) -> Booking:
            appointment = self.locked_appointment(session, appointment_id, expected_version)
            self._check(None if appointment.status in OPEN else AppointmentRefusal.NOT_OPEN)
            before = {"locked": appointment.locked}
            appointment.locked = locked
            kind = AppointmentChangeKind.LOCKED if locked else AppointmentChangeKind.UNLOCKED
            return self._changed(session, appointment, kind, now, f"appointment.{kind.value}", before, {"locked": locked})

        return self._run(work)

    # --- moving on the board --------------------------------------------------------------------

    @operation("appointments.move")
    def move(self, appointment_id: uuid.UUID, technician_id: uuid.UUID, start: datetime, reason: str = "",
             reschedule: Reschedule | None = None, expected_version: int | None = None) -> Booking:
        """The visit to `technician_id` at `start`. The booking rules decide: what nobody may
        commit over is refused; what a dispatcher (or a supervisor) may needs `reason`; a start
        outside the customer's window needs `reschedule`, and the window moves with it."""
        def work(session: Session, now: datetime) -> Booking:
            appointment = self.locked_appointment(session, appointment_id, expected_version)
            return self.move_within(session, appointment, technician_id, start, reason, reschedule, now)

        return self._run(work)

    def move_within(self, session: Session, appointment: Appointment, technician_id: uuid.UUID, start: datetime, reason: str,
                    reschedule: Reschedule | None, now: datetime, *, previous: tuple[uuid.UUID | None, datetime | None] | None = None,
                    origin: str = "", reads: PlanReads | None = None) -> Booking:
        """The move inside the caller's unit of work; refusals raise `Refused`. `previous`: where the
        visit was before a plan took it off its row to place it again; `origin` names what proposed
        the move (the optimiser) in the audit rows; `reads`: a plan's reads, when they cover the move
        (what the database holds, read once for all of a plan's steps)."""
        self._check(None if appointment.status in OPEN else AppointmentRefusal.NOT_OPEN)
        span = (start - DAY_AROUND, start + DAY_AROUND)
        visit = reads.visit(appointment.id) if reads is not None else None
        if reads is not None and (visit is None or not reads.covers(technician_id, *span, visit.order_ids)):
            reads.abandon()  # (the plan's later steps read the database too: this one's write is not in the read)
            reads = None
        if reads is None:
            tech = session.get(Technician, technician_id, with_for_update=True)
            order_ids = set(self._order_ids(session, appointment.id))
        else:
            tech, order_ids = reads.technicians.get(technician_id), set(visit.order_ids)
        if tech is None or tech.deleted:
            raise Refused(Booking(refusal=lifecycle.Refusal.TECHNICIAN_INACTIVE))
        if reads is None:
            data = plan_data(session, None, *span, technicians={technician_id}, also_orders=order_ids, waiting=False)
            travel = travel_model(session)
        else:
            data, travel = reads.data_for(technician_id, *span, order_ids), reads.travel
        planned = next((v for v in data.visits if v.id == appointment.id), None)
        if planned is None:
            raise Refused(Booking(refusal=AppointmentRefusal.NOT_FOUND))
        findings = check_move(data, technician_days(data), travel, visit_of(data, planned, start), technician_id, now)
        judged = verdict(findings, self._user.role)
        if not judged.allowed:
            raise Refused(Booking(refusal=AppointmentRefusal.RULES, findings=tuple(findings)))
        if judged.needs_reason and not reason.strip():
            raise Refused(Booking(refusal=AppointmentRefusal.NO_REASON_TEXT, findings=tuple(findings)))
        if judged.needs_reschedule and reschedule is None:
            raise Refused(Booking(refusal=AppointmentRefusal.NO_REASON, findings=tuple(findings)))
        orders = self._orders(session, list(planned.order_ids)) if reads is None else reads.work_orders(planned.order_ids)
        for order in orders:
            refusal = lifecycle.assign_refusal(order.status) if order.assignee_id != technician_id else None
            if refusal:
                raise Refused(Booking(refusal=refusal, detail=order.number))
        overrides = [f.conflict.value for f in findings if f.override.value in ("dispatcher", "supervisor")]
        if judged.needs_reschedule:
            length = appointment.window_end - appointment.window_start
            window = (start, start + length)
            self._check(rules.reschedule_refusal(appointment.status, reschedule.reason, reschedule.text,
                                                 (appointment.window_start, appointment.window_end), window, now))
            self._reschedule(session, appointment, window, start, reschedule, now)
        old_tech, old_start = previous or (appointment.technician_id, appointment.planned_start)
        before = {"technician_id": _s(old_tech), "planned_start": _iso(old_start)}
        appointment.technician_id, appointment.planned_start = technician_id, start
        self._change(session, appointment, AppointmentChangeKind.MOVED, now, reason_text=reason.strip(),
                     old_start=old_start, new_start=start,
                     old_technician_id=old_tech, new_technician_id=technician_id, overrides=overrides)
        touch(appointment, now)
        for order in orders:
            if order.assignee_id != technician_id:
                self._audit(session, [order], now, "order.assigned", {"assignee_id": _s(order.assignee_id), "status": order.status.value},
                            {"assignee_id": str(technician_id), "assignee": tech.name, "status": lifecycle.status_after_assign(order.status).value},
                            reason.strip())
                order.assignee_id, order.status = technician_id, lifecycle.status_after_assign(order.status)
                touch(order, now)
        self._audit(session, orders, now, "appointment.moved", before,
                    {"technician_id": str(technician_id), "planned_start": start.isoformat(), "overrides": overrides,
                     **({"planned_by": origin} if origin else {})}, reason.strip())
        if reads is not None:
            reads.written(appointment, orders)
        return Booking(Changes(orders=frozenset(o.id for o in orders), appointments=frozenset({appointment.id})),
                       findings=tuple(findings), appointment_id=appointment.id)

    # --- writing a plan ---------------------------------------------------------------------------

    @operation("appointments.apply_plan")
    def apply_plan(self, steps: Sequence[PlanStep], basis: PlanBasis, reason: str = "", origin: str = "optimiser",
                   fixed_ahead: timedelta = timedelta(0)) -> PlanCommit:
        """Every step in one transaction, or none. Refused whole when a visit or order the plan was
        made from changed meanwhile (the plan is made again, never forced over someone else's
        work), when a visit to move starts within `fixed_ahead` or is under way, when a step meets
        a warning the dispatcher was not shown (its reason was not given for it), or when the
        booking rules refuse any step (each refusal is reported). The visits that move are first
        taken off their rows, so each is checked against the plan's final state, not against a
        place another of them is about to leave."""
        try:
            with self._database.unit_of_work() as session:
                commit = write_plan(self, session, self._clock(), steps, basis, reason, origin, fixed_ahead)
                if not commit.ok:
                    raise _Abort(commit)
                return commit
        except _Abort as abort:  # raised inside the unit of work: everything it wrote is rolled back
            return abort.commit

    def now(self) -> datetime:
        return self._clock()

    # --- shared steps ---------------------------------------------------------------------------

    def _reschedule(self, session: Session, appointment: Appointment, window, planned_start, change: Reschedule, now) -> Booking:
        old = (appointment.window_start, appointment.window_end)
        appointment.window_start, appointment.window_end, appointment.planned_start = window[0], window[1], planned_start
        if appointment.status is AppointmentStatus.RECONFIRMED:
            appointment.status, appointment.reconfirmed_at = AppointmentStatus.CONFIRMED, None  # a new day needs a new reconfirmation
        order_ids = self._order_ids(session, appointment.id)
        result = self._changed(session, appointment, AppointmentChangeKind.RESCHEDULED, now, "appointment.rescheduled",
                               {"window_start": old[0].isoformat(), "window_end": old[1].isoformat()},
                               {"window_start": window[0].isoformat(), "window_end": window[1].isoformat(),
                                "reason": RescheduleReason(change.reason).value, "pause_sla": change.pause_sla},
                               contact_method=ContactMethod(change.contact_method), reason=RescheduleReason(change.reason),
                               reason_text=change.text.strip(), old_start=old[0], old_end=old[1], new_start=window[0], new_end=window[1])
        if change.pause_sla and rules.may_pause_sla(change.reason):
            actions = OrderActions(self._database, self._user, lambda: now, self._desk_id)
            paused = actions.pause_within(session, order_ids, PauseReason.CUSTOMER_POSTPONED,
                                          change.text.strip() or "customer asked to reschedule")
            return Booking(Changes(orders=result.changes.orders | paused.changes.orders, appointments=result.changes.appointments),
                           appointment_id=appointment.id)
        return result

    def _changed(self, session: Session, appointment: Appointment, kind: AppointmentChangeKind, now: datetime, action: str,
                 before: dict, after: dict, **change) -> Booking:
        self._change(session, appointment, kind, now, **change)
        touch(appointment, now)
        order_ids = self._order_ids(session, appointment.id)
        orders = self._orders(session, order_ids)
        self._audit(session, orders, now, action, before, after, change.get("reason_text", ""))
        return Booking(Changes(orders=frozenset(order_ids), appointments=frozenset({appointment.id})), appointment_id=appointment.id)

    def _change(self, session: Session, appointment: Appointment, kind: AppointmentChangeKind, now: datetime, **values) -> None:
        """(Every column given, its default when not in `values`: a plan's rows of each kind are then
        inserted together, not one statement per row where its kinds alternate.)"""
        session.add(AppointmentChange(appointment_id=appointment.id, kind=kind, changed_at=now, changed_by=self._user.id,
                                      updated_at=now, **(_CHANGE_DEFAULTS | {"overrides": []} | values)))

    def _audit(self, session: Session, orders, now: datetime, action: str, before, after, reason: str = "") -> None:
        for order in orders:
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=action, entity="work_order",
                         entity_id=order.id, order_id=order.id, before=before, after=after, reason=reason)

    def locked_appointment(self, session: Session, appointment_id: uuid.UUID, expected_version: int | None = None) -> Appointment:
        """The appointment, locked for the unit of work; refused (`Refused`) when gone or changed since `expected_version`."""
        appointment = session.get(Appointment, appointment_id, with_for_update=True)
        if appointment is None or appointment.deleted:
            raise Refused(Booking(refusal=AppointmentRefusal.NOT_FOUND))
        if expected_version is not None and appointment.version != expected_version:
            raise Refused(Booking(refusal=AppointmentRefusal.CHANGED_ELSEWHERE))
        return appointment

    def _orders(self, session: Session, ids: list[uuid.UUID]) -> list[WorkOrder]:
        found = {o.id: o for o in session.scalars(
            select(WorkOrder).where(WorkOrder.id.in_(ids), WorkOrder.deleted.is_(False)).with_for_update())}
        return [found[i] for i in ids if i in found]

    def _order_ids(self, session: Session, appointment_id: uuid.UUID) -> list[uuid.UUID]:
        return sorted(session.scalars(select(AppointmentOrder.order_id).where(
            AppointmentOrder.appointment_id == appointment_id, AppointmentOrder.deleted.is_(False))))

    def _open_appointments(self, session: Session, order_ids: list[uuid.UUID]) -> set[uuid.UUID]:
        return set(session.scalars(
            select(AppointmentOrder.order_id).join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
            .where(AppointmentOrder.order_id.in_(order_ids), AppointmentOrder.deleted.is_(False),
                   Appointment.deleted.is_(False), Appointment.status.in_(list(OPEN)))))

    def _minutes(self, session: Session, orders: list[WorkOrder]) -> int:
        return joint_minutes(orders)

    def _zone(self, session: Session) -> ZoneInfo:
        return load_calendar(session).zone

    @staticmethod
    def _check(refusal: AppointmentRefusal | None) -> None:
        if refusal is not None:
            raise Refused(Booking(refusal=refusal))

    def _run(self, work: Callable[[Session, datetime], Booking]) -> Booking:
        try:
            with self._database.unit_of_work() as session:
                return work(session, self._clock())
        except Refused as refused:  # raised inside the unit of work: everything it wrote is rolled back
            return refused.booking


def _s(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
