"""The live queue with 100,000 open orders: load, tick, sort, filter keystroke, memory.

Run: .venv/bin/python bench/queue_bench.py [--data-file PATH]
Without --data-file it writes a benchmark centre (100,000 open orders, 300,000 sites) to
bench/.cache/queue-100k.sqlite once (about 3 minutes) and reuses it. Prints one line per
figure, then one JSON line of figures with the target beside each. Baselines measured in the
same run: a tick that repaints every row instead of the visible ones, and a filter keystroke
through QSortFilterProxyModel instead of the model's own filter.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from console.core.services.desk import DeskReader  # noqa: E402
from console.core.services.queue_filter import QueueFilter  # noqa: E402
from console.data_file import open_data_file  # noqa: E402
from console.desk import DeskServices  # noqa: E402
from console.ui.main_window import MainWindow  # noqa: E402
from console.ui.operations import ChangeBus, Operations  # noqa: E402
from console.ui.work_order_table_model import WorkOrderTableModel  # noqa: E402

CACHE = Path(__file__).parent / ".cache" / "queue-100k.sqlite"
BENCH_CENTRE = ["--customers", "30000", "--sites", "300000", "--technicians", "1500", "--open-orders", "100000", "--closed-orders", "20000"]


def rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def timed(fn, repeat: int = 1) -> list[float]:
    out = []
    for _ in range(repeat):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def ensure_centre(path: Path) -> Path:
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"writing the benchmark centre to {path} (about 3 minutes)…", flush=True)
        subprocess.run([sys.executable, "-m", "console", "demo-data", str(path), *BENCH_CENTRE], check=True)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-file", type=Path, default=None)
    args = parser.parse_args()
    path = ensure_centre(args.data_file or CACHE)
    app = QApplication.instance() or QApplication([])
    database, _ = open_data_file(path)
    reader = DeskReader(database)
    user = reader.user(None)
    now = datetime.now(UTC)
    desk = DeskServices.build(database, user, lambda: now)
    window = MainWindow(desk, desk.read_rules(), Operations(ChangeBus()), ZoneInfo("Asia/Shanghai"), english=False,
                        data_file=str(path), log_dir=".", views_file=Path(path).with_suffix(".views.json"), map_tiles=None)
    window.resize(1440, 900)
    window.show()
    app.processEvents()
    empty_rss = rss_mb()

    # As the window does it: query and prepare in a worker, then show on the GUI thread. Each
    # figure is the median of three runs (this machine's timings vary by a third between runs).
    window.queue.show_rows(window.queue.prepare(reader.queue(limit=1000), now), now, complete=False)  # warm-up: fonts, first paint
    app.processEvents()
    first_screens, workers, guis = [], [], []
    for _ in range(3):
        first_screens += timed(lambda: (window.queue.show_rows(window.queue.prepare(reader.queue(limit=1000), now), now, complete=False),
                                        app.processEvents()))
        prepared = []
        workers += timed(lambda p=prepared: p.append(window.queue.prepare(reader.queue(), now)))
        guis += timed(lambda p=prepared: (window.queue.show_rows(p[0], now), app.processEvents()))
    first_screen, worker, gui = statistics.median(first_screens), statistics.median(workers), statistics.median(guis)
    load = statistics.median(w + g for w, g in zip(workers, guis, strict=True))
    rows = window.model.rowCount()
    loaded_rss = rss_mb()
    panel, model, table = window.queue, window.model, window.queue.table
    print(f"first screen (1,000 most urgent) {ms(first_screen)} ms")
    print(f"whole queue: {ms(worker)} ms in the worker (query, sort, bands) + {ms(gui)} ms on the GUI thread")
    print(f"rows: {rows:,}; load {ms(load)} ms; memory +{loaded_rss - empty_rss:.0f} MB over an empty window")

    clock_now = [now]
    model.clock = lambda: clock_now[0]

    def tick() -> None:
        clock_now[0] = clock_now[0] + timedelta(seconds=1)
        panel.tick()
        app.processEvents()  # the repaint Qt schedules for the cells whose text changed

    tick_times = timed(tick, 60)

    def tick_every_visible_cell() -> None:
        model._shown.clear()  # as if every visible countdown changed this second
        tick()

    tick_worst = statistics.median(timed(tick_every_visible_cell, 20))
    print(f"tick (visible rows, painted): median {ms(statistics.median(tick_times))} ms, max {ms(max(tick_times))} ms, "
          f"every visible cell changed {ms(tick_worst)} ms")

    def tick_all_rows() -> None:
        model.dataChanged.emit(model.index(0, model.BAND), model.index(model.rowCount() - 1, model.TIME_LEFT))
        table.viewport().repaint()

    baseline_tick = statistics.median(timed(tick_all_rows, 10))

    def paint_through_data_roles() -> None:
        # What a cell costs when the countdown goes through data() instead of the delegate.
        first, last = table.visible_rows()
        for r in range(first, last + 1):
            for c in (model.BAND, model.TIME_LEFT):
                index = model.index(r, c)
                for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.FontRole,
                             Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.TextAlignmentRole):
                    model.data(index, role)

    data_roles = statistics.median(timed(paint_through_data_roles, 20))

    sort_customer = timed(lambda: model.sort(model.CUSTOMER, Qt.SortOrder.AscendingOrder))[0]
    sort_urgency = timed(lambda: model.sort(model.TIME_LEFT, Qt.SortOrder.AscendingOrder))[0]
    print(f"sort by customer {ms(sort_customer)} ms, back to urgency {ms(sort_urgency)} ms")

    typed = "上海华信"
    keystrokes = [timed(lambda t=typed[: n + 1]: panel.filter_bar.search.setText(t))[0] for n in range(len(typed))]
    keystrokes += timed(lambda: panel.filter_bar.search.setText(""))
    from console.core.domain.enums import Band

    band_filter = timed(lambda: model.set_filter(QueueFilter(bands=frozenset({Band.RED, Band.BREACHED}))))[0]
    model.set_filter(QueueFilter())
    print(f"filter keystroke: max {ms(max(keystrokes))} ms over {len(keystrokes)} keystrokes; band filter {ms(band_filter)} ms")

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(WorkOrderTableModel.CUSTOMER)
    baseline_filter = max(timed(lambda t=typed[: n + 1]: proxy.setFilterFixedString(t))[0] for n in range(len(typed)))

    figures = {
        "bench": "queue_100k",
        "rows": rows,
        "first_screen_ms": ms(first_screen),
        "load_ms": ms(load), "load_ms_runs": [ms(w + g) for w, g in zip(workers, guis, strict=True)], "load_target_ms": 2000,
        "load_gui_thread_ms": ms(gui),
        "tick_ms_median": ms(statistics.median(tick_times)), "tick_ms_max": ms(max(tick_times)), "tick_target_ms": 5,
        "tick_every_visible_cell_changed_ms": ms(tick_worst),
        "tick_all_rows_baseline_ms": ms(baseline_tick),
        "tick_ratio_vs_all_rows": round(baseline_tick / statistics.median(tick_times), 1),
        "visible_cells_through_data_roles_ms": ms(data_roles),
        "sort_customer_ms": ms(sort_customer), "sort_urgency_ms": ms(sort_urgency), "sort_target_ms": 300,
        "filter_keystroke_ms_max": ms(max(keystrokes)), "filter_target_ms": 100,
        "band_filter_ms": ms(band_filter),
        "filter_proxy_baseline_ms_max": ms(baseline_filter),
        "filter_ratio_vs_proxy": round(baseline_filter / max(keystrokes), 1),
        "memory_mb_over_empty_window": round(loaded_rss - empty_rss), "memory_target_mb": 300,
    }
    print(json.dumps(figures, ensure_ascii=False))
    window.close()
    database.close()


if __name__ == "__main__":
    main()
