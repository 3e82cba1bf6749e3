"""Positions: a report judged against the last one, how fresh a position is, where a technician
stands against the plan, and candidates ranked from where they are rather than from home."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

from console.core.domain.candidates import rank
from console.core.domain.positions import (
    Fix,
    Freshness,
    PlannedStop,
    PlanPlace,
    Refusal,
    fresh_fix,
    freshness,
    judge,
    plan_place,
)
from tests.core.domain.booking_cases import DAY, FAR, NEAR, SHIFT, SITE, TRAVEL, VISIT, at

NOON = at(12)


def test_a_report_is_judged_against_the_last_one() -> None:
    last = Fix(31.23, 121.47, NOON - timedelta(minutes=1))
    assert judge(Fix(31.24, 121.47, NOON), 10, last, NOON).refusal is None  # 1.1 km in a minute: 67 km/h
    fast = judge(Fix(31.53, 121.47, NOON), 10, last, NOON)  # 33 km in a minute
    assert fast.refusal is Refusal.TOO_FAST and "33.4 km in 60 s" in fast.detail and "km/h" in fast.detail
    assert judge(Fix(31.2305, 121.47, NOON - timedelta(seconds=59)), 10, last, NOON).refusal is None  # noise, 1 s apart
    assert judge(Fix(31.23, 121.47, NOON - timedelta(minutes=2)), 10, last, NOON).refusal is Refusal.NOT_AFTER_LAST
    assert judge(Fix(31.23, 121.47, NOON + timedelta(minutes=5)), 10, last, NOON).refusal is Refusal.AT_IN_FUTURE
    assert judge(Fix(31.23, 121.47, NOON - timedelta(hours=2)), 10, None, NOON).refusal is Refusal.AT_TOO_OLD
    assert judge(Fix(31.23, 121.47, NOON), 5000, None, NOON).refusal is Refusal.ACCURACY


def test_a_phone_slightly_ahead_is_taken_as_now_and_a_buffered_point_keeps_its_time() -> None:
    assert judge(Fix(31.23, 121.47, NOON + timedelta(seconds=90)), None, None, NOON).seen_at == NOON
    earlier = NOON - timedelta(minutes=20)
    assert judge(Fix(31.23, 121.47, earlier), None, None, NOON).seen_at == earlier


def test_freshness_fades_then_greys() -> None:
    assert freshness(None, NOON) is Freshness.NONE
    assert freshness(NOON - timedelta(minutes=14), NOON) is Freshness.FRESH
    assert freshness(NOON - timedelta(minutes=16), NOON) is Freshness.FADED
    assert freshness(NOON - timedelta(hours=3), NOON) is Freshness.GREY
    assert fresh_fix(31.2, 121.4, NOON - timedelta(minutes=16), NOON) is None
    assert fresh_fix(31.2, 121.4, NOON - timedelta(minutes=5), NOON) == Fix(31.2, 121.4, NOON - timedelta(minutes=5))


def test_on_site_on_the_way_late_and_no_position() -> None:
    first = PlannedStop(at(10), at(11), *NEAR)
    second = PlannedStop(at(14), at(15), *FAR)
    stops = [first, second]
    seen = lambda lat, lon, when: Fix(lat, lon, when - timedelta(minutes=2))  # noqa: E731
    assert plan_place(seen(*NEAR, at(10.5)), stops, at(10.5)) is PlanPlace.ON_SITE
    assert plan_place(seen(*SITE, at(10.5)), stops, at(10.5)) is PlanPlace.LATE  # 0.7 km from the visit under way
    assert plan_place(seen(*SITE, at(12)), stops, at(12)) is PlanPlace.ON_THE_WAY  # between the two
    assert plan_place(seen(*FAR, at(13.9)), stops, at(13.9)) is PlanPlace.ON_SITE  # early at the next one
    assert plan_place(seen(*SITE, at(16)), stops, at(16)) is PlanPlace.FREE
    assert plan_place(Fix(*NEAR, at(10) - timedelta(hours=1)), stops, at(10.5)) is PlanPlace.NO_POSITION  # stale
    assert plan_place(None, stops, at(10.5)) is PlanPlace.NO_POSITION
    unmapped = [PlannedStop(at(10), at(11), None, None)]
    assert plan_place(seen(*SITE, at(10.5)), unmapped, at(10.5)) is PlanPlace.ON_THE_WAY  # cannot tell late


def test_a_fresh_position_starts_the_drive_in_the_shift_under_way() -> None:
    """Both live far from the site; the one the app saw near it a minute ago ranks first, the
    drive measured from there; a stale position, or a slot on another day, drives from home."""
    now = at(13.5)
    visit = replace(VISIT, start=at(14), window=(at(14), at(16)))
    home_far = replace(DAY, technician_id=uuid.uuid4(), home=FAR, visits=())
    seen_near = replace(home_far, technician_id=uuid.uuid4(), position=Fix(*NEAR, now - timedelta(minutes=1)))
    ranked = rank(visit, [home_far, seen_near], TRAVEL, now)
    assert [c.technician_id for c in ranked] == [seen_near.technician_id, home_far.technician_id]
    by_id = {c.technician_id: next(p for p in c.parts if p.name == "distance").detail for c in ranked}
    assert by_id[seen_near.technician_id]["from_position"] and by_id[seen_near.technician_id]["km"] < 1.5
    assert by_id[home_far.technician_id]["from_home"] and by_id[home_far.technician_id]["km"] > 40
    before_shift = at(7)  # no shift under way: the day starts at home
    early = rank(replace(visit, start=at(9), window=(at(9), at(11))), [seen_near], TRAVEL, before_shift)[0]
    assert next(p for p in early.parts if p.name == "distance").detail["from_home"]
    assert SHIFT.start > before_shift


def test_a_visit_after_the_fix_comes_before_the_position() -> None:
    """The app saw them an hour before a visit that ends before the slot: the drive starts at that visit."""
    now = at(11.2)
    from console.core.domain.booking_rules import BookedVisit

    booked = BookedVisit(uuid.uuid4(), at(11.25), at(12), FAR)
    day = replace(DAY, home=SITE, visits=(booked,), position=Fix(*NEAR, now - timedelta(minutes=3)))
    candidate = rank(replace(VISIT, start=at(14)), [day], TRAVEL, now)[0]
    detail = next(p for p in candidate.parts if p.name == "distance").detail
    assert not detail["from_position"] and not detail["from_home"] and detail["km"] > 40
