"""The map with 50,000 sites: first render, one marker update, the page process's memory.

Run: .venv/bin/python bench/map_bench.py [--data-file PATH] [--sites 50000]
Uses the benchmark centre of bench/queue_bench.py (written to bench/.cache/ once if missing).
Baseline in the same run: redrawing every marker (setSites) instead of updating one in place.
Prints one line per figure, then one JSON line with the target beside each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.queue_bench import CACHE, ensure_centre  # noqa: E402
from console.core.domain.enums import Band  # noqa: E402
from console.core.services.desk import DeskReader, MapFacts  # noqa: E402
from console.data_file import open_data_file  # noqa: E402
from console.ui.map_view import MapView  # noqa: E402


def js(view: MapView, script: str):
    loop, out = QEventLoop(), {}
    view.web.page().runJavaScript(script, 0, lambda value: (out.setdefault("v", value), loop.quit()))
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    return out.get("v")


def wait_until(app: QApplication, condition, seconds: float = 60.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if condition():
            return time.perf_counter() - started
        app.processEvents()
        time.sleep(0.005)
    raise TimeoutError("the page did not get there in time")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-file", type=Path, default=None)
    parser.add_argument("--sites", type=int, default=50_000)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    database, _ = open_data_file(ensure_centre(args.data_file or CACHE))
    reader = DeskReader(database)
    rows = reader.queue()
    facts = reader.map_facts()
    # Take the orders of the first N distinct placed sites.
    chosen, sites = set(), []
    for site in facts.sites:
        if site.latitude is None or abs(site.latitude) < 1:
            continue
        if site.site_id not in chosen:
            if len(chosen) >= args.sites:
                continue
            chosen.add(site.site_id)
        sites.append(site)
    facts = MapFacts([s for s in sites if s.site_id in chosen], facts.districts, facts.technicians)
    wanted = {s.order_id for s in facts.sites}
    rows = [r for r in rows if r.id in wanted]
    book, calendar = reader.rules()
    now = datetime.now(UTC)
    from console.core.domain.sla_clock import band_at

    def band_of(row):
        return band_at(row.sla, calendar, book.parameters, now)

    view = MapView("", "", False, timedelta(hours=1))
    view.resize(1400, 900)
    view.show()
    started = time.perf_counter()
    view.load_page(facts.districts)
    view.show_sites(facts, rows, band_of, now)
    python_side = time.perf_counter() - started
    wait_until(app, lambda: view.is_ready)
    page_ready = time.perf_counter() - started
    wait_until(app, lambda: (js(view, "DeskMap.count()") or 0) >= len(chosen), seconds=120)
    first_render = time.perf_counter() - started
    print(f"first render of {len(chosen):,} sites: {first_render * 1000:.0f} ms "
          f"(Python {python_side * 1000:.0f} ms, page ready at {page_ready * 1000:.0f} ms)")

    site_id, state = next(iter(view._shown_sites.items()))
    new_band = Band.BREACHED.value if state["band"] != Band.BREACHED.value else Band.GREEN.value
    order_ids = view._orders_at_site[site_id]
    target = [r for r in rows if r.id in set(order_ids)]
    started = time.perf_counter()
    view.update_orders(target, lambda _row: Band(new_band))
    wait_until(app, lambda: js(view, f"DeskMap.bandOf('{site_id}')") == new_band)
    update = time.perf_counter() - started
    print(f"one marker recoloured and read back: {update * 1000:.0f} ms")

    started = time.perf_counter()
    view.show_sites(facts, rows, band_of, now)
    js(view, "DeskMap.count()")
    wait_until(app, lambda: (js(view, "DeskMap.count()") or 0) >= len(chosen), seconds=120)
    redraw_all = time.perf_counter() - started
    pid = view.web.page().renderProcessPid()
    memory = rss_mb(pid) if pid else float("nan")
    print(f"baseline, redrawing every marker: {redraw_all * 1000:.0f} ms; page process {memory:.0f} MB")
    print(json.dumps({
        "bench": "map_50k",
        "sites": len(chosen),
        "first_render_ms": round(first_render * 1000), "first_render_target_ms": 3000,
        "marker_update_ms": round(update * 1000), "marker_update_target_ms": 200,
        "redraw_all_baseline_ms": round(redraw_all * 1000),
        "update_ratio_vs_redraw": round(redraw_all / update, 1) if update else None,
        "page_process_rss_mb": round(memory),
    }))
    database.close()


if __name__ == "__main__":
    main()
