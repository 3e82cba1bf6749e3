"""Satisfaction callbacks (回访) at the desk: every dissatisfied answer of the region as a task, the
ones to call first (by due time), overdue ones in red; taking one, recording a call and the remedy,
and (a supervisor) assigning a callback and closing its remedy, each through the operations bus.

The list is read off the GUI thread when the dock is shown and when a change reaches the desk
while it is; a minute's tick repaints it from what was read (a callback turns overdue by the clock).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.domain import callbacks as rules
from console.core.domain.callbacks import CallbackState
from console.core.domain.roles import may_supervise
from console.core.services.callbacks import CallbackActions, CallbackTask
from console.core.store.rows import DeskUser
from console.ui import labels
from console.ui.callback_dialogs import (
    AssignDialog,
    CallDialog,
    CloseDialog,
    RemedyDialog,
    outcome_name,
    refusal_text,
    state_name,
)
from console.ui.field_tables import respondent_text
from console.ui.operations import Operations
from console.ui.table_export import attach

RED, GREY = QColor("#b91c1c"), QColor("#6b7280")
SHOWN = {  # the filter's choices: the states each shows
    "not_closed": frozenset({CallbackState.OPEN, CallbackState.CALLED}),
    "open": frozenset({CallbackState.OPEN}),
    "called": frozenset({CallbackState.CALLED}),
    "closed": frozenset({CallbackState.CLOSED}),
    "all": frozenset(CallbackState),
}


class CallbacksPanel(QWidget):
    order_chosen = Signal(object)
    """An order to show in the queue (a row double-clicked)."""

    def __init__(self, service: CallbackActions, operations: Operations, user: DeskUser, zone: ZoneInfo,
                 clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self._service, self._operations, self._user, self._zone, self._clock = service, operations, user, zone, clock
        self.tasks: list[CallbackTask] = []
        self._shown = self._reading = self._again = False
        self.filter = QComboBox()
        for key, text in (("not_closed", self.tr("Not closed")), ("open", self.tr("To call")),
                          ("called", self.tr("Called, remedy open")), ("closed", self.tr("Closed")), ("all", self.tr("All"))):
            self.filter.addItem(text, key)
        self.filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.summary = QLabel()
        self.take = QPushButton(self.tr("Take"))
        self.assign = QPushButton(self.tr("Assign…"))
        self.call = QPushButton(self.tr("Record call…"))
        self.remedy = QPushButton(self.tr("Record remedy…"))
        self.close_remedy = QPushButton(self.tr("Close remedy…"))
        supervising = may_supervise(user.role)
        self.assign.setVisible(supervising)
        self.close_remedy.setVisible(supervising)
        for button, slot in ((self.take, self.take_selected), (self.assign, self.assign_selected), (self.call, self.record_call),
                             (self.remedy, self.record_remedy), (self.close_remedy, self.close_selected)):
            button.clicked.connect(slot)
        self.table = self._table()
        self.table.itemSelectionChanged.connect(self._enable)
        self.table.cellDoubleClicked.connect(self._choose)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.filter)
        top.addWidget(self.summary, 1)
        for button in (self.take, self.assign, self.call, self.remedy, self.close_remedy):
            top.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        attach(self.table, self.tr("Satisfaction callbacks"))  # Export… and Print… in its context menu
        self._tick = QTimer(self)
        self._tick.setInterval(60_000)
        self._tick.timeout.connect(self._fill)  # overdue by the clock, from what was read
        self._enable()

    def _table(self) -> QTableWidget:
        headers = [self.tr("Due"), self.tr("Order"), self.tr("Customer"), self.tr("Answered by"), self.tr("Their comment"),
                   self.tr("State"), self.tr("Caller"), self.tr("Calls"), self.tr("Last call"), self.tr("Outcome"),
                   self.tr("Customer's words"), self.tr("Remedy"), self.tr("Closed")]
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)  # (a list to read down, not a form)
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)
        return table

    # --- reading ------------------------------------------------------------------------------

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown:
            self._tick.start()
            self.refresh()
        else:
            self._tick.stop()

    def refresh(self, *_args: object) -> None:
        if not self._shown:
            return
        if self._reading:
            self._again = True  # a change came while reading: once more when this read ends
            return
        self._reading, self._again = True, False
        region = self._user.region_id
        self.summary.setText(self.tr("Reading…"))
        self._operations.read(lambda: self._service.tasks(region), self._show, self._failed)

    def on_changes(self, changes, _origin: object = None) -> None:
        """A callback changes with its order's change set (an action here, the feed): read again."""
        if changes.orders or changes.everything:
            self.refresh()

    def _failed(self, error: Exception) -> None:
        self._reading = False
        self.summary.setText(self.tr("The callbacks could not be read: %1").replace("%1", str(error)))

    def _show(self, tasks: list[CallbackTask]) -> None:
        self._reading = False
        if self._again:
            self.refresh()
        self.tasks = tasks
        self._fill()

    def _fill(self) -> None:
        now = self._clock()
        selected = self.selected()
        states = SHOWN[self.filter.currentData()]
        shown = [t for t in self.tasks if t.state in states]
        overdue = sum(t.overdue(now) for t in self.tasks)
        waiting = sum(t.state is not CallbackState.CLOSED for t in self.tasks)
        self.summary.setText(self.tr("%1 not closed, %2 overdue, %3 in all").replace("%1", str(waiting))
                             .replace("%2", str(overdue)).replace("%3", str(len(self.tasks))))
        if overdue:
            self.summary.setText(f"<span style='color:{RED.name()}'>{self.summary.text()}</span>")
        self.table.setRowCount(len(shown))
        for row, task in enumerate(shown):
            self._fill_row(row, task, task.overdue(now))
        self.table.resizeColumnsToContents()
        for column in (4, 10, 11):  # the free texts: wide enough to read, not the whole dock
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 220))
        again = next((r for r, t in enumerate(shown) if selected and t.id == selected.id), None)
        if again is not None:
            self.table.selectRow(again)
        self._enable()

    def _fill_row(self, row: int, t: CallbackTask, overdue: bool) -> None:
        state = self.tr("Overdue") if overdue else state_name(t.state)
        closed = f"{labels.local_time(t.closed_at, self._zone)} {t.closed_by}".strip()
        values = (labels.local_time(t.due_at, self._zone), t.order_number, t.customer, respondent_text(t.respondent), t.comment, state,
                  t.caller, str(t.attempts) if t.attempts else "", labels.local_time(t.called_at, self._zone), outcome_name(t.outcome),
                  t.call_note, t.remedy, closed)
        for column, value in enumerate(values):
            item = QTableWidgetItem(value)
            if column == 0:
                item.setData(Qt.ItemDataRole.UserRole, t.id)
            if column in (4, 10, 11) and value:
                item.setToolTip(value)
            if overdue:
                item.setForeground(RED)
                if column in (0, 5):
                    font = QFont(item.font())
                    font.setBold(True)
                    item.setFont(font)
            elif t.state is CallbackState.CLOSED:
                item.setForeground(GREY)
            if column == 7:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.table.setItem(row, column, item)

    # --- acting -------------------------------------------------------------------------------

    def selected(self) -> CallbackTask | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        item = self.table.item(rows[0].row(), 0)
        task_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return next((t for t in self.tasks if t.id == task_id), None)

    def _enable(self) -> None:
        """Each action enabled when the rules would take it (the service checks again)."""
        t, role, me = self.selected(), self._user.role, self._user.id
        works = t is not None and rules.may_work(role, me, t.caller_id, t.state) is None
        self.take.setEnabled(works and t.caller_id != me)
        self.call.setEnabled(works)
        self.remedy.setEnabled(works and rules.may_record_remedy(t.state) is None)
        self.assign.setEnabled(t is not None and rules.may_assign(role, t.state) is None)
        self.close_remedy.setEnabled(t is not None and rules.may_close(role, t.state, t.remedy) is None)

    def _choose(self, row: int, _column: int) -> None:
        item = self.table.item(row, 0)
        task = next((t for t in self.tasks if item is not None and t.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if task is not None:
            self.order_chosen.emit(task.order_id)

    def take_selected(self) -> None:
        if (t := self.selected()) is not None:
            self._write(lambda: self._service.take(t.id))

    def assign_selected(self) -> None:
        t = self.selected()
        if t is None:
            return
        region = self._user.region_id
        self._operations.read(lambda: self._service.callers(region), lambda callers: self._ask_caller(t, callers), self._failed_write)

    def _ask_caller(self, t: CallbackTask, callers: list[tuple[uuid.UUID, str]]) -> None:
        dialog = AssignDialog(t.order_number, callers, t.caller_id, self)
        if dialog.exec() and (caller := dialog.caller.currentData()) is not None:
            self._write(lambda: self._service.assign(t.id, caller))

    def record_call(self) -> None:
        t = self.selected()
        if t is None:
            return
        dialog = CallDialog(t.order_number, t.customer, t.comment, self)
        if dialog.exec():
            outcome, note = dialog.chosen(), dialog.note.toPlainText()
            self._write(lambda: self._service.record_call(t.id, outcome, note))

    def record_remedy(self) -> None:
        t = self.selected()
        if t is None:
            return
        dialog = RemedyDialog(t.order_number, t.call_note, t.remedy, self)
        if dialog.exec():
            remedy = dialog.remedy.toPlainText()
            self._write(lambda: self._service.record_remedy(t.id, remedy))

    def close_selected(self) -> None:
        t = self.selected()
        if t is None:
            return
        dialog = CloseDialog(t.order_number, t.remedy, self)
        if dialog.exec():
            note = dialog.note.toPlainText()
            self._write(lambda: self._service.close(t.id, note))

    def _write(self, fn: Callable[[], object]) -> None:
        self._operations.write(fn, None, self._failed_write, origin=self)  # (its change reaches the bus: read again)

    def _failed_write(self, error: Exception) -> None:
        refusal = getattr(error, "refusal", None)
        text = refusal_text(refusal) if refusal is not None else labels.saving_failure(error)
        QMessageBox.warning(self, self.tr("Nothing was changed"), text)


def install(window, desk) -> CallbacksPanel | None:
    """The callbacks as a dock of `window` (hidden at first start) for dispatchers and supervisors, its
    View menu entry, refreshed by the change bus while shown."""
    if desk.user.role not in rules.CALLING_ROLES:  # (dispatchers, supervisors, administrators)
        return None
    panel = CallbacksPanel(desk.callbacks, window.operations, desk.user, window.model.zone, window.model.clock)
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Satisfaction callbacks"), window)
    dock.setObjectName("callbacks")  # (saved and restored by name: console.ui.window_layout)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    dock.visibilityChanged.connect(panel.set_shown)
    action: QAction = dock.toggleViewAction()
    action.setText(QCoreApplication.translate("MainWindow", "Satisfaction call&backs"))
    window.view_menu.addAction(action)
    window.bus.changed.connect(panel.on_changes)
    panel.order_chosen.connect(lambda order_id: _show_order(window, order_id))
    window.callbacks, window.callbacks_dock = panel, dock
    return panel


def _show_order(window, order_id: uuid.UUID) -> None:
    """The order in the queue, or (closed, as a callback's order is) its whole story on the History page."""
    if window.select_order(order_id):
        return
    history = getattr(window, "history", None)
    if history is not None:
        window.tabs.setCurrentWidget(history)
        history.open_order(order_id)
        return
    window.statusBar().showMessage(QCoreApplication.translate("CallbacksPanel", "That order is closed: it is not in the queue."), 5000)
