"""How long the demo centre takes to generate, at the desk's size and at benchmark scale.

Run: .venv/bin/python bench/demo_generation.py [--scale benchmark]
Prints one line per size, then one JSON line of figures. The desk size is what a new console
generates on its first start; the benchmark size (100,000 open orders, 300,000 sites) feeds the
queue and map benchmarks.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from console.core.demo.centre import DemoParameters, generate_demo
from console.data_file import open_data_file

SIZES = {
    "desk": DemoParameters(),
    "benchmark": DemoParameters(customers=30_000, sites=300_000, technicians=1_500, open_orders=100_000, closed_orders=20_000),
}


def measure(name: str, params: DemoParameters) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "demo.sqlite"
        database, _ = open_data_file(path)
        started = time.perf_counter()
        counts = generate_demo(database, params, datetime(2026, 11, 22, 2, 0, tzinfo=UTC))
        seconds = time.perf_counter() - started
        database.close()
        size_mb = path.stat().st_size / 1e6
    rows = sum(counts.values())
    print(f"{name}: {rows:,} rows in {seconds:.1f} s ({rows / seconds:,.0f} rows/s), file {size_mb:.0f} MB")
    return {f"{name}_seconds": round(seconds, 2), f"{name}_rows": rows, f"{name}_rows_per_s": round(rows / seconds), f"{name}_file_mb": round(size_mb)}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scale", choices=("desk", "benchmark", "both"), default="both")
    args = parser.parse_args()
    figures: dict[str, object] = {"bench": "demo_generation", "cpus": os.cpu_count()}
    for name, params in SIZES.items():
        if args.scale in (name, "both"):
            figures.update(measure(name, params))
    figures["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    figures["target_desk_seconds"] = "< 10 (first start of a console)"
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
