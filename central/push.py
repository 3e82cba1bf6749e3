"""A desk's pushed batch: each mutation an operation, run at the centre in order (the sync HTTP
endpoint is `central.routers.sync`; one operation's run is `central.operations`).

A push runs a desk's mutations in their order, in one transaction with the desk's last mutation
number, so a retried batch never runs twice; each mutation in its own savepoint, so a refused one
leaves nothing behind and the others go on. A refusal is stored (a retry gets the same answer) and
written to the audit log with a short excerpt of what was tried and the whole attempt's digest.
A mutation number the desk used before answers as then if it is the same mutation; another
mutation under a used number means the desk's file went back in time (DeskRestored).
"""

from __future__ import annotations

import hashlib
import json
import random
import time
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from central import audit_chain, together
from central.limits import usable_together
from central.operations import TRANSIENT, Prepared, Ran, Refused, lock_named, prepare, read_rows, run, visible
from central.schemas import Mutation, MutationResult
from console.core.domain.enums import OPEN_STATUSES
from console.core.store.database import Database
from console.core.store.models import AuditEntry, SyncDesk, SyncMutation, SyncRefusal, WorkOrder
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import refresh_sla

# A refused mutation's audit row keeps what was tried, short (and the whole one's digest)
ATTEMPT_VALUES, ATTEMPT_CHARS = 20, 100
ATTEMPTS = 4  # runs of a batch PostgreSQL gave up on
# A push's statements each touch a few hundred rows by key: a parallel plan's workers cost more to start
# than such a statement takes (PostgreSQL chose them for the region check of 200 ids: 24 ms, 3 ms without)
_SHORT_STATEMENTS = text("SET LOCAL max_parallel_workers_per_gather = 0")


class DeskNotYours(Exception):
    """The desk id is registered to another user."""


class DeskRestored(Exception):
    """A mutation number this desk used before, for another change: the desk's file went back in time
    (restored from a backup); it must register again as a new desk and send what it holds."""


def digest(mutation: Mutation, op: dict[str, Any] | None = None) -> str:
    """What identifies a mutation's operation (`op`: its wire form, when already made)."""
    body = json.dumps(mutation.op.model_dump() if op is None else op, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


def push(database: Database, user: DeskUser, desk_id: str, mutations: list[Mutation],
         now: Callable[[], datetime]) -> list[MutationResult]:
    """Run a desk's outbox entries in order; each answered ok (with its rows) or refused. A batch
    PostgreSQL gives up on (a deadlock with another writer) runs again, whole, a few times."""
    for attempt in range(ATTEMPTS):
        try:
            with database.sessions() as s, s.begin():
                if s.get_bind().dialect.name == "postgresql":
                    s.execute(_SHORT_STATEMENTS)
                return apply(s, user, desk_id, mutations, now())
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) not in TRANSIENT or attempt == ATTEMPTS - 1:
                raise
            time.sleep(random.uniform(0.01, 0.05) * (attempt + 1))
    raise AssertionError("unreachable")


def apply(s: Session, user: DeskUser, desk_id: str, mutations: list[Mutation], at: datetime) -> list[MutationResult]:
    """The batch in the session's transaction: the mutations run before answered as then, the new ones run."""
    s.execute(pg_insert(SyncDesk).values(desk_id=desk_id, user_id=user.id, last_mutation=0, last_seen_at=at)
              .on_conflict_do_nothing())
    desk = s.execute(select(SyncDesk).where(SyncDesk.desk_id == desk_id).with_for_update()).scalar_one()
    if desk.user_id != user.id:  # a desk id is its first user's: another user's push with it is refused
        raise DeskNotYours(desk_id)
    done = desk.last_mutation
    fresh = [m for m in mutations if m.m > done]
    lock_named(s, [{"args": m.op.args} for m in fresh])
    results = _answered_before(s, user, desk_id, [m for m in mutations if m.m <= done])
    orders: set[uuid.UUID] = set()
    rules_changed = False
    touched: dict[int, list[list[str]]] = {}
    ops = [m.op.model_dump() for m in fresh]
    usable = usable_together(ops)
    prepared: list[Prepared | Refused] = [_prepared(op, usable) for op in ops]
    start = 0
    while start < len(fresh):
        end = together.run_end(prepared, start)
        ran = together.run_together(s, user, desk_id, prepared[start:end], at) if end - start > 1 else None  # type: ignore[arg-type]
        if ran is None:  # one at a time, each in its own savepoint
            ran = [_run_one(s, user, desk_id, prepared[k], at) for k in range(start, end)]
        for mutation, outcome in zip(fresh[start:end], ran, strict=True):
            if isinstance(outcome, Refused):
                results[mutation.m] = _refuse(s, user, desk_id, at, mutation, outcome)
                continue
            orders |= outcome.orders
            rules_changed |= outcome.rules_changed
            touched[mutation.m] = [list(k) for k in outcome.touched]
            results[mutation.m] = MutationResult(m=mutation.m, ok=True, partly=outcome.partly)
        start = end
    if rules_changed:
        orders |= set(s.scalars(select(WorkOrder.id).where(WorkOrder.status.in_(OPEN_STATUSES))))
    if orders:
        refresh_sla(s, orders, load_rulebook(s), load_calendar(s), at)
    if fresh:
        desk.last_mutation = fresh[-1].m
        s.execute(insert(SyncMutation), [{"desk_id": desk_id, "mutation": m.m, "digest": digest(m, op), "at": at,
                                          "touched": touched.get(m.m), "partly": results[m.m].partly or None}
                                         for m, op in zip(fresh, ops, strict=True)])
    desk.last_seen_at = at
    # The answer: each applied mutation's rows, read once, with the deadlines just recomputed. Its
    # audit rows are read last, once chained: from then until the commit the chain's head is locked.
    keys = list(dict.fromkeys(tuple(k) for keys in touched.values() for k in keys))
    rows = read_rows(s, [k for k in keys if k[0] != "audit_log"]) if keys else {}
    audit_chain.write(s)
    rows |= read_rows(s, [k for k in keys if k[0] == "audit_log"])
    for number, written in touched.items():
        results[number].rows = _pick(rows, written)
    return [results[m.m] for m in mutations]


def _prepared(op: dict[str, Any], usable: bool) -> Prepared | Refused:
    try:
        return prepare(op, usable)
    except Refused as refused:
        return refused


def _run_one(s: Session, user: DeskUser, desk_id: str, op: Prepared | Refused, at: datetime) -> Ran | Refused:
    if isinstance(op, Refused):
        return op
    try:
        return run(s, user, desk_id, op, at)
    except Refused as refused:
        return refused


def _pick(rows: dict[str, dict[str, dict[str, Any]]], keys: list[list[str]]) -> dict[str, dict[str, dict[str, Any]]]:
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for table, row_id in keys:
        row = rows.get(table, {}).get(row_id)
        if row is not None:
            out.setdefault(table, {})[row_id] = row
    return out


def _answered_before(s: Session, user: DeskUser, desk_id: str, retried: list[Mutation]) -> dict[int, MutationResult]:
    """The answers to mutations an earlier push ran: a refusal as stored, an applied one with its rows as they are now."""
    if not retried:
        return {}
    taken = {m: (d, t, p) for m, d, t, p in s.execute(select(SyncMutation.mutation, SyncMutation.digest, SyncMutation.touched,
                                                             SyncMutation.partly).where(
        SyncMutation.desk_id == desk_id, SyncMutation.mutation.in_([m.m for m in retried])))}
    if any(taken.get(m.m, ("",))[0] != digest(m) for m in retried):  # not the mutation that number was used for
        raise DeskRestored(desk_id)
    answered = {r.mutation: r for r in s.scalars(select(SyncRefusal).where(
        SyncRefusal.desk_id == desk_id, SyncRefusal.mutation.in_([m.m for m in retried])))}
    results: dict[int, MutationResult] = {}
    for m in retried:
        refusal = answered.get(m.m)
        if refusal is not None:
            results[m.m] = MutationResult(m=m.m, ok=False, reason=refusal.reason, code=refusal.code, args=refusal.args or {},
                                          theirs=refusal.theirs or {})
        else:
            keys = [(t, i) for t, i in (taken[m.m][1] or [])]
            rows = visible(s, user, read_rows(s, keys)) if keys else {}  # (a row may have left the user's region since)
            results[m.m] = MutationResult(m=m.m, ok=True, rows=rows, partly=taken[m.m][2] or {})
    return results


def _refuse(s: Session, user: DeskUser, desk_id: str, at: datetime, mutation: Mutation, refused: Refused) -> MutationResult:
    """Store the refusal (a retry gets the same answer) and audit it with a short excerpt of the attempt."""
    s.add(SyncRefusal(desk_id=desk_id, mutation=mutation.m, at=at, reason=refused.reason, code=refused.code,
                      args=refused.details, theirs=refused.theirs))
    op = mutation.op
    order_id = _order_of(s, op.args, refused.theirs)
    args = op.args if isinstance(op.args, dict) else {}
    attempt = {"name": _short(op.name, 64), "args": {_short(k, 40): _short(v) for k, v in list(args.items())[:ATTEMPT_VALUES]}}
    entry = AuditEntry(at=at, user_id=user.id, desk_id=desk_id, action="sync.refused", entity="operation",
                       entity_id=_uuid(op.id) or uuid.uuid4(), order_id=order_id, before=refused.theirs or None,
                       after={"mutation": mutation.m, "operation": attempt, "digest": digest(mutation),
                              "truncated": len(args) > ATTEMPT_VALUES},
                       reason=_short(refused.reason, 500))
    s.add(entry)
    audit_chain.hold(s, [entry])  # now: the chain keeps the push's order, whatever is flushed with what
    return MutationResult(m=mutation.m, ok=False, reason=refused.reason, code=refused.code, args=refused.details,
                          theirs=refused.theirs)


def _order_of(s: Session, args: Any, theirs: dict) -> uuid.UUID | None:
    """The order a refused action was about, when it names one the centre has (for the order's history)."""
    candidates = list(theirs.get("work_orders", {}))
    if isinstance(args, dict):
        ids = args.get("order_ids")
        candidates += ids[:1] if isinstance(ids, list) else []
    for candidate in candidates:
        order_id = _uuid(candidate)
        if order_id is not None and s.get(WorkOrder, order_id) is not None:
            return order_id
    return None


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _short(value: Any, chars: int = ATTEMPT_CHARS) -> Any:
    """A value as the audit log may keep it: text cut and made storable, anything large as a cut text."""
    if value is None or isinstance(value, bool) or (isinstance(value, int) and abs(value) <= 2**53):
        return value
    if isinstance(value, float) and value == value and abs(value) <= 1e15:
        return value
    text_ = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text_[:chars].replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
