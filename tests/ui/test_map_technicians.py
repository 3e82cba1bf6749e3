"""Technicians on the map move when their rows change (the change bus, as the feed publishes it):
the marker moves in place, not the whole layer drawn again; positions fade, then grey with when
they were last seen; a technician no longer active leaves the map."""

from __future__ import annotations

import json
import uuid
from datetime import timedelta
from pathlib import Path

import pytest

from console.core.changes import Changes
from console.core.store.models import Technician
from tests.ui.helpers import FakeClock, open_window
from tests.ui.test_map_view import js


@pytest.fixture
def map_window(qtbot, demo_db, tmp_path: Path):
    clock = FakeClock()
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock, map_tiles=("", ""))
    qtbot.waitUntil(lambda: window.map.is_ready, timeout=30_000)
    qtbot.waitUntil(lambda: (js(qtbot, window, "DeskMap.technicianCount()") or 0) > 0, timeout=30_000)
    window.clock = clock
    return window


def _marker(qtbot, window, key: str) -> list | None:
    """[lat, lon, look, tooltip] of a technician's marker, or None (a mixed array comes back through JSON)."""
    return json.loads(js(qtbot, window, f"JSON.stringify(DeskMap.technician('{key}'))") or "null")


def _move(demo_db, technician_id, lat, lon, seen, active=True) -> None:
    with demo_db.unit_of_work() as s:
        row = s.get(Technician, technician_id)
        row.last_lat, row.last_lon, row.last_seen_at, row.active = lat, lon, seen, active


def test_a_changed_technician_moves_in_place_and_ages(map_window, qtbot, demo_db) -> None:
    window = map_window
    shown = js(qtbot, window, "DeskMap.technicianCount()")
    key, first = next((k, t) for k, t in window.map._technicians.items() if t[3] == "fresh")  # [id, lat, lon, look, tooltip]
    technician_id = uuid.UUID(key)
    now = window.clock.now
    lat, lon = first[1] + 0.01, first[2] - 0.01
    _move(demo_db, technician_id, lat, lon, now - timedelta(minutes=1))
    # a probe on the marker's element: still there after the move, so the marker was moved, not drawn again
    js(qtbot, window, "DeskMap.leaflet(); (function () { var m = document.querySelectorAll('.leaflet-marker-icon .tech-dot'); "
                      "for (var i = 0; i < m.length; i++) { m[i].dataset.probe = '1'; } })()")
    window.bus.publish(Changes(technicians=frozenset({technician_id})))
    qtbot.waitUntil(lambda: (_marker(qtbot, window, key) or [0])[0] == pytest.approx(lat), timeout=10_000)
    at = _marker(qtbot, window, key)
    assert at[1] == pytest.approx(lon) and at[2] == "fresh" and "last seen" not in at[3]
    assert js(qtbot, window, "document.querySelectorAll('.leaflet-marker-icon .tech-dot[data-probe]').length") == shown  # none drawn again
    assert js(qtbot, window, "DeskMap.technicianCount()") == shown

    window.clock.now = now + timedelta(minutes=61)  # past the map's fading (the rule parameter, 60 min)
    window.map.refresh_technicians(window.clock.now)
    qtbot.waitUntil(lambda: _marker(qtbot, window, key)[2] == "faded", timeout=10_000)
    seen_local = (now - timedelta(minutes=1)).astimezone(window.model.zone)
    assert f"last seen {seen_local:%H:%M}" in _marker(qtbot, window, key)[3]
    window.clock.now = now + timedelta(hours=3)
    window.map.refresh_technicians(window.clock.now)
    qtbot.waitUntil(lambda: _marker(qtbot, window, key)[2] == "grey", timeout=10_000)
    assert js(qtbot, window, "document.querySelectorAll('.tech-dot.grey').length") >= 1

    _move(demo_db, technician_id, lat, lon, now, active=False)  # no longer active: off the map
    window.bus.publish(Changes(technicians=frozenset({technician_id})))
    qtbot.waitUntil(lambda: _marker(qtbot, window, key) is None, timeout=10_000)
    assert js(qtbot, window, "DeskMap.technicianCount()") == shown - 1


def test_the_legend_says_what_faded_and_grey_mean(map_window, qtbot) -> None:
    text = js(qtbot, map_window, "document.querySelector('.legend').textContent")
    assert "Technician seen" in text and "60+ min ago" in text and "2+ h ago" in text
