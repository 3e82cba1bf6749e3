"""`dispatch-console demo-data OUT.sqlite`: a demo centre written to a new data file, whole or not at all."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from console.core.demo.centre import LIMITS, DemoParameterError, DemoParameters
from console.core.services.desk import seed_demo_centre
from console.data_file import DataFileError, open_data_file


def add_arguments(commands) -> None:
    demo = commands.add_parser("demo-data", help="write a demo centre to a new data file")
    demo.add_argument("output", type=Path, help="the data file to create (must not exist)")
    demo.add_argument("--replace", action="store_true", help="replace the file if it exists")
    defaults = DemoParameters()
    for name in LIMITS:
        demo.add_argument(f"--{name.replace('_', '-')}", type=int, default=getattr(defaults, name),
                          help=f"{LIMITS[name][0]:,} to {LIMITS[name][1]:,} (default {getattr(defaults, name):,})")


def write_demo(args: argparse.Namespace) -> int:
    try:
        params = DemoParameters(**{name: getattr(args, name) for name in LIMITS})
    except DemoParameterError as exc:
        print(f"dispatch-console demo-data: {exc}", file=sys.stderr)
        return 2
    out: Path = args.output
    if out.exists() and not args.replace:
        print(f"dispatch-console demo-data: {out} already exists; choose another name or pass --replace", file=sys.stderr)
        return 2
    # Build beside the target and move into place only when complete: an error never leaves half a file.
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".demo-", dir=out.parent))
    try:
        database, _created = open_data_file(work / out.name)
        started = time.perf_counter()
        seed_demo_centre(database, params)
        database.close()
        for suffix in ("-wal", "-shm", ".lock"):
            (work / (out.name + suffix)).unlink(missing_ok=True)
        os.replace(work / out.name, out)
    except DataFileError as exc:
        print(f"dispatch-console demo-data: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"wrote a demo centre to {out} in {time.perf_counter() - started:.1f} s "
          f"({params.customers:,} customers, {params.sites:,} sites, {params.open_orders:,} open orders)")
    return 0
