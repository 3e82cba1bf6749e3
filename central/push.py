"""A desk's pushed batch, planned and applied (the sync HTTP endpoint is `central.routers.sync`).

A push applies a desk's mutations in their order, in one transaction with the desk's last applied
mutation number, so a retried batch never applies twice. Each mutation is planned first against
the rows as they are (read once per batch, locked): a change the desk may not make, or one made on
a stale version of a contested field that someone else has changed since, refuses that mutation
alone; the refusal is stored (a retry gets the same answer) and written to the audit log with both
attempts. Rows are then written per table in a few statements; should the database still refuse a
write (a unique number taken meanwhile), the batch is applied again one mutation at a time, each in
its own savepoint, and only the mutation the database refuses is refused.
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, insert, select, text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from central import audit_chain, outbound
from central.schemas import Mutation, MutationResult
from console.core.domain.enums import OPEN_STATUSES, Role
from console.core.domain.roles import may_supervise
from console.core.store.database import Database
from console.core.store.models import AuditEntry, OutboxMessage, SyncDesk, SyncRefusal, WorkOrder
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import refresh_sla
from console.core.wire import CONTESTED, PUSHABLE, REPLICATED, RULE_TABLES, WireError, pg_select, wire

_ORDER = sorted(PUSHABLE, key=REPLICATED.index)  # a referenced table is written before those that refer to it


def push(database: Database, user: DeskUser, desk_id: str, mutations: list[Mutation],
         now: Callable[[], datetime]) -> list[MutationResult]:
    """Apply a desk's outbox entries in order; each answered ok or refused (with the centre's values).
    A batch the database refuses as a whole is applied again one mutation at a time."""
    for one_by_one in (False, True):
        try:
            with database.sessions() as s, s.begin():
                return apply(s, user, desk_id, mutations, one_by_one, now())
        except DBAPIError:
            if one_by_one:
                raise
    raise AssertionError("unreachable")


def apply(s: Session, user: DeskUser, desk_id: str, mutations: list[Mutation], one_by_one: bool,
          at: datetime) -> list[MutationResult]:
    """The batch in the session's transaction: the mutations applied before answered as then, the
    new ones planned and written (in one group, or each in its own savepoint), refusals recorded."""
    s.execute(pg_insert(SyncDesk).values(desk_id=desk_id, user_id=user.id, last_mutation=0, last_seen_at=at)
              .on_conflict_do_nothing())
    desk = s.execute(select(SyncDesk).where(SyncDesk.desk_id == desk_id).with_for_update()).scalar_one()
    done = desk.last_mutation
    fresh = [m for m in mutations if m.m > done]
    planner = _Planner(user, desk_id, wire("work_orders").encode({"updated_at": at})["updated_at"])
    results = _answered_before(s, desk_id, [m for m in mutations if m.m <= done])
    refusals: list[tuple[Mutation, Refused]] = []
    orders: set[uuid.UUID] = set()
    rules_changed = False
    groups = [[m] for m in fresh] if one_by_one else [fresh] if fresh else []
    for group in groups:
        batch = _Batch(_fetch(s, group))
        for mutation in group:
            try:
                planner.plan(batch, mutation)
            except Refused as refused:
                refusals.append((mutation, refused))
        if not one_by_one:
            orders |= _write(s, batch)
        else:
            try:
                with s.begin_nested():
                    orders |= _write(s, batch)
            except DBAPIError as exc:
                batch.results.clear()
                refusals.append((group[0], Refused("store", f"the centre cannot store this change: {_first_line(exc)}",
                                                   detail=_first_line(exc))))
        results.update((r.m, r) for r in batch.results)
        rules_changed |= batch.rules_changed
    for mutation, refused in refusals:
        results[mutation.m] = _refuse(s, user, desk_id, at, mutation, refused)
    if rules_changed:
        orders |= set(s.scalars(select(WorkOrder.id).where(WorkOrder.status.in_(OPEN_STATUSES))))
    if orders:
        refresh_sla(s, orders, load_rulebook(s), load_calendar(s), at)
    if fresh:
        desk.last_mutation = fresh[-1].m
    desk.user_id, desk.last_seen_at = user.id, at
    s.flush()
    return [results[m.m] for m in mutations]


def _answered_before(s: Session, desk_id: str, retried: list[Mutation]) -> dict[int, MutationResult]:
    """The answers to mutations an earlier push applied or refused: a refusal as stored, an applied one
    with its rows as they are now."""
    if not retried:
        return {}
    answered = {r.mutation: r for r in s.scalars(select(SyncRefusal).where(
        SyncRefusal.desk_id == desk_id, SyncRefusal.mutation.in_([m.m for m in retried])))}
    applied_before = [m for m in retried if m.m not in answered]
    current = _current(s, applied_before) if applied_before else {}
    results: dict[int, MutationResult] = {}
    for m in retried:
        refusal = answered.get(m.m)
        rows: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
        for change in m.changes if refusal is None else ():
            if (change.t, change.id) in current:
                rows[change.t][change.id] = current[(change.t, change.id)]
        results[m.m] = MutationResult(m=m.m, ok=refusal is None, reason=refusal.reason if refusal else "",
                                      code=refusal.code if refusal else "", args=(refusal.args or {}) if refusal else {},
                                      theirs=refusal.theirs if refusal else {}, rows=rows)
    return results


def _refuse(s: Session, user: DeskUser, desk_id: str, at: datetime, mutation: Mutation, refused: Refused) -> MutationResult:
    """Store the refusal (a retry gets the same answer) and audit it with both attempts."""
    s.add(SyncRefusal(desk_id=desk_id, mutation=mutation.m, at=at, reason=refused.reason, code=refused.code,
                      args=refused.details, theirs=refused.theirs))
    first = mutation.changes[0]
    order_id = _order_uuid(first.id if first.t == "work_orders" else first.values.get("order_id"))
    if order_id is not None and s.get(WorkOrder, order_id) is None:
        order_id = None  # the refused change named an order the centre does not have
    s.add(AuditEntry(at=at, user_id=user.id, desk_id=desk_id, action="sync.refused", entity=first.t,
                     entity_id=uuid.UUID(first.id), order_id=order_id,
                     before=refused.theirs or None, after={"mutation": mutation.m, "changes": [c.model_dump(by_alias=True) for c in mutation.changes]},
                     reason=refused.reason))
    return MutationResult(m=mutation.m, ok=False, reason=refused.reason, code=refused.code, args=refused.details,
                          theirs=refused.theirs)


def _order_uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _first_line(exc: DBAPIError) -> str:
    return str(exc.orig).strip().splitlines()[0] if exc.orig is not None else str(exc)


class Refused(Exception):
    """`reason` in English (the audit log's); `code` and `args` for the desk to say it in its language."""

    def __init__(self, code: str, reason: str, theirs: dict[str, dict[str, dict[str, Any]]] | None = None, **args: Any):
        super().__init__(reason)
        self.code, self.reason, self.details = code, reason, args
        self.theirs = theirs or {}


Key = tuple[str, str]


@dataclass
class _Batch:
    """The rows a batch touches, as the centre has them (wire values), updated as it plans."""

    rows: dict[Key, dict[str, Any] | None]
    inserted: dict[Key, None] = field(default_factory=dict)  # in the order planned
    updated: dict[Key, set[str]] = field(default_factory=dict)  # the columns set
    results: list[MutationResult] = field(default_factory=list)
    refusals: list[tuple[Mutation, Refused]] = field(default_factory=list)
    rules_changed: bool = False


def _fetch(s: Session, mutations: list[Mutation]) -> dict[Key, dict[str, Any] | None]:
    """The rows the mutations name, and the orders they refer to, locked for this transaction."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for mutation in mutations:
        for change in mutation.changes:
            wanted[change.t].add(change.id)
            order = change.values.get("order_id")
            if isinstance(order, str):
                wanted["work_orders"].add(order)
    rows: dict[Key, dict[str, Any] | None] = {}
    for table in _ORDER:  # one order of tables and of rows for every push: pushes never deadlock on each other's locks
        ids = wanted.get(table)
        if not ids:
            continue
        for row_id in ids:
            rows[(table, row_id)] = None
        columns = wire(table).columns
        found = s.execute(text(f"SELECT ({pg_select(table)})::text FROM {table} t WHERE t.id = ANY(CAST(:ids AS uuid[])) "
                               "ORDER BY t.id FOR UPDATE"), {"ids": sorted(ids)}).scalars()
        for raw in found:
            row = dict(zip(columns, json.loads(raw), strict=True))
            rows[(table, row["id"])] = row
    return rows


def _current(s: Session, mutations: list[Mutation]) -> dict[Key, dict[str, Any]]:
    """The rows these mutations changed, as they are now, unlocked: a retry's answer, so that the desk
    takes what the centre has rather than guess (its change is in them, and maybe others' after it)."""
    wanted: dict[str, set[str]] = defaultdict(set)
    for mutation in mutations:
        for change in mutation.changes:
            wanted[change.t].add(change.id)
    rows: dict[Key, dict[str, Any]] = {}
    for table, ids in wanted.items():
        columns = wire(table).columns
        for raw in s.execute(text(f"SELECT ({pg_select(table)})::text FROM {table} t WHERE t.id = ANY(CAST(:ids AS uuid[]))"),
                             {"ids": sorted(ids)}).scalars():
            row = dict(zip(columns, json.loads(raw), strict=True))
            rows[(table, row["id"])] = row
    return rows


class _Planner:
    def __init__(self, user: DeskUser, desk_id: str, now_wire: str):
        self.user, self.desk_id, self.now_wire = user, desk_id, now_wire

    def region_of(self, batch: _Batch, staged: dict[Key, dict | None], table: str, row: dict[str, Any]) -> str | None:
        if table == "work_orders":
            return row.get("region_id")
        order_id = row.get("order_id")
        if not order_id:
            return None
        key = ("work_orders", order_id)
        order = staged[key] if key in staged else batch.rows.get(key)
        return order.get("region_id") if order else None

    def plan(self, batch: _Batch, mutation: Mutation) -> None:
        """Plan one mutation into the batch, or raise Refused (the batch is then unchanged)."""
        staged: dict[Key, dict[str, Any] | None] = {}
        for change in mutation.changes:
            key = (change.t, change.id)
            if change.t not in PUSHABLE:
                raise Refused("table", f"a desk does not change {change.t}", table=change.t)
            if change.t in RULE_TABLES and not may_supervise(self.user.role):
                raise Refused("rules_role", "only a shift supervisor changes the SLA rules and the calendar")
            codec = wire(change.t)
            try:
                codec.decode(change.values)
                codec.decode(change.was)
            except WireError as exc:
                raise Refused("unusable", f"the centre cannot use this change: {exc}", detail=str(exc)) from exc
            current = staged[key] if key in staged else batch.rows.get(key)
            if change.op == "insert":
                if current is not None:
                    raise Refused("exists", f"{change.t} {change.id} already exists at the centre", table=change.t)
                row = {**change.values, "id": change.id}
                if codec.synced:
                    row.update(version=1, updated_at=self.now_wire)
                if change.t == "audit_log":  # who and where come from the token and the push, not the row
                    row.update(user_id=self.user.id.hex if self.user.id else None, desk_id=self.desk_id, seq=None, hash="", prev_hash="")
            else:
                if current is None:
                    raise Refused("unknown", f"{change.t} {change.id} is unknown at the centre", table=change.t)
                contested = CONTESTED.get(change.t, frozenset()) & change.values.keys()
                if codec.synced:  # even at the same version: a desk's later change made on top of its own refused one
                    # carries a version number of the desk's own count, which may equal the centre's by chance
                    lost = [c for c in contested if current.get(c) != change.was.get(c) and current.get(c) != change.values[c]]
                    if lost:
                        theirs = {c: current.get(c) for c in sorted(contested | {"version"})}
                        raise Refused("contested", f"changed at the centre meanwhile: {', '.join(sorted(lost))}",
                                      {change.t: {change.id: theirs}}, table=change.t, columns=sorted(lost))
                row = {**current, **change.values, "id": change.id}
                if codec.synced:
                    row.update(version=current["version"] + 1, updated_at=self.now_wire)
            if self.user.role is Role.DISPATCHER and self.user.region_id is not None:
                region = self.region_of(batch, staged, change.t, row)
                if region is not None and region != self.user.region_id.hex:
                    raise Refused("region", "that order is not in your region")
            staged[key] = row
            if change.t in RULE_TABLES:
                batch.rules_changed = True
        # planned: take it into the batch
        versions: dict[str, dict[str, int]] = defaultdict(dict)
        for change in mutation.changes:
            key = (change.t, change.id)
            row = staged[key]
            if change.op == "insert" or key in batch.inserted:
                batch.inserted[key] = None
            else:
                batch.updated.setdefault(key, set()).update(change.values.keys())
            batch.rows[key] = row
            if "version" in row:
                versions[change.t][change.id] = row["version"]
        batch.results.append(MutationResult(m=mutation.m, ok=True, versions=dict(versions), stamp=self.now_wire if versions else ""))


def _write(s: Session, batch: _Batch) -> set[uuid.UUID]:
    """Write the planned rows; the orders whose SLA facts may have changed."""
    orders: set[uuid.UUID] = set()
    by_table: dict[str, list[Key]] = defaultdict(list)
    for key in batch.inserted:
        by_table[key[0]].append(key)
    for table in _ORDER:
        keys = by_table.get(table)
        if not keys:
            continue
        codec = wire(table)
        rows = [codec.decode(batch.rows[k]) for k in keys]
        if table == "audit_log":  # chained and noticed as the ORM hooks would, written in two statements
            entries = [AuditEntry(**{k: v for k, v in row.items() if k not in ("seq", "hash", "prev_hash")}) for row in rows]
            audit_chain.chain(s, entries)
            messages = outbound.notices(s, entries)
            s.execute(insert(AuditEntry), [_set_attributes(e) for e in entries])
            if messages:
                s.execute(insert(OutboxMessage), [_set_attributes(m) for m in messages])
        else:
            s.execute(insert(codec.table), rows)
        orders.update(_orders_of(table, rows))
    groups: dict[tuple[str, frozenset[str]], list[dict[str, Any]]] = defaultdict(list)
    for key, columns in batch.updated.items():
        if key in batch.inserted:
            continue
        table = key[0]
        names = frozenset(columns | ({"version", "updated_at"} if wire(table).synced else set()))
        row = wire(table).decode({n: batch.rows[key][n] for n in names})
        row["_id"] = uuid.UUID(key[1])
        groups[(table, names)].append(row)
        if table != "work_orders" or columns & _SLA_FACTS:  # an assignment leaves the deadline as it is
            orders.update(_orders_of(table, [wire(table).decode({n: batch.rows[key][n] for n in ("id", "order_id") if n in batch.rows[key]})]))
    for (table, names), rows in groups.items():
        target = wire(table).table
        s.execute(update(target).where(target.c.id == bindparam("_id")).values({n: bindparam(n) for n in names})
                  .execution_options(synchronize_session=False), rows)
    return orders


# The columns of an order its cached SLA is computed from (with its customer's level, its service's
# assurance and its pauses: store.sla_cache.order_facts).
_SLA_FACTS = frozenset({"kind", "customer_id", "service_id", "sla_started_at", "access_points"})


def _set_attributes(obj: Any) -> dict[str, Any]:
    """A transient ORM object's values as a Core insert takes them (what was not set takes the default)."""
    return {k: v for k, v in vars(obj).items() if not k.startswith("_")}


def _orders_of(table: str, rows: list[dict[str, Any]]) -> set[uuid.UUID]:
    if table == "work_orders":
        return {r["id"] for r in rows}
    if table in ("sla_pauses",):
        return {r["order_id"] for r in rows if r.get("order_id")}
    return set()

