"""Any table of the desk to Excel, CSV or paper, as it is on screen: its shown columns in their
order under their titles, its rows as filtered and sorted. One `TableExports` per window (File ▸
Export… and Print… act on the table that has the focus); `attach` puts Export… and Print… in a
table's context menu.

Cell values: a model answers `EXPORT_ROLE` with a typed value (a number, an aware datetime) where
its text would lose one; otherwise the shown text is written, a desk time ("2026-12-05 14:30")
as a time. A model with many rows offers `export_rows(columns) -> RowSource`: its rows read in the
worker from the list it holds (the queue's 100,000), not cell by cell on the GUI thread. The file
itself is written in the worker (`console.table_files`), with progress and a cancel.
"""

from __future__ import annotations

import itertools
import re
import threading
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QModelIndex, QObject, QPoint, QStandardPaths, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDockWidget,
    QFileDialog,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QTableView,
    QTabWidget,
    QWidget,
)

from console.table_files import ExportError, ExportFailure, RowSource, TableFile, write_table
from console.ui.background import Background

EXPORT_ROLE = Qt.ItemDataRole.UserRole + 900
"""A cell's value for a file: a number, an aware datetime, or text; None: the shown text is used."""
TITLE_PROPERTY = "exportTitle"
READ_CHUNK = 2000  # rows read on the GUI thread per turn of the event loop (models without export_rows)
_DESK_TIME = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}")  # labels.local_time's format



def screen_columns(view: QTableView) -> list[int]:
    """The model's columns in the order shown, hidden ones left out."""
    header = view.horizontalHeader()
    logical = (header.logicalIndex(visual) for visual in range(header.count()))
    return [c for c in logical if c >= 0 and not header.isSectionHidden(c)]


def headers_of(view: QTableView, columns: list[int]) -> list[str]:
    model = view.model()
    return [str(model.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "") for c in columns]


def title_of(view: QWidget) -> str:
    """The title given to `attach`, else the dock's, tab's or window's that holds the table."""
    given = view.property(TITLE_PROPERTY)
    if given:
        return str(given)
    widget = view.parentWidget()
    while widget is not None:
        if isinstance(widget, QDockWidget):
            return widget.windowTitle()
        if isinstance(widget, QTabWidget):
            for index in range(widget.count()):
                page = widget.widget(index)
                if page is view or page.isAncestorOf(view):
                    return widget.tabText(index).replace("&", "")
        widget = widget.parentWidget()
    return view.window().windowTitle()


def cell_value(model: Any, index: QModelIndex, zone: ZoneInfo) -> Any:
    """What a file gets for one cell: EXPORT_ROLE's value, else the shown text (a desk time read as
    a time in the desk's zone); None for an empty cell."""
    value = model.data(index, EXPORT_ROLE)
    if value is None:
        value = model.data(index, Qt.ItemDataRole.DisplayRole)
        if isinstance(value, str) and len(value) == 16 and _DESK_TIME.fullmatch(value):
            try:
                return datetime.strptime(value, "%Y-%m-%d %H:%M").replace(tzinfo=zone)
            except ValueError:
                return value
    if isinstance(value, QDateTime):
        return value.toPython() if value.isValid() else None
    if isinstance(value, QDate):
        return value.toPython() if value.isValid() else None
    if value is None or value == "":
        return None
    return value if isinstance(value, int | float | datetime | date | str) else str(value)


def shown_rows(view: QTableView) -> list[int]:
    model = view.model()
    return [r for r in range(model.rowCount()) if not view.isRowHidden(r)]


class TableExports(QObject):
    """Export and print for the tables of one window, with the desk's zone, region and clock."""

    finished = Signal(object, int)
    """A file was written: (its path, how many rows)."""
    failed = Signal(object)
    """An export failed or was cancelled: the ExportError (its kind and path)."""
    progressed = Signal(object, int)
    """An export under way: (its path, rows written so far)."""

    def __init__(self, window: QWidget, zone: ZoneInfo, region: str, clock: Callable[[], datetime],
                 background: Background | None = None):
        super().__init__(window)
        self.setObjectName("tableExports")
        self._window, self.zone, self.region, self.clock = window, zone, region, clock
        self._background = background or Background(self)
        self.folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        self.running = 0
        self._jobs = itertools.count(1)
        self._under_way: dict[int, tuple[Path, QProgressDialog]] = {}
        self._relay = _Relay(self)
        self._relay.progress.connect(self._on_relay_progress)

    # --- which table ----------------------------------------------------------------------------

    def focused_table(self) -> QTableView | None:
        """The table with the keyboard focus (or holding it), else the window's queue."""
        widget = QApplication.focusWidget()
        while widget is not None and not isinstance(widget, QTableView):
            widget = widget.parentWidget()
        if widget is not None:
            return widget
        queue = getattr(getattr(self._window, "queue", None), "table", None)
        return queue if isinstance(queue, QTableView) else None

    def export_focused(self) -> None:
        view = self.focused_table()
        if view is not None:
            self.export(view)

    def print_focused(self, preview: bool = True) -> None:
        view = self.focused_table()
        if view is not None:
            self.print_table(view, preview)

    # --- files --------------------------------------------------------------------------------

    def export(self, view: QTableView) -> None:
        """Ask where, then write the table there (Excel or CSV as chosen)."""
        title = title_of(view)
        stamp = self.clock().astimezone(self.zone).strftime("%Y-%m-%d %H%M")
        name = re.sub(r'[\\/:*?"<>|]+', " ", f"{title} {stamp}").strip()
        excel = QCoreApplication.translate("TableExports", "Excel workbook (*.xlsx)")
        csv_filter = QCoreApplication.translate("TableExports", "CSV, UTF-8 (*.csv)")
        caption = QCoreApplication.translate("TableExports", "Export “%1”").replace("%1", title)
        path, chosen = QFileDialog.getSaveFileName(view.window(), caption,
                                                   str(Path(self.folder) / f"{name}.xlsx"), f"{excel};;{csv_filter}", excel)
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".xlsx", ".csv"):
            target = target.with_name(target.name + (".csv" if chosen == csv_filter else ".xlsx"))
        self.folder = str(target.parent)
        self.export_to(view, target)

    def export_to(self, view: QTableView, path: Path) -> None:
        """Write the table as it is now to `path` (.xlsx or .csv) in the background; `finished`
        or `failed` tells how it went (and a person is told too)."""
        columns = screen_columns(view)
        made_at, zone, model = self.clock(), self.zone, view.model()
        header = view.horizontalHeader()
        describe = lambda source: TableFile(  # noqa: E731 - (the rows come now or after reading)
            title=title_of(view), region=self.region, zone=zone, made_at=made_at, headers=headers_of(view, columns),
            source=source, widths=[header.sectionSize(c) for c in columns])
        self.running += 1  # (until written or failed: reading the rows first, where they are read here)
        fast = getattr(model, "export_rows", None)
        if callable(fast):
            self._write(view, path, describe(fast(columns)))
            return
        _GuiReader(view, columns, zone, lambda rows: self._write(view, path, describe(RowSource(len(rows), lambda: rows))),
                   self)

    def _write(self, view: QTableView, path: Path, table: TableFile) -> None:
        """The file written in the worker. What the worker holds is plain Python and the one relay
        that lives as long as this object: a Qt object (or a slot's owner) whose last reference
        went with the job would be torn down in the worker, where PySide deadlocks against the
        GUI thread (seen in tests: a progress dialog's cancel slot on a threading.Event)."""
        cancel, job = threading.Event(), next(self._jobs)
        label = QCoreApplication.translate("TableExports", "Exporting %1 rows to %2…")
        dialog = QProgressDialog(label.replace("%1", f"{table.source.count:,}").replace("%2", path.name),
                                 QCoreApplication.translate("TableExports", "Cancel"), 0, max(table.source.count, 1), view.window())
        dialog.setWindowTitle(QCoreApplication.translate("TableExports", "Export"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)  # the desk stays usable meanwhile
        dialog.setMinimumDuration(500)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(lambda: cancel.set())  # (a lambda: kept by the connection, gone with the dialog)
        self._under_way[job] = (path, dialog)
        emit = self._relay.progress.emit

        def done(count: int) -> None:
            self._end(job)
            self._say_done(view, path, count)
            self.finished.emit(path, count)

        def failed(error: Exception) -> None:
            self._end(job)
            if not isinstance(error, ExportError):
                error = ExportError(ExportFailure.FAILED, path, str(error))
            if error.kind is not ExportFailure.CANCELLED:
                QMessageBox.warning(view.window(), QCoreApplication.translate("TableExports", "Export"), failure_text(error))
            self.failed.emit(error)

        self._background.run(lambda: write_table(path, table, lambda rows: emit(job, rows), cancel.is_set), done, failed)

    def _on_relay_progress(self, job: int, rows: int) -> None:
        path, dialog = self._under_way.get(job, (None, None))
        if dialog is not None:
            dialog.setValue(rows)
            self.progressed.emit(path, rows)

    def _end(self, job: int) -> None:
        self.running -= 1
        _path, dialog = self._under_way.pop(job)
        dialog.hide()  # (not close(): that emits canceled)
        dialog.deleteLater()

    def _say_done(self, view: QTableView, path: Path, count: int) -> None:
        text = QCoreApplication.translate("TableExports", "%1 rows written to %2")
        text = text.replace("%1", f"{count:,}").replace("%2", str(path))
        window = view.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15000)
        elif isinstance(window.parentWidget(), QMainWindow):
            window.parentWidget().statusBar().showMessage(text, 15000)

    # --- paper --------------------------------------------------------------------------------

    def print_table(self, view: QTableView, preview: bool = True) -> None:
        """Qt's print preview (its Print button opens the print dialog) or the print dialog itself."""
        from console.ui.table_print import print_view  # (QtPrintSupport loads when someone prints)

        print_view(view, self, preview)


class _Relay(QObject):
    progress = Signal(int, int)
    """An export's rows written so far: (its job number, rows); emitted in the worker, delivered on the GUI thread."""


class _GuiReader(QObject):
    """A model without `export_rows` read on the GUI thread, READ_CHUNK rows a turn so the window
    keeps painting; read again from the start when the model changes meanwhile."""

    def __init__(self, view: QTableView, columns: list[int], zone: ZoneInfo, done: Callable[[list], None], parent: QObject):
        super().__init__(parent)
        self._view, self._columns, self._zone, self._done = view, columns, zone, done
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self._step)
        self._restarts = -1
        model = view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.connect(self._restart)
        self._restart()

    def _restart(self, *_args) -> None:
        self._rows = shown_rows(self._view)
        self._read: list[list] = []
        self._next = 0
        self._restarts += 1
        self._chunk = READ_CHUNK if self._restarts < 3 else max(len(self._rows), 1)  # (one that keeps changing: in one go)
        self._timer.start()

    def _step(self) -> None:
        model, columns, zone = self._view.model(), self._columns, self._zone
        upto = min(self._next + self._chunk, len(self._rows))
        for r in self._rows[self._next:upto]:
            self._read.append([cell_value(model, model.index(r, c), zone) for c in columns])
        self._next = upto
        if upto < len(self._rows):
            self._timer.start()
            return
        model = self._view.model()
        for signal in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved):
            signal.disconnect(self._restart)
        self.deleteLater()
        self._done(self._read)


def failure_text(error: ExportError) -> str:
    """An export's failure in words a person can act on."""
    name = str(error.path)
    match error.kind:
        case ExportFailure.IN_USE:
            return QCoreApplication.translate(
                "TableExports", "“%1” is open in another program (Excel?). Close it there and export again, or choose another name. "
                      "The file was not changed.").replace("%1", name)
        case ExportFailure.UNWRITABLE:
            return QCoreApplication.translate(
                "TableExports", "Cannot write “%1”: the folder is missing or read-only, or the name is not allowed. "
                      "Choose another folder or name. (%2)").replace("%1", name).replace("%2", error.detail)
        case ExportFailure.FULL:
            return QCoreApplication.translate(
                "TableExports", "The disk is full: “%1” was not written. Free some space or choose another disk.").replace("%1", name)
        case ExportFailure.CANCELLED:
            return QCoreApplication.translate("TableExports", "The export was cancelled; nothing was written.")
    text = QCoreApplication.translate("TableExports", "“%1” was not written: %2")
    return text.replace("%1", name).replace("%2", error.detail)


def attach(view: QAbstractItemView, title: str | None = None) -> None:
    """Export… and Print preview… in the table's context menu (a table without a menu of its own),
    and the title its files and pages carry."""
    if title:
        view.setProperty(TITLE_PROPERTY, title)
    if view.property("exportAttached"):
        return
    view.setProperty("exportAttached", True)
    if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(lambda position: _context_menu(view, position))


def menu_actions(view: QAbstractItemView, menu: QMenu) -> None:
    """Export… and Print preview… for `view`, added to `menu` (for a table whose owner builds its menu)."""
    exports = find_exports(view)
    if exports is None:
        return
    menu.addAction(QCoreApplication.translate("TableExports", "Export to Excel or CSV…"), lambda: exports.export(view))
    menu.addAction(QCoreApplication.translate("TableExports", "Print preview…"),
                   lambda: exports.print_table(view, preview=True))


def _context_menu(view: QAbstractItemView, position: QPoint) -> None:
    menu = QMenu(view)
    menu_actions(view, menu)
    if not menu.isEmpty():
        menu.exec(view.viewport().mapToGlobal(position))
    menu.deleteLater()


def find_exports(widget: QWidget) -> TableExports | None:
    """The TableExports of the window holding `widget` (a dialog's: its parent window's)."""
    while widget is not None:
        found = widget.findChild(TableExports, "tableExports", Qt.FindChildOption.FindDirectChildrenOnly)
        if found is not None:
            return found
        widget = widget.parentWidget()
    return None


def attach_all(window: QWidget) -> None:
    """Every table of `window` without a menu of its own gets Export… and Print… in one (the field
    view's lists, the history's results: tables other parts of the desk add)."""
    for view in window.findChildren(QTableView):
        if view.contextMenuPolicy() == Qt.ContextMenuPolicy.DefaultContextMenu:
            attach(view)


def install(window: Any) -> TableExports:
    """The window's exports (the desk's zone, region and clock), the queue's title, and Export… and
    Print… for every table the window holds once it is built."""
    user = window._user  # (the desk user: its region names the printouts)
    region = (user.region_en if window._english else user.region) or QCoreApplication.translate("MainWindow", "all regions")
    exports = TableExports(window, window.model.zone, region, window.model.clock, window.operations.background)
    attach(window.queue.table, QCoreApplication.translate("TableExports", "Work-order queue"))
    # (after the docks and pages added after the menus; not once the window is gone)
    QTimer.singleShot(0, exports, lambda: attach_all(window))
    return exports


def file_actions(window: QWidget, exports: TableExports) -> list[QAction]:
    """File ▸ Export…, Print preview…, Print…: on the table with the focus (else the queue)."""
    export = QAction(QCoreApplication.translate("TableExports", "&Export table…"), window, shortcut=QKeySequence("Ctrl+E"))
    export.setToolTip(QCoreApplication.translate("TableExports",
                                                 "The table you are in, as shown (columns, filter, sort), to Excel or CSV"))
    export.triggered.connect(exports.export_focused)
    preview = QAction(QCoreApplication.translate("TableExports", "Print pre&view…"), window)
    preview.triggered.connect(lambda: exports.print_focused(preview=True))
    print_ = QAction(QCoreApplication.translate("TableExports", "&Print table…"), window)
    print_.triggered.connect(lambda: exports.print_focused(preview=False))
    return [export, preview, print_]
