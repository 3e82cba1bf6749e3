"""Confirming a move or booking made on the board: what it breaks, and the reason where one is needed."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.booking_rules import Finding, Override, verdict
from console.core.domain.enums import ContactMethod, RescheduleReason, Role
from console.core.domain.reasons import ReasonKind
from console.core.services.appointments import Reschedule
from console.ui import labels, reason_choices
from console.ui.finding_text import describe, override_text


def reason_combo(parent: QWidget) -> QComboBox:
    """The reschedule reasons as the supervisor's list has them (`reason_choices`)."""
    combo = QComboBox(parent)
    reason_choices.fill(combo, ReasonKind.RESCHEDULE, QCoreApplication.translate("CommitDialog", "— choose —"))
    return combo


def contact_combo(parent: QWidget) -> QComboBox:
    combo = QComboBox(parent)
    for method in ContactMethod:
        combo.addItem(labels.name(method), method)
    return combo


class CommitDialog(QDialog):
    """Shows the findings of a proposed visit; OK only when this user may commit it, with a
    reason where the rules want one and a reschedule where the customer's window moves."""

    def __init__(self, title: str, summary: str, findings: list[Finding], role: Role, zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(520)
        self.verdict = verdict(findings, role)
        layout = QVBoxLayout(self)
        head = QLabel(summary)
        head.setWordWrap(True)
        layout.addWidget(head)
        self.findings = QListWidget()
        for f in findings:
            item = QListWidgetItem(f"{describe(f, zone)}  ({override_text(f)})")
            item.setForeground(QColor("#c62828" if f in self.verdict.blocking else "#8a6d00"))
            self.findings.addItem(item)
        if not findings:
            self.findings.addItem(self.tr("Nothing speaks against it."))
        self.findings.setMaximumHeight(24 + 22 * max(1, len(findings)))
        layout.addWidget(self.findings)
        self.blocked = QLabel()
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet("color: #c62828; font-weight: bold;")
        if not self.verdict.allowed:
            supervisor_only = all(f.override is Override.SUPERVISOR for f in self.verdict.blocking)
            self.blocked.setText(self.tr("Only a shift supervisor can commit over this.") if supervisor_only
                                 else self.tr("This cannot be committed. Choose another technician or time."))
        self.blocked.setVisible(not self.verdict.allowed)
        layout.addWidget(self.blocked)
        form = QFormLayout()
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("Why it is right anyway (kept in the audit log)"))
        self.reason.setMaxLength(500)
        if self.verdict.needs_reason:
            form.addRow(self.tr("Reason:"), self.reason)
        layout.addLayout(form)
        self.reschedule_box = QGroupBox(self.tr("New window agreed with the customer"))
        box = QFormLayout(self.reschedule_box)
        self.reschedule_reason = reason_combo(self)
        self.reschedule_text = QLineEdit()
        self.reschedule_text.setMaxLength(500)
        self.contact = contact_combo(self)
        self.pause_sla = QCheckBox(self.tr("Pause the SLA clock (customer postponed)"))
        box.addRow(self.tr("Reschedule reason:"), self.reschedule_reason)
        box.addRow(self.tr("Details:"), self.reschedule_text)
        box.addRow(self.tr("Customer reached by:"), self.contact)
        box.addRow(self.pause_sla)
        self.reschedule_box.setVisible(self.verdict.needs_reschedule)
        layout.addWidget(self.reschedule_box)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Commit"))
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.reschedule_reason.currentIndexChanged.connect(self._on_reason_changed)
        self._on_reason_changed()
        self._refresh()
        self.reason.textChanged.connect(self._refresh)

    def _on_reason_changed(self) -> None:
        customer = self.reschedule_reason.currentData() is RescheduleReason.CUSTOMER_REQUEST
        self.pause_sla.setEnabled(customer)
        if not customer:
            self.pause_sla.setChecked(False)

    def _refresh(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(self.verdict.allowed)

    def _on_buttons_accepted(self) -> None:
        if self.verdict.needs_reason and not self.reason.text().strip():
            self.problem.setText(self.tr("Write why you commit over these warnings."))
            return
        if self.verdict.needs_reschedule:
            reason = self.reschedule_reason.currentData()
            if reason is None:
                self.problem.setText(self.tr("Choose the reason for the reschedule from the list."))
                return
            if reason is RescheduleReason.OTHER and not reason_choices.note_for(self.reschedule_reason, self.reschedule_text.text()):
                self.problem.setText(self.tr("Say what the other reason is."))
                return
        self.accept()

    def reschedule(self) -> Reschedule | None:
        if not self.verdict.needs_reschedule:
            return None
        return Reschedule(self.reschedule_reason.currentData(), reason_choices.note_for(self.reschedule_reason, self.reschedule_text.text()),
                          self.contact.currentData(), self.pause_sla.isChecked())
