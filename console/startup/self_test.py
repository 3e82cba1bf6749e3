"""`dispatch-console --self-test`: the main window offscreen on a temporary demo database, built
by the same composition root as a desk, with every database statement on the GUI thread refused.
The settings are read from the real machine-wide and per-user places, and the outcome goes to the
per-user log too (a windowed Windows build has no console to print to)."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from console.core.demo.centre import DemoParameters
from console.paths import AppPaths

log = logging.getLogger("console")
SELF_TEST_DEMO = DemoParameters(customers=200, sites=400, technicians=20, open_orders=300, closed_orders=50)


def self_test(args: argparse.Namespace, load_settings, start_qt, build_window) -> int:
    from console.logs import setup_logging

    paths = AppPaths.for_this_user()
    setup_logging(paths.log_dir)
    settings, settings_problem = load_settings(paths)
    if settings_problem:
        return _failed(f"the settings cannot be used: {settings_problem}")
    log.info("self-test: settings read, central_url=%s", settings.central_url or "(none)")
    # The demo file is closed only once the window's background reads have ended (on Windows a file
    # still open cannot be removed), and the folder is removed without raising whatever is left:
    # Windows CPython 3.11's TemporaryDirectory recursed on a file still open there, and the windowed
    # build's unhandled-error dialog then waited for a click.
    tmp = tempfile.mkdtemp(prefix="dispatch-selftest-")
    try:
        return _run(args, settings.central_url, start_qt, build_window, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def _run(args: argparse.Namespace, central_url: str, start_qt, build_window, tmp: str) -> int:
    os.environ["DISPATCH_CONSOLE_HOME"] = tmp
    app, language = start_qt(args.language or "system", offscreen=True)
    from console.core.services.desk import seed_demo_centre
    from console.data_file import open_data_file
    from console.settings import Settings
    from console.startup.waiting import wait_for

    database, _created = wait_for(lambda: open_data_file(Path(tmp) / "selftest.sqlite"))
    try:
        wait_for(lambda: seed_demo_centre(database, SELF_TEST_DEMO))
        window = build_window(app, database, Settings(), language, AppPaths.for_this_user(), None,
                              map_tiles=None if args.no_web else ("", ""), strict=True)
        if window is None:
            return _failed("the desk user could not be found")
        try:
            return _check(app, window, args, central_url)
        finally:
            window.lift_database_guard()
            if not window.operations.background.wait(15_000):
                log.warning("self-test: background work still running after 15 s; the demo file is closed anyway")
    finally:
        database.close()


def _check(app, window, args: argparse.Namespace, central_url: str) -> int:
    window.resize(1440, 1000)
    window.show()
    window.refresh()
    if not _wait_for(app, lambda: window.model.rowCount() > 0):
        return _failed("the queue showed no orders")
    first = window.model.row_at(0)
    window.select_order(first.id)
    if not _wait_for(app, lambda: first.number in window.detail.toPlainText() and "<ol" in window.detail.toHtml()):  # (the deadline explained)
        return _failed("the detail panel did not show the selected order")
    map_note = "map skipped (--no-web)"
    if window.map is not None:
        if not _wait_for(app, lambda: window.map.is_ready and window.map._shown_sites):
            return _failed("the map page did not load its sites")
        _wait_for(app, lambda: False, seconds=1.5)  # let the page paint its markers
        map_note = f"map shows {len(window.map._shown_sites)} sites offline"
    if args.screenshot:
        window.grab().save(str(args.screenshot))
    report = (f"self-test passed: {window.model.rowCount()} open orders shown, detail of {first.number} shown, "
              f"{map_note}; central_url={central_url or '(none)'}")
    print(report)
    log.info("%s", report)
    window.close()
    return 0


def _failed(reason: str) -> int:
    print(f"self-test FAILED: {reason}", file=sys.stderr)
    log.error("self-test FAILED: %s", reason)
    return 1


def _wait_for(app, condition: Callable[[], bool], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False
