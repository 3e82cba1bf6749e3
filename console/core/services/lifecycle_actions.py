"""The order's life after dispatch, each step one audited action: accept (接单 / 受理), start,
a complaint's investigation (排查), resolve, close, return to the order system (回单), cancel with
a reason (撤单); a provisioning order's steps advanced department by department and chased (催办).

The rules of `console.core.domain.lifecycle` decide what each state allows; the recorded instants
(responded, investigated, resolved) complete the order's stage clocks (`domain.stages`), so the
SLA cache is recomputed after each. Like the queue's actions (`OrderActions`, whose loop these
share), a call is one unit of work over all the orders it names, and those the rules refuse are
reported back with why.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain import lifecycle
from console.core.domain.enums import (
    AppointmentChangeKind,
    AppointmentStatus,
    CancelReason,
    OrderKind,
    OrderStatus,
    ProvisioningStep,
)
from console.core.domain.lifecycle import Refusal
from console.core.domain.stages import next_step, step_due
from console.core.operations import operation
from console.core.services.orders import MAX_NOTE, OrderActions, Outcome, _Applied
from console.core.store import audit
from console.core.store.models import (
    Appointment,
    AppointmentChange,
    AppointmentOrder,
    OrderStep,
    SlaPause,
    WorkOrder,
    touch,
)
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import order_facts

_OPEN_VISITS = (AppointmentStatus.PROPOSED, AppointmentStatus.CONFIRMED, AppointmentStatus.RECONFIRMED)


def _note(note: str) -> str:
    note = note.strip()
    if len(note) > MAX_NOTE:
        raise ValueError(f"the note is longer than {MAX_NOTE} characters")
    return note


class LifecycleActions(OrderActions):
    """Built like `OrderActions` (and at the centre, as the token's user, the same way)."""

    technician_id: uuid.UUID | None = None  # set for the field app's account: it accepts only its own orders

    def for_technician(self, technician_id: uuid.UUID) -> LifecycleActions:
        actions = type(self)(self._database, self._user, self._clock, self._desk_id, self._expected, self._held)
        actions.technician_id = technician_id
        return actions

    @operation("orders.accept")
    def accept(self, order_ids: Iterable[uuid.UUID]) -> Outcome:
        """The response: a fault's 接单 (its response limit is met or missed now), a complaint's 受理."""
        def apply(order: WorkOrder, _pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            if self.technician_id is not None and order.assignee_id != self.technician_id:
                return Refusal.NOT_ASSIGNED
            refusal = lifecycle.accept_refusal(order.kind, order.status, order.assignee_id is not None)
            if refusal:
                return refusal
            before = {"status": order.status.value}
            order.status = OrderStatus.ACCEPTED
            order.responded_at = order.responded_at or now
            late = order.response_due_at is not None and order.responded_at > order.response_due_at
            return _Applied(before, {"status": order.status.value, "responded_at": order.responded_at.isoformat(),
                                     **({"response_late": True} if late else {})})

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "order.accepted", apply, refresh=True)

    @operation("orders.start")
    def start(self, order_ids: Iterable[uuid.UUID]) -> Outcome:
        def apply(order: WorkOrder, _pause: SlaPause | None, _now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.start_refusal(order.status)
            if refusal:
                return refusal
            before = {"status": order.status.value}
            order.status = OrderStatus.IN_PROGRESS
            return _Applied(before, {"status": order.status.value})

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "order.started", apply)

    @operation("orders.record_investigation")
    def record_investigation(self, order_ids: Iterable[uuid.UUID], note: str = "") -> Outcome:
        """A complaint's network investigation done (排查): its feedback stage runs next."""
        note = _note(note)

        def apply(order: WorkOrder, _pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.investigate_refusal(order.kind, order.status, order.investigated_at is not None)
            if refusal:
                return refusal
            order.investigated_at = now
            return _Applied({"investigated_at": None}, {"investigated_at": now.isoformat()}, note)

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "order.investigated", apply, refresh=True)

    @operation("orders.resolve")
    def resolve(self, order_ids: Iterable[uuid.UUID], note: str = "") -> Outcome:
        """The work is done (a complaint: the customer has had the feedback); a running pause ends."""
        note = _note(note)

        def apply(order: WorkOrder, pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.resolve_refusal(order.kind, order.status, order.investigated_at is not None)
            if refusal:
                return refusal
            before = {"status": order.status.value}
            self._end_pause(order, pause, now)
            order.status = OrderStatus.RESOLVED
            order.resolved_at = now
            return _Applied(before, {"status": order.status.value}, note)

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "order.resolved", apply, refresh=True)

    @operation("orders.close")
    def close(self, order_ids: Iterable[uuid.UUID]) -> Outcome:
        """Archived (归档) once the customer has confirmed; a provisioning order closes by its signature."""
        def apply(order: WorkOrder, _pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.close_refusal(order.kind, order.status)
            if refusal:
                return refusal
            before = {"status": order.status.value}
            order.status = OrderStatus.CLOSED
            order.closed_at = now
            return _Applied(before, {"status": order.status.value})

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "order.closed", apply)

    @operation("orders.return_completion")
    def return_completion(self, order_ids: Iterable[uuid.UUID]) -> Outcome:
        """The completion returned to the order system (回单): due the same day it was resolved."""
        def apply(order: WorkOrder, _pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.return_refusal(order.status, order.returned_at is not None)
            if refusal:
                return refusal
            order.returned_at = now
            resolved = order.resolved_at or order.closed_at or now
            same_day = resolved.astimezone(zone).date() == now.astimezone(zone).date()
            return _Applied({"returned_at": None}, {"returned_at": now.isoformat(), "same_day": same_day})

        with self._database.unit_of_work() as session:
            zone = load_calendar(session).zone
            return self._each(session, order_ids, "order.returned", apply)

    @operation("orders.cancel")
    def cancel(self, order_ids: Iterable[uuid.UUID], reason: CancelReason, note: str = "") -> Outcome:
        """Withdrawn (撤单): its running pause ends, and a visit booked only for withdrawn or finished
        orders is cancelled with it."""
        reason, note = CancelReason(reason), _note(note)
        if reason is CancelReason.OTHER and not note:
            raise ValueError("say why the order is cancelled")

        def apply(order: WorkOrder, pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.cancel_refusal(order.status)
            if refusal:
                return refusal
            before = {"status": order.status.value}
            self._end_pause(order, pause, now)
            order.status, order.cancel_reason, order.closed_at = OrderStatus.CANCELLED, reason, now
            return _Applied(before, {"status": order.status.value, "cancel_reason": reason.value}, note)

        with self._database.unit_of_work() as session:
            outcome = self._each(session, order_ids, "order.cancelled", apply)
            if outcome.changes.orders:
                session.flush()
                self._cancel_visits(session, outcome.changes.orders, note or reason.value)
            return outcome

    # --- provisioning steps (全程管控) -----------------------------------------------------------

    @operation("orders.advance_step")
    def advance_step(self, order_id: uuid.UUID, step: ProvisioningStep, note: str = "") -> Outcome:
        """The department's step is done: recorded with who and when, and the next department's step
        starts now with its own limit. Naming the step makes a second click (or a second desk) a
        refusal instead of completing the next step by mistake."""
        step, note = ProvisioningStep(step), _note(note)
        with self._database.unit_of_work() as session:
            book, calendar = load_rulebook(session), load_calendar(session)

            def apply(order: WorkOrder, _pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
                steps = {s.step: s for s in session.scalars(select(OrderStep).where(
                    OrderStep.order_id == order.id, OrderStep.deleted.is_(False)))}
                refusal = _step_refusal(order, steps, step)
                if refusal:
                    return refusal
                done = steps[step]
                done.completed_at, done.completed_by = now, self._user.id
                touch(done, now)
                following = next_step(step)
                if following is not None and following in steps:
                    facts = order_facts(session, [order.id])[order.id]
                    upcoming = steps[following]
                    upcoming.started_at, upcoming.due_at = now, step_due(facts, following, now, book, calendar)
                    touch(upcoming, now)
                    order.current_step = following
                late = done.due_at is not None and now > done.due_at
                return _Applied({"current_step": step.value}, {
                    "step": step.value, "department": done.department, "current_step": order.current_step.value,
                    **({"late": True} if late else {})}, note)

            return self._each(session, [order_id], "order.step_done", apply)

    @operation("orders.chase_step")
    def chase_step(self, order_ids: Iterable[uuid.UUID], note: str = "") -> Outcome:
        """Progress chasing (催办) of the department whose step is running: an audit row naming the
        department and whether the step is late; the order itself is unchanged (never a conflict)."""
        note = _note(note)
        ids = list(dict.fromkeys(order_ids))
        with self._database.unit_of_work() as session:
            now = self._clock()
            orders = {o.id: o for o in session.scalars(select(WorkOrder).where(WorkOrder.id.in_(ids), WorkOrder.deleted.is_(False)))}
            running = {s.order_id: s for s in session.scalars(select(OrderStep).where(
                OrderStep.order_id.in_(ids), OrderStep.deleted.is_(False), OrderStep.started_at.is_not(None),
                OrderStep.completed_at.is_(None)))}
            refused: dict[uuid.UUID, tuple[str, Refusal]] = {i: ("", Refusal.NOT_FOUND) for i in ids if i not in orders}
            chased = []
            for order in orders.values():
                step = running.get(order.id)
                why = Refusal.NOT_OPEN if not order.status.is_open else (None if step is not None else Refusal.NO_STEPS)
                if why:
                    refused[order.id] = (order.number, why)
                    continue
                late = step.due_at is not None and now > step.due_at
                audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="order.step_chased",
                             entity="work_order", entity_id=order.id, order_id=order.id, before=None,
                             after={"step": step.step.value, "department": step.department, "late": late}, reason=note)
                chased.append(order.id)
            return Outcome(Changes(orders=frozenset(chased)), refused)

    # --- helpers ------------------------------------------------------------------------------

    def _end_pause(self, order: WorkOrder, pause: SlaPause | None, now: datetime) -> None:
        if pause is not None:
            pause.ended_at, pause.ended_by = max(now, pause.started_at), self._user.id
            touch(pause, now)
        order.paused_since = None

    def _cancel_visits(self, session: Session, order_ids: Iterable[uuid.UUID], why: str) -> None:
        now = self._clock()
        links = session.execute(select(AppointmentOrder.appointment_id).where(
            AppointmentOrder.order_id.in_(list(order_ids)), AppointmentOrder.deleted.is_(False))).scalars().all()
        for appointment in session.scalars(select(Appointment).where(Appointment.id.in_(set(links)), Appointment.status.in_(_OPEN_VISITS))):
            covered = session.scalars(select(WorkOrder.status).join(AppointmentOrder, AppointmentOrder.order_id == WorkOrder.id).where(
                AppointmentOrder.appointment_id == appointment.id, AppointmentOrder.deleted.is_(False))).all()
            if any(status.is_open and status is not OrderStatus.RESOLVED for status in covered):
                continue  # the visit still serves another order
            appointment.status = AppointmentStatus.CANCELLED
            touch(appointment, now)
            session.add(AppointmentChange(appointment_id=appointment.id, kind=AppointmentChangeKind.CANCELLED, changed_at=now,
                                          changed_by=self._user.id, reason_text=why[:MAX_NOTE]))


def _step_refusal(order: WorkOrder, steps: dict[ProvisioningStep, OrderStep], step: ProvisioningStep) -> Refusal | None:
    if not order.status.is_open:
        return Refusal.NOT_OPEN
    if order.kind is not OrderKind.PROVISIONING or step not in steps:
        return Refusal.NO_STEPS
    if steps[step].completed_at is not None:
        return Refusal.STEP_DONE
    return None if steps[step].started_at is not None and order.current_step is step else Refusal.STEP_NOT_CURRENT
