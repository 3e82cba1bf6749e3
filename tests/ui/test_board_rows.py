"""The board's rows on the demo's Monday: each technician's utilisation beside their name, and
the filter by name, team and skill typed above the board."""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QImage, QPainter

from console.core.domain.enums import Skill
from console.ui import labels
from tests.ui.board_page import MONDAY, open_board_page


@pytest.fixture
def page(qtbot, demo_db, tmp_path):
    return open_board_page(qtbot, demo_db, tmp_path)


def shown_technicians(board) -> list:
    layout, heights = board.layout_data, board.row_geometry.height
    return [r.technician_id for i, r in enumerate(layout.rows) if r.technician_id is not None and heights[i] > 0]


def monday_utilisation(page, tech) -> str:
    """Worked out apart from the board: visits and travel legs starting on Monday against Monday's
    shift hours less the break."""
    data, layout = page.data, page.board.layout_data
    row = layout.row_of[tech.id]
    day = (MONDAY[0].timestamp(), MONDAY[1].timestamp())
    visits = sum(v.minutes * 60 for v in data.visits if v.technician_id == tech.id and MONDAY[0] <= v.start < MONDAY[1])
    legs = layout.travel
    travel = float(sum(legs.x1[k] - legs.x0[k] for k in range(len(legs)) if legs.row[k] == row and day[0] <= legs.x0[k] < day[1]))
    shift = sum((s.end - s.start - ((s.break_end - s.break_start) if s.break_start and s.break_end else timedelta())).total_seconds()
                for s in data.shifts if s.technician_id == tech.id and MONDAY[0] <= s.start < MONDAY[1])
    return f"{(visits + travel) / shift * 100:.0f}%" if shift else "–"


def test_each_row_shows_the_technicians_utilisation_for_the_day(page) -> None:
    board = page.board
    assert board.layout_data.utilisation is not None  # built with the layout, in the load's worker
    seen = set()
    for tech in page.data.technicians:
        shown = board.rows_axis.percent(board.layout_data.row_of[tech.id])
        assert shown == monday_utilisation(page, tech), tech.name
        seen.add(shown)
    assert len(seen - {"0%", "–"}) >= 3, seen  # a working Monday: technicians differ
    # painted beside the names: the axis's texts hold each technician's figure
    image = QImage(200, 900, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    specs = board.rows_axis.generateDrawSpecs(painter)[2]
    painter.end()
    figures = [board.rows_axis.percent(s[2][1]) for s in specs if not isinstance(s[2], str) and s[2][0] == "%"]
    names = [s[2] for s in specs if isinstance(s[2], str)]
    assert len(figures) == len(names) > 5


def test_the_figure_covers_the_days_shown(page) -> None:
    board = page.board
    tech = max(page.data.technicians, key=lambda t: sum(v.technician_id == t.id for v in page.data.visits))
    row = board.layout_data.row_of[tech.id]
    busy, available = board.layout_data.utilisation.over(MONDAY[0].timestamp(), MONDAY[1].timestamp() + 2 * 86400)
    board.show_days(MONDAY[0] + timedelta(hours=12), 3)
    assert available[row] > 0
    assert board.rows_axis.percent(row) == f"{busy[row] / available[row] * 100:.0f}%"


def test_typing_a_team_a_skill_or_a_name_filters_the_rows(qtbot, page) -> None:
    board = page.board
    everyone = shown_technicians(board)
    assert set(everyone) == {t.id for t in page.data.technicians} and not board.match_label.isVisible()
    team = page.data.technicians[-1].team
    board.search.insert(team)  # as an input method commits Chinese text
    kept = shown_technicians(board)
    assert kept and {t.id for t in page.data.technicians if t.team == team} == set(kept)
    assert board.match_label.text() == f"{len(kept)} of {len(everyone)}"
    headers = [r.label for i, r in enumerate(board.layout_data.rows) if r.technician_id is None and board.row_geometry.height[i] > 0]
    assert headers and all(team in h for h in headers)  # each group kept keeps its header
    first = board.row_geometry.row_at(board.row_geometry.top[board.layout_data.row_of[kept[0]]] + 0.5)
    assert board._target_at(QPointF(0, board.row_geometry.top[first] + 0.5), 0)[0] == kept[0]  # drops land on the row seen

    board.search.clear()
    qtbot.keyClicks(board.search, labels.name(Skill.FIBER_SPLICING).lower())  # the skill as the desk names it
    kept = shown_technicians(board)
    assert kept and {t.id for t in page.data.technicians if "fiber_splicing" in t.skills} == set(kept)

    board.search.clear()
    name = page.data.technicians[3].name
    board.search.insert(name)
    assert shown_technicians(board) == [t.id for t in page.data.technicians if name in t.name]

    board.search.clear()
    board.search.insert("没有这个人")
    assert shown_technicians(board) == [] and board.match_label.text() == "No technician matches"
    assert board.visits.visible().size == 0 and board.visits.at(float(board.layout_data.visits.x0[0]) + 1, 0.5) is None
    board.plot.grab()  # an empty board paints without a fault

    board.search.clear()
    assert shown_technicians(board) == everyone and not board.match_label.isVisible()
    assert np.all(board.row_geometry.height >= 1)
