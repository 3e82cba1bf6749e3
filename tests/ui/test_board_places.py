"""The board's mark beside each technician: on site, late, on the way, no position; moved by a
technician's changed row (the change bus, as the feed publishes it), without reading the plan
again; and explained in the legend."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.positions import PlanPlace
from console.core.store.models import Appointment, Site, Technician
from console.ui.board_places import place_text
from tests.ui.board_page import MONDAY, MONDAY_0930, open_board_page


def _arrange(demo_db) -> dict[str, tuple]:
    """Three technicians with Monday visits: one at the site of the visit under way, one 3 km from
    it (late), one whose visits are all to come (on the way); positions a minute old."""
    with demo_db.unit_of_work() as s:
        visits = s.scalars(select(Appointment).where(Appointment.planned_start >= MONDAY[0], Appointment.planned_start < MONDAY[1],
                                                     Appointment.technician_id.is_not(None), Appointment.deleted.is_(False))
                           .order_by(Appointment.planned_start)).all()
        by_technician: dict = {}
        for visit in visits:
            by_technician.setdefault(visit.technician_id, []).append(visit)
        chosen = [t for t, vs in by_technician.items() if s.get(Site, vs[0].site_id).latitude is not None][:3]
        arranged = {}
        for role, technician_id in zip(("on_site", "late", "on_the_way"), chosen, strict=True):
            first = by_technician[technician_id]
            site = s.get(Site, first[0].site_id)
            offset = timedelta(minutes=-10) if role != "on_the_way" else timedelta(hours=1)
            for k, visit in enumerate(first):  # the day's visits one after another from then
                visit.planned_start = MONDAY_0930 + offset + timedelta(hours=2 * k)
            technician = s.get(Technician, technician_id)
            away = 0.0 if role == "on_site" else 0.03  # 3 km north
            technician.last_lat, technician.last_lon = site.latitude + away, site.longitude
            technician.last_seen_at = MONDAY_0930 - timedelta(minutes=1)
            arranged[role] = (technician_id, site.latitude, site.longitude)
        return arranged


@pytest.fixture
def arranged_page(qtbot, demo_db, tmp_path):
    arranged = _arrange(demo_db)
    page = open_board_page(qtbot, demo_db, tmp_path)
    qtbot.waitUntil(lambda: bool(page.places.places), timeout=10_000)
    return page, arranged


def test_each_technician_is_marked_against_the_plan(arranged_page) -> None:
    page, arranged = arranged_page
    places = page.places.places
    assert places[arranged["on_site"][0]] is PlanPlace.ON_SITE
    assert places[arranged["late"][0]] is PlanPlace.LATE
    assert places[arranged["on_the_way"][0]] is PlanPlace.ON_THE_WAY
    others = [p for t, p in places.items() if t not in {a[0] for a in arranged.values()}]
    assert others and set(others) == {PlanPlace.NO_POSITION}  # the demo's positions are a day old by Monday
    axis, board = page.board.rows_axis, page.board
    assert axis.places[board.layout_data.row_of[arranged["late"][0]]] is PlanPlace.LATE
    board.plot.grab()  # painted with the marks


def test_a_changed_position_moves_the_mark_without_reading_the_plan_again(arranged_page, qtbot, demo_db) -> None:
    page, arranged = arranged_page
    technician_id, lat, lon = arranged["late"]
    plan = page.data
    with demo_db.unit_of_work() as s:
        technician = s.get(Technician, technician_id)
        technician.last_lat, technician.last_lon, technician.last_seen_at = lat, lon, MONDAY_0930
    page.window().bus.publish(Changes(technicians=frozenset({technician_id})))
    qtbot.waitUntil(lambda: page.places.places[technician_id] is PlanPlace.ON_SITE, timeout=10_000)
    assert page.data is plan
    row = page.board.layout_data.row_of[technician_id]
    assert page.board.rows_axis.places[row] is PlanPlace.ON_SITE


def test_the_legend_explains_the_marks(arranged_page) -> None:
    page, _arranged = arranged_page
    entries = page.board.legend_button.legend.entries
    for place in PlanPlace:
        assert place_text(place) in entries


def test_the_name_says_where_the_technician_is(arranged_page) -> None:
    from PySide6.QtCore import QPointF

    page, arranged = arranged_page
    board = page.board
    row = board.layout_data.row_of[arranged["late"][0]]
    board.viewbox.setYRange(board.row_geometry.top[row], board.row_geometry.top[row] + 6, padding=0)  # the row in view
    middle = board.viewbox.mapViewToScene(QPointF(0, board.row_geometry.top[row] + 0.5)).y()
    over_name = QPointF(board.rows_axis.sceneBoundingRect().center().x(), middle)
    board.plot.scene().sigMouseMoved.emit(over_name)
    assert board.plot.toolTip() == f"{board.layout_data.rows[row].label}\n{place_text(PlanPlace.LATE)}"
