"""The candidates panel: earliest start first, ties by the drive, each sub-score explained in its tooltip."""

from __future__ import annotations

from console.core.services.planning import CandidateList
from console.ui.candidate_text import PARTS
from console.ui.candidates_panel import CandidatesPanel
from tests.core.domain.booking_cases import VISIT
from tests.ui.assign_cases import hand_built_choice
from tests.ui.helpers import SH

START, SCORE, NOTES = 1, 2, 3 + len(PARTS)


def panel_with_hand_built(qtbot) -> CandidatesPanel:
    choice, _ids = hand_built_choice()  # ranked by the domain's `rank`, as the planning desk ranks
    names = {t.id: t.name for t in choice.technicians.values()}
    regions = {t.id: (t.region, t.region_en) for t in choice.technicians.values()}
    panel = CandidatesPanel(SH, english=True)
    qtbot.addWidget(panel)
    panel.show_candidates(CandidateList(choice.orders[0], VISIT, list(choice.candidates), names, regions))
    return panel


def column(panel: CandidatesPanel, title: str) -> int:
    return next(c for c in range(panel.table.columnCount()) if panel.table.horizontalHeaderItem(c).text() == title)


def test_the_earliest_start_comes_first_and_the_same_start_goes_to_the_shorter_drive(qtbot) -> None:
    panel = panel_with_hand_built(qtbot)
    rows = [(panel.table.item(r, 0).text(), panel.table.item(r, START).text()) for r in range(panel.table.rowCount())]
    assert rows[:3] == [("Near", "11-23 14:00"), ("Far", "11-23 14:00"), ("Busy", "11-23 14:05")]
    assert panel.table.horizontalHeaderItem(START).text() == "Earliest start"
    assert "shorter drive" in panel.table.horizontalHeaderItem(START).toolTip()
    notes = {panel.table.item(r, 0).text(): panel.table.item(r, NOTES).text() for r in range(3, panel.table.rowCount())}
    assert notes == {"Unskilled": "no skill: Installation", "Elsewhere": "other region (Minhang)",
                     "Off": "off shift in the next days", "Full": "booked full: no free slot"}


def test_each_sub_score_says_what_it_measured_in_words_and_numbers(qtbot) -> None:
    panel = panel_with_hand_built(qtbot)
    near, far, busy = 0, 1, 2
    travel = panel.table.item(near, column(panel, "Travel"))
    assert travel.text().startswith("2") and "km" in travel.text() and "min" in travel.text()
    assert "km by road from home at the shift's start, about" in travel.toolTip()
    assert "Every point at 0 km, none from 30 km" in travel.toolTip() and "of 25 points" in travel.toolTip()
    far_tip = panel.table.item(far, column(panel, "Travel")).toolTip()
    assert "47.6 km by road" in far_tip and "about 96 min" in far_tip and "0 of 25 points" in far_tip  # 37 km as the crow flies
    skills = panel.table.item(near, column(panel, "Skills")).toolTip()
    assert "Has every skill the order needs" in skills and "30 of 30 points" in skills
    load = panel.table.item(busy, column(panel, "Load")).toolTip()
    assert "booked of" in load and "%" in load and "of 20 points" in load
    deadline = panel.table.item(near, column(panel, "Deadline")).toolTip()
    assert "Starting 11-23 14:00, it finishes 11-23 15:00" in deadline and "before the deadline" in deadline
    region = panel.table.item(near, column(panel, "Region")).toolTip()
    assert "Works in the order's region" in region and "10 of 10 points" in region
    unskilled = next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 0).text() == "Unskilled")
    assert "Lacks Installation" in panel.table.item(unskilled, column(panel, "Skills")).toolTip()
    assert panel.table.item(unskilled, 0).foreground().color().name() == "#9e9e9e"


def test_assign_from_the_panel_names_the_first_candidate_and_its_slot(qtbot) -> None:
    panel = panel_with_hand_built(qtbot)
    order_id, technician_id, slot = panel.selected()
    assert panel.table.item(0, 0).text() == "Near" and slot.astimezone(SH).strftime("%H:%M") == "14:00"
    with qtbot.waitSignal(panel.assign_requested) as requested:
        panel.assign_button.click()
    assert requested.args == [order_id, technician_id, slot]
