"""Unplaced sites at the desk: one put on the map by a click after "Place on the map" (confirmed,
audited, then drawn), Esc cancelling; several sent to the geocoder again; one dragged from the list
carries its id for the map to drop."""

import json
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import select

from console.core.store.models import AuditEntry, Site
from tests.ui.helpers import FakeClock, open_window
from tests.ui.test_map_view import js


@pytest.fixture
def window(qtbot, demo_db, tmp_path: Path):
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=FakeClock(), map_tiles=("", ""))
    qtbot.waitUntil(lambda: window.map.is_ready, timeout=30_000)
    qtbot.waitUntil(lambda: (js(qtbot, window, "DeskMap.count()") or 0) > 0 and window.map.unplaced.count() > 1, timeout=30_000)
    return window


def _site_of(item):
    from console.ui.map_view import SITE_ROLE

    return item.data(SITE_ROLE)[0]


def test_a_site_placed_with_a_click_is_confirmed_saved_with_its_history_and_drawn(window, qtbot, demo_db, monkeypatch) -> None:
    view = window.map
    before = view.unplaced.count()
    view.unplaced.setCurrentRow(0)
    site_id = _site_of(view.unplaced.item(0))
    assert view.place_button.isEnabled()
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda _p, _t, text: asked.append(text) or QMessageBox.StandardButton.Yes))
    view.place_button.click()
    qtbot.waitUntil(lambda: js(qtbot, window, "DeskMap.placing()") == site_id.hex, timeout=10_000)
    js(qtbot, window, "DeskMap.clickAt(31.2311, 121.4722); 0")
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert "31.23110, 121.47220" in asked[0]
    qtbot.waitUntil(lambda: view.unplaced.count() == before - 1, timeout=15_000)
    with demo_db.reading() as s:
        assert (s.get(Site, site_id).latitude, s.get(Site, site_id).longitude) == (31.2311, 121.4722)
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == site_id)).all() == ["site.placed"]
    assert js(qtbot, window, "DeskMap.placing() === null") is True


def test_escape_cancels_placing_and_a_refused_position_changes_nothing(window, qtbot, demo_db, monkeypatch) -> None:
    view = window.map
    view.unplaced.setCurrentRow(0)
    site_id = _site_of(view.unplaced.item(0))
    view.place_button.click()
    qtbot.waitUntil(lambda: js(qtbot, window, "DeskMap.placing()") == site_id.hex, timeout=10_000)
    js(qtbot, window, "document.dispatchEvent(new KeyboardEvent('keydown', {key: 'Escape'})); 0")
    assert js(qtbot, window, "DeskMap.placing() === null") is True
    warned: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.Yes))
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda _p, _t, text: warned.append(text)))
    view.place_requested.emit(site_id, "far away", 39.9, 116.4)  # (as a click far outside the service area would)
    qtbot.waitUntil(lambda: bool(warned), timeout=10_000)
    assert "outside the service area" in warned[0]
    with demo_db.reading() as s:
        assert s.get(Site, site_id).latitude is None


def test_several_sites_are_sent_to_the_geocoder_again_and_a_dragged_one_carries_its_id(window, qtbot, demo_db) -> None:
    view = window.map
    view.unplaced.item(0).setSelected(True)
    view.unplaced.item(1).setSelected(True)
    chosen = {_site_of(view.unplaced.item(0)), _site_of(view.unplaced.item(1))}
    assert view.geocode_button.isEnabled() and not view.place_button.isEnabled()
    view.geocode_button.click()
    qtbot.waitUntil(lambda: view.unplaced_note.isVisible(), timeout=10_000)
    assert "for 2 site" in view.unplaced_note.text()  # ("2 sites" once the English plural forms are loaded)
    with demo_db.reading() as s:
        asked = set(s.scalars(select(AuditEntry.entity_id).where(AuditEntry.action == "site.geocode_requested")))
    assert asked == chosen
    dragged = view.unplaced.mimeData([view.unplaced.item(0)])
    assert dragged.text() == f"dispatch-site:{_site_of(view.unplaced.item(0)).hex}"


def test_a_site_dropped_on_the_map_is_placed_where_it_lands(window, qtbot, monkeypatch) -> None:
    view = window.map
    site_id = _site_of(view.unplaced.item(0))
    asked: list = []
    view.place_requested.connect(lambda *args: asked.append(args))
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *_a: QMessageBox.StandardButton.No))  # (not saved here)
    js(qtbot, window, f"""(function () {{
        var box = DeskMap.leaflet().getContainer(), r = box.getBoundingClientRect(), data = new DataTransfer();
        data.setData("text/plain", "dispatch-site:{site_id.hex}");
        box.dispatchEvent(new DragEvent("drop", {{dataTransfer: data, clientX: r.left + r.width / 2, clientY: r.top + r.height / 2,
                                                  bubbles: true, cancelable: true}}));
        return 0; }})()""")
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    middle = json.loads(js(qtbot, window, "JSON.stringify(DeskMap.leaflet().getCenter())"))
    placed_id, _name, lat, lon = asked[0]
    assert placed_id == site_id and abs(lat - middle["lat"]) < 0.01 and abs(lon - middle["lng"]) < 0.01
