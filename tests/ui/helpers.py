"""Building the queue's widgets on a demo database with a clock the test controls."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from console.core.services.desk import DeskReader
from console.desk import DeskServices
from console.ui.main_window import MainWindow
from console.ui.operations import ChangeBus, Operations
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


def desk_window(database, user, clock, *, english: bool, views_file: Path, data_file: str = "desk.sqlite",
                map_tiles: tuple[str, str] | None = None) -> MainWindow:
    """The main window as the composition root builds it: services once, rules read first, one bus."""
    desk = DeskServices.build(database, user, clock)
    return MainWindow(desk, desk.read_rules(), Operations(ChangeBus()), SH, english=english, data_file=data_file, log_dir=".",
                      views_file=views_file, map_tiles=map_tiles)


def open_window(qtbot, demo_db, tmp_path: Path, username=None, english=False, clock: FakeClock | None = None,
                map_tiles: tuple[str, str] | None = None) -> MainWindow:
    window = desk_window(demo_db, DeskReader(demo_db).user(username), clock or FakeClock(), english=english,
                         views_file=tmp_path / "views.json", map_tiles=map_tiles)
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    qtbot.waitUntil(lambda: window._complete and window.model.rowCount() > 0, timeout=10_000)
    return window
