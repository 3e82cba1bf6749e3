"""kill -9 of desks at random moments, the long run: tests/sync/test_crash.py's method
(tests/sync/crash_trials.py) with as many trials and desks as asked.

Run: .venv/bin/python -m bench.sync_crash_bench [--trials 2000] [--desks 3] [--per-file 100] [--seed N]
Starts its own PostgreSQL (as the tests do), a demo centre and the service in its own process
(`dispatch-central serve`); each desk is a series of processes forked by its own driver and
killed with SIGKILL during the snapshot, local saves, pushes, push answers and pulls. Prints the
problems found (none expected) and one JSON line of figures at the end; exits 1 on a problem.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import requests
from sqlalchemy import create_engine

import db
from bench import centre
from central import audit_chain
from central.users import set_password
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.store.database import Database
from tests.fixtures.postgres_server import TemporaryPostgres
from tests.sync.crash_trials import run_crash_trials

PASSWORD = "bench password 2026"


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--trials", type=int, default=2000)
    parser.add_argument("--desks", type=int, default=3)
    parser.add_argument("--per-file", type=int, default=100, help="trials on one data file before a new desk starts")
    parser.add_argument("--seed", type=int, default=int(time.time()))
    args = parser.parse_args()
    server_pg = TemporaryPostgres()
    url = server_pg.start()
    server = None
    try:
        engine = create_engine(url)
        db.upgrade(engine)
        database = Database(engine)
        generate_demo(database, DemoParameters(seed=5, customers=400, sites=900, technicians=30, open_orders=600, closed_orders=50),
                      datetime.now(UTC))
        with database.unit_of_work() as s:
            audit_chain.seal(s)  # the demo's history starts the chain
        with database.unit_of_work() as s:
            set_password(s, "wang.wei.central", PASSWORD)
        server, base = centre.serve(url)
        token = requests.post(f"{base}/auth/login", json={"username": "wang.wei.central", "password": PASSWORD}, timeout=10).json()["token"]
        with tempfile.TemporaryDirectory(prefix="sync-crash-") as workdir:
            report = run_crash_trials(base, database, {"wang.wei.central": token}, Path(workdir), args.trials, desks=args.desks,
                                      per_file=args.per_file, seed=args.seed)
        for problem in report.problems:
            print(problem)
        figures = report.figures()
        print(json.dumps({"bench": "sync_crash", "seed": args.seed, "desks": args.desks, "per_file": args.per_file, **figures,
                          "trials_per_s": round(report.trials / report.seconds, 2) if report.seconds else None,
                          "target": "every saved change at the centre exactly once: problems == 0"}))
        return 1 if report.problems else 0
    finally:
        if server is not None:
            centre.stop(server)
        server_pg.stop()


if __name__ == "__main__":
    sys.exit(main())
