"""The desk's main window: the queue beside the selected order's detail, menus, status bar."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QSystemTrayIcon, QTabWidget

from console import __version__
from console.core.changes import Changes
from console.core.domain.enums import Band
from console.core.domain.roles import may_supervise
from console.core.domain.sla_clock import BandWatch
from console.core.store.rows import OrderDetail, QueueRow
from console.desk import DeskRules, DeskServices
from console.sync import credentials
from console.sync.conflicts import claims_on, live_claims
from console.ui import (
    alerts_dock,
    callbacks_dock,
    compliance_dock,
    dashboard_page,
    field_dock,
    handover_page,
    history_page,
    labels,
    report_reminder,
    rules_editor,
    sla_format,
)
from console.ui.assign_flow import AssignFlow
from console.ui.calendar_dialog import CalendarDialog
from console.ui.conflicts_dialog import ConflictsDialog
from console.ui.lifecycle_menu import LifecycleMenu
from console.ui.login_dialog import LoginDialog
from console.ui.operations import Operations
from console.ui.optimiser_dialog import OptimiserDialog
from console.ui.order_detail_panel import OrderDetailPanel
from console.ui.planning_page import PlanningPage
from console.ui.queue_panel import PreparedQueue, QueuePanel
from console.ui.sync_status import DeskSync, SyncIndicator, SyncTexts
from console.ui.window_layout import WindowLayout
from console.ui.window_menus import arrange_supervisor_menu, build_menus
from console.ui.work_order_table_model import WorkOrderTableModel

if TYPE_CHECKING:
    from console.ui.map_dock import MapDock
    from console.ui.map_view import MapView

FIRST_SCREEN = 1000  # most urgent orders shown while the whole queue loads


class MainWindow(QMainWindow):
    settings_requested = Signal()
    """The user asked for the settings dialog."""

    def __init__(self, desk: DeskServices, rules: DeskRules, operations: Operations, zone: ZoneInfo, *, english: bool,
                 data_file: str, log_dir: str, views_file: Path, map_tiles: tuple[str, str] | None = ("", "")):
        """`desk`: the services, built once by the composition root; `rules`: read before the window
        (off the GUI thread); `operations`: every read and write, and the bus their changes go out on."""
        super().__init__()
        self._desk = desk
        self._reader = desk.reader
        self._user = desk.user
        self._clock: Callable[[], datetime] = desk.clock
        self._english = english
        self.operations = operations
        if operations.parent() is None:
            operations.setParent(self)  # answers still on their way when the window goes are dropped with it
        self.bus = operations.bus
        self._background = operations.background  # reads: their answers come back on the GUI thread
        self.optimiser_dialog: OptimiserDialog | None = None
        self.lift_database_guard: Callable[[], None] = lambda: None  # set by the composition root
        self.layout_store: WindowLayout | None = None  # set by the composition root: saved on close
        self._shown_order: uuid.UUID | None = None
        self._sync: DeskSync | None = None
        self._zone = zone
        self._load_generation = 0
        self._complete = False
        self._unshown: dict[uuid.UUID, QueueRow | None] = {}  # changed rows not shown yet
        self._merge_serial = 0
        self.setWindowTitle(self.tr("Dispatch Console"))
        self.resize(1440, 860)

        calendar, params = rules.calendar, rules.book.parameters
        self.model = WorkOrderTableModel(zone, calendar, params, self._clock, english, self)
        self.queue = QueuePanel(desk.reader, desk.orders, desk.user, self.model, views_file, operations, english)
        self.queue.assigner = AssignFlow(desk.database, desk.orders, desk.book, desk.user, operations, self.model, zone, english, self.queue)
        self.progress = LifecycleMenu(self.queue, self)
        self.queue.context_menus.append(self.progress.menu)
        self.queue.selection_changed.connect(self.progress.enable)
        self.detail = OrderDetailPanel(zone, english, clock=self._clock, rules=lambda: (self.model.calendar, self.model.params))
        self.detail.setMinimumWidth(340)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.queue)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([1060, 380])
        self.planning = PlanningPage(desk.planning, desk.book, desk.user, zone, calendar, params, self._clock, operations, english, self)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.splitter, self.tr("Work orders"))
        self.tabs.addTab(self.planning, self.tr("Schedule board"))
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.setCentralWidget(self.tabs)
        self.map: MapView | None = None
        self.map_dock: MapDock | None = None
        if map_tiles is not None:  # None: no web engine (a Wine smoke test, a machine without GPU support)
            self._build_map_dock(map_tiles, rules.technician_stale)
        self.tray = QSystemTrayIcon(self._tray_icon(), self) if QSystemTrayIcon.isSystemTrayAvailable() else None
        if self.tray is not None:
            self.tray.setToolTip(self.tr("Dispatch Console"))
            self.tray.show()

        build_menus(self, log_dir)
        self._build_status_bar(data_file)
        alerts_dock.install(self, desk)
        compliance_dock.install(self, desk.compliance, desk.user)
        history_page.install(self)
        dashboard_page.install(self)
        handover_page.install(self)
        field_dock.install(self, desk)
        callbacks_dock.install(self, desk)  # (after the History page: a callback's order opens there)
        rules_editor.install(self, desk, english)
        report_reminder.install(self)
        arrange_supervisor_menu(self)
        self.queue.selection_changed.connect(self._on_queue_selection_changed)
        self.queue.table.activated.connect(self._open_detail)
        self.bus.changed.connect(self._on_bus_changed)
        self.planning.optimise_requested.connect(self._on_optimise_triggered)
        self.queue.band_counts_changed.connect(self._on_queue_band_counts_changed)
        self.queue.sla_alert.connect(self._on_queue_sla_alert)
        if self.queue.filter_bar.views_problem:
            self.statusBar().showMessage(self.queue.filter_bar.views_problem, 15000)

    # --- building -----------------------------------------------------------------------------

    def show_shortcuts(self) -> None:
        from console.ui.shortcuts_dialog import ShortcutsDialog

        ShortcutsDialog(self.menuBar(), self).exec()

    def _open_detail(self) -> None:
        """Enter on an order: its details shown (and opened if they were closed)."""
        self.detail_action.setChecked(True)
        self.detail.setFocus()

    def closeEvent(self, event) -> None:
        if self.layout_store is not None:
            self.layout_store.save(self)
        super().closeEvent(event)

    def _build_status_bar(self, data_file: str) -> None:
        bar = self.statusBar()
        role = labels.name(self._user.role)
        region = (self._user.region_en if self._english else self._user.region) or self.tr("all regions")
        self.user_label = QLabel(f"{self._user.display_name} · {role} · {region}")
        self.sync_label = QLabel(self.tr("Local only"))
        self.sync_label.setToolTip(self.tr("No central service is configured: changes stay in this desk's data file."))
        self.band_labels = {band: QLabel() for band in reversed(Band)}
        for band, label in self.band_labels.items():
            label.setToolTip(self.tr("Open orders in this band, of those the queue's filter shows"))
            label.setStyleSheet(f"color: {sla_format.BAND_COLOURS[band].name()}; font-weight: bold;")
            bar.addPermanentWidget(label)
        self.user_label.setToolTip(self.tr("Data file: %1").replace("%1", data_file))  # (the path in a tooltip, not in the way)
        for widget in (self.user_label, self.sync_label):
            bar.addPermanentWidget(widget)

    def _build_map_dock(self, tiles: tuple[str, str], stale: timedelta) -> None:
        from console.ui.map_dock import MapDock  # QtWebEngine loads only when the map is wanted

        dock = MapDock(self._reader, self._user, self.model, self._background, self._clock, tiles, self._english, stale, self)
        dock.setObjectName("map")  # (saved and restored by name: console.ui.window_layout)
        self.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
        self.map_dock, self.map = dock, dock.map
        dock.orders_selected.connect(self._on_map_orders_selected)
        dock.enable_site_actions(self.operations, self._desk.sites)
        dock.follow_technicians(self.bus)
        dock.route_shown.connect(self._on_map_route_shown)
        dock.failed.connect(self._on_load_failed)
        self.queue.rows_shown.connect(self._on_queue_rows_shown)
        self.queue.crossings.connect(dock.update_orders)

    def _tray_icon(self) -> QIcon:
        pixmap = QPixmap(32, 32)
        pixmap.fill(sla_format.BAND_COLOURS[Band.RED])
        return QIcon(pixmap)

    # --- loading ------------------------------------------------------------------------------

    @Slot()
    def refresh(self) -> None:
        """Load the queue: the most urgent orders first (a screenful in a few milliseconds), then all."""
        self.statusBar().showMessage(self.tr("Loading the queue…"))
        region_id = self._user.region_id  # None (an administrator) sees every region
        self._load_generation += 1
        self._complete = False
        self._unshown.clear()  # a full load shows every change
        generation = self._load_generation
        now = self._clock()
        prepare = self.queue.prepare  # the sorting and band counting happen in the worker too
        self._background.run(
            lambda: prepare(self._reader.queue(region_id, limit=FIRST_SCREEN), now),
            lambda rows: self._on_first_screen_loaded(generation, rows),
            self._on_load_failed,
        )
        self._background.run(
            lambda: prepare(self._reader.queue(region_id), now),
            lambda rows: self._on_queue_loaded(generation, rows),
            self._on_load_failed,
        )

    def _on_first_screen_loaded(self, generation: int, rows: PreparedQueue) -> None:
        if generation == self._load_generation and not self._complete:
            self.queue.show_rows(rows, self._clock(), complete=False)

    def _on_queue_loaded(self, generation: int, rows: PreparedQueue) -> None:
        if generation != self._load_generation:
            return  # a newer refresh is on its way
        self._complete = True
        self.queue.show_rows(rows, self._clock())
        self.statusBar().clearMessage()

    def _on_load_failed(self, error: Exception) -> None:
        self.statusBar().clearMessage()
        QMessageBox.warning(self, self.tr("Dispatch Console"), self.tr("The data could not be read: %1").replace("%1", str(error)))

    @Slot()
    def _on_calendar_triggered(self) -> None:
        CalendarDialog(self._desk.calendar, self.operations, may_supervise(self._user.role), self,
                       today=self._clock().astimezone(self.model.zone).date()).exec()

    @Slot(object, object)
    def _on_bus_changed(self, changes: Changes, origin: object | None) -> None:
        """A change made here or arrived from the centre (origin None): the queue reloads its rows;
        others' claims come with the feed."""
        self.apply_changes(changes, announce=origin is not None)  # (the feed's and the field's changes are not this desk's saves)
        if origin is None and self._sync is not None and (changes.orders or changes.everything):
            self._show_claims()

    @Slot(int)
    def _on_tabs_current_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.planning and self.planning.data is None:
            self.planning.load()

    @Slot()
    def _on_candidates_triggered(self) -> None:
        ids = self.queue.selected_ids()
        if not ids:
            self.statusBar().showMessage(self.tr("Select an order in the queue first."), 5000)
            return
        self.tabs.setCurrentWidget(self.planning)
        self.planning.show_candidates(ids[0])

    def _on_optimise_triggered(self) -> None:
        self.tabs.setCurrentWidget(self.planning)
        self.open_optimiser()

    def open_optimiser(self) -> OptimiserDialog:
        """The optimiser for the board's first day (a proposal already made is kept)."""
        if self.optimiser_dialog is None:
            self.optimiser_dialog = OptimiserDialog(self._desk.optimiser, self.model.zone, self._clock, self.operations,
                                                    self._english, self)
            self.optimiser_dialog.plan_written.connect(self.planning.turn_to)
        self.optimiser_dialog.prepare(self.planning.board.span_shown()[0].astimezone(self.model.zone).date())
        self.optimiser_dialog.show()
        self.optimiser_dialog.raise_()
        return self.optimiser_dialog

    @Slot(object)
    def apply_changes(self, changes: Changes, announce: bool = True) -> None:
        """Something changed orders: reload just those rows, and the detail if it shows one. A
        change of the rules themselves (the calendar) reloads the rules and the whole queue."""
        if changes.everything:
            self._background.run(self._desk.read_rules, self._on_rules_reloaded, self._on_load_failed)
            return
        if not (changes.orders or changes.appointments):
            return  # technicians only (positions every few seconds): the map and the board follow those themselves
        if not self._complete:
            self.refresh()  # the whole queue is still loading: load it again, changes included
            return
        region_id = self._user.region_id
        ids = set(changes.orders)
        self._background.run(
            lambda: self._reader.queue(region_id, ids), lambda rows: self._on_rows_reloaded(changes, rows, announce), self._on_load_failed
        )

    def _on_rules_reloaded(self, rules: DeskRules) -> None:
        calendar, params = rules.calendar, rules.book.parameters
        self.model.calendar, self.model.params = calendar, params
        self.queue.watch = BandWatch(calendar, params)
        self.planning.calendar, self.planning.params = calendar, params
        self.refresh()
        if self._shown_order is not None:
            self._load_detail(self._shown_order)

    def _on_rows_reloaded(self, changes: Changes, rows: list[QueueRow], announce: bool = True) -> None:
        # Changes not shown yet accumulate, so two quick actions never undo each other: every merge
        # carries all of them, and only the latest merge is shown.
        fresh = {r.id: r for r in rows}
        for order_id in changes.orders:
            self._unshown[order_id] = fresh.get(order_id)  # None: no longer open (or not in region)
        pending = dict(self._unshown)
        merged = [r for r in self.model.all_rows() if r.id not in pending] + [r for r in pending.values() if r is not None]
        self._merge_serial += 1
        serial, now, generation = self._merge_serial, self._clock(), self._load_generation
        self._background.run(  # re-sorting and re-counting 100,000 rows stays off the GUI thread
            lambda: self.queue.prepare(merged, now),
            lambda prepared: self._on_merged_prepared(generation, serial, pending, changes, prepared, announce),
            self._on_load_failed,
        )

    def _on_merged_prepared(self, generation: int, serial: int, pending: dict, changes: Changes, prepared: PreparedQueue,
                            announce: bool = True) -> None:
        if generation == self._load_generation and serial == self._merge_serial:
            self.queue.show_rows(prepared, self._clock())
            for order_id, row in pending.items():
                if self._unshown.get(order_id, ...) is row:
                    del self._unshown[order_id]
        if self._shown_order in changes.orders:
            self._load_detail(self._shown_order)
        if announce:
            self.statusBar().showMessage(self.tr("%n order(s) changed and saved.", "", len(changes.orders)), 5000)

    # --- selection and detail -----------------------------------------------------------------

    def select_order(self, order_id: uuid.UUID) -> bool:
        return self.queue.select_order(order_id)

    @Slot(list)
    def _on_queue_selection_changed(self, ids: list[uuid.UUID]) -> None:
        if self.map_dock is not None and ids:
            self.map_dock.select_orders(ids)
        if not ids:
            self._shown_order = None
            self.detail.show_nothing()
            self._claim(None)
            return
        if ids[0] != self._shown_order:
            self._claim(ids[0])
        self._load_detail(ids[0])

    def _load_detail(self, order_id: uuid.UUID) -> None:
        self._shown_order = order_id
        now, reader, database = self._clock(), self._reader, self._desk.database
        desk = self._sync.desk_id if self._sync is not None else None

        def read() -> tuple[OrderDetail | None, list, datetime]:
            return reader.detail(order_id, now), claims_on(database, order_id, desk, now) if desk else [], now

        self._background.run(read, self._on_detail_loaded, self._on_load_failed)

    def _on_detail_loaded(self, loaded: tuple[OrderDetail | None, list, datetime]) -> None:
        detail, claims, now = loaded
        if detail is None or detail.id != self._shown_order:
            return  # the selection moved on while this was loading
        warning = SyncTexts().claim([(c.holder, c.expires_at) for c in claims], now) if claims else ""
        self.detail.show_detail(detail, warning)

    # --- sync ---------------------------------------------------------------------------------

    def attach_sync(self, sync: DeskSync) -> None:
        """The desk syncs with a centre: the status bar tells how it goes, others' changes come in
        live, the order shown is claimed and others' claims on it are shown."""
        self._sync = sync
        self.sync_label.hide()
        self.sync_indicator = SyncIndicator(self._zone, self)
        self.statusBar().addPermanentWidget(self.sync_indicator)
        self.sync_indicator.show_status(sync.worker.status)
        self.sync_indicator.clicked.connect(self.open_conflicts)
        sync.bridge.status_changed.connect(self.sync_indicator.show_status)
        sync.bridge.changes_arrived.connect(self.bus.publish)  # origin None: the centre's feed
        self._claim_timer = QTimer(self)
        self._claim_timer.setInterval(5 * 60 * 1000)  # claims last 15 minutes: renew the shown order's
        self._claim_timer.timeout.connect(lambda: self._claim(self._shown_order))
        self._claim_timer.start()
        self._claims_timer = QTimer(self)  # others' claims in the queue: they come with the feed, and expire
        self._claims_timer.setInterval(30 * 1000)
        self._claims_timer.timeout.connect(self._show_claims)
        self._claims_timer.start()
        texts = SyncTexts()
        self.model.show_claims_with(lambda claims, at: texts.claim([(c.holder, c.expires_at) for c in claims], at), _claim_icon())
        self._show_claims()

    def _show_claims(self) -> None:
        if self._sync is None:
            return
        database, desk, now = self._desk.database, self._sync.desk_id, self._clock()
        self._background.run(lambda: live_claims(database, desk, now), self.model.set_claims, lambda _e: None)

    def _claim(self, order_id: uuid.UUID | None) -> None:
        if self._sync is not None:
            self._sync.opened(order_id, lambda work: self._background.run(work, lambda _r: None, lambda _e: None))

    def open_conflicts(self) -> None:
        """The sync indicator was clicked: log in again if the centre asked for it, else the conflicts."""
        if self._sync is None:
            return
        if self._sync.worker.status.logged_out:
            login = LoginDialog(self._sync.worker.client, self._user.username, credentials.available(), self)
            if login.exec() and login.result_login is not None:
                if login.remember.isChecked():
                    credentials.remember(self._sync.worker.client.base_url, login.result_login.username, login.password.text())
                self._sync.worker.set_token(login.result_login.token)
            return
        if self._sync.conflicts is None:
            return
        ConflictsDialog(self._sync.conflicts, self.operations, self._zone, self).exec()

    # --- the map ------------------------------------------------------------------------------

    @Slot(bool)
    def _on_queue_rows_shown(self, reloaded: bool) -> None:
        if self.map_dock is not None and self._complete:
            self.map_dock.follow_rows(reloaded)

    @Slot()
    def _on_route_triggered(self) -> None:
        if self.map_dock is None:
            return
        from console.ui.order_action_dialogs import TechnicianPickerDialog

        def pick(technicians: list) -> None:
            regions = {self._user.region_id} if self._user.region_id else {t.region_id for t in technicians}
            dialog = TechnicianPickerDialog(technicians, regions, set(), self._english, self)
            dialog.setWindowTitle(self.tr("Whose route?"))
            if dialog.exec() and dialog.chosen is not None:
                self.show_route(dialog.chosen)

        self._background.run(self._reader.technicians, pick, self._on_load_failed)

    def show_route(self, technician_id: uuid.UUID) -> None:
        if self.map_dock is not None:
            self.map_dock.show_route(technician_id)

    @Slot(str, int)
    def _on_map_route_shown(self, name: str, stops: int) -> None:
        self.statusBar().showMessage(self.tr("%1: %2 appointment(s) today").replace("%1", name).replace("%2", str(stops)), 10000)

    @Slot(list)
    def _on_map_orders_selected(self, order_ids: list) -> None:
        self.queue.reselect(order_ids)
        if order_ids:
            row = self.model.row_of(order_ids[0])
            if row is not None:
                self.queue.table.scrollTo(self.model.index(row, 0))

    # --- SLA alerts ---------------------------------------------------------------------------

    @Slot(dict)
    def _on_queue_band_counts_changed(self, counts: dict) -> None:
        for band, label in self.band_labels.items():
            label.setText(f"● {sla_format.band_name(band)} {counts.get(band, 0):,}")

    @Slot(list)
    def _on_queue_sla_alert(self, alerts: list) -> None:
        breached = [n for n, band in alerts if band is Band.BREACHED]
        red = [n for n, band in alerts if band is Band.RED]
        parts = []
        if breached:
            parts.append(self.tr("Breached: %1").replace("%1", ", ".join(breached[:5]) + ("…" if len(breached) > 5 else "")))
        if red:
            parts.append(self.tr("Turned red: %1").replace("%1", ", ".join(red[:5]) + ("…" if len(red) > 5 else "")))
        message = "\n".join(parts)  # (in the window: the alert list and its count in the status bar; here a desktop notice)
        if self.tray is not None:
            icon = QSystemTrayIcon.MessageIcon.Critical if breached else QSystemTrayIcon.MessageIcon.Warning
            self.tray.showMessage(self.tr("SLA alert"), message, icon, 10000)

    @Slot()
    def _on_about_triggered(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Dispatch Console"),
            self.tr("Dispatch Console %1\nThe dispatch desk for enterprise-line installation and repair.").replace("%1", __version__),
        )


@cache
def _claim_icon() -> QIcon:
    """The queue's mark on an order another desk has open: a small amber dot."""
    pixmap = QPixmap(12, 12)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#e69100"))
    painter.drawEllipse(1, 1, 10, 10)
    painter.end()
    return QIcon(pixmap)
