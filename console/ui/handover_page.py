"""The shift handover (交接班) as a tab of the window: the draft for the shift under way with each
section's lines (tick to keep, a remark per line), the outgoing supervisor's notes and Sign; a
handover signed for the incoming shift and not yet acknowledged shows above everything with
Acknowledge; the past handovers searched (`handover_records`).

Reads run off the GUI thread (`Handovers.overview`, again while shown each minute and after a
change: the centre's feed brings other desks' signatures without a change the bus names); the
supervisor's ticks and remarks are kept by line across re-reads. Signing sends only the notes and
the lines left out or remarked: the centre drafts the lines again (`Handovers.sign`). Dispatchers
read everything but sign and acknowledge nothing.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import Changes
from console.core.domain.roles import may_supervise
from console.core.services.handover import MAX_NOTES, MAX_REMARK, Choice, HandoverRecord, Handovers, Overview
from console.core.store.rows import DeskUser
from console.ui import handover_notice, labels, sla_format
from console.ui import handover_text as text
from console.ui.handover_records import HandoverRecords, fill_contents, table
from console.ui.operations import Operations
from console.ui.table_export import attach

REREAD_MS = 60_000
AFTER_CHANGE_MS = 3_000
KEY_ROLE = Qt.ItemDataRole.UserRole


class HandoverPage(QWidget):
    order_chosen = Signal(uuid.UUID)
    """A line's order was double-clicked."""

    def __init__(self, handovers: Handovers, user: DeskUser, operations: Operations, zone: ZoneInfo, english: bool,
                 clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self._handovers, self._user, self._operations, self._zone, self._clock = handovers, user, operations, zone, clock
        self._english = english
        self.overview: Overview | None = None
        self.choices: dict[tuple[str, uuid.UUID], tuple[bool, str]] = {}  # (section, order) -> (kept, remark): the supervisor's
        self._reading = self._again = self._shown = False
        self._filling = self._showing_signed = False
        self.supervisor = may_supervise(user.role) and user.id is not None
        self.region = QComboBox()
        self.region.setVisible(user.region_id is None)
        self.region.currentIndexChanged.connect(self._on_region_changed)
        self.shift = QLabel()
        self.shift.setFont(_bold(self.shift.font()))
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.clicked.connect(self.refresh)
        self.banner, self.banner_text, self.acknowledge_button = self._build_banner()
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.draft = QTreeWidget()
        self.draft.setColumnCount(4)
        self.draft.setHeaderLabels([self.tr("Order"), self.tr("Customer"), self.tr("What"), self.tr("Remark (double-click to write)")])
        self.draft.setAlternatingRowColors(True)
        self.draft.setEditTriggers(QTreeWidget.EditTrigger.NoEditTriggers)  # (the remark alone, by a double-click on it)
        self.draft.itemChanged.connect(self._on_draft_item_changed)
        self.draft.itemDoubleClicked.connect(self._on_draft_item_double_clicked)
        self.signed = table([self.tr("Section"), self.tr("Order"), self.tr("Customer"), self.tr("What"), self.tr("Remark")])
        self.signed.hide()
        attach(self.signed, self.tr("Shift handover"))  # Export… and Print… in its context menu
        self.notes = QPlainTextEdit()
        self.notes.setPlaceholderText(self.tr("Notes for the incoming supervisor: what to watch, what was promised, what is left"))
        self.notes.setMaximumHeight(90)
        self.sign_button = QPushButton(self.tr("Sign handover…"))
        self.sign_button.setEnabled(False)
        self.sign_button.clicked.connect(self._on_sign_clicked)
        if not self.supervisor:
            self.sign_button.setToolTip(self.tr("Only a shift supervisor signs the handover; a dispatcher reads it."))
        self.records = HandoverRecords(handovers, operations, zone, clock, self.region_id, english)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._current_tab(), self.tr("This shift"))
        self.tabs.addTab(self.records, self.tr("Past handovers"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        top = QHBoxLayout()
        if user.region_id is None:
            top.addWidget(QLabel(self.tr("Region:")))
            top.addWidget(self.region)
        top.addWidget(self.shift, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self._timer = QTimer(self, interval=REREAD_MS)
        self._timer.timeout.connect(self.refresh)
        self._later = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self._later.timeout.connect(self.refresh)

    def _build_banner(self) -> tuple[QFrame, QLabel, QPushButton]:
        banner = QFrame()
        banner.setObjectName("handoverBanner")
        banner.setStyleSheet("#handoverBanner { background: #fef3c7; border: 1px solid #d97706; border-radius: 4px; }")
        label = QLabel()
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        button = QPushButton(self.tr("Acknowledge…"))
        button.clicked.connect(self._on_acknowledge_clicked)
        row = QHBoxLayout(banner)
        row.addWidget(label, 1)
        row.addWidget(button)
        banner.hide()
        return banner, label, button

    def _current_tab(self) -> QWidget:
        tab = QWidget()
        bottom = QHBoxLayout()
        bottom.addWidget(self.notes, 1)
        bottom.addWidget(self.sign_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.draft, 1)
        layout.addWidget(self.signed, 1)
        layout.addWidget(QLabel(self.tr("Notes")))
        layout.addLayout(bottom)
        return tab

    # --- reading ------------------------------------------------------------------------------

    def region_id(self) -> uuid.UUID | None:
        return self._user.region_id if self._user.region_id is not None else self.region.currentData()

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown:
            self._timer.start()
            self.refresh()
        else:
            self._timer.stop()

    def refresh(self, *_args: object) -> None:
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        region, load_regions = self.region_id(), self._user.region_id is None and self.region.count() == 0
        handovers, now = self._handovers, self._clock()

        def read() -> tuple[Overview | None, list | None]:
            regions = handovers.regions() if load_regions else None
            chosen = region if region is not None else (regions[0][0] if regions else None)
            return (handovers.overview(chosen, now) if chosen is not None else None), regions

        self._operations.read(read, self._on_read, self._on_failed)
        if self.tabs.currentWidget() is self.records:
            self.records.search()

    def _on_read(self, result: tuple[Overview | None, list | None]) -> None:
        self._reading = False
        overview, regions = result
        if regions:
            self.region.blockSignals(True)
            for region_id, name, name_en in regions:
                self.region.addItem(name_en if self._english else name, region_id)
            self.region.blockSignals(False)
        if self._again:
            self.refresh()
            return
        if overview is not None:
            self.show_overview(overview)

    def _on_failed(self, error: Exception) -> None:
        self._reading = False
        self.status.setText(self.tr("The handover could not be read: %1").replace("%1", str(error)))

    def _on_region_changed(self, _index: int) -> None:
        self.choices.clear()  # (another region's draft: its own choices and notes)
        self.notes.clear()
        self.refresh()
        self.records.search()

    def on_changes(self, changes: Changes, _origin: object = None) -> None:
        """Orders changed (here or from the centre): the draft again within AFTER_CHANGE_MS, while shown."""
        if self._shown and (changes.orders or changes.everything) and not self._later.isActive():
            self._later.start()  # (a busy desk changes orders every second: one read for a burst)

    # --- showing ------------------------------------------------------------------------------

    def show_overview(self, overview: Overview) -> None:
        """Paint a read overview (GUI thread; no database)."""
        self.overview = overview
        draft = overview.draft
        self.shift.setText(text.shift_name(draft.shift_start, draft.shift_end, self._zone))
        self._show_banner(overview.awaiting)
        if overview.signed is not None:
            self._show_signed(overview.signed)
        else:
            self._show_draft(overview)

    def _show_banner(self, awaiting: tuple[HandoverRecord, ...]) -> None:
        theirs = [r for r in awaiting if r.signed_by_id != self._user.id]  # (one this user may acknowledge first)
        record = (theirs or list(awaiting) or [None])[0]
        if record is None:
            self.banner.hide()
            return
        mine = record.signed_by_id == self._user.id
        can = self.supervisor and not mine  # (a dispatcher is told who it waits for)
        said = (self.tr("Handover: %1, signed by %2 at %3, awaits the incoming supervisor's acknowledgement.") if not can else
                self.tr("Handover: %1, signed by %2 at %3. Read it and acknowledge it."))
        said = (said.replace("%1", text.shift_name(record.shift_start, record.shift_end, self._zone)).replace("%2", record.signed_by)
                .replace("%3", labels.local_time(record.signed_at, self._zone)))
        if record.notes:
            said += "<br>" + self.tr("Notes: %1").replace("%1", _html(record.notes))
        self.banner_text.setText(f"<b>{said}</b>" if can else said)
        self.acknowledge_button.setVisible(can)
        self.banner.show()

    def _show_signed(self, record: HandoverRecord) -> None:
        self._showing_signed = True
        self.draft.hide()
        self.signed.show()
        fill_contents(self.signed, record, self._zone)
        self.status.setText(self.tr("This shift's handover was signed by %1 at %2.").replace("%1", record.signed_by)
                            .replace("%2", labels.local_time(record.signed_at, self._zone)))
        self.notes.setPlainText(record.notes)
        self.notes.setReadOnly(True)
        self.sign_button.setEnabled(False)

    def _show_draft(self, overview: Overview) -> None:
        if self._showing_signed:  # a new shift (or region): its own notes
            self._showing_signed = False
            self.notes.clear()
        self.signed.hide()
        self.draft.show()
        self.notes.setReadOnly(not self.supervisor)
        draft, now = overview.draft, overview.draft.drafted_at
        self._filling = True
        expanded = {self.draft.topLevelItem(n).data(0, KEY_ROLE): self.draft.topLevelItem(n).isExpanded()
                    for n in range(self.draft.topLevelItemCount())}
        self.draft.clear()
        for section in draft.sections:
            head = QTreeWidgetItem([f"{text.title(section.key)} ({section.total})"])
            head.setData(0, KEY_ROLE, section.key)
            head.setFont(0, _bold(head.font(0)))
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            self.draft.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)  # (only once in the tree)
            for item in section.items:
                kept, remark = self.choices.get((section.key, item.order_id), (True, ""))
                child = QTreeWidgetItem([item.number, item.customer, text.line(section.key, item, self._zone, now), remark])
                child.setData(0, KEY_ROLE, item.order_id)
                child.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable |
                               (Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable if self.supervisor else Qt.ItemFlag.NoItemFlags))
                child.setCheckState(0, Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)
                band = text.band_of(item)
                if band is not None and section.key in ("at_risk", "alerts"):
                    child.setForeground(2, QBrush(sla_format.BAND_COLOURS[band]))
                head.addChild(child)
            if section.total > len(section.items):
                more = QTreeWidgetItem([self.tr("… and %1 more").replace("%1", str(section.total - len(section.items)))])
                more.setFlags(Qt.ItemFlag.ItemIsEnabled)
                head.addChild(more)
                more.setFirstColumnSpanned(True)
            head.setExpanded(expanded.get(section.key, bool(section.items)))
        self._filling = False
        for column, width in enumerate((200, 200, 440)):
            self.draft.setColumnWidth(column, width)
        counted = sum(s.total for s in draft.sections)
        self.status.setText(self.tr("Draft as of %1: %2 line(s). Untick a line to leave it out; double-click the remark to write one.")
                            .replace("%1", labels.local_time(now, self._zone, with_date=False)).replace("%2", str(counted))
                            if self.supervisor else
                            self.tr("Draft as of %1: %2 line(s). The shift supervisor signs it.")
                            .replace("%1", labels.local_time(now, self._zone, with_date=False)).replace("%2", str(counted)))
        self.sign_button.setEnabled(self.supervisor)

    # --- the supervisor's choices -------------------------------------------------------------

    def _key_of(self, item: QTreeWidgetItem) -> tuple[str, uuid.UUID] | None:
        parent = item.parent()
        order_id = item.data(0, KEY_ROLE)
        if parent is None or not isinstance(order_id, uuid.UUID):
            return None
        return parent.data(0, KEY_ROLE), order_id

    def _on_draft_item_changed(self, item: QTreeWidgetItem, _column: int) -> None:
        key = self._key_of(item)
        if self._filling or key is None:
            return
        remark = item.text(3).strip()
        if len(remark) > MAX_REMARK:
            remark = remark[:MAX_REMARK]
            self._filling = True
            item.setText(3, remark)
            self._filling = False
            self.status.setText(self.tr("A remark is kept to %1 characters.").replace("%1", str(MAX_REMARK)))
        self.choices[key] = (item.checkState(0) == Qt.CheckState.Checked, remark)
        item.setForeground(0, QBrush(QColor("#9ca3af")) if item.checkState(0) != Qt.CheckState.Checked else QBrush())

    def _on_draft_item_double_clicked(self, item: QTreeWidgetItem, column: int) -> None:
        """On the remark: write it; elsewhere: the order in the queue."""
        if self._key_of(item) is None:
            return
        if self.supervisor and column == 3:
            self.draft.editItem(item, 3)
        else:
            self.order_chosen.emit(item.data(0, KEY_ROLE))

    def set_line(self, section: str, order_id: uuid.UUID, kept: bool, remark: str = "") -> None:
        """Tick or untick a line and write its remark, as the supervisor does in the tree."""
        for n in range(self.draft.topLevelItemCount()):
            head = self.draft.topLevelItem(n)
            if head.data(0, KEY_ROLE) != section:
                continue
            for k in range(head.childCount()):
                child = head.child(k)
                if child.data(0, KEY_ROLE) == order_id:
                    child.setText(3, remark)
                    child.setCheckState(0, Qt.CheckState.Checked if kept else Qt.CheckState.Unchecked)

    def chosen(self) -> list[Choice]:
        """What signing sends: the lines left out, and those kept with a remark."""
        return [Choice(section, order_id, kept, remark) for (section, order_id), (kept, remark) in self.choices.items()
                if not kept or remark]

    # --- signing and acknowledging ------------------------------------------------------------

    def _on_sign_clicked(self) -> None:
        if self.overview is None:
            return
        left_out = sum(1 for kept, _r in self.choices.values() if not kept)
        asked = QMessageBox.question(self, self.tr("Sign the handover"), self.tr(
            "Sign the handover of the %1? The lines are recorded as they stand when it is signed (%2 left out); "
            "the incoming supervisor acknowledges it.").replace("%1", self.shift.text()).replace("%2", str(left_out)))
        if asked == QMessageBox.StandardButton.Yes:
            self.sign()

    def sign(self) -> None:
        """Sign the draft shown, with the notes and the choices (a write, off the GUI thread)."""
        if self.overview is None:
            return
        notes = self.notes.toPlainText().strip()
        if len(notes) > MAX_NOTES:
            QMessageBox.warning(self, self.tr("Sign the handover"), self.tr("Keep the notes under %1 characters.").replace("%1", str(MAX_NOTES)))
            return
        draft, choices, handovers = self.overview.draft, self.chosen(), self._handovers
        self.sign_button.setEnabled(False)
        self._operations.write(lambda: handovers.sign(draft.region_id, draft.shift_start, notes, choices), self._on_signed,
                               self._on_write_failed, origin=self)

    def _on_acknowledge_clicked(self) -> None:
        if self.overview is None or not self.overview.awaiting:
            return
        note, ok = QInputDialog.getMultiLineText(self, self.tr("Acknowledge the handover"),
                                                 self.tr("Your note (what you take on, what you will check first):"))
        if ok:
            self.acknowledge(self.overview.awaiting[0].id, note)

    def acknowledge(self, handover_id: uuid.UUID, note: str) -> None:
        handovers = self._handovers
        self.acknowledge_button.setEnabled(False)
        self._operations.write(lambda: handovers.acknowledge(handover_id, note), self._on_written, self._on_write_failed, origin=self)

    def _on_signed(self, _result: object) -> None:
        self.choices.clear()  # (the notes stay until the signed handover shows them)
        self._on_written(_result)

    def _on_written(self, _result: object) -> None:
        """Signed or acknowledged: the page and the list read again (the supervisor's ticks, remarks
        and notes on the draft stay after an acknowledgement)."""
        self.acknowledge_button.setEnabled(True)
        self.refresh()
        self.records.search()

    def _on_write_failed(self, error: Exception) -> None:
        self.acknowledge_button.setEnabled(True)
        self.sign_button.setEnabled(self.supervisor and self.overview is not None and self.overview.signed is None)
        QMessageBox.warning(self, self.tr("Nothing was changed"),
                            self.tr("The handover could not be saved: %1").replace("%1", labels.saving_failure(error)))

    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.records:
            self.records.search()


def _bold(font: QFont) -> QFont:
    font.setBold(True)
    return font


def _html(value: str) -> str:
    return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")


def install(window) -> HandoverPage:
    """The handover as a tab of `window` and its View menu entry (Ctrl+Shift+H)."""
    desk = window._desk
    page = HandoverPage(desk.handovers, desk.user, window.operations, window.model.zone, window._english, window.model.clock, window)
    index = window.tabs.addTab(page, QCoreApplication.translate("MainWindow", "Shift handover"))
    action = QAction(QCoreApplication.translate("MainWindow", "Shift &handover"), window, shortcut=QKeySequence("Ctrl+Shift+H"))
    action.setToolTip(QCoreApplication.translate("MainWindow", "The handover to the incoming shift supervisor, and the past ones"))
    action.triggered.connect(lambda: window.tabs.setCurrentWidget(page))
    window.view_menu.addAction(action)
    window.handover_action = action  # (laid out in the Supervisor menu: console.ui.window_menus.arrange_supervisor_menu)
    window.tabs.currentChanged.connect(lambda i: page.set_shown(i == index))
    window.bus.changed.connect(page.on_changes)
    page.order_chosen.connect(lambda order_id: (window.tabs.setCurrentIndex(0), window.select_order(order_id)))
    window.handover = page
    handover_notice.install(window, page)  # (the status bar's notice of a handover to acknowledge)
    return page
