"""Which actions an order's state allows, and what state an action leads to."""

from __future__ import annotations

from enum import StrEnum

from console.core.domain.enums import OrderKind, OrderStatus, Role
from console.core.domain.roles import may_supervise

PRIORITIES = range(1, 6)  # 1 is the most urgent


class Refusal(StrEnum):
    """Why an action was refused for one order; the UI says it in words."""

    NOT_OPEN = "not_open"
    ON_SITE = "on_site"
    RESOLVED = "resolved"
    ALREADY_PAUSED = "already_paused"
    NOT_PAUSED = "not_paused"
    ALREADY_APPROVED = "already_approved"
    NOT_SUPERVISOR = "not_supervisor"
    BAD_PRIORITY = "bad_priority"
    TECHNICIAN_INACTIVE = "technician_inactive"
    CHANGED_ELSEWHERE = "changed_elsewhere"
    NOT_FOUND = "not_found"
    NOT_ASSIGNED = "not_assigned"
    ACCEPTED = "accepted"
    NOT_ACCEPTED = "not_accepted"
    NOT_STARTED = "not_started"
    ALREADY_STARTED = "already_started"
    NOT_RESOLVED = "not_resolved"
    ALREADY_RETURNED = "already_returned"
    NEEDS_SIGNATURE = "needs_signature"
    NOT_INVESTIGATED = "not_investigated"
    ALREADY_INVESTIGATED = "already_investigated"
    NOT_COMPLAINT = "not_complaint"
    NO_STEPS = "no_steps"
    STEP_NOT_CURRENT = "step_not_current"
    STEP_DONE = "step_done"


def open_for_work(status: OrderStatus) -> bool:
    """Open and not yet resolved: a visit can still be booked for it and its clock paused (a
    closed, cancelled or superseded order is done with; a resolved one awaits only its signature)."""
    return status.is_open and status is not OrderStatus.RESOLVED


def assign_refusal(status: OrderStatus) -> Refusal | None:
    if not status.is_open:
        return Refusal.NOT_OPEN
    if status is OrderStatus.IN_PROGRESS:
        return Refusal.ON_SITE  # the technician is working on it: hand over in the field first
    if status is OrderStatus.RESOLVED:
        return Refusal.RESOLVED
    return None


def status_after_assign(status: OrderStatus) -> OrderStatus:
    """A new or reassigned order waits for its technician to accept it."""
    return OrderStatus.DISPATCHED


def unassign_refusal(status: OrderStatus, assigned: bool) -> Refusal | None:
    """Taking an order back from its technician (the undo of an assignment): only while it waits
    for the technician to accept it; once accepted, it is handed over in the field."""
    if not status.is_open:
        return Refusal.NOT_OPEN
    if not assigned:
        return Refusal.NOT_ASSIGNED
    if status is OrderStatus.DISPATCHED:
        return None
    return {OrderStatus.IN_PROGRESS: Refusal.ON_SITE, OrderStatus.RESOLVED: Refusal.RESOLVED}.get(status, Refusal.ACCEPTED)


def pause_refusal(status: OrderStatus, paused: bool) -> Refusal | None:
    if not status.is_open:
        return Refusal.NOT_OPEN
    if status is OrderStatus.RESOLVED:
        return Refusal.RESOLVED
    return Refusal.ALREADY_PAUSED if paused else None


def resume_refusal(status: OrderStatus, paused: bool) -> Refusal | None:
    if not paused:
        return Refusal.NOT_PAUSED
    return None


def approve_refusal(role: Role, paused: bool, approved: bool) -> Refusal | None:
    if not may_supervise(role):
        return Refusal.NOT_SUPERVISOR
    if not paused:
        return Refusal.NOT_PAUSED
    return Refusal.ALREADY_APPROVED if approved else None


def priority_refusal(status: OrderStatus, priority: int) -> Refusal | None:
    if priority not in PRIORITIES:
        return Refusal.BAD_PRIORITY
    return None if status.is_open else Refusal.NOT_OPEN


# --- the order's life after dispatch: accept (接单/受理), start, resolve, close, return (回单), cancel -----


def accept_refusal(kind: OrderKind, status: OrderStatus, assigned: bool) -> Refusal | None:
    """Accepting records the response: a fault's 接单 (its response limit), a complaint's 受理 (its
    first stage). A complaint is accepted by the desk itself, with or without a technician; any other
    order by (or for) the technician it was dispatched to."""
    if not status.is_open:
        return Refusal.NOT_OPEN
    if status is OrderStatus.NEW and kind is OrderKind.COMPLAINT:
        return None
    if status is OrderStatus.NEW or not assigned:
        return Refusal.NOT_ASSIGNED
    return None if status is OrderStatus.DISPATCHED else Refusal.ACCEPTED


def start_refusal(status: OrderStatus) -> Refusal | None:
    """Work starts (on site, or remotely) once the order is accepted."""
    if not status.is_open:
        return Refusal.NOT_OPEN
    if status in (OrderStatus.NEW, OrderStatus.DISPATCHED):
        return Refusal.NOT_ACCEPTED
    if status is OrderStatus.IN_PROGRESS:
        return Refusal.ALREADY_STARTED
    return Refusal.RESOLVED if status is OrderStatus.RESOLVED else None


def investigate_refusal(kind: OrderKind, status: OrderStatus, investigated: bool) -> Refusal | None:
    """A complaint's network investigation (排查) is recorded once, after the complaint is accepted."""
    if kind is not OrderKind.COMPLAINT:
        return Refusal.NOT_COMPLAINT
    if not status.is_open:
        return Refusal.NOT_OPEN
    if status in (OrderStatus.NEW, OrderStatus.DISPATCHED):
        return Refusal.NOT_ACCEPTED
    if investigated:
        return Refusal.ALREADY_INVESTIGATED
    return Refusal.RESOLVED if status is OrderStatus.RESOLVED else None


def resolve_refusal(kind: OrderKind, status: OrderStatus, investigated: bool) -> Refusal | None:
    """Resolved: the work is done (a complaint: the customer has had the feedback, after the
    investigation). A provisioning order is resolved by its delivery report from the field."""
    if not status.is_open:
        return Refusal.NOT_OPEN
    if status is OrderStatus.RESOLVED:
        return Refusal.RESOLVED
    if kind is OrderKind.COMPLAINT:
        if status is OrderStatus.NEW or status is OrderStatus.DISPATCHED:
            return Refusal.NOT_ACCEPTED
        return None if investigated else Refusal.NOT_INVESTIGATED
    if status is not OrderStatus.IN_PROGRESS:
        return Refusal.NOT_STARTED
    return Refusal.NEEDS_SIGNATURE if kind is OrderKind.PROVISIONING else None


def close_refusal(kind: OrderKind, status: OrderStatus) -> Refusal | None:
    """Closed (归档) once resolved and confirmed; a provisioning order closes only by the customer's
    signature, which also starts billing (起租)."""
    if not status.is_open:
        return Refusal.NOT_OPEN
    if status is not OrderStatus.RESOLVED:
        return Refusal.NOT_RESOLVED
    return Refusal.NEEDS_SIGNATURE if kind is OrderKind.PROVISIONING else None


def return_refusal(status: OrderStatus, returned: bool) -> Refusal | None:
    """The completion is returned to the order system (回单) once, when resolved or closed."""
    if returned:
        return Refusal.ALREADY_RETURNED
    if status in (OrderStatus.RESOLVED, OrderStatus.CLOSED):
        return None
    return Refusal.NOT_OPEN if not status.is_open else Refusal.NOT_RESOLVED


def cancel_refusal(status: OrderStatus) -> Refusal | None:
    """Withdrawn (撤单) with a reason while the work is not done."""
    if not status.is_open:
        return Refusal.NOT_OPEN
    return Refusal.RESOLVED if status is OrderStatus.RESOLVED else None
