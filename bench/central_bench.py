"""The centre on this machine: requests per second and p95 latency of a read and a write.

Run: .venv/bin/python -m bench.central_bench [--seconds 10] [--clients 8] [--rounds 5]
Starts its own PostgreSQL (as the tests do), a demo centre, and the service on loopback
(`dispatch-central serve`, one uvicorn process); clients are threads with keep-alive sessions in
this process. The read is GET /orders (500 open orders of a region), the write is POST
/intake/orders (a new upstream order: validate, number, compute the SLA, audit with the hash
chain). Baseline in the same run: GET /health (no database work beyond one query). The phases
take turns (`--rounds`, each a slice of `--seconds`), so a machine that is busier for a while
(other benchmarks) weighs on the read and its baseline alike. Each phase also reports the CPU the
centre's process and PostgreSQL's processes spent per request (from /proc).

Targets (issue 19): GET /orders at least half the requests per second of /health in the same run,
and intake p95 under 250 ms with 8 clients. Prints one JSON line of figures at the end, with
"targets" and "met" (each target true or false). `--phases` runs only some phases (to profile one);
`--pool-size` sets the centre's connection pool (the service's default keeps 5: more requests at
once than that open and close overflow connections, a new PostgreSQL server process each).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import threading
import time
import uuid
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
TARGET_ORDERS_VS_HEALTH = 0.5  # GET /orders' requests per second over /health's, at least
TARGET_INTAKE_P95_MS = 250.0  # with 8 clients, under
PHASES = ("health", "orders", "intake")


def cpu_seconds(pid: int, reaped: bool = False) -> float:
    """User and system CPU a process has used (Linux /proc; 0 once it has ended), with `reaped` also
    that of its children that ended (a pool's connection closed: its server process's CPU)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    used = int(fields[11]) + int(fields[12]) + (int(fields[13]) + int(fields[14]) if reaped else 0)  # utime stime cutime cstime
    return used / os.sysconf("SC_CLK_TCK")


def postgres_cpu(server_pg: TemporaryPostgres) -> float:
    """PostgreSQL's CPU so far: the postmaster, the server processes it has now, and those that ended."""
    with open(server_pg.datadir / "postmaster.pid") as pid_file:
        postmaster = int(pid_file.readline())
    total = cpu_seconds(postmaster, reaped=True)
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as stat:
                    if int(stat.read().rsplit(")", 1)[1].split()[1]) == postmaster:
                        total += cpu_seconds(int(entry))
            except (OSError, IndexError, ValueError):
                pass
    return total


class Phase:
    """One kind of request's samples over the rounds, and the CPU the centre and PostgreSQL spent on it."""

    def __init__(self) -> None:
        self.latencies: list[float] = []
        self.errors, self.seconds, self.centre_cpu, self.postgres_cpu = 0, 0.0, 0.0, 0.0

    def run(self, clients: int, seconds: float, make_request, centre_pid: int, server_pg: TemporaryPostgres) -> None:
        pg_before, centre_before = postgres_cpu(server_pg), cpu_seconds(centre_pid)
        latencies, errors = load(clients, seconds, make_request)
        self.centre_cpu += cpu_seconds(centre_pid) - centre_before
        self.postgres_cpu += postgres_cpu(server_pg) - pg_before
        self.latencies += latencies
        self.errors += errors
        self.seconds += seconds

    def figures(self) -> dict[str, float | None]:
        done, ordered = max(1, len(self.latencies)), sorted(self.latencies)
        return {
            "rps": round(len(ordered) / self.seconds, 1),
            "p95_ms": round(ordered[int(len(ordered) * 0.95) - 1] * 1000, 1) if ordered else None,
            "median_ms": round(statistics.median(ordered) * 1000, 1) if ordered else None,
            "errors": self.errors,
            "centre_cpu_ms": round(self.centre_cpu * 1000 / done, 2),
            "postgres_cpu_ms": round(self.postgres_cpu * 1000 / done, 2),
        }


def load(clients: int, seconds: float, make_request) -> tuple[list[float], int]:
    """(each request's seconds, the answers >= 400) of `clients` threads requesting for `seconds`."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    deadline = time.monotonic() + seconds

    def client() -> None:
        session = requests.Session()
        mine, bad = [], 0
        while time.monotonic() < deadline:
            started = time.perf_counter()
            answer = make_request(session)
            mine.append(time.perf_counter() - started)
            bad += answer.status_code >= 400
        with lock:
            latencies.extend(mine)
            errors[0] += bad

    threads = [threading.Thread(target=client) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return latencies, errors[0]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--phases", default=",".join(PHASES), help="which of health,orders,intake to run")
    parser.add_argument("--pool-size", type=int, help="the centre's connection pool (default: the service's own)")
    parser.add_argument("--rounds", type=int, default=5, help="the phases take turns, each --seconds / rounds at a time")
    args = parser.parse_args()
    phases = [p for p in args.phases.split(",") if p]
    if not phases or set(phases) - set(PHASES):
        parser.error(f"--phases takes some of {','.join(PHASES)}")
    if args.rounds < 1 or args.seconds <= 0:
        parser.error("--rounds must be at least 1 and --seconds more than 0")
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
        engine.dispose()  # (its connections are not the centre's)
        pool = {"DISPATCH_CENTRAL_POOL_SIZE": str(args.pool_size)} if args.pool_size else {}
        server, base = centre.serve(url, **pool)  # its own process (as deployed): the clients do not share its GIL
        tokens = {name: requests.post(f"{base}/auth/login", json={"username": name, "password": PASSWORD}, timeout=10).json()["token"]
                  for name in ("admin", "wang.wei.central")}
        read_headers = {"Authorization": f"Bearer {tokens['wang.wei.central']}"}
        write_headers = {"Authorization": f"Bearer {tokens['admin']}"}
        rows = len(requests.get(f"{base}/orders", headers=read_headers, timeout=10).json())
        requests_of = {
            "health": lambda s: s.get(f"{base}/health", timeout=10),
            "orders": lambda s: s.get(f"{base}/orders", headers=read_headers, timeout=10),
            "intake": lambda s: s.post(f"{base}/intake/orders", headers=write_headers, timeout=10, json={
                "upstream_ref": f"BENCH-{uuid.uuid4().hex}", "kind": "fault", "customer_code": customer.code,
                "site_id": str(service.site_id), "title": "bench", "received_at": datetime.now(UTC).isoformat(),
                "circuit_id": service.circuit_id}),
        }
        taken = {phase: Phase() for phase in phases}
        for _round in range(args.rounds):  # in turns: a machine busier for a while weighs on every phase alike
            for phase in phases:
                taken[phase].run(args.clients, args.seconds / args.rounds, requests_of[phase], server.pid, server_pg)
        figures = {phase: taken[phase].figures() for phase in phases}
        for phase in phases:
            print(f"{phase}: {figures[phase]}", flush=True)
        centre.stop(server)
        print(json.dumps({"bench": "central", "clients": args.clients, "seconds": args.seconds, "rounds": args.rounds, "pool_size": args.pool_size, "orders_rows": rows,
                          "health_baseline": figures.get("health"), "read_orders": figures.get("orders"),
                          "write_intake": figures.get("intake"), **verdict(figures, args.clients)}))
    finally:
        server_pg.stop()


def verdict(figures: dict[str, dict], clients: int) -> dict[str, dict]:
    """The targets and whether this run met them (None: the phases it needs did not run)."""
    ratio = None
    if "health" in figures and "orders" in figures:
        ratio = round(figures["orders"]["rps"] / figures["health"]["rps"], 2)
    p95 = figures["intake"]["p95_ms"] if "intake" in figures else None
    return {"orders_vs_health_rps": ratio,
            "targets": {"orders_vs_health_rps": f">= {TARGET_ORDERS_VS_HEALTH}", "intake_p95_ms": f"< {TARGET_INTAKE_P95_MS:g} with 8 clients"},
            "met": {"orders_vs_health_rps": None if ratio is None else ratio >= TARGET_ORDERS_VS_HEALTH,
                    "intake_p95_ms": None if p95 is None or clients != 8 else p95 < TARGET_INTAKE_P95_MS}}


if __name__ == "__main__":
    main()
