"""Candidate ranking: the score's parts, the flags and the earliest slot."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from console.core.domain.booking_rules import ShiftSpan
from console.core.domain.candidates import WEIGHTS, Flag, Unfit, earliest_slot, rank, unfit
from tests.core.domain.booking_cases import DAY, NOW, REGION, TRAVEL, VISIT, at
from tests.core.domain.candidate_cases import hand_built_days


def test_weights_add_up_to_a_hundred():
    assert sum(WEIGHTS.values()) == 100


def test_earliest_slot_skips_booked_time_travel_and_the_break():
    visit = replace(VISIT, window=(at(9.5), at(13.5)), minutes=90)
    # 10:00-11:00 is booked; 11:00 + ~1 min travel -> 11:05, but 90 minutes would run into the 12:00 break
    assert earliest_slot(visit, DAY, TRAVEL, NOW) == at(13)


def test_no_slot_when_the_window_is_full():
    visit = replace(VISIT, window=(at(10), at(10.5)))
    assert earliest_slot(visit, DAY, TRAVEL, NOW) is None


def test_ranking_puts_the_earliest_start_first_ties_by_the_drive_and_those_who_cannot_last():
    near, far, unskilled, elsewhere, busy, off, full = hand_built_days()
    ranked = rank(VISIT, [unskilled, far, full, elsewhere, off, busy, near], TRAVEL, NOW)
    by_id = {c.technician_id: c for c in ranked}
    order = [c.technician_id for c in ranked]
    # near and far are both free at 14:00: the shorter drive first; busy starts at 14:05 (after its 13-14 visit)
    assert order[:3] == [near.technician_id, far.technician_id, busy.technician_id]
    assert by_id[near.technician_id].slot == by_id[far.technician_id].slot == at(14)
    assert by_id[busy.technician_id].slot == at(14) + timedelta(minutes=5)
    assert by_id[near.technician_id].travel_minutes < by_id[far.technician_id].travel_minutes
    assert set(order[3:]) == {unskilled.technician_id, elsewhere.technician_id, off.technician_id, full.technician_id}
    assert unfit(by_id[unskilled.technician_id]) == (Unfit.MISSING_SKILL,)
    assert unfit(by_id[elsewhere.technician_id]) == (Unfit.OTHER_REGION,)
    assert unfit(by_id[off.technician_id]) == (Unfit.OFF_SHIFT,)
    assert unfit(by_id[full.technician_id]) == (Unfit.NO_SLOT,)
    assert unfit(by_id[full.technician_id], booking=False) == ()  # may take the order, just not a visit in the window
    assert all(unfit(by_id[t.technician_id]) == () for t in (near, far, busy))
    assert Flag.BUSY_DAY in by_id[busy.technician_id].flags


def test_score_parts_say_what_they_measured():
    near, far, unskilled, *_rest = hand_built_days()
    ranked = {c.technician_id: c for c in rank(VISIT, [near, far, unskilled], TRAVEL, NOW)}
    parts = {p.name: p for p in ranked[near.technician_id].parts}
    assert parts["skills"].points == WEIGHTS["skills"] and parts["region"].points == WEIGHTS["region"]
    assert parts["distance"].detail["from_home"] is True and parts["distance"].detail["km"] < 1.5
    assert parts["distance"].detail["minutes"] == ranked[near.technician_id].travel_minutes <= 3
    assert parts["urgency"].detail["finish"] == at(15)
    assert ranked[near.technician_id].score > ranked[far.technician_id].score > 0
    missing = {p.name: p for p in ranked[unskilled.technician_id].parts}["skills"]
    assert missing.points == 0 and missing.detail["missing"] == ["installation"]


def test_a_slot_that_breaches_is_flagged_and_ranked_after():
    visit = replace(VISIT, due_at=at(14.5), window=(at(14), at(16)))
    ranked = rank(visit, [replace(DAY, region_id=REGION, visits=())], TRAVEL, NOW)
    assert Flag.SLA_BREACH in ranked[0].flags
    assert ranked[0].slot == at(14)


def test_no_window_searches_until_the_limit():
    visit = replace(VISIT, window=None)
    day = replace(DAY, shifts=(ShiftSpan(at(8.5), at(17.5), at(12), at(13)), ShiftSpan(at(32.5), at(41.5))))
    assert earliest_slot(visit, day, TRAVEL, NOW) == at(8.5)
    late = replace(DAY, shifts=(ShiftSpan(at(32.5), at(41.5)),), visits=())
    assert earliest_slot(visit, late, TRAVEL, NOW) == at(32.5)
    assert earliest_slot(visit, late, TRAVEL, NOW, not_after=NOW + timedelta(hours=4)) is None
