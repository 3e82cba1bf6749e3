"""Assigning from the queue: the assign dialog opens at once, the ranking is read off the GUI thread,
and the dispatcher's choice is written as one action (an assignment, or an assignment with its
visit booked) whose changes go out on the desk's bus."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

import shiboken6
from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from console.core.domain.lifecycle import Refusal
from console.core.services.appointments import AppointmentBook, Booking
from console.core.services.assigning import assign_and_book, assign_choice
from console.core.services.orders import OrderActions, Outcome
from console.core.store.database import Database
from console.core.store.rows import DeskUser, QueueRow
from console.ui import labels
from console.ui.assign_dialog import AssignDialog, OrderLine
from console.ui.finding_text import describe, refusal_text
from console.ui.operations import Operations
from console.ui.work_order_table_model import WorkOrderTableModel


class AssignFlow(QObject):
    answered = Signal(object)
    """A write's answer arrived (an Outcome or a Booking), after its changes went out on the bus."""

    def __init__(self, database: Database, orders: OrderActions, book: AppointmentBook, user: DeskUser, operations: Operations,
                 model: WorkOrderTableModel, zone: ZoneInfo, english: bool, parent: QWidget):
        super().__init__(parent)
        self._database, self._orders, self._book, self._user = database, orders, book, user
        self._operations, self._model, self._zone, self._english = operations, model, zone, english
        self._widget = parent
        self.dialog: AssignDialog | None = None

    def open(self, rows: list[QueueRow], assign: Callable[[uuid.UUID], None] | None = None) -> AssignDialog | None:
        """The dialog for `rows` (as the dispatcher saw them), shown at once; the ranking follows.
        `assign`: how the queue assigns without a visit (its own path, which Undo can put back)."""
        if not rows:
            return None
        now: datetime = self._model.clock()
        lines = []
        for row in rows:
            band, left, _paused = self._model.cell_state(row, now)
            lines.append(OrderLine(row.id, row.number, row.customer, row.kind, left, band))
        dialog = AssignDialog(lines, self._zone, self._english, self._user.role, self._widget)
        self.dialog = dialog
        versions = {r.id: r.version for r in rows}
        database, ids = self._database, [r.id for r in rows]
        self._operations.read(lambda: assign_choice(database, ids, now), lambda choice: _alive(dialog, dialog.show_choice, choice),
                              lambda error: _alive(dialog, dialog.show_failure, error))
        dialog.accepted.connect(lambda: self._commit(dialog, versions, assign))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _commit(self, dialog: AssignDialog, versions: dict[uuid.UUID, int], assign: Callable[[uuid.UUID], None] | None) -> None:
        choice, technician = dialog.choice, dialog.chosen_technician()
        if choice is None or technician is None:
            return
        start, reason = dialog.chosen_start(), dialog.reason.text().strip()
        if start is not None:
            book = self._book
            self._write(lambda: assign_and_book(book, choice, technician, start, reason), self._on_booked)
            return
        if assign is not None:
            assign(technician)
            return
        ids = [o.id for o in choice.orders]
        actions = self._orders.seen({i: versions[i] for i in ids if i in versions})
        self._write(lambda: actions.assign(ids, technician), self._on_assigned)

    def _write(self, work: Callable[[], object], shown: Callable[[object], None]) -> None:
        def done(answer: object) -> None:
            shown(answer)
            self.answered.emit(answer)

        self._operations.write(work, done, self._on_failed, origin=self._widget)

    def _on_assigned(self, outcome: Outcome) -> None:
        if outcome.refused:
            lines = [f"{number or '?'}: {labels.name(why)}" for number, why in outcome.refused.values()]
            QMessageBox.information(self._widget, self.tr("Some orders were not assigned"),
                                    self.tr("%1 assigned, %2 not:").replace("%1", str(outcome.changed)).replace("%2", str(len(lines)))
                                    + "\n" + "\n".join(lines[:20]) + ("\n…" if len(lines) > 20 else ""))

    def _on_booked(self, booking: Booking) -> None:
        if booking.ok:
            return
        text = (labels.name(booking.refusal) if isinstance(booking.refusal, Refusal)
                else refusal_text(booking.refusal, booking.detail))
        details = "\n".join(describe(f, self._zone) for f in booking.findings)
        QMessageBox.warning(self._widget, self.tr("Not assigned"),
                            self.tr("Nothing was saved: %1").replace("%1", text) + (f"\n{details}" if details else ""))

    def _on_failed(self, error: Exception) -> None:
        QMessageBox.warning(self._widget, self.tr("Not assigned"),
                            self.tr("The change could not be saved: %1").replace("%1", labels.saving_failure(error)))


def _alive(dialog: AssignDialog, show: Callable[[object], None], value: object) -> None:
    """Show an answer in the dialog unless it was closed (and deleted) meanwhile."""
    if shiboken6.isValid(dialog):
        show(value)


