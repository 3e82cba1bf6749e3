"""The rules editor's reason lists: for each dialog (pause, reschedule, cancel, exception) the
built-in reasons in the order offered, their words in zh_CN and English, on or off, and the
sub-reasons a centre adds under them. Built-in reasons can be moved, renamed and switched off, not
removed; sub-reasons can be added and removed. Checked as the operation checks (`reasons.checked`)."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.reasons import BUILT_IN, ReasonEntry, ReasonKind, ReasonListError, checked
from console.core.services.rules_admin import RulesView
from console.ui import labels
from console.ui.rules_editor_tabs import PROBLEM, Change

KIND_NAMES = {
    ReasonKind.PAUSE: QT_TRANSLATE_NOOP("RulesEditor", "Pause the SLA clock"),
    ReasonKind.RESCHEDULE: QT_TRANSLATE_NOOP("RulesEditor", "Reschedule a visit"),
    ReasonKind.CANCEL: QT_TRANSLATE_NOOP("RulesEditor", "Cancel an order"),
    ReasonKind.EXCEPTION: QT_TRANSLATE_NOOP("RulesEditor", "Field exception"),
}
_COLUMNS = (QT_TRANSLATE_NOOP("RulesEditor", "Reason"), QT_TRANSLATE_NOOP("RulesEditor", "Words in Chinese"),
            QT_TRANSLATE_NOOP("RulesEditor", "Words in English"), QT_TRANSLATE_NOOP("RulesEditor", "Offered"))


def _tr(text: str) -> str:
    return QCoreApplication.translate("RulesEditor", text)


class ReasonListsTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._stored: dict[ReasonKind, tuple[ReasonEntry, ...]] = {}
        self._working: dict[ReasonKind, list[ReasonEntry]] = {}
        self._editable = False
        self.kind = QComboBox()
        for kind in ReasonKind:
            self.kind.addItem(_tr(KIND_NAMES[kind]), kind)
        self.kind.currentIndexChanged.connect(self._show_list)
        self.table = QTableWidget(0, len(_COLUMNS))
        self.table.setHorizontalHeaderLabels([_tr(c) for c in _COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        self.table.itemChanged.connect(self._on_table_item_changed)
        self.up, self.down = QPushButton(self.tr("Move up")), QPushButton(self.tr("Move down"))
        self.add, self.remove = QPushButton(self.tr("Add a sub-reason")), QPushButton(self.tr("Remove the sub-reason"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.add.clicked.connect(self._add_sub)
        self.remove.clicked.connect(self._remove_sub)
        self.table.itemSelectionChanged.connect(self._enable)
        self.problem = QLabel()
        self.problem.setStyleSheet(PROBLEM)
        self.problem.setWordWrap(True)
        explain = QLabel(self.tr("The reasons each dialog offers, in this order. A reason switched off is no longer offered "
                             "(orders that have it keep it). A sub-reason is offered under its reason: the order records "
                             "the reason, and the sub-reason's Chinese words at the head of its note. Empty words: the "
                             "console's own name of the reason."))
        explain.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("List:")))
        top.addWidget(self.kind)
        top.addStretch(1)
        buttons = QHBoxLayout()
        for button in (self.up, self.down, self.add, self.remove):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.problem)

    def show_view(self, view: RulesView) -> None:
        self._stored = dict(view.reasons)
        self._working = {kind: list(entries) for kind, entries in view.reasons.items()}
        self._show_list()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        self._show_list()

    @property
    def current(self) -> ReasonKind:
        return ReasonKind(self.kind.currentData())

    def _show_list(self) -> None:
        entries = self._working.get(self.current, [])
        enum = BUILT_IN[self.current]
        self.table.blockSignals(True)
        self.table.setRowCount(len(entries))
        for row, entry in enumerate(entries):
            name = labels.name(enum(entry.reason))
            first = QTableWidgetItem(f"  ↳ {name}" if entry.sub else name)
            first.setFlags(first.flags() & ~Qt.ItemFlag.ItemIsEditable)
            first.setToolTip(self.tr("A sub-reason of “%1”").replace("%1", name) if entry.sub else entry.reason)
            self.table.setItem(row, 0, first)
            for column, text in ((1, entry.zh), (2, entry.en)):
                item = QTableWidgetItem(text)
                if not self._editable:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            on = QTableWidgetItem()
            flags = Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsSelectable
            on.setFlags(flags | Qt.ItemFlag.ItemIsEnabled if self._editable else flags)
            on.setCheckState(Qt.CheckState.Checked if entry.active else Qt.CheckState.Unchecked)
            self.table.setItem(row, 3, on)
        self.table.blockSignals(False)
        self._enable()
        self._check()

    def _on_table_item_changed(self, item: QTableWidgetItem) -> None:
        row, entries = item.row(), self._working[self.current]
        entry = entries[row]
        if item.column() == 1:
            entries[row] = ReasonEntry(entry.reason, entry.sub, item.text(), entry.en, entry.active)
        elif item.column() == 2:
            entries[row] = ReasonEntry(entry.reason, entry.sub, entry.zh, item.text(), entry.active)
        elif item.column() == 3:
            entries[row] = ReasonEntry(entry.reason, entry.sub, entry.zh, entry.en, item.checkState() == Qt.CheckState.Checked)
        self._check()

    def _selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _enable(self) -> None:
        row = self._selected_row()
        entries = self._working.get(self.current, [])
        self.up.setEnabled(self._editable and row > 0)
        self.down.setEnabled(self._editable and 0 <= row < len(entries) - 1)
        self.add.setEnabled(self._editable and row >= 0)
        self.remove.setEnabled(self._editable and row >= 0 and bool(entries[row].sub))

    def _move(self, step: int) -> None:
        row, entries = self._selected_row(), self._working[self.current]
        entries[row], entries[row + step] = entries[row + step], entries[row]
        self._show_list()
        self.table.selectRow(row + step)

    def _add_sub(self) -> None:
        row, entries = self._selected_row(), self._working[self.current]
        codes = {e.sub for lists in self._working.values() for e in lists}
        code = next(f"custom_{n}" for n in range(1, 1000) if f"custom_{n}" not in codes)
        entries.insert(row + 1, ReasonEntry(entries[row].reason, code))
        self._show_list()
        self.table.selectRow(row + 1)
        self.table.editItem(self.table.item(row + 1, 1))

    def _remove_sub(self) -> None:
        row = self._selected_row()
        del self._working[self.current][row]
        self._show_list()

    def _check(self) -> None:
        problems = []
        for kind, entries in self._working.items():
            try:
                checked(kind, entries)
            except ReasonListError as error:
                problems.append(f"{_tr(KIND_NAMES[kind])}: {error}")
        self.problem.setText("\n".join(problems))

    def pending(self) -> list[Change]:
        out: list[Change] = []
        for kind, entries in self._working.items():
            try:
                wanted = checked(kind, entries)
            except ReasonListError as error:
                raise ReasonListError(f"{_tr(KIND_NAMES[kind])}: {error}") from None
            if wanted != self._stored.get(kind):
                out.append((_tr(KIND_NAMES[kind]), lambda admin, why, kind=kind, wanted=wanted: admin.set_reasons(kind, list(wanted), why)))
        return out

