"""The queue's table view: whole-row selection, sortable headers, the countdown cells painted by
`SlaDelegate`, the column chooser, and which rows are visible (the tick repaints only those)."""

from __future__ import annotations

from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QMenu, QTableView, QWidget

from console.ui.sla_delegate import SlaDelegate
from console.ui.work_order_table_model import WorkOrderTableModel


class WorkOrderTable(QTableView):
    """The queue's view: whole-row selection, sortable headers, countdown cells by delegate."""

    def __init__(self, model: WorkOrderTableModel, parent: QWidget | None = None):
        super().__init__(parent)
        self.setModel(model)
        self.sla_delegate = SlaDelegate(model, self)  # only these two columns are painted in Python
        self.setItemDelegateForColumn(WorkOrderTableModel.BAND, self.sla_delegate)
        self.setItemDelegateForColumn(WorkOrderTableModel.TIME_LEFT, self.sla_delegate)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setSortingEnabled(True)
        self.horizontalHeader().setSortIndicator(WorkOrderTableModel.TIME_LEFT, Qt.SortOrder.AscendingOrder)
        self.setWordWrap(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSectionsMovable(True)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._choose_columns)
        header.setToolTip(self.tr("Drag a column's title to move it; right-click to choose the columns shown."))
        self._fitted = False

    def restore_columns(self, state: QByteArray) -> bool:
        """The columns as saved (order, widths, hidden ones); whether the state fitted this table."""
        if not self.horizontalHeader().restoreState(state):
            return False
        self._fitted = True  # (the user's widths, not fitted to the rows again)
        return True

    def column_actions(self, parent: QMenu) -> list[QAction]:
        """A checkable entry per column: shown or hidden (the last one shown stays)."""
        header, model = self.horizontalHeader(), self.model()
        shown = [c for c in range(model.columnCount()) if not header.isSectionHidden(c)]
        actions = []
        for column in range(model.columnCount()):
            title = str(model.headerData(column, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            action = QAction(title or self.tr("(column %1)").replace("%1", str(column + 1)), parent, checkable=True)
            action.setChecked(column in shown)
            action.setEnabled(not (column in shown and len(shown) == 1))
            action.toggled.connect(lambda on, c=column: header.setSectionHidden(c, not on))
            actions.append(action)
        return actions

    def _choose_columns(self, position) -> None:
        menu = QMenu(self)
        menu.addActions(self.column_actions(menu))
        menu.exec(self.horizontalHeader().mapToGlobal(position))
        menu.deleteLater()

    def fit_columns_once(self) -> None:
        """Size columns to the header and the visible rows the first time there are rows."""
        if self._fitted or self.model().rowCount() == 0:
            return
        self._fitted = True
        self.resizeColumnsToContents()
        cap = self.fontMetrics().horizontalAdvance("M") * 16
        mark = self.iconSize().width() if self.iconSize().isValid() else 16
        for column in range(self.model().columnCount()):
            room = mark + 6 if column == WorkOrderTableModel.NUMBER else 0  # another desk's claim mark beside the number
            self.setColumnWidth(column, min(self.columnWidth(column) + 12, cap) + room)

    def visible_rows(self) -> tuple[int, int]:
        first = self.rowAt(0)
        if first < 0:
            return 0, -1
        last = self.rowAt(self.viewport().height() - 1)
        return first, (self.model().rowCount() - 1 if last < 0 else last)
