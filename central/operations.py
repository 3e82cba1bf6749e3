"""One pushed operation run at the centre: the desk's action through the same service code, as the
token's user, in a savepoint of the push's transaction.

What a desk sends is read as an action, never as rows: its name picks a service method
(`console.core.services.registry`), its arguments are decoded with that method's type hints, the
service is built with the token's user (role, region) and the centre's clock, and the method runs
under the operation's id so the rows it makes carry the ids the desk gave them. Whatever the desk
believed about derived values, attributions or other rows plays no part. Around the run:
- "changed since you saw it": a contested value the action changed on the desk (`seen`) that is no
  longer what the centre has refuses it, with both values;
- the rules' own refusals (an order closed, a visit moved meanwhile) refuse it, with their code;
- every row it wrote, before and after, and every row those refer to, must be in the user's region;
- anything the data or the database cannot take refuses this action alone.
The answer is the rows the action wrote (`Ran.touched`), read as the centre has them once the push's
SLA recomputation is done.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import event, inspect, select, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.base import NO_VALUE

from central import audit_chain
from central.limits import plainly_usable, walk
from central.scope import ALSO, DIRECT, PARENT, named_region_sql, row_regions
from central.unavailable import unavailable
from console.core.domain.lifecycle import Refusal as OrderRefusal
from console.core.ids import drawn_from
from console.core.operations import Unusable, decode
from console.core.services.booking import Booking
from console.core.services.calendar import NotAllowed
from console.core.services.deadlines import RuleChange, affected_ids
from console.core.services.orders import Outcome
from console.core.services.plan_commit import PlanCommit
from console.core.services.registry import Operation, find
from console.core.services.rules_admin import RuleError
from console.core.store.database import SessionDatabase
from console.core.store.models import Base, SlaPause, SyncRefusal, WorkOrder
from console.core.store.rows import DeskUser
from console.core.wire import CONTESTED, PUSHABLE, RULE_TABLES, pg_select, wire

Key = tuple[str, str]


class Refused(Exception):
    """`reason` in English (the audit log's); `code` and `args` for the desk to say it in its language."""

    def __init__(self, code: str, reason: str, theirs: dict[str, dict[str, dict[str, Any]]] | None = None, **args: Any):
        super().__init__(reason)
        self.code, self.reason, self.details = code, reason, args
        self.theirs = theirs or {}


@dataclass
class Ran:
    """What one operation did at the centre."""

    touched: list[Key]  # the rows it wrote, in (table, id) order
    orders: set[uuid.UUID]  # whose SLA facts it may have changed
    rules_changed: bool = False
    partly: dict[str, dict[str, Any]] = field(default_factory=dict)  # order id -> {code, refusal, number}: refused within it


@dataclass(frozen=True)
class Prepared:
    """A pushed operation read and checked, before it runs."""

    operation: Operation
    id: uuid.UUID
    args: dict[str, Any]  # as the method takes them
    expected: dict[uuid.UUID, int]
    seen: dict[Key, dict[str, Any]]
    named: frozenset[str]  # every id its arguments and expected versions name (dashed form)


def prepare(op: Any, usable: bool = False) -> Prepared:
    """A pushed operation (its wire form) as it will run, or Refused naming what cannot be used.
    `usable`: its values were found plainly usable with the rest of its batch (`usable_together`)."""
    if not isinstance(op, dict):
        raise Refused("unusable", "op: an object is expected", detail="op")
    name = op.get("name")
    operation = find(name)
    if operation is None:
        raise Refused("operation", f"no operation {str(name)[:64]!r} at the centre", name=str(name)[:64])
    try:
        op_id = uuid.UUID(hex=op.get("id")) if isinstance(op.get("id"), str) and len(op["id"]) == 32 else None
    except ValueError:
        op_id = None
    if op_id is None:
        raise Refused("unusable", "op.id: 32 hex digits expected", detail="op.id")
    parts = {"args": op.get("args"), "seen": op.get("seen"), "expected": op.get("expected")}
    problem = "" if usable or plainly_usable(parts, depth=13) else next(  # (one quick pass over the three, a level down)
        (p for where, value in parts.items() if (p := walk(value, where))), "")
    if problem:
        raise Refused("unusable", problem, detail=problem)
    try:
        args = decode(operation.name, op.get("args", {}))
        expected = _expected(op.get("expected") or {})
    except Unusable as exc:
        raise Refused("unusable", str(exc), detail=str(exc)) from None
    named = _uuids(op.get("args")) | _uuids(list(op.get("expected") or {}))
    if len(named) > MAX_NAMED:
        raise Refused("unusable", f"args: an action names at most {MAX_NAMED} rows", detail="args")
    return Prepared(operation, op_id, args, expected, _seen(op.get("seen") or {}), frozenset(named))


def run(s: Session, user: DeskUser, desk_id: str, op: Prepared, at: datetime) -> Ran:
    """Run a prepared operation or raise Refused; nothing of a refused one is written."""
    if outside_region(s, user, op.named):
        raise Refused("region", "that is not in your region")
    try:
        with s.begin_nested():
            _check_seen(s, user, desk_id, op.seen)
            with tracking(s) as touched, drawn_from(op.id):  # its new rows get the ids the desk gave them
                service = op.operation.service(SessionDatabase(s, savepoints=False), user, lambda: at, desk_id)  # (the savepoint is this one)
                if op.expected:
                    service = service.seen(op.expected)
                result = op.operation.method(service, **op.args)
            partly = verdict(result)
            check_region(s, user, touched, op.named)
    except Refused as refused:
        if refused.code == "changed" and op.expected:
            with_theirs(s, refused, op.expected)
        raise
    except DBAPIError as exc:
        raise as_refused(exc) from None
    except NotAllowed as exc:
        raise Refused("rules_role", str(exc)) from None
    except (RuleError, ValueError, TypeError, OverflowError, ArithmeticError, LookupError) as exc:
        detail = str(exc)[:200]
        raise Refused("unusable", f"the centre cannot use this change: {detail}", detail=detail) from None
    keys = sorted(touched.after)
    if isinstance(result, RuleChange):  # the push recomputes the open orders it says it moves (none: a reason list, an audit rule)
        moved = set(affected_ids(s, result.affected)) if result.affected is not None else set()
        return Ran(keys, touched.sla_orders | moved, False, partly)
    return Ran(keys, touched.sla_orders, any(t in RULE_TABLES for t, _ in keys), partly)


def with_theirs(s: Session, refused: Refused, expected: dict[uuid.UUID, int]) -> None:
    """A "changed since you saw it" refusal with both values: what the centre has now."""
    current = read_rows(s, [("work_orders", k.hex) for k in expected])
    refused.theirs = {"work_orders": {i: {c: r.get(c) for c in sorted(CONTESTED["work_orders"] | {"version"})}
                                      for i, r in current.get("work_orders", {}).items()}}


def as_refused(exc: DBAPIError) -> Refused:
    """What the database would not take, as this action's refusal; a deadlock or serialization
    failure is raised again instead (the whole push runs again, `central.push.push`), and so is the
    database going away (a 503: nothing was stored, the desk sends the push again later)."""
    if getattr(exc.orig, "sqlstate", None) in TRANSIENT or unavailable(exc):
        raise exc
    detail = _first_line(exc)
    return Refused("store", f"the centre cannot store this change: {detail}", detail=detail)


def verdict(result: Any) -> dict[str, dict[str, Any]]:
    """Refused whole: raise; refused for some of its orders: those; done: nothing."""
    if isinstance(result, Outcome):
        if result.refused and not result.changed:
            number, why = next(iter(result.refused.values()))
            raise _rules(why, number)
        return {k.hex: {"code": _rules(why, number).code, "kind": "order", "refusal": why.value, "detail": number}
                for k, (number, why) in result.refused.items()}
    if isinstance(result, Booking) and not result.ok:
        raise _rules(result.refusal, result.detail)
    if isinstance(result, PlanCommit) and not result.ok:
        if result.stale:
            raise Refused("plan_stale", "the plan was made from visits or orders changed since", count=len(result.stale))
        key, booking = next(iter(result.refused.items()))
        raise _rules(booking.refusal, booking.detail or key)
    return {}


def _rules(why: Any, detail: str) -> Refused:
    kind = "order" if isinstance(why, OrderRefusal) else "appointment"
    code = "changed" if getattr(why, "value", "") == "changed_elsewhere" else "rules"
    return Refused(code, f"the rules refuse it: {getattr(why, 'value', why)}", kind=kind, refusal=getattr(why, "value", str(why)),
                   detail=str(detail or ""))


def _expected(value: Any) -> dict[uuid.UUID, int]:
    if not isinstance(value, dict):
        raise Unusable("expected: an object of order ids and versions is expected")
    out = {}
    for key, version in value.items():
        try:
            out[uuid.UUID(hex=key)] = version
        except (ValueError, TypeError):
            raise Unusable(f"expected.{str(key)[:40]}: an order id is expected") from None
        if not isinstance(version, int) or isinstance(version, bool):
            raise Unusable(f"expected.{key}: a version number is expected")
    return out


def _seen(value: Any) -> dict[Key, dict[str, Any]]:
    """{(table, id): {"v": the version the desk saw, contested column: [the value it saw, the value it made]}};
    anything else is ignored."""
    out: dict[Key, dict[str, Any]] = {}
    if not isinstance(value, dict):
        return out
    for table, rows in value.items():
        if table not in CONTESTED or not isinstance(rows, dict):
            continue
        for row_id, columns in rows.items():
            if isinstance(row_id, str) and len(row_id) == 32 and isinstance(columns, dict):
                try:
                    uuid.UUID(hex=row_id)
                except ValueError:
                    continue
                picked: dict[str, Any] = {c: v for c, v in columns.items() if c in CONTESTED[table] and isinstance(v, list) and len(v) == 2}
                if picked:
                    out[(table, row_id)] = {**picked, "v": _number(columns.get("v")), "after": _number(columns.get("after"))}
    return out


def _number(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 2**63 else None


# The rows of another region (or of none) among the orders, technicians, visits, customers and sites
# any argument may name: one query for them all.
_OUTSIDE = text(f"""
    SELECT id FROM ({named_region_sql()}) named WHERE region IS DISTINCT FROM CAST(:own AS uuid)
""")
MAX_NAMED = 20000  # ids one operation may name
TRANSIENT = frozenset({"40P01", "40001"})  # deadlock detected, serialization failure: try the push again


def lock_named(s: Session, ops: list[Any]) -> None:
    """Lock the orders and visits a batch's operations name, in one order (tables, then ids), before
    any of them runs: a push then waits for another's rows before it holds the audit chain's head,
    never the other way round (which deadlocks with a push or a REST call holding one of those rows)."""
    ids = sorted(set().union(*(_uuids(op.get("args")) for op in ops if isinstance(op, dict))))[:MAX_NAMED]
    if ids:
        for table in ("work_orders", "appointments"):
            s.execute(text(f"SELECT id FROM {table} WHERE id = ANY(CAST(:ids AS uuid[])) ORDER BY id FOR UPDATE"), {"ids": ids})


def outside_region(s: Session, user: DeskUser, ids: Iterable[str]) -> set[str]:
    """Of these ids, the rows of another region than the user's (none for a user of every region).
    An action naming one is refused before it runs, so that no refusal, no "changed since" and no
    partial answer says anything about that row (not even that it exists); an id no row has names
    nothing of another region."""
    ids = sorted(set(ids))
    if user.region_id is None or not ids:
        return set()
    return {str(i) for i in s.execute(_OUTSIDE, {"ids": ids, "own": str(user.region_id)}).scalars()}


def _uuids(value: Any, depth: int = 0) -> set[str]:
    """Every id written in a JSON value (as 32 hex digits or in the dashed form)."""
    if isinstance(value, str):
        if len(value) in (32, 36):
            try:
                return {str(uuid.UUID(value))}
            except ValueError:
                return set()
        return set()
    if depth > 12:
        return set()
    items = value.values() if isinstance(value, dict) else value if isinstance(value, list) else ()
    out: set[str] = set()
    for item in items:
        out |= _uuids(item, depth + 1)
    return out


def visible(s: Session, user: DeskUser, rows: dict[str, dict[str, dict[str, Any]]]) -> dict[str, dict[str, dict[str, Any]]]:
    """Of these rows, those the user may hold (a replayed answer: a row may have left the region since)."""
    if user.region_id is None:
        return rows
    own, lookup = user.region_id.hex, _lookup(s, rows)
    return {table: kept for table, found in rows.items()
            if (kept := {i: r for i, r in found.items() if row_regions(table, r, lookup) <= {None, own}})}


def seen_rows(s: Session, user: DeskUser, keys: Iterable[Key]) -> dict[str, dict[str, dict[str, Any]]]:
    """The rows actions say they saw, locked, as the centre has them (another region's row is none of the desk's business)."""
    keys = sorted(set(keys))
    return visible(s, user, read_rows(s, keys, lock=True)) if keys else {}


def refused_before(s: Session, desk_id: str, numbers: Iterable[int | None]) -> set[int]:
    """Which of these mutations of the desk the centre refused (in an earlier push or this one)."""
    numbers = sorted({n for n in numbers if n is not None})
    if not numbers:
        return set()
    return set(s.scalars(select(SyncRefusal.mutation).where(SyncRefusal.desk_id == desk_id, SyncRefusal.mutation.in_(numbers))))


def contested(seen: dict[Key, dict[str, Any]], current: dict[str, dict[str, dict[str, Any]]], refused: set[int]) -> Refused | None:
    """The refusal when a row changed since the desk saw it and a contested value the action changed
    is now neither what the desk saw nor what it made (or the desk made it on top of its own change
    the centre refused); None when the action may run."""
    for (table, row_id), saw in seen.items():
        row = current.get(table, {}).get(row_id)
        if row is None:
            continue  # the action itself says what it makes of a row the centre does not have (or the desk may not see)
        if saw["after"] is not None and saw["after"] in refused:
            lost = sorted(c for c in saw if c not in ("v", "after"))  # made on top of this desk's own refused change
        elif saw["v"] is not None and row.get("version") == saw["v"]:
            continue  # nobody changed it since the desk saw it
        else:
            lost = sorted(c for c, pair in saw.items() if c not in ("v", "after") and row.get(c) not in pair)
        if lost:
            theirs = {c: row.get(c) for c in sorted(CONTESTED[table] | {"version"})}
            return Refused("contested", f"changed at the centre meanwhile: {', '.join(lost)}", {table: {row_id: theirs}},
                           table=table, columns=lost)
    return None


def _check_seen(s: Session, user: DeskUser, desk_id: str, seen: dict[Key, dict[str, Any]]) -> None:
    if seen:
        refusal = contested(seen, seen_rows(s, user, seen), refused_before(s, desk_id, (saw["after"] for saw in seen.values())))
        if refusal is not None:
            raise refusal


@dataclass
class _Touched:
    after: dict[Key, None] = field(default_factory=dict)  # in the order written
    before: dict[Key, dict[str, Any]] = field(default_factory=dict)  # the changed columns' old values (wire)
    regions: set[uuid.UUID] = field(default_factory=set)  # the regions of the rows written (their own column)
    refers: set[uuid.UUID] = field(default_factory=set)  # the regional rows they refer to, now and before
    sla_orders: set[uuid.UUID] = field(default_factory=set)  # the orders whose SLA facts they change


@contextmanager
def tracking(s: Session) -> Iterator[_Touched]:
    """The replicated rows the session writes meanwhile, with the old values of what it changes."""
    touched = _Touched()

    def before_flush(session: Session, _context: object, _instances: object) -> None:
        touched.sla_orders |= sla_orders(session.new, session.dirty)
        _refers(touched, session.new)
        for obj in session.dirty:  # a changed row: what it referred to and refers to now, where that changed
            table = obj.__table__.name
            if table not in PUSHABLE:
                continue
            committed = inspect(obj).committed_state  # what the changed attributes were (NO_VALUE: not loaded)
            old = {column: value for key, column in _REGIONAL_ATTRIBUTES[table]
                   if (value := committed.get(key, NO_VALUE)) is not NO_VALUE}
            if old:
                touched.refers.update(v for key, c in _REGIONAL_ATTRIBUTES[table]
                                      if key in committed and c != DIRECT.get(table) and isinstance(v := getattr(obj, key), uuid.UUID))
                previous = touched.before.setdefault((table, obj.id.hex), {})
                for column, value in wire(table).encode(old).items():
                    previous.setdefault(column, value)

    def after_flush(session: Session, _context: object) -> None:
        for obj in (*session.new, *session.dirty):
            table = obj.__table__.name
            if table in PUSHABLE:
                touched.after[(table, obj.id.hex)] = None
                if table in DIRECT:
                    touched.regions.add(getattr(obj, DIRECT[table]))
        for obj in session.deleted:
            if obj.__table__.name in PUSHABLE:
                raise RuntimeError(f"a replicated row of {obj.__table__.name} was deleted")

    event.listen(s, "before_flush", before_flush)
    event.listen(s, "after_flush", after_flush)
    held = len(audit_chain.held(s))
    try:
        yield touched
        s.flush()
        entries = audit_chain.held(s)[held:]  # its audit rows, held for the commit's chain (out of the flushes)
        _refers(touched, entries)
        touched.after.update((("audit_log", entry.id.hex), None) for entry in entries)
    finally:
        event.remove(s, "before_flush", before_flush)
        event.remove(s, "after_flush", after_flush)


def _refers(touched: _Touched, new: Iterable[Any]) -> None:
    """New rows: everything they refer to."""
    for obj in new:
        if (table := obj.__table__.name) in PUSHABLE:
            touched.refers.update(v for key, c in _REGIONAL_ATTRIBUTES[table] if c != DIRECT.get(table) and isinstance(v := getattr(obj, key), uuid.UUID))


def check_region(s: Session, user: DeskUser, touched: _Touched, named: frozenset[str]) -> None:
    """A user tied to a region writes only rows of that region, refers only to rows of it, and moves
    nothing out of it: the region columns of the rows written, and the regions of every order,
    technician, visit, customer or site they refer to now or referred to before (one query)."""
    if user.region_id is None or not touched.after:
        return
    refers = {str(i) for i in touched.refers}
    for (table, _row_id), old in touched.before.items():
        for column, value in old.items():
            if column == DIRECT.get(table) and value is not None and value != user.region_id.hex:
                raise Refused("region", "that is not in your region", table=table)
            if isinstance(value, str) and column in _REGIONAL_REFERENCES.get(table, ()):
                refers.add(str(uuid.UUID(value)))
    if touched.regions - {user.region_id, None}:
        raise Refused("region", "that is not in your region")
    refers -= named  # checked before the action ran (an id no row had then may be a row it made: checked now)
    if outside_region(s, user, refers):
        raise Refused("region", "that is not in your region")


# Per replicated table, its columns that refer to a row of a region (an order, a technician, a visit...).
_REGIONAL_REFERENCES: dict[str, tuple[str, ...]] = {
    table: tuple(fk.parent.name for fk in wire(table).table.foreign_keys
                 if fk.column.table.name in DIRECT or fk.column.table.name in PARENT)
    for table in PUSHABLE
}
# ... and the attributes (key, column) whose old values a region check reads: those and the row's own region.
_REGIONAL_ATTRIBUTES: dict[str, tuple[tuple[str, str], ...]] = {
    table: tuple((mapper.get_property_by_column(mapper.local_table.c[column]).key, column)
                 for column in (*_REGIONAL_REFERENCES[table], *([DIRECT[table]] if table in DIRECT else [])))
    for table in PUSHABLE
    for mapper in [next(m for m in Base.registry.mappers if m.local_table is wire(table).table)]
}


def _lookup(s: Session, rows: dict[str, dict[str, dict[str, Any]]]) -> Callable[[str, str], dict[str, Any] | None]:
    """Finds the rows these hang from (and those hang from): read ahead a table at a time, a level
    after another, so a region check of many rows costs a query per table, not per row."""
    cache: dict[Key, dict[str, Any] | None] = {}
    level = rows
    while wanted := _parents(level) - set(cache):
        level = read_rows(s, sorted(wanted))
        for table, row_id in wanted:
            cache[(table, row_id)] = level.get(table, {}).get(row_id)

    def lookup(table: str, row_id: str) -> dict[str, Any] | None:
        if (table, row_id) not in cache:
            cache[(table, row_id)] = read_rows(s, [(table, row_id)]).get(table, {}).get(row_id)
        return cache[(table, row_id)]
    return lookup


def _parents(rows: dict[str, dict[str, dict[str, Any]]]) -> set[Key]:
    """The (table, id) of each row these rows hang from (a link: both ends)."""
    out: set[Key] = set()
    for table, found in rows.items():
        for column, parent in filter(None, (PARENT.get(table), ALSO.get(table))):
            out.update((parent, value) for r in found.values() if isinstance(value := r.get(column), str))
    return out


def read_rows(s: Session, keys: list[Key], lock: bool = False) -> dict[str, dict[str, dict[str, Any]]]:
    """Rows by (table, id) in the wire format, as this transaction sees them."""
    wanted: dict[str, set[str]] = {}
    for table, row_id in keys:
        wanted.setdefault(table, set()).add(row_id)
    out: dict[str, dict[str, dict[str, Any]]] = {}
    for table, ids in wanted.items():
        columns = wire(table).columns
        suffix = " ORDER BY t.id FOR UPDATE" if lock and table != "audit_log" else ""
        for raw in s.execute(text(f"SELECT ({pg_select(table)})::text FROM {table} t WHERE t.id = ANY(CAST(:ids AS uuid[])){suffix}"),
                             {"ids": sorted(ids)}).scalars():
            row = dict(zip(columns, json.loads(raw), strict=True))
            out.setdefault(table, {})[row["id"]] = row
    return out


# An order's columns its SLA is computed from (console.core.store.sla_cache.order_facts), beside its pauses.
SLA_FACTS = frozenset({"kind", "customer_id", "service_id", "sla_started_at", "access_points"})


def sla_orders(made: Iterable[Any], changed: Iterable[Any]) -> set[uuid.UUID]:
    """The orders whose SLA facts these new and changed objects change: a new order, an order's fact
    column, a pause (its order, and the one it hung from before). An assignment or a priority
    changes none: its order's deadlines stay as they are."""
    orders: set[uuid.UUID] = set()
    for obj in made:
        if isinstance(obj, WorkOrder):
            orders.add(obj.id)
        elif isinstance(obj, SlaPause):
            orders.add(obj.order_id)
    for obj in changed:
        if isinstance(obj, WorkOrder) and SLA_FACTS & inspect(obj).committed_state.keys():
            orders.add(obj.id)
        elif isinstance(obj, SlaPause):
            orders.update(o for o in (obj.order_id, inspect(obj).committed_state.get("order_id")) if isinstance(o, uuid.UUID))
    return orders


def _first_line(exc: DBAPIError) -> str:
    return (str(exc.orig).strip().splitlines() or [""])[0][:200] if exc.orig is not None else str(exc)[:200]
