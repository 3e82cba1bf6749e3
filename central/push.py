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

import hashlib
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
from central.limits import unstorable
from central.schemas import Mutation, MutationResult
from central.scope import row_regions
from console.core.domain.enums import OPEN_STATUSES
from console.core.domain.roles import may_supervise
from console.core.store.database import Database
from console.core.store.models import AuditEntry, OutboxMessage, SyncDesk, SyncMutation, SyncRefusal, WorkOrder
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import refresh_sla
from console.core.wire import CONTESTED, DERIVED, PUSHABLE, REPLICATED, RULE_TABLES, WireError, pg_select, wire

_ORDER = sorted(PUSHABLE, key=REPLICATED.index)  # a referenced table is written before those that refer to it
# Who did it: the centre's to say. A desk may name only its own user there (approving, only a supervisor).
ATTRIBUTION: dict[str, frozenset[str]] = {
    "sla_pauses": frozenset({"started_by", "ended_by", "approved_by"}),
    "appointments": frozenset({"booked_by"}),
    "appointment_changes": frozenset({"changed_by"}),
}
CREATED_AT_THE_CENTRE = frozenset({"work_orders"})  # orders come from intake, never from a desk
APPEND_ONLY = frozenset({"audit_log"})
MAX_TEXT = 4000  # characters of one pushed text value
MAX_INTEGER = 2**53  # a pushed number beyond this is no value any column holds
# A refused mutation's audit row keeps what was tried, short (and the whole one's digest): a few changes, a few values each, each cut
ATTEMPT_CHANGES, ATTEMPT_VALUES, ATTEMPT_CHARS = 5, 20, 100


class DeskNotYours(Exception):
    """The desk id is registered to another user."""


class DeskRestored(Exception):
    """A mutation number this desk used before, for another change: the desk's file went back in time
    (restored from a backup); it must register again as a new desk and send what it holds."""


def digest(mutation: Mutation) -> str:
    body = json.dumps([c.model_dump(by_alias=True) for c in mutation.changes], sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(body.encode("utf-8", "surrogatepass")).hexdigest()


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
    if desk.user_id != user.id:  # a desk id is its first user's: another user's push with it is refused
        raise DeskNotYours(desk_id)
    done = desk.last_mutation
    fresh = [m for m in mutations if m.m > done]
    planner = _Planner(s, user, desk_id, wire("work_orders").encode({"updated_at": at})["updated_at"])
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
        s.execute(insert(SyncMutation), [{"desk_id": desk_id, "mutation": m.m, "digest": digest(m), "at": at} for m in fresh])
    desk.last_seen_at = at
    s.flush()
    return [results[m.m] for m in mutations]


def _answered_before(s: Session, desk_id: str, retried: list[Mutation]) -> dict[int, MutationResult]:
    """The answers to mutations an earlier push applied or refused: a refusal as stored, an applied one
    with its rows as they are now."""
    if not retried:
        return {}
    taken = dict(s.execute(select(SyncMutation.mutation, SyncMutation.digest).where(
        SyncMutation.desk_id == desk_id, SyncMutation.mutation.in_([m.m for m in retried]))).all())
    if any(taken.get(m.m) != digest(m) for m in retried):  # not the mutation that number was used for
        raise DeskRestored(desk_id)
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
    shown = sorted(mutation.changes, key=lambda c: c.op != "update")[:ATTEMPT_CHANGES]
    attempt = [{"t": c.t, "id": c.id, "op": c.op, "set": {k: _short(v) for k, v in list(c.values.items())[:ATTEMPT_VALUES]}}
               for c in shown]
    s.add(AuditEntry(at=at, user_id=user.id, desk_id=desk_id, action="sync.refused", entity=first.t,
                     entity_id=uuid.UUID(first.id), order_id=order_id, before=refused.theirs or None,
                     after={"mutation": mutation.m, "changes": attempt, "count": len(mutation.changes), "digest": digest(mutation),
                            "truncated": len(shown) < len(mutation.changes) or any(len(c.values) > ATTEMPT_VALUES for c in shown)},
                     reason=_short(refused.reason, 500)))
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
        lock = "" if table in APPEND_ONLY else " FOR UPDATE"  # audit rows are never changed: the service may not lock them
        found = s.execute(text(f"SELECT ({pg_select(table)})::text FROM {table} t WHERE t.id = ANY(CAST(:ids AS uuid[])) "
                               f"ORDER BY t.id{lock}"), {"ids": sorted(ids)}).scalars()
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
    def __init__(self, s: Session, user: DeskUser, desk_id: str, now_wire: str):
        self.s, self.user, self.desk_id, self.now_wire = s, user, desk_id, now_wire
        self._parents: dict[Key, dict[str, Any] | None] = {}

    def _lookup(self, batch: _Batch, staged: dict[Key, dict | None]) -> Callable[[str, str], dict[str, Any] | None]:
        """A row by table and id: as this mutation stages it, as the batch has it, or as stored."""
        def lookup(table: str, row_id: str) -> dict[str, Any] | None:
            key = (table, row_id)
            if key in staged:
                return staged[key]
            if key in batch.rows:
                return batch.rows[key]
            if key not in self._parents:
                raw = self.s.execute(text(f"SELECT ({pg_select(table)})::text FROM {table} t WHERE t.id = CAST(:id AS uuid)"),
                                     {"id": row_id}).scalar()
                self._parents[key] = dict(zip(wire(table).columns, json.loads(raw), strict=True)) if raw else None
            return self._parents[key]
        return lookup

    def check_region(self, batch: _Batch, staged: dict[Key, dict | None], table: str, before: dict | None, after: dict) -> None:
        """A user tied to a region changes only rows of that region: as they were and as they would be
        (an order moved out of it, a pause moved onto another order, a link to another region's order)."""
        if self.user.region_id is None:
            return
        lookup, own = self._lookup(batch, staged), self.user.region_id.hex
        for row in (before, after):
            if row is not None and row_regions(table, row, lookup) - {None, own}:
                raise Refused("region", "that order is not in your region")

    def check_values(self, table: str, values: dict[str, Any]) -> None:
        """What a desk may not set: derived values, another's name on an act, text too long or unstorable, numbers too big."""
        derived = DERIVED.get(table, frozenset()) & values.keys()
        if derived:
            raise Refused("unusable", f"{table}: the centre computes {', '.join(sorted(derived))}", detail=", ".join(sorted(derived)))
        own = self.user.id.hex if self.user.id else None
        for column in ATTRIBUTION.get(table, frozenset()) & values.keys():
            value = values[column]
            if value is not None and (value != own or (column == "approved_by" and not may_supervise(self.user.role))):
                raise Refused("attribution", f"{table}.{column}: a desk names only its own user, and only a supervisor approves",
                              table=table, column=column)
        for column, value in values.items():
            problem = _unstorable(value)
            if problem:
                raise Refused("unusable", f"{table}.{column}: {problem}", detail=f"{table}.{column}: {problem}")

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
            self.check_values(change.t, change.values)
            current = staged[key] if key in staged else batch.rows.get(key)
            self.check_region(batch, staged, change.t, current, None)  # before anything of the row is said back
            if change.op == "insert":
                if change.t in CREATED_AT_THE_CENTRE:
                    raise Refused("table", f"a desk does not create {change.t}", table=change.t)
                if current is not None:
                    raise Refused("exists", f"{change.t} {change.id} already exists at the centre", table=change.t)
                row = {**change.values, "id": change.id}
                if codec.synced:
                    row.update(version=1, updated_at=self.now_wire)
                if change.t == "audit_log":  # who, where and when come from the token, the push and the centre's clock
                    row.update(user_id=self.user.id.hex if self.user.id else None, desk_id=self.desk_id, seq=None, hash="", prev_hash="",
                               at=self.now_wire)
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
            self.check_region(batch, staged, change.t, None, row)
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
            audit_chain.chain(s, entries, in_order=True)  # as planned: the mutations' order, each one's rows in turn
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


def _unstorable(value: Any) -> str:
    """Why PostgreSQL could not store a pushed wire value as it is ("" when it can)."""
    if isinstance(value, str):
        return f"text longer than {MAX_TEXT} characters" if len(value) > MAX_TEXT else unstorable(value)
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return "" if -MAX_INTEGER <= value <= MAX_INTEGER else "a number out of range"
    if isinstance(value, float):
        return "" if value == value and abs(value) <= 1e15 else "a number out of range"
    if isinstance(value, (list, dict)):
        if len(json.dumps(value, default=str)) > MAX_TEXT:
            return f"a value longer than {MAX_TEXT} characters"
        items = value.values() if isinstance(value, dict) else value
        keys = value.keys() if isinstance(value, dict) else ()
        return next((problem for item in (*keys, *items) if (problem := _unstorable(item))), "")
    return "a value of no known kind"


def _short(value: Any, chars: int = ATTEMPT_CHARS) -> Any:
    """A value as the audit log may keep it: text cut and made storable, anything large as a cut text."""
    if value is None or isinstance(value, bool) or (isinstance(value, (int, float)) and not _unstorable(value)):
        return value
    text_ = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, default=str)
    return text_[:chars].replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
