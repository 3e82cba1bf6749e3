"""The map in a real QWebEngineView, offscreen, with no network."""

from pathlib import Path

import pytest
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWebEngineCore import QWebEngineUrlRequestInterceptor

from console.core.domain.enums import Band
from tests.ui.helpers import FakeClock, open_window


class RequestRecorder(QWebEngineUrlRequestInterceptor):
    """Every URL the page asks for."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def interceptRequest(self, info) -> None:  # noqa: N802 - Qt's name
        self.urls.append(info.requestUrl().toString())


def js(qtbot, window, script: str):
    loop, result = QEventLoop(), {}
    window.map.web.page().runJavaScript(script, 0, lambda value: (result.setdefault("value", value), loop.quit()))
    QTimer.singleShot(10_000, loop.quit)
    loop.exec()
    return result.get("value")


@pytest.fixture
def map_window(qtbot, demo_db, tmp_path: Path):
    recorder = RequestRecorder()
    clock = FakeClock()
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock, map_tiles=("", ""))
    window.map.web.page().profile().setUrlRequestInterceptor(recorder)
    qtbot.waitUntil(lambda: window.map.is_ready, timeout=30_000)
    qtbot.waitUntil(lambda: (js(qtbot, window, "DeskMap.count()") or 0) > 0, timeout=30_000)
    window.recorder, window.clock = recorder, clock
    return window


def test_the_page_loads_offline_and_draws_the_sites(map_window, qtbot) -> None:
    window = map_window
    count = js(qtbot, window, "DeskMap.count()")
    assert count == len(window.map._shown_sites) > 100
    remote = [u for u in window.recorder.urls if not u.startswith(("file:", "qrc:", "data:", "about:"))]
    assert remote == []
    assert js(qtbot, window, "document.querySelectorAll('script[src^=\"http\"], link[href^=\"http\"]').length") == 0
    assert js(qtbot, window, "typeof L.markerClusterGroup") == "function"
    assert js(qtbot, window, "document.querySelector('.leaflet-control-scale') !== null")


def test_unplaced_sites_are_listed_not_drawn(map_window) -> None:
    window = map_window
    items = [window.map.unplaced.item(i).text() for i in range(window.map.unplaced.count())]
    assert items and all(("no position" in t or "far outside" in t or "impossible" in t) for t in items)
    assert str(window.map.unplaced.count()) in window.map.unplaced_title.text()


def test_selection_round_trips_between_queue_and_map(map_window, qtbot) -> None:
    window = map_window
    site, orders = next((s, o) for s, o in window.map._orders_at_site.items() if s in window.map._shown_sites)
    window.map.bridge.siteClicked(site)  # what a click on the marker calls through the channel
    qtbot.waitUntil(lambda: window.queue.selected_ids()[:1] == orders[:1], timeout=5_000)
    other_site, other_orders = next((s, o) for s, o in window.map._orders_at_site.items() if s in window.map._shown_sites and s != site)
    window.queue.select_order(other_orders[0])
    qtbot.waitUntil(lambda: js(qtbot, window, "DeskMap.selected()") == other_site, timeout=10_000)


def test_a_band_change_recolours_its_marker(map_window, qtbot) -> None:
    window = map_window
    now = window.clock.now
    row = next(r for r in window.model.all_rows()
               if not r.paused and window.model.band(r, now) is Band.AMBER and r.id in window.map._site_of_order
               and window.map._site_of_order[r.id] in window.map._shown_sites
               and len(window.map._orders_at_site[window.map._site_of_order[r.id]]) == 1)
    site = window.map._site_of_order[row.id]
    assert js(qtbot, window, f"DeskMap.bandOf('{site}')") == "amber"
    window.clock.now = row.sla.times.red_at
    window.queue.tick()
    qtbot.waitUntil(lambda: js(qtbot, window, f"DeskMap.bandOf('{site}')") == "red", timeout=10_000)


def test_a_technicians_day_is_drawn_as_a_route(map_window, qtbot, demo_db) -> None:
    from datetime import timedelta

    from sqlalchemy import func, select

    from console.core.store.models import Appointment

    window = map_window
    start = window.clock.now.astimezone(window.model.zone).replace(hour=0, minute=0, second=0, microsecond=0)
    with demo_db.reading() as s:
        technician_id, stops = s.execute(
            select(Appointment.technician_id, func.count())
            .where(Appointment.window_start >= start, Appointment.window_start < start + timedelta(days=1))
            .group_by(Appointment.technician_id).order_by(func.count().desc())
        ).first()
    window.show_route(technician_id)
    qtbot.waitUntil(lambda: (js(qtbot, window, "DeskMap.routeStops()") or 0) >= 1, timeout=10_000)
    assert js(qtbot, window, "DeskMap.routeStops()") <= stops


def test_the_page_uses_the_configured_tile_server_and_no_cdn() -> None:
    import re

    from console.ui.map_page import build_map_html

    legend = {"breached": "b", "red": "r", "amber": "a", "green": "g", "technician": "t"}
    html = build_map_html((31.2, 121.5), "https://tiles.intranet/{z}/{x}/{y}.png", "© 内网地图", [], legend)
    assert "https://tiles.intranet/{z}/{x}/{y}.png" in html and "attribution" in html and '"tiles": true' in html
    loaded = re.findall(r'(?:src|href)="([^"]+)"', html)
    assert loaded and all(url.startswith(("file:", "qrc:")) for url in loaded)
    plain = build_map_html((31.2, 121.5), "", "", [], legend)
    assert '"tiles": false' in plain and "tiles.intranet" not in plain


def test_a_lasso_on_the_map_selects_those_orders_in_the_queue(map_window, qtbot) -> None:
    import json

    window = map_window
    js(qtbot, window, "DeskMap.leaflet().setView([31.23, 121.47], 11, {animate: false}); 0")
    ring = [[31.28, 121.40], [31.28, 121.54], [31.18, 121.54], [31.18, 121.40]]
    found = json.loads(js(qtbot, window, f"JSON.stringify(DeskMap.lasso({json.dumps(ring)}))"))  # (a site on the line: the pixels decide)
    inside = [s for s in found if 31.17 < window.map._shown_sites[s]["lat"] < 31.29 and 121.39 < window.map._shown_sites[s]["lon"] < 121.55]
    assert inside == found
    expected = {o for s in inside for o in window.map._orders_at_site[s]}
    assert len(expected) > 1
    qtbot.waitUntil(lambda: set(window.queue.selected_ids()) == expected, timeout=10_000)
    assert js(qtbot, window, "DeskMap.selectedAll().length") == len(inside)  # every lassoed site stays marked
