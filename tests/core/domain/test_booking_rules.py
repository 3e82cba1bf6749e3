"""The booking rules as a table: each case one proposed visit against one technician's day."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from console.core.domain.booking_rules import (
    Conflict,
    Override,
    ShiftSpan,
    check_visit,
    verdict,
)
from console.core.domain.enums import Role
from tests.core.domain.booking_cases import BOOKED, DAY, FAR, NOW, OTHER_REGION, SITE, TRAVEL, VISIT, at

CASES = [
    ("fits", VISIT, DAY, set()),
    ("missing skill", replace(VISIT, skills=frozenset({"fiber_splicing"})), DAY, {Conflict.MISSING_SKILL}),
    ("overlap", replace(VISIT, start=at(10.5), window=None), DAY, {Conflict.OVERLAP}),
    ("before the shift", replace(VISIT, start=at(7), window=None), DAY, {Conflict.OUTSIDE_SHIFT}),
    ("runs past the shift", replace(VISIT, start=at(17), window=None), DAY, {Conflict.OUTSIDE_SHIFT}),
    ("on the break", replace(VISIT, start=at(11.75), window=None), DAY, {Conflict.ON_BREAK}),
    ("outside the window", replace(VISIT, start=at(16.25)), DAY, {Conflict.OUTSIDE_WINDOW}),
    ("after the SLA deadline", replace(VISIT, due_at=at(14.5)), DAY, {Conflict.SLA_BREACH}),
    ("too far after the last job", replace(VISIT, start=at(11.25), minutes=30, position=FAR, window=None), DAY, {Conflict.TRAVEL_INFEASIBLE}),
    ("too far before the next job", replace(VISIT, start=at(8.5), position=FAR, window=None), DAY, {Conflict.TRAVEL_INFEASIBLE}),
    ("other region", replace(VISIT, region_id=OTHER_REGION), DAY, {Conflict.OTHER_REGION}),
    ("inactive technician", VISIT, replace(DAY, active=False), {Conflict.TECHNICIAN_INACTIVE}),
    ("closed order", replace(VISIT, closed=True), DAY, {Conflict.ORDER_CLOSED}),
    ("locked booking", replace(VISIT, locked=True), DAY, {Conflict.LOCKED}),
    ("in the past", replace(VISIT, start=at(5.5), window=None), replace(DAY, shifts=(ShiftSpan(at(5), at(17)),)), {Conflict.IN_PAST}),
    ("moving itself is no overlap", replace(VISIT, appointment_id=BOOKED.appointment_id, start=at(10.25), window=None), DAY, set()),
    ("no shift that day", VISIT, replace(DAY, shifts=()), {Conflict.OUTSIDE_SHIFT}),
]


@pytest.mark.parametrize(("visit", "day", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_booking_rules(visit, day, expected):
    assert {f.conflict for f in check_visit(visit, day, TRAVEL, NOW)} == expected


def test_travel_finding_says_how_long_is_needed():
    visit = replace(VISIT, start=at(11.25), minutes=30, position=FAR, window=None)
    (finding,) = check_visit(visit, DAY, TRAVEL, NOW)
    assert finding.details["gap_minutes"] == 15
    assert finding.details["needed_minutes"] > 60  # ~37 km x 1.3 at 30 km/h
    assert finding.details["other"] == "SD-1"


@pytest.mark.parametrize(("conflict", "role", "allowed", "reason"), [
    (Conflict.OUTSIDE_SHIFT, Role.DISPATCHER, True, True),
    (Conflict.MISSING_SKILL, Role.DISPATCHER, False, True),
    (Conflict.MISSING_SKILL, Role.SUPERVISOR, True, True),
    (Conflict.OVERLAP, Role.SUPERVISOR, False, False),
    (Conflict.OUTSIDE_WINDOW, Role.DISPATCHER, True, False),
])
def test_who_may_commit_over_what(conflict, role, allowed, reason):
    from console.core.domain.booking_rules import OVERRIDE, Finding

    result = verdict([Finding(conflict, OVERRIDE[conflict])], role)
    assert result.allowed is allowed
    assert result.needs_reason is reason
    assert result.needs_reschedule is (conflict is Conflict.OUTSIDE_WINDOW)


def test_an_order_already_past_due_is_the_dispatchers_call():
    visit = replace(VISIT, due_at=NOW - timedelta(hours=1))
    (finding,) = check_visit(visit, DAY, TRAVEL, NOW)
    assert finding.conflict is Conflict.SLA_BREACH and finding.override is Override.DISPATCHER
    assert verdict([finding], Role.DISPATCHER).allowed
    soon = replace(VISIT, due_at=at(14.5))
    (finding,) = check_visit(soon, DAY, TRAVEL, NOW)
    assert finding.override is Override.SUPERVISOR and not verdict([finding], Role.DISPATCHER).allowed


def test_travel_model_numbers():
    metres = TRAVEL.metres((31.2, 121.5), (31.2, 121.5 + 1 / 95.3))  # ~1 km east at this latitude
    assert 1250 < metres < 1350
    assert 140 < TRAVEL.duration((31.2, 121.5), (31.2, 121.5 + 1 / 95.3)).total_seconds() < 170
    assert TRAVEL.duration(None, SITE) == timedelta(0)
