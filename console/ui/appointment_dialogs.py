"""Booking a window with the customer and rescheduling it (改约): the dialogs that collect them."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.enums import RescheduleReason
from console.core.services.appointments import Reschedule
from console.ui import reason_choices
from console.ui.board_commit_dialog import contact_combo, reason_combo


class _WindowDialog(QDialog):
    """A window's start (in the desk's zone) and length."""

    def __init__(self, title: str, summary: str, start: datetime, minutes: int, zone: ZoneInfo, parent: QWidget | None):
        super().__init__(parent)
        self._zone = zone
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.layout_ = QVBoxLayout(self)
        head = QLabel(summary)
        head.setWordWrap(True)
        self.layout_.addWidget(head)
        self.form = QFormLayout()
        self.start = QDateTimeEdit()
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        local = start.astimezone(zone)
        self.start.setDateTime(QDateTime(QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)))
        self.length = QSpinBox()
        self.length.setRange(30, 720)
        self.length.setSingleStep(30)
        self.length.setSuffix(self.tr(" min"))
        self.length.setValue(minutes)
        self.form.addRow(self.tr("Window starts:"), self.start)
        self.form.addRow(self.tr("Window length:"), self.length)
        self.layout_.addLayout(self.form)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        self.problem.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)

    def finish_layout(self) -> None:
        self.layout_.addWidget(self.problem)
        self.layout_.addWidget(self.buttons)

    def window(self) -> tuple[datetime, datetime]:
        value = self.start.dateTime()
        date, time = value.date(), value.time()
        start = datetime(date.year(), date.month(), date.day(), time.hour(), time.minute(), tzinfo=self._zone).astimezone(ZoneInfo("UTC"))
        return start, start + timedelta(minutes=self.length.value())

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)

    def _on_buttons_accepted(self) -> None:
        self.accept()


class BookDialog(_WindowDialog):
    def __init__(self, summary: str, start: datetime, minutes: int, contact: tuple[str, str], zone: ZoneInfo, parent=None):
        super().__init__(self.tr("Book an appointment"), summary, start, minutes, zone, parent)
        self.contact = contact_combo(self)
        self.name = QLineEdit(contact[0])
        self.name.setMaxLength(64)
        self.phone = QLineEdit(contact[1])
        self.phone.setMaxLength(32)
        self.confirmed = QCheckBox(self.tr("The customer agreed to this window"))
        self.confirmed.setChecked(True)
        self.form.addRow(self.tr("Customer reached by:"), self.contact)
        self.form.addRow(self.tr("Contact:"), self.name)
        self.form.addRow(self.tr("Phone:"), self.phone)
        self.form.addRow(self.confirmed)
        self.finish_layout()


class RescheduleDialog(_WindowDialog):
    """改约: a new window, why (from the list), how the customer was reached; the customer's own
    request may pause the SLA clock, which the dispatcher decides here, visibly."""

    def __init__(self, summary: str, start: datetime, minutes: int, zone: ZoneInfo, parent=None):
        super().__init__(self.tr("Reschedule the appointment"), summary, start, minutes, zone, parent)
        self.reason = reason_combo(self)
        self.text = QLineEdit()
        self.text.setMaxLength(500)
        self.text.setPlaceholderText(self.tr("What the customer said, what is missing…"))
        self.contact = contact_combo(self)
        self.pause_sla = QCheckBox(self.tr("Pause the SLA clock (customer postponed)"))
        self.pause_sla.setEnabled(False)
        self.form.addRow(self.tr("Reason:"), self.reason)
        self.form.addRow(self.tr("Details:"), self.text)
        self.form.addRow(self.tr("Customer reached by:"), self.contact)
        self.form.addRow(self.pause_sla)
        self.reason.currentIndexChanged.connect(self._on_reason_changed)
        self.finish_layout()

    def _on_reason_changed(self) -> None:
        customer = self.reason.currentData() is RescheduleReason.CUSTOMER_REQUEST
        self.pause_sla.setEnabled(customer)
        self.pause_sla.setChecked(customer and self.pause_sla.isChecked())

    def _on_buttons_accepted(self) -> None:
        if self.reason.currentData() is None:
            self.show_problem(self.tr("Choose the reason for the reschedule from the list."))
            return
        if self.reason.currentData() is RescheduleReason.OTHER and not reason_choices.note_for(self.reason, self.text.text()):
            self.show_problem(self.tr("Say what the other reason is."))
            return
        self.accept()

    def change(self) -> Reschedule:
        return Reschedule(self.reason.currentData(), reason_choices.note_for(self.reason, self.text.text()), self.contact.currentData(),
                          self.pause_sla.isChecked())
