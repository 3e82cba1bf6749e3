"""The Dashboards tab on the demo file: figures computed off the GUI thread for the desk's region
(every region, with a picker, for a desk user without one), and a click on a figure opening its
orders in the queue as a named filter the filter bar clears."""

from __future__ import annotations

from PySide6.QtCore import QPointF, Qt
from PySide6.QtTest import QTest

from console.core.changes import Changes
from console.core.services.dashboard_figures import Period, order_ids
from tests.fixtures.demo import DEMO_NOW, off_gui_thread
from tests.ui.helpers import open_window


def _computed(qtbot, window) -> None:
    page = window.dashboards
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.dashboard is not None and not page._running, timeout=20_000)


def _click(chart, x: float, y: float) -> None:
    """A real left click on the chart at view coordinates (x, y)."""
    scene = chart.plot.plotItem.vb.mapViewToScene(QPointF(x, y))
    point = chart.plot.mapFromScene(scene)
    QTest.mouseClick(chart.plot.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)


def test_a_supervisors_dashboards_are_their_regions_and_a_breach_bar_opens_its_orders_in_the_queue(qtbot, demo_db, tmp_path, request) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    request.getfixturevalue("gui_thread_guard")  # from here on, every read off the GUI thread
    page = window.dashboards
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Dashboards" and page.region.isHidden()
    _computed(qtbot, window)
    region = window._desk.user.region_id
    expected = off_gui_thread(lambda: page._dashboards.compute(region, Period.DAY, DEMO_NOW))
    shown = page.dashboard
    assert shown.region_id == region and shown.period is Period.DAY
    assert (shown.sla.breached, len(shown.sla.next_hour_orders)) == (expected.sla.breached, len(expected.sla.next_hour_orders))
    assert page.sla.soon_model.rowCount() == len(expected.sla.next_hour)
    page.period.setCurrentIndex(page.period.findData(Period.MONTH))  # a month of the demo holds breaches
    qtbot.waitUntil(lambda: page.dashboard.period is Period.MONTH and not page._running, timeout=20_000)
    bars = page.dashboard.sla.by_kind
    assert bars and bars[0].count > 0
    chart = page.sla.charts["kind"]
    _click(chart, bars[0].count / 2, max(len(bars), 4) - 1)  # the first (top) bar, halfway along
    qtbot.waitUntil(lambda: window.tabs.currentIndex() == 0 and bool(window.model.queue_filter.orders), timeout=10_000)
    wanted = order_ids(bars[0].orders)
    assert window.model.queue_filter.orders == wanted
    open_ids = {row.id for row in window.model.all_rows()}
    assert {row.id for row in window.model.visible_rows()} == wanted & open_ids
    note = window.queue.filter_bar.orders_note
    assert note.isVisible() and note.text().startswith("Dashboard: Breached by kind · ")
    assert f"{len(wanted)} order" in note.text()
    window.queue.filter_bar.clear_orders.click()
    assert not window.model.queue_filter.orders and window.model.rowCount() == len(window.model.all_rows())
    assert note.isHidden()


def test_the_band_chart_drills_into_the_orders_in_a_band_at_an_hours_end(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    _computed(qtbot, window)
    page = window.dashboards
    series = page.dashboard.sla.bands
    last = len(series.starts) - 1
    green = int(series.counts["green"][last])
    assert green > 0
    _click(page.sla.bands, series.starts[last] + 1800, green / 2)  # the bottom (green) part of the last hour's bar
    qtbot.waitUntil(lambda: bool(window.model.queue_filter.orders), timeout=10_000)
    assert window.model.queue_filter.orders == order_ids(page.dashboard.band_orders.orders(last, "green"))
    assert len(window.model.queue_filter.orders) == green


def test_a_desk_user_without_a_region_picks_one_or_sees_every_region(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "admin", english=True)
    _computed(qtbot, window)
    page = window.dashboards
    assert page.region.isVisibleTo(page) and page.dashboard.region_id is None
    assert [page.region.itemText(i) for i in range(page.region.count())] == ["All regions", "Central", "North", "Pudong", "Southwest"]
    assert len(page.dashboard.levels.regions) == 4
    page.region.setCurrentIndex(3)
    qtbot.waitUntil(lambda: page.dashboard.region_id == page.region.currentData() and not page._running, timeout=20_000)
    assert [r.name_en for r in page.dashboard.levels.regions] == ["Pudong"]
    page.period.setCurrentIndex(page.period.findData(Period.MONTH))
    qtbot.waitUntil(lambda: page.dashboard.period is Period.MONTH and not page._running, timeout=20_000)
    assert not page.dashboard.sla.bands.hourly
    assert page.levels.model.rowCount() == 0  # a section is painted when it is shown
    page.tabs.setCurrentWidget(page.levels)
    assert page.levels.model.rowCount() == 1 and page.levels.model.rows[0][0] == "Pudong"
    page.tabs.setCurrentWidget(page.load)
    assert page.load.people_model.rowCount() == len(page.dashboard.load.technicians)
    page.levels.diamond.bar_clicked.emit(0)  # Pudong's Diamond customers' open orders
    qtbot.waitUntil(lambda: bool(window.model.queue_filter.orders), timeout=10_000)
    region = page.dashboard.region_id
    diamond = {r.id for r in window.model.all_rows() if r.level.value == "diamond" and r.region_id == region and r.status.value != "resolved"}
    assert window.model.queue_filter.orders == diamond


def test_a_change_recomputes_the_figures_a_little_later_while_shown_and_at_once_when_shown_again(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    _computed(qtbot, window)
    page = window.dashboards
    page._later.setInterval(50)  # (30 s at the desk)
    first = page.dashboard
    order = window.model.all_rows()[0].id
    window.bus.publish(Changes(orders=frozenset({order})))
    assert page._later.isActive() and page.dashboard is first
    qtbot.waitUntil(lambda: page.dashboard is not first and not page._running, timeout=20_000)
    window.tabs.setCurrentIndex(0)
    second = page.dashboard
    window.bus.publish(Changes(orders=frozenset({order})))
    assert page._wanted and not page._later.isActive()
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.dashboard is not second and not page._running, timeout=20_000)


def test_the_field_section_lists_each_teams_figures_and_a_team_drills_into_what_fell_short(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    _computed(qtbot, window)
    page = window.dashboards
    page.period.setCurrentIndex(page.period.findData(Period.MONTH))
    qtbot.waitUntil(lambda: page.dashboard.period is Period.MONTH and not page._running, timeout=20_000)
    page.tabs.setCurrentWidget(page.field)
    figures = page.dashboard.field
    model = page.field.teams_model
    assert [model.rows[r][0] for r in range(model.rowCount())] == [t.team or "—" for t in figures.teams]
    kept = figures.punctuality
    assert page.field.tiles["punctuality"].note.text() == f"{kept.hits} kept of {kept.total} visits due"
    row = next(r for r in range(model.rowCount()) if len(model.orders[r]))
    team = figures.teams[row]
    short = order_ids(team.punctuality.miss_orders) | order_ids(team.off_site.hit_orders) | order_ids(team.exceptions.hit_orders) \
        | order_ids(team.first_visit.miss_orders) | order_ids(team.same_day_return.miss_orders)
    page.field.teams.doubleClicked.emit(model.index(row, 1))
    qtbot.waitUntil(lambda: bool(window.model.queue_filter.orders), timeout=10_000)
    assert window.model.queue_filter.orders == short
    assert window.model.queue_filter.orders_label == f"Dashboard: Short of the mark: team {model.rows[row][0]}"
