"""The planning tab: the schedule board, the orders waiting for a visit, candidates, and the
appointment actions. Reads and commits run off the GUI thread through `Operations`; every commit
is one call to the appointment book, whose answer (why not) is shown here, and whose changes
reach every view through the desk's bus (this page reloads on them too)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMimeData, Qt, Signal, Slot
from PySide6.QtGui import QDrag
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import Changes
from console.core.domain import appointments as appointment_rules
from console.core.domain.booking_rules import Travel
from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import AppointmentStatus, Band, ContactMethod
from console.core.domain.lifecycle import Refusal
from console.core.domain.sla import SlaParameters
from console.core.domain.sla_clock import band_at
from console.core.services.appointments import AppointmentBook, Booking
from console.core.services.planning import PlanningDesk, check_move, order_visit, technician_days, visit_of
from console.core.store.planning_query import PlanData, PlanVisit
from console.core.store.rows import DeskUser
from console.ui import labels, sla_format
from console.ui.appointment_dialogs import BookDialog, RescheduleDialog
from console.ui.board_commit_dialog import CommitDialog
from console.ui.board_loading import BoardLoad, load_board
from console.ui.board_places import BoardPlaces
from console.ui.candidates_panel import CandidatesPanel
from console.ui.finding_text import refusal_text
from console.ui.operations import Operations
from console.ui.schedule_board import ORDER_MIME, ScheduleBoard

WAITING_SHOWN = 400
LOAD_DAYS = 7  # a load covers a week from the first day shown, so paging inside it is instant


class WaitingList(QListWidget):
    """Open orders with no technician's visit, most urgent first; drag one onto the board."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDragEnabled(True)
        self.setWordWrap(True)
        self.setAlternatingRowColors(True)
        self.setSelectionMode(QListWidget.SelectionMode.SingleSelection)

    def startDrag(self, _actions) -> None:
        item = self.currentItem()
        if item is None:
            return
        mime = QMimeData()
        mime.setData(ORDER_MIME, str(item.data(Qt.ItemDataRole.UserRole)).encode())
        drag = QDrag(self)
        drag.setMimeData(mime)
        drag.exec(Qt.DropAction.MoveAction)


class PlanningPage(QWidget):
    optimise_requested = Signal()
    """The dispatcher asked for the batch optimiser (the window opens it)."""

    def __init__(self, planning: PlanningDesk, book: AppointmentBook, user: DeskUser, zone: ZoneInfo,
                 calendar: BusinessCalendar, params: SlaParameters, clock: Callable[[], datetime], operations: Operations,
                 english: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._planning, self._book, self._user, self._zone = planning, book, user, zone
        self.calendar, self.params = calendar, params
        self._clock, self._operations, self._english = clock, operations, english
        self._background = operations.background
        self.data: PlanData | None = None
        self._book_when_loaded: uuid.UUID | None = None  # (Orders ▸ Book a visit asked before the board was read)
        self._days: dict = {}
        self._travel = Travel()
        self._generation = 0
        self.selected_visit: uuid.UUID | None = None

        self.board = ScheduleBoard(zone, self)
        self.board.set_checker(self._check)
        self.places = BoardPlaces(self.board.show_places, planning, operations, clock, self)  # on site, on the way, late
        self.waiting = WaitingList()
        self.candidates = CandidatesPanel(zone)
        self.side = QTabWidget()
        self.side.addTab(self.waiting, self.tr("Waiting orders"))
        self.side.addTab(self.candidates, self.tr("Candidates"))
        self.visit_label = QLabel(self.tr("Click a visit on the board to act on it."))
        self.visit_label.setWordWrap(True)
        self.optimise_button = QPushButton(self.tr("Optimise…"))
        self.optimise_button.setToolTip(self.tr("Plan a region's day with the batch optimiser: review the proposal, commit what you keep."))
        self.book_button = QPushButton(self.tr("Book…"))
        self.reschedule_button = QPushButton(self.tr("Reschedule…"))
        self.confirm_button = QPushButton(self.tr("Confirmed"))
        self.reconfirm_button = QPushButton(self.tr("Reconfirmed"))
        self.pin_button = QPushButton(self.tr("Pin"))
        self.cancel_button = QPushButton(self.tr("Cancel visit…"))
        self.merge_label = QLabel()
        self.merge_label.setWordWrap(True)
        self.merge_button = QPushButton(self.tr("Merge into one visit"))
        self.merge_label.hide()
        self.merge_button.hide()
        actions = QHBoxLayout()
        for button in (self.optimise_button, self.book_button, self.reschedule_button, self.confirm_button, self.reconfirm_button,
                       self.pin_button, self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.merge_label)
        actions.addWidget(self.merge_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.board, 1)
        left_layout.addWidget(self.visit_label)
        left_layout.addLayout(actions)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1080, 400])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

        self.board.span_changed.connect(self._on_board_span_changed)
        self.board.visit_dropped.connect(self._on_board_visit_dropped)
        self.board.order_dropped.connect(self._on_board_order_dropped)
        self.board.visit_selected.connect(self._on_board_visit_selected)
        self.waiting.currentItemChanged.connect(self._on_waiting_current_changed)
        self.candidates.assign_requested.connect(self._on_candidates_assign_requested)
        self.optimise_button.clicked.connect(self.optimise_requested)
        self.book_button.clicked.connect(self._on_book_clicked)
        self.reschedule_button.clicked.connect(self._on_reschedule_clicked)
        self.confirm_button.clicked.connect(lambda: self._on_simple_clicked("confirm"))
        self.reconfirm_button.clicked.connect(lambda: self._on_simple_clicked("reconfirm"))
        self.pin_button.clicked.connect(lambda: self._on_simple_clicked("pin"))
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.merge_button.clicked.connect(self._on_merge_clicked)
        operations.bus.changed.connect(self._on_bus_changed)
        self._show_visit_actions()

    # --- loading ------------------------------------------------------------------------------

    def load(self, moment: datetime | None = None, days: int | None = None) -> None:
        self.board.show_days(moment or self._clock(), days or self.board.span.currentData())
        if self.data is not None:
            self.reload()

    def reload(self) -> None:
        start, end = self.board.span_shown()
        self._load(start, max(end, start + timedelta(days=LOAD_DAYS)))

    def _on_board_span_changed(self, start: datetime, end: datetime) -> None:
        self._load(start, max(end, start + timedelta(days=LOAD_DAYS)))

    def _load(self, start: datetime, end: datetime) -> None:
        """The plan, travel model and board layout (utilisation included) read and built off the GUI thread."""
        self._generation += 1
        generation, region, planning, now = self._generation, self._user.region_id, self._planning, self._clock()
        shape = {"zone": self._zone, "english": self._english, "calendar": self.calendar, "params": self.params, "now": now}
        self._background.run(lambda: load_board(planning, region, start, end, **shape),
                             lambda loaded: self._on_loaded(generation, loaded, now), self._on_failed)

    def _on_loaded(self, generation: int, loaded: BoardLoad, now: datetime) -> None:
        if generation != self._generation:
            return
        first = self.data is None
        self.data, self._travel = loaded.data, loaded.travel
        self._days = technician_days(loaded.data)
        self.board.show_layout(loaded.layout, now, keep_view=not first)
        self.places.plan_loaded(loaded.data)
        if first:
            self.board.show_days(self.board.span_shown()[0], self.board.span.currentData())
        self._fill_waiting(now)
        self._show_merge_suggestion()
        self._show_visit_actions()
        if self._book_when_loaded is not None:
            self.book_order(self._book_when_loaded)

    def _on_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Planning"), self.tr("The plan could not be read: %1").replace("%1", str(error)))

    def _fill_waiting(self, now: datetime) -> None:
        current = self.waiting.currentItem().data(Qt.ItemDataRole.UserRole) if self.waiting.currentItem() else None
        self.waiting.clear()
        due_word = self.tr("due")
        for order_id in self.data.waiting[:WAITING_SHOWN]:
            o = self.data.orders[order_id]
            band = band_at(o.sla, self.calendar, self.params, now) if o.sla else Band.GREEN
            due = o.sla.times.due_at.astimezone(self._zone).strftime("%m-%d %H:%M") if o.sla else "—"
            text = f"{o.number} · {labels.name(o.kind)} · {o.customer}\n{o.site} · {due_word} {due}"
            if o.appointment_id is not None:
                text += " · " + self.tr("booked, no technician")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, order_id)
            item.setForeground(sla_format.BAND_COLOURS[band])
            item.setToolTip(self.tr("Drag onto a technician's row, or pick from the candidates."))
            self.waiting.addItem(item)
            if order_id == current:
                self.waiting.setCurrentItem(item)
        self.side.setTabText(0, self.tr("Waiting orders (%1)").replace("%1", str(len(self.data.waiting))))

    # --- the board's checker and drops --------------------------------------------------------

    def _proposal(self, target: tuple[str, uuid.UUID], start: datetime):
        kind, target_id = target
        if kind == "visit":
            visit = self._visit(target_id)
            return visit_of(self.data, visit, start) if visit else None
        order = self.data.orders.get(target_id)
        if order is None:
            return None
        if order.appointment_id is not None and (visit := self._visit(order.appointment_id)) is not None:
            return visit_of(self.data, visit, start)
        return order_visit(order, start)

    def _check(self, target, technician_id, start):
        proposal = self._proposal(target, start)
        if proposal is None:
            return 60, []
        return proposal.minutes, check_move(self.data, self._days, self._travel, proposal, technician_id, self._clock())

    def _visit(self, appointment_id: uuid.UUID) -> PlanVisit | None:
        return next((v for v in self.data.visits if v.id == appointment_id), None)

    def _on_board_visit_dropped(self, appointment_id, technician_id, start) -> None:
        visit = self._visit(appointment_id)
        if visit is None or (visit.technician_id == technician_id and visit.start == start):
            return
        self._commit_move(visit, technician_id, start)

    def _on_board_order_dropped(self, order_id, technician_id, start) -> None:
        order = self.data.orders.get(order_id)
        if order is None:
            return
        visit = self._visit(order.appointment_id) if order.appointment_id else None
        if visit is not None:
            self._commit_move(visit, technician_id, start)
            return
        _minutes, findings = self._check(("order", order_id), technician_id, start)
        dialog = CommitDialog(self.tr("Propose a visit"), self._summary([order.number], technician_id, start)
                              + "<br>" + self.tr("The visit is proposed: confirm the window with the customer next."),
                              findings, self._user.role, self._zone, self)
        if dialog.exec():
            window, reason, book = (start, start + timedelta(hours=2)), dialog.reason.text(), self._book
            self._commit(lambda: book.book([order_id], window, ContactMethod.PHONE, confirmed=False, technician_id=technician_id,
                                           planned_start=start, reason=reason))

    def _commit_move(self, visit: PlanVisit, technician_id: uuid.UUID, start: datetime) -> None:
        _minutes, findings = self._check(("visit", visit.id), technician_id, start)
        numbers = [self.data.orders[o].number for o in visit.order_ids if o in self.data.orders]
        dialog = CommitDialog(self.tr("Move the visit"), self._summary(numbers, technician_id, start), findings,
                              self._user.role, self._zone, self)
        if dialog.exec():
            reason, reschedule, book = dialog.reason.text(), dialog.reschedule(), self._book
            self._commit(lambda: book.move(visit.id, technician_id, start, reason, reschedule, expected_version=visit.version))

    def _summary(self, numbers: list[str], technician_id: uuid.UUID, start: datetime) -> str:
        name = next((t.name for t in self.data.technicians if t.id == technician_id), "?")
        return self.tr("%1 to %2 at %3").replace("%1", " ".join(numbers)).replace("%2", name).replace(
            "%3", start.astimezone(self._zone).strftime("%Y-%m-%d %H:%M"))

    def _commit(self, save: Callable[[], Booking]) -> None:
        """One call to the appointment book, off the GUI thread; its changes go out on the bus."""
        self._operations.write(save, self._answer, self._on_commit_failed, origin=self)

    def _ask(self, dialog, prepare: Callable[[], Callable[[], Booking]], form_problems: tuple) -> None:
        """Open `dialog`; `prepare` (on the GUI thread) reads what was typed into a save for the
        worker. A refusal of what was typed reopens the dialog with the problem and the text kept."""
        if not dialog.exec():
            return

        def answered(booking: Booking) -> None:
            if not booking.ok and booking.refusal in form_problems:
                dialog.show_problem(refusal_text(booking.refusal))
                self._ask(dialog, prepare, form_problems)
            else:
                self._answer(booking)

        self._operations.write(prepare(), answered, self._on_commit_failed, origin=self)

    def _answer(self, booking: Booking) -> None:
        """Show why a commit was refused (what it changed is on the bus already)."""
        if booking.ok:
            return
        text = (labels.name(booking.refusal) if isinstance(booking.refusal, Refusal)
                else refusal_text(booking.refusal, booking.detail))
        QMessageBox.warning(self, self.tr("Planning"), self.tr("Not saved: %1").replace("%1", text))
        if booking.refusal is appointment_rules.AppointmentRefusal.CHANGED_ELSEWHERE:
            self.reload()

    def _on_commit_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Planning"), self.tr("Not saved: %1").replace("%1", labels.saving_failure(error)))
        self.reload()

    # --- candidates ---------------------------------------------------------------------------

    def show_candidates(self, order_id: uuid.UUID) -> None:
        self.side.setCurrentWidget(self.candidates)
        now = self._clock()
        planning = self._planning
        self._background.run(lambda: planning.candidates(order_id, now), self.candidates.show_candidates, self._on_failed)

    def _on_waiting_current_changed(self, current: QListWidgetItem | None, _previous) -> None:
        if current is not None:
            order_id = current.data(Qt.ItemDataRole.UserRole)
            now = self._clock()
            planning = self._planning
            self._background.run(lambda: planning.candidates(order_id, now), self.candidates.show_candidates, self._on_failed)

    def _on_candidates_assign_requested(self, order_id, technician_id, slot) -> None:
        if self.data is None:
            return
        if slot is None:
            QMessageBox.information(self, self.tr("Planning"), self.tr("This technician has no free slot in time; drag the order onto the board instead."))
            return
        if order_id not in self.data.orders:
            self.reload()
            return
        self._on_board_order_dropped(order_id, technician_id, slot)

    # --- acting on a selected visit -----------------------------------------------------------

    def _on_board_visit_selected(self, appointment_id) -> None:
        self.selected_visit = appointment_id
        self._show_visit_actions()
        visit = self._visit(appointment_id) if appointment_id else None
        if visit is not None and visit.order_ids:
            self.show_candidates(visit.order_ids[0])

    def _show_visit_actions(self) -> None:
        visit = self._visit(self.selected_visit) if self.selected_visit and self.data else None
        open_ = visit is not None and visit.status in appointment_rules.OPEN
        for button in (self.reschedule_button, self.pin_button, self.cancel_button):
            button.setEnabled(open_)
        self.confirm_button.setEnabled(open_ and visit.status is AppointmentStatus.PROPOSED)
        self.reconfirm_button.setEnabled(open_ and visit.status is AppointmentStatus.CONFIRMED)
        self.pin_button.setText(self.tr("Unpin") if visit is not None and visit.locked else self.tr("Pin"))
        self.book_button.setEnabled(self.waiting.currentItem() is not None)
        if visit is None:
            self.visit_label.setText(self.tr("Click a visit on the board to act on it."))
            return
        numbers = " ".join(self.data.orders[o].number for o in visit.order_ids if o in self.data.orders)
        name = next((t.name for t in self.data.technicians if t.id == visit.technician_id), self.tr("no technician"))
        self.visit_label.setText(
            f"<b>{numbers}</b> · {name} · {labels.local_window(visit.window_start, visit.window_end, self._zone)}"
            f" · {labels.name(visit.status)}" + (" · " + self.tr("pinned") if visit.locked else ""))

    def _on_simple_clicked(self, what: str) -> None:
        visit = self._visit(self.selected_visit) if self.selected_visit else None
        if visit is None:
            return
        book = self._book
        if what == "confirm":
            self._commit(lambda: book.confirm(visit.id, ContactMethod.PHONE, visit.version))
        elif what == "reconfirm":
            self._commit(lambda: book.reconfirm(visit.id, visit.version))
        else:
            self._commit(lambda: book.set_locked(visit.id, not visit.locked, visit.version))

    def _on_reschedule_clicked(self) -> None:
        visit = self._visit(self.selected_visit) if self.selected_visit else None
        if visit is None:
            return
        numbers = [self.data.orders[o].number for o in visit.order_ids if o in self.data.orders]
        minutes = int((visit.window_end - visit.window_start).total_seconds() // 60)
        dialog = RescheduleDialog(" ".join(numbers), visit.window_start, minutes, self._zone, self)
        book = self._book

        def prepare() -> Callable[[], Booking]:
            window, change = dialog.window(), dialog.change()
            return lambda: book.reschedule(visit.id, window, change, visit.version)

        refused = appointment_rules.AppointmentRefusal
        self._ask(dialog, prepare, (refused.BAD_WINDOW, refused.WINDOW_IN_PAST, refused.SAME_WINDOW))

    def book_order(self, order_id: uuid.UUID) -> None:
        """Book a visit for this order (Orders ▸ Book a visit): once the board is read, the order is
        chosen in the waiting list and the booking opens; an order waiting for no visit says so."""
        if self.data is None:
            self._book_when_loaded = order_id
            return
        self._book_when_loaded = None
        if order_id not in self.data.waiting:
            number = self.data.orders[order_id].number if order_id in self.data.orders else ""
            QMessageBox.information(self, self.tr("Book a visit"), self.tr(
                "%1 waits for no visit: it has one booked (move it on the board) or its work is under way or done.").replace("%1", number))
            return
        for i in range(self.waiting.count()):
            if self.waiting.item(i).data(Qt.ItemDataRole.UserRole) == order_id:
                self.waiting.setCurrentItem(self.waiting.item(i))
        self._open_booking(order_id)

    def _on_book_clicked(self) -> None:
        item = self.waiting.currentItem()
        if item is not None and self.data is not None:
            self._open_booking(item.data(Qt.ItemDataRole.UserRole))

    def _open_booking(self, order_id: uuid.UUID) -> None:
        order = self.data.orders[order_id]
        start = max(self._clock() + timedelta(hours=2), self.board.span_shown()[0] + timedelta(hours=9))
        start = start.replace(minute=0, second=0, microsecond=0)
        dialog = BookDialog(f"{order.number} · {order.customer} · {order.site}", start, 120, ("", ""), self._zone, self)
        book = self._book

        def prepare() -> Callable[[], Booking]:
            window, contact, name, phone = dialog.window(), dialog.contact.currentData(), dialog.name.text(), dialog.phone.text()
            confirmed = dialog.confirmed.isChecked()
            return lambda: book.book([order.id], window, contact, name, phone, confirmed=confirmed)

        refused = appointment_rules.AppointmentRefusal
        self._ask(dialog, prepare, (refused.BAD_WINDOW, refused.WINDOW_IN_PAST))

    def _on_cancel_clicked(self) -> None:
        from PySide6.QtWidgets import QInputDialog

        visit = self._visit(self.selected_visit) if self.selected_visit else None
        if visit is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Cancel the visit"), self.tr("Why is the visit cancelled?"))
        if ok:
            book = self._book
            self._commit(lambda: book.cancel(visit.id, text, visit.version))

    # --- merging ------------------------------------------------------------------------------

    def _show_merge_suggestion(self) -> None:
        facts = [appointment_rules.VisitFacts(v.id, v.site_id, v.window_start, v.status) for v in self.data.visits]
        self._merges = appointment_rules.merge_suggestions(facts, self._zone)
        shown = bool(self._merges)
        if shown:
            first = self._merges[0]
            keep, absorb = self._visit(first.keep), self._visit(first.absorb)
            site = next((self.data.orders[o].site for o in keep.order_ids if o in self.data.orders), "")
            text = self.tr("Two visits to %1 on %2: one visit would do.").replace("%1", site).replace("%2", f"{first.day:%m-%d}")
            if len(self._merges) > 1:
                text += " " + self.tr("(%1 more)").replace("%1", str(len(self._merges) - 1))
            self.merge_label.setText(text)
            self.merge_label.setToolTip(f"{keep.id} ← {absorb.id}")
        self.merge_label.setVisible(shown)
        self.merge_button.setVisible(shown)

    def _on_merge_clicked(self) -> None:
        if not self._merges:
            return
        first, reason, book = self._merges[0], self.tr("two teams, one visit"), self._book
        self._commit(lambda: book.merge(first.keep, first.absorb, reason))

    # --- changes ------------------------------------------------------------------------------

    def turn_to(self, moment: datetime) -> None:
        """Show the days from `moment` (a plan was written there); shown days reload with the bus."""
        start, end = self.board.span_shown()
        if not start <= moment < end:
            self.load(moment)

    @Slot(object, object)
    def _on_bus_changed(self, changes: Changes, _origin: object | None) -> None:
        """Changes made here, in another view or at another desk: reload if they touch planning."""
        if self.data is not None and (changes.everything or changes.orders or changes.appointments):
            self.reload()
