"""The desk's alert list: every open order that is red or late, every long pause nobody approved,
off-site check-in nobody signed off, field exception whose order waits, and dissatisfied
customer's callback past due; each acknowledged with a note (who took it in hand, and what they
did); a sound when an order turns red or late (it can be switched off); the count of those not yet
acknowledged in the status bar; and the escalated ones first, in red.

The orders' alerts are the queue's own bands (its BandWatch): rebuilt when the queue's rows are
(re)loaded and when orders cross into or out of red and late. The other alerts, the
acknowledgements (audit rows, synced: another desk's shows here too) and the centre's escalations
are read off the GUI thread with them, again when orders change and every minute (a pause grows
long, an alert lasts past the escalation limit while nothing happens). An alert unacknowledged
past the limit shows escalated at once, before the centre's escalation (and its text message to
the supervisors) reaches the desk; a supervisor's desk raises the list when one is escalated.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
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
    QTimer,
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

from console.core.domain.alerts import ORDER_KINDS, Alert, AlertKind, alert_since, escalation_due
from console.core.domain.enums import Band, ExceptionKind, PauseReason
from console.core.domain.roles import may_supervise
from console.core.services.alert_list import AlertDesk
from console.core.services.alerts import Acknowledgement, acknowledgements
from console.core.services.orders import MAX_NOTE
from console.core.store.rows import QueueRow
from console.ui import labels, sla_format
from console.ui.operations import Operations
from console.ui.table_export import EXPORT_ROLE, attach

_GREY = QColor("#6b7280")
_RED = QColor("#b91c1c")
_KIND_COLOURS = {AlertKind.LONG_PAUSE: QColor("#b45309"), AlertKind.OFF_SITE: QColor("#7c3aed"),
                 AlertKind.EXCEPTION: QColor("#0e7490"), AlertKind.CALLBACK_OVERDUE: QColor("#be185d")}
REFRESH_MS = 60_000  # the list read again while nothing changes (pauses grow long, alerts reach the escalation limit)


@dataclass(frozen=True)
class Line:
    """One alert as the list shows it."""

    alert: Alert
    escalated: datetime | None = None  # by the centre, or (None) not yet
    escalation_due: bool = False  # past the limit unacknowledged: shown escalated before the centre's row arrives

    @property
    def key(self) -> tuple[uuid.UUID, AlertKind]:
        return (self.alert.subject_id, self.alert.kind)


def band_alert(row: QueueRow, band: Band) -> Alert:
    times = row.sla.times
    since = alert_since(band, times.red_at, times.due_at) or times.due_at
    return Alert(AlertKind(band.value), row.id, row.id, row.number, row.customer, since, "")


class AlertsPanel(QWidget):
    order_chosen = Signal(object)
    """A row was double-clicked: the order's id, to show in the queue."""
    count_changed = Signal(int)
    """How many alerts are not acknowledged."""
    escalated_changed = Signal(int, bool)
    """How many alerts are escalated and not acknowledged; True when one more than before."""

    KIND, NUMBER, SINCE, CUSTOMER, DETAIL, ACKNOWLEDGED = range(6)

    def __init__(self, operations: Operations, alerts: AlertDesk, zone: ZoneInfo, now: Callable[[], datetime],
                 region_id: uuid.UUID | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._operations, self._desk, self._zone, self._now, self._region = operations, alerts, zone, now, region_id
        self._lines: list[Line] = []
        self._acks: dict[tuple[uuid.UUID, str], Acknowledgement] = {}
        self._total = self._unacknowledged = self._escalated = 0
        self._unread: set[uuid.UUID] | None = set()  # orders whose acknowledgements are still to read (None: all)
        self._latest: list[tuple[QueueRow, Band]] | None = None
        self._shown = False
        self._newly: set[uuid.UUID] = set()  # orders just turned red or late, not yet sounded
        self._wanted: list[tuple[QueueRow, Band]] | None = None  # the latest list, waiting for the job under way
        self._reading = False
        self.sound = QToolButton(checkable=True, checked=True)
        self.sound.setText(self.tr("Sound"))
        self.sound.setToolTip(self.tr("Sound a signal when an order turns red or late"))
        self.acknowledge_button = QPushButton(self.tr("Acknowledge…"), enabled=False)
        self.acknowledge_button.clicked.connect(self.acknowledge_selected)
        self.summary = QLabel()
        self.banner = QLabel()
        self.banner.setStyleSheet("color: white; background: #b91c1c; padding: 4px 8px; font-weight: bold;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.model = AlertsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        metrics = self.fontMetrics()
        for column, sample in ((self.KIND, "Off-site check-in"), (self.NUMBER, "FT20261205000280"), (self.SINCE, "12-04 15:16"),
                               (self.CUSTOMER, "上海华信生物医药有限"), (self.DETAIL, "Customer not ready")):
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
        layout.addWidget(self.banner)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self._timer = QTimer(self, interval=REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def sizeHint(self) -> QSize:
        return QSize(640, 260)  # the kind, number, time and customer readable beside the map

    @property
    def unacknowledged(self) -> int:
        return self._unacknowledged

    @property
    def lines(self) -> list[Line]:
        return self._lines

    def set_alerts(self, alerts: list[tuple[QueueRow, Band]], new: set[uuid.UUID] | None = None) -> None:
        """The orders red or late now (tens of thousands on a stormy day). Their acknowledgements
        and the other alerts are read and counted in a worker, one job at a time (a change
        meanwhile waits for it and the latest list goes next); the list is sorted there too,
        while it is shown. `new`: those that just turned so (a sound once their acknowledgements
        are read); None: all read again."""
        if new is None:
            self._unread = None  # every acknowledgement read again
        elif self._unread is not None:
            self._unread |= new
        self._newly |= new or set()
        self._wanted = alerts
        if not self._reading:
            self._read_next()

    @Slot()
    def refresh(self) -> None:
        """Read the other alerts, the escalations and the counts again (the orders' list as it is)."""
        if self._latest is not None or self._wanted is not None:
            self.set_alerts(self._wanted if self._wanted is not None else self._latest or [], set())

    def on_changes(self, changes: Any, _origin: object = None) -> None:
        """Orders changed (an acknowledgement, a pause approved, the feed): their alerts read again."""
        if changes.everything:
            self._unread = None
        elif changes.orders and self._unread is not None:
            self._unread |= set(changes.orders)
        if changes.orders or changes.everything:
            self.refresh()

    def set_shown(self, shown: bool) -> None:
        """The list is on screen (it is sorted and filled only then)."""
        self._shown = shown
        if shown:
            self.refresh()  # (the list waiting for the job under way, if any: never an older one over it)

    def _read_next(self) -> None:
        bands, self._wanted = self._wanted, None
        if bands is None:
            self._reading = False
            return
        self._reading, self._latest = True, bands
        desk, known, unread, newly, region = self._desk, dict(self._acks), self._unread, self._newly, self._region
        self._newly, shown, now = set(), self._shown, self._now()
        sound = bool(newly) and self.sound.isChecked()

        def work() -> tuple:
            database = desk.database
            acks = acknowledgements(database, None) if unread is None else known | (acknowledgements(database, unread) if unread else {})
            field = desk.field_alerts(region)
            acks |= field.acknowledged
            alerts = [band_alert(row, band) for row, band in bands] + field.alerts
            escalated = desk.escalated([row.id for row, _ in bands]) if bands else {}
            paused = {row.id for row, _ in bands if row.paused}  # (a paused order's clock stands still: not escalated)
            lines = [_line(a, acks, escalated, field.limits.escalate_after, now, a.order_id in paused) for a in alerts]
            open_ = sum(1 for line in lines if line.key not in acks)
            up = sum(1 for line in lines if line.key not in acks and (line.escalated or line.escalation_due))
            beep = sound and any((order_id, band) not in acks for order_id, band in ((r.id, b) for r, b in bands) if order_id in newly)
            ordered = sorted(lines, key=lambda line: _rank(line, acks)) if shown else None
            return ordered, acks, len(lines), open_, up, beep, unread

        self._operations.read(work, lambda done: self._on_read(*done), lambda _error: self._read_next())

    def _on_read(self, ordered: list[Line] | None, acks: dict, total: int, open_: int, up: int, beep: bool,
                 read: set[uuid.UUID] | None) -> None:
        self._acks, self._total, self._unacknowledged = acks, total, open_
        self._unread = set() if read is None else (self._unread or set()) - read
        if ordered is not None:
            self._lines = ordered
        more = up > self._escalated
        self._escalated = up
        self._fill()
        self.escalated_changed.emit(up, more)
        if beep:
            QApplication.beep()
        self._read_next()

    def _fill(self) -> None:
        chosen = set(self.selected())
        self.model.reset(self._lines, self._acks)
        if chosen:
            selection = QItemSelection()
            for r, line in enumerate(self._lines):
                if line.key in chosen:
                    selection.select(self.model.index(r, 0), self.model.index(r, self.ACKNOWLEDGED))
            self.table.selectionModel().select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        count = self._unacknowledged
        self.summary.setText(self.tr("%1 alerts, %2 not acknowledged").replace("%1", str(self._total)).replace("%2", str(count)))
        self.banner.setText(self.tr("%n alert(s) escalated to the supervisors: nobody acknowledged them in time.", "", self._escalated))
        self.banner.setVisible(self._escalated > 0)
        self.count_changed.emit(count)

    def short_time(self, instant: datetime) -> str:
        """"14:33" today, "12-04 15:16" before (the whole time in the queue's Due column)."""
        local, today = instant.astimezone(self._zone), self._now().astimezone(self._zone).date()
        return f"{local:%H:%M}" if local.date() == today else f"{local:%m-%d %H:%M}"

    @property
    def zone(self) -> ZoneInfo:
        return self._zone

    def selected(self) -> list[tuple[uuid.UUID, AlertKind]]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self._lines[r].key for r in rows if r < len(self._lines)]

    @Slot()
    def acknowledge_selected(self) -> None:
        chosen = self.selected()
        if not chosen:
            return
        dialog = AcknowledgeDialog(len(chosen), self)
        if not dialog.exec():
            return
        note, desk = dialog.note.toPlainText(), self._desk
        by_kind: dict[AlertKind, list[uuid.UUID]] = {}
        for subject_id, kind in chosen:
            by_kind.setdefault(kind, []).append(subject_id)

        def acknowledge() -> list:
            return [desk.acknowledge(kind, ids, note) for kind, ids in by_kind.items()]

        orders = {line.alert.order_id for line in self._lines if line.key in set(chosen)}
        self._operations.write(acknowledge, lambda _done: self._reread(orders), origin=self)

    def _reread(self, orders: set[uuid.UUID]) -> None:
        """Their acknowledgements read again (just written here)."""
        self._acks = {key: ack for key, ack in self._acks.items() if key[0] not in orders}
        if self._unread is not None:
            self._unread |= orders
        self.refresh()


def _line(alert: Alert, acks: dict, escalated: dict, after: timedelta, now: datetime, paused: bool) -> Line:
    acknowledged = (alert.subject_id, alert.kind) in acks
    if alert.kind not in ORDER_KINDS or paused:
        return Line(alert, escalated.get((alert.order_id, alert.kind)))
    by_centre = escalated.get((alert.order_id, alert.kind))
    return Line(alert, by_centre, by_centre is None and escalation_due(alert.since, now, after, acknowledged, False))


def _rank(line: Line, acks: dict) -> tuple:
    """Escalated first, then late, red and the others, unacknowledged before acknowledged, newest first."""
    acked = line.key in acks
    up = not acked and (line.escalated is not None or line.escalation_due)
    order = (AlertKind.BREACHED, AlertKind.RED, AlertKind.LONG_PAUSE, AlertKind.EXCEPTION, AlertKind.OFF_SITE, AlertKind.CALLBACK_OVERDUE)
    return (not up, acked, order.index(line.alert.kind), -line.alert.since.timestamp())


class AlertsModel(QAbstractTableModel):
    """The alerts as the list shows them: cells made when painted, not one widget item each."""

    def __init__(self, panel: AlertsPanel):
        super().__init__(panel)
        self._panel = panel
        self._lines: list[Line] = []
        self._acks: dict[tuple[uuid.UUID, str], Acknowledgement] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def reset(self, lines: list[Line], acks: dict[tuple[uuid.UUID, str], Acknowledgement]) -> None:
        self.beginResetModel()
        self._lines, self._acks = lines, acks
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (QCoreApplication.translate("AlertsPanel", "Alert"), QCoreApplication.translate("AlertsPanel", "Order no."),
                  QCoreApplication.translate("AlertsPanel", "Since"), QCoreApplication.translate("AlertsPanel", "Customer"),
                  QCoreApplication.translate("AlertsPanel", "Detail"), QCoreApplication.translate("AlertsPanel", "Acknowledged"))
        return titles[section]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        line = self._lines[index.row()]
        alert, ack, column, panel = line.alert, self._acks.get(line.key), index.column(), self._panel
        up = ack is None and (line.escalated is not None or line.escalation_due)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == AlertsPanel.KIND:
                return labels.name(alert.kind)
            if column == AlertsPanel.SINCE:
                return panel.short_time(alert.since)
            if column == AlertsPanel.DETAIL:
                return _detail(alert)
            if column == AlertsPanel.ACKNOWLEDGED:
                return f"✓ {ack.by} {panel.short_time(ack.at)}" if ack is not None else _escalation_text(line, panel) if up else ""
            return alert.number if column == AlertsPanel.NUMBER else alert.customer
        if role == Qt.ItemDataRole.UserRole:
            return alert.order_id
        if role == EXPORT_ROLE:  # (a file gets the whole time and acknowledgement, not the short ones shown)
            if column == AlertsPanel.SINCE:
                return alert.since
            if column == AlertsPanel.ACKNOWLEDGED:
                return _ack_text(ack, panel.zone) or (_escalation_text(line, panel) if up else None)
            return None
        if role == Qt.ItemDataRole.ForegroundRole:
            if ack is not None:
                return _GREY
            if column == AlertsPanel.ACKNOWLEDGED and up:
                return _RED
            return _colour(alert.kind) if column == AlertsPanel.KIND else None
        if role == Qt.ItemDataRole.FontRole and ack is None:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (AlertsPanel.CUSTOMER, AlertsPanel.DETAIL):
                return alert.customer if column == AlertsPanel.CUSTOMER else _detail(alert)
            if column == AlertsPanel.ACKNOWLEDGED and ack is not None:
                return _ack_text(ack, panel.zone)
        return None


def _colour(kind: AlertKind) -> QColor:
    band = kind.band
    return sla_format.BAND_COLOURS[band] if band is not None else _KIND_COLOURS[kind]


def _detail(alert: Alert) -> str:
    """The alert's fact in the desk's language."""
    if alert.kind is AlertKind.LONG_PAUSE and alert.detail in PauseReason._value2member_map_:
        return labels.name(PauseReason(alert.detail))
    if alert.kind is AlertKind.EXCEPTION and alert.detail in ExceptionKind._value2member_map_:
        return labels.name(ExceptionKind(alert.detail))
    if alert.kind is AlertKind.OFF_SITE and alert.detail:
        return QCoreApplication.translate("AlertsPanel", "%1 m from the site").replace("%1", alert.detail)
    return alert.detail


def _escalation_text(line: Line, panel: AlertsPanel) -> str:
    if line.escalated is not None:
        return QCoreApplication.translate("AlertsPanel", "⇪ Escalated %1").replace("%1", panel.short_time(line.escalated))
    return QCoreApplication.translate("AlertsPanel", "⇪ Escalated")


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


def _ack_text(ack: Acknowledgement | None, zone: ZoneInfo) -> str:
    if ack is None:
        return ""
    text = QCoreApplication.translate("AlertsPanel", "%1, %2").replace("%1", ack.by).replace("%2", labels.local_time(ack.at, zone))
    return f"{text}: {ack.note}" if ack.note else text


def install(window, desk) -> AlertsPanel:
    """The alert list as a dock of `window` (hidden at first start), its View menu entry (F9), and
    its count in the status bar; fed by the queue's bands and the desk's changes. A supervisor's
    desk shows the list when an alert is escalated."""
    panel = AlertsPanel(window.operations, desk.alerts, window.model.zone, window.model.clock, desk.user.region_id)
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
    count.setToolTip(QCoreApplication.translate("MainWindow", "Alerts nobody has acknowledged (F9: the list)"))
    count.clicked.connect(lambda: (dock.show(), dock.raise_()))
    window.statusBar().addPermanentWidget(count)
    shown = {"open": 0, "up": 0}

    def show_count() -> None:
        n, up = shown["open"], shown["up"]
        text = QCoreApplication.translate("MainWindow", "⚠ %1 alerts").replace("%1", str(n))
        if up:
            text += " · " + QCoreApplication.translate("MainWindow", "⇪ %1 escalated").replace("%1", str(up))
        count.setText(text)
        count.setStyleSheet("color: #b91c1c; font-weight: bold;" if n else "color: #6b7280;")

    def on_escalated(up: int, more: bool) -> None:
        shown["up"] = up
        show_count()
        if more and may_supervise(desk.user.role):  # escalated to this supervisor: the list comes up
            dock.show()
            dock.raise_()

    panel.count_changed.connect(lambda n: (shown.__setitem__("open", n), show_count()))
    panel.escalated_changed.connect(on_escalated)
    show_count()
    queue = window.queue
    dock.visibilityChanged.connect(panel.set_shown)
    queue.rows_shown.connect(lambda loaded: panel.set_alerts(queue.alert_rows()) if loaded else None)
    queue.alerts_changed.connect(lambda entered: panel.set_alerts(queue.alert_rows(), entered))
    window.bus.changed.connect(panel.on_changes)
    panel.order_chosen.connect(window.select_order)
    window.alerts, window.alerts_dock, window.alerts_count = panel, dock, count
    return panel
