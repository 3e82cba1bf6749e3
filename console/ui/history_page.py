"""The "History" page: any order the desk's file holds, open or closed, found as the dispatcher
types, and the chosen order's whole story beside the results.

Each keystroke restarts a short wait; then the search runs in a worker (one at a time: a text
typed meanwhile goes next, and an answer to a text no longer in the box is dropped). Results are a
table model over the answer's rows, newest first, with how many more matched.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import Changes
from console.core.domain.enums import OrderKind, OrderStatus
from console.core.services.desk import DeskReader
from console.core.services.order_search import FoundOrder, OrderSearch, SearchAnswer
from console.core.store.rows import OrderDetail
from console.ui import labels
from console.ui.operations import Operations
from console.ui.order_detail_panel import OrderDetailPanel

DEBOUNCE_MS = 150
_GREY = QColor("#6b7280")


class HistoryModel(QAbstractTableModel):
    """The search's answer as the table shows it: cells made when painted."""

    NUMBER, KIND, STATUS, CUSTOMER, ADDRESS, TECHNICIAN, RECEIVED, CLOSED = range(8)
    _TITLES = (QT_TRANSLATE_NOOP("HistoryPage", "Order no."), QT_TRANSLATE_NOOP("HistoryPage", "Kind"),
               QT_TRANSLATE_NOOP("HistoryPage", "Status"), QT_TRANSLATE_NOOP("HistoryPage", "Customer"),
               QT_TRANSLATE_NOOP("HistoryPage", "Address"), QT_TRANSLATE_NOOP("HistoryPage", "Technician"),
               QT_TRANSLATE_NOOP("HistoryPage", "Received"), QT_TRANSLATE_NOOP("HistoryPage", "Closed"))

    def __init__(self, zone: ZoneInfo, english: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._zone, self._english = zone, english
        self._rows: tuple[FoundOrder, ...] = ()

    def reset(self, rows: tuple[FoundOrder, ...]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def order(self, row: int) -> FoundOrder | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, order_id: uuid.UUID) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == order_id), None)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._TITLES)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return QCoreApplication.translate("HistoryPage", self._TITLES[section])
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == Qt.ItemDataRole.ForegroundRole and row.status in (OrderStatus.CANCELLED, OrderStatus.SUPERSEDED):
            return _GREY
        if role == Qt.ItemDataRole.ToolTipRole and column in (self.CUSTOMER, self.ADDRESS):
            return self._text(row, column)
        return None

    def _text(self, row: FoundOrder, column: int) -> str:
        if column == self.NUMBER:
            return row.number
        if column == self.KIND:
            return labels.name(row.kind)
        if column == self.STATUS:
            return labels.name(row.status)
        if column == self.CUSTOMER:
            return row.customer
        if column == self.ADDRESS:  # (the English district before the Chinese address; a Chinese address names its own)
            district = row.district_en if self._english else ("" if row.district in row.address else row.district)
            return f"{district} · {row.address}" if district else row.address
        if column == self.TECHNICIAN:
            return row.technician or ""
        if column == self.RECEIVED:
            return labels.local_time(row.received_at, self._zone)
        return labels.local_time(row.closed_at, self._zone)


class HistoryPage(QWidget):
    order_shown = Signal(object)
    """The page shows this order's story (its id)."""

    def __init__(self, search: OrderSearch, reader: DeskReader, operations: Operations, zone: ZoneInfo, english: bool,
                 clock: Callable[[], datetime], rules: Callable[[], tuple], parent: QWidget | None = None):
        super().__init__(parent)
        self._searcher, self._reader, self._operations, self._clock = search, reader, operations, clock
        self._running: str | None = None  # the text being searched in the worker
        self._wanted: str | None = None  # the text to search when it is done
        self._shown_order: uuid.UUID | None = None
        self._stale = False  # orders shown changed while the page was hidden
        self.timings: list[tuple[float, float]] = []  # (worker's search, GUI model update) per shown answer, seconds
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Order number, circuit, customer, phone, address, technician or order-system reference"))
        self.summary = QLabel(self.tr("Type two letters or more to search every order this desk holds, open or closed."))
        self.summary.setWordWrap(True)
        self.model = HistoryModel(zone, english, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self._size_columns()
        self.detail = OrderDetailPanel(zone, english, clock=clock, rules=rules)
        self.detail.setMinimumWidth(340)
        self.detail.setHtml("<p style='color: #6b7280'>" + self.tr("Choose an order to see its whole story.") + "</p>")
        self.detail.order_link_clicked.connect(self.open_order)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self._on_debounce_timeout)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_changed)
        self.table.activated.connect(lambda _index: self.detail.setFocus())
        left = QWidget()
        layout = QVBoxLayout(left)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.search)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([950, 416])  # (every column readable beside the story on a 1366-pixel screen)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.splitter)

    def _size_columns(self) -> None:
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        samples = {HistoryModel.NUMBER: ["PR20261122000123"], HistoryModel.KIND: [labels.name(k) for k in OrderKind],
                   HistoryModel.STATUS: [labels.name(s) for s in OrderStatus], HistoryModel.CUSTOMER: ["上海华信生物医"],
                   HistoryModel.TECHNICIAN: ["欧阳志"], HistoryModel.RECEIVED: ["2026-11-22 10:00"], HistoryModel.CLOSED: ["2026-11-22 10:00"]}
        for column, texts in samples.items():
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            self.table.setColumnWidth(column, max(metrics.horizontalAdvance(t) for t in [*texts, title]) + 18)
        header.setSectionResizeMode(HistoryModel.ADDRESS, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(40)

    # --- searching ----------------------------------------------------------------------------

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    @Slot()
    def _on_debounce_timeout(self) -> None:
        self.run_search(self.search.text())

    @Slot()
    def _on_search_return_pressed(self) -> None:
        self._debounce.stop()
        self.run_search(self.search.text())

    def run_search(self, text: str) -> None:
        """Search `text` now, or as soon as the search under way is done."""
        if self._running is not None:
            self._wanted = text
            return
        self._running, searcher = text, self._searcher

        def work() -> tuple[SearchAnswer, float]:
            started = time.perf_counter()
            answer = searcher.find(text)
            return answer, time.perf_counter() - started

        self._operations.read(work, lambda done: self._on_found(*done), self._on_search_failed)

    def _on_found(self, answer: SearchAnswer, seconds: float) -> None:
        self._running = None
        if answer.text == self.search.text():  # (an answer to an older text is dropped)
            started = time.perf_counter()
            self.show_answer(answer)
            self.timings.append((seconds, time.perf_counter() - started))
        self._next()

    def _on_search_failed(self, error: Exception) -> None:
        self._running = None
        self.summary.setText(self.tr("The search failed: %1").replace("%1", str(error)))
        self._next()

    def _next(self) -> None:
        wanted, self._wanted = self._wanted, None
        if wanted is not None and (wanted == self.search.text()):
            self.run_search(wanted)

    def show_answer(self, answer: SearchAnswer) -> None:
        chosen = self._shown_order
        self.model.reset(answer.orders)
        self.summary.setText(self._summary(answer))
        row = self.model.row_of(chosen) if chosen is not None else None
        if row is not None:
            self.table.selectRow(row)

    def _summary(self, answer: SearchAnswer) -> str:
        if answer.too_short:
            return self.tr("Type two letters or more.")
        if not answer.text.strip():
            return self.tr("Type two letters or more to search every order this desk holds, open or closed.")
        if not answer.orders:
            return self.tr("No order matches “%1”.").replace("%1", answer.text.strip())
        shown = self.tr("%n order(s), newest first", "", len(answer.orders))
        if answer.more_capped:
            return shown + " · " + self.tr("more than %1 more: type more to narrow the search").replace("%1", f"{answer.more:,}")
        if answer.more:
            return shown + " · " + self.tr("%1 more: type more to narrow the search").replace("%1", f"{answer.more:,}")
        return shown

    # --- the story of one order ---------------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        found = self.model.order(current.row())
        if found is not None and found.id != self._shown_order:
            self.open_order(found.id)

    @Slot(object)
    def open_order(self, order_id: uuid.UUID) -> None:
        """Show this order's story (an order chosen in the results, or a linked one)."""
        self._shown_order = order_id
        reader, now = self._reader, self._clock()
        self._operations.read(lambda: reader.detail(order_id, now), self._on_detail_loaded, self._on_search_failed)
        row = self.model.row_of(order_id)
        if row is not None and self.table.currentIndex().row() != row:
            self.table.selectRow(row)

    def _on_detail_loaded(self, detail: OrderDetail | None) -> None:
        if detail is None or detail.id != self._shown_order:
            return  # another order was chosen meanwhile
        again = self.detail.detail is not None and self.detail.detail.id == detail.id
        self.detail.show_detail(detail)
        if not again:
            self.detail.scrollToAnchor("history")  # (here the dispatcher came for the story; a change keeps one's place)
        self.order_shown.emit(detail.id)

    @Slot(object, object)
    def _on_bus_changed(self, changes: Changes, _origin: object | None) -> None:
        """Orders changed (here or at the centre): the story shown and the results read again, now
        if the page is on screen, else when it is shown."""
        touched = changes.everything or (self._shown_order in changes.orders) or any(self.model.row_of(i) is not None
                                                                                    for i in changes.orders)
        if not touched:
            return
        if not self.isVisible():
            self._stale = True
            return
        self._reread()

    def _reread(self) -> None:
        self._stale = False
        if self._shown_order is not None:
            self.open_order(self._shown_order)
        if self.model.rowCount():
            self.run_search(self.search.text())

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._stale:
            self._reread()


def install(window) -> HistoryPage:
    """The History page as a tab of `window`, its View menu entry (Ctrl+Shift+F), and the detail
    panel's order links opening there."""
    desk = window._desk
    page = HistoryPage(OrderSearch(desk.database), desk.reader, window.operations, window.model.zone, window._english,
                       window.model.clock, lambda: (window.model.calendar, window.model.params), window)
    window.tabs.addTab(page, QCoreApplication.translate("MainWindow", "History"))
    action = QAction(QCoreApplication.translate("MainWindow", "Order &history…"), window, shortcut=QKeySequence("Ctrl+Shift+F"))
    action.setToolTip(QCoreApplication.translate("MainWindow", "Find any order, open or closed, and see its whole story"))

    def show_page() -> None:
        window.tabs.setCurrentWidget(page)
        page.focus_search()

    action.triggered.connect(show_page)
    window.view_menu.addAction(action)

    def open_linked(order_id: uuid.UUID) -> None:
        window.tabs.setCurrentWidget(page)
        page.open_order(order_id)

    window.detail.order_link_clicked.connect(open_linked)
    window.bus.changed.connect(page._on_bus_changed)
    window.history, window.history_action = page, action
    return page
