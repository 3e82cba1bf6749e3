"""Row-level helpers of the desk's replica (`console.sync.replica`): upserting rows in the wire
format, removing rows a desk may no longer hold with what hangs from them, and what a batch of
written rows changed for the views."""

from __future__ import annotations

import functools
import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from typing import Any

from console.core.changes import Changes
from console.core.store.chunked import chunks
from console.core.store.models import Base
from console.core.wire import REPLICATED, RULE_TABLES, wire

# rows that hang from an order: a change to one is a change of the order for the desk's views (an
# audit row too: another desk's acknowledgement or finding; a callback: the callbacks list, the alerts)
_ORDER_TABLES = frozenset({"order_steps", "sla_pauses", "appointment_orders", "field_events", "order_claims", "audit_log", "callbacks"})
_EVERYTHING = RULE_TABLES | {"regions", "districts", "customers", "sites", "services", "users"}


@functools.cache
def insert_sql(table: str) -> str:
    """A plain insert, for an emptied table (a snapshot): half the time of an upsert per row."""
    marks = ", ".join("?" for _ in wire(table).columns)
    return f"INSERT INTO {table} ({wire(table).column_list}) VALUES ({marks})"


@contextmanager
def indexes_built_after(conn: sqlite3.Connection, tables: tuple[str, ...]) -> Iterator[None]:
    """A bulk load into emptied tables in the caller's transaction: their secondary indexes are
    dropped while the rows are written and made again from the rows (sorted once, not kept up row
    by row: a snapshot's orders have thirteen). A unique index the rows break fails as the insert
    would have (IntegrityError); the caller's rollback brings every index back."""
    marks = ", ".join("?" for _ in tables)
    made = conn.execute(f"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({marks})",
                        tables).fetchall()
    for name, _sql in made:
        conn.execute(f'DROP INDEX "{name}"')
    yield
    for _name, sql in made:
        conn.execute(sql)


def write_row(conn: sqlite3.Connection, table: str, row: Mapping[str, Any], guarded: bool) -> None:
    """One row as the centre has it, as an upsert of every column would write it, setting only the
    columns that differ from the desk's: SQLite rewrites every index on a column a statement sets, whether its
    value changed or not, and an order has thirteen (its upsert took 250 µs, this a fifth of it)."""
    codec = wire(table)
    write_rows(conn, table, [[row.get(c) for c in codec.columns]], guarded=guarded)


def write_rows(conn: sqlite3.Connection, table: str, rows: list[Sequence[Any]], guarded: bool = True) -> None:
    """Rows as the centre has them (each its values in the wire's order; `guarded`: a row the desk
    holds at a later version is kept), in a few statements: the desk's rows
    read in one query, the new ones inserted together, the others updated together per set of
    columns that differ. A feed answer's rows mostly differ in a few columns (a plan: an order's
    assignee, status, version); an upsert of all 38 of an order's rewrote its thirteen indexes, and
    the commit wrote every index page that touched, at every desk of the region at once (a plan's
    answer of 750 rows: bench/feed_answer_bench.py)."""
    codec = wire(table)
    at, version_at = codec.columns.index("id"), (codec.columns.index("version") if codec.synced and guarded else None)
    values: dict[Any, tuple] = {}
    for row in rows:
        was = values.get(row[at])
        if was is None or version_at is None or not _later(was[version_at], row[version_at]):
            values[row[at]] = tuple([json.dumps(v) if isinstance(v, _JSON) else v for v in row])
    ids = list(values)
    current = {r[at]: r for chunk in chunks(ids) for r in conn.execute(
        f"SELECT {codec.column_list} FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk)}
    inserts: list[tuple] = []
    updates: dict[tuple[int, ...], list[tuple]] = defaultdict(list)
    for row_id, row in values.items():
        was = current.get(row_id)
        if was is None:
            inserts.append(row)
            continue
        if version_at is not None and _later(was[version_at], row[version_at]):
            continue  # (the desk has a later version of it)
        changed = tuple(k for k, (value, old) in enumerate(zip(row, was, strict=True)) if value != old)
        if changed:
            updates[changed].append((*(row[k] for k in changed), row_id))
    if inserts:
        conn.executemany(insert_sql(table), inserts)
    for changed, params in updates.items():
        assignments = ", ".join(f'"{codec.columns[k]}" = ?' for k in changed)
        conn.executemany(f"UPDATE {table} SET {assignments} WHERE id = ?", params)


_JSON = (dict, list)


def _later(held: Any, coming: Any) -> bool:
    return isinstance(coming, int) and isinstance(held, int) and coming < held


def as_the_rules_would(table: str, row: dict[str, Any]) -> None:
    """The desk's waiting values laid over the centre's row, made to fit it as the centre will when it
    runs the waiting action: a pause the centre began later than the desk's clock said ends, at the
    earliest, when it began (OrderActions.resume). (Instants the centre sets are its own, not the desk's.)"""
    if table == "sla_pauses" and row.get("ended_at") and row.get("started_at") and row["ended_at"] < row["started_at"]:
        row["ended_at"] = row["started_at"]


def _children() -> dict[str, list[tuple[str, str]]]:
    """For each replicated table, the replicated tables whose rows refer to its rows, and by which column."""
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for table in REPLICATED:
        for fk in Base.metadata.tables[table].foreign_keys:
            if fk.column.table.name in REPLICATED and fk.column.table.name != table:
                found[fk.column.table.name].append((table, fk.parent.name))
    return found


_CHILDREN = _children()


def remove(conn: sqlite3.Connection, table: str, ids: list[str], touched: dict[str, list[dict[str, Any]]]) -> None:
    """Remove rows of `table` this desk may no longer hold, with the rows that hang from them (their
    shadows too: the centre will not answer for them to this desk)."""
    present = [r[0] for chunk in chunks(ids) for r in conn.execute(
        f"SELECT id FROM {table} WHERE id IN ({', '.join('?' * len(chunk))})", chunk)]
    if not present:
        return
    for child, column in _CHILDREN.get(table, []):
        below = [r[0] for chunk in chunks(present) for r in conn.execute(
            f"SELECT id FROM {child} WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk)]
        if below:
            remove(conn, child, below, touched)
    for chunk in chunks(present):
        marks = ", ".join("?" * len(chunk))
        if table == "work_orders":  # an order this desk no longer holds is no longer the one another replaced
            conn.execute(f"UPDATE work_orders SET replaces_order_id = NULL WHERE replaces_order_id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM {table} WHERE id IN ({marks})", chunk)
        conn.execute(f"DELETE FROM sync_shadows WHERE table_name = ? AND row_id IN ({marks})", [table, *chunk])
    touched.setdefault(table, []).extend({"id": i} for i in present)


def theirs_of(result: Mapping[str, Any]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(table, row_id): values for table, rows in (result.get("theirs") or {}).items() for row_id, values in rows.items()}


def changes_of(touched: Mapping[str, list[dict[str, Any]]]) -> Changes:
    if not touched:
        return Changes()
    orders: set[uuid.UUID] = set()
    appointments: set[uuid.UUID] = set()
    technicians: set[uuid.UUID] = set()
    for table, rows in touched.items():
        for row in rows:
            if table == "work_orders":
                orders.add(uuid.UUID(row["id"]))
            elif table in _ORDER_TABLES and row.get("order_id"):
                orders.add(uuid.UUID(row["order_id"]))
            if table == "appointments":
                appointments.add(uuid.UUID(row["id"]))
            elif table == "appointment_orders" and row.get("appointment_id"):
                appointments.add(uuid.UUID(row["appointment_id"]))
            if table == "technicians":
                technicians.add(uuid.UUID(row["id"]))
            elif table == "shifts" and row.get("technician_id"):
                technicians.add(uuid.UUID(row["technician_id"]))
    return Changes(orders=frozenset(orders), technicians=frozenset(technicians), appointments=frozenset(appointments),
                   everything=bool(_EVERYTHING & touched.keys()))
