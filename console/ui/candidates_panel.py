"""Who should take the selected order: technicians ranked with each part of the score in a column."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.candidates import WEIGHTS, Candidate
from console.core.services.planning import CandidateList
from console.ui.finding_text import flag_text

PARTS = ("skills", "distance", "load", "urgency", "region")


class CandidatesPanel(QWidget):
    assign_requested = Signal(object, object, object)
    """Assign was clicked: (order id, technician id, the slot's start or None)."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._zone = zone
        self._list: CandidateList | None = None
        self.title = QLabel(self.tr("Select an order to see who can take it."))
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 9)
        self.table.setHorizontalHeaderLabels([
            self.tr("Technician"), self.tr("Score"), self.tr("Skills"), self.tr("Distance"), self.tr("Load"),
            self.tr("Urgency"), self.tr("Region"), self.tr("Earliest start"), self.tr("Flags"),
        ])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self._on_assign_clicked())
        self.assign_button = QPushButton(self.tr("Assign to the selected technician"))
        self.assign_button.setEnabled(False)
        self.assign_button.clicked.connect(self._on_assign_clicked)
        self.table.itemSelectionChanged.connect(lambda: self.assign_button.setEnabled(bool(self.table.selectedItems())))
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.assign_button)

    def show_candidates(self, found: CandidateList | None) -> None:
        self._list = found
        self.table.setRowCount(0)
        self.assign_button.setEnabled(False)
        if found is None:
            self.title.setText(self.tr("The order is no longer open."))
            return
        o = found.order
        self.title.setText(self.tr("Candidates for %1 · %2 · %3").replace("%1", o.number).replace("%2", o.customer).replace("%3", o.site))
        self.table.setRowCount(len(found.candidates))
        for r, c in enumerate(found.candidates):
            self._fill_row(r, c, found.names.get(c.technician_id, "?"))
        if found.candidates:
            self.table.selectRow(0)

    def _fill_row(self, r: int, c: Candidate, name: str) -> None:
        parts = {p.name: p for p in c.parts}
        grey = QColor("#9e9e9e")
        cells = [name, f"{c.score:.0f}"]
        for part in PARTS:
            p = parts[part]
            text = f"{p.points:.0f}/{WEIGHTS[part]}"
            if part == "distance" and p.detail.get("km") is not None:
                text += f" · {p.detail['km']:.1f} km" + (self.tr(" from home") if p.detail.get("from_home") else "")
            if part == "load":
                text += f" · {p.detail['booked_minutes'] // 60}h{p.detail['booked_minutes'] % 60:02d}/{p.detail['shift_minutes'] // 60}h"
            cells.append(text)
        cells.append(c.slot.astimezone(self._zone).strftime("%m-%d %H:%M") if c.slot else "—")
        cells.append("、".join(flag_text(f) for f in sorted(c.flags)))
        for col, text in enumerate(cells):
            item = QTableWidgetItem(text)
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, c.technician_id)
            if not c.feasible:
                item.setForeground(grey)
            if col == 1:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(r, col, item)

    def selected(self) -> tuple[uuid.UUID, uuid.UUID, object] | None:
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or self._list is None:
            return None
        candidate = self._list.candidates[rows[0].row()]
        return self._list.order.id, candidate.technician_id, candidate.slot

    def _on_assign_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.assign_requested.emit(*chosen)
