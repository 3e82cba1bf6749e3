"""The dashboards' tables: one plain model of text rows, each row carrying the orders behind it
(a double click drills into them). Plain QTableViews, so a generic export can read them."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

ORDERS_ROLE = Qt.ItemDataRole.UserRole  # the raw ids of the orders a row stands for
FLAG = QColor("#b91c1c")


class RowsModel(QAbstractTableModel):
    """Rows of cell texts; `flags[i]` paints row i's text red (over quota, overbooked, ...)."""

    def __init__(self, titles: Sequence[str], parent: Any = None):
        super().__init__(parent)
        self.titles = list(titles)
        self.rows: list[Sequence[str]] = []
        self.orders: list[Any] = []
        self.flagged: list[bool] = []
        self.numeric: set[int] = set()

    def reset(self, rows: list[Sequence[str]], orders: list[Any], flags: list[bool] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.orders = rows, orders
        self.flagged = flags or [False] * len(rows)
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == ORDERS_ROLE:
            return self.orders[index.row()]
        if role == Qt.ItemDataRole.ForegroundRole and self.flagged[index.row()]:
            return FLAG
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in self.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def table(model: RowsModel, stretch: int = 0) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setResizeContentsPrecision(60)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)

    def size_once() -> None:
        """Columns fitted to the first rows shown, once (fitting 1,500 technicians' rows again at
        each refresh would cost the GUI thread more than painting them); a person may widen them."""
        if model.rowCount() and not view.property("sized"):
            view.setProperty("sized", True)
            view.resizeColumnsToContents()

    model.modelReset.connect(size_once)
    return view
