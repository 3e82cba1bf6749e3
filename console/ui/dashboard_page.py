"""The supervisor's dashboards as a tab of the window: SLA, load, field, satisfaction and customer
levels for the desk's region (every region, with a picker, for a desk user without one) over the
shift, day, week or month. The figures are computed off the GUI thread from the desk's own file
(`console.core.services.dashboards`); the page only paints them. A click on any figure opens the
orders behind it in the queue as a "Dashboard: ..." filter."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QTabWidget, QVBoxLayout, QWidget

from console.core.changes import Changes
from console.core.services.dashboard_figures import Dashboard, Period, order_ids
from console.core.services.dashboards import Dashboards
from console.core.store.rows import DeskUser
from console.ui import dashboard_sections as sections
from console.ui.operations import Operations

REFRESH_AFTER_MS = 30_000
Drill = Callable[[], Any]  # returns the raw ids of a figure's orders (run off the GUI thread)


class DashboardPage(QWidget):
    drill_requested = Signal(str, object)
    """A figure was clicked: (its name, a function giving the raw ids of its orders)."""

    computed = Signal()
    """New figures are shown."""

    def __init__(self, dashboards: Dashboards, user: DeskUser, operations: Operations, zone: ZoneInfo, english: bool,
                 clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self._dashboards, self._user, self._operations = dashboards, user, operations
        self._zone, self._english, self._clock = zone, english, clock
        self.dashboard: Dashboard | None = None
        self._wanted = False  # a change arrived while hidden: compute again when shown
        self._running = False
        self._again = False
        self.region = QComboBox()
        self.region.setToolTip(self.tr("The region the figures cover"))
        self.region.addItem(self.tr("All regions"), None)
        self.region.setVisible(user.region_id is None)
        self.period = QComboBox()
        for period, text in ((Period.SHIFT, self.tr("This shift")), (Period.DAY, self.tr("Today")),
                             (Period.WEEK, self.tr("This week")), (Period.MONTH, self.tr("This month"))):
            self.period.addItem(text, period)
        self.period.setCurrentIndex(1)
        self.status = QLabel()
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.tabs = QTabWidget()
        self.sla = sections.SlaSection(zone, english, self._drill)
        self.load = sections.LoadSection(self._drill)
        self.field = sections.FieldSection(self._drill)
        self.satisfaction = sections.SatisfactionSection(zone, english, self._drill)
        self.levels = sections.LevelsSection(english, self._drill)
        self.satisfaction.service = self.levels.service = dashboards
        self.tabs.addTab(self.sla, self.tr("SLA"))
        self.tabs.addTab(self.load, self.tr("Load"))
        self.tabs.addTab(self.field, self.tr("Field"))
        self.tabs.addTab(self.satisfaction, self.tr("Satisfaction"))
        self.tabs.addTab(self.levels, self.tr("Customer levels"))
        top = QHBoxLayout()
        if user.region_id is None:
            top.addWidget(QLabel(self.tr("Region:")))
            top.addWidget(self.region)
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.period)
        top.addWidget(self.status, 1)
        top.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        self.region.currentIndexChanged.connect(self.refresh)
        self.period.currentIndexChanged.connect(self.refresh)
        self.refresh_button.clicked.connect(self.refresh)
        self._stale: set[int] = set()  # sections whose figures are not painted yet
        self._later = QTimer(self, singleShot=True, interval=REFRESH_AFTER_MS)
        self._later.timeout.connect(self.refresh)
        self.tabs.currentChanged.connect(self._paint_section)

    # --- computing -------------------------------------------------------------------------

    def region_id(self) -> uuid.UUID | None:
        return self._user.region_id if self._user.region_id is not None else self.region.currentData()

    def refresh(self) -> None:
        """Compute the figures again off the GUI thread (once more after it, if asked meanwhile)."""
        if self._running:
            self._again = True
            return
        self._running, self._again = True, False
        self.status.setText(self.tr("Computing…"))
        region, period, now = self.region_id(), Period(self.period.currentData()), self._clock()
        load_regions = self.region.count() == 1 and self._user.region_id is None

        def compute() -> tuple[Dashboard, list | None]:
            return self._dashboards.compute(region, period, now), (self._dashboards.regions() if load_regions else None)

        self._operations.read(compute, self._on_computed, self._on_failed)

    def _on_computed(self, result: tuple[Dashboard, list | None]) -> None:
        self._running = False
        dashboard, regions = result
        if regions:
            self.region.blockSignals(True)
            for region_id, name, name_en in regions:
                self.region.addItem(name_en if self._english else name, region_id)
            self.region.blockSignals(False)
        self.show_dashboard(dashboard)
        if self._again:
            self.refresh()

    def _on_failed(self, error: Exception) -> None:
        self._running = False
        self.status.setText(self.tr("The figures could not be computed: %1").replace("%1", str(error)))

    def show_dashboard(self, dashboard: Dashboard) -> None:
        """Paint computed figures (GUI thread; no database)."""
        self.dashboard = dashboard
        self.satisfaction.region_id = dashboard.region_id
        start, end = dashboard.start.astimezone(self._zone), dashboard.end.astimezone(self._zone)
        self.status.setText(self.tr("%1 to %2 · figures as of %3").replace("%1", f"{start:%Y-%m-%d %H:%M}")
                            .replace("%2", f"{end:%Y-%m-%d %H:%M}").replace("%3", f"{dashboard.now.astimezone(self._zone):%H:%M}"))
        self._stale = set(range(self.tabs.count()))
        self._paint_section(self.tabs.currentIndex())  # the others when they are shown
        self.computed.emit()

    def _paint_section(self, index: int) -> None:
        dashboard = self.dashboard
        if dashboard is None or index not in self._stale:
            return
        self._stale.discard(index)
        section = self.tabs.widget(index)
        if section is self.sla:
            self.sla.show_figures(dashboard)
        else:
            section.show_figures({self.load: dashboard.load, self.field: dashboard.field, self.satisfaction: dashboard.satisfaction,
                                  self.levels: dashboard.levels}[section])

    def _drill(self, name: str, raw: Drill) -> None:
        self.drill_requested.emit(QCoreApplication.translate("DashboardPage", "Dashboard: %1").replace("%1", name), raw)

    # --- following the desk -------------------------------------------------------------------

    def set_shown(self, shown: bool) -> None:
        if shown and (self.dashboard is None or self._wanted):
            self._wanted = False
            self.refresh()

    def _on_bus_changed(self, changes: Changes, _origin: object | None) -> None:
        """Orders changed: computed again within REFRESH_AFTER_MS while shown (a busy desk or the
        field simulation changes orders every second; the page says when its figures were made),
        at once when next shown otherwise."""
        if not (changes.orders or changes.appointments or changes.everything):
            return
        if self.isVisible():
            if not self._later.isActive():
                self._later.start()
        else:
            self._wanted = True


def install(window) -> DashboardPage:
    """The Dashboards page as a tab of `window` and its View menu entry (Ctrl+Shift+D); a drilled
    figure opens its orders in the queue as a filter the filter bar names and clears."""
    desk = window._desk
    page = DashboardPage(Dashboards(desk.database), desk.user, window.operations, window.model.zone, window._english,
                         window.model.clock, window)
    index = window.tabs.addTab(page, QCoreApplication.translate("MainWindow", "Dashboards"))
    action = QAction(QCoreApplication.translate("MainWindow", "&Dashboards"), window, shortcut=QKeySequence("Ctrl+Shift+D"))
    action.setToolTip(QCoreApplication.translate("MainWindow", "SLA, load, field, satisfaction and customer levels"))
    action.triggered.connect(lambda: window.tabs.setCurrentWidget(page))
    window.view_menu.addAction(action)
    window.dashboards_action = action  # (laid out in the Supervisor menu: console.ui.window_menus.arrange_supervisor_menu)
    window.tabs.currentChanged.connect(lambda i: page.set_shown(i == index))
    window.bus.changed.connect(page._on_bus_changed)

    def drill(name: str, raw: Drill) -> None:
        queued = window.model.all_rows()

        def resolve() -> tuple[frozenset[uuid.UUID], int]:
            ids = order_ids(raw())
            held = {row.id for row in queued}
            return ids, sum(1 for i in ids if i not in held)

        def show(found: tuple[frozenset[uuid.UUID], int]) -> None:
            ids, not_open = found
            window.tabs.setCurrentIndex(0)
            window.queue.filter_bar.show_orders(ids, name, not_open)

        window.operations.read(resolve, show)

    page.drill_requested.connect(drill)
    window.dashboards = page
    return page
