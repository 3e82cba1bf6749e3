"""The rules editor's tabs of limits and parameters: what is shown, what is typed, checked as it is
typed with the same checks the operations run, and the changes to make (`pending`) as calls on the
`RulesAdmin` the dialog runs through the desk's operations bus."""

from __future__ import annotations

from collections.abc import Callable
from itertools import permutations
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.alerts import ESCALATE_AFTER_KEY
from console.core.domain.compliance import LATE_GRACE_KEY, ComplianceRule, enabled_key
from console.core.domain.editable_rules import (
    AMBER,
    APPROVAL,
    DAY_END,
    DAY_START,
    EDITABLE,
    OFF_SITE,
    EditError,
    Section,
    checked_value,
)
from console.core.domain.enums import LimitUnit
from console.core.services.rules_admin import LimitLine, RuleError, RulesAdmin, RulesView, checked_amount
from console.ui import labels
from console.ui.compliance_dock import rule_name

Change = tuple[str, Callable[[RulesAdmin, str], Any]]  # (what it is, in words; the call with the reason given)
PROBLEM = "color: #b91c1c;"
_BAD = QBrush(QColor("#fde2e1"))

_TITLES = {
    AMBER: QT_TRANSLATE_NOOP("RulesEditor", "Amber from (share of the limit used)"),
    "sla.band.red_from": QT_TRANSLATE_NOOP("RulesEditor", "Red from (share of the limit used)"),
    APPROVAL: QT_TRANSLATE_NOOP("RulesEditor", "A pause longer than this needs a supervisor's approval (hours)"),
    ESCALATE_AFTER_KEY: QT_TRANSLATE_NOOP("RulesEditor", "A red or late order nobody acknowledges is escalated to the supervisors after (minutes)"),
    DAY_START: QT_TRANSLATE_NOOP("RulesEditor", "Business hours start (HH:MM)"),
    DAY_END: QT_TRANSLATE_NOOP("RulesEditor", "Business hours end (HH:MM)"),
    LATE_GRACE_KEY: QT_TRANSLATE_NOOP("RulesEditor", "Minutes a check-in may come after the window and still be on time"),
    OFF_SITE: QT_TRANSLATE_NOOP("RulesEditor", "A check-in farther than this from the site is off site (metres)"),
}
_EXPLAIN = {
    Section.BANDS: QT_TRANSLATE_NOOP("RulesEditor", "An order turns amber, then red, when it has used this share of its limit. "
                                                    "A change recomputes every open order's deadlines in the background."),
    Section.HOURS: QT_TRANSLATE_NOOP("RulesEditor", "The working day that limits in working days are counted in. A change recomputes "
                                                    "the open orders counted in business time in the background."),
    Section.AUDIT: QT_TRANSLATE_NOOP("RulesEditor", "Which steps the compliance audit checks on each closed order, and its "
                                                    "tolerances. Audits read these when they run; no deadline moves."),
}


def title(key: str) -> str:
    for rule in ComplianceRule:
        if key == enabled_key(rule):
            return QCoreApplication.translate("RulesEditor", "Check: %1").replace("%1", rule_name(rule))
    return QCoreApplication.translate("RulesEditor", _TITLES[key])


def shown(value: Any) -> str:
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


class ParameterTab(QWidget):
    """One section's parameters: a check box for a switch, a line for a number or a time."""

    def __init__(self, section: Section, parent: QWidget | None = None):
        super().__init__(parent)
        self.section = section
        self.keys = [k for k, e in EDITABLE.items() if e.section is section]
        self._values: dict[str, Any] = {}
        self.fields: dict[str, QLineEdit | QCheckBox] = {}
        layout = QVBoxLayout(self)
        explain = QLabel(QCoreApplication.translate("RulesEditor", _EXPLAIN[section]))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
        for key in self.keys:
            if section is Section.AUDIT and key.startswith("compliance.") and key != LATE_GRACE_KEY:
                field: QLineEdit | QCheckBox = QCheckBox(title(key))
                field.toggled.connect(self._check)
                form.addRow(field)
            else:
                field = QLineEdit()
                field.setMaximumWidth(120)
                field.textEdited.connect(self._check)
                form.addRow(QLabel(title(key)), field)
            self.fields[key] = field
        layout.addLayout(form)
        self.problem = QLabel()
        self.problem.setStyleSheet(PROBLEM)
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        layout.addStretch(1)

    def show_view(self, view: RulesView) -> None:
        self._values = dict(view.values)
        for key, field in self.fields.items():
            value = self._values.get(key)
            if isinstance(field, QCheckBox):
                field.setChecked(bool(value))
            else:
                field.setText(shown(value))
        self._check()

    def set_editable(self, editable: bool) -> None:
        for field in self.fields.values():
            if isinstance(field, QLineEdit):
                field.setReadOnly(not editable)  # (read-only, not greyed: a dispatcher reads the values)
            else:
                field.setEnabled(editable)

    def typed(self) -> dict[str, str]:
        """The keys whose typed value differs from the one in force, with that text."""
        out = {}
        for key, field in self.fields.items():
            text = ("true" if field.isChecked() else "false") if isinstance(field, QCheckBox) else field.text().strip()
            if text != shown(self._values.get(key)):
                out[key] = text
        return out

    def _order(self, typed: dict[str, str]) -> list[str]:
        """An order in which each change is valid after the ones before it (amber and red raised
        together: red first), or raises EditError with the first problem."""
        first_error: EditError | None = None
        for order in permutations(typed) if len(typed) <= 3 else [tuple(typed)]:
            values = dict(self._values)
            try:
                for key in order:
                    values[key] = checked_value(key, typed[key], values)
            except EditError as error:
                first_error = first_error or error
                continue
            return list(order)
        assert first_error is not None
        raise first_error

    def _check(self, *_args: object) -> None:
        typed = self.typed()
        try:
            self._order(typed)
            self.problem.setText("")
        except EditError as error:
            self.problem.setText(str(error))

    def pending(self) -> list[Change]:
        typed = self.typed()
        return [(title(key), lambda admin, why, key=key: admin.set_parameter(key, typed[key], why)) for key in self._order(typed)]


class LimitsTab(QWidget):
    """The SLA limits per kind, stage and grade: the amount typed in place, the unit chosen."""

    COLUMNS = (QT_TRANSLATE_NOOP("RulesEditor", "Kind"), QT_TRANSLATE_NOOP("RulesEditor", "Stage"),
               QT_TRANSLATE_NOOP("RulesEditor", "Level"), QT_TRANSLATE_NOOP("RulesEditor", "Amount"),
               QT_TRANSLATE_NOOP("RulesEditor", "Unit"))

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._lines: list[LimitLine] = []
        self._editable = False
        self.table = QTableWidget(0, len(self.COLUMNS))
        self.table.setHorizontalHeaderLabels([QCoreApplication.translate("RulesEditor", c) for c in self.COLUMNS])
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)  # (the unit's box no wider than its words)
        self.table.itemChanged.connect(self._check)
        self.problem = QLabel()
        self.problem.setStyleSheet(PROBLEM)
        self.problem.setWordWrap(True)
        explain = QLabel(QCoreApplication.translate(
            "RulesEditor", "Double-click an amount to change it. A change recomputes the deadlines of that kind's open orders "
                           "in the background."))
        explain.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(explain)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)

    def show_view(self, view: RulesView) -> None:
        self._lines = list(view.limits)
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._lines))
        for row, line in enumerate(self._lines):
            for column, text in enumerate((labels.name(line.kind), labels.stage_name(line.stage), labels.grade_name(line.grade))):
                item = QTableWidgetItem(text)
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.table.setItem(row, column, item)
            amount = QTableWidgetItem(f"{line.amount.normalize():f}")
            amount.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, 3, amount)
            unit = QComboBox()
            for choice in LimitUnit:
                unit.addItem(_unit_name(choice), choice)
            unit.setCurrentIndex(unit.findData(line.unit))
            unit.currentIndexChanged.connect(self._check)
            self.table.setCellWidget(row, 4, unit)
        self.table.blockSignals(False)
        self.set_editable(self._editable)
        self._check()

    def set_editable(self, editable: bool) -> None:
        self._editable = editable
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 3)
            if item is not None:
                flags = item.flags()
                item.setFlags(flags | Qt.ItemFlag.ItemIsEditable if editable else flags & ~Qt.ItemFlag.ItemIsEditable)
            unit = self.table.cellWidget(row, 4)
            if unit is not None:
                unit.setEnabled(editable)

    def _typed(self, row: int) -> tuple[str, LimitUnit]:
        unit = self.table.cellWidget(row, 4)
        return self.table.item(row, 3).text().strip(), LimitUnit(unit.currentData())

    def changed_rows(self) -> list[int]:
        out = []
        for row, line in enumerate(self._lines):
            amount, unit = self._typed(row)
            if amount != f"{line.amount.normalize():f}" or unit is not line.unit:
                out.append(row)
        return out

    def _check(self, *_args: object) -> None:
        problems = []
        self.table.blockSignals(True)
        for row in range(len(self._lines)):
            item = self.table.item(row, 3)
            try:
                checked_amount(item.text().strip())
                item.setBackground(QBrush())
                item.setToolTip("")
            except RuleError as error:
                item.setBackground(_BAD)
                item.setToolTip(str(error))
                problems.append(f"{self.table.item(row, 0).text()} · {self.table.item(row, 1).text()} · "
                                f"{self.table.item(row, 2).text()}: {error}")
        self.table.blockSignals(False)
        self.problem.setText("\n".join(problems[:3]))

    def pending(self) -> list[Change]:
        if self.problem.text():
            raise EditError(self.problem.text())
        out: list[Change] = []
        for row in self.changed_rows():
            line, (amount, unit) = self._lines[row], self._typed(row)
            what = " · ".join(self.table.item(row, c).text() for c in range(3))
            out.append((what, lambda admin, why, line=line, amount=amount, unit=unit:
                        admin.set_limit(line.kind, line.stage, line.grade, amount, unit, why)))
        return out


def _unit_name(unit: LimitUnit) -> str:
    names = {LimitUnit.WORKING_DAYS: QT_TRANSLATE_NOOP("Sla", "working days"), LimitUnit.HOURS: QT_TRANSLATE_NOOP("Sla", "hours"),
             LimitUnit.MINUTES: QT_TRANSLATE_NOOP("Sla", "minutes")}
    return QCoreApplication.translate("Sla", names[unit])
