"""The past shift handovers: searched by date and by any word (a person, an order number, a customer,
the notes or remarks), listed newest first, the chosen one's signed contents shown read-only.
Searches run off the GUI thread; both tables export and print (`table_export.attach`)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QDate, Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.services.handover import HandoverRecord, Handovers
from console.ui import handover_text as text
from console.ui.operations import Operations
from console.ui.table_export import attach

DEBOUNCE_MS = 300


def table(headers: list[str]) -> QTableWidget:
    view = QTableWidget(0, len(headers))
    view.setHorizontalHeaderLabels(headers)
    view.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    return view


def fill_contents(view: QTableWidget, record: HandoverRecord, zone: ZoneInfo) -> None:
    """A signed handover's lines, section by section (read-only), and what was left out."""
    rows = []
    for section in record.sections:
        for item in section.items:
            rows.append((text.title(section.key), item.number, item.customer, text.line(section.key, item, zone), item.remark, False))
        for item in section.removed:
            left_out = QCoreApplication.translate("HandoverPage", "left out at signing")
            rows.append((text.title(section.key), item.number, "", left_out, "", True))
    view.setRowCount(len(rows))
    for n, values in enumerate(rows):
        for column, value in enumerate(values[:5]):
            cell = QTableWidgetItem(value)
            if values[5]:
                cell.setForeground(QColor("#9ca3af"))
            view.setItem(n, column, cell)
    view.resizeColumnsToContents()


class HandoverRecords(QWidget):
    """The "Past handovers" tab."""

    def __init__(self, handovers: Handovers, operations: Operations, zone: ZoneInfo, clock: Callable[[], datetime],
                 region: Callable[[], uuid.UUID | None], english: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._handovers, self._operations, self._zone, self._clock, self._region = handovers, operations, zone, clock, region
        self._english = english
        self.records: list[HandoverRecord] = []
        self._searching = self._again = False
        today = clock().astimezone(zone).date()
        self.first_day, self.last_day = QDateEdit(_qdate(today - timedelta(days=30))), QDateEdit(_qdate(today))
        for edit in (self.first_day, self.last_day):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.dateChanged.connect(self.search)
        self.words = QLineEdit()
        self.words.setPlaceholderText(self.tr("A person, an order number, a customer or words of the notes"))
        self.words.setClearButtonEnabled(True)
        self._debounce = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._debounce.timeout.connect(self.search)
        self.words.textChanged.connect(self._debounce.start)
        self.search_button = QPushButton(self.tr("Search"))
        self.search_button.clicked.connect(self.search)
        self.summary = QLabel()
        self.list = table([self.tr("Shift"), self.tr("Region"), self.tr("Signed by"), self.tr("Signed at"), self.tr("Acknowledged by"),
                           self.tr("Acknowledged at"), self.tr("Lines"), self.tr("Notes")])
        self.list.itemSelectionChanged.connect(self._on_list_selection_changed)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.contents = table([self.tr("Section"), self.tr("Order"), self.tr("Customer"), self.tr("What"), self.tr("Remark")])
        attach(self.list, self.tr("Past shift handovers"))
        attach(self.contents, self.tr("Shift handover"))
        top = QHBoxLayout()
        for widget in (QLabel(self.tr("From")), self.first_day, QLabel(self.tr("to")), self.last_day, QLabel(self.tr("Search:"))):
            top.addWidget(widget)
        top.addWidget(self.words, 1)
        top.addWidget(self.search_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.heading)
        detail_layout.addWidget(self.contents, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(detail)
        split.setSizes([220, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)

    def search(self, *_args: object) -> None:
        """Search again off the GUI thread (once more after, if asked meanwhile)."""
        if self._searching:
            self._again = True
            return
        self._searching, self._again = True, False
        first, last = self.first_day.date().toPython(), self.last_day.date().toPython()
        words, region = self.words.text(), self._region()
        self.summary.setText(self.tr("Searching…"))
        self._operations.read(lambda: self._handovers.search(region, first, last, words), self._on_found, self._on_failed)

    def _on_found(self, records: list[HandoverRecord]) -> None:
        self._searching = False
        if self._again:
            self.search()
            return
        self.show_records(records)

    def _on_failed(self, error: Exception) -> None:
        self._searching = False
        self.summary.setText(self.tr("The handovers could not be read: %1").replace("%1", str(error)))

    def show_records(self, records: list[HandoverRecord]) -> None:
        chosen = self.chosen()
        self.records = records
        self.summary.setText(self.tr("%n handover(s)", "", len(records)))
        self.list.setRowCount(len(records))
        for n, r in enumerate(records):
            values = (text.shift_name(r.shift_start, r.shift_end, self._zone), r.region_en if self._english else r.region,
                      r.signed_by, _local(r.signed_at, self._zone), r.acknowledged_by or self.tr("not yet"),
                      _local(r.acknowledged_at, self._zone), str(r.items), " ".join(r.notes.split())[:120])
            for column, value in enumerate(values):
                cell = QTableWidgetItem(value)
                if column == 4 and r.acknowledged_at is None:
                    cell.setForeground(QColor("#b45309"))
                if column == 6:
                    cell.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.list.setItem(n, column, cell)
        self.list.resizeColumnsToContents()
        again = next((n for n, r in enumerate(records) if chosen is not None and r.id == chosen.id), 0 if records else None)
        if again is None:
            self.show_record(None)
        else:
            self.list.selectRow(again)
            self.show_record(records[again])

    def chosen(self) -> HandoverRecord | None:
        rows = self.list.selectionModel().selectedRows()
        return self.records[rows[0].row()] if rows and rows[0].row() < len(self.records) else None

    def _on_list_selection_changed(self) -> None:
        self.show_record(self.chosen())

    def show_record(self, record: HandoverRecord | None) -> None:
        if record is None:
            self.heading.setText("")
            self.contents.setRowCount(0)
            return
        region = record.region_en if self._english else record.region
        lines = [f"<b>{text.shift_name(record.shift_start, record.shift_end, self._zone)}</b> · {region}",
                 self.tr("Signed by %1 at %2").replace("%1", record.signed_by).replace("%2", _local(record.signed_at, self._zone))]
        if record.acknowledged_at is not None:
            lines.append(self.tr("Acknowledged by %1 at %2").replace("%1", record.acknowledged_by)
                         .replace("%2", _local(record.acknowledged_at, self._zone))
                         + (f": {_html(record.acknowledgement_note)}" if record.acknowledgement_note else ""))
        else:
            lines.append(self.tr("Not acknowledged yet"))
        if record.notes:
            lines.append(self.tr("Notes: %1").replace("%1", _html(record.notes)))
        self.heading.setText("<br>".join(lines))
        fill_contents(self.contents, record, self._zone)


def _local(instant: datetime | None, zone: ZoneInfo) -> str:
    return f"{instant.astimezone(zone):%Y-%m-%d %H:%M}" if instant is not None else ""


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _html(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
