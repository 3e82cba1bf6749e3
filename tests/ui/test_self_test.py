"""The self-test in this process: its demo file is closed only after the window's background work
has ended, and its temporary folder is gone afterwards (on Windows a file still open cannot be
removed: the MSI test's self-test once waited on an error dialog for that)."""

from __future__ import annotations

import argparse
import tempfile
import time

from console.app import build_window, load_settings_for
from console.startup.self_test import self_test


def test_the_demo_file_is_closed_after_the_background_work_and_its_folder_removed(qapp, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("DISPATCH_CONSOLE_HOME", str(tmp_path / "home"))
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "temp"))
    (tmp_path / "temp").mkdir()
    events: list[str] = []

    def a_slow_read(database) -> None:  # a read still running as the window closes
        time.sleep(0.5)
        with database.engine.connect() as connection:
            connection.exec_driver_sql("SELECT count(*) FROM work_orders")
        events.append("read ended")

    def building(app, database, *args, **kwargs):
        window = build_window(app, database, *args, **kwargs)
        closing, closing_database = window.close, database.close

        def close() -> bool:
            window.operations.background.run(lambda: a_slow_read(database), lambda _: None)
            return closing()

        def close_database() -> None:
            events.append("database closed")
            closing_database()

        window.close, database.close = close, close_database
        return window

    args = argparse.Namespace(language=None, no_web=True, screenshot=None)
    assert self_test(args, load_settings_for, lambda _language, offscreen: (qapp, "en"), building) == 0

    assert events == ["read ended", "database closed"]
    assert list((tmp_path / "temp").iterdir()) == []
