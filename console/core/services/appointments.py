"""Booking, confirming, rescheduling (改约), cancelling, merging and moving appointments.

Each call is one unit of work: the appointment, its change row (who, when, why, how the customer
was reached), the orders' assignee and the audit rows are written together or not at all. A move
is checked against the booking rules inside the same transaction it is written in.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain import appointments as rules
from console.core.domain import lifecycle
from console.core.domain.appointments import OPEN, AppointmentRefusal
from console.core.domain.booking_rules import Conflict, Finding, verdict
from console.core.domain.enums import (
    AppointmentChangeKind,
    AppointmentStatus,
    ContactMethod,
    OrderStatus,
    PauseReason,
    RescheduleReason,
)
from console.core.services.orders import OrderActions
from console.core.services.planning import check_move, joint_minutes, technician_days, travel_model, visit_of
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import Appointment, AppointmentChange, AppointmentOrder, Technician, WorkOrder, touch
from console.core.store.planning_query import plan_data
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar

DAY_AROUND = timedelta(hours=36)  # the rules look at the technician's visits this far either side


@dataclass(frozen=True)
class Booking:
    """What a booking call did: the changes, or why nothing changed (with the rules' findings)."""

    changes: Changes = field(default_factory=Changes)
    refusal: AppointmentRefusal | lifecycle.Refusal | None = None
    findings: tuple[Finding, ...] = ()
    appointment_id: uuid.UUID | None = None
    detail: str = ""  # an order number the refusal is about

    @property
    def ok(self) -> bool:
        return self.refusal is None


class _Refused(Exception):
    def __init__(self, booking: Booking):
        super().__init__(str(booking.refusal))
        self.booking = booking


@dataclass(frozen=True)
class Reschedule:
    reason: RescheduleReason
    text: str
    contact_method: ContactMethod
    pause_sla: bool = False  # only with the customer's own request; goes through the pause rules


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


class _Abort(Exception):
    def __init__(self, commit: PlanCommit):
        super().__init__("plan not written")
        self.commit = commit


class AppointmentBook:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    # --- booking --------------------------------------------------------------------------------

    def book(self, order_ids: Iterable[uuid.UUID], window: tuple[datetime, datetime], contact_method: ContactMethod,
             contact_name: str = "", contact_phone: str = "", *, confirmed: bool = True,
             technician_id: uuid.UUID | None = None, planned_start: datetime | None = None, reason: str = "") -> Booking:
        """One visit for orders at one site. Confirmed when the customer agreed on the call;
        proposed otherwise. With a technician, the booking rules are checked as for a move."""
        ids = list(dict.fromkeys(order_ids))

        def work(session: Session, now: datetime) -> Booking:
            return self._book(session, ids, window, contact_method, contact_name, contact_phone, confirmed, technician_id,
                              planned_start, reason, now)

        return self._run(work)

    def _book(self, session: Session, ids: list[uuid.UUID], window: tuple[datetime, datetime], contact_method: ContactMethod,
              contact_name: str, contact_phone: str, confirmed: bool, technician_id: uuid.UUID | None,
              planned_start: datetime | None, reason: str, now: datetime, origin: str = "") -> Booking:
        refusal = rules.window_refusal(*window, now)
        if refusal:
            raise _Refused(Booking(refusal=refusal))
        orders = self._orders(session, ids)
        if not orders:
            raise _Refused(Booking(refusal=AppointmentRefusal.NO_ORDERS))
        if len({o.site_id for o in orders}) > 1:
            raise _Refused(Booking(refusal=AppointmentRefusal.ORDERS_AT_OTHER_SITES))
        booked = self._open_appointments(session, ids)
        for order in orders:
            if lifecycle.pause_refusal(order.status, False) is not None:  # closed, cancelled or resolved
                raise _Refused(Booking(refusal=AppointmentRefusal.ORDER_NOT_OPEN, detail=order.number))
            if order.id in booked:
                raise _Refused(Booking(refusal=AppointmentRefusal.ALREADY_BOOKED, detail=order.number))
        method = ContactMethod(contact_method)
        appointment = Appointment(
            id=uuid.uuid4(), updated_at=now, site_id=orders[0].site_id, technician_id=None, window_start=window[0], window_end=window[1],
            planned_start=planned_start or window[0], duration_minutes=self._minutes(session, orders),
            status=AppointmentStatus.CONFIRMED if confirmed else AppointmentStatus.PROPOSED,
            contact_name=contact_name.strip()[:64], contact_phone=contact_phone.strip()[:32], contact_method=method,
            booked_by=self._user.id, booked_at=now,
        )
        session.add(appointment)
        session.add_all(AppointmentOrder(appointment_id=appointment.id, order_id=o.id, updated_at=now) for o in orders)
        self._change(session, appointment, AppointmentChangeKind.BOOKED, now, contact_method=method,
                     new_start=window[0], new_end=window[1])
        self._audit(session, orders, now, "appointment.booked", None,
                    {"appointment_id": str(appointment.id), "window_start": window[0].isoformat(),
                     "window_end": window[1].isoformat(), "contact_method": method.value, "status": appointment.status.value,
                     **({"planned_by": origin} if origin else {})})
        session.flush()
        if technician_id is not None:
            return self._move(session, appointment, technician_id, appointment.planned_start, reason, None, now, origin=origin)
        return Booking(Changes(orders=frozenset(o.id for o in orders), appointments=frozenset({appointment.id})),
                       appointment_id=appointment.id)

    def confirm(self, appointment_id: uuid.UUID, contact_method: ContactMethod, expected_version: int | None = None) -> Booking:
        def work(session: Session, now: datetime) -> Booking:
            appointment = self._appointment(session, appointment_id, expected_version)
            self._check(rules.confirm_refusal(appointment.status))
            appointment.status = AppointmentStatus.CONFIRMED
            return self._changed(session, appointment, AppointmentChangeKind.CONFIRMED, now, "appointment.confirmed",
                                 {"status": AppointmentStatus.PROPOSED.value}, {"status": appointment.status.value},
                                 contact_method=ContactMethod(contact_method))

        return self._run(work)

    def reconfirm(self, appointment_id: uuid.UUID, expected_version: int | None = None) -> Booking:
        """The technician's confirmation on the day of the visit (the desk records it when they call in)."""
        def work(session: Session, now: datetime) -> Booking:
            appointment = self._appointment(session, appointment_id, expected_version)
            self._check(rules.reconfirm_refusal(appointment.status, appointment.window_start, now, self._zone(session)))
            before = {"status": appointment.status.value}
            appointment.status, appointment.reconfirmed_at = AppointmentStatus.RECONFIRMED, now
            return self._changed(session, appointment, AppointmentChangeKind.RECONFIRMED, now, "appointment.reconfirmed",
                                 before, {"status": appointment.status.value})

        return self._run(work)

    def reschedule(self, appointment_id: uuid.UUID, window: tuple[datetime, datetime], change: Reschedule,
                   expected_version: int | None = None) -> Booking:
        """A new window agreed with the customer. The reason comes from the list; the whole history stays."""
        def work(session: Session, now: datetime) -> Booking:
            appointment = self._appointment(session, appointment_id, expected_version)
            old = (appointment.window_start, appointment.window_end)
            self._check(rules.reschedule_refusal(appointment.status, change.reason, change.text, old, window, now))
            self._check(None if appointment.locked is False else AppointmentRefusal.LOCKED)
            return self._reschedule(session, appointment, window, window[0], change, now)

        return self._run(work)

    def cancel(self, appointment_id: uuid.UUID, text: str, expected_version: int | None = None) -> Booking:
        def work(session: Session, now: datetime) -> Booking:
            appointment = self._appointment(session, appointment_id, expected_version)
            self._check(rules.cancel_refusal(appointment.status, text))
            before = {"status": appointment.status.value}
            appointment.status = AppointmentStatus.CANCELLED
            return self._changed(session, appointment, AppointmentChangeKind.CANCELLED, now, "appointment.cancelled",
                                 before, {"status": appointment.status.value}, reason_text=text.strip())

        return self._run(work)

    def merge(self, keep_id: uuid.UUID, absorb_id: uuid.UUID, text: str = "") -> Booking:
        """Two visits to one site become one: the absorbed one's orders join the kept one."""
        def work(session: Session, now: datetime) -> Booking:
            self._check(AppointmentRefusal.SAME_APPOINTMENT if keep_id == absorb_id else None)
            keep = self._appointment(session, keep_id, None)
            absorb = self._appointment(session, absorb_id, None)
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

    def set_locked(self, appointment_id: uuid.UUID, locked: bool, expected_version: int | None = None) -> Booking:
        def work(session: Session, now: datetime) -> Booking:
            appointment = self._appointment(session, appointment_id, expected_version)
            self._check(None if appointment.status in OPEN else AppointmentRefusal.NOT_OPEN)
            before = {"locked": appointment.locked}
            appointment.locked = locked
            kind = AppointmentChangeKind.LOCKED if locked else AppointmentChangeKind.UNLOCKED
            return self._changed(session, appointment, kind, now, f"appointment.{kind.value}", before, {"locked": locked})

        return self._run(work)

    # --- moving on the board --------------------------------------------------------------------

    def move(self, appointment_id: uuid.UUID, technician_id: uuid.UUID, start: datetime, reason: str = "",
             reschedule: Reschedule | None = None, expected_version: int | None = None) -> Booking:
        """The visit to `technician_id` at `start`. The booking rules decide: what nobody may
        commit over is refused; what a dispatcher (or a supervisor) may needs `reason`; a start
        outside the customer's window needs `reschedule`, and the window moves with it."""
        def work(session: Session, now: datetime) -> Booking:
            appointment = self._appointment(session, appointment_id, expected_version)
            return self._move(session, appointment, technician_id, start, reason, reschedule, now)

        return self._run(work)

    def _move(self, session: Session, appointment: Appointment, technician_id: uuid.UUID, start: datetime, reason: str,
              reschedule: Reschedule | None, now: datetime, *, previous: tuple[uuid.UUID | None, datetime | None] | None = None,
              origin: str = "") -> Booking:
        """`previous`: where the visit was before a plan took it off its row to place it again;
        `origin` names what proposed the move (the optimiser) in the audit rows."""
        self._check(None if appointment.status in OPEN else AppointmentRefusal.NOT_OPEN)
        tech = session.get(Technician, technician_id, with_for_update=True)
        if tech is None or tech.deleted:
            raise _Refused(Booking(refusal=lifecycle.Refusal.TECHNICIAN_INACTIVE))
        order_ids = set(self._order_ids(session, appointment.id))
        data = plan_data(session, None, start - DAY_AROUND, start + DAY_AROUND, technicians={technician_id},
                         also_orders=order_ids, waiting=False)
        planned = next((v for v in data.visits if v.id == appointment.id), None)
        if planned is None:
            raise _Refused(Booking(refusal=AppointmentRefusal.NOT_FOUND))
        findings = check_move(data, technician_days(data), travel_model(session), visit_of(data, planned, start), technician_id, now)
        judged = verdict(findings, self._user.role)
        if not judged.allowed:
            raise _Refused(Booking(refusal=AppointmentRefusal.RULES, findings=tuple(findings)))
        if judged.needs_reason and not reason.strip():
            raise _Refused(Booking(refusal=AppointmentRefusal.NO_REASON_TEXT, findings=tuple(findings)))
        if judged.needs_reschedule and reschedule is None:
            raise _Refused(Booking(refusal=AppointmentRefusal.NO_REASON, findings=tuple(findings)))
        orders = self._orders(session, list(planned.order_ids))
        for order in orders:
            refusal = lifecycle.assign_refusal(order.status) if order.assignee_id != technician_id else None
            if refusal:
                raise _Refused(Booking(refusal=refusal, detail=order.number))
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
        return Booking(Changes(orders=frozenset(o.id for o in orders), appointments=frozenset({appointment.id})),
                       findings=tuple(findings), appointment_id=appointment.id)

    # --- writing a plan ---------------------------------------------------------------------------

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
                now = self._clock()
                stale = self._stale(session, basis)
                if stale:
                    raise _Abort(PlanCommit(stale=stale))
                previous: dict[str, tuple[uuid.UUID | None, datetime | None]] = {}
                moving: dict[str, Appointment] = {}
                refused: dict[str, Booking] = {}
                for step in steps:
                    if step.appointment_id is None:
                        continue
                    try:
                        appointment = self._appointment(session, step.appointment_id, None)
                        self._check(AppointmentRefusal.UNDER_WAY if self._under_way(session, appointment, now + fixed_ahead) else None)
                    except _Refused as refusal:
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
                            done = self._book(session, list(step.order_ids), step.window or (step.start, step.start),
                                              ContactMethod.PHONE, "", "", False, step.technician_id, step.start, reason, now,
                                              origin=origin)
                        else:
                            done = self._move(session, moving[step.key], step.technician_id, step.start, reason, None, now,
                                              previous=previous[step.key], origin=origin)
                        session.flush()
                        unseen = [f for f in done.findings if step.shown is not None and f.conflict not in step.shown]
                        if unseen:  # the plan's ground moved (a shift, a skill, another visit): made again, not forced
                            refused[step.key] = Booking(refusal=AppointmentRefusal.CHANGED_ELSEWHERE, findings=tuple(unseen))
                            continue
                        changes.append(done.changes)
                    except _Refused as refusal:
                        refused[step.key] = refusal.booking
                if refused:
                    raise _Abort(PlanCommit(refused=refused))
                merged = Changes(orders=frozenset().union(*(c.orders for c in changes)),
                                 appointments=frozenset().union(*(c.appointments for c in changes)))
                versions = dict(session.execute(select(Appointment.id, Appointment.version)
                                                .where(Appointment.id.in_(merged.appointments))).all())
                versions.update(session.execute(select(WorkOrder.id, WorkOrder.version)
                                                .where(WorkOrder.id.in_(merged.orders))).all())
                return PlanCommit(merged, versions=versions)
        except _Abort as abort:  # raised inside the unit of work: everything it wrote is rolled back
            return abort.commit

    def _under_way(self, session: Session, appointment: Appointment, fixed_from: datetime) -> bool:
        """Starting before `fixed_from`, or an order of it already in progress on site."""
        start = appointment.planned_start or appointment.window_start
        if start < fixed_from:
            return True
        statuses = session.scalars(select(WorkOrder.status).join(AppointmentOrder, AppointmentOrder.order_id == WorkOrder.id)
                                   .where(AppointmentOrder.appointment_id == appointment.id, AppointmentOrder.deleted.is_(False)))
        return any(status is OrderStatus.IN_PROGRESS for status in statuses)

    def now(self) -> datetime:
        return self._clock()

    @staticmethod
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
        session.add(AppointmentChange(appointment_id=appointment.id, kind=kind, changed_at=now, changed_by=self._user.id,
                                      updated_at=now, **values))

    def _audit(self, session: Session, orders, now: datetime, action: str, before, after, reason: str = "") -> None:
        for order in orders:
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=action, entity="work_order",
                         entity_id=order.id, order_id=order.id, before=before, after=after, reason=reason)

    def _appointment(self, session: Session, appointment_id: uuid.UUID, expected_version: int | None) -> Appointment:
        appointment = session.get(Appointment, appointment_id, with_for_update=True)
        if appointment is None or appointment.deleted:
            raise _Refused(Booking(refusal=AppointmentRefusal.NOT_FOUND))
        if expected_version is not None and appointment.version != expected_version:
            raise _Refused(Booking(refusal=AppointmentRefusal.CHANGED_ELSEWHERE))
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
            raise _Refused(Booking(refusal=refusal))

    def _run(self, work: Callable[[Session, datetime], Booking]) -> Booking:
        try:
            with self._database.unit_of_work() as session:
                return work(session, self._clock())
        except _Refused as refused:  # raised inside the unit of work: everything it wrote is rolled back
            return refused.booking


def _s(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)


def _iso(value: datetime | None) -> str | None:
    return None if value is None else value.isoformat()
