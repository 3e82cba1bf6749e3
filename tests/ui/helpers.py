"""Building the queue's widgets on a demo database with a clock the test controls."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.core.services.desk import DeskReader
from console.ui.main_window import MainWindow
from console.ui.work_order_table_model import WorkOrderTableModel
from tests.fixtures.demo import DEMO_NOW

SH = ZoneInfo("Asia/Shanghai")


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime = DEMO_NOW):
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def make_model(demo_db, clock: FakeClock | None = None, english: bool = True) -> WorkOrderTableModel:
    reader = DeskReader(demo_db)
    book, calendar = reader.rules()
    model = WorkOrderTableModel(SH, calendar, book.parameters, clock or FakeClock(), english)
    model.set_rows(reader.queue())
    return model


def open_window(qtbot, demo_db, tmp_path: Path, username=None, english=False, clock: FakeClock | None = None,
                map_tiles: tuple[str, str] | None = None) -> MainWindow:
    reader = DeskReader(demo_db)
    window = MainWindow(reader, reader.user(username), SH, english=english, data_file="desk.sqlite", log_dir=".",
                        views_file=tmp_path / "views.json", clock=clock or FakeClock(), map_tiles=map_tiles)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    qtbot.waitUntil(lambda: window._complete and window.model.rowCount() > 0, timeout=10_000)
    return window
