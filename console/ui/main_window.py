"""The desk's main window: the work-order queue, the selected order's detail, menus, status bar."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelection, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console import __version__
from console.services.desk import DeskReader
from console.store.rows import DeskUser, OrderDetail, QueueRow
from console.ui import labels
from console.ui.background import Background
from console.ui.order_detail_panel import OrderDetailPanel
from console.ui.work_order_table_model import WorkOrderTableModel


class WorkOrderTable(QTableView):
    """The queue's view: whole-row selection, sortable headers, no per-cell editing."""

    def __init__(self, model: WorkOrderTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.sortByColumn(WorkOrderTableModel.DUE, Qt.SortOrder.AscendingOrder)
        self.setWordWrap(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self._fitted = False

    def fit_columns_once(self) -> None:
        """Size columns to the header and the visible rows the first time there are rows."""
        if self._fitted or self.model().rowCount() == 0:
            return
        self._fitted = True
        self.resizeColumnsToContents()
        cap = self.fontMetrics().horizontalAdvance("M") * 16
        for column in range(self.model().columnCount()):
            self.setColumnWidth(column, min(self.columnWidth(column) + 8, cap))


class MainWindow(QMainWindow):
    settings_requested = Signal()
    """The user asked for the settings dialog."""

    def __init__(self, reader: DeskReader, user: DeskUser, zone: ZoneInfo, *, english: bool, data_file: str,
                 log_dir: str, background: Background | None = None):
        super().__init__()
        self._reader = reader
        self._user = user
        self._zone = zone
        self._english = english
        self._background = background or Background(self)
        self._shown_order: uuid.UUID | None = None
        self.setWindowTitle(self.tr("Dispatch Console"))
        self.resize(1440, 860)

        self.model = WorkOrderTableModel(zone, english, self)
        self.table = WorkOrderTable(self.model)
        self.detail = OrderDetailPanel(zone, english)
        self.queue_title = QLabel()
        self.queue_title.setObjectName("queueTitle")
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addWidget(self.queue_title)
        layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([1060, 380])
        self.setCentralWidget(self.splitter)

        self._build_menus(log_dir)
        self._build_status_bar(data_file)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self._set_queue_title(None)

    # --- building -----------------------------------------------------------------------------

    def _build_menus(self, log_dir: str) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.refresh_action = QAction(self.tr("&Refresh"), self, shortcut=QKeySequence.StandardKey.Refresh)
        self.refresh_action.triggered.connect(self.refresh)
        settings_action = QAction(self.tr("&Settings…"), self)
        settings_action.triggered.connect(self.settings_requested)
        logs_action = QAction(self.tr("Open &log folder"), self)
        logs_action.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(log_dir)))
        quit_action = QAction(self.tr("&Quit"), self, shortcut=QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        for action in (self.refresh_action, settings_action, logs_action):
            file_menu.addAction(action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.detail_action = QAction(self.tr("Order &details"), self, checkable=True, checked=True)
        self.detail_action.toggled.connect(self.detail.setVisible)
        view_menu.addAction(self.detail_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about_action = QAction(self.tr("&About Dispatch Console"), self)
        about_action.triggered.connect(self._on_about_triggered)
        help_menu.addAction(about_action)

    def _build_status_bar(self, data_file: str) -> None:
        bar = self.statusBar()
        role = labels.name(self._user.role)
        region = (self._user.region_en if self._english else self._user.region) or self.tr("all regions")
        self.user_label = QLabel(f"{self._user.display_name} · {role} · {region}")
        self.sync_label = QLabel(self.tr("Local only"))
        self.sync_label.setToolTip(self.tr("No central service is configured: changes stay in this desk's data file."))
        self.count_label = QLabel()
        self.file_label = QLabel(data_file)
        self.file_label.setToolTip(self.tr("Data file"))
        for widget in (self.user_label, self.sync_label, self.count_label):
            bar.addPermanentWidget(widget)
        bar.addWidget(self.file_label, 1)

    # --- loading ------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        self.statusBar().showMessage(self.tr("Loading the queue…"))
        region_id = self._user.region_id  # None (an administrator) sees every region
        self._background.run(lambda: self._reader.queue(region_id), self._on_queue_loaded, self._on_load_failed)

    def _on_queue_loaded(self, rows: list[QueueRow]) -> None:
        selected = self.selected_order_ids()
        self.model.set_rows(rows)
        self.table.fit_columns_once()
        self._set_queue_title(len(rows))
        self.count_label.setText(self.tr("%n open order(s)", "", len(rows)))
        self.statusBar().clearMessage()
        for order_id in selected[:1]:
            self.select_order(order_id)

    def _on_load_failed(self, error: Exception) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Dispatch Console"), self.tr("The data could not be read: %1").replace("%1", str(error)))

    def _set_queue_title(self, count: int | None) -> None:
        text = self.tr("Work-order queue") if count is None else self.tr("Work-order queue (%1 open)").replace("%1", f"{count:,}")
        self.queue_title.setText(f"<b>{text}</b>")

    # --- selection ----------------------------------------------------------------------------

    def selected_order_ids(self) -> list[uuid.UUID]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows]

    def select_order(self, order_id: uuid.UUID) -> bool:
        row = self.model.row_of(order_id)
        if row is None:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        ids = self.selected_order_ids()
        if not ids:
            self._shown_order = None
            self.detail.show_nothing()
            return
        order_id = ids[0]
        self._shown_order = order_id
        self._background.run(lambda: self._reader.detail(order_id), self._on_detail_loaded, self._on_load_failed)

    def _on_detail_loaded(self, detail: OrderDetail | None) -> None:
        if detail is None or detail.id != self._shown_order:
            return  # the selection moved on while this was loading
        self.detail.show_detail(detail)

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Dispatch Console"),
            self.tr("Dispatch Console %1\nThe dispatch desk for enterprise-line installation and repair.").replace("%1", __version__),
        )
