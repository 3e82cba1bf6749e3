"""The dispatcher's alert list: every open order that is red or late, newest trouble first, each
acknowledged with a note (who took it in hand, and what they did), a sound when one turns red or
late (it can be switched off), and the count of those not yet acknowledged in the status bar.

The list is the queue's own bands (its BandWatch): rebuilt when the queue's rows are (re)loaded and
when orders cross into or out of red and late. Acknowledgements are audit rows
(`console.core.services.alerts`), read and written off the GUI thread, synced: another desk's
acknowledgement shows here too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.enums import Band
from console.core.services.alerts import Acknowledgement, acknowledgements
from console.core.services.orders import MAX_NOTE, OrderActions
from console.core.store.rows import QueueRow
from console.ui import labels, sla_format
from console.ui.operations import Operations

ALERT_BANDS = (Band.BREACHED, Band.RED)


class AlertsPanel(QWidget):
    order_chosen = Signal(object)
    """A row was double-clicked: the order's id, to show in the queue."""
    count_changed = Signal(int)
    """How many alerts are not acknowledged."""

    BAND, NUMBER, SINCE, CUSTOMER, ACKNOWLEDGED = range(5)

    def __init__(self, operations: Operations, actions: OrderActions, zone: ZoneInfo, now: Callable[[], datetime],
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._operations, self._actions, self._zone, self._now = operations, actions, zone, now
        self._alerts: list[tuple[QueueRow, Band]] = []
        self._acks: dict[tuple[uuid.UUID, Band], Acknowledgement] = {}
        self._generation = 0
        self.sound = QToolButton(checkable=True, checked=True)
        self.sound.setText(self.tr("Sound"))
        self.sound.setToolTip(self.tr("Sound a signal when an order turns red or late"))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"), enabled=False)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.summary = QLabel()
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("SLA"), self.tr("Order no."), self.tr("Since"), self.tr("Customer"),
                                              self.tr("Acknowledged")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(self.ACKNOWLEDGED, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(lambda: self.acknowledge_button.setEnabled(bool(self.selected())))
        self.table.cellDoubleClicked.connect(lambda r, _c: self.order_chosen.emit(self.table.item(r, 0).data(Qt.ItemDataRole.UserRole)))
        bar = QHBoxLayout()
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.sound)
        bar.addWidget(self.acknowledge_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(bar)
        layout.addWidget(self.table)

    def sizeHint(self) -> QSize:
        return QSize(560, 260)  # the band, number, time and customer readable beside the map

    @property
    def unacknowledged(self) -> int:
        return sum(1 for row, band in self._alerts if (row.id, band) not in self._acks)

    def set_alerts(self, alerts: list[tuple[QueueRow, Band]], new: set[uuid.UUID] = frozenset()) -> None:
        """The orders red or late now; `new`: those that just turned so (a sound, once their
        acknowledgements are read)."""
        self._alerts = sorted(alerts, key=lambda a: (a[1] is not Band.BREACHED, -_since(a[0], a[1]).timestamp()))
        self._generation += 1
        generation, ids = self._generation, [row.id for row, _ in alerts]
        database = self._actions.database
        self._operations.read(lambda: acknowledgements(database, ids), lambda acks: self._on_acks(generation, acks, new))

    def _on_acks(self, generation: int, acks: dict, new: set[uuid.UUID]) -> None:
        if generation != self._generation:
            return  # a newer list is on its way
        self._acks = acks
        self._fill()
        if self.sound.isChecked() and any(row.id in new and (row.id, band) not in acks for row, band in self._alerts):
            QApplication.beep()

    def _fill(self) -> None:
        chosen = set(self.selected())
        self.table.setRowCount(len(self._alerts))
        for r, (row, band) in enumerate(self._alerts):
            ack = self._acks.get((row.id, band))
            cells = (sla_format.band_name(band), row.number, self._short_time(_since(row, band)), row.customer,
                     f"✓ {ack.by} {self._short_time(ack.at)}" if ack is not None else "")
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, row.id)
                if c == self.BAND:
                    item.setForeground(sla_format.BAND_COLOURS[band])
                elif c == self.CUSTOMER:
                    item.setToolTip(row.customer)
                if ack is None:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                else:
                    item.setForeground(QColor("#6b7280"))
                    if c == self.ACKNOWLEDGED:
                        item.setToolTip(_ack_text(ack, self._zone))
                self.table.setItem(r, c, item)
            if (row.id, band) in chosen:
                self.table.selectRow(r)
        self.table.resizeColumnsToContents()
        self.table.setColumnWidth(self.CUSTOMER, min(self.table.columnWidth(self.CUSTOMER), 150))  # (whole in the tooltip)
        self.table.horizontalHeader().setSectionResizeMode(self.ACKNOWLEDGED, QHeaderView.ResizeMode.Stretch)
        count = self.unacknowledged
        self.summary.setText(self.tr("%1 red or late, %2 not acknowledged").replace("%1", str(len(self._alerts))).replace("%2", str(count)))
        self.count_changed.emit(count)

    def _short_time(self, instant: datetime) -> str:
        """"14:33" today, "12-04 15:16" before (the whole time in the queue's Due column)."""
        local, today = instant.astimezone(self._zone), self._now().astimezone(self._zone).date()
        return f"{local:%H:%M}" if local.date() == today else f"{local:%m-%d %H:%M}"

    def selected(self) -> list[tuple[uuid.UUID, Band]]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [(self._alerts[r][0].id, self._alerts[r][1]) for r in rows if r < len(self._alerts)]

    @Slot()
    def acknowledge_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        dialog = AcknowledgeDialog(len(chosen), self)
        if not dialog.exec():
            return
        note, actions = dialog.note.toPlainText(), self._actions
        by_band: dict[Band, list[uuid.UUID]] = {}
        for order_id, band in chosen:
            by_band.setdefault(band, []).append(order_id)

        def acknowledge() -> list:
            return [actions.acknowledge_alert(ids, band, note) for band, ids in by_band.items()]

        self._operations.write(acknowledge, lambda _done: self.set_alerts(self._alerts), origin=self)


class AcknowledgeDialog(QDialog):
    def __init__(self, count: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Acknowledge alerts"))
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("What you did or will do (optional), e.g. called the technician, on site in 20 minutes"))
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b91c1c;")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Acknowledge the alerts of %n order(s):", "", count)))
        layout.addWidget(self.note)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self.resize(460, 220)

    def _accept(self) -> None:
        if len(self.note.toPlainText().strip()) > MAX_NOTE:
            self.problem.setText(self.tr("The note is longer than %1 characters.").replace("%1", str(MAX_NOTE)))
            return
        self.accept()


def _since(row: QueueRow, band: Band) -> datetime:
    times = row.sla.times
    return (times.due_at if band is Band.BREACHED else times.red_at) or times.due_at


def _ack_text(ack: Acknowledgement | None, zone: ZoneInfo) -> str:
    if ack is None:
        return ""
    text = QCoreApplication.translate("AlertsPanel", "%1, %2").replace("%1", ack.by).replace("%2", labels.local_time(ack.at, zone))
    return f"{text}: {ack.note}" if ack.note else text


def install(window) -> AlertsPanel:
    """The alert list as a dock of `window` (hidden at first start), its View menu entry (F9), and
    its count in the status bar; fed by the queue's bands."""
    panel = AlertsPanel(window.operations, window.queue.actions, window.model.zone, window.model.clock)
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Alerts"), window)
    dock.setObjectName("alerts")  # (saved and restored by name: console.ui.window_layout)
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    if window.map_dock is not None:  # beside the map, below the queue: wide enough for its columns on a laptop
        window.splitDockWidget(window.map_dock, dock, Qt.Orientation.Horizontal)
    dock.hide()
    dock.visibilityChanged.connect(lambda shown: window.resizeDocks([dock], [panel.sizeHint().width()], Qt.Orientation.Horizontal)
                                   if shown and dock.width() < panel.sizeHint().width() else None)
    action: QAction = dock.toggleViewAction()
    action.setText(QCoreApplication.translate("MainWindow", "&Alerts"))
    action.setShortcut(QKeySequence("F9"))
    window.view_menu.addAction(action)
    count = QToolButton()
    count.setAutoRaise(True)
    count.setToolTip(QCoreApplication.translate("MainWindow", "Red or late orders whose alert nobody has acknowledged (F9: the list)"))
    count.clicked.connect(lambda: (dock.show(), dock.raise_()))
    window.statusBar().addPermanentWidget(count)

    def show_count(n: int) -> None:
        count.setText(QCoreApplication.translate("MainWindow", "⚠ %1 alerts").replace("%1", str(n)))
        count.setStyleSheet("color: #b91c1c; font-weight: bold;" if n else "color: #6b7280;")

    panel.count_changed.connect(show_count)
    show_count(0)
    queue = window.queue
    queue.rows_shown.connect(lambda loaded: panel.set_alerts(queue.alert_rows()) if loaded else None)
    queue.crossings.connect(lambda ids: panel.set_alerts(queue.alert_rows(), set(ids)))
    panel.order_chosen.connect(window.select_order)
    window.alerts, window.alerts_dock, window.alerts_count = panel, dock, count
    return panel
