"""Shared by the sync reliability tests and bench/sync_crash_bench.py: the desk-process driver,
reading what a desk logged as saved, and comparing a desk's file with the centre row by row in
the wire format (what sync promises to make equal)."""

from __future__ import annotations

import json
import os
import random
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import create_engine, event, select, text

import db
from central import audit_chain
from central.users import set_password
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.domain.enums import OrderStatus, PauseReason
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.database import Database
from console.core.store.models import AuditEntry, Region, Technician, User, WorkOrder, utcnow
from console.core.store.rows import DeskUser
from console.core.wire import DERIVED, pg_select, wire
from console.data_file import open_data_file
from console.sync import capture
from console.sync.client import CentreClient
from console.sync.replica import Replica
from console.sync.worker import SyncStatus, SyncWorker
from tests.fixtures.centre import PASSWORD, free_port
from tests.fixtures.demo import DEMO_NOW
from tests.fixtures.postgres import as_service, grant_service

MIGRATING = threading.Lock()  # Alembic's context is global: one migration at a time in a process

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


def rows_outside_scope(path: Path, region_hex: str | None) -> list[str]:
    """The rows a desk holds that its user may not see (another region's orders, customers, sites,
    technicians, and the audit rows of no order of its own), read straight from its file."""
    if region_hex is None:
        return []
    checks = {
        "work_orders": "SELECT id FROM work_orders WHERE region_id != :r",
        "customers": "SELECT id FROM customers WHERE region_id != :r",
        "technicians": "SELECT id FROM technicians WHERE region_id != :r",
        "sites": "SELECT s.id FROM sites s LEFT JOIN customers c ON c.id = s.customer_id WHERE c.region_id IS NULL OR c.region_id != :r",
        "audit_log": "SELECT a.id FROM audit_log a LEFT JOIN work_orders o ON o.id = a.order_id WHERE o.id IS NULL",
    }
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as conn:
        return [f"holds {len(found)} {table} rows outside its region" for table, sql in checks.items()
                if (found := conn.execute(sql, {"r": region_hex}).fetchall())]


def order_rows_differ(path: Path, central: Database, order_ids: Iterable[str], refused_inserts: Iterable[str] = ()) -> list[str]:
    """The desk's rows of these orders (the order, its pauses, its audit rows) against the centre's.
    `refused_inserts`: rows this desk made whose creation the centre refused (its conflicts hold
    them): the desk keeps them marked deleted, the centre never had them."""
    ids = sorted(order_ids)
    marks = ", ".join("?" for _ in ids)
    tombstones = set(refused_inserts)
    out = []
    for table, column in (("work_orders", "id"), ("sla_pauses", "order_id"), ("audit_log", "order_id")):
        mine = desk_rows(path, table, f"{column} IN ({marks})", ids)
        theirs = centre_rows(central, table, f"replace(t.{column}::text, '-', '') = ANY(:ids)", {"ids": ids})
        mine = {i: r for i, r in mine.items() if not (i in tombstones and i not in theirs and r.get("deleted") == 1)}
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


def desk_orders(central: Database, username: str, count: int) -> tuple[list[str], list[str]]:
    """Open orders a dispatcher may assign and pause (new or dispatched, in their region) and the region's technicians."""
    with central.reading() as s:
        user = s.scalars(select(User).where(User.username == username)).one()
        region = s.get(Region, user.region_id)
        orders = s.scalars(select(WorkOrder.id).where(WorkOrder.region_id == region.id, WorkOrder.deleted.is_(False),
                                                      WorkOrder.status.in_([OrderStatus.NEW, OrderStatus.DISPATCHED]),
                                                      WorkOrder.paused_since.is_(None))
                           .order_by(WorkOrder.number).limit(count)).all()
        technicians = s.scalars(select(Technician.id).where(Technician.region_id == region.id, Technician.active.is_(True),
                                                            Technician.deleted.is_(False)).order_by(Technician.name)).all()
    return [o.hex for o in orders], [t.hex for t in technicians]


# --- a centre that can be stopped, killed and started again -------------------------------------


class CentreProcess:
    """`python -m tests.sync.centre_process`: the service in a child process, on one port throughout."""

    def __init__(self, database: Database, url: str, port: int, stderr_path: Path, env: dict[str, str] | None = None):
        self.database, self.url, self.port = database, url, port
        self.base = f"http://127.0.0.1:{port}"
        self._stderr = open(stderr_path, "ab")  # noqa: SIM115 - closed in close()
        self.stderr_path = stderr_path
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.sync.centre_process", url, str(port)], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._stderr, text=True, bufsize=1,
                                     env=None if env is None else {**os.environ, **env})
        if not self.proc.stdout.readline():
            raise RuntimeError(f"the centre's driver did not start; see {stderr_path}")
        self.running = False
        self.restarts = 0

    def _say(self, command: str) -> dict[str, Any]:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        line = self.proc.stdout.readline()
        if not line:
            raise RuntimeError(f"the centre's driver ended; see {self.stderr_path}")
        return json.loads(line)

    def start(self) -> None:
        answer = self._say("start")
        if not answer.get("healthy"):
            raise RuntimeError(f"the centre did not start ({answer}); see {self.stderr_path}")
        self.running = True
        self.restarts += 1

    def kill(self) -> None:
        """SIGKILL: whatever it was doing dies with it."""
        self._say("kill")
        self.running = False

    def stop(self) -> None:
        self._say("stop")
        self.running = False

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.stdin.close()
            self.proc.wait(20)
        self._stderr.close()


@pytest.fixture
def restartable_centre(postgres_url: str, tmp_path: Path) -> Iterator[CentreProcess]:
    """The `centre` fixture's demo data and users, served by a CentreProcess (started)."""
    engine = create_engine(postgres_url)
    db.upgrade(engine)
    database = Database(engine)
    generate_demo(database, DemoParameters(seed=3, customers=60, sites=90, technicians=8, open_orders=80, closed_orders=5), DEMO_NOW)
    with database.unit_of_work() as s:
        for name in ("admin", "wang.wei.central", "supervisor.central", "supervisor.pudong"):
            set_password(s, name, PASSWORD)
        audit_chain.seal(s)  # the demo's history starts the chain (as `dispatch-central demo` does)
    audit_chain.install(database.sessions)  # what the test writes as the centre is chained too
    grant_service(postgres_url)
    centre = CentreProcess(database, as_service(postgres_url), free_port(), tmp_path / "centre.stderr")  # as deployed
    try:
        centre.start()
        yield centre
    finally:
        centre.close()
        engine.dispose()


# --- desks in this process ------------------------------------------------------------------------


@dataclass
class LocalDesk:
    name: str
    path: Path
    database: Database
    replica: Replica
    worker: SyncWorker
    user: DeskUser
    statuses: list[SyncStatus] = field(default_factory=list)
    saved: list[str] = field(default_factory=list)  # the audit ids of every unit of work committed, in order

    def actions(self) -> OrderActions:
        return OrderActions(self.database, self.user, utcnow, desk_id=self.worker.desk_id)

    def close(self, *, clean: bool = True) -> None:
        """Stop the worker; `clean=False` leaves the file as a crash would (no optimize, nothing flushed
        beyond what SQLite committed), only the lock is given back so the file can be opened again."""
        self.worker.stop()
        if clean:
            self.database.close()
        else:
            self.database.engine.dispose()
            if self.database.lock is not None:
                self.database.lock.release()


def open_desk(name: str, path: Path, base: str, token: str, username: str, *, start: bool = True,
              long_poll: float = 2.0, client: CentreClient | None = None) -> LocalDesk:
    """A desk on its own file with its capture hooks and worker (started unless `start=False`;
    the first start downloads the snapshot)."""
    with MIGRATING:
        database, _created = open_data_file(path)
    replica = Replica(database)
    statuses: list[SyncStatus] = []
    worker = SyncWorker(replica, client or CentreClient(base, token=token), long_poll=long_poll, on_status=statuses.append)
    capture.install(database.sessions, worker.wake)
    saved = track_audits(database)
    if replica.cursor() is None and not start:
        worker.download_snapshot()
    if start:
        worker.start()
        wait_for(lambda: replica.cursor() is not None, 30, f"desk {name} downloads the snapshot")
    user = DeskReader(database).user(username)
    return LocalDesk(name, path, database, replica, worker, user, statuses, saved)


def track_audits(database: Database) -> list[str]:
    """A list that takes the ids of the audit rows of every committed unit of work of `database`."""
    committed: list[str] = []

    def flushed(session, _context) -> None:
        session.info.setdefault("tracked_audits", []).extend(o.id.hex for o in session.new if isinstance(o, AuditEntry))

    def done(session) -> None:
        if session.in_nested_transaction():  # a savepoint released (SQLAlchemy says so with this event too): not yet
            return
        committed.extend(session.info.pop("tracked_audits", []))

    def undone(session) -> None:
        session.info.pop("tracked_audits", None)

    event.listen(database.sessions, "after_flush", flushed)
    event.listen(database.sessions, "after_commit", done)
    event.listen(database.sessions, "after_rollback", undone)
    return committed


def change_something(desk: LocalDesk, rng: random.Random, orders: list[str], technicians: list[str], *,
                     kinds: tuple[str, ...] = ("assign", "assign", "priority", "pause")) -> tuple[str, str, bool]:
    """One change a dispatcher could make to one of these orders, as its local state allows:
    (order, action, whether it was saved)."""
    order_id = uuid.UUID(rng.choice(orders))
    with desk.database.reading() as s:
        order = s.get(WorkOrder, order_id)
        assignee, priority, paused = order.assignee_id, order.priority, order.paused_since is not None
    actions = desk.actions()
    kind = rng.choice(kinds)
    if kind == "assign":
        technician = uuid.UUID(rng.choice([t for t in technicians if assignee is None or t != assignee.hex]))
        outcome = actions.assign([order_id], technician)
    elif kind == "priority":
        outcome = actions.set_priority([order_id], rng.choice([p for p in range(1, 6) if p != priority]))
    elif paused:
        kind, outcome = "resume", actions.resume([order_id])
    else:
        outcome = actions.pause([order_id], PauseReason.CUSTOMER_NOT_READY, f"{desk.name} {rng.random():.6f}")
    return order_id.hex, kind, bool(outcome.changed)


def wait_for(condition, seconds: float, what: str, every: float = 0.05) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {seconds} s waiting until {what}")
        time.sleep(every)


def desk_audit_ids(desk: LocalDesk) -> set[str]:
    return set(desk_rows(desk.path, "audit_log", "desk_id = ?", (desk.worker.desk_id,)))
