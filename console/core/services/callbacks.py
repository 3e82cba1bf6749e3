"""Satisfaction callbacks (回访) at the desk and at the centre: the task each dissatisfied answer
makes (in the answer's own unit of work), the list a desk works from, the overdue ones, and the
actions on a task (take, assign, record a call, record the remedy, close it), each an operation
the centre runs again as the token's user. Who and when are the acting user's and the clock's.

The rules (who may, in which state) are `console.core.domain.callbacks`; a refusal is raised as
`CallbackRefused` (a ValueError: the centre answers it as "unusable") or, for a role that may not,
`CallbackNotAllowed` (the centre's "rules_role"), each carrying the refusal for the desk to word.

Public names for other parts: `overdue_callbacks(source, region_id, now)` (the alert list),
`open_callback(session, event)` (whoever records a survey answer), `callback_months(...)` (the
dashboard's per-month counts).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, case, func, select
from sqlalchemy.orm import Session, aliased

from console.core.changes import Changes
from console.core.domain import callbacks as rules
from console.core.domain.callbacks import CallbackOutcome, CallbackRefusal, CallbackState
from console.core.domain.enums import FieldEventKind, Respondent, SatisfactionRating
from console.core.operations import operation
from console.core.services.calendar import NotAllowed
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import Callback, Customer, FieldEvent, User, WorkOrder, callback_id_for, touch
from console.core.store.rows import DeskUser
from console.core.store.rules import parameters

DUE_HOURS_KEY = "callbacks.due_hours"

REFUSAL_TEXT = {  # the centre's words (the desk words each refusal itself, translated)
    CallbackRefusal.NOT_FOUND: "no such callback",
    CallbackRefusal.ROLE: "only a dispatcher or supervisor calls customers back; only a supervisor assigns a callback or closes its remedy",
    CallbackRefusal.CLOSED: "the callback is closed",
    CallbackRefusal.TAKEN: "another person took this callback: a supervisor may reassign it",
    CallbackRefusal.NOT_CALLED: "record the call that reached the customer first",
    CallbackRefusal.NO_REMEDY: "record the remedy before closing it",
    CallbackRefusal.EMPTY: "write what the customer said or what the remedy is",
    CallbackRefusal.TOO_LONG: f"at most {rules.MAX_TEXT} characters",
    CallbackRefusal.NOT_A_CALLER: "assign the callback to a dispatcher or supervisor of the order's region",
}


class CallbackRefused(ValueError):
    """A callback action the rules refuse; `refusal` says which."""

    def __init__(self, refusal: CallbackRefusal, field: str = ""):
        super().__init__(f"{field}: {REFUSAL_TEXT[refusal]}" if field else REFUSAL_TEXT[refusal])
        self.refusal = refusal


class CallbackNotAllowed(NotAllowed):
    def __init__(self, refusal: CallbackRefusal = CallbackRefusal.ROLE):
        super().__init__(REFUSAL_TEXT[refusal])
        self.refusal = refusal


@dataclass(frozen=True)
class CallbackTask:
    """One callback as a desk lists it (a frozen row, no ORM object)."""

    id: uuid.UUID
    order_id: uuid.UUID
    order_number: str
    customer: str
    respondent: Respondent | None
    comment: str  # what the answer said
    answered_at: datetime
    due_at: datetime
    state: CallbackState
    caller_id: uuid.UUID | None
    caller: str
    attempts: int
    called_at: datetime | None
    outcome: CallbackOutcome | None
    call_note: str
    remedy: str
    remedy_by: str
    remedy_at: datetime | None
    closed_by: str
    closed_at: datetime | None
    closing_note: str
    version: int

    def overdue(self, now: datetime) -> bool:
        return rules.is_overdue(self.state, self.due_at, now)


def open_callback(session: Session, event: FieldEvent) -> Callback | None:
    """The callback a dissatisfied answer calls for, made in the caller's unit of work (None for
    another answer, or when the answer has its task already). Due `callbacks.due_hours` after
    the answer reached the centre; its id follows from the answer's (`callback_id_for`)."""
    if event.kind is not FieldEventKind.SATISFACTION or event.rating is not SatisfactionRating.DISSATISFIED:
        return None
    task_id = callback_id_for(event.id)
    if session.get(Callback, task_id) is not None:
        return None
    hours = rules.due_hours(parameters(session).get(DUE_HOURS_KEY))
    task = Callback(id=task_id, field_event_id=event.id, order_id=event.order_id, due_at=rules.due_at(event.received_at, hours),
                    state=CallbackState.OPEN, attempts=0, call_note="", remedy="", closing_note="")
    session.add(task)
    return task


def overdue_callbacks(source: Session | Database, region_id: uuid.UUID | None, now: datetime) -> list[CallbackTask]:
    """The callbacks past their due time that nobody has spoken to the customer for, most overdue
    first; of one region, or of every region (None). Takes an open session or a database (read in
    a session of its own): the alert list and the shift handover read them."""
    if isinstance(source, Session):
        return _tasks(source, region_id, frozenset({CallbackState.OPEN}), due_before=now)
    with source.reading() as session:
        return _tasks(session, region_id, frozenset({CallbackState.OPEN}), due_before=now)


@dataclass(frozen=True)
class MonthCallbacks:
    """One span's dissatisfied answers and what became of them; `unrated`: answers with no rating (counted, never dropped)."""

    dissatisfied: int
    callbacks: int  # of them, with their callback task (100 % callback: all of them)
    called_back: int  # the customer reached (or refused to talk)
    closed: int  # the remedy closed by a supervisor
    unrated: int


def callback_months(session: Session, region_id: uuid.UUID | None, edges: Sequence[datetime]) -> list[MonthCallbacks]:
    """Per span between consecutive `edges`, by when the answer was given (the satisfaction
    dashboard's months): the dissatisfied answers, their callbacks, called back and closed, and
    the answers without a rating. Counted in SQL from the answers, so an answer without its task shows."""
    answered = FieldEvent.occurred_at
    span = case(*[(answered < edge, k) for k, edge in enumerate(edges[1:])], else_=-1)
    unhappy = FieldEvent.rating == SatisfactionRating.DISSATISFIED

    def count(condition) -> object:
        return func.sum(case((condition, 1), else_=0))

    query = (select(span, count(unhappy), count(unhappy & Callback.id.is_not(None)),
                    count(unhappy & Callback.state.in_([CallbackState.CALLED, CallbackState.CLOSED])),
                    count(unhappy & (Callback.state == CallbackState.CLOSED)), count(FieldEvent.rating.is_(None)))
             .select_from(FieldEvent).outerjoin(Callback, (Callback.field_event_id == FieldEvent.id) & Callback.deleted.is_(False))
             .where(FieldEvent.deleted.is_(False), FieldEvent.kind == FieldEventKind.SATISFACTION, answered >= edges[0], answered < edges[-1])
             .group_by(span))
    if region_id is not None:
        query = query.join(WorkOrder, WorkOrder.id == FieldEvent.order_id).where(WorkOrder.region_id == region_id)
    found = {k: MonthCallbacks(*(int(v or 0) for v in values)) for k, *values in session.execute(query)}
    return [found.get(k, MonthCallbacks(0, 0, 0, 0, 0)) for k in range(len(edges) - 1)]


class CallbackActions:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local", **_unused):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    def tasks(self, region_id: uuid.UUID | None, states: frozenset[CallbackState] | None = None) -> list[CallbackTask]:
        """The region's callbacks (every region's: None), open ones first by due time, then the rest newest first: a read."""
        with self._database.reading() as session:
            return _tasks(session, region_id, states)

    def callers(self, region_id: uuid.UUID | None) -> list[tuple[uuid.UUID, str]]:
        """Who may be given a region's callbacks (its dispatchers and supervisors, and those of every region), by name: a read."""
        with self._database.reading() as session:
            query = select(User.id, User.display_name).where(User.deleted.is_(False), User.active.is_(True),
                                                             User.role.in_(sorted(rules.CALLING_ROLES)))
            if region_id is not None:
                query = query.where((User.region_id == region_id) | User.region_id.is_(None))
            return [(i, n) for i, n in session.execute(query.order_by(User.display_name))]

    @operation("callbacks.take")
    def take(self, callback_id: uuid.UUID) -> Changes:
        """The desk's user will call this customer back."""
        with self._database.unit_of_work() as session:
            task = self._task(session, callback_id)
            self._check(rules.may_work(self._user.role, self._user.id, task.caller_id, task.state))
            return self._set(session, task, "callback.taken", caller_id=self._user.id)

    @operation("callbacks.assign")
    def assign(self, callback_id: uuid.UUID, caller_id: uuid.UUID) -> Changes:
        """A supervisor gives the callback to a dispatcher or supervisor of the order's region."""
        with self._database.unit_of_work() as session:
            task = self._task(session, callback_id)
            self._check(rules.may_assign(self._user.role, task.state))
            caller = session.get(User, caller_id)
            region = session.scalar(select(WorkOrder.region_id).where(WorkOrder.id == task.order_id))
            if (caller is None or caller.deleted or not caller.active or caller.role not in rules.CALLING_ROLES
                    or caller.region_id not in (None, region)):
                raise CallbackRefused(CallbackRefusal.NOT_A_CALLER, "caller_id")
            return self._set(session, task, "callback.assigned", caller_id=caller.id)

    @operation("callbacks.record_call")
    def record_call(self, callback_id: uuid.UUID, outcome: CallbackOutcome, note: str = "") -> Changes:
        """A call made now: its outcome and what the customer said. Not reached: the callback stays
        open (one attempt more); reached or refused: it is called, and the remedy follows."""
        outcome, note = CallbackOutcome(outcome), note.strip()
        self._check(rules.text_refusal(note, required=outcome is CallbackOutcome.REACHED), "note")
        with self._database.unit_of_work() as session:
            task = self._task(session, callback_id)
            self._check(rules.may_work(self._user.role, self._user.id, task.caller_id, task.state))
            return self._set(session, task, "callback.called", caller_id=task.caller_id or self._user.id,
                             attempts=task.attempts + 1, called_at=self._clock(), called_by=self._user.id, outcome=outcome,
                             call_note=note, state=rules.state_after_call(task.state, outcome))

    @operation("callbacks.record_remedy")
    def record_remedy(self, callback_id: uuid.UUID, remedy: str) -> Changes:
        """The remedy (整改) agreed after the call; written again, it replaces the one before (audited)."""
        remedy = remedy.strip()
        self._check(rules.text_refusal(remedy, required=True), "remedy")
        with self._database.unit_of_work() as session:
            task = self._task(session, callback_id)
            self._check(rules.may_work(self._user.role, self._user.id, task.caller_id, task.state))
            self._check(rules.may_record_remedy(task.state))
            return self._set(session, task, "callback.remedy", remedy=remedy, remedy_at=self._clock(), remedy_by=self._user.id)

    @operation("callbacks.close")
    def close(self, callback_id: uuid.UUID, note: str = "") -> Changes:
        """A supervisor closes the remedy: the customer's complaint was dealt with."""
        note = note.strip()
        self._check(rules.text_refusal(note, required=False), "note")
        with self._database.unit_of_work() as session:
            task = self._task(session, callback_id)
            self._check(rules.may_close(self._user.role, task.state, task.remedy))
            return self._set(session, task, "callback.closed", state=CallbackState.CLOSED, closed_at=self._clock(),
                             closed_by=self._user.id, closing_note=note)

    # --- helpers ------------------------------------------------------------------------------

    @staticmethod
    def _task(session: Session, callback_id: uuid.UUID) -> Callback:
        task = session.get(Callback, callback_id, with_for_update=True)
        if task is None or task.deleted:
            raise CallbackRefused(CallbackRefusal.NOT_FOUND, "callback_id")
        return task

    @staticmethod
    def _check(refusal: CallbackRefusal | None, field: str = "") -> None:
        if refusal is CallbackRefusal.ROLE:
            raise CallbackNotAllowed()
        if refusal is not None:
            raise CallbackRefused(refusal, field)

    def _set(self, session: Session, task: Callback, action: str, **values: object) -> Changes:
        now = self._clock()
        before = {k: _plain(getattr(task, k)) for k in values}
        for key, value in values.items():
            setattr(task, key, value)
        touch(task, now)
        audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=action, entity="callback",
                     entity_id=task.id, order_id=task.order_id, before=before, after={k: _plain(v) for k, v in values.items()})
        return Changes(orders=frozenset({task.order_id}))


def _plain(value: object) -> object:
    if isinstance(value, uuid.UUID):
        return value.hex
    if isinstance(value, datetime):
        return value.isoformat()
    return value


def _tasks(session: Session, region_id: uuid.UUID | None, states: frozenset[CallbackState] | None,
           due_before: datetime | None = None) -> list[CallbackTask]:
    query = _task_query(region_id)
    if states:
        query = query.where(Callback.state.in_(sorted(states)))
    if due_before is not None:
        query = query.where(Callback.due_at <= due_before)
    open_first = case((Callback.state == CallbackState.OPEN, 0), (Callback.state == CallbackState.CALLED, 1), else_=2)
    rows = session.execute(query.order_by(open_first, Callback.due_at, Callback.id)).all()
    tasks = [_row(r) for r in rows]
    # open and called ones by due time (the most pressing first), closed ones newest first
    return [t for t in tasks if t.state is not CallbackState.CLOSED] + sorted(
        (t for t in tasks if t.state is CallbackState.CLOSED), key=lambda t: t.closed_at or t.due_at, reverse=True)


_CALLER, _REMEDY_BY, _CLOSED_BY = aliased(User), aliased(User), aliased(User)


def _task_query(region_id: uuid.UUID | None) -> Select:
    query = (select(Callback, WorkOrder.number, Customer.name, FieldEvent.respondent, FieldEvent.payload, FieldEvent.occurred_at,
                    _CALLER.display_name, _REMEDY_BY.display_name, _CLOSED_BY.display_name)
             .join(FieldEvent, FieldEvent.id == Callback.field_event_id)
             .join(WorkOrder, WorkOrder.id == Callback.order_id)
             .join(Customer, Customer.id == WorkOrder.customer_id)
             .outerjoin(_CALLER, _CALLER.id == Callback.caller_id)
             .outerjoin(_REMEDY_BY, _REMEDY_BY.id == Callback.remedy_by)
             .outerjoin(_CLOSED_BY, _CLOSED_BY.id == Callback.closed_by)
             .where(Callback.deleted.is_(False)))
    return query.where(WorkOrder.region_id == region_id) if region_id is not None else query


def _row(r) -> CallbackTask:
    c: Callback = r[0]
    payload = r[4] or {}
    return CallbackTask(c.id, c.order_id, r[1], r[2], r[3], str(payload.get("comment", "")), r[5], c.due_at, c.state,
                        c.caller_id, r[6] or "", c.attempts, c.called_at, c.outcome, c.call_note, c.remedy, r[7] or "",
                        c.remedy_at, r[8] or "", c.closed_at, c.closing_note, c.version)
