"""The monthly operational analysis report for a 1,600-customer centre (the demo centre's default
size: 1,600 customers, 5,000 sites, 80 technicians, 2,000 open and 1,500 closed orders over the last
90 days): the figures computed, the workbook and the PDF written, as the desk's dialog does in its
worker. Target: the whole under 30 s.

Run: .venv/bin/python bench/monthly_report_bench.py [--data-file PATH]
Without --data-file it writes the demo centre once to bench/.cache/report-demo.sqlite. The month is
October 2026, whole, as of the demo's "now" (22 Nov 2026). Baseline measured in the same run: a
plain read of the same month's orders (every column of each order received or finished in it, as
ORM rows), what any report of the month has to read at least.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtWidgets import QApplication  # noqa: E402
from sqlalchemy import func, or_, select  # noqa: E402

from console.core.demo.centre import DemoParameters, generate_demo  # noqa: E402
from console.core.services.monthly_report import MonthlyReports, month_span  # noqa: E402
from console.core.store.models import Customer, Region, WorkOrder  # noqa: E402
from console.core.store.rules import load_calendar  # noqa: E402
from console.data_file import open_data_file  # noqa: E402
from console.report_xlsx import write_report_xlsx  # noqa: E402
from console.ui.report_pdf import write_report_pdf  # noqa: E402
from console.ui.report_texts import report_words  # noqa: E402

CACHE = Path(__file__).parent / ".cache" / "report-demo.sqlite"
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)  # the demo's "now" (tests/fixtures/demo.py)
MONTH = date(2026, 10, 1)
RUNS = 3
TARGET_S = 30.0


def timed(fn, runs: int = RUNS) -> tuple[float, object]:
    """The median of `runs` timings and the last answer."""
    times, answer = [], None
    for _ in range(runs):
        started = time.perf_counter()
        answer = fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times), answer


def ensure_centre(path: Path) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    database, _ = open_data_file(partial)
    started = time.perf_counter()
    generate_demo(database, DemoParameters(), NOW)
    database.close()
    partial.rename(path)
    print(f"demo centre written in {time.perf_counter() - started:.1f} s: {path}")


def plain_read(database, start: datetime, end: datetime) -> int:
    """The baseline: every order of the month (received or finished in it), whole rows."""
    finish = func.coalesce(WorkOrder.resolved_at, WorkOrder.closed_at)
    with database.reading() as session:
        rows = session.scalars(select(WorkOrder).where(or_(WorkOrder.received_at.between(start, end), finish.between(start, end)))).all()
        return len(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-file", type=Path, default=CACHE)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])  # (the PDF's fonts)
    ensure_centre(args.data_file)
    database, _ = open_data_file(args.data_file)
    with database.reading() as session:
        zone = load_calendar(session).zone
        customers = session.scalar(select(func.count()).select_from(Customer))
        regions = session.execute(select(Region.id, Region.name_en).order_by(Region.code)).all()
    start, end = month_span(MONTH, zone)
    reports, words = MonthlyReports(database), report_words()
    print(f"centre: {customers:,} customers, {len(regions)} regions; month {MONTH:%Y-%m}; {os.cpu_count()} CPUs, "
          f"load {os.getloadavg()[0]:.1f}")
    baseline, orders = timed(lambda: plain_read(database, start, end))
    print(f"baseline, a plain read of the month's {orders:,} orders: {baseline * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as folder:
        for label, region in [("every region", None), (f"region {regions[0][1]}", regions[0][0])]:
            build, report = timed(lambda region=region: reports.build(region, MONTH, NOW))
            xlsx, _ = timed(lambda report=report: write_report_xlsx(Path(folder) / "r.xlsx", report, words))
            pdf, pages = timed(lambda report=report: write_report_pdf(Path(folder) / "r.pdf", report, words))
            whole, _ = timed(lambda region=region: _whole(reports, region, words, Path(folder)), runs=1)
            print(f"{label}: {report.overall.finished:,} finished, {report.breach_count:,} breaches, {len(report.teams)} teams; "
                  f"figures {build * 1000:.0f} ms, workbook {xlsx * 1000:.0f} ms, PDF {pdf * 1000:.0f} ms ({pages} pages); "
                  f"whole {whole:.2f} s (target < {TARGET_S:.0f} s) = {whole / baseline:.0f}x the baseline")
    database.close()
    app.quit()


def _whole(reports: MonthlyReports, region, words, folder: Path) -> None:
    """As the dialog's worker does it: figures, workbook, PDF."""
    report = reports.build(region, MONTH, NOW)
    write_report_xlsx(folder / "whole.xlsx", report, words)
    write_report_pdf(folder / "whole.pdf", report, words)


if __name__ == "__main__":
    main()
