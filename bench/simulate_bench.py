"""The field simulation through the centre: reports per second (check-ins, tests, delivery reports,
signatures, positions, accepts, surveys, intake orders, each with the technicians' work-list reads
around them) that one simulator gets through a centre on this machine.

Run: .venv/bin/python -m bench.simulate_bench [--minutes 240] [--technicians 80]
Starts its own PostgreSQL (as the tests do), the desk-scale demo centre (80 technicians, 2,000 open
orders) with its accounts, and the service on loopback in its own process (`dispatch-central
serve`). The simulator runs unpaced (as fast as the centre answers; simulated time still ordered),
one client as `dispatch-central simulate` is. Baseline in the same run: GET /health from one
client for as long (the centre's floor per request). Prints the figures, the desk's picture (the
share of open orders red or breached) before and after the day, and one JSON line.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime

import requests
from sqlalchemy import create_engine, select

import db
from bench import centre
from central import audit_chain
from central.simulate import HttpPort
from central.users import add_account, add_field_accounts, set_password
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.domain.enums import OPEN_STATUSES, Role
from console.core.simulation.day import FieldDay
from console.core.simulation.port import Settings
from console.core.store.database import Database
from console.core.store.models import WorkOrder
from tests.fixtures.postgres_server import TemporaryPostgres

PASSWORD = "bench password 2026"


def health_rate(base: str, seconds: float) -> float:
    session, count = requests.Session(), 0
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        session.get(f"{base}/health", timeout=10).raise_for_status()
        count += 1
    return count / seconds


def picture(url: str) -> str:
    """The desk's picture: the share of open orders (clock running) red or past their limit now."""
    engine = create_engine(url)
    now = datetime.now(UTC)
    with engine.connect() as conn:
        rows = conn.execute(select(WorkOrder.red_at, WorkOrder.due_at).where(
            WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.deleted.is_(False), WorkOrder.paused_since.is_(None))).all()
    engine.dispose()
    breached = sum(1 for _red, due in rows if due is not None and due <= now)
    red = sum(1 for red, due in rows if red is not None and red <= now and not (due is not None and due <= now))
    return f"{len(rows)} open orders running, {red / len(rows):.1%} red, {breached / len(rows):.1%} breached"


def prepare(url: str) -> None:
    engine = create_engine(url)
    db.upgrade(engine)
    database = Database(engine)
    generate_demo(database, DemoParameters(seed=5, technicians=80, open_orders=2000, closed_orders=500), datetime.now(UTC))
    with database.unit_of_work() as s:
        set_password(s, "admin", PASSWORD)
        add_account(s, "intake", Role.INTAKE, "上游订单系统", PASSWORD)
        add_field_accounts(s, PASSWORD)
        audit_chain.seal(s)  # the demo's history starts the chain
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=240, help="the simulated day's length (default 240)")
    parser.add_argument("--technicians", type=int, default=80)
    parser.add_argument("--orders-per-hour", type=float, default=60)
    args = parser.parse_args()
    server_pg = TemporaryPostgres()
    url = server_pg.start()
    try:
        prepare(url)
        before = picture(url)
        server, base = centre.serve(url)
        try:
            settings = Settings(speed=60, minutes=args.minutes, seed=5, paced=False, orders_per_hour=args.orders_per_hour,
                                technicians=args.technicians)
            day = FieldDay(HttpPort(base, PASSWORD), settings)
            summary = day.run()
            reads = sum(1 for _ in day.log)  # (the reports; the work-list reads come on top, not counted)
            simulated = summary.events / summary.real_seconds
            health = health_rate(base, min(max(summary.real_seconds, 5.0), 20.0))
        finally:
            centre.stop(server)
        for line in summary.lines():
            print(line)
        print(f"before the day: {before}; after it: {picture(url)}")
        print(f"simulator: {simulated:.1f} reports a second through the centre; GET /health baseline {health:.1f} a second "
              f"(one client); ratio {simulated / health:.3f}")
        print(json.dumps({"bench": "simulate", "minutes": args.minutes, "technicians": summary.technicians,
                          "reports": reads, "real_seconds": round(summary.real_seconds, 1),
                          "reports_per_s": round(simulated, 1), "health_per_s": round(health, 1),
                          "ratio": round(simulated / health, 3), "taken": dict(summary.posted),
                          "refused": {f"{k} {s}": n for (k, s), n in summary.refused.items()}}))
    finally:
        server_pg.stop()


if __name__ == "__main__":
    main()
