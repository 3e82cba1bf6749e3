"""What the board's bars say and show on the demo's Monday: labels that fit, busy rows that grow,
the pinned mark, and the legend explaining every mark."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QLabel

from console.core.domain.enums import Band, OrderKind
from console.core.domain.positions import PlanPlace
from console.ui import labels, sla_format
from console.ui.board_layout import short_customer, style_parts
from console.ui.board_styles import visit_style
from console.ui.board_text import bar_label
from tests.ui.board_page import open_board_page, overbook


@pytest.fixture
def page(qtbot, demo_db, tmp_path):
    return open_board_page(qtbot, demo_db, tmp_path)


def painted(board) -> None:
    board.plot.grab()  # one paint of the whole plot, as the screen would get it


def test_bars_are_labelled_with_number_and_customer_where_there_is_room_and_never_beyond_the_bar(page) -> None:
    board = page.board
    painted(board)
    layout, drawn = board.layout_data, board.visits.drawn
    assert drawn, "Monday's visits in view are labelled"
    metrics = QFontMetrics(board.visits._font)
    for index, where, text in drawn:
        assert metrics.horizontalAdvance(text) <= where.width() + 0.5, text
        number = layout.visit_numbers[index].split(" ")[0]
        assert text.startswith(number) or text.startswith("…" + number[-4:]), text
    with_customer = [(i, t) for i, _w, t in drawn if layout.visit_customers[i] and layout.visit_customers[i][:2] in t]
    assert with_customer, "the wide bars name their customer too"
    assert all("有限公司" not in t for _i, t in with_customer)  # the short name, not the legal one

    board.show_days(board.span_shown()[0], 7)  # the week: bars a few pixels wide say nothing rather than spill
    painted(board)
    assert all(metrics.horizontalAdvance(t) <= w.width() + 0.5 for _i, w, t in board.visits.drawn)


def test_a_label_shortens_to_the_room_it_has(qapp) -> None:
    metrics = QFontMetrics(qapp.font())
    number, customer = "FT20261122000104", short_customer("上海宝钢保险有限公司")
    assert customer == "宝钢保险"
    wide = bar_label(metrics, number, customer, 400)
    assert wide == "FT20261122000104 宝钢保险"
    assert bar_label(metrics, number, customer, metrics.horizontalAdvance(number) + 2) == number
    assert bar_label(metrics, number, customer, metrics.horizontalAdvance("…0104") + 1) == "…0104"
    assert bar_label(metrics, number, customer, 5) == ""
    for width in range(0, 300, 7):
        assert metrics.horizontalAdvance(bar_label(metrics, number + " +1", customer, width)) <= width


def test_a_busy_technicians_row_grows_a_full_height_sub_row_per_overlapping_visit(qtbot, page, demo_db) -> None:
    tech, first_id, moved_id = overbook(demo_db)
    page.reload()
    board = page.board
    qtbot.waitUntil(lambda: board.layout_data is not None and moved_id in board.layout_data.visit_ids
                    and board.row_geometry.height[board.layout_data.row_of[tech]] == 2, timeout=5000)
    layout, rows = board.layout_data, board.row_geometry
    row = layout.row_of[tech]
    first, moved = board.visit_index(first_id), board.visit_index(moved_id)
    ordinary = next(i for i in range(len(layout.visits)) if layout.visits.row[i] != row)
    _x0, _x1, top, height, _s = board.visits.geometry([first, moved, ordinary])
    assert height[0] == height[1] == height[2]  # each as tall as any other bar: readable
    assert sorted(top[:2] - rows.top[row]) == pytest.approx([0.12, 1.12])  # stacked one above the other
    assert rows.top[row + 1] == rows.top[row] + 2  # the rows after it move down, none overlaps it
    next_row = next(r for r in range(row + 1, len(layout.rows)) if layout.rows[r].technician_id is not None)
    # the names beside the rows stay with their rows: the busy one's by its first sub-row, the next one's by its own
    ticks = board.rows_axis.tickValues(rows.top[row] - 0.5, rows.top[next_row] + 1.5, 400)[0][1]
    assert rows.top[row] + 0.5 in ticks and rows.top[next_row] + 0.5 in ticks and rows.top[row] + 1.5 not in ticks
    names = board.rows_axis.tickStrings([rows.top[row] + 0.5, rows.top[next_row] + 0.5], 1, 1)
    assert names == [layout.rows[row].label, layout.rows[next_row].label]
    # and each stacked visit is the one under the pointer in its own sub-row
    x = float(layout.visits.x0[moved]) + 60
    assert board.visits.at(x, float(top[1] + height[1] / 2)) == moved
    assert board.visits.at(float(layout.visits.x0[first]) + 60, float(top[0] + height[0] / 2)) == first


def test_a_pinned_visit_has_a_light_mark_and_keeps_its_kinds_edge(qtbot, page) -> None:
    board = page.board
    layout = board.layout_data
    start, end = board.viewbox.viewRange()[0]
    index = next(i for i in range(len(layout.visits)) if start < layout.visits.x0[i] < end - 3600
                 and not style_parts(int(layout.visits.style[i]))[3] and layout.visits.row[i] < 15)
    visit_id = layout.visit_ids[index]
    board.visit_selected.emit(visit_id)
    assert page.pin_button.isEnabled() and page.pin_button.text() == "Pin"
    page.pin_button.click()  # the real action, written off the GUI thread, back through the bus
    qtbot.waitUntil(lambda: page._visit(visit_id) is not None and page._visit(visit_id).locked, timeout=5000)
    index = board.visit_index(visit_id)
    code = int(board.layout_data.visits.style[index])
    assert style_parts(code)[3]
    painted(board)
    assert index in board.visits.pins_drawn
    pinned_pen, unpinned_pen = visit_style(code)[1], visit_style(code - 1)[1]
    assert pinned_pen.color() == unpinned_pen.color() and pinned_pen.widthF() == unpinned_pen.widthF()  # light: the edge stays


@pytest.mark.qt_log_ignore("does not support grabbing the keyboard")  # a popup, offscreen
def test_the_legend_explains_every_mark_on_the_board(qtbot, page) -> None:
    button = page.board.legend_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    legend = button.legend
    qtbot.waitUntil(legend.isVisible, timeout=2000)
    entries = " | ".join(legend.entries)
    for band in Band:
        assert sla_format.band_name(band) in entries
    for kind in OrderKind:
        assert labels.name(kind) in entries
    for mark in ("Proposed", "Pinned", "Shift", "Break", "Travel", "Now", "Overlapping visits", "Utilisation", "While dragging"):
        assert mark in entries, mark
    screen = legend.screen().availableGeometry()
    assert screen.contains(legend.frameGeometry())  # the whole card on the screen
    swatches = [w.pixmap() for w in legend.findChildren(QLabel) if not w.pixmap().isNull()]
    assert len(swatches) == len(Band) + len(OrderKind) + 9 + len(PlanPlace)  # a drawn sample beside each entry
