"""Sync speed: a new desk's snapshot, a change from desk A shown on desk B, 50 long-polling desks
with one writer, and pushing a backlog of mutations (over many orders, and over 100 orders changed
again and again while their earlier changes wait).

Run: .venv/bin/python -m bench.sync_bench [--orders 60000] [--samples 40] [--pollers 50] [--mutations 2000]
Starts its own PostgreSQL (as the tests do), a demo centre, and the service in its own process
(`dispatch-central serve`); desks are this process's SyncWorkers on temporary SQLite files.
Baselines in the same run: writing the snapshot's rows into an empty SQLite file with one
executemany per table (what the download cannot beat), and a GET /health round trip (what a
change's trip cannot beat). Prints one JSON line of figures with the targets at the end.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import requests
from sqlalchemy import create_engine, func, select

import db
from bench import centre
from central import audit_chain
from central.users import set_password
from console.core import gc_pause
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.domain.enums import PauseReason
from console.core.services.orders import OrderActions
from console.core.store.database import Database
from console.core.store.models import Technician, WorkOrder
from console.data_file import open_data_file
from console.sync import capture
from console.sync.client import CentreClient
from console.sync.replica import Replica
from console.sync.worker import SyncWorker
from tests.fixtures.postgres_server import TemporaryPostgres

PASSWORD = "bench password 2026"
USER = "wang.wei.central"  # a dispatcher: the region's desk
WHOLE = "admin"  # tied to no region: the whole centre's desk


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


def desk(base: str, folder: Path, name: str, username: str = USER, **worker) -> tuple[Database, SyncWorker]:
    database, _ = open_data_file(folder / f"{name}.sqlite")
    client = CentreClient(base)
    client.login(username, PASSWORD)
    sync = SyncWorker(Replica(database), client, **worker)
    capture.install(database.sessions, sync.wake)
    return database, sync


def snapshot_figures(base: str, folder: Path) -> dict[str, float]:
    """A region desk's first download (its rows per second, and its size against the whole
    centre's, downloaded by a desk that sees every region), with a SQLite-only baseline."""
    whole_db, whole_sync = desk(base, folder, "whole-desk", WHOLE)
    started = time.perf_counter()
    whole_rows = whole_sync.download_snapshot()
    whole_seconds = time.perf_counter() - started
    whole_sync.stop()
    whole_db.close()
    database, sync = desk(base, folder, "new-desk")
    started = time.perf_counter()
    rows = sync.download_snapshot()
    seconds = time.perf_counter() - started
    # baseline: the same rows, already in memory, into another empty file
    lines = list(sync.client.snapshot())
    pages = [json.loads(line) for line in lines[1:-1]]
    other, _ = open_data_file(folder / "baseline.sqlite")
    replica = Replica(other)
    started = time.perf_counter()
    replica.load_snapshot(lines)
    baseline = time.perf_counter() - started
    sync.stop()
    database.close()
    other.close()
    size = (folder / "new-desk.sqlite").stat().st_size
    whole_size = (folder / "whole-desk.sqlite").stat().st_size
    return {"rows": rows, "seconds": round(seconds, 2), "rows_per_s": round(rows / seconds), "pages": len(pages),
            "sqlite_only_seconds": round(baseline, 2), "ratio_to_sqlite_only": round(seconds / baseline, 2),
            "whole_centre_rows": whole_rows, "whole_centre_seconds": round(whole_seconds, 2),
            "whole_centre_rows_per_s": round(whole_rows / whole_seconds), "region_share_of_rows": round(rows / whole_rows, 3),
            "file_mb": round(size / 2**20, 1), "whole_centre_file_mb": round(whole_size / 2**20, 1)}


def a_to_b_figures(base: str, folder: Path, samples: int) -> dict[str, float]:
    seen: dict[str, float] = {}
    arrived = threading.Event()
    watched: set = set()

    def on_changes(changes) -> None:
        if changes.orders & watched:
            seen["at"] = time.perf_counter()
            arrived.set()

    a_db, a = desk(base, folder, "a")
    b_db, b = desk(base, folder, "b", on_changes=on_changes)
    a.download_snapshot()
    b.download_snapshot()
    a.start()
    b.start()
    with a_db.reading() as s:
        orders = s.scalars(select(WorkOrder).where(WorkOrder.status.in_(["new", "accepted", "dispatched"]),
                                                   WorkOrder.region_id == a_db_region(s)).limit(samples)).all()
        technicians = s.scalars(select(Technician.id).where(Technician.region_id == orders[0].region_id)).all()
    user = _user(a_db)
    latencies = []
    time.sleep(1.0)  # both long-polling
    for i, order in enumerate(orders):
        watched.clear()
        watched.add(order.id)
        arrived.clear()
        started = time.perf_counter()
        OrderActions(a_db, user, lambda: datetime.now(UTC)).assign([order.id], technicians[i % len(technicians)])
        if arrived.wait(10):
            latencies.append(seen["at"] - started)
        time.sleep(0.05)
    health = []
    for _ in range(samples):
        started = time.perf_counter()
        requests.get(f"{base}/health", timeout=5)
        health.append(time.perf_counter() - started)
    a.stop()
    b.stop()
    a_db.close()
    b_db.close()
    return {"samples": len(latencies), "p50_ms": round(statistics.median(latencies) * 1000, 1),
            "p95_ms": round(p95(latencies) * 1000, 1), "health_p95_ms": round(p95(health) * 1000, 1)}


def a_db_region(s):
    from console.core.store.models import User

    return s.scalars(select(User.region_id).where(User.username == USER)).one()


def _user(database: Database):
    from console.core.services.desk import DeskReader

    return DeskReader(database).user(USER)


def pollers_figures(base: str, folder: Path, pollers: int, writes: int) -> dict[str, float]:
    """`pollers` clients long-poll the feed (cursor at its head); one desk writes `writes` changes
    one after another; each poller's delay from the write's commit to its answer."""
    token = requests.post(f"{base}/auth/login", json={"username": USER, "password": PASSWORD}, timeout=10).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    head = requests.get(f"{base}/sync/pull", params={"after": "0:0", "limit": 20000}, headers=headers, timeout=60)
    cursor = head.json()["cursor"]
    while head.json()["more"]:
        head = requests.get(f"{base}/sync/pull", params={"after": cursor, "limit": 20000}, headers=headers, timeout=60)
        cursor = head.json()["cursor"]
    delays: list[float] = []
    lock = threading.Lock()
    committed: dict[int, float] = {}
    stop = threading.Event()

    errors: list[str] = []

    def poll() -> None:
        session = requests.Session()
        at = cursor
        while not stop.is_set():
            try:
                response = session.get(f"{base}/sync/pull", params={"after": at, "wait": 20}, headers=headers, timeout=40)
                response.raise_for_status()
            except requests.RequestException as exc:
                with lock:
                    errors.append(type(exc).__name__)
                continue
            answer = response.json()
            received = time.perf_counter()
            if answer["tables"]:
                at = answer["cursor"]
                with lock:
                    if committed:
                        delays.append(received - committed[max(committed)])

    threads = [threading.Thread(target=poll, daemon=True) for _ in range(pollers)]
    for thread in threads:
        thread.start()
    time.sleep(2.0)
    writer_db, writer = desk(base, folder, "writer")
    writer.download_snapshot()
    with writer_db.reading() as s:
        orders = s.scalars(select(WorkOrder.id).where(WorkOrder.region_id == a_db_region(s), WorkOrder.status.in_(["new", "accepted", "dispatched"])).limit(writes)).all()
        technicians = s.scalars(select(Technician.id)).all()
    user = _user(writer_db)
    for i, order_id in enumerate(orders):
        OrderActions(writer_db, user, lambda: datetime.now(UTC)).assign([order_id], technicians[(i + 3) % len(technicians)])
        writer.push_once()
        with lock:
            committed[i] = time.perf_counter()
        time.sleep(1.0)
    stop.set()
    time.sleep(1.0)
    writer.stop()
    writer_db.close()
    return {"pollers": pollers, "writes": len(orders), "answers": len(delays), "errors": len(errors),
            "p50_ms": round(statistics.median(delays) * 1000, 1), "p95_ms": round(p95(delays) * 1000, 1)}


def push_figures(base: str, folder: Path, mutations: int, orders_at_most: int | None = None) -> dict[str, float]:
    """A backlog of `mutations` assignments pushed; over `orders_at_most` orders, each order is changed
    again and again while its earlier changes wait (what the desk's answer handling finds hardest)."""
    database, sync = desk(base, folder, f"pusher-{orders_at_most}")
    sync.download_snapshot()
    with database.reading() as s:
        orders = s.scalars(select(WorkOrder.id).where(WorkOrder.region_id == a_db_region(s), WorkOrder.status.in_(["new", "accepted", "dispatched"]))
                           .order_by(WorkOrder.id).limit(orders_at_most)).all()
        technicians = s.scalars(select(Technician.id)).all()
    user = _user(database)
    actions = OrderActions(database, user, lambda: datetime.now(UTC))
    for i in range(mutations):  # each its own saved action: one outbox entry
        actions.assign([orders[i % len(orders)]], technicians[i % len(technicians)])
    waiting = Replica(database).counts().pending
    spent = {"centre": 0.0, "answers": 0.0}

    def timed(part: str, call):
        def run(*args, **kwargs):
            started = time.perf_counter()
            try:
                return call(*args, **kwargs)
            finally:
                spent[part] += time.perf_counter() - started
        return run

    sync.client.push = timed("centre", sync.client.push)  # the request, the centre's work and the answer's trip
    sync.replica.apply_results = timed("answers", sync.replica.apply_results)  # the desk writing the answers
    started = time.perf_counter()
    while sync.push_once():
        pass
    seconds = time.perf_counter() - started
    sync.stop()
    database.close()
    return {"mutations": waiting, "orders": min(len(orders), mutations), "seconds": round(seconds, 2), "per_s": round(waiting / seconds),
            "request_s": round(spent["centre"], 2), "answers_s": round(spent["answers"], 2),
            "outbox_reads_s": round(seconds - spent["centre"] - spent["answers"], 2)}


def bulk_figures(base: str, folder: Path, orders_in_one: int) -> dict[str, float]:
    """One action over many orders (a supervisor pausing a district's orders for a storm): saved
    at the desk, then pushed as one mutation."""
    database, sync = desk(base, folder, "bulk")
    sync.download_snapshot()
    with database.reading() as s:
        orders = s.scalars(select(WorkOrder.id).where(WorkOrder.region_id == a_db_region(s), WorkOrder.status.in_(["new", "accepted", "dispatched"]),
                                                      WorkOrder.paused_since.is_(None)).limit(orders_in_one)).all()
    actions = OrderActions(database, _user(database), lambda: datetime.now(UTC))
    started = time.perf_counter()
    outcome = actions.pause(orders, PauseReason.CUSTOMER_NOT_READY, "bench: storm warning")
    saved = time.perf_counter() - started
    rows = sum(len(p.changes) for p in Replica(database).pending())
    started = time.perf_counter()
    while sync.push_once():
        pass
    pushed = time.perf_counter() - started
    left = Replica(database).counts()
    sync.stop()
    database.close()
    return {"orders": outcome.changed, "rows": rows, "saved_s": round(saved, 2), "pushed_s": round(pushed, 2),
            "rows_per_s": round(rows / pushed), "left": left.pending, "conflicts": left.conflicts}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orders", type=int, default=60000, help="open orders of the demo centre (rows scale with it)")
    parser.add_argument("--samples", type=int, default=40)
    parser.add_argument("--pollers", type=int, default=50)
    parser.add_argument("--writes", type=int, default=20)
    parser.add_argument("--mutations", type=int, default=2000)
    parser.add_argument("--bulk", type=int, default=3000, help="orders paused by one action (the bulk part)")
    parser.add_argument("--parts", default="snapshot,a_to_b,pollers,push,push_same_orders,bulk", help="which measurements, comma-separated")
    args = parser.parse_args()
    server_pg = TemporaryPostgres()
    url = server_pg.start()
    server = None
    try:
        engine = create_engine(url)
        db.upgrade(engine)
        database = Database(engine)
        started = time.perf_counter()
        generate_demo(database, DemoParameters(seed=5, customers=args.orders // 4, sites=args.orders, technicians=200,
                                               open_orders=args.orders, closed_orders=args.orders // 2), datetime.now(UTC))
        with database.unit_of_work() as s:
            audit_chain.seal(s)  # the demo's history starts the chain
        print(f"demo centre written in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        with database.unit_of_work() as s:
            set_password(s, USER, PASSWORD)
            set_password(s, WHOLE, PASSWORD)
        with database.reading() as s:
            print(f"work orders: {s.scalar(select(func.count()).select_from(WorkOrder))}", file=sys.stderr)
        server, base = centre.serve(url)
        gc_pause.settle()  # the desks are this process's: settled as the console settles once its window is built
        parts = set(args.parts.split(","))
        figures: dict[str, dict] = {}
        met: dict[str, bool] = {}
        with tempfile.TemporaryDirectory() as folder:
            if "snapshot" in parts:
                figures["snapshot"] = snapshot_figures(base, Path(folder))
                met["snapshot"] = figures["snapshot"]["rows_per_s"] >= 20000
            if "a_to_b" in parts:
                figures["a_to_b"] = a_to_b_figures(base, Path(folder), args.samples)
                met["a_to_b"] = figures["a_to_b"]["p95_ms"] < 300
            if "pollers" in parts:
                figures["long_pollers"] = pollers_figures(base, Path(folder), args.pollers, args.writes)
                met["long_pollers"] = figures["long_pollers"]["p95_ms"] < 1000
            if "push" in parts:
                figures["push"] = push_figures(base, Path(folder), args.mutations)
                met["push"] = figures["push"]["per_s"] >= 1000
            if "push_same_orders" in parts:
                figures["push_same_orders"] = push_figures(base, Path(folder), args.mutations, orders_at_most=100)
                met["push_same_orders"] = figures["push_same_orders"]["per_s"] >= 1000
            if "bulk" in parts:
                figures["bulk"] = bulk_figures(base, Path(folder), args.bulk)
                met["bulk"] = figures["bulk"]["left"] == 0 and figures["bulk"]["conflicts"] == 0
            for name, values in figures.items():
                print(f"{name}: {values}", file=sys.stderr)
        print(json.dumps({
            "bench": "sync", **figures,
            "targets": {"snapshot_rows_per_s": 20000, "a_to_b_p95_ms": 300, "long_pollers_p95_ms": 1000, "push_per_s": 1000},
            "met": met,
        }))
    finally:
        if server is not None:
            centre.stop(server)
        server_pg.stop()


if __name__ == "__main__":
    main()
