"""Who should take the selected order: technicians by earliest start (ties by the drive), each part of
the score in a column with what it measured in its tooltip; those who cannot take it greyed, with why."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt, Signal
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

from console.core.domain.candidates import Candidate, unfit
from console.core.services.planning import CandidateList
from console.ui import candidate_text
from console.ui.candidate_text import PARTS

GREY = QColor("#9e9e9e")


class CandidatesPanel(QWidget):
    assign_requested = Signal(object, object, object)
    """Assign was clicked: (order id, technician id, the slot's start or None)."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None, english: bool | None = None):
        super().__init__(parent)
        self._zone = zone
        self._english = QLocale().language() in (QLocale.Language.English, QLocale.Language.C) if english is None else english
        self._list: CandidateList | None = None
        self.title = QLabel(self.tr("Select an order to see who can take it."))
        self.title.setWordWrap(True)
        self.table = QTableWidget(0, 4 + len(PARTS))
        self.table.setHorizontalHeaderLabels([self.tr("Technician"), self.tr("Earliest start"), self.tr("Score"),
                                              *(candidate_text.part_title(p) for p in PARTS), self.tr("Notes")])
        self.table.horizontalHeaderItem(1).setToolTip(self.tr("Technicians who can take the order come first, by their earliest "
                                                              "start; the same start goes to the shorter drive."))
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
        parts = candidate_text.parts_of(c)
        names = self._list.regions.get(c.technician_id, ("", "")) if self._list is not None else ("", "")
        region = names[1] if self._english else names[0]
        reasons = [candidate_text.unfit_text(u, c, region) for u in unfit(c)]
        notes = "、".join(reasons) or candidate_text.warnings_text(c)
        cells = [(name, ""), (candidate_text.start_text(c, self._zone), ""),
                 (f"{c.score:.0f}", self.tr("The sum of the five parts' points, out of 100.")),
                 *((candidate_text.part_cell(parts[p]), candidate_text.part_tooltip(parts[p], self._zone)) for p in PARTS),
                 (notes, notes)]
        for col, (text, tip) in enumerate(cells):
            item = QTableWidgetItem(text)
            if col == 0:
                item.setData(Qt.ItemDataRole.UserRole, c.technician_id)
            if tip:
                item.setToolTip(tip)
            if reasons:
                item.setForeground(GREY)
            if col == 2:
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
