"""Which actions an order's state allows, and what state an action leads to."""

from __future__ import annotations

from enum import StrEnum

from console.core.domain.enums import OrderStatus, Role
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
