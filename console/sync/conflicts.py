"""The dispatcher's side of conflicts: what was refused, mine against theirs, and the two ways out.

Re-apply runs the refused action again on the rows as they are now (`sync.reapply`, a new outbox
entry the centre runs too); drop keeps the centre's state (`sync.drop`). Either way the audit log
gets a row saying so, at the centre too, and the conflict is closed. Claims are
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
from console.core.domain.lifecycle import Refusal
from console.core.services.booking import Booking
from console.core.services.orders import Outcome
from console.core.services.plan_commit import PlanCommit
from console.core.services.resolutions import Resolutions
from console.core.store.database import Database, SessionDatabase
from console.core.store.models import Base, OrderClaim, SyncConflict, WorkOrder
from console.core.store.rows import DeskUser
from console.core.wire import wire


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
        """Each conflict of the group in its own transaction, in mutation order: the operation that
        re-applies or drops it (an outbox entry the centre runs too) and the conflict closed with it."""
        now = self._clock()
        with self._database.reading() as s:
            conflict = s.get(SyncConflict, conflict_id)
            if conflict is None or conflict.resolved_at is not None:
                raise ConflictError("this conflict was already resolved", "resolved")
            group = [c.id for c in _together(s, conflict, resolution)]
            first = conflict.mutation
        changes = Changes()
        for item_id in group:
            with self._database.unit_of_work() as s:
                item = s.get(SyncConflict, item_id, with_for_update=True)
                if item is None or item.resolved_at is not None:
                    if item_id == conflict_id:
                        raise ConflictError("this conflict was already resolved", "resolved")
                    continue
                reason = item.reason if item_id == conflict_id else f"{item.reason} (with mutation {first})"
                actions = Resolutions(SessionDatabase(s), self._user, lambda: now, self._desk_id)
                if resolution == "reapplied":
                    if not item.operation:
                        raise ConflictError("saved by an older Dispatch Console: it cannot be re-applied; drop it and do it again",
                                            "outdated")
                    try:
                        result = actions.reapply(item.mutation, item.operation, item.order_id, reason)
                    except ValueError as exc:  # (Unusable: an action this console no longer knows)
                        raise ConflictError(f"it cannot be re-applied: {exc}", "outdated") from exc
                    _refused(result)
                    changes |= getattr(result, "changes", Changes())
                else:
                    actions.drop(item.mutation, item.order_id, reason)
                    _forget_made(s, [item])
                item.resolved_at, item.resolution = now, resolution
                if item.order_id:
                    changes |= Changes(orders=frozenset({item.order_id}))
        return changes


def _refused(result: object) -> None:
    """The rules refuse the re-applied action on the rows as they are now: say why (nothing is written)."""
    if isinstance(result, Outcome) and result.refused and not result.changed:
        why = next(iter(result.refused.values()))[1]
        kind = {Refusal.ALREADY_PAUSED: "already_paused", Refusal.NOT_PAUSED: "already_resumed"}.get(why, "rules")
        raise ConflictError(f"the rules refuse it: {why.value}", kind, refusal=why)
    if isinstance(result, Booking) and not result.ok:
        raise ConflictError(f"the rules refuse it: {result.refusal.value}", "rules", refusal=result.refusal)
    if isinstance(result, PlanCommit) and not result.ok:
        refusal = next(iter(result.refused.values())).refusal if result.refused else None
        raise ConflictError("the plan was made from visits or orders changed since", "rules", refusal=refusal)


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
