"""The Orders ▸ Progress menu: the order's life after dispatch, one action each, on the queue's
selection (accept 接单/受理, start, a complaint's investigation, resolve, close, return 回单, cancel
with a reason; a provisioning order's step done and its department chased 催办).

An entry is enabled when the rules (`console.core.domain.lifecycle`) allow it for at least one of
the selected orders, judged from the queue's rows (no database read); the service decides again
and the queue reports the orders it refused, with why.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)

from console.core.domain import lifecycle
from console.core.domain.enums import CancelReason, OrderKind, OrderStatus
from console.core.domain.reasons import ReasonKind
from console.core.services.orders import MAX_NOTE
from console.core.store.rows import QueueRow
from console.ui import labels, reason_choices

CHECKED_ROWS = 500  # rows looked at to enable an entry (a selection of 100,000 is judged by its first ones)


class NoteDialog(QDialog):
    """A short note for an action, required or not; the form says for how many orders."""

    def __init__(self, title: str, prompt: str, placeholder: str, required: bool, parent: QWidget | None = None,
                 reasons: list[tuple[str, object]] | ReasonKind | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self._required = required
        self.reason = QComboBox()
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(placeholder)
        self.note.setMaximumHeight(90)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        label = QLabel(prompt)
        label.setWordWrap(True)
        form.addRow(label)
        if isinstance(reasons, ReasonKind):  # the supervisor's list (`reason_choices`)
            reason_choices.fill(self.reason, reasons, self.tr("Choose a reason…"))
            form.addRow(self.tr("Reason"), self.reason)
        elif reasons:
            self.reason.addItem(self.tr("Choose a reason…"), None)
            for text, value in reasons:
                self.reason.addItem(text, value)
            form.addRow(self.tr("Reason"), self.reason)
        form.addRow(self.tr("Note"), self.note)
        form.addRow(buttons)
        self.setMinimumWidth(420)

    def text(self) -> str:
        return self.note.toPlainText().strip()

    def recorded_note(self) -> str:
        """The note the action records: a chosen sub-reason's words first."""
        return reason_choices.note_for(self.reason, self.text())

    def accept(self) -> None:
        if self.reason.count() and self.reason.currentData() is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a reason from the list."))
            return
        other = self.reason.currentData() is CancelReason.OTHER
        if (self._required and not self.text()) or (other and not self.recorded_note()):
            QMessageBox.warning(self, self.windowTitle(), self.tr("Write the note: it goes into the order's history."))
            return
        if len(self.text()) > MAX_NOTE:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The note is longer than %1 characters.").replace("%1", str(MAX_NOTE)))
            return
        super().accept()


class LifecycleMenu(QObject):
    """Built by the window over its queue panel; `menu` goes into the Orders menu and the queue's context menu."""

    def __init__(self, queue, parent: QWidget):
        super().__init__(parent)
        self._queue = queue
        self.menu = QMenu(self.tr("&Progress"), parent)
        self._entries: list[tuple[QAction, Callable[[QueueRow], bool]]] = []
        self.accept_action = self._add(self.tr("&Accept (response)"), self._accept, self._may_accept)
        self.start_action = self._add(self.tr("&Start work"), lambda: self._plain(lambda a, ids: a.start(ids)),
                                      lambda r: lifecycle.start_refusal(r.status) is None)
        self.investigate_action = self._add(self.tr("&Investigation done…"), self._investigate,
                                            lambda r: r.kind is OrderKind.COMPLAINT and r.status in (OrderStatus.ACCEPTED, OrderStatus.IN_PROGRESS))
        self.resolve_action = self._add(self.tr("&Resolve…"), self._resolve, self._may_resolve)
        self.close_action = self._add(self.tr("C&lose"), lambda: self._plain(lambda a, ids: a.close(ids)),
                                      lambda r: lifecycle.close_refusal(r.kind, r.status) is None)
        self.return_action = self._add(self.tr("Re&turn to the order system"), lambda: self._plain(lambda a, ids: a.return_completion(ids)),
                                       lambda r: lifecycle.return_refusal(r.status, False) is None)
        self.menu.addSeparator()
        self.step_action = self._add(self.tr("Department step &done…"), self._step_done,
                                     lambda r: r.kind is OrderKind.PROVISIONING and r.current_step is not None)
        self.chase_action = self._add(self.tr("C&hase the department…"), self._chase,
                                      lambda r: r.kind is OrderKind.PROVISIONING and r.current_step is not None)
        self.menu.addSeparator()
        self.cancel_action = self._add(self.tr("&Cancel the order…"), self._cancel, lambda r: lifecycle.cancel_refusal(r.status) is None)
        self.enable()

    def _add(self, text: str, run: Callable[[], None], allowed: Callable[[QueueRow], bool]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(run)
        self.menu.addAction(action)
        self._entries.append((action, allowed))
        return action

    @Slot()
    def enable(self) -> None:
        """Each entry enabled when one of the selected orders allows it (called on every selection change)."""
        rows = self._queue.selected_rows()[:CHECKED_ROWS]
        for action, allowed in self._entries:
            action.setEnabled(any(allowed(r) for r in rows))
        single = len(rows) == 1
        self.step_action.setEnabled(self.step_action.isEnabled() and single)

    # --- the rules as the rows show them --------------------------------------------------------

    @staticmethod
    def _may_accept(row: QueueRow) -> bool:
        return lifecycle.accept_refusal(row.kind, row.status, row.assignee is not None) is None

    @staticmethod
    def _may_resolve(row: QueueRow) -> bool:
        refusal = lifecycle.resolve_refusal(row.kind, row.status, True)
        return refusal is None

    # --- the actions --------------------------------------------------------------------------

    def _plain(self, act) -> None:
        self._queue.act(act)

    def _accept(self) -> None:
        self._queue.act(lambda a, ids: a.accept(ids))

    def _ask(self, title: str, prompt: str, placeholder: str, required: bool = False, reasons=None) -> NoteDialog | None:
        count = len(self._queue.selected_ids())
        if not count:
            return None
        dialog = NoteDialog(title, prompt.replace("%1", str(count)), placeholder, required, self.parent(), reasons)
        return dialog if dialog.exec() else None

    def _investigate(self) -> None:
        dialog = self._ask(self.tr("Network investigation done"), self.tr("Record the network investigation (排查) of %1 complaint(s): "
                                                                        "the feedback to the customer is due next."),
                           self.tr("What the investigation found"))
        if dialog is not None:
            note = dialog.text()
            self._queue.act(lambda a, ids: a.record_investigation(ids, note))

    def _resolve(self) -> None:
        dialog = self._ask(self.tr("Resolve"), self.tr("Resolve %1 order(s): the work is done (a complaint: the customer has had the feedback)."),
                           self.tr("What was done"))
        if dialog is not None:
            note = dialog.text()
            self._queue.act(lambda a, ids: a.resolve(ids, note))

    def _cancel(self) -> None:
        dialog = self._ask(self.tr("Cancel the order"), self.tr("Cancel %1 order(s). A visit booked only for them is cancelled too."),
                           self.tr("Who asked for it, and why"), reasons=ReasonKind.CANCEL)
        if dialog is not None:
            reason, note = dialog.reason.currentData(), dialog.recorded_note()
            self._queue.act(lambda a, ids: a.cancel(ids, reason, note))

    def _step_done(self) -> None:
        rows = self._queue.selected_rows()
        if len(rows) != 1 or rows[0].current_step is None:
            return
        row = rows[0]
        step = row.current_step
        dialog = self._ask(self.tr("Department step done"),
                           self.tr("Order %1: %2 is done. The next department's step starts now with its own limit.")
                           .replace("%1", row.number).replace("%2", labels.name(step)),
                           self.tr("Who confirmed it, what was handed over"))
        if dialog is not None:
            note = dialog.text()
            self._queue.act(lambda a, ids: a.advance_step(ids[0], step, note), [row])

    def _chase(self) -> None:
        dialog = self._ask(self.tr("Chase the department"), self.tr("Chase (催办) the department of the running step of %1 order(s). "
                                                                  "It is recorded in each order's history."),
                           self.tr("Whom you reached, what they promised"), required=True)
        if dialog is not None:
            note = dialog.text()
            self._queue.act(lambda a, ids: a.chase_step(ids, note))
