"""The desk's side of sync on its SQLite file: what waits to be pushed, and writing what the centre
answered or sent.

Everything here runs in short write transactions taken up front (BEGIN IMMEDIATE) on a plain
sqlite3 connection, never through the ORM sessions whose changes become outbox entries:
- a pulled batch is written with its cursor in one transaction; a row the desk has pending changes
  to becomes the new shadow, and the desk's pending values are laid over it again;
- an accepted mutation leaves the outbox; its rows take the centre's version;
- a refused one becomes a conflict record and its rows go back to the centre's state (the shadow
  with the desk's other pending changes over it); a row the desk created is marked deleted.
"""

from __future__ import annotations

import json
import sqlite3
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, MutableMapping
from contextlib import closing, contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import select, update

from console.core.changes import Changes
from console.core.store import search_index
from console.core.store.database import Database, disk_failure
from console.core.store.models import WorkOrder, utcnow
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import refresh_sla
from console.core.wire import REPLICATED, wire
from console.sync.replica_rows import (
    as_the_rules_would,
    changes_of,
    chunks,
    indexes_built_after,
    insert_sql,
    remove,
    theirs_of,
    write_row,
    write_rows,
)

DESK_ID = "sync.desk_id"
CURSOR = "sync.cursor"


class ReplicaError(Exception):
    """The centre sent something this desk cannot store; the message says what (in English, for the
    log), `kind` the case: outdated (the centre's data is newer than this version of the console),
    waiting (a snapshot would lose changes still to send), broken_off, unreadable."""

    def __init__(self, message: str, kind: str = "unreadable"):
        super().__init__(message)
        self.kind = kind


@dataclass(frozen=True)
class Pending:
    mutation: int
    created_at: str
    summary: str
    changes: list[dict[str, Any]]  # the rows it changed on this desk (kept here: never pushed)
    operation: dict[str, Any] | None = None  # what is pushed (console.core.operations)


@dataclass(frozen=True)
class SyncCounts:
    pending: int
    conflicts: int
    oldest_pending: datetime | None


class Replica:
    """The desk's file as a replica of the centre."""

    def __init__(self, database: Database):
        self.database = database

    @contextmanager
    def _writing(self, *, again: bool = False) -> Iterator[sqlite3.Connection]:
        """One write transaction on the file. `again`: what it writes the centre would send again if
        it were lost (a pulled batch with its cursor, the answer to a push whose entries wait until
        then, a snapshot): committed without waiting for the disk (WAL, synchronous=NORMAL), so a
        power cut may lose it but never leaves the file inconsistent; a later action's commit, which
        does wait for the disk, makes it durable with itself. A desk's own action always waits."""
        with closing(self.database.engine.raw_connection()) as raw:
            conn: sqlite3.Connection = raw.driver_connection
            if again:
                conn.execute("PRAGMA synchronous = NORMAL")
            try:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    conn.execute("PRAGMA defer_foreign_keys = ON")
                    yield conn
                    conn.commit()
                except BaseException as exc:
                    conn.rollback()
                    failure = disk_failure(exc)  # a full or failing disk: the worker writes it again later
                    if failure is not None:
                        raise failure from exc
                    raise
            finally:
                if again:
                    conn.execute("PRAGMA synchronous = FULL")  # (the connection goes back to the pool as it came)

    @contextmanager
    def _reading(self) -> Iterator[sqlite3.Connection]:
        with closing(self.database.engine.raw_connection()) as raw:
            try:
                yield raw.driver_connection
            finally:
                raw.driver_connection.rollback()

    # --- bookkeeping ----------------------------------------------------------------------------

    def desk_id(self) -> str:
        """This desk's id at the centre, made once per data file."""
        with self._writing() as conn:
            found = conn.execute("SELECT value FROM local_meta WHERE key = ?", (DESK_ID,)).fetchone()
            if found:
                return found[0]
            made = "desk-" + uuid.uuid4().hex
            conn.execute("INSERT INTO local_meta (key, value) VALUES (?, ?)", (DESK_ID, made))
            return made

    def new_desk_id(self) -> str:
        """Register again under a new id (this file's numbers were used for other changes at the centre)."""
        made = "desk-" + uuid.uuid4().hex
        with self._writing() as conn:
            conn.execute("UPDATE local_meta SET value = ? WHERE key = ?", (made, DESK_ID))
        return made

    def cursor(self) -> str | None:
        with self._reading() as conn:
            found = conn.execute("SELECT value FROM local_meta WHERE key = ?", (CURSOR,)).fetchone()
        return found[0] if found else None

    def pending(self, limit: int = 500, after: int = 0) -> list[Pending]:
        """The waiting entries in their order (those after mutation `after`)."""
        with self._reading() as conn:
            rows = conn.execute("SELECT mutation, created_at, summary, changes, operation FROM sync_outbox WHERE mutation > ? "
                                "ORDER BY mutation LIMIT ?", (after, limit)).fetchall()
        return [Pending(m, at, summary, json.loads(changes), json.loads(op) if op else None) for m, at, summary, changes, op in rows]

    def counts(self) -> SyncCounts:
        with self._reading() as conn:
            pending, oldest = conn.execute("SELECT count(*), min(created_at) FROM sync_outbox").fetchone()
            conflicts = conn.execute("SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL").fetchone()[0]
        return SyncCounts(pending, conflicts, wire("sync_outbox").decode({"created_at": oldest})["created_at"] if oldest else None)

    # --- the first download ---------------------------------------------------------------------

    def load_snapshot(self, lines: Iterable[bytes | str], progress: Callable[[int, int], None] | None = None) -> int:
        """Replace the replicated rows with the centre's snapshot, then follow the feed from its
        cursor. Refused while changes wait to be pushed (they would be lost). The rows stored."""
        stream = iter(lines)
        try:
            header = json.loads(next(stream))
        except (StopIteration, json.JSONDecodeError) as exc:
            raise ReplicaError("the centre's snapshot has no header") from exc
        tables = header.get("tables", {})
        for table, info in tables.items():
            if table not in REPLICATED or list(info.get("columns", [])) != list(wire(table).columns):
                raise ReplicaError(f"the centre's {table} has other columns than this desk's: update Dispatch Console", "outdated")
        total = sum(int(info.get("count", 0)) for info in tables.values())
        done = 0
        with self._writing(again=True) as conn:
            if conn.execute("SELECT count(*) FROM sync_outbox").fetchone()[0]:
                raise ReplicaError("changes of this desk wait to be sent: a snapshot would lose them", "waiting")
            for table in reversed(REPLICATED):
                conn.execute(f"DELETE FROM {table}")
            conn.execute("DELETE FROM sync_shadows")
            try:  # the indexes and search lines built once the rows are in: half the time
                with search_index.suspended(conn), indexes_built_after(conn, REPLICATED):
                    done = self._snapshot_rows(conn, stream, done, total, progress)
            except sqlite3.IntegrityError as exc:  # (nothing of the snapshot stays: the transaction is rolled back)
                raise ReplicaError(f"the centre's snapshot holds a row twice ({exc})", "broken_off") from exc
            self._set_cursor(conn, header["cursor"])
        return done

    @staticmethod
    def _snapshot_rows(conn: sqlite3.Connection, stream: Iterator[bytes | str], done: int, total: int,
                       progress: Callable[[int, int], None] | None) -> int:
        sql = {t: insert_sql(t) for t in REPLICATED}  # (into emptied tables: each row comes once)
        for line in stream:
            page = json.loads(line)
            if page.get("end"):
                return done
            table = page["t"]
            if table not in sql:
                raise ReplicaError(f"the centre sent rows of {table}, which this desk does not know", "outdated")
            conn.executemany(sql[table], page["rows"])
            done += len(page["rows"])
            if progress is not None:
                progress(done, total)
        raise ReplicaError("the snapshot ended early (the connection was lost): it starts again", "broken_off")

    def forget_cursor(self) -> None:
        """The centre no longer has what follows the cursor: the next pull starts with a snapshot."""
        with self._writing() as conn:
            conn.execute("DELETE FROM local_meta WHERE key = ?", (CURSOR,))

    @staticmethod
    def _set_cursor(conn: sqlite3.Connection, cursor: str) -> None:
        conn.execute("INSERT INTO local_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                     (CURSOR, cursor))

    # --- the feed ---------------------------------------------------------------------------------

    def apply_pull(self, body: Mapping[str, Any]) -> Changes:
        """Write one pulled batch and its cursor in one transaction; what changed, for the views."""
        tables: dict[str, Any] = dict(body.get("tables", {}))
        gone: Mapping[str, list[str]] = tables.pop("_gone", None) or {}
        for table, part in tables.items():
            if table not in REPLICATED or list(part.get("columns", [])) != list(wire(table).columns):
                raise ReplicaError(f"the centre's {table} has other columns than this desk's: update Dispatch Console", "outdated")
        touched: dict[str, list[dict[str, Any]]] = {}
        with self._writing(again=True) as conn:
            shadows = self._shadows(conn)
            # a row the centre sends that this desk inserted is there already: only later updates are laid over it
            overlays = self._overlays(conn, inserts=False) if shadows else {}
            for table in REPLICATED:
                part = tables.get(table)
                if not part:
                    continue
                columns = wire(table).columns
                plain, shadowed = [], []
                rows = [dict(zip(columns, values, strict=True)) for values in part["rows"]]
                for row, values in zip(rows, part["rows"], strict=True):
                    if (table, row["id"]) in shadows:
                        shadowed.append(row)
                    else:
                        plain.append(values)
                if plain:
                    write_rows(conn, table, plain)
                for row in shadowed:
                    self._rebase(conn, table, row, overlays.get((table, row["id"]), []))
                touched[table] = rows
            for table in REPLICATED:  # rows this desk may no longer hold (an order moved to another region)
                if gone.get(table):
                    remove(conn, table, [i for i in gone[table] if isinstance(i, str)], touched)
            self._set_cursor(conn, body["cursor"])
        return changes_of(touched)

    @staticmethod
    def _shadows(conn: sqlite3.Connection, ids: list[str] | None = None) -> dict[tuple[str, str], dict[str, Any] | None]:
        """The shadows (of these row ids only, if given)."""
        if ids is None:
            found = conn.execute("SELECT table_name, row_id, row FROM sync_shadows")
        else:
            found = (r for chunk in chunks(ids) for r in conn.execute(
                f"SELECT table_name, row_id, row FROM sync_shadows WHERE row_id IN ({', '.join('?' * len(chunk))})", chunk))
        return {(t, i): (json.loads(r) if r is not None else None) for t, i, r in found}

    @staticmethod
    def _overlays(conn: sqlite3.Connection, skip: int | None = None, inserts: bool = True) -> dict[tuple[str, str], list[dict[str, Any]]]:
        """The desk's pending values per row, in mutation order (without inserts: only updates)."""
        out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for mutation, changes in conn.execute("SELECT mutation, changes FROM sync_outbox ORDER BY mutation"):
            if mutation == skip:
                continue
            for change in json.loads(changes):
                if inserts or change["op"] != "insert":
                    out[(change["t"], change["id"])].append(change["set"])
        return out

    def _rebase(self, conn: sqlite3.Connection, table: str, theirs: dict[str, Any], pending: list[dict[str, Any]]) -> None:
        """The centre's row becomes the shadow; the desk's row is it with the pending values over it."""
        conn.execute("UPDATE sync_shadows SET row = ? WHERE table_name = ? AND row_id = ?", (json.dumps(theirs), table, theirs["id"]))
        mine = dict(theirs)
        for values in pending:
            mine.update(values)
        as_the_rules_would(table, mine)
        if "version" in mine:
            local = conn.execute(f"SELECT version FROM {table} WHERE id = ?", (theirs["id"],)).fetchone()
            mine["version"] = max(theirs["version"], local[0] if local else 0)
        write_row(conn, table, mine, guarded=False)

    # --- answers to a push ------------------------------------------------------------------------

    def apply_results(self, sent: list[Pending], results: list[Mapping[str, Any]], refused_at: datetime | None = None) -> Changes:
        """Take the centre's answer to pushed mutations: accepted ones leave the outbox, refused ones
        become conflicts and their rows go back to the centre's state."""
        by_number = {p.mutation: p for p in sent}
        touched: dict[str, list[dict[str, Any]]] = defaultdict(list)
        restored_orders: set[uuid.UUID] = set()
        at = refused_at or utcnow()
        with self._writing(again=True) as conn:
            # Only the index entries and shadows of the rows answered for, read once per answer and kept
            # up to date below; the JSON of waiting entries only when a refusal needs their values
            # (reading the whole backlog per answer made a long one quadratic).
            ids = sorted({c["id"] for p in sent for c in p.changes})
            waiting_on = self._pending_touching(conn, ids)  # row id -> the waiting mutations changing it
            waiting = set().union(*waiting_on.values())
            shadows = self._shadows(conn, ids)
            for result in sorted(results, key=lambda r: r["m"]):
                entry = by_number.get(result["m"])
                if entry is None or entry.mutation not in waiting:  # answered before (a retried push)
                    continue
                conn.execute("DELETE FROM sync_outbox WHERE mutation = ?", (entry.mutation,))
                waiting.discard(entry.mutation)
                for change in entry.changes:
                    waiting_on[change["id"]].discard(entry.mutation)
                later = {(c["t"], c["id"]) for c in entry.changes if waiting_on[c["id"]]}  # rows with changes still waiting
                if result.get("ok"):
                    answered = {(t, i): row for t, rows in (result.get("rows") or {}).items() for i, row in rows.items()}
                    extra = sorted({i for _t, i in answered} - waiting_on.keys())
                    if extra:  # rows the centre wrote that no sent entry names: a waiting one may, and a shadow may be kept
                        waiting_on.update(self._pending_touching(conn, extra))
                        shadows.update(self._shadows(conn, extra))
                    for table, row in self._adopt(conn, entry, answered, waiting_on, shadows):
                        touched[table].append(row)
                        if table == "work_orders" and (table, row["id"]) not in answered:
                            restored_orders.add(uuid.UUID(row["id"]))
                    if result.get("partly"):
                        self._partly(conn, entry, result["partly"], at)
                else:
                    self._conflict(conn, entry, result, at)
                    for (table, row_id), values in theirs_of(result).items():  # what the centre has now, as far as it said
                        shadow = shadows.get((table, row_id))  # (a retried push's stored answer may be older than a pull)
                        if shadow is not None and values.get("version", 0) >= shadow.get("version", 0):
                            shadows[(table, row_id)] = {**shadow, **values}
                    overlays = self._pending_values(conn, later, waiting_on)
                    for table, row in self._restore(conn, entry, overlays, shadows):
                        touched[table].append(row)
                        if table == "work_orders":
                            restored_orders.add(uuid.UUID(row["id"]))
        if restored_orders:
            with self.database.unit_of_work() as session:  # derived columns only: never an outbox entry
                stamps = session.execute(select(WorkOrder.id, WorkOrder.updated_at).where(WorkOrder.id.in_(restored_orders))).all()
                refresh_sla(session, restored_orders, load_rulebook(session), load_calendar(session), utcnow())
                # the bulk update stamps updated_at; the rows keep the centre's
                session.execute(update(WorkOrder), [{"id": order_id, "updated_at": at} for order_id, at in stamps])
        return changes_of(touched)

    @staticmethod
    def _pending_touching(conn: sqlite3.Connection, ids: list[str]) -> defaultdict[str, set[int]]:
        """The waiting outbox entries that change any of these rows, by row id (the outbox's row index)."""
        out: defaultdict[str, set[int]] = defaultdict(set)
        for chunk in chunks(ids):
            for row_id, mutation in conn.execute(
                    f"SELECT row_id, mutation FROM sync_outbox_rows WHERE row_id IN ({', '.join('?' * len(chunk))})", chunk):
                out[row_id].add(mutation)
        return out

    @staticmethod
    def _pending_values(conn: sqlite3.Connection, keys: set[tuple[str, str]],
                        waiting_on: Mapping[str, set[int]]) -> dict[tuple[str, str], list[dict[str, Any]]]:
        """The desk's waiting values for these rows, in mutation order."""
        mutations = sorted({m for _table, row_id in keys for m in waiting_on[row_id]})
        out: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
        for chunk in chunks(mutations):
            for _m, changes in sorted(conn.execute(
                    f"SELECT mutation, changes FROM sync_outbox WHERE mutation IN ({', '.join('?' * len(chunk))})", chunk)):
                for change in json.loads(changes):
                    if (change["t"], change["id"]) in keys:
                        out[(change["t"], change["id"])].append(change["set"])
        return out

    def _adopt(self, conn: sqlite3.Connection, entry: Pending, answered: Mapping[tuple[str, str], dict[str, Any]],
               waiting_on: Mapping[str, set[int]], shadows: MutableMapping[tuple[str, str], dict | None]) -> list[tuple[str, dict[str, Any]]]:
        """An applied operation: the rows the centre wrote replace the desk's (with the desk's waiting
        values laid over them again); the rows the desk changed and the centre did not go back to the
        centre's state. `shadows` is kept as the table now has them."""
        mine = {(c["t"], c["id"]) for c in entry.changes}
        out: list[tuple[str, dict[str, Any]]] = []
        for key, row in answered.items():
            table, row_id = key
            if table not in REPLICATED:
                continue
            shadow = shadows.get(key)
            if shadow is not None and "version" in row and shadow.get("version", 0) > row["version"]:
                row = shadow  # a pull since brought a newer one
            if waiting_on.get(row_id):  # later changes of this desk wait on it: the centre's row is their base now
                conn.execute("INSERT OR IGNORE INTO sync_shadows (table_name, row_id, row) VALUES (?, ?, NULL)", (table, row_id))
                self._rebase(conn, table, row, self._pending_values(conn, {key}, waiting_on).get(key, []))
                shadows[key] = row
            else:
                write_row(conn, table, row, guarded=key not in mine and shadow is None)
                if key in shadows:  # (`shadows` has a key for each row sync_shadows has of these)
                    conn.execute("DELETE FROM sync_shadows WHERE table_name = ? AND row_id = ?", (table, row_id))
                    del shadows[key]
            out.append((table, row))
        left = [c for c in entry.changes if (c["t"], c["id"]) not in answered]
        if left:
            later = {(c["t"], c["id"]) for c in left if waiting_on.get(c["id"])}
            out += self._restore(conn, replace(entry, changes=left), self._pending_values(conn, later, waiting_on), shadows)
        return out

    def _partly(self, conn: sqlite3.Connection, entry: Pending, partly: Mapping[str, Mapping[str, Any]], at: datetime) -> None:
        """Orders the rules refused within an applied operation: a conflict for them (their rows went back)."""
        refused = set(partly)
        changes = [c for c in entry.changes if c["id"] in refused or c["set"].get("order_id") in refused]
        first = next(iter(partly.values()))
        operation = dict(entry.operation or {})
        if isinstance(operation.get("args", {}).get("order_ids"), list):
            operation["args"] = {**operation["args"], "order_ids": [i for i in operation["args"]["order_ids"]
                                                                    if uuid.UUID(str(i)).hex in refused]}
        args = {k: v for k, v in first.items() if k != "code"}
        self._conflict(conn, replace(entry, changes=changes or entry.changes, operation=operation),
                       {"code": first.get("code", "rules"), "args": args, "reason": f"the rules refuse it: {first.get('refusal', '')}"}, at)

    @staticmethod
    def _conflict(conn: sqlite3.Connection, entry: Pending, result: Mapping[str, Any], at: datetime) -> None:
        first = entry.changes[0]
        order_id = first["id"] if first["t"] == "work_orders" else first["set"].get("order_id")
        user = next((c["set"].get("user_id") for c in entry.changes if c["t"] == "audit_log" and c["set"].get("user_id")), None)
        codec = wire("sync_conflicts")
        row = codec.encode({"id": uuid.uuid4(), "refused_at": at})
        conn.execute(
            "INSERT INTO sync_conflicts (id, mutation, created_at, refused_at, user_id, summary, reason, code, args, order_id, changes, "
            "theirs, operation, resolved_at, resolution) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '')",
            (row["id"], entry.mutation, entry.created_at, row["refused_at"], user, entry.summary, result.get("reason", ""),
             str(result.get("code") or "")[:32], json.dumps(result.get("args") or {}), order_id, json.dumps(entry.changes),
             json.dumps(result.get("theirs", {})), json.dumps(entry.operation) if entry.operation else None))

    def _restore(self, conn: sqlite3.Connection, entry: Pending, overlays: Mapping[tuple[str, str], list],
                 shadows: MutableMapping[tuple[str, str], dict | None]) -> list[tuple[str, dict[str, Any]]]:
        """Undo a refused mutation's rows: the centre's state with the desk's other pending values
        (`shadows` is kept as the table now has them)."""
        out = []
        for change in entry.changes:
            table, row_id = change["t"], change["id"]
            key = (table, row_id)
            base = shadows.get(key)
            pending = overlays.get(key, [])
            if base is None and not pending:
                if table == "audit_log":  # the refusal is in the centre's audit log with this attempt in it
                    conn.execute("DELETE FROM audit_log WHERE id = ?", (row_id,))
                elif wire(table).synced:
                    conn.execute(f"UPDATE {table} SET deleted = 1 WHERE id = ?", (row_id,))
            else:
                row = dict(base or {})
                if base is None:
                    current = conn.execute(f"SELECT {wire(table).column_list} FROM {table} WHERE id = ?", (row_id,)).fetchone()
                    row = dict(zip(wire(table).columns, current, strict=True)) if current else {}
                for values in pending:
                    row.update(values)
                as_the_rules_would(table, row)
                if row:
                    write_row(conn, table, row, guarded=False)
                    out.append((table, row))
            if not pending:
                conn.execute("DELETE FROM sync_shadows WHERE table_name = ? AND row_id = ?", (table, row_id))
                shadows.pop(key, None)
            elif base is not None:  # later changes wait on it: the shadow keeps what the centre said it has now
                conn.execute("UPDATE sync_shadows SET row = ? WHERE table_name = ? AND row_id = ?", (json.dumps(base), table, row_id))
        return out
