"""The supervisor's dashboards over a month of the 100,000-order benchmark centre: the figures
computed (a worker's job) and painted (the GUI thread's).

Run: .venv/bin/python bench/dashboard_bench.py [--data-file PATH] [--region CODE]
Without --data-file it uses the queue bench's centre (bench/.cache/queue-100k.sqlite, written
once by bench/queue_bench.py's generator). "Now" is the last hour of the month before the newest
order, so the month is a whole one. Baselines measured in the same run: the queue's load of the
same file (the desk's known hot read), and the bands over time worked out per order by the
domain's `band_at` instead of from the cached instants in numpy.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.queue_bench import CACHE, ensure_centre  # noqa: E402
from console.core.domain.sla_clock import band_at  # noqa: E402
from console.core.services.dashboard_figures import Period  # noqa: E402
from console.core.services.dashboards import Dashboards  # noqa: E402
from console.core.services.desk import DeskReader  # noqa: E402
from console.core.store.models import Region, WorkOrder  # noqa: E402
from console.data_file import open_data_file  # noqa: E402
from console.ui.dashboard_page import DashboardPage  # noqa: E402
from console.ui.operations import ChangeBus, Operations  # noqa: E402

ZONE = ZoneInfo("Asia/Shanghai")
RUNS = 3


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def timed(fn, runs: int = RUNS) -> tuple[float, object]:
    """The median of `runs` timings (this machine's vary by a third between runs) and the last answer."""
    times, answer = [], None
    for _ in range(runs):
        started = time.perf_counter()
        answer = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), answer


def month_end_before_newest(database) -> datetime:
    with database.reading() as session:
        newest = session.scalar(select(func.max(WorkOrder.received_at)))
    first = newest.astimezone(ZONE).replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    return (first - timedelta(hours=1)).astimezone(UTC)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-file", type=Path, default=None)
    parser.add_argument("--region", default=None, help="a region's code (default: every region)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    database, _ = open_data_file(ensure_centre(args.data_file or CACHE))
    region_id = None
    if args.region:
        with database.reading() as session:
            region_id = session.scalar(select(Region.id).where(Region.code == args.region))
    now = month_end_before_newest(database)
    dashboards = Dashboards(database)
    dashboards.compute(region_id, Period.MONTH, now)  # warm-up: the file's pages in the cache, as after the queue's load
    compute, dashboard = timed(lambda: dashboards.compute(region_id, Period.MONTH, now))
    series = dashboard.sla.bands
    alive = int(sum(series.counts[k][-1] for k in series.counts))
    print(f"month {dashboard.start.astimezone(ZONE):%Y-%m-%d} to {dashboard.end.astimezone(ZONE):%Y-%m-%d}, "
          f"{len(series.starts)} days; {alive:,} orders open at its end, {dashboard.sla.breached:,} breaches, "
          f"{len(dashboard.load.technicians):,} technicians")
    print(f"compute (worker): {ms(compute)} ms")

    reader = DeskReader(database)
    queue_load, rows = timed(reader.queue)
    print(f"baseline, the queue's load of the same file: {ms(queue_load)} ms for {len(rows):,} open orders")
    book, calendar = reader.rules()
    per_order = _bands_per_order(rows, calendar, book.parameters, series.ends)
    print(f"baseline, bands over time per order through band_at: {ms(per_order)} ms ({len(series.ends)} days x {len(rows):,} orders)")

    page = DashboardPage(dashboards, reader.user(None), Operations(ChangeBus()), ZONE, False, lambda: now)
    page.resize(1366, 720)
    page.show()
    page.show_dashboard(dashboard)  # warm-up: fonts, the first layout
    app.processEvents()
    render, _ = timed(lambda: (page.show_dashboard(dashboard), app.processEvents()))
    print(f"render (GUI thread): {ms(render)} ms, the SLA section in front")
    sections = {}
    for index in range(1, page.tabs.count()):
        times = []
        for _ in range(RUNS):
            page.tabs.setCurrentIndex(0)
            page.show_dashboard(dashboard)  # every other section stale again: the one brought up paints anew
            app.processEvents()
            started = time.perf_counter()
            page.tabs.setCurrentIndex(index)
            app.processEvents()
            times.append(time.perf_counter() - started)
        sections[page.tabs.tabText(index)] = statistics.median(times)
    print("another section brought up (GUI thread): " + ", ".join(f"{name} {ms(t)} ms" for name, t in sections.items()))
    figures = {
        "compute_ms": ms(compute), "compute_target_ms": 1000, "render_ms": ms(render), "render_target_ms": 50,
        "section_shown_max_ms": ms(max(sections.values())),
        "queue_load_baseline_ms": ms(queue_load), "compute_over_queue_load": round(compute / queue_load, 2),
        "bands_per_order_baseline_ms": ms(per_order), "per_order_over_compute": round(per_order / compute, 1),
        "orders": len(rows), "days": len(series.starts),
    }
    print(json.dumps(figures))
    return 0


def _bands_per_order(rows, calendar, params, ends) -> float:
    """Each open order's band at each day's end by the domain's rule (the way a dashboard would
    work without the cached instants in numpy); timed once, it takes long."""
    instants = [datetime.fromtimestamp(float(t), UTC) for t in ends]
    clocks = [row.sla for row in rows if row.sla is not None]
    started = time.perf_counter()
    for at in instants:
        for clock in clocks:
            if clock.times.due_at is not None:
                band_at(clock, calendar, params, at)
    return time.perf_counter() - started


if __name__ == "__main__":
    sys.exit(main())
