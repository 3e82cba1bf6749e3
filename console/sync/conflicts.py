"""The dispatcher's side of conflicts: what was refused, mine against theirs, and the two ways out.

Re-apply writes the refused values again on top of the rows as they are now (a new local change,
so a new outbox entry, pushed on the current version); drop leaves the centre's state. Either way
the audit log gets a row saying so, with both attempts, and the conflict is closed. Claims are
here too: which other desks have an order open.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain import lifecycle
from console.core.domain.lifecycle import Refusal
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import Base, OrderClaim, SlaPause, SyncConflict, WorkOrder
from console.core.store.rows import DeskUser
from console.core.wire import BOOKKEEPING, DERIVED, wire


@dataclass(frozen=True)
class Difference:
    table: str
    row_id: str
    column: str
    mine: Any
    theirs: Any  # None when the centre did not say (not a contested column)


@dataclass(frozen=True)
class ConflictRow:
    id: uuid.UUID
    created_at: datetime
    refused_at: datetime
    summary: str  # the audit actions of the change, comma-separated
    reason: str  # the centre's words (English)
    code: str  # their case, for the desk to say in its language (MutationResult.code)
    args: dict[str, Any]
    order_id: uuid.UUID | None
    order_number: str
    differences: tuple[Difference, ...]


@dataclass(frozen=True)
class Claim:
    holder: str
    desk_id: str
    expires_at: datetime


class ConflictError(Exception):
    """A conflict that cannot be resolved so: `kind` resolved (already, perhaps on another window),
    gone (the row to re-apply on is no longer there; `table` names it), or what the pause rules say
    (already_paused, already_resumed, rules: `refusal`)."""

    def __init__(self, message: str, kind: str = "", table: str = "", refusal: Refusal | None = None):
        super().__init__(message)
        self.kind, self.table, self.refusal = kind, table, refusal


def _model(table: str) -> type:
    for mapper in Base.registry.mappers:
        if getattr(mapper.class_, "__tablename__", None) == table:
            return mapper.class_
    raise ConflictError(f"no table {table}")


class Conflicts:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    def open(self) -> list[ConflictRow]:
        with self._database.reading() as s:
            rows = s.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None)).order_by(SyncConflict.refused_at)).all()
            return [self._row(s, c) for c in rows]

    @staticmethod
    def _row(s: Session, conflict: SyncConflict) -> ConflictRow:
        differences = []
        for change in conflict.changes:
            if change["t"] == "audit_log" or change["op"] != "update":
                continue
            theirs = conflict.theirs.get(change["t"], {}).get(change["id"], {})
            for column, value in change["set"].items():
                differences.append(Difference(change["t"], change["id"], column, _named(s, change["t"], column, value),
                                              _named(s, change["t"], column, theirs.get(column))))
        number = s.scalar(select(WorkOrder.number).where(WorkOrder.id == conflict.order_id)) if conflict.order_id else None
        return ConflictRow(conflict.id, conflict.created_at, conflict.refused_at, conflict.summary, conflict.reason, conflict.code,
                           conflict.args or {}, conflict.order_id, number or "", tuple(differences))

    def reapply(self, conflict_id: uuid.UUID) -> Changes:
        """Write my refused values again over the current rows; closes the conflict. Rows it needs
        that an earlier refused change of this desk created (a pause the centre never had) are made
        again first, by re-applying that change too."""
        return self._resolve(conflict_id, "reapplied")

    def drop(self, conflict_id: uuid.UUID) -> Changes:
        """Keep the centre's state; closes the conflict, and the later refused changes of rows it
        created (they cannot be re-applied without it)."""
        return self._resolve(conflict_id, "dropped")

    def _resolve(self, conflict_id: uuid.UUID, resolution: str) -> Changes:
        now = self._clock()
        orders: set[uuid.UUID] = set()
        appointments: set[uuid.UUID] = set()
        with self._database.unit_of_work() as s:
            conflict = s.get(SyncConflict, conflict_id, with_for_update=True)
            if conflict is None or conflict.resolved_at is not None:
                raise ConflictError("this conflict was already resolved", "resolved")
            group = _together(s, conflict, resolution)
            for item in group:
                if resolution == "reapplied":
                    self._reapply(s, item, orders, appointments)
                entity_id = uuid.UUID(item.changes[0]["id"])
                audit.record(s, at=now, user_id=self._user.id, desk_id=self._desk_id, action=f"sync.{resolution}",
                             entity=item.changes[0]["t"], entity_id=entity_id, order_id=item.order_id,
                             before=item.theirs or None, after={"mutation": item.mutation, "changes": item.changes},
                             reason=item.reason if item is conflict else f"{item.reason} (with mutation {conflict.mutation})")
                item.resolved_at, item.resolution = now, resolution
                if item.order_id:
                    orders.add(item.order_id)
            if resolution == "dropped":
                _forget_made(s, group)
        return Changes(orders=frozenset(orders), appointments=frozenset(appointments))

    @staticmethod
    def _reapply(s: Session, conflict: SyncConflict, orders: set[uuid.UUID], appointments: set[uuid.UUID]) -> None:
        _check_pause_rules(s, conflict)
        made: list[tuple[type, uuid.UUID, dict[str, Any]]] = []
        for change in conflict.changes:
            if change["t"] == "audit_log":
                continue
            model, row_id = _model(change["t"]), uuid.UUID(change["id"])
            row = s.get(model, row_id)
            skip = BOOKKEEPING | DERIVED.get(change["t"], frozenset())
            values = wire(change["t"]).decode({k: v for k, v in change["set"].items() if k not in skip})
            if change["op"] == "insert":  # refused with its mutation, so the centre never had it: made again, as a new row
                if row is not None:  # as the desk has it now (later changes of this desk included), not marked deleted
                    values = {column: getattr(row, column) for column in values}
                    if "deleted" in values:
                        values["deleted"] = False
                made.append((model, row_id, values))
                continue
            if row is None:
                raise ConflictError(f"the {change['t']} row is gone: it cannot be re-applied", "gone", change["t"])
            for column, value in values.items():
                setattr(row, column, value)
            if hasattr(row, "version"):
                row.version += 1
            if change["t"] == "work_orders":
                orders.add(row.id)
            elif change["t"] == "appointments":
                appointments.add(row.id)
        # The desk's marked-deleted copies go (a plain delete is not a change to send: the centre has
        # none), children first; then the rows are added again, parents first, and sent as new.
        for model, row_id, _values in reversed(made):
            held = s.get(model, row_id)
            if held is not None:
                s.expunge(held)
            s.execute(delete(model).where(model.id == row_id))
        for model, row_id, values in made:
            s.add(model(id=row_id, **values))
            if model.__tablename__ == "appointments":
                appointments.add(row_id)
        s.flush()


def _check_pause_rules(s: Session, conflict: SyncConflict) -> None:
    """The pause rules (console.core.domain.lifecycle) on the rows as they are now: a refused pause is not
    re-applied over another one (two open pauses of one order would credit the same time twice), nor
    a refused resume of a pause that has ended meanwhile."""
    for change in conflict.changes:
        if change["t"] != "sla_pauses":
            continue
        refusal = None
        if change["op"] == "insert":
            order_id = change["set"].get("order_id")
            order = s.get(WorkOrder, uuid.UUID(order_id)) if order_id else None
            if order is not None:
                refusal = lifecycle.pause_refusal(order.status, order.paused_since is not None)
        elif change["set"].get("ended_at") is not None:
            pause = s.get(SlaPause, uuid.UUID(change["id"]))
            if pause is not None and not pause.deleted:
                order = s.get(WorkOrder, pause.order_id)
                refusal = lifecycle.resume_refusal(order.status, pause.ended_at is None)
        if refusal is not None:
            kind = {Refusal.ALREADY_PAUSED: "already_paused", Refusal.NOT_PAUSED: "already_resumed"}.get(refusal, "rules")
            raise ConflictError(f"the pause rules refuse it: {refusal.value}", kind, refusal=refusal)


def _forget_made(s: Session, group: list[SyncConflict]) -> None:
    """The rows these dropped changes created, which the centre never had: the desk's marked-deleted
    copies go too (a plain delete, not a change to send), children first; one something else of
    this desk still refers to stays, marked deleted."""
    made = [(change["t"], uuid.UUID(change["id"])) for c in group for change in c.changes
            if change["op"] == "insert" and change["t"] != "audit_log"]
    for table, row_id in reversed(made):
        model = _model(table)
        held = s.get(model, row_id)
        if held is None or not getattr(held, "deleted", False):
            continue
        try:
            with s.begin_nested():
                s.execute(delete(model).where(model.id == row_id))
        except IntegrityError:
            continue
        s.expunge(held)


def _together(s: Session, conflict: SyncConflict, resolution: str) -> list[SyncConflict]:
    """The conflicts resolved with this one, in mutation order: to re-apply it, the earlier open ones
    that created rows it changes (and theirs, and so on); to drop it, the later open ones that change
    rows it created (and so on)."""
    def created(c: SyncConflict) -> set[str]:
        return {ch["id"] for ch in c.changes if ch["op"] == "insert" and ch["t"] != "audit_log"}

    def touched(c: SyncConflict) -> set[str]:
        return {ch["id"] for ch in c.changes if ch["t"] != "audit_log"}

    others = [c for c in s.scalars(select(SyncConflict).where(SyncConflict.resolved_at.is_(None), SyncConflict.id != conflict.id)
                                   .order_by(SyncConflict.mutation))]
    group = [conflict]
    grew = True
    while grew:
        grew = False
        for other in others:
            if other in group:
                continue
            if resolution == "reapplied":
                linked = other.mutation < conflict.mutation and any(created(other) & touched(c) for c in group)
            else:
                linked = other.mutation > conflict.mutation and any(touched(other) & created(c) for c in group)
            if linked:
                group.append(other)
                grew = True
    return sorted(group, key=lambda c: c.mutation)


def _named(s: Session, table: str, column: str, value: Any) -> Any:
    """A referenced row's name (a technician's, an order's number) instead of its id."""
    if not isinstance(value, str) or column not in wire(table).table.c:
        return value
    for key in wire(table).table.c[column].foreign_keys:
        target = key.column.table
        label = next((target.c[n] for n in ("name", "display_name", "number") if n in target.c), None)
        if label is not None:
            try:
                found = s.execute(select(label).where(target.c.id == uuid.UUID(value))).scalar()
            except ValueError:
                return value
            return found if found is not None else value
    return value


def claims_on(database: Database, order_id: uuid.UUID, desk_id: str, now: datetime) -> list[Claim]:
    """Other desks' live claims on an order, the one expiring last first."""
    return live_claims(database, desk_id, now, order_id).get(order_id, [])


def live_claims(database: Database, desk_id: str, now: datetime, order_id: uuid.UUID | None = None) -> dict[uuid.UUID, list[Claim]]:
    """The orders other desks hold open now (or just this one), with their claims, the one expiring last first."""
    query = (select(OrderClaim.order_id, OrderClaim.holder, OrderClaim.desk_id, OrderClaim.expires_at)
             .where(OrderClaim.desk_id != desk_id, OrderClaim.expires_at > now, OrderClaim.deleted.is_(False))
             .order_by(OrderClaim.expires_at.desc()))
    with database.reading() as s:
        rows = s.execute(query if order_id is None else query.where(OrderClaim.order_id == order_id)).all()
    out: dict[uuid.UUID, list[Claim]] = {}
    for order_id, holder, desk, expires_at in rows:
        out.setdefault(order_id, []).append(Claim(holder, desk, expires_at))
    return out
