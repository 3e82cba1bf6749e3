"""A rule change over the 100,000-open-order benchmark centre: how long the open orders' cached
deadlines take to recompute, and what the desk's GUI thread feels meanwhile.

Run: .venv/bin/python bench/rules_recompute_bench.py [--data-file PATH] [--chunk N]
Without --data-file it copies the queue bench's centre (bench/.cache/queue-100k.sqlite, written once
by bench/queue_bench.py's generator) to a temporary file first, so the shared cache is never
changed. The change recomputed is the widest one: a band threshold, which moves every open order.

Measured in the same run:
- baseline: what `rules.set_limit` did before (and the centre's push still does after a rule
  change): `refresh_sla` over every affected order in one transaction;
- the desk now: `deadlines.recompute_chunk` chunk by chunk, each chunk its own unit of work (the
  file's write lock held for one chunk at most), run as the desk runs it (`DeadlineRecompute`, one
  background job per chunk, the collector settled as the console settles it) while a 10 ms timer on
  the GUI thread records its longest wait.
Prints one line per figure, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from PySide6.QtCore import QElapsedTimer, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QStatusBar  # noqa: E402
from sqlalchemy import func, select  # noqa: E402

from bench.queue_bench import CACHE  # noqa: E402
from console.core import gc_pause  # noqa: E402
from console.core.services.deadlines import CHUNK, Affected, read_affected, recompute_chunk  # noqa: E402
from console.core.store.models import WorkOrder  # noqa: E402
from console.core.store.rules import load_calendar, load_rulebook  # noqa: E402
from console.core.store.sla_cache import refresh_sla  # noqa: E402
from console.data_file import open_data_file  # noqa: E402
from console.ui.deadline_recompute import DeadlineRecompute  # noqa: E402
from console.ui.operations import ChangeBus, Operations  # noqa: E402


def seconds(value: float) -> float:
    return round(value, 2)


def baseline(database, ids, now) -> float:
    """Today's centre path (and the old desk path): one transaction over every affected order."""
    started = time.perf_counter()
    with database.unit_of_work() as session:
        refresh_sla(session, ids, load_rulebook(session), load_calendar(session), now)
    return time.perf_counter() - started


def chunked(database, ids, now, chunk: int) -> tuple[float, float]:
    """The desk's recomputation without Qt: total, and the longest chunk (the write lock's longest hold)."""
    longest, started = 0.0, time.perf_counter()
    for start in range(0, len(ids), chunk):
        begun = time.perf_counter()
        recompute_chunk(database, ids[start:start + chunk], lambda: now)
        longest = max(longest, time.perf_counter() - begun)
    return time.perf_counter() - started, longest


def as_the_desk_runs_it(app: QApplication, database, now, chunk: int) -> tuple[float, float]:
    """DeadlineRecompute with a status bar, a 10 ms GUI timer watching: total, the GUI thread's longest wait."""
    operations = Operations(ChangeBus())
    bar = QStatusBar()
    recompute = DeadlineRecompute(database, lambda: now, operations, bar, chunk=chunk)
    gaps, clock = [0], QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def beat() -> None:
        gaps.append(clock.elapsed() - last[0])
        last[0] = clock.elapsed()

    timer = QTimer(interval=10)
    timer.timeout.connect(beat)
    timer.start()
    done = []
    recompute.finished.connect(done.append)
    started = time.perf_counter()
    recompute.start(Affected())
    while not done:
        app.processEvents()
        time.sleep(0.001)
    total = time.perf_counter() - started
    timer.stop()
    return total, (max(gaps) - 10) / 1000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-file", type=Path, default=None)
    parser.add_argument("--chunk", type=int, default=CHUNK)
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_TMP", "/tmp")) as folder:
        path = args.data_file
        if path is None:
            if not CACHE.exists():
                sys.exit(f"{CACHE} is missing: run bench/queue_bench.py once to write it")
            path = Path(folder) / "rules-bench.sqlite"
            shutil.copy(CACHE, path)
        database, _ = open_data_file(path)
        with database.reading() as session:
            now = session.scalar(select(func.max(WorkOrder.received_at))) or datetime.now(UTC)
        ids = read_affected(database, Affected())
        print(f"open orders a band threshold moves: {len(ids):,}")
        gc_pause.settle()  # as the console does once its window is built (console/app.py)
        base = [baseline(database, ids, now) for _ in range(2)]
        print(f"baseline, one transaction (refresh_sla): {seconds(statistics.median(base))} s")
        runs = [chunked(database, ids, now, args.chunk) for _ in range(2)]
        total = statistics.median(r[0] for r in runs)
        longest = max(r[1] for r in runs)
        print(f"desk, chunks of {args.chunk:,} in their own units of work: {seconds(total)} s "
              f"(longest chunk, the write lock's longest hold: {round(longest * 1000)} ms); "
              f"ratio to the baseline: {round(total / statistics.median(base), 2)}")
        desk_total, gui_wait = as_the_desk_runs_it(app, database, now, args.chunk)
        print(f"desk as it runs it (DeadlineRecompute, background jobs, status-bar progress): {seconds(desk_total)} s, "
              f"the GUI thread's longest wait {round(gui_wait * 1000)} ms")
        database.close()
        print(json.dumps({"orders": len(ids), "baseline_s": seconds(statistics.median(base)), "chunked_s": seconds(total),
                          "longest_chunk_ms": round(longest * 1000), "desk_s": seconds(desk_total),
                          "gui_longest_wait_ms": round(gui_wait * 1000), "chunk": args.chunk}))


if __name__ == "__main__":
    main()
