"""A candidate's drive measured from where the field app saw them says so, with the time, in the desk's zone."""

from __future__ import annotations

from datetime import UTC, datetime

from console.core.domain.candidates import ScorePart
from console.ui.candidate_text import part_tooltip
from tests.ui.helpers import SH


def test_a_drive_from_a_position_says_where_and_when(qapp) -> None:
    seen = datetime(2026, 11, 23, 1, 42, tzinfo=UTC)  # 09:42 in Shanghai
    part = ScorePart("distance", 20.0, {"km": 2.4, "from_home": False, "from_position": True, "position_at": seen,
                                        "minutes": 7, "zero_km": 30.0})
    text = part_tooltip(part, SH)
    assert "2.4 km by road from where the field app saw them at 09:42, about 7 min." in text
    home = ScorePart("distance", 10.0, {"km": 12.0, "from_home": True, "from_position": False, "position_at": None,
                                        "minutes": 30, "zero_km": 30.0})
    assert "from home at the shift's start" in part_tooltip(home, SH)
