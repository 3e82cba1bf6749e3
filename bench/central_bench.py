"""The centre on this machine: requests per second and p95 latency of a read and a write.

Run: .venv/bin/python -m bench.central_bench [--seconds 10] [--clients 8]
Starts its own PostgreSQL (as the tests do), a demo centre, and the service on loopback
(`dispatch-central serve`, one uvicorn process); clients are threads with keep-alive sessions in
this process. The read is GET /orders (500 open
orders of a region), the write is POST /intake/orders (a new upstream order: validate, number,
compute the SLA, audit with the hash chain). Baseline in the same run: GET /health (no database
work beyond one query). Prints one JSON line of figures at the end.
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import threading
import time
from datetime import UTC, datetime

import requests
from sqlalchemy import create_engine, select

import db
from bench import centre
from central import audit_chain
from central.users import set_password
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.store.database import Database
from console.core.store.models import Customer, Service
from tests.fixtures.postgres_server import TemporaryPostgres

PASSWORD = "bench password 2026"


def load(base: str, clients: int, seconds: float, make_request) -> dict[str, float]:
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client(n: int) -> None:
        session = requests.Session()
        mine, bad = [], 0
        for i in itertools.count():
            if time.monotonic() > deadline:
                break
            started = time.perf_counter()
            answer = make_request(session, n, i)
            mine.append(time.perf_counter() - started)
            bad += answer.status_code >= 400
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()
    return {
        "rps": round(len(latencies) / seconds, 1),
        "p95_ms": round(latencies[int(len(latencies) * 0.95) - 1] * 1000, 1) if latencies else None,
        "median_ms": round(statistics.median(latencies) * 1000, 1) if latencies else None,
        "errors": errors[0],
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    server_pg = TemporaryPostgres()
    url = server_pg.start()
    try:
        engine = create_engine(url)
        db.upgrade(engine)
        database = Database(engine)
        generate_demo(database, DemoParameters(seed=5, customers=1600, sites=5000, technicians=80, open_orders=2000, closed_orders=0),
                      datetime.now(UTC))
        with database.unit_of_work() as s:
            audit_chain.seal(s)  # the demo's history starts the chain
        with database.unit_of_work() as s:
            for name in ("admin", "wang.wei.central"):
                set_password(s, name, PASSWORD)
            service = s.scalars(select(Service)).first()
            customer = s.get(Customer, service.customer_id)
        server, base = centre.serve(url)  # its own process (as deployed): the clients do not share its GIL
        tokens = {name: requests.post(f"{base}/auth/login", json={"username": name, "password": PASSWORD}, timeout=10).json()["token"]
                  for name in ("admin", "wang.wei.central")}
        read_headers = {"Authorization": f"Bearer {tokens['wang.wei.central']}"}
        write_headers = {"Authorization": f"Bearer {tokens['admin']}"}
        health = load(base, args.clients, args.seconds, lambda s, n, i: s.get(f"{base}/health", timeout=10))
        reads = load(base, args.clients, args.seconds, lambda s, n, i: s.get(f"{base}/orders", headers=read_headers, timeout=10))
        writes = load(base, args.clients, args.seconds, lambda s, n, i: s.post(f"{base}/intake/orders", headers=write_headers, timeout=10, json={
            "upstream_ref": f"BENCH-{n}-{i}", "kind": "fault", "customer_code": customer.code, "site_id": str(service.site_id),
            "title": "bench", "received_at": datetime.now(UTC).isoformat(), "circuit_id": service.circuit_id}))
        print(f"health: {health}\nGET /orders (500 rows): {reads}\nPOST /intake/orders: {writes}")
        centre.stop(server)
        print(json.dumps({"bench": "central", "clients": args.clients, "seconds": args.seconds,
                          "health_baseline": health, "read_orders": reads, "write_intake": writes}))
    finally:
        server_pg.stop()


if __name__ == "__main__":
    main()
