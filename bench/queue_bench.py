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
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSortFilterProxyModel, Qt  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from console.core.domain.enums import Band  # noqa: E402
from console.core.services.desk import DeskReader  # noqa: E402
from console.core.services.queue_filter import QueueFilter  # noqa: E402
from console.core.store.database import Database  # noqa: E402
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


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-file", type=Path, default=None)
    return parser.parse_args()


@dataclass
class Desk:
    """The window over the benchmark centre, as the desk opens it, at a fixed `now`."""

    app: QApplication
    database: Database
    reader: DeskReader
    window: MainWindow
    now: datetime
    empty_rss: float  # MB, the window shown with no rows


def open_desk(path: Path) -> Desk:
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
    return Desk(app, database, reader, window, now, rss_mb())


@dataclass
class Load:
    first_screen: float
    workers: list[float]
    guis: list[float]
    rows: int
    memory_mb: float  # over the empty window

    @property
    def runs(self) -> list[float]:
        return [w + g for w, g in zip(self.workers, self.guis, strict=True)]


def measure_load(d: Desk) -> Load:
    """The first screen and the whole queue (worker, then GUI thread), and the memory it takes."""
    app, window, reader, now = d.app, d.window, d.reader, d.now
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
    loaded = Load(statistics.median(first_screens), workers, guis, window.model.rowCount(), rss_mb() - d.empty_rss)
    print(f"first screen (1,000 most urgent) {ms(loaded.first_screen)} ms")
    print(f"whole queue: {ms(statistics.median(workers))} ms in the worker (query, sort, bands) + "
          f"{ms(statistics.median(guis))} ms on the GUI thread")
    print(f"rows: {loaded.rows:,}; load {ms(statistics.median(loaded.runs))} ms; memory +{loaded.memory_mb:.0f} MB over an empty window")
    return loaded


@dataclass
class Ticks:
    times: list[float]
    every_visible_cell: float
    all_rows_baseline: float
    through_data_roles: float


def measure_ticks(d: Desk) -> Ticks:
    """The second's tick over the visible rows, and its baselines: every row repainted, the cells through data()."""
    app, panel, model, table = d.app, d.window.queue, d.window.model, d.window.queue.table
    clock_now = [d.now]
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
    return Ticks(tick_times, tick_worst, baseline_tick, data_roles)


def measure_sort(d: Desk) -> tuple[float, float]:
    """(by customer, back to urgency)"""
    model = d.window.model
    sort_customer = timed(lambda: model.sort(model.CUSTOMER, Qt.SortOrder.AscendingOrder))[0]
    sort_urgency = timed(lambda: model.sort(model.TIME_LEFT, Qt.SortOrder.AscendingOrder))[0]
    print(f"sort by customer {ms(sort_customer)} ms, back to urgency {ms(sort_urgency)} ms")
    return sort_customer, sort_urgency


@dataclass
class Filters:
    keystrokes: list[float]
    band_filter: float
    proxy_baseline: float  # the slowest keystroke through QSortFilterProxyModel


def measure_filters(d: Desk) -> Filters:
    """A customer typed into the search, a band filter, and the same typing through a proxy model."""
    panel, model = d.window.queue, d.window.model
    typed = "上海华信"
    keystrokes = [timed(lambda t=typed[: n + 1]: panel.filter_bar.search.setText(t))[0] for n in range(len(typed))]
    keystrokes += timed(lambda: panel.filter_bar.search.setText(""))
    band_filter = timed(lambda: model.set_filter(QueueFilter(bands=frozenset({Band.RED, Band.BREACHED}))))[0]
    model.set_filter(QueueFilter())
    print(f"filter keystroke: max {ms(max(keystrokes))} ms over {len(keystrokes)} keystrokes; band filter {ms(band_filter)} ms")

    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(WorkOrderTableModel.CUSTOMER)
    baseline_filter = max(timed(lambda t=typed[: n + 1]: proxy.setFilterFixedString(t))[0] for n in range(len(typed)))
    return Filters(keystrokes, band_filter, baseline_filter)


def figures_json(load: Load, ticks: Ticks, sort: tuple[float, float], filters: Filters) -> dict:
    """The figures, with the target beside them, as the JSON line prints them."""
    tick_median = statistics.median(ticks.times)
    sort_customer, sort_urgency = sort
    return {
        "bench": "queue_100k",
        "rows": load.rows,
        "first_screen_ms": ms(load.first_screen),
        "load_ms": ms(statistics.median(load.runs)), "load_ms_runs": [ms(r) for r in load.runs], "load_target_ms": 2000,
        "load_gui_thread_ms": ms(statistics.median(load.guis)),
        "tick_ms_median": ms(tick_median), "tick_ms_max": ms(max(ticks.times)), "tick_target_ms": 5,
        "tick_every_visible_cell_changed_ms": ms(ticks.every_visible_cell),
        "tick_all_rows_baseline_ms": ms(ticks.all_rows_baseline),
        "tick_ratio_vs_all_rows": round(ticks.all_rows_baseline / tick_median, 1),
        "visible_cells_through_data_roles_ms": ms(ticks.through_data_roles),
        "sort_customer_ms": ms(sort_customer), "sort_urgency_ms": ms(sort_urgency), "sort_target_ms": 300,
        "filter_keystroke_ms_max": ms(max(filters.keystrokes)), "filter_target_ms": 100,
        "band_filter_ms": ms(filters.band_filter),
        "filter_proxy_baseline_ms_max": ms(filters.proxy_baseline),
        "filter_ratio_vs_proxy": round(filters.proxy_baseline / max(filters.keystrokes), 1),
        "memory_mb_over_empty_window": round(load.memory_mb), "memory_target_mb": 300,
    }


def main() -> None:
    args = parse_args()
    path = ensure_centre(args.data_file or CACHE)
    desk = open_desk(path)
    load = measure_load(desk)
    ticks = measure_ticks(desk)
    sort = measure_sort(desk)
    filters = measure_filters(desk)
    print(json.dumps(figures_json(load, ticks, sort, filters), ensure_ascii=False))
    desk.window.close()
    desk.database.close()

if __name__ == "__main__":
    main()
