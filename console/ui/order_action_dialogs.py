"""The dialogs behind the queue's bulk actions: choose a technician, pause with a reason."""

from __future__ import annotations

import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.enums import Skill
from console.core.domain.reasons import ReasonKind
from console.core.store.rows import TechnicianRow
from console.ui import labels, reason_choices


class TechnicianPickerDialog(QDialog):
    """Pick the technician for the selected orders; by default those of the orders' regions."""

    def __init__(self, technicians: list[TechnicianRow], regions: set[uuid.UUID], needed: set[Skill], english: bool,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign to a technician"))
        self.resize(640, 480)
        self._technicians = technicians
        self._regions = regions
        self._needed = {s.value for s in needed}
        self._english = english
        self.chosen: uuid.UUID | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name, team or employee number"))
        self.all_regions = QCheckBox(self.tr("Show other regions"))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Team"), self.tr("Region"), self.tr("Skills"), self.tr("Phone")])
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.note = QLabel(self.tr("Technicians without a skill these orders need are shown in grey."))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.all_regions)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.search.textChanged.connect(self._fill)
        self.all_regions.toggled.connect(self._fill)
        self.table.doubleClicked.connect(self.accept)
        self._fill()

    def _fill(self, *_args: object) -> None:
        text = self.search.text().strip().lower()
        shown = [
            t for t in self._technicians
            if (self.all_regions.isChecked() or t.region_id in self._regions)
            and (not text or text in f"{t.name} {t.team} {t.employee_no}".lower())
        ]
        shown.sort(key=lambda t: (not self._needed <= set(t.skills), t.region_id not in self._regions, t.team, t.name))
        self.table.setRowCount(len(shown))
        for row, t in enumerate(shown):
            skills = ", ".join(labels.name(Skill(s)) for s in t.skills if s in Skill._value2member_map_)
            cells = [t.name, t.team, t.region_en if self._english else t.region, skills, t.phone]
            for column, value in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, t.id)
                if not self._needed <= set(t.skills):
                    item.setForeground(Qt.GlobalColor.gray)
                self.table.setItem(row, column, item)
        self.table.resizeColumnsToContents()
        if shown:
            self.table.selectRow(0)

    def accept(self) -> None:
        items = self.table.selectedItems()
        if not items:
            QMessageBox.information(self, self.windowTitle(), self.tr("Choose a technician first."))
            return
        self.chosen = items[0].data(Qt.ItemDataRole.UserRole)
        super().accept()


class PauseDialog(QDialog):
    """The SLA clock stops only with one of the recorded reasons (`reason_choices`' list; `recorded_note()` leads with a sub-reason's words)."""

    def __init__(self, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Pause the SLA clock"))
        self.reason = QComboBox()  # (the list leaves out a field exception: its rules pause for it, not a dispatcher)
        reason_choices.fill(self.reason, ReasonKind.PAUSE, self.tr("Choose a reason…"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What the customer said, when they expect to be ready"))
        self.note.setMaximumHeight(90)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(QLabel(self.tr("Pause %n order(s). Every pause and resume is kept in the order's history.", "", count)))
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(buttons)

    def accept(self) -> None:
        if self.reason.currentData() is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr("A pause needs a reason."))
            return
        super().accept()

    def recorded_note(self) -> str:
        """The note the pause records: a chosen sub-reason's words first."""
        return reason_choices.note_for(self.reason, self.note.toPlainText())
