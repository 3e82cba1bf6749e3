"""Candidate ranking: the score's parts, the flags and the earliest slot."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

from console.core.domain.booking_rules import BookedVisit, ShiftSpan
from console.core.domain.candidates import WEIGHTS, Flag, earliest_slot, rank
from tests.core.domain.booking_cases import DAY, FAR, NEAR, NOW, OTHER_REGION, REGION, SHIFT, SITE, TRAVEL, VISIT, at


def test_weights_add_up_to_a_hundred():
    assert sum(WEIGHTS.values()) == 100


def test_earliest_slot_skips_booked_time_travel_and_the_break():
    visit = replace(VISIT, window=(at(9.5), at(13.5)), minutes=90)
    # 10:00-11:00 is booked; 11:00 + ~1 min travel -> 11:05, but 90 minutes would run into the 12:00 break
    assert earliest_slot(visit, DAY, TRAVEL, NOW) == at(13)


def test_no_slot_when_the_window_is_full():
    visit = replace(VISIT, window=(at(10), at(10.5)))
    assert earliest_slot(visit, DAY, TRAVEL, NOW) is None


def test_ranking_prefers_the_near_skilled_free_technician():
    near = replace(DAY, technician_id=uuid.uuid4(), home=NEAR, visits=())
    far = replace(DAY, technician_id=uuid.uuid4(), home=FAR, visits=())
    unskilled = replace(DAY, technician_id=uuid.uuid4(), skills=frozenset({"voice"}), home=SITE, visits=())
    elsewhere = replace(DAY, technician_id=uuid.uuid4(), region_id=OTHER_REGION, home=NEAR, visits=())
    busy = replace(DAY, technician_id=uuid.uuid4(), home=NEAR, shifts=(SHIFT,), visits=(
        BookedVisit(uuid.uuid4(), at(8.5), at(12), NEAR), BookedVisit(uuid.uuid4(), at(13), at(14), NEAR),
        BookedVisit(uuid.uuid4(), at(15.5), at(17.5), NEAR)))
    ranked = rank(VISIT, [unskilled, far, elsewhere, busy, near], TRAVEL, NOW)
    ids = [c.technician_id for c in ranked]
    assert ids[0] == near.technician_id
    assert ids[-1] == unskilled.technician_id
    by_id = {c.technician_id: c for c in ranked}
    assert Flag.MISSING_SKILL in by_id[unskilled.technician_id].flags and not by_id[unskilled.technician_id].feasible
    assert Flag.OTHER_REGION in by_id[elsewhere.technician_id].flags
    assert Flag.BUSY_DAY in by_id[busy.technician_id].flags
    assert by_id[near.technician_id].score > by_id[far.technician_id].score > 0
    parts = {p.name: p for p in by_id[near.technician_id].parts}
    assert parts["skills"].points == WEIGHTS["skills"] and parts["region"].points == WEIGHTS["region"]
    assert parts["distance"].detail["from_home"] is True and parts["distance"].detail["km"] < 1.5
    assert by_id[near.technician_id].slot == at(14)


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
