"""Satisfaction callbacks (回访): every dissatisfied answer is called back (100 % callback).

A callback is open until someone has spoken to the customer (a call that did not reach them keeps
it open and counts the attempt); once the call is recorded (reached, or the customer refused to
talk) the remedy (整改) is written down, and a supervisor closes the remedy when it is done.
It is overdue while it is open past its due time (rule parameter `callbacks.due_hours` after the
answer reached the centre).

Who does what, as a shift supervisor would have it: dispatchers and supervisors take callbacks,
call and record the remedy (the desk's people who talk to customers); a dispatcher works only
the callbacks they took or nobody took, a supervisor any of the region's and assigns them to
someone; only a supervisor (or an administrator) closes a remedy: closing is the check that the
customer's complaint was dealt with, so it is not signed off by the person who dealt with it
alone. The refusals are values; the desk words them, the centre answers them as a 4xx.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from enum import StrEnum

from console.core.domain.enums import Role
from console.core.domain.roles import may_supervise

DEFAULT_DUE_HOURS = 24
MAX_TEXT = 1000  # characters of a note, the customer's words or a remedy
CALLING_ROLES = frozenset({Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN})


class CallbackState(StrEnum):
    OPEN = "open"  # nobody has spoken to the customer yet (not called, or not reached)
    CALLED = "called"  # the customer was reached or refused to talk: the remedy follows
    CLOSED = "closed"  # a supervisor closed the remedy


class CallbackOutcome(StrEnum):
    REACHED = "reached"
    NOT_REACHED = "not_reached"  # no answer, busy, switched off: the callback stays open
    REFUSED = "refused"  # reached, but would not talk about it


class CallbackRefusal(StrEnum):
    NOT_FOUND = "not_found"
    ROLE = "role"  # the user's role may not do this
    CLOSED = "closed"  # the callback is closed already
    TAKEN = "taken"  # someone else took it (only a supervisor works another's callback)
    NOT_CALLED = "not_called"  # the remedy, or closing, before the customer was reached
    NO_REMEDY = "no_remedy"  # closing before the remedy is recorded
    EMPTY = "empty"  # a remedy or the customer's words left empty
    TOO_LONG = "too_long"
    NOT_A_CALLER = "not_a_caller"  # assigned to someone who does not call customers or is of another region


def due_at(answer_received: datetime, hours: float) -> datetime:
    """When the customer must have been called back."""
    return answer_received + timedelta(hours=hours)


def due_hours(value: object) -> float:
    """The rule parameter as hours; an unusable value falls back to the default (a callback is never made without a due time)."""
    try:
        hours = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return float(DEFAULT_DUE_HOURS)
    return hours if 0 < hours <= 24 * 31 else float(DEFAULT_DUE_HOURS)


def is_overdue(state: CallbackState, due: datetime, now: datetime) -> bool:
    """Overdue: its due time passed and nobody has spoken to the customer."""
    return state is CallbackState.OPEN and due <= now


def may_take(role: Role) -> CallbackRefusal | None:
    return None if role in CALLING_ROLES else CallbackRefusal.ROLE


def may_assign(role: Role, state: CallbackState) -> CallbackRefusal | None:
    if not may_supervise(role):
        return CallbackRefusal.ROLE
    return CallbackRefusal.CLOSED if state is CallbackState.CLOSED else None


def may_work(role: Role, user_id: uuid.UUID | None, caller_id: uuid.UUID | None, state: CallbackState) -> CallbackRefusal | None:
    """Taking, calling and writing the remedy: a caller's role, on a callback not closed and not another's."""
    if role not in CALLING_ROLES:
        return CallbackRefusal.ROLE
    if state is CallbackState.CLOSED:
        return CallbackRefusal.CLOSED
    if caller_id is not None and caller_id != user_id and not may_supervise(role):
        return CallbackRefusal.TAKEN
    return None


def state_after_call(state: CallbackState, outcome: CallbackOutcome) -> CallbackState:
    """A call that did not reach the customer leaves an open callback open; one that did (or a refusal) makes it called."""
    if state is CallbackState.CALLED or outcome is not CallbackOutcome.NOT_REACHED:
        return CallbackState.CALLED
    return CallbackState.OPEN


def may_record_remedy(state: CallbackState) -> CallbackRefusal | None:
    if state is CallbackState.CLOSED:
        return CallbackRefusal.CLOSED
    return CallbackRefusal.NOT_CALLED if state is CallbackState.OPEN else None


def may_close(role: Role, state: CallbackState, remedy: str) -> CallbackRefusal | None:
    if not may_supervise(role):
        return CallbackRefusal.ROLE
    if state is CallbackState.CLOSED:
        return CallbackRefusal.CLOSED
    if state is CallbackState.OPEN:
        return CallbackRefusal.NOT_CALLED
    return CallbackRefusal.NO_REMEDY if not remedy.strip() else None


def text_refusal(text: str, required: bool) -> CallbackRefusal | None:
    if required and not text.strip():
        return CallbackRefusal.EMPTY
    return CallbackRefusal.TOO_LONG if len(text.strip()) > MAX_TEXT else None
