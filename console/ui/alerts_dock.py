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
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QColor, QFont, QKeySequence
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
    QTableView,
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
from console.ui.table_export import EXPORT_ROLE, attach

ALERT_BANDS = (Band.BREACHED, Band.RED)
_GREY = QColor("#6b7280")


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
        self._unacknowledged = 0
        self._unread: set[uuid.UUID] | None = set()  # alerts whose acknowledgements are still to read (None: all)
        self._latest: list[tuple[QueueRow, Band]] | None = None
        self._shown = False
        self.band_of: Callable[[uuid.UUID], Band | None] = lambda _order_id: None  # an order's alert band now (the queue's)
        self._newly: set[uuid.UUID] = set()  # alerts just raised, not yet sounded
        self._wanted: list[tuple[QueueRow, Band]] | None = None  # the latest list, waiting for the job under way
        self._reading = False
        self.sound = QToolButton(checkable=True, checked=True)
        self.sound.setText(self.tr("Sound"))
        self.sound.setToolTip(self.tr("Sound a signal when an order turns red or late"))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"), enabled=False)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.summary = QLabel()
        self.model = AlertsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        metrics = self.fontMetrics()
        for column, sample in ((self.BAND, "Breached"), (self.NUMBER, "FT20261205000280"), (self.SINCE, "12-04 15:16"),
                               (self.CUSTOMER, "上海华信生物医药有限")):
            self.table.setColumnWidth(column, metrics.horizontalAdvance(sample) + 24)  # (sized once: thousands of rows are not measured)
        self.table.horizontalHeader().setSectionResizeMode(self.ACKNOWLEDGED, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self.acknowledge_button.setEnabled(bool(self.selected())))
        self.table.doubleClicked.connect(lambda index: self.order_chosen.emit(self.model.data(index, Qt.ItemDataRole.UserRole)))
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
        return self._unacknowledged

    def set_alerts(self, alerts: list[tuple[QueueRow, Band]], new: set[uuid.UUID] | None = None) -> None:
        """The orders red or late now (tens of thousands on a stormy day). Their acknowledgements
        are read and counted in a worker, one job at a time (a change meanwhile waits for it and
        the latest list goes next); the list is sorted there too, while it is shown. `new`: those
        that just turned so (a sound once their acknowledgements are read); None: all read again."""
        if new is None:
            self._unread = None  # every acknowledgement read again
        elif self._unread is not None:
            self._unread |= new
        self._newly |= new or set()
        self._wanted = alerts
        if not self._reading:
            self._read_next()

    def set_shown(self, shown: bool) -> None:
        """The list is on screen (it is sorted and filled only then)."""
        self._shown = shown
        if shown and self._latest is not None:
            self.set_alerts(self._latest, set())

    def _read_next(self) -> None:
        alerts, self._wanted = self._wanted, None
        if alerts is None:
            self._reading = False
            return
        self._reading, self._latest = True, alerts
        database, band_of, known, unread, newly = self._actions.database, self.band_of, dict(self._acks), self._unread, self._newly
        self._newly, shown = set(), self._shown
        sound = bool(newly) and self.sound.isChecked()

        def work() -> tuple:
            acks = acknowledgements(database, None) if unread is None else known | (acknowledgements(database, unread) if unread else {})
            open_ = len(alerts) - sum(1 for (order_id, band) in acks if band_of(order_id) is band)
            beep = sound and any((order_id, band_of(order_id)) not in acks for order_id in newly)
            ordered = sorted(alerts, key=lambda a: (a[1] is not Band.BREACHED, -_since(a[0], a[1]).timestamp())) if shown else None
            return ordered, acks, open_, beep, unread

        self._operations.read(work, lambda done: self._on_read(*done), lambda _error: self._read_next())

    def _on_read(self, ordered: list | None, acks: dict, open_: int, beep: bool, read: set[uuid.UUID] | None) -> None:
        self._acks, self._unacknowledged = acks, open_
        self._unread = set() if read is None else (self._unread or set()) - read
        if ordered is not None:
            self._alerts = ordered
        self._fill()
        if beep:
            QApplication.beep()
        self._read_next()

    def _fill(self) -> None:
        chosen = set(self.selected())
        self.model.reset(self._alerts, self._acks)
        if chosen:
            selection = QItemSelection()
            for r, (row, band) in enumerate(self._alerts):
                if (row.id, band) in chosen:
                    selection.select(self.model.index(r, 0), self.model.index(r, self.ACKNOWLEDGED))
            self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        count = self._unacknowledged
        self.summary.setText(self.tr("%1 red or late, %2 not acknowledged").replace("%1", str(len(self._alerts))).replace("%2", str(count)))
        self.count_changed.emit(count)

    def short_time(self, instant: datetime) -> str:
        """"14:33" today, "12-04 15:16" before (the whole time in the queue's Due column)."""
        local, today = instant.astimezone(self._zone), self._now().astimezone(self._zone).date()
        return f"{local:%H:%M}" if local.date() == today else f"{local:%m-%d %H:%M}"

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

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

        self._operations.write(acknowledge, lambda _done: self._reread(chosen), origin=self)

    def _reread(self, chosen: list[tuple[uuid.UUID, Band]]) -> None:
        """Their acknowledgements read again (just written here)."""
        ids = {i for i, _ in chosen}
        self._acks = {key: ack for key, ack in self._acks.items() if key[0] not in ids}
        if self._unread is not None:
            self._unread |= ids
        self.set_alerts(self._latest or self._alerts, set())


class AlertsModel(QAbstractTableModel):
    """The alerts as the list shows them: cells made when painted, not one widget item each."""

    def __init__(self, panel: AlertsPanel):
        super().__init__(panel)
        self._panel = panel
        self._alerts: list[tuple[QueueRow, Band]] = []
        self._acks: dict[tuple[uuid.UUID, Band], Acknowledgement] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def reset(self, alerts: list[tuple[QueueRow, Band]], acks: dict[tuple[uuid.UUID, Band], Acknowledgement]) -> None:
        self.beginResetModel()
        self._alerts, self._acks = alerts, acks
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._alerts)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (QCoreApplication.translate("AlertsPanel", "SLA"), QCoreApplication.translate("AlertsPanel", "Order no."),
                  QCoreApplication.translate("AlertsPanel", "Since"), QCoreApplication.translate("AlertsPanel", "Customer"),
                  QCoreApplication.translate("AlertsPanel", "Acknowledged"))
        return titles[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, band = self._alerts[index.row()]
        ack, column, panel = self._acks.get((row.id, band)), index.column(), self._panel
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AlertsPanel.BAND:
                return sla_format.band_name(band)
            if column == AlertsPanel.SINCE:
                return panel.short_time(_since(row, band))
            if column == AlertsPanel.ACKNOWLEDGED:
                return f"✓ {ack.by} {panel.short_time(ack.at)}" if ack is not None else ""
            return row.number if column == AlertsPanel.NUMBER else row.customer
        if role == Qt.ItemDataRole.UserRole:
            return row.id
        if role == EXPORT_ROLE:  # (a file gets the whole time and acknowledgement, not the short ones shown)
            if column == AlertsPanel.SINCE:
                return _since(row, band)
            if column == AlertsPanel.ACKNOWLEDGED:
                return _ack_text(ack, panel.zone) or None
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            return _GREY if ack is not None else sla_format.BAND_COLOURS[band] if column == AlertsPanel.BAND else None
        if role == Qt.ItemDataRole.FontRole and ack is None:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == AlertsPanel.CUSTOMER:
                return row.customer
            if column == AlertsPanel.ACKNOWLEDGED and ack is not None:
                return _ack_text(ack, panel.zone)
        return None


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
    attach(panel.table, QCoreApplication.translate("MainWindow", "Alerts"))  # Export… and Print… in its context menu
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
    panel.band_of = queue.alert_band
    dock.visibilityChanged.connect(panel.set_shown)
    queue.rows_shown.connect(lambda loaded: panel.set_alerts(queue.alert_rows()) if loaded else None)
    queue.alerts_changed.connect(lambda entered: panel.set_alerts(queue.alert_rows(), entered))
    panel.order_chosen.connect(window.select_order)
    window.alerts, window.alerts_dock, window.alerts_count = panel, dock, count
    return panel
