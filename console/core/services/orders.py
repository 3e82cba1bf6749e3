"""Actions on work orders from the queue: assign (and take back), pause, resume, approve a pause, set priority.

Each call is one unit of work over all the orders it is given: the ones the rules allow are
changed (version up, audit row, SLA recomputed where it depends on the change), the others are
reported back with the reason; nothing is half-written.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain import lifecycle
from console.core.domain.alerts import ACKNOWLEDGED
from console.core.domain.enums import Band, OrderStatus, PauseReason
from console.core.domain.lifecycle import Refusal
from console.core.operations import operation
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import SlaPause, Technician, WorkOrder, touch
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import refresh_sla

ALERT_BANDS = (Band.RED, Band.BREACHED)
MAX_NOTE = 500


@dataclass(frozen=True)
class _Applied:
    before: dict
    after: dict
    reason: str = ""
    new_rows: tuple = ()


@dataclass(frozen=True)
class Outcome:
    changes: Changes
    refused: dict[uuid.UUID, tuple[str, Refusal]] = field(default_factory=dict)  # order id -> (number, why)

    @property
    def changed(self) -> int:
        return len(self.changes.orders)


@dataclass(frozen=True)
class Held:
    """Orders (by id) and their open pauses (by order id) a caller has already read and locked in its
    transaction, for a run of actions over them (the centre running a push's actions together): the
    actions take the orders from here, and leave the SLA recomputation to the caller."""

    orders: dict[uuid.UUID, WorkOrder]
    open_pauses: dict[uuid.UUID, SlaPause]


class OrderActions:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local",
                 expected_versions: dict[uuid.UUID, int] | None = None, held: Held | None = None):
        """`expected_versions`: the versions the caller saw; an order changed since is refused
        (Refusal.CHANGED_ELSEWHERE), checked in the same transaction as the change."""
        self._expected = expected_versions or {}
        self._database = database
        self._user = user
        self._clock = clock
        self._desk_id = desk_id
        self._held = held

    @property
    def database(self) -> Database:
        return self._database

    def seen(self, versions: dict[uuid.UUID, int]) -> OrderActions:
        """The same actions, refusing an order whose version is no longer the one the caller saw."""
        return type(self)(self._database, self._user, self._clock, self._desk_id, versions, self._held)

    # --- the actions --------------------------------------------------------------------------

    @operation("orders.assign")
    def assign(self, order_ids: Iterable[uuid.UUID], technician_id: uuid.UUID) -> Outcome:
        with self._database.unit_of_work() as session:
            tech = session.get(Technician, technician_id)
            if tech is None or not tech.active or tech.deleted:
                return self._refuse_all(session, order_ids, Refusal.TECHNICIAN_INACTIVE)

            def apply(order: WorkOrder, _pause: SlaPause | None, _now: datetime) -> Refusal | _Applied:
                refusal = lifecycle.assign_refusal(order.status)
                if refusal:
                    return refusal
                before = {"assignee_id": _s(order.assignee_id), "status": order.status.value}
                order.assignee_id = tech.id
                order.status = lifecycle.status_after_assign(order.status)
                return _Applied(before, {"assignee_id": str(tech.id), "assignee": tech.name, "status": order.status.value})

            return self._each(session, order_ids, "order.assigned", apply)

    @operation("orders.unassign")
    def unassign(self, order_ids: Iterable[uuid.UUID]) -> Outcome:
        """Take orders back from the technician they wait on (an assignment undone): new again."""
        def apply(order: WorkOrder, _pause: SlaPause | None, _now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.unassign_refusal(order.status, order.assignee_id is not None)
            if refusal:
                return refusal
            before = {"assignee_id": _s(order.assignee_id), "status": order.status.value}
            order.assignee_id = None
            order.status = OrderStatus.NEW
            return _Applied(before, {"assignee_id": None, "status": order.status.value})

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "order.unassigned", apply)

    @operation("orders.acknowledge_alert")
    def acknowledge_alert(self, order_ids: Iterable[uuid.UUID], band: Band, note: str = "") -> Outcome:
        """A red or late order's alert seen and taken in hand, with a note: an audit row, the order
        itself unchanged (its version too: an acknowledgement never conflicts with an action)."""
        band, note = Band(band), note.strip()
        if band not in ALERT_BANDS:
            raise ValueError("only a red or late order's alert is acknowledged")
        if len(note) > MAX_NOTE:
            raise ValueError(f"the note is longer than {MAX_NOTE} characters")
        ids = list(dict.fromkeys(order_ids))
        with self._database.unit_of_work() as session:
            orders = {o.id: o for o in session.scalars(select(WorkOrder).where(WorkOrder.id.in_(ids), WorkOrder.deleted.is_(False)))}
            refused = {i: ("", Refusal.NOT_FOUND) for i in ids if i not in orders}
            refused |= {o.id: (o.number, Refusal.NOT_OPEN) for o in orders.values() if not o.status.is_open}
            acknowledged = [o for o in orders.values() if o.id not in refused]
            for order in acknowledged:
                audit.record(session, at=self._clock(), user_id=self._user.id, desk_id=self._desk_id, action=ACKNOWLEDGED,
                             entity="work_order", entity_id=order.id, order_id=order.id, before=None, after={"band": band.value},
                             reason=note)
            return Outcome(Changes(orders=frozenset(o.id for o in acknowledged)), refused)

    @operation("orders.pause")
    def pause(self, order_ids: Iterable[uuid.UUID], reason: PauseReason, note: str = "") -> Outcome:
        if PauseReason(reason) is PauseReason.FIELD_EXCEPTION:
            raise ValueError("reason: a field exception stops the clock through the exception rules, not by hand")
        with self._database.unit_of_work() as session:
            return self.pause_within(session, order_ids, reason, note)

    def pause_within(self, session: Session, order_ids: Iterable[uuid.UUID], reason: PauseReason, note: str = "") -> Outcome:
        """The pause rules applied inside a caller's unit of work (a reschedule the customer asked for)."""
        reason = PauseReason(reason)  # a pause always has one of the recorded reasons

        def apply(order: WorkOrder, _pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.pause_refusal(order.status, order.paused_since is not None)
            if refusal:
                return refusal
            order.paused_since = now
            pause = SlaPause(order_id=order.id, reason=reason, note=note.strip(), started_at=now, started_by=self._user.id)
            return _Applied({"paused_since": None}, {"paused_since": now.isoformat(), "reason": reason.value}, note.strip(), (pause,))

        return self._each(session, order_ids, "sla.paused", apply, refresh=True)

    @operation("orders.resume")
    def resume(self, order_ids: Iterable[uuid.UUID]) -> Outcome:
        def apply(order: WorkOrder, pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.resume_refusal(order.status, order.paused_since is not None and pause is not None)
            if refusal:
                return refusal
            pause.ended_at = max(now, pause.started_at)
            pause.ended_by = self._user.id
            touch(pause, now)
            before = {"paused_since": order.paused_since.isoformat()}
            order.paused_since = None
            return _Applied(before, {"paused_since": None})

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "sla.resumed", apply, refresh=True)

    @operation("orders.approve_pause")
    def approve_pause(self, order_ids: Iterable[uuid.UUID]) -> Outcome:
        def apply(order: WorkOrder, pause: SlaPause | None, now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.approve_refusal(self._user.role, pause is not None, pause is not None and pause.approved_by is not None)
            if refusal:
                return refusal
            pause.approved_by = self._user.id
            touch(pause, now)
            return _Applied({"approved_by": None}, {"approved_by": _s(self._user.id), "approver": self._user.display_name})

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "sla.pause_approved", apply, refresh=True)

    @operation("orders.set_priority")
    def set_priority(self, order_ids: Iterable[uuid.UUID], priority: int) -> Outcome:
        def apply(order: WorkOrder, _pause: SlaPause | None, _now: datetime) -> Refusal | _Applied:
            refusal = lifecycle.priority_refusal(order.status, priority)
            if refusal:
                return refusal
            before = {"priority": order.priority}
            order.priority = priority
            return _Applied(before, {"priority": priority})

        with self._database.unit_of_work() as session:
            return self._each(session, order_ids, "order.priority", apply)

    # --- one loop for all of them -------------------------------------------------------------

    def _each(self, session: Session, order_ids, action: str, apply, *, refresh: bool = False) -> Outcome:
        ids = list(dict.fromkeys(order_ids))
        now = self._clock()
        orders, open_pauses = self._locked(session, ids)
        changed, refused = set(), {}
        for order_id in ids:
            order = orders.get(order_id)
            if order is None:
                refused[order_id] = ("", Refusal.NOT_FOUND)
                continue
            if order_id in self._expected and order.version != self._expected[order_id]:
                refused[order_id] = (order.number, Refusal.CHANGED_ELSEWHERE)
                continue
            result = apply(order, open_pauses.get(order_id), now)
            if isinstance(result, Refusal):
                refused[order_id] = (order.number, result)
                continue
            touch(order, now)
            session.add_all(result.new_rows)
            audit.record(
                session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=action, entity="work_order",
                entity_id=order.id, order_id=order.id, before=result.before, after=result.after, reason=result.reason,
            )
            changed.add(order_id)
        if refresh and changed and self._held is None:
            session.flush()
            refresh_sla(session, changed, load_rulebook(session), load_calendar(session), now)
        return Outcome(Changes(orders=frozenset(changed)), refused)

    def _locked(self, session: Session, ids: list[uuid.UUID]) -> tuple[dict[uuid.UUID, WorkOrder], dict[uuid.UUID, SlaPause]]:
        """The orders (locked until the unit of work commits: the version and status checks hold until
        the write) and their open pauses."""
        if self._held is not None:
            return ({i: o for i in ids if (o := self._held.orders.get(i)) is not None and not o.deleted},
                    {i: p for i in ids if (p := self._held.open_pauses.get(i)) is not None})
        orders = {o.id: o for o in session.scalars(
            select(WorkOrder).where(WorkOrder.id.in_(ids), WorkOrder.deleted.is_(False)).with_for_update()
        )}
        open_pauses = {
            p.order_id: p
            for p in session.scalars(select(SlaPause).where(SlaPause.order_id.in_(ids), SlaPause.ended_at.is_(None), SlaPause.deleted.is_(False)))
        }
        return orders, open_pauses

    def _refuse_all(self, session: Session, order_ids, why: Refusal) -> Outcome:
        ids = list(order_ids)
        numbers = {i: n for i, n in session.execute(select(WorkOrder.id, WorkOrder.number).where(WorkOrder.id.in_(ids)))}
        return Outcome(Changes(), {i: (numbers.get(i, ""), why) for i in ids})


def _s(value: uuid.UUID | None) -> str | None:
    return None if value is None else str(value)
