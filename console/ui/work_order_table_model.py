"""The work-order queue as a table model: cached frozen rows, sorted in the model."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from console.domain.enums import CustomerLevel
from console.store.rows import QueueRow
from console.ui import labels

_Index = QModelIndex | QPersistentModelIndex
_NEVER = datetime.max.replace(tzinfo=ZoneInfo("UTC"))


class WorkOrderTableModel(QAbstractTableModel):
    NUMBER, KIND, CUSTOMER, LEVEL, DISTRICT, STATUS, ASSIGNEE, APPOINTMENT, DUE, RECEIVED = range(10)
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, zone: ZoneInfo, english: bool = False, parent: Any = None):
        super().__init__(parent)
        self._zone = zone
        self._english = english
        self._rows: list[QueueRow] = []
        self._bold = QFont()
        self._bold.setBold(True)
        self._sort_column, self._sort_order = self.DUE, Qt.SortOrder.AscendingOrder

    # --- contents -----------------------------------------------------------------------------

    def set_rows(self, rows: list[QueueRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, order_id: uuid.UUID) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == order_id), None)

    # --- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 10

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("Order no."), self.tr("Kind"), self.tr("Customer"), self.tr("Level"), self.tr("District"),
            self.tr("Status"), self.tr("Assignee"), self.tr("Appointment"), self.tr("Due"), self.tr("Received"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.CUSTOMER:
            return f"{row.customer}\n{row.address}"
        if role == Qt.ItemDataRole.FontRole and column == self.LEVEL and row.level in (CustomerLevel.KEY, CustomerLevel.DIAMOND):
            return self._bold
        if role == self.ID_ROLE:
            return row.id
        return None

    def _display(self, row: QueueRow, column: int) -> str:
        match column:
            case self.NUMBER:
                return row.number
            case self.KIND:
                return labels.name(row.kind)
            case self.CUSTOMER:
                return row.customer
            case self.LEVEL:
                return labels.name(row.level)
            case self.DISTRICT:
                return row.district_en if self._english else row.district
            case self.STATUS:
                status = labels.name(row.status)
                return self.tr("%1 (paused)").replace("%1", status) if row.paused else status
            case self.ASSIGNEE:
                return row.assignee or ""
            case self.APPOINTMENT:
                return labels.local_window(row.appointment_start, row.appointment_end, self._zone)
            case self.RECEIVED:
                return labels.local_time(row.received_at, self._zone)
            case self.DUE:
                return labels.local_time(row.due_at, self._zone)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._sort_column, self._sort_order = column, order
        self._sort_rows()
        positions = {r.id: n for n, r in enumerate(self._rows)}
        self.changePersistentIndexList(before, [self.index(positions[i], old.column()) for i, old in zip(ids, before, strict=True)])
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        keys: dict[int, Callable[[QueueRow], Any]] = {
            self.NUMBER: lambda r: r.number,
            self.KIND: lambda r: r.kind.value,
            self.CUSTOMER: lambda r: r.customer,
            self.LEVEL: lambda r: r.level.rank,
            self.DISTRICT: lambda r: r.district,
            self.STATUS: lambda r: r.status.value,
            self.ASSIGNEE: lambda r: r.assignee or "",
            self.APPOINTMENT: lambda r: r.appointment_start or _NEVER,
            self.RECEIVED: lambda r: r.received_at,
            self.DUE: lambda r: r.due_at or _NEVER,
        }
        key = keys.get(self._sort_column, keys[self.DUE])
        self._rows.sort(key=lambda r: (key(r), r.number), reverse=self._sort_order == Qt.SortOrder.DescendingOrder)
