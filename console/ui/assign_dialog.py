"""The assign dialog: the orders it assigns, every technician ranked as the candidates panel ranks
them, those who cannot take the orders greyed with why, and, when the orders need a visit, the visit
booked at the chosen technician's earliest start with the same click."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.booking_rules import Override, verdict
from console.core.domain.candidates import Candidate, unfit
from console.core.domain.enums import Band, OrderKind, Role
from console.core.services.assigning import AssignChoice, NoBooking
from console.ui import candidate_text, labels, sla_format
from console.ui.finding_text import describe, override_text

GREY = QColor("#9e9e9e")
WARN = QColor("#8a6d00")
BLOCK = QColor("#c62828")
ORDERS_SHOWN = 4  # order lines visible before the list scrolls


@dataclass(frozen=True)
class OrderLine:
    """An order as the dialog names it, its time left as the queue shows it now."""

    id: uuid.UUID
    number: str
    customer: str
    kind: OrderKind
    left: str
    band: Band


class AssignDialog(QDialog):
    ranked = Signal()
    """The ranking arrived and is shown (or it failed and says so)."""

    COLUMNS = ("name", "team", "region", "start", "distance", "load", "score", "why")

    def __init__(self, lines: list[OrderLine], zone: ZoneInfo, english: bool, role: Role, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assign to a technician"))
        self._zone, self._english, self._role = zone, english, role
        self.choice: AssignChoice | None = None
        self._shown: list[Candidate] = []
        self.orders = self._orders_table(lines)
        self.status = QLabel(self.tr("Ranking the technicians…"))
        self.status.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Filter by name, team or region"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(self.search.fontMetrics().horizontalAdvance(self.search.placeholderText()) + 40)
        self.table = self._technicians_table()
        self.book = QCheckBox(self.tr("Book the visit at the technician's earliest start (proposed to the customer, 2 hours)"))
        self.book.setChecked(True)
        self.no_booking = QLabel()
        self.no_booking.setWordWrap(True)
        self.no_booking.hide()
        self.verdict = QLabel()
        self.verdict.setWordWrap(True)
        self.verdict.setTextFormat(Qt.TextFormat.RichText)
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Why it is right anyway (kept in the audit log)"))
        self.reason.hide()
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #c62828;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.orders)
        search = QHBoxLayout()
        search.addWidget(self.status, 1)
        search.addWidget(self.search)
        layout.addLayout(search)
        layout.addWidget(self.table, 1)
        for widget in (self.book, self.no_booking, self.verdict, self.reason, self.problem, self.buttons):
            layout.addWidget(widget)
        self.search.textChanged.connect(self._fill)
        self.book.toggled.connect(self._fill)
        self.table.itemSelectionChanged.connect(self._on_table_selection_changed)
        self.table.doubleClicked.connect(lambda _index: self._on_buttons_accepted())
        self._fit_to_screen(parent)
        self._update_ok_text()

    # --- building -----------------------------------------------------------------------------

    def _orders_table(self, lines: list[OrderLine]) -> QTableWidget:
        table = QTableWidget(len(lines), 4)
        table.setHorizontalHeaderLabels([self.tr("Order"), self.tr("Customer"), self.tr("Kind"), self.tr("Time left")])
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        table.verticalHeader().hide()
        for r, line in enumerate(lines):
            for c, text in enumerate((line.number, line.customer, labels.name(line.kind), line.left)):
                item = QTableWidgetItem(text)
                if c == 3:
                    item.setForeground(sla_format.BAND_COLOURS[line.band])
                    item.setToolTip(sla_format.band_name(line.band))
                table.setItem(r, c, item)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        rows = min(len(lines), ORDERS_SHOWN)
        table.setFixedHeight(header.sizeHint().height() + rows * table.verticalHeader().defaultSectionSize() + 2 * table.frameWidth() + 2)
        table.setToolTip(self.tr("The orders this assigns: %n order(s).", "", len(lines)))
        return table

    def _technicians_table(self) -> QTableWidget:
        table = QTableWidget(0, len(self.COLUMNS))
        table.setHorizontalHeaderLabels([
            self.tr("Technician"), self.tr("Team"), self.tr("Region"), self.tr("Earliest start"), candidate_text.part_title("distance"),
            candidate_text.part_title("load"), self.tr("Score"), self.tr("Why not / notes")])
        table.horizontalHeaderItem(3).setToolTip(self.tr("Technicians who can take the orders come first, by their earliest "
                                                         "start; the same start goes to the shorter drive."))
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.setWordWrap(False)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        return table

    def _fit_to_screen(self, parent: QWidget | None) -> None:
        """Most of the window it is opened over (a 1366x768 laptop included), never more than it needs."""
        window = parent.window() if parent is not None else None
        room = window.size() if window is not None and window.isVisible() else QGuiApplication.primaryScreen().availableSize()
        self.resize(min(1120, max(760, int(room.width() * 0.8))), min(720, max(520, int(room.height() * 0.85))))

    # --- the ranking --------------------------------------------------------------------------

    def show_choice(self, choice: AssignChoice | None) -> None:
        """The ranking from the worker; None when none of the orders is open any more."""
        self.choice = choice
        if choice is None:
            self.status.setText(self.tr("None of these orders is open any more: nothing to assign."))
            self.ranked.emit()
            return
        fit = sum(1 for c in choice.candidates if not unfit(c, choice.books_visit))
        self.status.setText(self.tr("%1 of %2 technicians can take it; ranked by earliest start, then the shorter drive.")
                            .replace("%1", str(fit)).replace("%2", str(len(choice.candidates))))
        if choice.gone:
            self.status.setText(self.status.text() + " " + self.tr("%n order(s) no longer open are left out.", "", len(choice.gone)))
        self.book.setVisible(choice.books_visit)
        self.book.setChecked(choice.books_visit)
        if not choice.books_visit:
            self.no_booking.setText(_no_booking_text(choice.no_booking))
        self.no_booking.setVisible(not choice.books_visit)
        self._fill()
        self.ranked.emit()

    def show_failure(self, error: Exception) -> None:
        self.status.setText(self.tr("The technicians could not be read: %1").replace("%1", str(error)))
        self.ranked.emit()

    @property
    def booking(self) -> bool:
        return self.choice is not None and self.choice.books_visit and self.book.isChecked()

    def _fill(self, *_args: object) -> None:
        if self.choice is None:
            return
        chosen = self.chosen_technician()
        text = self.search.text().strip().lower()
        techs = self.choice.technicians
        booking = self.booking
        shown = [c for c in self.choice.candidates if not text or text in self._haystack(c)]
        shown.sort(key=lambda c: bool(unfit(c, booking)))  # stable: the ranking stays within each group
        self._shown = shown
        self.table.setRowCount(len(shown))
        for r, c in enumerate(shown):
            tech = techs[c.technician_id]
            region = tech.region_en if self._english else tech.region
            parts = candidate_text.parts_of(c)
            reasons = [candidate_text.unfit_text(u, c, region) for u in unfit(c, booking)]
            notes = "、".join(reasons) or candidate_text.warnings_text(c)
            cells = [(tech.name, ""), (tech.team, ""), (region, ""), (candidate_text.start_text(c, self._zone), ""),
                     (candidate_text.part_cell(parts["distance"]), candidate_text.part_tooltip(parts["distance"], self._zone)),
                     (candidate_text.part_cell(parts["load"]), candidate_text.part_tooltip(parts["load"], self._zone)),
                     (f"{c.score:.0f}", self._score_tooltip(c)), (notes, notes)]
            for col, (value, tip) in enumerate(cells):
                item = QTableWidgetItem(value)
                item.setData(Qt.ItemDataRole.UserRole, c.technician_id)
                if tip:
                    item.setToolTip(tip)
                if reasons:  # greyed and not selectable: this technician cannot take it
                    item.setForeground(GREY)
                    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(r, col, item)
        self._select(chosen)
        self._on_table_selection_changed()  # (the same row selected again emits nothing: the verdict may differ now)
        self._update_ok_text()

    def _haystack(self, c: Candidate) -> str:
        t = self.choice.technicians[c.technician_id]
        return f"{t.name} {t.team} {t.region} {t.region_en}".lower()

    def _score_tooltip(self, c: Candidate) -> str:
        parts = candidate_text.parts_of(c)
        lines = [candidate_text.part_tooltip(parts[p], self._zone) for p in candidate_text.PARTS]
        return self.tr("Score %1 of 100:").replace("%1", f"{c.score:.0f}") + "<br>" + "<br>".join(lines)

    def _select(self, technician_id: uuid.UUID | None) -> None:
        rows = [r for r, c in enumerate(self._shown) if not unfit(c, self.booking)]
        keep = [r for r in rows if self._shown[r].technician_id == technician_id]
        if keep or rows:
            self.table.selectRow((keep or rows)[0])
        else:
            self.table.clearSelection()

    # --- the chosen technician ----------------------------------------------------------------

    def chosen_candidate(self) -> Candidate | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self._shown):
            return None
        candidate = self._shown[rows[0].row()]
        return None if unfit(candidate, self.booking) else candidate

    def chosen_technician(self) -> uuid.UUID | None:
        candidate = self.chosen_candidate()
        return candidate.technician_id if candidate is not None else None

    def chosen_start(self) -> datetime | None:
        candidate = self.chosen_candidate()
        return candidate.slot if candidate is not None and self.booking else None

    def _on_table_selection_changed(self) -> None:
        self.problem.clear()
        candidate = self.chosen_candidate()
        allowed, needs_reason = candidate is not None, False
        self.verdict.clear()
        if candidate is not None and self.booking:
            findings = self.choice.findings.get(candidate.technician_id, ())
            judged = verdict(list(findings), self._role)
            allowed, needs_reason = judged.allowed, judged.needs_reason
            self.verdict.setText(self._verdict_text(candidate, findings, judged))
        self.reason.setVisible(needs_reason)
        self.ok.setEnabled(allowed)

    def _verdict_text(self, candidate: Candidate, findings, judged) -> str:
        name = self.choice.technicians[candidate.technician_id].name
        head = self.tr("Books %1 at %2 for the customer to confirm.").replace("%1", name).replace(
            "%2", candidate_text.start_text(candidate, self._zone))
        lines = []
        for f in findings:
            colour = BLOCK if f in judged.blocking else WARN
            lines.append(f"<span style='color:{colour.name()}'>{describe(f, self._zone)} ({override_text(f)})</span>")
        if not judged.allowed:
            supervisor = all(f.override is Override.SUPERVISOR for f in judged.blocking)
            lines.append("<b>" + (self.tr("Only a shift supervisor can book this; untick booking to assign only.") if supervisor
                                  else self.tr("This slot cannot be booked; untick booking to assign only.")) + "</b>")
        return "<br>".join([head, *lines])

    def _update_ok_text(self) -> None:
        self.ok.setText(self.tr("Assign and book") if self.booking else self.tr("Assign"))

    def _on_buttons_accepted(self) -> None:
        if self.chosen_candidate() is None or not self.ok.isEnabled():
            self.problem.setText(self.tr("Choose a technician who can take it."))
            return
        if self.reason.isVisible() and not self.reason.text().strip():
            self.problem.setText(self.tr("Write why you book over these warnings."))
            self.reason.setFocus()
            return
        self.accept()


NO_BOOKING = {
    NoBooking.HAS_VISIT: QT_TRANSLATE_NOOP("AssignDialog", "A technician's visit is booked already: this assigns only "
                                                           "(move the visit on the schedule board)."),
    NoBooking.NOT_WAITING: QT_TRANSLATE_NOOP("AssignDialog", "No visit to book (the work is under way or done): this assigns only."),
    NoBooking.SEVERAL_SITES: QT_TRANSLATE_NOOP("AssignDialog", "The orders are at several sites: this assigns only (book their "
                                                               "visits on the schedule board); ranked for the most urgent order's site."),
    NoBooking.SEVERAL_VISITS: QT_TRANSLATE_NOOP("AssignDialog", "The orders have different visits: this assigns only."),
}


def _no_booking_text(why: NoBooking | None) -> str:
    return QCoreApplication.translate("AssignDialog", NO_BOOKING[why]) if why in NO_BOOKING else ""
