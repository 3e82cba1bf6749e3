"""Appointment rules: reschedules need a reason, reconfirmation happens on the day, merges are found."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.core.domain.appointments import (
    AppointmentRefusal,
    VisitFacts,
    cancel_refusal,
    confirm_refusal,
    may_pause_sla,
    merge_suggestions,
    reconfirm_refusal,
    reschedule_refusal,
)
from console.core.domain.enums import AppointmentStatus as S
from console.core.domain.enums import RescheduleReason as R

ZONE = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 local
OLD = (NOW + timedelta(hours=2), NOW + timedelta(hours=4))
NEW = (NOW + timedelta(days=1), NOW + timedelta(days=1, hours=2))


@pytest.mark.parametrize(("status", "reason", "text", "new", "expected"), [
    (S.CONFIRMED, R.CUSTOMER_REQUEST, "", NEW, None),
    (S.CONFIRMED, None, "", NEW, AppointmentRefusal.NO_REASON),
    (S.CONFIRMED, "", "客户要求", NEW, AppointmentRefusal.NO_REASON),
    (S.CONFIRMED, "because", "", NEW, AppointmentRefusal.NO_REASON),
    (S.CONFIRMED, R.OTHER, "  ", NEW, AppointmentRefusal.NO_REASON_TEXT),
    (S.CONFIRMED, R.OTHER, "x" * 501, NEW, AppointmentRefusal.REASON_TOO_LONG),
    (S.CONFIRMED, R.WEATHER, "", (NEW[1], NEW[0]), AppointmentRefusal.BAD_WINDOW),
    (S.CONFIRMED, R.WEATHER, "", (NEW[0], NEW[0] + timedelta(minutes=10)), AppointmentRefusal.BAD_WINDOW),
    (S.CONFIRMED, R.WEATHER, "", (NOW - timedelta(hours=3), NOW - timedelta(hours=1)), AppointmentRefusal.WINDOW_IN_PAST),
    (S.CONFIRMED, R.WEATHER, "", OLD, AppointmentRefusal.SAME_WINDOW),
    (S.KEPT, R.WEATHER, "", NEW, AppointmentRefusal.NOT_OPEN),
    (S.CANCELLED, R.WEATHER, "", NEW, AppointmentRefusal.NOT_OPEN),
])
def test_reschedule(status, reason, text, new, expected):
    assert reschedule_refusal(status, reason, text, OLD, new, NOW) == expected


def test_confirm_reconfirm_cancel():
    assert confirm_refusal(S.PROPOSED) is None
    assert confirm_refusal(S.CONFIRMED) is AppointmentRefusal.ALREADY_CONFIRMED
    assert reconfirm_refusal(S.CONFIRMED, OLD[0], NOW, ZONE) is None
    assert reconfirm_refusal(S.PROPOSED, OLD[0], NOW, ZONE) is AppointmentRefusal.NOT_CONFIRMED
    assert reconfirm_refusal(S.CONFIRMED, NEW[0], NOW, ZONE) is AppointmentRefusal.NOT_THE_DAY
    assert reconfirm_refusal(S.RECONFIRMED, OLD[0], NOW, ZONE) is AppointmentRefusal.ALREADY_CONFIRMED
    assert cancel_refusal(S.CONFIRMED, "客户撤单") is None
    assert cancel_refusal(S.CONFIRMED, " ") is AppointmentRefusal.NO_REASON_TEXT
    assert cancel_refusal(S.MISSED, "x") is AppointmentRefusal.NOT_OPEN


def test_only_the_customers_request_may_pause_the_clock():
    assert may_pause_sla(R.CUSTOMER_REQUEST)
    assert not any(may_pause_sla(r) for r in R if r is not R.CUSTOMER_REQUEST)


def test_two_teams_visiting_one_site_on_one_day_are_offered_a_merge():
    site, other_site = uuid.uuid4(), uuid.uuid4()
    a = VisitFacts(uuid.uuid4(), site, NOW + timedelta(hours=1), S.CONFIRMED)
    b = VisitFacts(uuid.uuid4(), site, NOW + timedelta(hours=5), S.PROPOSED)
    next_day = VisitFacts(uuid.uuid4(), site, NOW + timedelta(days=1), S.CONFIRMED)
    elsewhere = VisitFacts(uuid.uuid4(), other_site, NOW + timedelta(hours=1), S.CONFIRMED)
    done = VisitFacts(uuid.uuid4(), site, NOW, S.KEPT)
    (suggestion,) = merge_suggestions([b, a, next_day, elsewhere, done], ZONE)
    assert (suggestion.keep, suggestion.absorb) == (a.appointment_id, b.appointment_id)
