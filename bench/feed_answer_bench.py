"""A desk writing a plan's feed answer: the orders it assigned, their visits moved, and the audit
and change rows it wrote, into a desk file of a region of 500 technicians (every desk of the region
writes the same answer at once, so its cost is paid fifty times over in a province).

Run: .venv/bin/python -m bench.feed_answer_bench [--orders 150] [--answers 8]

Baseline in the same run, on a copy of the same file: the rows written by an upsert of every
column (`INSERT ... ON CONFLICT(id) DO UPDATE SET` all of them, guarded by the version: what the
desk did before `console.sync.replica_rows.write_rows`). Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from console.core.demo.centre import DemoParameters, generate_demo
from console.core.wire import wire
from console.data_file import open_data_file
from console.sync import replica as replica_module
from console.sync.replica import Replica


def upsert_sql(table: str) -> str:
    codec = wire(table)
    updates = ", ".join(f'"{c}" = excluded."{c}"' for c in codec.columns if c != "id")
    guard = f' WHERE excluded."version" >= {table}."version"' if codec.synced else ""
    marks = ", ".join("?" for _ in codec.columns)
    return f"INSERT INTO {table} ({codec.column_list}) VALUES ({marks}) ON CONFLICT(id) DO UPDATE SET {updates}{guard}"


def upsert_every_column(conn, table: str, rows: list) -> None:
    conn.executemany(upsert_sql(table), [tuple(json.dumps(v) if isinstance(v, (dict, list)) else v for v in r) for r in rows])


def answers(path: Path, orders: int, count: int) -> list[dict]:
    """`count` plan answers over the same `orders` orders: each assigns them to other technicians,
    moves their visits, and adds two audit rows per order and a change row per visit."""
    out = []
    database, _ = open_data_file(path)
    with database.engine.connect() as c:
        raw = c.connection.driver_connection

        def rows(table: str, where: str, n: int) -> tuple[tuple[str, ...], list[list]]:
            codec = wire(table)
            return codec.columns, [list(r) for r in raw.execute(f"SELECT {codec.column_list} FROM {table} {where} LIMIT {n}")]

        techs = [r[0] for r in raw.execute("SELECT id FROM technicians")]
        oc, order_rows = rows("work_orders", "WHERE status IN ('new', 'dispatched')", orders)
        ac, visits = rows("appointments", "WHERE status != 'cancelled'", orders)
        lc, audits = rows("audit_log", "", 2 * orders)
        cc, changes = rows("appointment_changes", "", orders)
    database.close()
    for k in range(1, count + 1):
        at = (datetime(2026, 12, 6, 1, tzinfo=UTC) + timedelta(minutes=k)).isoformat()
        assigned = [techs[(n + k) % len(techs)] for n in range(orders)]
        out.append({"cursor": f"{k}:0", "more": False, "tables": {
            "work_orders": _part(oc, order_rows, k, at, status="dispatched", assignee_id=assigned),
            "appointments": _part(ac, visits, k, at, technician_id=assigned),
            "audit_log": _part(lc, audits, 0, at, id=[uuid.uuid4().hex for _ in audits]),
            "appointment_changes": _part(cc, changes, 0, at, id=[uuid.uuid4().hex for _ in changes]),
        }})
    return [json.loads(json.dumps(a)) for a in out]  # (as parsed from the wire)


def _part(columns: tuple[str, ...], source: list[list], bump: int, at: str, **values) -> dict:
    """The rows of `source` at `bump` versions later, updated at `at`, with `values` set (a list: one per row)."""
    rows = []
    for n, row in enumerate(source):
        row = list(row)
        if bump and "version" in columns:
            row[columns.index("version")] += bump
        if "updated_at" in columns:
            row[columns.index("updated_at")] = at
        for name, value in values.items():
            row[columns.index(name)] = value[n] if isinstance(value, list) else value
        rows.append(row)
    return {"columns": list(columns), "rows": rows}


def timed(path: Path, bodies: list[dict]) -> list[float]:
    database, _ = open_data_file(path)
    replica = Replica(database)
    ms = []
    for body in bodies:
        start = time.perf_counter()
        replica.apply_pull(body)
        ms.append((time.perf_counter() - start) * 1000)
    database.close()
    return ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--orders", type=int, default=150)
    parser.add_argument("--answers", type=int, default=8)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="feed-answer-"))
    try:
        made = folder / "made.sqlite"
        database, _ = open_data_file(made)
        generate_demo(database, DemoParameters(technicians=500, open_orders=6000, closed_orders=3000, sites=12000, customers=4000))
        database.close()
        bodies = answers(made, args.orders, args.answers + 1)
        rows = sum(len(part["rows"]) for part in bodies[0]["tables"].values())
        for name in ("now", "before"):
            shutil.copy(made, folder / f"{name}.sqlite")
        now = timed(folder / "now.sqlite", bodies)[1:]  # (the first: the file's pages read from disk)
        replica_module.write_rows = upsert_every_column  # the baseline: what apply_pull did before
        before = timed(folder / "before.sqlite", bodies)[1:]
        median_now, median_before = statistics.median(now), statistics.median(before)
        print(json.dumps({"rows_per_answer": rows, "answers": len(now),
                          "write_ms_median": round(median_now, 1), "write_ms_max": round(max(now), 1),
                          "upsert_every_column_ms_median": round(median_before, 1),
                          "upsert_every_column_ms_max": round(max(before), 1),
                          "ratio_upsert_to_now": round(median_before / median_now, 2)}))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
