"""The open orders a rule change moves, and their cached deadlines recomputed in chunks.

A rule operation writes the rule and its audit row and says which orders it moves (`Affected`); it
does not recompute them itself. The desk recomputes them afterwards chunk by chunk, each chunk a
short unit of work of its own (`recompute_chunk`), so the file's write lock is never held for long,
the GUI stays free and a progress bar can follow; the centre recomputes the orders a pushed rule
change moves in the push's transaction (`central/operations.py`), and its HTTP rule endpoint calls
`recompute_in` in the same transaction as the change. Only derived columns change: no version, no outbox entry, and the
rows keep their `updated_at` (the stamp the sync compares), as a replica's own refresh does.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain.enums import OPEN_STATUSES, OrderKind
from console.core.store.database import Database
from console.core.store.models import WorkOrder
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import order_facts, sla_columns

CHUNK = 2000  # orders per unit of work at the desk: about a fifth of a second each on a desk's file


@dataclass(frozen=True)
class Affected:
    """Which open orders a rule change moves: all, one kind's, or those counted in business time."""

    kind: OrderKind | None = None
    business_only: bool = False

    def __or__(self, other: Affected) -> Affected:
        return Affected(self.kind if self.kind == other.kind else None, self.business_only and other.business_only)


@dataclass(frozen=True)
class RuleChange:
    """What a rule operation did: the changes to publish now, and the orders whose deadlines move."""

    changes: Changes
    affected: Affected | None = None


def affected_ids(session: Session, affected: Affected) -> list[uuid.UUID]:
    """The open orders the change moves, in id order (a stable order for chunks)."""
    query = select(WorkOrder.id).where(WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.deleted.is_(False))
    if affected.kind is not None:
        query = query.where(WorkOrder.kind == affected.kind)
    if affected.business_only:
        query = query.where(WorkOrder.sla_business.is_(True))
    return list(session.scalars(query.order_by(WorkOrder.id)))


def refresh_keeping_stamps(session: Session, ids: Sequence[uuid.UUID], now: datetime) -> int:
    """Recompute these orders' cached SLA under the rules in force; returns how many were written."""
    if not ids:
        return 0
    book, calendar = load_rulebook(session), load_calendar(session)
    stamps = {r.id: r.updated_at for r in session.execute(select(WorkOrder.id, WorkOrder.updated_at).where(WorkOrder.id.in_(ids)))}
    rows = []
    for order_id, facts in order_facts(session, ids).items():
        rows.append({"id": order_id, "updated_at": stamps[order_id], **sla_columns(facts, book, calendar, now)})
    faults = [r for r in rows if "response_due_at" in r]  # (a fault's response deadline too: one statement shape each)
    others = [r for r in rows if "response_due_at" not in r]
    for group in (faults, others):
        if group:
            session.execute(update(WorkOrder), group)  # executemany by primary key
    return len(rows)


def read_affected(database: Database, affected: Affected) -> list[uuid.UUID]:
    with database.reading() as session:
        return affected_ids(session, affected)


def recompute_chunk(database: Database, ids: Sequence[uuid.UUID], clock: Callable[[], datetime]) -> int:
    """One chunk in a unit of work of its own (the rules read again: a later change is honoured)."""
    with database.unit_of_work() as session:
        return refresh_keeping_stamps(session, ids, clock())


def recompute_in(session: Session, affected: Affected, now: datetime, chunk: int = CHUNK) -> int:
    """Every affected order in the caller's transaction (the centre's HTTP endpoints, a bench's baseline)."""
    ids = affected_ids(session, affected)
    return sum(refresh_keeping_stamps(session, ids[start:start + chunk], now) for start in range(0, len(ids), chunk))


def recompute(database: Database, affected: Affected, clock: Callable[[], datetime], chunk: int = CHUNK,
              progress: Callable[[int, int], None] | None = None) -> int:
    """All affected orders, chunk by chunk (what the desk's background job does, in one call)."""
    ids = read_affected(database, affected)
    done = 0
    for start in range(0, len(ids), chunk):
        done += recompute_chunk(database, ids[start:start + chunk], clock)
        if progress is not None:
            progress(done, len(ids))
    return done
