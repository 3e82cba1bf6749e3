"""The desk's field view: what the technicians reported, in four tabs — exceptions (异常) with
the orders they archived and re-issued, check-ins (签到) against the site and the appointment
window with kept appointments (履约) counted, delivery (交付: tests, report, signature, billing)
and surveys (满意度). Read from the desk's own file off the GUI thread (it works offline), a tab when
it is shown, again whenever the feed or an action here changes an order.

From here the desk raises an exception and dispatches the order that carries on (one action), a
supervisor signs off a flagged check-in, and the signature link is sent again; a double click
shows the order in the queue.
"""

from __future__ import annotations

import statistics
import uuid
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import Changes
from console.core.domain.enums import OrderStatus, SatisfactionRating
from console.core.domain.roles import may_supervise
from console.core.services.field_desk import FieldDesk
from console.core.services.field_views import CheckIns, FieldViews
from console.core.store.rows import DeskUser
from console.ui import labels
from console.ui.field_dialogs import ExceptionRulesDialog, RaiseExceptionDialog, SignOffDialog
from console.ui.field_tables import (
    ORDER_ROLE,
    SAMPLES,
    CheckInsModel,
    DeliveryModel,
    ExceptionsModel,
    FieldModel,
    SurveysModel,
)
from console.ui.operations import Operations

Target = tuple[uuid.UUID, str]  # an order's id and number


class FieldPanel(QWidget):
    order_chosen = Signal(object)
    """A row was double-clicked: the order's id, to show in the queue."""
    message = Signal(str)
    """A line for the status bar."""

    EXCEPTIONS, CHECK_INS, DELIVERY, SURVEYS = range(4)

    def __init__(self, operations: Operations, views: FieldViews, field: FieldDesk, technicians: Callable[[], list],
                 user: DeskUser, zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._operations, self._field, self._technicians = operations, field, technicians
        self.views = views
        self._supervisor = may_supervise(user.role)
        self._shown = self._loading = False
        self._stale: set[int] = {self.EXCEPTIONS, self.CHECK_INS, self.DELIVERY, self.SURVEYS}  # tabs to read when shown
        self.queue_order: Callable[[], Target | None] = lambda: None  # the order selected in the queue (set by install)
        self.ask: Callable[[Any], int] = lambda dialog: dialog.exec()  # (a test answers the dialogs)
        self.models: list[FieldModel] = [ExceptionsModel(zone, self), CheckInsModel(zone, self), DeliveryModel(zone, self),
                                         SurveysModel(zone, self)]
        self.summaries = [QLabel() for _ in self.models]
        self.tables = [self._table(model) for model in self.models]
        self.raise_button = QPushButton(self.tr("Raise an exception…"))
        self.raise_button.setToolTip(self.tr("Record an exception the technician called in and dispatch the order that carries on"))
        self.raise_button.clicked.connect(lambda: self.raise_exception())
        self.rules_button = QPushButton(self.tr("Exception rules…"))
        self.rules_button.clicked.connect(self.edit_rules)
        self.sign_off_button = QPushButton(self.tr("Sign off…"), enabled=False)
        self.sign_off_button.setToolTip(self.tr("A supervisor signs off a flagged check-in (off site or late) with a note")
                                        if self._supervisor else self.tr("Only a shift supervisor signs off a check-in"))
        self.sign_off_button.clicked.connect(self.sign_off_selected)
        self.resend_button = QPushButton(self.tr("Send the signature link again"), enabled=False)
        self.resend_button.setToolTip(self.tr("Text the customer the link to sign the delivery report again"))
        self.resend_button.clicked.connect(self.resend_selected)
        self.tabs = QTabWidget()
        buttons = ([self.raise_button, self.rules_button], [self.sign_off_button], [self.resend_button], [])
        titles = (self.tr("Exceptions"), self.tr("Check-ins"), self.tr("Delivery"), self.tr("Surveys"))
        for table, summary, extra, title in zip(self.tables, self.summaries, buttons, titles, strict=True):
            self.tabs.addTab(self._page(table, summary, extra), title)
        self.tabs.currentChanged.connect(lambda _tab: self._read_if_stale())
        self.tables[self.CHECK_INS].selectionModel().selectionChanged.connect(self._update_buttons)
        self.tables[self.DELIVERY].selectionModel().selectionChanged.connect(self._update_buttons)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)

    def sizeHint(self) -> QSize:
        return QSize(760, 300)

    def _table(self, model: FieldModel) -> QTableView:
        table = QTableView()
        table.setModel(model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        metrics, header = self.fontMetrics(), table.horizontalHeader().fontMetrics()
        titles = model.titles()
        for column, sample in SAMPLES[type(model)].items():  # the sample's or the title's width, whichever is wider
            table.setColumnWidth(column, max(metrics.horizontalAdvance(sample), header.horizontalAdvance(titles[column]) + 8) + 24)
        table.horizontalHeader().setStretchLastSection(True)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        table.doubleClicked.connect(lambda index: self.order_chosen.emit(model.data(index, ORDER_ROLE)))
        return table

    @staticmethod
    def _page(table: QTableView, summary: QLabel, buttons: list[QPushButton]) -> QWidget:
        page = QWidget()
        bar = QHBoxLayout()
        bar.addWidget(summary, 1)
        for button in buttons:
            bar.addWidget(button)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(table)
        return page

    # --- loading ------------------------------------------------------------------------------

    def set_shown(self, shown: bool) -> None:
        """The view is on screen: its tab is read now if anything changed while it was hidden."""
        self._shown = shown
        self._read_if_stale()

    def on_changes(self, changes: Changes, _origin: object | None = None) -> None:
        """Orders changed (here or through the feed): their field events may have too."""
        if changes.orders or changes.everything:
            self._stale = set(range(len(self.models)))
            self._read_if_stale()

    def _read_if_stale(self) -> None:
        if self._shown and self.tabs.currentIndex() in self._stale:
            self.reload()

    def reload(self) -> None:
        """Read the tab shown in a worker (the others once they are shown), one job at a time (asked
        meanwhile: read again after)."""
        tab = self.tabs.currentIndex()
        if self._loading:
            self._stale.add(tab)
            return
        self._loading = True
        self._stale.discard(tab)
        read = (self.views.exceptions, self.views.check_ins, self.views.deliveries, self.views.surveys)[tab]
        self._operations.read(read, lambda found: self._on_loaded(tab, found), self._on_failed)

    def _on_loaded(self, tab: int, found: Any) -> None:
        model, table = self.models[tab], self.tables[tab]
        chosen = self._key(model, table)
        model.reset(found.rows if isinstance(found, CheckIns) else found)
        self._reselect(model, table, chosen)
        self.summaries[tab].setText(self._summary(tab, found))
        self._update_buttons()
        self._loading = False
        self._read_if_stale()

    def _on_failed(self, error: Exception) -> None:
        self._loading = False
        self.summaries[self.tabs.currentIndex()].setText(self.tr("The field events could not be read: %1").replace("%1", str(error)))

    @staticmethod
    def _key(model: FieldModel, table: QTableView) -> Any:
        rows = table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(model.rows):
            return None
        row = model.rows[rows[0].row()]
        return getattr(row, "event_id", None) or row.order_id

    @staticmethod
    def _reselect(model: FieldModel, table: QTableView, key: Any) -> None:
        if key is None:
            return
        for n, row in enumerate(model.rows):
            if (getattr(row, "event_id", None) or row.order_id) == key:
                table.selectRow(n)
                return

    def _summary(self, tab: int, found: Any) -> str:
        if tab == self.EXCEPTIONS:
            minutes = [m for e in found if (m := e.minutes_to_reissue) is not None]
            text = self.tr("%1 exception(s) · %2 re-issued").replace("%1", str(len(found))).replace("%2", str(len(minutes)))
            if minutes:
                text += " · " + self.tr("median %1 min from report to re-issue").replace("%1", f"{statistics.median(minutes):.1f}")
            paused = sum(1 for e in found if e.clock == "pause")
            return text + " · " + self.tr("%1 paused the clock").replace("%1", str(paused))
        if tab == self.CHECK_INS:
            rows, rate = found.rows, "–" if found.rate is None else f"{found.rate:.0%}"
            open_flags = sum(1 for r in rows if r.flagged and r.signed_off is None)
            return (self.tr("Kept appointments: %1 of %2 visits (%3) · %4 off site · %5 late · %6 flagged, not signed off")
                    .replace("%1", str(found.kept)).replace("%2", str(found.visits)).replace("%3", rate)
                    .replace("%4", str(sum(r.off_site for r in rows))).replace("%5", str(sum(r.late for r in rows)))
                    .replace("%6", str(open_flags)))
        if tab == self.DELIVERY:
            awaiting = sum(1 for d in found if d.signature in ("awaiting", "link_sent"))
            signed = sum(1 for d in found if d.signature in ("on_site", "sms_link"))
            billing = sum(1 for d in found if d.billing_started_at is not None)
            return (self.tr("%1 awaiting the customer's signature · %2 signed · %3 billing started")
                    .replace("%1", str(awaiting)).replace("%2", str(signed)).replace("%3", str(billing)))
        very = sum(1 for s in found if s.rating is SatisfactionRating.VERY_SATISFIED)
        unhappy = sum(1 for s in found if s.rating is SatisfactionRating.DISSATISFIED)
        share = f"{very / len(found):.0%}" if found else "–"
        return (self.tr("%1 answer(s) · very satisfied %2 · %3 dissatisfied (call back)")
                .replace("%1", str(len(found))).replace("%2", share).replace("%3", str(unhappy)))

    # --- actions ------------------------------------------------------------------------------

    def selected(self, tab: int) -> Any:
        rows = self.tables[tab].selectionModel().selectedRows()
        model = self.models[tab]
        return model.rows[rows[0].row()] if rows and rows[0].row() < len(model.rows) else None

    def _update_buttons(self, *_args: Any) -> None:
        check_in, delivery = self.selected(self.CHECK_INS), self.selected(self.DELIVERY)
        self.sign_off_button.setEnabled(self._supervisor and check_in is not None and check_in.signed_off is None)
        self.resend_button.setEnabled(delivery is not None and delivery.status is OrderStatus.RESOLVED
                                      and delivery.signature in ("awaiting", "link_sent"))

    def _target(self) -> Target | None:
        """The order an exception is raised on: the exceptions tab's selected row's (the order that
        carries on) when the tab is shown, else the queue's."""
        row = self.selected(self.EXCEPTIONS) if self.tabs.currentIndex() == self.EXCEPTIONS and self.isVisible() else None
        if row is not None:  # (one not dispatched yet or closed is refused with its reason)
            return row.carried_id, row.reissued_number or row.number
        return self.queue_order()

    def raise_exception(self, target: Target | None = None) -> None:
        target = target or self._target()
        if target is None:
            self.message.emit(self.tr("Select an order dispatched to a technician first."))
            return
        views, technicians = self.views, self._technicians
        self._operations.read(lambda: (views.exception_rules(), technicians()), lambda read: self._ask_exception(target, *read),
                              self._on_failed)

    def _ask_exception(self, target: Target, rules: dict, technicians: list) -> None:
        order_id, number = target
        dialog = RaiseExceptionDialog(number, technicians, rules, self)
        if not self.ask(dialog):
            return
        kind, note, technician_id, field = dialog.kind, dialog.recorded_note(), dialog.technician_id, self._field
        self._operations.write(lambda: field.raise_exception(order_id, kind, note, technician_id),
                               lambda _changes: self.message.emit(self.tr("Exception recorded on %1.").replace("%1", number)),
                               self._refused, origin=self)

    def edit_rules(self) -> None:
        views = self.views
        self._operations.read(views.exception_rules, self._ask_rules, self._on_failed)

    def _ask_rules(self, rules: dict) -> None:
        dialog = ExceptionRulesDialog(rules, self._supervisor, self)
        if not self.ask(dialog) or not dialog.changed():
            return
        changed, reason, field = dialog.changed(), dialog.reason, self._field

        def write() -> Changes:
            out = Changes()
            for kind, rule in changed.items():
                out |= field.set_exception_rule(kind, rule.reissue, rule.clock, reason)
            return out

        self._operations.write(write, lambda _c: self.message.emit(self.tr("The field exception rules were changed.")), self._refused,
                               origin=self)

    def sign_off_selected(self) -> None:
        row = self.selected(self.CHECK_INS)
        if row is None:
            return
        dialog = SignOffDialog(row, self)
        if not self.ask(dialog):
            return
        note, field = dialog.note.toPlainText(), self._field
        self._operations.write(lambda: field.sign_off_check_in(row.order_id, row.event_id, note),
                               lambda _c: self.message.emit(self.tr("Check-in on %1 signed off.").replace("%1", row.number)),
                               self._refused, origin=self)

    def resend_selected(self) -> None:
        row = self.selected(self.DELIVERY)
        if row is None:
            return
        field = self._field
        self._operations.write(lambda: field.resend_signature_link(row.order_id),
                               lambda _c: self.message.emit(self.tr("The signature link for %1 will be sent again.").replace("%1", row.number)),
                               self._refused, origin=self)

    def _refused(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Nothing was changed"),
                            self.tr("The change could not be saved: %1").replace("%1", labels.saving_failure(error)))


def install(window, desk) -> FieldPanel:
    """The field view as a dock of `window` beside the alert list (hidden at first start), its View
    menu entry (F7), and its actions in the Orders menu; refreshed by the change bus while shown."""
    user = desk.user
    region = user.region_id
    panel = FieldPanel(window.operations, FieldViews(desk.database, region), desk.field, lambda: desk.reader.technicians(region), user,
                       window.model.zone)
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Field events"), window)
    dock.setObjectName("field")  # (saved and restored by name: console.ui.window_layout)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    if getattr(window, "alerts_dock", None) is not None:
        window.tabifyDockWidget(window.alerts_dock, dock)
    dock.hide()
    dock.visibilityChanged.connect(panel.set_shown)
    action: QAction = dock.toggleViewAction()
    action.setText(QCoreApplication.translate("MainWindow", "&Field events"))
    action.setShortcut(QKeySequence("F7"))
    window.view_menu.addAction(action)
    orders_menu = getattr(window, "orders_menu", None)
    raise_action = QAction(QCoreApplication.translate("MainWindow", "Raise a field &exception…"), window)
    raise_action.triggered.connect(lambda: panel.raise_exception(_queue_order(window)))
    rules_action = QAction(QCoreApplication.translate("MainWindow", "Field exception r&ules…"), window)
    rules_action.triggered.connect(panel.edit_rules)
    window.field_rules_action = rules_action
    if orders_menu is not None:
        orders_menu.addSeparator()
        orders_menu.addAction(raise_action)
        orders_menu.addAction(rules_action)
    panel.queue_order = lambda: _queue_order(window)
    panel.order_chosen.connect(lambda order_id: _show_order(window, panel, order_id))
    panel.message.connect(lambda text: window.statusBar().showMessage(text, 8000))
    window.bus.changed.connect(panel.on_changes)
    window.field, window.field_dock = panel, dock
    window.raise_exception_action, window.exception_rules_action = raise_action, rules_action
    return panel


def _queue_order(window) -> Target | None:
    ids = window.queue.selected_ids()
    if not ids:
        return None
    row = window.model.row_of(ids[0])
    return (ids[0], window.model.row_at(row).number) if row is not None else None


def _show_order(window, panel: FieldPanel, order_id: uuid.UUID | None) -> None:
    if order_id is not None and not window.select_order(order_id):
        panel.message.emit(QCoreApplication.translate("FieldPanel", "That order is no longer open: it is not in the queue."))
