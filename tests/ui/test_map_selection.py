"""Selecting on the map: a selection pans without losing the overview (zoom only on double-click),
a lasso drawn around sites selects their orders, and the unplaced list wraps its long lines."""

import json
import uuid

import pytest

from tests.ui.test_map_basemap import js, open_map


def view_state(view) -> dict:
    return json.loads(js(view, "var m = DeskMap.leaflet(); JSON.stringify({zoom: m.getZoom(), lat: m.getCenter().lat, lon: m.getCenter().lng})"))


def set_view(view, lat: float, lon: float, zoom: int) -> None:
    js(view, f"DeskMap.leaflet().setView([{lat}, {lon}], {zoom}, {{animate: false}}); 0")


@pytest.fixture
def map_view(qtbot, demo_db):
    return open_map(qtbot, demo_db)


def a_site(view, near: tuple[float, float] | None = None) -> tuple[str, list[uuid.UUID], dict]:
    candidates = [(s, view._orders_at_site[s], view._shown_sites[s]) for s in view._shown_sites]
    if near is None:
        return candidates[0]
    return min(candidates, key=lambda c: (c[2]["lat"] - near[0]) ** 2 + (c[2]["lon"] - near[1]) ** 2)


def test_selecting_an_order_in_view_neither_pans_nor_zooms(map_view, qtbot) -> None:
    site, orders, where = a_site(map_view, near=(31.23, 121.47))
    set_view(map_view, where["lat"], where["lon"], 11)
    before = view_state(map_view)
    map_view.select_orders(orders[:1])
    qtbot.waitUntil(lambda: js(map_view, "DeskMap.selected()") == site, timeout=5_000)
    assert view_state(map_view) == before
    assert js(map_view, "DeskMap.ringCount()") == 1  # marked even while its marker sits in a cluster


def test_selecting_an_order_out_of_view_pans_to_it_at_the_same_zoom(map_view, qtbot) -> None:
    site, orders, where = a_site(map_view, near=(30.85, 121.35))  # Jinshan, in the south-west
    set_view(map_view, 31.55, 121.75, 12)  # looking at the far north-east
    map_view.select_orders(orders[:1])
    qtbot.waitUntil(lambda: js(map_view, "DeskMap.selected()") == site, timeout=5_000)
    after = view_state(map_view)
    assert after["zoom"] == 12
    assert abs(after["lat"] - where["lat"]) < 0.01 and abs(after["lon"] - where["lon"]) < 0.01


def test_a_double_click_zooms_in_to_the_site(map_view) -> None:
    site, _orders, where = a_site(map_view)
    set_view(map_view, where["lat"], where["lon"], 10)
    js(map_view, f"DeskMap.zoomTo({json.dumps(site)}); 0")
    assert view_state(map_view)["zoom"] >= 15


def test_a_lasso_around_sites_selects_all_their_orders(map_view, qtbot) -> None:
    set_view(map_view, 31.23, 121.47, 11)
    # A square about the centre of the view, as geographic corners.
    ring = [[31.28, 121.40], [31.28, 121.54], [31.18, 121.54], [31.18, 121.40]]
    def within(margin: float) -> set[str]:  # (the lasso works in screen pixels: a site within a pixel of the line may go either way)
        return {s for s, where in map_view._shown_sites.items()
                if 31.18 - margin < where["lat"] < 31.28 + margin and 121.40 - margin < where["lon"] < 121.54 + margin}

    surely, maybe = within(-0.002), within(0.002)
    assert surely
    with qtbot.waitSignal(map_view.orders_selected, timeout=5_000) as signal:
        found = set(json.loads(js(map_view, f"JSON.stringify(DeskMap.lasso({json.dumps(ring)}))")))
    assert surely <= found <= maybe
    assert set(signal.args[0]) == {o for s in found for o in map_view._orders_at_site[s]}


def test_a_lasso_is_drawn_with_the_mouse_after_arming_it_and_the_map_does_not_pan(map_view, qtbot) -> None:
    set_view(map_view, 31.23, 121.47, 11)
    before = view_state(map_view)
    js(map_view, "document.querySelector('.lasso-button').click(); 0")
    assert js(map_view, "DeskMap.lassoTool().armed()")
    draw = """
      var c = DeskMap.leaflet().getContainer(), r = c.getBoundingClientRect();
      function fire(type, x, y) { c.dispatchEvent(new MouseEvent(type, {bubbles: true, cancelable: true, button: 0, clientX: r.left + x, clientY: r.top + y})); }
      fire("mousedown", 200, 150);
      [[900, 150], [900, 600], [200, 600], [200, 160]].forEach(function (p) { fire("mousemove", p[0], p[1]); });
      fire("mouseup", 200, 160); 0
    """
    with qtbot.waitSignal(map_view.orders_selected, timeout=5_000) as signal:
        js(map_view, draw)
    assert len(signal.args[0]) > 1
    assert not js(map_view, "DeskMap.lassoTool().armed()")
    assert view_state(map_view) == before


def wrapped_height(text: str, font, width: int) -> float:
    """How tall the text is drawn at this width, fallback (Chinese) fonts included."""
    from PySide6.QtGui import QTextLayout, QTextOption

    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    height = 0.0
    layout.beginLayout()
    while (line := layout.createLine()).isValid():
        line.setLineWidth(width)
        height += line.height()
    layout.endLayout()
    return height


@pytest.mark.parametrize("width", [180, 240, 286, 420])
def test_the_unplaced_list_wraps_long_lines_and_shows_them_whole(map_view, qtbot, width) -> None:
    unplaced = map_view.unplaced
    assert unplaced.count() > 0 and unplaced.wordWrap()
    unplaced.item(0).setText(unplaced.item(0).text() + " — 上海市浦东新区世纪大道一千二百八十八号国际金融中心B座三十七层")
    unplaced.setFixedWidth(width)
    qtbot.waitUntil(lambda: unplaced.viewport().width() <= width, timeout=2_000)
    unplaced.doItemsLayout()  # (the view would do it a moment after the resize)
    for row in range(unplaced.count()):
        rect = unplaced.visualItemRect(unplaced.item(row))
        assert rect.width() <= unplaced.viewport().width()
        # The style draws the text inside a frame margin: a row exactly as tall as its lines still
        # loses its last line to "…" (Chinese lines come from a taller fallback font).
        assert rect.height() >= wrapped_height(unplaced.item(row).text(), unplaced.font(), rect.width() - 4) + 4
