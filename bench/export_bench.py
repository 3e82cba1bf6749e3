"""Exporting the queue of 100,000 open orders to Excel and CSV as the desk does it, and whether the
window keeps answering meanwhile.

Run: .venv/bin/python bench/export_bench.py [--data-file PATH]
Uses the queue benchmark's centre (bench/queue_bench.py writes bench/.cache/queue-100k.sqlite
once). For each format: the time on the GUI thread to start the export (the rows' snapshot), the
whole export until the file is in place (rows read in the worker from the model's list, typed,
written to a temporary file and renamed in), and the longest the GUI thread went without running
a 10 ms timer meanwhile. Baselines in the same run, over the same rows' values computed
beforehand: plain `csv.writer`, and openpyxl's write-only `append` (the library's own floor).
Prints one line per figure, then one JSON line.
"""

from __future__ import annotations

import argparse
import csv
import gc
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer  # noqa: E402

from bench.queue_bench import CACHE, ensure_centre, open_desk  # noqa: E402
from console.table_files import csv_text  # noqa: E402
from console.ui.table_export import screen_columns  # noqa: E402


def export_through_the_desk(d, path: Path) -> dict:
    """The desk's export of the queue as shown, with the event loop running; its figures."""
    exports, table = d.window.table_exports, d.window.queue.table
    gaps, ticks = [], QElapsedTimer()
    timer = QTimer(interval=10)
    timer.timeout.connect(lambda: (gaps.append(ticks.restart())))
    loop = QEventLoop()
    exports.finished.connect(loop.quit)
    exports.failed.connect(loop.quit)
    ticks.start()
    timer.start()
    started = time.perf_counter()
    exports.export_to(table, path)
    on_gui = time.perf_counter() - started
    loop.exec()
    total = time.perf_counter() - started
    timer.stop()
    exports.finished.disconnect(loop.quit)
    exports.failed.disconnect(loop.quit)
    assert path.exists(), f"{path} was not written"
    return {"start_on_gui_ms": round(on_gui * 1000, 1), "total_s": round(total, 2), "longest_gui_gap_ms": max(gaps, default=0),
            "gaps_over_100_ms": sum(1 for g in gaps if g > 100),
            "mb": round(path.stat().st_size / 1e6, 1)}


def baseline_csv(headers: list[str], rows: list[list], zone, path: Path) -> float:
    started = time.perf_counter()
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(headers)
        for row in rows:
            writer.writerow([csv_text(v, zone) for v in row])
    return time.perf_counter() - started


def baseline_openpyxl(headers: list[str], rows: list[list], zone, path: Path) -> float:
    from openpyxl import Workbook

    started = time.perf_counter()
    book = Workbook(write_only=True)
    sheet = book.create_sheet("queue")
    sheet.append(headers)
    for row in rows:
        sheet.append([v.astimezone(zone).replace(tzinfo=None) if hasattr(v, "astimezone") else v for v in row])
    book.save(path)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-file", type=Path, default=None)
    args = parser.parse_args()
    d = open_desk(ensure_centre(args.data_file or CACHE))
    prepared = d.window.queue.prepare(d.reader.queue(), d.now)
    d.window.queue.show_rows(prepared, d.now)
    d.app.processEvents()
    model, table, zone = d.window.model, d.window.queue.table, d.window.model.zone
    columns = screen_columns(table)
    headers = [str(model.headerData(c, 1)) for c in columns]
    print(f"rows: {model.rowCount():,}, columns: {len(columns)}")
    started = time.perf_counter()
    values = list(model.export_rows(columns).rows())  # (the same rows' values, made once for the baselines)
    figures: dict = {"rows": model.rowCount(), "values_s": round(time.perf_counter() - started, 2)}
    print(f"the rows' typed values alone (what the worker computes before writing): {figures['values_s']} s")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        figures["baseline_csv_writer_s"] = round(baseline_csv(headers, values, zone, out / "plain.csv"), 2)
        print(f"baseline: csv.writer of the same values {figures['baseline_csv_writer_s']} s")
        figures["baseline_openpyxl_append_s"] = round(baseline_openpyxl(headers, values, zone, out / "plain.xlsx"), 2)
        print(f"baseline: openpyxl write-only append of the same values {figures['baseline_openpyxl_append_s']} s")
        for suffix, baseline in (("csv", "baseline_csv_writer_s"), ("xlsx", "baseline_openpyxl_append_s")):
            gc.collect()  # (the baselines' garbage is not the desk's: not collected in the middle of its export)
            found = export_through_the_desk(d, out / f"queue.{suffix}")
            found["ratio_to_baseline"] = round(found["total_s"] / max(figures[baseline], 1e-9), 2)
            figures[suffix] = found
            print(f"desk export to {suffix}: {found['total_s']} s in all ({found['mb']} MB), {found['start_on_gui_ms']} ms on the GUI "
                  f"thread to start, longest GUI pause {found['longest_gui_gap_ms']} ms ({found['gaps_over_100_ms']} over 100 ms); "
                  f"{found['ratio_to_baseline']}x the baseline")
    print(json.dumps(figures))
    d.window.close()
    d.database.close()


if __name__ == "__main__":
    main()
