"""Tables to Excel and CSV as they are on screen: the shown columns in their order under their
titles (a hidden one left out, a moved one where it was moved), the rows as filtered and sorted;
numbers and times typed; written in the worker while the window goes on; a refused path said in
words and nothing written. The queue, the alerts, the optimiser's proposal, the conflicts, and any
table of the window."""

from __future__ import annotations

import csv
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import openpyxl
from PySide6.QtCore import QDate, Qt, QTimer
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QTableView, QTableWidget, QTableWidgetItem

from console.core.domain.enums import Band, OrderKind
from console.core.services.queue_filter import QueueFilter
from console.sync.conflicts import ConflictRow, Conflicts
from console.table_files import ExportFailure
from console.ui import table_export
from console.ui.conflicts_dialog import ConflictsDialog
from console.ui.table_export import EXPORT_ROLE, TableExports, find_exports, screen_columns
from tests.fixtures.demo import DEMO_NOW
from tests.ui.helpers import SH, FakeClock, open_window


def _local(instant: datetime | None) -> datetime | None:
    return instant.astimezone(SH).replace(tzinfo=None) if instant is not None else None


def _close_enough(a: datetime | None, b: datetime | None) -> bool:
    return a is None and b is None or a is not None and b is not None and abs(a - b) < timedelta(seconds=1)


def _export(qtbot, exports: TableExports, view: QTableView, path: Path) -> None:
    with qtbot.waitSignal(exports.finished, timeout=60_000) as done:
        exports.export_to(view, path)
        assert exports.running == 1  # (written in the worker: the window goes on meanwhile)
    assert done.args[0] == path


def _arrange_queue(window) -> list[int]:
    """Level hidden, Due moved first, faults only, by customer descending: the columns shown."""
    table, model = window.queue.table, window.model
    header = table.horizontalHeader()
    header.setSectionHidden(model.LEVEL, True)
    header.moveSection(header.visualIndex(model.DUE), 0)
    window.queue.filter_bar.filter_changed.emit(QueueFilter(kinds=frozenset({OrderKind.FAULT})))
    table.sortByColumn(model.CUSTOMER, Qt.SortOrder.DescendingOrder)
    columns = screen_columns(table)
    assert columns[0] == model.DUE and model.LEVEL not in columns and len(columns) == model.COLUMN_COUNT - 1
    assert 0 < model.rowCount() < len(model.all_rows())
    return columns


def test_the_queue_goes_to_excel_as_shown_with_numbers_and_times_typed(qtbot, demo_db, tmp_path) -> None:
    clock = FakeClock()
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock)
    model = window.model
    columns = _arrange_queue(window)
    path = tmp_path / "queue.xlsx"
    _export(qtbot, window.table_exports, window.queue.table, path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Work-order queue"
    assert [c.value for c in sheet[1]] == [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == model.rowCount()
    customers = [values[columns.index(model.CUSTOMER)] for values in rows]
    assert customers == sorted(customers, reverse=True)
    for r, values in enumerate(rows):
        row = model.row_at(r)
        for column, value in zip(columns, values, strict=True):
            if column == model.DUE:
                assert _close_enough(value, _local(row.due_at))
            elif column == model.RECEIVED:
                assert _close_enough(value, _local(row.received_at))
            elif column == model.TIME_LEFT:  # hours left at the export's moment, a number
                assert isinstance(value, int | float) and value == round(model.time_left(row, clock.now).total_seconds() / 3600, 2)
            elif column == model.BAND:
                assert value == model.index(r, column).data() and value in ("Green", "Amber", "Red", "Breached")
            else:
                assert value == (model.index(r, column).data() or None), (r, column)
    overdue = [values for r, values in enumerate(rows) if model.band(model.row_at(r), clock.now) is Band.BREACHED]
    assert all(values[columns.index(model.TIME_LEFT)] < 0 for values in overdue)


def test_the_queue_goes_to_csv_as_shown_with_iso_times(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=False)
    model = window.model
    columns = _arrange_queue(window)
    path = tmp_path / "队列.csv"
    _export(qtbot, window.table_exports, window.queue.table, path)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == [model.headerData(c, Qt.Orientation.Horizontal) for c in columns]
    assert len(lines) == model.rowCount() + 1
    for r in (0, model.rowCount() - 1):
        row, line = model.row_at(r), lines[r + 1]
        assert line[0] == row.due_at.astimezone(SH).isoformat(timespec="seconds") and line[0].endswith("+08:00")
        assert line[columns.index(model.CUSTOMER)] == row.customer and line[columns.index(model.NUMBER)] == row.number
        assert line[columns.index(model.DISTRICT)] == row.district  # (the Chinese name at a Chinese desk)


def test_a_refused_path_is_said_in_words_and_nothing_is_written(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    said: list[str] = []

    def read_and_close() -> None:
        box = next((w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()), None)
        if box is None:
            QTimer.singleShot(50, read_and_close)
            return
        said.append(box.text())
        box.accept()

    QTimer.singleShot(0, read_and_close)
    target = tmp_path / "no such folder" / "queue.xlsx"
    with qtbot.waitSignal(window.table_exports.failed, timeout=30_000) as failed:
        window.table_exports.export_to(window.queue.table, target)
    assert failed.args[0].kind is ExportFailure.UNWRITABLE
    qtbot.waitUntil(lambda: bool(said), timeout=5000)
    assert "Cannot write" in said[0] and str(target) in said[0]
    assert not target.parent.exists()


def test_a_table_without_export_rows_is_read_in_chunks_with_hidden_moved_and_sorted_columns(qtbot, tmp_path) -> None:
    """A QTableWidget (as the conflicts list and the proposal are): typed values from EXPORT_ROLE,
    a desk time in text read as a time, progress while 4,500 rows are written."""
    table = QTableWidget(4500, 4)
    qtbot.addWidget(table)
    table.setHorizontalHeaderLabels(["客户", "Count", "When", "Shown time"])
    start = datetime(2026, 12, 5, 1, 0, tzinfo=UTC)
    for r in range(4500):
        when = QTableWidgetItem(f"{r}")
        when.setData(EXPORT_ROLE, start + timedelta(minutes=r))
        count = QTableWidgetItem()
        count.setData(Qt.ItemDataRole.DisplayRole, r % 7)
        for c, item in enumerate((QTableWidgetItem(f"上海客户{r:05d}"), count, when, QTableWidgetItem("2026-12-05 14:30"))):
            table.setItem(r, c, item)
    table.setSortingEnabled(True)
    table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    table.horizontalHeader().setSectionHidden(3, True)
    table.horizontalHeader().moveSection(2, 0)  # When, 客户, Count
    exports = TableExports(table, SH, "浦东", FakeClock())
    progress: list[int] = []
    exports.progressed.connect(lambda _path, rows: progress.append(rows))
    path = tmp_path / "list.xlsx"
    with qtbot.waitSignal(exports.finished, timeout=60_000):
        exports.export_to(table, path)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == ["When", "客户", "Count"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert rows[0] == (datetime(2026, 12, 5, 9, 0) + timedelta(minutes=4499), "上海客户04499", 4499 % 7)
    assert rows[-1] == (datetime(2026, 12, 5, 9, 0), "上海客户00000", 0)
    assert progress == [2000, 4000]
    table.horizontalHeader().setSectionHidden(3, False)
    table.horizontalHeader().setSectionHidden(1, True)
    with qtbot.waitSignal(exports.finished, timeout=60_000):
        exports.export_to(table, path)
    assert next(openpyxl.load_workbook(path).active.iter_rows(min_row=2, max_row=2, values_only=True))[-1] == datetime(2026, 12, 5, 14, 30)


def test_the_alerts_go_out_with_their_whole_times(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    window.alerts_dock.show()
    panel = window.alerts
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    assert panel.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    path = tmp_path / "alerts.csv"
    _export(qtbot, window.table_exports, panel.table, path)
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines[0] == ["Alert", "Order no.", "Since", "Customer", "Detail", "Acknowledged"]
    assert len(lines) == panel.model.rowCount() + 1
    since = panel.model.index(0, panel.SINCE).data(EXPORT_ROLE)
    assert lines[1][1] == panel.model.index(0, panel.NUMBER).data()
    assert lines[1][2] == since.astimezone(SH).isoformat(timespec="seconds")


def test_the_conflicts_list_of_a_dialog_uses_its_windows_exports(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    user = window._user
    dialog = ConflictsDialog(Conflicts(demo_db, user, window.model.clock), window.operations, SH, window)
    qtbot.waitUntil(lambda: window.operations.running == 0, timeout=5000)  # (its own read of the file: none open)
    saved = datetime(2026, 11, 22, 1, 30, 15, tzinfo=UTC)
    dialog._show([ConflictRow(uuid.uuid4(), saved, saved + timedelta(minutes=2), "order.assigned", "changed elsewhere", "contested",
                              {"table": "work_orders", "columns": ["assignee_id"]}, None, "FT20261122000001", ())])
    assert find_exports(dialog.list) is window.table_exports
    path = tmp_path / "conflicts.xlsx"
    _export(qtbot, window.table_exports, dialog.list, path)
    sheet = openpyxl.load_workbook(path).active
    assert [c.value for c in sheet[1]] == ["Saved", "Refused", "Order", "Change", "Why"]
    first = [c.value for c in sheet[2]]
    assert first[:3] == [datetime(2026, 11, 22, 9, 30, 15), datetime(2026, 11, 22, 9, 32, 15), "FT20261122000001"]
    assert first[4] == dialog.list.item(0, 4).text()
    dialog.deleteLater()


def test_every_table_of_the_window_gets_export_and_print_and_the_file_menu_acts_on_the_focused_one(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    qtbot.waitUntil(lambda: all(v.property("exportAttached") or v.contextMenuPolicy() != Qt.ContextMenuPolicy.DefaultContextMenu
                                for v in window.findChildren(QTableView)), timeout=5000)
    history = window.history.table
    assert history.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu and table_export.title_of(history) == "History"
    menu = QMenu()
    table_export.menu_actions(window.queue.table, menu)
    assert [a.text() for a in menu.actions()] == ["Export to Excel or CSV…", "Print preview…"]
    file_menu = window.menuBar().actions()[0].menu()
    assert {"&Export table…", "Print pre&view…", "&Print table…"} <= {a.text() for a in file_menu.actions()}
    window.alerts_dock.show()
    window.alerts.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.alerts.table, timeout=5000)
    assert window.table_exports.focused_table() is window.alerts.table
    window.detail.setFocus()
    assert window.table_exports.focused_table() is window.queue.table  # (not in a table: the queue)


def test_the_optimisers_proposal_goes_out_with_its_due_times(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, username="admin", english=True, clock=FakeClock(DEMO_NOW))
    window.optimise_action.trigger()
    dialog = window.optimiser_dialog
    qtbot.waitUntil(lambda: dialog.region.count() > 0, timeout=10_000)
    dialog.first_day.setDate(QDate(2026, 11, 23))
    dialog.seconds.setValue(5)
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=60_000)
    table = dialog.table
    assert find_exports(table) is window.table_exports and table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu
    assert table.rowCount() > 0
    path = tmp_path / "proposal.xlsx"
    _export(qtbot, window.table_exports, table, path)
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == "Optimiser's proposal"
    assert [c.value for c in sheet[1]] == [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert len(rows) == table.rowCount()
    for r, values in enumerate(rows):
        line = dialog.proposal.line(table.item(r, 0).data(Qt.ItemDataRole.UserRole))
        assert values[0] == table.item(r, 0).text() and values[1] == (table.item(r, 1).text() or None)
        assert _close_enough(values[7], _local(line.due_at))
