"""The optimiser's proposal as a table: one line per visit the plan changes (or cannot place),
what it is now, what the plan makes of it, and what the booking rules say; a tick per line to
commit."""

from __future__ import annotations

import uuid
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem, QWidget

from console.core.domain.booking_rules import Finding, verdict
from console.core.domain.enums import Role
from console.core.planning import UnplannedReason
from console.core.services.optimiser import LeftOut, LineKind, Proposal, ProposalLine
from console.ui import labels
from console.ui.finding_text import describe, override_text
from console.ui.table_export import EXPORT_ROLE, attach

KINDS = {
    LineKind.NEW: QT_TRANSLATE_NOOP("ProposalTable", "New visit"),
    LineKind.ASSIGNED: QT_TRANSLATE_NOOP("ProposalTable", "Technician assigned"),
    LineKind.MOVED: QT_TRANSLATE_NOOP("ProposalTable", "New time"),
    LineKind.REASSIGNED: QT_TRANSLATE_NOOP("ProposalTable", "Other technician"),
    LineKind.UNCHANGED: QT_TRANSLATE_NOOP("ProposalTable", "Unchanged"),
    LineKind.UNPLANNED: QT_TRANSLATE_NOOP("ProposalTable", "Not planned"),
}
REASONS = {
    UnplannedReason.NO_SKILLED_TECHNICIAN: QT_TRANSLATE_NOOP("ProposalTable", "No technician on shift has the skills."),
    UnplannedReason.NO_SHIFT_IN_WINDOW: QT_TRANSLATE_NOOP("ProposalTable", "No skilled technician works during its window."),
    UnplannedReason.UNREACHABLE_IN_TIME: QT_TRANSLATE_NOOP("ProposalTable", "No skilled technician can get there and back in a shift."),
    UnplannedReason.PIN_CONFLICT: QT_TRANSLATE_NOOP("ProposalTable", "Pinned where it cannot be kept."),
    UnplannedReason.NOT_SCHEDULED: QT_TRANSLATE_NOOP("ProposalTable", "No room left in the shifts: more urgent work comes first."),
    LeftOut.NO_POSITION: QT_TRANSLATE_NOOP("ProposalTable", "The site has no map position: travel cannot be planned."),
    LeftOut.PAUSED: QT_TRANSLATE_NOOP("ProposalTable", "Its clock is paused (customer not ready or postponed): planned once resumed."),
    LeftOut.PINNED_UNASSIGNED: QT_TRANSLATE_NOOP("ProposalTable", "Pinned without a technician: assign it by hand."),
    LeftOut.STARTING_NOW: QT_TRANSLATE_NOOP("ProposalTable", "Starts within 15 minutes without a technician: assign it by hand."),
    LeftOut.TECHNICIAN_ELSEWHERE: QT_TRANSLATE_NOOP("ProposalTable", "Booked with a technician of another region or not on duty."),
    LeftOut.ASSIGNEE_CANNOT: QT_TRANSLATE_NOOP("ProposalTable", "Its technician (already dispatched) cannot take it in these days."),
}
COLUMNS = (
    QT_TRANSLATE_NOOP("ProposalTable", "Change"),
    QT_TRANSLATE_NOOP("ProposalTable", "Orders"),
    QT_TRANSLATE_NOOP("ProposalTable", "Level"),
    QT_TRANSLATE_NOOP("ProposalTable", "Site"),
    QT_TRANSLATE_NOOP("ProposalTable", "Now"),
    QT_TRANSLATE_NOOP("ProposalTable", "Proposed"),
    QT_TRANSLATE_NOOP("ProposalTable", "Window"),
    QT_TRANSLATE_NOOP("ProposalTable", "Due"),
    QT_TRANSLATE_NOOP("ProposalTable", "What the rules say"),
)
NOTES = len(COLUMNS) - 1
BLOCKED, WARNED, LATE, DONE = QColor("#c62828"), QColor("#8a6d00"), QColor("#c62828"), QColor("#2e7d32")
KEY = Qt.ItemDataRole.UserRole


def _t(text: str) -> str:
    return QCoreApplication.translate("ProposalTable", text)


class ProposalTable(QTableWidget):
    """Rows are the proposal's lines; ticks are the dispatcher's choice, findings shown per line."""

    ticks_changed = Signal()
    """The dispatcher ticked or unticked a line."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(0, len(COLUMNS), parent)
        self._zone = zone
        self._rows: dict[str, int] = {}
        self._names: dict[uuid.UUID, str] = {}
        self.setHorizontalHeaderLabels([_t(c) for c in COLUMNS])
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.itemChanged.connect(self._on_item_changed)
        attach(self, self.tr("Optimiser's proposal"))  # Export… and Print… in its context menu

    def show_proposal(self, proposal: Proposal, role: Role, show_unchanged: bool) -> None:
        self.blockSignals(True)
        self.setRowCount(0)
        self._rows.clear()
        self._names = {t.id: t.name for t in proposal.setup.data.technicians}
        lines = [line for line in proposal.lines if show_unchanged or line.kind is not LineKind.UNCHANGED]
        self.setRowCount(len(lines))
        for row, line in enumerate(lines):
            self._rows[line.key] = row
            self._fill(row, line, line.key in proposal.applied, role)
        self.blockSignals(False)
        for column, width in enumerate((130, 160, 100, 200, 150, 150, 140, 95)):
            self.setColumnWidth(column, width)

    def _fill(self, row: int, line: ProposalLine, written: bool, role: Role) -> None:
        first = QTableWidgetItem(_t(KINDS[line.kind]))
        first.setData(KEY, line.key)
        if line.changes_plan and not written:
            first.setFlags(first.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            first.setCheckState(Qt.CheckState.Unchecked)
            if not verdict(list(line.findings), role).allowed:
                first.setToolTip(self.tr("You cannot commit this line as the plan stands."))
        cells = [
            first,
            QTableWidgetItem(line.numbers),
            QTableWidgetItem(labels.name(line.level)),
            QTableWidgetItem(line.site),
            QTableWidgetItem(self._where(line.old_technician_id, line.old_start, line.appointment_id is not None)),
            QTableWidgetItem(self._where(line.technician_id, line.start, True) if line.changes_plan else ""),
            QTableWidgetItem(self._window(line.window)),
            QTableWidgetItem(self._short(line.due_at)),
            QTableWidgetItem(""),
        ]
        cells[7].setData(EXPORT_ROLE, line.due_at)  # (an instant in a file)
        if line.late:
            cells[7].setForeground(LATE)
            cells[7].setToolTip(self.tr("The plan finishes this visit after its deadline."))
        for column, cell in enumerate(cells):
            self.setItem(row, column, cell)
        if written:
            self.mark_written(line.key)
        elif line.kind is LineKind.UNPLANNED and line.reason is not None:
            kept = self.tr(" It stays where it is.") if line.appointment_id and line.old_technician_id else ""
            self._note(row, _t(REASONS[line.reason]) + kept, WARNED)
        else:
            self.show_findings(line.key, line.findings, role)

    def _where(self, technician_id: uuid.UUID | None, start, booked: bool) -> str:
        if not booked:
            name = self._names.get(technician_id) if technician_id else None
            return self.tr("%1 · no visit yet").replace("%1", name) if name else self.tr("waiting, no visit")
        name = self._names.get(technician_id, self.tr("no technician")) if technician_id else self.tr("no technician")
        return f"{name} · {self._short(start)}" if start else name

    def _short(self, instant) -> str:
        return instant.astimezone(self._zone).strftime("%m-%d %H:%M") if instant else ""

    def _window(self, window) -> str:
        if window is None:
            return ""
        return f"{self._short(window[0])}–{window[1].astimezone(self._zone):%H:%M}"

    def _note(self, row: int, text: str, colour: QColor | None) -> None:
        item = self.item(row, NOTES)
        item.setText(text)
        item.setToolTip(text)
        if colour is not None:
            item.setForeground(colour)
        else:
            item.setData(Qt.ItemDataRole.ForegroundRole, None)

    def show_findings(self, key: str, findings: tuple[Finding, ...], role: Role) -> None:
        row = self._rows.get(key)
        if row is None:
            return
        if not findings:
            self._note(row, self.tr("Nothing speaks against it."), None)
            return
        blocking = verdict(list(findings), role).blocking
        text = "; ".join(f"{describe(f, self._zone)} ({override_text(f)})" for f in findings)
        self._note(row, text, BLOCKED if blocking else WARNED)

    def show_refusal(self, key: str, text: str) -> None:
        row = self._rows.get(key)
        if row is not None:
            self._note(row, self.tr("Not written: %1").replace("%1", text), BLOCKED)

    def mark_written(self, key: str) -> None:
        row = self._rows.get(key)
        if row is None:
            return
        self.blockSignals(True)
        first = self.item(row, 0)
        first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        first.setData(Qt.ItemDataRole.CheckStateRole, None)
        for column in range(self.columnCount()):
            self.item(row, column).setForeground(DONE)
        self.blockSignals(False)
        self._note(row, self.tr("Written."), DONE)

    def ticked(self) -> set[str]:
        return {self.item(row, 0).data(KEY) for row in range(self.rowCount())
                if self.item(row, 0).data(Qt.ItemDataRole.CheckStateRole) is not None
                and self.item(row, 0).checkState() == Qt.CheckState.Checked}

    def set_ticked(self, keys: set[str]) -> None:
        self.blockSignals(True)
        for row in range(self.rowCount()):
            item = self.item(row, 0)
            if item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                item.setCheckState(Qt.CheckState.Checked if item.data(KEY) in keys else Qt.CheckState.Unchecked)
        self.blockSignals(False)
        self.ticks_changed.emit()

    def _on_item_changed(self, item: QTableWidgetItem) -> None:
        if item.column() == 0:
            self.ticks_changed.emit()
