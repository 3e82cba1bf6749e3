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

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.services.desk import Changes
from console.store import audit
from console.store.database import Database
from console.store.models import Base, OrderClaim, SyncConflict, WorkOrder
from console.store.rows import DeskUser
from console.sync.wire import BOOKKEEPING, DERIVED, wire


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
    """A conflict that cannot be resolved so: `kind` resolved (already, perhaps on another window) or
    gone (the row to re-apply on is no longer there; `table` names it)."""

    def __init__(self, message: str, kind: str = "", table: str = ""):
        super().__init__(message)
        self.kind, self.table = kind, table


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
        """Write my refused values again over the current rows; closes the conflict."""
        return self._resolve(conflict_id, "reapplied")

    def drop(self, conflict_id: uuid.UUID) -> Changes:
        """Keep the centre's state; closes the conflict."""
        return self._resolve(conflict_id, "dropped")

    def _resolve(self, conflict_id: uuid.UUID, resolution: str) -> Changes:
        now = self._clock()
        orders: set[uuid.UUID] = set()
        appointments: set[uuid.UUID] = set()
        with self._database.unit_of_work() as s:
            conflict = s.get(SyncConflict, conflict_id, with_for_update=True)
            if conflict is None or conflict.resolved_at is not None:
                raise ConflictError("this conflict was already resolved", "resolved")
            if resolution == "reapplied":
                for change in conflict.changes:
                    if change["t"] == "audit_log":
                        continue
                    row = s.get(_model(change["t"]), uuid.UUID(change["id"]))
                    if row is None:
                        raise ConflictError(f"the {change['t']} row is gone: it cannot be re-applied", "gone", change["t"])
                    skip = BOOKKEEPING | DERIVED.get(change["t"], frozenset())
                    values = wire(change["t"]).decode({k: v for k, v in change["set"].items() if k not in skip})
                    for column, value in values.items():
                        setattr(row, column, value)
                    if hasattr(row, "version"):
                        row.version += 1
                    if change["t"] == "work_orders":
                        orders.add(row.id)
                    elif change["t"] == "appointments":
                        appointments.add(row.id)
            entity_id = uuid.UUID(conflict.changes[0]["id"])
            audit.record(s, at=now, user_id=self._user.id, desk_id=self._desk_id, action=f"sync.{resolution}",
                         entity=conflict.changes[0]["t"], entity_id=entity_id, order_id=conflict.order_id,
                         before=conflict.theirs or None, after={"mutation": conflict.mutation, "changes": conflict.changes},
                         reason=conflict.reason)
            conflict.resolved_at, conflict.resolution = now, resolution
        if conflict.order_id:
            orders.add(conflict.order_id)
        return Changes(orders=frozenset(orders), appointments=frozenset(appointments))


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
    with database.reading() as s:
        rows = s.scalars(select(OrderClaim).where(OrderClaim.order_id == order_id, OrderClaim.desk_id != desk_id,
                                                  OrderClaim.expires_at > now, OrderClaim.deleted.is_(False))
                         .order_by(OrderClaim.expires_at.desc())).all()
    return [Claim(r.holder, r.desk_id, r.expires_at) for r in rows]


def live_claims(database: Database, desk_id: str, now: datetime) -> dict[uuid.UUID, list[Claim]]:
    """Every order other desks hold open now, with its claims (the one expiring last first): for the queue."""
    with database.reading() as s:
        rows = s.execute(select(OrderClaim.order_id, OrderClaim.holder, OrderClaim.desk_id, OrderClaim.expires_at)
                         .where(OrderClaim.desk_id != desk_id, OrderClaim.expires_at > now, OrderClaim.deleted.is_(False))
                         .order_by(OrderClaim.expires_at.desc())).all()
    out: dict[uuid.UUID, list[Claim]] = {}
    for order_id, holder, desk, expires_at in rows:
        out.setdefault(order_id, []).append(Claim(holder, desk, expires_at))
    return out
