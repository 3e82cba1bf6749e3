"""Order history at a desk holding 100,000 open and 1,000,000 closed orders: the search's keystroke
and one order's time line.

Run: .venv/bin/python bench/history_bench.py [--data-file PATH]
Without --data-file it builds /tmp/history_bench/desk-1.1m.sqlite once and reuses it: the queue
bench's centre (100,000 open orders from the demo generator, bench/.cache/queue-100k.sqlite, made
by `demo-data` when missing), its 20,000 closed orders cloned fifty times, a quarter further back each time,
with plain SQL (new ids, numbers, references; their field events and audit rows along), then the
search index built once.

Keystrokes: realistic searches typed letter by letter (an order number, a customer's name, an
English district name, a phone, a circuit, a technician, an address); each keystroke's figure is
the worker's search plus the results table's update on the GUI thread (the History page's own
model), measured on a second pass (the first, reported too, warms the file's pages as a desk in
use has them). The machine's load is printed beside the figures. Baseline measured in the same run: the same final texts by a LIKE scan of the orders
(`find_by_scan`, what the desk would do without the index). History: one order's detail with its
whole time line (DeskReader.detail), and the panel's page built from it.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication  # noqa: E402

import db  # noqa: E402
from console.core.services.desk import DeskReader  # noqa: E402
from console.core.services.order_search import OrderSearch, find_by_scan  # noqa: E402
from console.core.store import search_index  # noqa: E402
from console.core.store.database import Database, sqlite_engine  # noqa: E402
from console.data_file import open_data_file  # noqa: E402
from console.ui.history_page import HistoryPage  # noqa: E402
from console.ui.operations import ChangeBus, Operations  # noqa: E402
from console.ui.order_detail_panel import OrderDetailPanel  # noqa: E402

CACHE = Path("/tmp/history_bench/desk-1.1m.sqlite")
QUEUE_CENTRE = Path(__file__).parent / ".cache" / "queue-100k.sqlite"
BENCH_CENTRE = ["--customers", "30000", "--sites", "300000", "--technicians", "1500", "--open-orders", "100000", "--closed-orders", "20000"]
CLONES = 50  # copies of the centre's closed orders, each 91 days further back
SH = ZoneInfo("Asia/Shanghai")


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]


def _clone(conn: sqlite3.Connection, table: str, overrides: dict[str, str], source: str) -> None:
    """INSERT INTO table SELECT its columns from `source` (aliased t, with m the clone map), some overridden."""
    columns = _columns(conn, table)
    exprs = ", ".join(overrides.get(c, f't."{c}"') for c in columns)
    conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) SELECT {exprs} FROM {source}")


def build(path: Path) -> None:
    """The desk file: the queue bench's centre with its closed orders cloned to a million."""
    path.parent.mkdir(parents=True, exist_ok=True)
    building = path.with_name(path.name + ".building")
    for leftover in path.parent.glob(building.name + "*"):
        leftover.unlink()
    if not QUEUE_CENTRE.exists():
        print(f"writing the queue bench's centre to {QUEUE_CENTRE} (about 3 minutes)…", flush=True)
        QUEUE_CENTRE.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "console", "demo-data", str(QUEUE_CENTRE), *BENCH_CENTRE], check=True)
    started = time.perf_counter()
    source, copy = sqlite3.connect(f"file:{QUEUE_CENTRE}?mode=ro", uri=True), sqlite3.connect(building)
    source.backup(copy)
    source.close()
    copy.close()
    database, _ = open_data_file(building)  # (brought to the current schema, the index made for what it holds)
    database.close()
    conn = sqlite3.connect(building, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    conn.execute("BEGIN")
    conn.execute(f"DROP TABLE IF EXISTS {search_index.TABLE}")  # (built once at the end, not row by row)
    for name in search_index.TRIGGERS:
        conn.execute(f"DROP TRIGGER IF EXISTS {name}")
    conn.execute("DELETE FROM order_search_meta")
    conn.execute("CREATE TEMP TABLE m (old TEXT, k INTEGER, new TEXT, PRIMARY KEY (old, k))")
    conn.execute(f"""WITH RECURSIVE ks(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM ks WHERE k < {CLONES})
                     INSERT INTO m SELECT w.id, ks.k, lower(hex(randomblob(16))) FROM work_orders w, ks
                     WHERE w.status IN ('closed', 'cancelled')""")
    shift = "'-' || (m.k * 91) || ' days'"  # (the originals span under 90 days: no two clones share a day)
    moved = lambda column: f"CASE WHEN t.{column} IS NULL THEN NULL ELSE strftime('%Y-%m-%d %H:%M:%f', t.{column}, {shift}) || '000' END"  # noqa: E731
    instants = ["received_at", "sla_started_at", "due_at", "amber_at", "red_at", "response_due_at", "responded_at", "investigated_at",
                "resolved_at", "closed_at", "billing_started_at", "returned_at", "updated_at", "paused_since"]
    overrides = {c: moved(c) for c in instants if c in _columns(conn, "work_orders")}
    overrides.update(
        id="m.new",
        number=("substr(t.number, 1, 2) || strftime('%Y%m%d', substr(t.number, 3, 4) || '-' || substr(t.number, 7, 2) || '-' || "
                f"substr(t.number, 9, 2), {shift}) || substr(t.number, -6)"),  # (the number's own day, moved)
        upstream_ref="CASE WHEN t.upstream_ref IS NULL THEN NULL ELSE 'CRM' || printf('%02d', m.k) || substr(t.upstream_ref, 4) END",
        replaces_order_id="NULL",
    )
    _clone(conn, "work_orders", overrides, "work_orders t JOIN m ON m.old = t.id")
    events = {c: moved(c) for c in ("occurred_at", "received_at", "updated_at")}
    _clone(conn, "field_events", {**events, "id": "lower(hex(randomblob(16)))", "order_id": "m.new"},
           "field_events t JOIN m ON m.old = t.order_id")
    _clone(conn, "audit_log", {"at": moved("at"), "id": "lower(hex(randomblob(16)))", "order_id": "m.new", "entity_id": "m.new",
                               "seq": "NULL"}, "audit_log t JOIN m ON m.old = t.order_id")
    conn.execute("COMMIT")
    conn.close()
    database, _ = open_data_file(building)  # (the index built once for every order)
    with database.engine.connect() as c:
        c.exec_driver_sql("ANALYZE")
    database.close()
    for suffix in ("", "-wal", "-shm"):
        if Path(str(building) + suffix).exists():
            os.replace(str(building) + suffix, str(path) + suffix)
    for leftover in path.parent.glob(building.name + "*"):  # (the upgrade's backup, the lock)
        leftover.unlink()
    print(f"built {path} in {time.perf_counter() - started:.0f} s ({path.stat().st_size / 1e9:.2f} GB)", flush=True)


QUERIES = [
    ("order number", None),  # a closed order's number, chosen from the file
    ("customer name", None),
    ("English district", "Pudong"),
    ("phone", None),
    ("circuit", None),
    ("technician", None),
    ("address", None),
]


def _texts(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    rng = random.Random(7)
    closed = conn.execute("SELECT w.number, c.name, c.contact_phone, s.circuit_id, t.name, w.address FROM work_orders w "
                          "JOIN customers c ON c.id = w.customer_id LEFT JOIN services s ON s.id = w.service_id "
                          "LEFT JOIN technicians t ON t.id = w.assignee_id WHERE w.status = 'closed' AND t.name IS NOT NULL "
                          "ORDER BY w.rowid LIMIT 1 OFFSET ?", (rng.randrange(500_000),)).fetchone()
    number, customer, phone, circuit, technician, address = closed
    road = address[address.index("区") + 1:][:5] if "区" in address else address[3:8]
    return [("order number", number), ("customer name", customer[2:8]), ("English district", "Pudong"), ("phone", phone[:7]),
            ("circuit", circuit), ("technician", technician), ("address", road)]


def _open(path: Path) -> Database:
    """The bench's file at the current schema (upgraded through the desk's own open when behind,
    its backup removed), then opened plainly: the desk's full check of a 5 GB file takes minutes."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as probe:
        revision = probe.execute("SELECT version_num FROM alembic_version").fetchone()[0]
    if revision != db.head_revision():
        print(f"upgrading {path} from schema {revision} (the search index is built again)…", flush=True)
        open_data_file(path)[0].close()
    for backup in path.parent.glob(path.name + "*.bak"):
        backup.unlink()
    database = Database(sqlite_engine(path), path)
    with database.engine.begin() as conn:
        search_index.ensure(conn)  # (what the desk's open does: here only what a newer version adds)
    return database


def run(path: Path) -> dict:
    app = QApplication.instance() or QApplication([])
    database = _open(path)
    raw = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    counts = dict(raw.execute("SELECT status IN ('closed', 'cancelled', 'superseded'), count(*) FROM work_orders GROUP BY 1").fetchall())
    print(f"orders: {counts.get(0, 0):,} open, {counts.get(1, 0):,} closed; file {path.stat().st_size / 1e9:.2f} GB", flush=True)
    texts = _texts(raw)
    search, reader = OrderSearch(database), DeskReader(database)
    book, calendar = reader.rules()
    page = HistoryPage(search, reader, Operations(ChangeBus()), SH, True, lambda: datetime.now(SH), lambda: (calendar, book.parameters))
    page.resize(1366, 700)
    cold = []
    for _label, text in texts:  # (a first pass warms the file's pages, as a desk in use has them)
        for end in range(1, len(text) + 1):
            started = time.perf_counter()
            page.show_answer(search.find(text[:end]))
            cold.append(time.perf_counter() - started)
    keystrokes, per_query, slowest = [], {}, []
    for label, text in texts:
        figures = []
        for end in range(1, len(text) + 1):
            typed = text[:end]
            started = time.perf_counter()
            answer = search.find(typed)
            worker = time.perf_counter() - started
            started = time.perf_counter()
            page.show_answer(answer)
            app.processEvents()
            gui = time.perf_counter() - started
            figures.append(worker + gui)
            keystrokes.append((worker, gui))
            slowest.append((worker + gui, typed))
        per_query[label] = (text, ms(max(figures)), len(answer.orders), answer.more, answer.more_capped)
        print(f"  {label:17} {text!r:22} slowest keystroke {ms(max(figures)):7.2f} ms  → {len(answer.orders)} shown, "
              f"{answer.more:,}{'+' if answer.more_capped else ''} more", flush=True)
    totals = [w + g for w, g in keystrokes]
    print("  slowest keystrokes: " + ", ".join(f"{t!r} {ms(d)} ms" for d, t in sorted(slowest, reverse=True)[:5]), flush=True)
    baseline = []
    for _label, text in texts:
        started = time.perf_counter()
        with database.reading() as session:
            find_by_scan(session, text)
        baseline.append(time.perf_counter() - started)
    finals = []
    for _label, text in texts:
        started = time.perf_counter()
        search.find(text)
        finals.append(time.perf_counter() - started)
    rng = random.Random(11)
    ids = [r[0] for r in raw.execute("SELECT id FROM work_orders WHERE status = 'closed' ORDER BY rowid")]
    chosen = [ids[rng.randrange(len(ids))] for _ in range(30)]
    open_ids = [r[0] for r in raw.execute("SELECT id FROM work_orders WHERE status = 'in_progress' LIMIT 10")]
    import uuid

    panel = OrderDetailPanel(SH, True, clock=lambda: datetime.now(SH), rules=lambda: (calendar, book.parameters))
    panel.resize(540, 700)
    history, render, entries = [], [], []
    for order_id in chosen + open_ids:
        started = time.perf_counter()
        detail = reader.detail(uuid.UUID(hex=order_id), datetime.now(SH))
        history.append(time.perf_counter() - started)
        entries.append(len(detail.timeline))
        started = time.perf_counter()
        panel.show_detail(detail)
        app.processEvents()
        render.append(time.perf_counter() - started)
    database.close()
    figures = {
        "load_average_1min": round(os.getloadavg()[0], 2), "cpus": os.cpu_count(),
        "first_pass_keystroke_ms_median": ms(statistics.median(cold)), "first_pass_keystroke_ms_max": ms(max(cold)),
        "keystroke_ms_median": ms(statistics.median(totals)), "keystroke_ms_p95": ms(p95(totals)),
        "keystroke_ms_max": ms(max(totals)), "keystroke_target_ms": 100, "keystrokes": len(totals),
        "keystroke_worker_ms_median": ms(statistics.median(w for w, _g in keystrokes)),
        "keystroke_gui_ms_median": ms(statistics.median(g for _w, g in keystrokes)),
        "keystroke_gui_ms_max": ms(max(g for _w, g in keystrokes)),
        "final_text_indexed_ms_median": ms(statistics.median(finals)),
        "final_text_like_scan_ms_median": ms(statistics.median(baseline)),
        "like_scan_over_index_ratio": round(statistics.median(baseline) / statistics.median(finals), 1),
        "history_ms_median": ms(statistics.median(history)), "history_ms_p95": ms(p95(history)), "history_target_ms": 200,
        "history_entries_median": statistics.median(entries),
        "history_page_render_ms_median": ms(statistics.median(render)), "history_page_render_ms_max": ms(max(render)),
    }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-file", type=Path, default=None)
    args = parser.parse_args()
    path = args.data_file or CACHE
    if args.data_file is None and not CACHE.exists():
        build(CACHE)
    figures = run(path)
    for key, value in figures.items():
        print(f"{key}: {value}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
