"""The field view's dialogs: raise an exception (reason, note, the technician for the order that
carries on), a supervisor's sign-off of a check-in, and the exception rules' editor."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.enums import ExceptionKind
from console.core.domain.field import PAUSE, RUN_ON, ExceptionRule
from console.core.domain.reasons import ReasonKind
from console.core.services.field_desk import MAX_NOTE
from console.core.services.field_views import CheckInRow
from console.core.store.rows import TechnicianRow
from console.ui import labels, reason_choices
from console.ui.field_tables import punctuality_text

_PROBLEM = "color: #b91c1c;"


def rule_text(rule: ExceptionRule) -> str:
    """What an exception of a kind does, in a sentence (FieldPanel's context)."""
    if rule.reissue:
        first = QCoreApplication.translate("FieldPanel", "The order is archived and re-issued")
    else:
        first = QCoreApplication.translate("FieldPanel", "The order is kept (not re-issued)")
    if rule.pauses:
        second = QCoreApplication.translate("FieldPanel", "its SLA clock pauses until the desk resumes it.")
    else:
        second = QCoreApplication.translate("FieldPanel", "its SLA clock runs on.")
    return f"{first}; {second}"


class RaiseExceptionDialog(QDialog):
    """The technician called in an exception: its reason and note, and who takes the order that
    carries on (the rules say whether it is re-issued and whether its clock pauses)."""

    def __init__(self, number: str, technicians: list[TechnicianRow], rules: dict[ExceptionKind, ExceptionRule],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Raise a field exception"))
        self._rules = rules
        self.reason = QComboBox()
        reason_choices.fill(self.reason, ReasonKind.EXCEPTION)  # (the supervisor's list: order, words, sub-reasons)
        self.effect = QLabel()
        self.effect.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What the technician found, e.g. port 3-12 taken by another line; box replaced by the customer"))
        self.note.setMaximumHeight(90)
        self.technician = QComboBox()
        self.technician.addItem(self.tr("Nobody yet (dispatch later)"), None)
        for technician in sorted(technicians, key=lambda t: t.name):
            team = technician.team
            self.technician.addItem(f"{technician.name} · {team}" if team else technician.name, technician.id)
        self.problem = QLabel()
        self.problem.setStyleSheet(_PROBLEM)
        form = QFormLayout()
        self.order = QLabel(number)
        form.addRow(self.tr("Order"), self.order)
        form.addRow(self.tr("Reason"), self.reason)
        form.addRow("", self.effect)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(self.tr("Dispatch to"), self.technician)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.reason.currentIndexChanged.connect(self._show_effect)
        self._show_effect()
        self.resize(520, 300)

    @property
    def kind(self) -> ExceptionKind:
        return ExceptionKind(self.reason.currentData())  # (Qt hands a StrEnum back as its text)

    @property
    def technician_id(self) -> uuid.UUID | None:
        return self.technician.currentData()

    def _show_effect(self) -> None:
        rule = self._rules.get(self.kind) if self.reason.currentIndex() >= 0 else None
        self.effect.setText(rule_text(rule) if rule is not None else "")

    def _accept(self) -> None:
        note = self.note.toPlainText().strip()
        if not note:
            self.problem.setText(self.tr("Say what the technician found in the note."))
            return
        if len(note) > MAX_NOTE:
            self.problem.setText(self.tr("The note is longer than %1 characters.").replace("%1", str(MAX_NOTE)))
            return
        self.accept()

    def recorded_note(self) -> str:
        """The note the exception records: a chosen sub-reason's words first."""
        return reason_choices.note_for(self.reason, self.note.toPlainText())


class SignOffDialog(QDialog):
    """A supervisor signs off a flagged check-in with a note (what was checked)."""

    def __init__(self, row: CheckInRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sign off a check-in"))
        distance = "" if row.distance_m is None else self.tr("%1 m from the site").replace("%1", f"{row.distance_m:,.0f}")
        facts = ", ".join(t for t in (distance, punctuality_text(row)) if t)
        summary = QLabel(self.tr("%1, %2 (%3): %4").replace("%1", row.number).replace("%2", row.technician or "?")
                         .replace("%3", row.customer).replace("%4", facts))
        summary.setWordWrap(True)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What you checked, e.g. called the customer: the technician was on site, the GPS drifted"))
        self.problem = QLabel()
        self.problem.setStyleSheet(_PROBLEM)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(summary)
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(480, 240)

    def _accept(self) -> None:
        note = self.note.toPlainText().strip()
        if not note:
            self.problem.setText(self.tr("Say what you checked in the note."))
            return
        if len(note) > MAX_NOTE:
            self.problem.setText(self.tr("The note is longer than %1 characters.").replace("%1", str(MAX_NOTE)))
            return
        self.accept()


class ExceptionRulesDialog(QDialog):
    """What each exception reason does: re-issue the order or keep it, pause the clock or let it
    run on. A supervisor changes them with a reason (the notice it follows); others only read."""

    def __init__(self, rules: dict[ExceptionKind, ExceptionRule], may_change: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Field exception rules"))
        self._rules = rules
        grid = QGridLayout()
        for column, title in enumerate((self.tr("Reason"), self.tr("Re-issue the order"), self.tr("SLA clock"))):
            heading = QLabel(title)
            heading.setStyleSheet("font-weight: bold;")
            grid.addWidget(heading, 0, column)
        self.reissue: dict[ExceptionKind, QCheckBox] = {}
        self.clock: dict[ExceptionKind, QComboBox] = {}
        for row, kind in enumerate(ExceptionKind, start=1):
            rule = rules[kind]
            grid.addWidget(QLabel(labels.name(kind)), row, 0)
            self.reissue[kind] = QCheckBox(checked=rule.reissue, enabled=may_change)
            grid.addWidget(self.reissue[kind], row, 1)
            clock = QComboBox(enabled=may_change)
            clock.addItem(self.tr("Runs on"), RUN_ON)
            clock.addItem(self.tr("Pauses"), PAUSE)
            clock.setCurrentIndex(clock.findData(rule.clock))
            self.clock[kind] = clock
            grid.addWidget(clock, row, 2)
        self.why = QLineEdit(enabled=may_change)
        self.why.setPlaceholderText(self.tr("Why the rules change (the notice or agreement they follow)"))
        self.problem = QLabel("" if may_change else self.tr("Only a shift supervisor or an administrator may change these rules."))
        self.problem.setStyleSheet(_PROBLEM if may_change else "color: #6b7280;")
        self.problem.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel if may_change
                                   else QDialogButtonBox.StandardButton.Close)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        explain = QLabel(self.tr("What an exception reported from the field does to its order. Reports already made keep what they did."))
        explain.setWordWrap(True)
        layout.addWidget(explain)
        layout.addLayout(grid)
        layout.addWidget(self.why)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(520, 260)

    def changed(self) -> dict[ExceptionKind, ExceptionRule]:
        """The kinds whose rule the dialog changes, with their new rule."""
        out = {}
        for kind, rule in self._rules.items():
            new = ExceptionRule(self.reissue[kind].isChecked(), self.clock[kind].currentData())
            if new != rule:
                out[kind] = new
        return out

    @property
    def reason(self) -> str:
        return self.why.text().strip()

    def _accept(self) -> None:
        if not self.changed():
            self.reject()
            return
        if not self.reason:
            self.problem.setText(self.tr("Say why the rules change."))
            return
        if len(self.reason) > MAX_NOTE:
            self.problem.setText(self.tr("The reason is longer than %1 characters.").replace("%1", str(MAX_NOTE)))
            return
        self.accept()
