"""The dialogs of a satisfaction callback (回访): record a call, write the remedy (整改), close it,
give it to someone. Each checks what a person typed before anything is sent, and says what is
missing in a sentence; the rules are checked again by the service (and at the centre)."""

from __future__ import annotations

import uuid

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from console.core.domain.callbacks import MAX_TEXT, CallbackOutcome, CallbackRefusal, CallbackState

OUTCOME_NAMES = {
    CallbackOutcome.REACHED: QT_TRANSLATE_NOOP("CallbacksPanel", "Reached"),
    CallbackOutcome.NOT_REACHED: QT_TRANSLATE_NOOP("CallbacksPanel", "Not reached"),
    CallbackOutcome.REFUSED: QT_TRANSLATE_NOOP("CallbacksPanel", "Refused to talk"),
}
STATE_NAMES = {
    CallbackState.OPEN: QT_TRANSLATE_NOOP("CallbacksPanel", "To call"),
    CallbackState.CALLED: QT_TRANSLATE_NOOP("CallbacksPanel", "Called, remedy open"),
    CallbackState.CLOSED: QT_TRANSLATE_NOOP("CallbacksPanel", "Closed"),
}
REFUSALS = {
    CallbackRefusal.NOT_FOUND: QT_TRANSLATE_NOOP("CallbacksPanel", "This callback no longer exists."),
    CallbackRefusal.ROLE: QT_TRANSLATE_NOOP(
        "CallbacksPanel", "Dispatchers and supervisors call customers back; only a supervisor assigns a callback or closes its remedy."),
    CallbackRefusal.CLOSED: QT_TRANSLATE_NOOP("CallbacksPanel", "This callback is closed already."),
    CallbackRefusal.TAKEN: QT_TRANSLATE_NOOP("CallbacksPanel", "Someone else took this callback; a supervisor can give it to you."),
    CallbackRefusal.NOT_CALLED: QT_TRANSLATE_NOOP("CallbacksPanel", "Record a call that reached the customer first."),
    CallbackRefusal.NO_REMEDY: QT_TRANSLATE_NOOP("CallbacksPanel", "Record the remedy before closing it."),
    CallbackRefusal.EMPTY: QT_TRANSLATE_NOOP("CallbacksPanel", "Write what the customer said, or what the remedy is."),
    CallbackRefusal.TOO_LONG: QT_TRANSLATE_NOOP("CallbacksPanel", "Keep it under 1000 characters."),
    CallbackRefusal.NOT_A_CALLER: QT_TRANSLATE_NOOP("CallbacksPanel", "Give the callback to a dispatcher or supervisor of the order's region."),
}


def outcome_name(outcome: CallbackOutcome | None) -> str:
    return QCoreApplication.translate("CallbacksPanel", OUTCOME_NAMES[outcome]) if outcome is not None else ""


def state_name(state: CallbackState) -> str:
    return QCoreApplication.translate("CallbacksPanel", STATE_NAMES[state])


def refusal_text(refusal: CallbackRefusal) -> str:
    return QCoreApplication.translate("CallbacksPanel", REFUSALS[refusal])


def _text_box(placeholder: str, height: int = 90) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setPlaceholderText(placeholder)
    box.setMaximumHeight(height)
    return box


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


class _CallbackDialog(QDialog):
    def _refuse(self, refusal: CallbackRefusal) -> None:
        QMessageBox.warning(self, self.windowTitle(), refusal_text(refusal))

    def _too_long(self, text: str) -> bool:
        if len(text.strip()) > MAX_TEXT:
            self._refuse(CallbackRefusal.TOO_LONG)
            return True
        return False


class CallDialog(_CallbackDialog):
    """A call made now: how it went and what the customer said."""

    def __init__(self, number: str, customer: str, comment: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Call back about %1").replace("%1", number))
        self.outcome = QComboBox()
        for outcome in CallbackOutcome:
            self.outcome.addItem(outcome_name(outcome), outcome)
        self.note = _text_box(self.tr("What the customer said (needed when reached)"))
        answer = QLabel(comment or self.tr("(no comment with the answer)"))
        answer.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Customer"), QLabel(customer))
        form.addRow(self.tr("Their answer"), answer)
        form.addRow(self.tr("Outcome"), self.outcome)
        form.addRow(self.tr("Customer's words"), self.note)
        form.addRow(_buttons(self))
        self.setMinimumWidth(480)

    def chosen(self) -> CallbackOutcome:
        return CallbackOutcome(self.outcome.currentData())  # (Qt hands the value back as text)

    def accept(self) -> None:
        note = self.note.toPlainText()
        if self.chosen() is CallbackOutcome.REACHED and not note.strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Write what the customer said: the remedy starts from it."))
            return
        if not self._too_long(note):
            super().accept()


class RemedyDialog(_CallbackDialog):
    """The remedy (整改) agreed after the call; written again, it replaces the one before."""

    def __init__(self, number: str, call_note: str, remedy: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remedy for %1").replace("%1", number))
        words = QLabel(call_note or "—")
        words.setWordWrap(True)
        self.remedy = _text_box(self.tr("What will be done, by whom and by when"), 110)
        self.remedy.setPlainText(remedy)
        form = QFormLayout(self)
        form.addRow(self.tr("Customer's words"), words)
        form.addRow(self.tr("Remedy (整改)"), self.remedy)
        form.addRow(_buttons(self))
        self.setMinimumWidth(480)

    def accept(self) -> None:
        remedy = self.remedy.toPlainText()
        if not remedy.strip():
            QMessageBox.warning(self, self.windowTitle(), self.tr("Write the remedy."))
            return
        if not self._too_long(remedy):
            super().accept()


class CloseDialog(_CallbackDialog):
    """A supervisor closes the remedy: the complaint was dealt with."""

    def __init__(self, number: str, remedy: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Close the remedy for %1").replace("%1", number))
        shown = QLabel(remedy)
        shown.setWordWrap(True)
        self.note = _text_box(self.tr("How it was checked (optional)"), 70)
        form = QFormLayout(self)
        form.addRow(self.tr("Remedy (整改)"), shown)
        form.addRow(self.tr("Closing note"), self.note)
        form.addRow(_buttons(self))
        self.setMinimumWidth(440)

    def accept(self) -> None:
        if not self._too_long(self.note.toPlainText()):
            super().accept()


class AssignDialog(_CallbackDialog):
    """A supervisor gives the callback to one of the region's dispatchers or supervisors."""

    def __init__(self, number: str, callers: list[tuple[uuid.UUID, str]], current: uuid.UUID | None, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Who calls back about %1").replace("%1", number))
        self.caller = QComboBox()
        for caller_id, name in callers:
            self.caller.addItem(name, caller_id)
            if caller_id == current:
                self.caller.setCurrentIndex(self.caller.count() - 1)
        form = QFormLayout(self)
        form.addRow(self.tr("Caller"), self.caller)
        form.addRow(_buttons(self))
        self.setMinimumWidth(360)
