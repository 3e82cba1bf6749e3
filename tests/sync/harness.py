"""Shared by the sync reliability tests and bench/sync_crash_bench.py: the desk-process driver,
reading what a desk logged as saved, and comparing a desk's file with the centre row by row in
the wire format (what sync promises to make equal)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

from console.store.database import Database
from console.sync.wire import DERIVED, pg_select, wire

ROOT = Path(__file__).resolve().parents[2]


class DeskProcesses:
    """`python -m tests.sync.desk_process`: forks a desk per request (see that module)."""

    def __init__(self, stderr_path: Path):
        self._stderr = open(stderr_path, "ab")  # noqa: SIM115 - closed in close()
        self.stderr_path = stderr_path
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.sync.desk_process"], cwd=ROOT, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=self._stderr, text=True, bufsize=1)
        hello = self.proc.stdout.readline()
        if not hello:
            raise RuntimeError(f"the desk driver did not start; see {stderr_path}")

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        self.proc.stdin.write(json.dumps(request) + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the desk driver ended; see {self.stderr_path}")
        return json.loads(line)

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
        self._stderr.close()


# --- what a desk logged -------------------------------------------------------------------------


@dataclass
class Intent:
    key: str
    order: str
    action: str
    target: dict[str, Any]
    committing: list[str] = field(default_factory=list)  # the audit ids, written just before the commit
    saved: list[str] | None = None  # the audit ids, written after the unit of work returned
    refused: bool = False


def read_log(path: Path) -> list[Intent]:
    intents: dict[str, Intent] = {}
    if not path.exists():
        return []
    for line in path.read_text().splitlines():
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:  # cannot happen with one write() a line, but say so if it does
            raise AssertionError(f"a cut line in {path}: {line!r}") from None
        if "intent" in entry:
            intents[entry["intent"]] = Intent(entry["intent"], entry["order"], entry["action"], entry["target"])
        elif "committing" in entry:
            intents[entry["committing"]].committing = entry["audit"]
        elif "saved" in entry:
            intents[entry["saved"]].saved = entry["audit"]
        elif "refused" in entry:
            intents[entry["refused"]].refused = True
    return list(intents.values())


# --- rows as the wire has them ------------------------------------------------------------------


def _compared_columns(table: str) -> tuple[str, ...]:
    return tuple(c for c in wire(table).columns if c not in DERIVED.get(table, frozenset()))


def _normal(table: str, row: dict[str, Any]) -> dict[str, Any]:
    out = {}
    for name in _compared_columns(table):
        value = row[name]
        if isinstance(value, str) and value[:1] in "[{" and table in ("audit_log",) and name in ("before", "after"):
            value = json.loads(value)
        out[name] = value
    return out


def centre_rows(central: Database, table: str, where: str = "true", params: dict | None = None) -> dict[str, dict[str, Any]]:
    with central.engine.connect() as conn:
        raw = conn.execute(text(f"SELECT ({pg_select(table)})::text FROM {table} t WHERE {where}"), params or {}).scalars()
        rows = [dict(zip(wire(table).columns, json.loads(r), strict=True)) for r in raw]
    return {r["id"]: _normal(table, r) for r in rows}


def desk_rows(path: Path, table: str, where: str = "1", params: Iterable[Any] = ()) -> dict[str, dict[str, Any]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found = conn.execute(f"SELECT {wire(table).column_list} FROM {table} WHERE {where}", tuple(params)).fetchall()
    finally:
        conn.close()
    rows = [dict(zip(wire(table).columns, values, strict=True)) for values in found]
    return {r["id"]: _normal(table, r) for r in rows}


def desk_scalar(path: Path, sql: str, params: Iterable[Any] = ()) -> Any:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, tuple(params)).fetchone()[0]
    finally:
        conn.close()


def differences(mine: dict[str, dict[str, Any]], theirs: dict[str, dict[str, Any]]) -> list[str]:
    """What differs between two sets of rows, for a person; empty when they are equal."""
    out = []
    for row_id in sorted(mine.keys() | theirs.keys()):
        a, b = mine.get(row_id), theirs.get(row_id)
        if a is None or b is None:
            out.append(f"{row_id}: {'only at the centre' if a is None else 'only on the desk'}")
            continue
        changed = {c: (a[c], b[c]) for c in a if not _same(a[c], b[c])}
        if changed:
            out.append(f"{row_id}: " + ", ".join(f"{c} desk={x!r} centre={y!r}" for c, (x, y) in changed.items()))
    return out


def _same(a: Any, b: Any) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return a is not None and b is not None and abs(float(a) - float(b)) < 1e-9
    return a == b


def order_rows_differ(path: Path, central: Database, order_ids: Iterable[str]) -> list[str]:
    """The desk's rows of these orders (the order, its pauses, its audit rows) against the centre's."""
    ids = sorted(order_ids)
    marks = ", ".join("?" for _ in ids)
    out = []
    for table, column in (("work_orders", "id"), ("sla_pauses", "order_id"), ("audit_log", "order_id")):
        mine = desk_rows(path, table, f"{column} IN ({marks})", ids)
        theirs = centre_rows(central, table, f"replace(t.{column}::text, '-', '') = ANY(:ids)", {"ids": ids})
        out += [f"{table} {d}" for d in differences(mine, theirs)]
    return out


def order_states(central: Database, order_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    rows = centre_rows(central, "work_orders", "replace(t.id::text, '-', '') = ANY(:ids)", {"ids": sorted(order_ids)})
    return {i: {"assignee_id": r["assignee_id"], "priority": r["priority"], "paused": r["paused_since"] is not None,
                "version": r["version"], "status": r["status"]} for i, r in rows.items()}


def centre_audit(central: Database, desk_id: str) -> dict[str, dict[str, Any]]:
    with central.engine.connect() as conn:
        rows = conn.execute(text("SELECT replace(id::text, '-', ''), action, replace(order_id::text, '-', '') FROM audit_log "
                                 "WHERE desk_id = :desk"), {"desk": desk_id}).all()
    return {r[0]: {"action": r[1], "order": r[2]} for r in rows}


def check_desk_log(intents: list[Intent], start: dict[str, dict[str, Any]], audit: dict[str, dict[str, Any]],
                   end: dict[str, dict[str, Any]], local_audit_ids: set[str]) -> list[str]:
    """Every change the desk reported saved is at the centre exactly once, nothing else of the desk
    is there, and each order is in the state its last committed change left. `start`/`end`: the
    orders at the centre before and after (order_states); `audit`: the centre's audit rows of this
    desk; `local_audit_ids`: the desk file's audit rows (what SQLite committed, crash or not)."""
    problems = []
    committed: dict[str, list[Intent]] = defaultdict(list)
    explained: set[str] = set()
    for intent in intents:
        ids = intent.saved if intent.saved is not None else intent.committing
        if intent.saved is not None:
            if not intent.saved:
                problems.append(f"{intent.key}: saved without an audit row")
            missing = [i for i in intent.saved if i not in audit]
            if missing:
                problems.append(f"{intent.key} ({intent.action} of {intent.order}) was saved but is not at the centre: {missing}")
            is_committed = True
        elif intent.committing:  # killed around the commit: SQLite's file says whether it happened
            here = {i in local_audit_ids for i in ids}
            there = {i in audit for i in ids}
            if here != there or len(here) != 1:
                problems.append(f"{intent.key}: committed on the desk {here}, at the centre {there}")
            is_committed = True in there
        else:
            is_committed = False
        if is_committed:
            committed[intent.order].append(intent)
            explained.update(ids)
            if any(audit.get(i, {}).get("order") not in (intent.order, None) for i in ids):
                problems.append(f"{intent.key}: its audit row is about another order")
    phantoms = sorted(set(audit) - explained)
    if phantoms:
        problems.append(f"audit rows of this desk at the centre that no saved change explains: {phantoms[:5]}")
    for order, state in start.items():
        changes = committed.get(order, [])
        expected = {k: state[k] for k in ("assignee_id", "priority", "paused")}
        for intent in changes:
            expected.update(intent.target)
        got = end[order]
        if got["version"] != state["version"] + len(changes):
            problems.append(f"order {order}: version {got['version']} at the centre after {len(changes)} changes from "
                            f"{state['version']} (a change applied {'twice' if got['version'] > state['version'] + len(changes) else 'not at all'})")
        actual = {k: got[k] for k in expected}
        if actual != expected:
            problems.append(f"order {order}: {actual} at the centre, the desk's last saved changes say {expected}")
    return problems


def new_id() -> str:
    return uuid.uuid4().hex
