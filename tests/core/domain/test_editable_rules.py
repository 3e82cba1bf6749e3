"""The whitelist of rule parameters a supervisor edits: each check, with the values in force."""

import pytest

from console.core.domain.alerts import ESCALATE_AFTER_KEY
from console.core.domain.compliance import LATE_GRACE_KEY, ComplianceRule, enabled_key
from console.core.domain.editable_rules import EDITABLE, EditError, Moves, checked_value

IN_FORCE = {"sla.band.amber_from": "0.7", "sla.band.red_from": "0.9", "calendar.day_start": "09:00", "calendar.day_end": "18:00"}


@pytest.mark.parametrize(("key", "text", "stored"), [
    ("sla.band.amber_from", "0.6", "0.6"),
    ("sla.band.amber_from", "65%", "0.65"),
    ("sla.band.red_from", "1", "1"),
    ("sla.band.red_from", " 0.85 ", "0.85"),
    ("sla.pause.approval_after_hours", "24", 24),
    ("sla.pause.approval_after_hours", "1.5", 1.5),
    ("calendar.day_start", "8:30", "08:30"),
    ("calendar.day_end", "20:00", "20:00"),
    (enabled_key(ComplianceRule.SIGNED), "false", False),
    (enabled_key(ComplianceRule.TESTS_PRESENT), "On", True),
    (LATE_GRACE_KEY, "0", 0),
    (LATE_GRACE_KEY, "240", 240),
    ("check_in.off_site_metres", "500", 500),
])
def test_a_usable_value_is_stored_in_the_type_its_readers_expect(key, text, stored) -> None:
    assert checked_value(key, text, IN_FORCE) == stored


@pytest.mark.parametrize(("key", "text", "message"), [
    ("sla.band.amber_from", "0.95", "amber must start before red"),
    ("sla.band.red_from", "0.7", "amber must start before red"),
    ("sla.band.red_from", "1.2", "at most 1"),
    ("sla.band.amber_from", "0", "more than 0"),
    ("sla.band.amber_from", "-0.1", "more than 0"),
    ("sla.band.amber_from", "NaN", "more than 0"),
    ("sla.band.amber_from", "seventy", "a share of the limit"),
    ("sla.pause.approval_after_hours", "0", "more than 0"),
    ("sla.pause.approval_after_hours", "inf", "at most 720"),
    ("sla.pause.approval_after_hours", "1e308", "at most 720"),
    ("sla.pause.approval_after_hours", "two", "number of hours"),
    ("calendar.day_start", "18:00", "start before they end"),
    ("calendar.day_end", "08:00", "start before they end"),
    ("calendar.day_start", "9h", "HH:MM"),
    ("calendar.day_end", "24:00", "HH:MM"),
    (enabled_key(ComplianceRule.SIGNED), "maybe", r"on \(true\) or off \(false\)"),
    (LATE_GRACE_KEY, "241", "0 to 240"),
    (LATE_GRACE_KEY, "-1", "0 to 240"),
    (LATE_GRACE_KEY, "1.5", "0 to 240"),
    ("check_in.off_site_metres", "5", "10 to 5000"),
    ("planning.speed_kmh", "30", "not a rule a supervisor changes here"),
    ("calendar.zone", "UTC", "not a rule a supervisor changes here"),
    ("sla.band.amber_from", "0." + "5" * 80, "at most 64 characters"),
])
def test_an_unusable_value_or_key_is_refused_with_what_would_do(key, text, message) -> None:
    with pytest.raises(EditError, match=message):
        checked_value(key, text, IN_FORCE)


def test_what_each_kind_of_rule_moves() -> None:
    assert EDITABLE["sla.band.red_from"].moves is Moves.ALL
    assert EDITABLE["sla.pause.approval_after_hours"].moves is Moves.ALL
    assert EDITABLE["calendar.day_end"].moves is Moves.BUSINESS_TIME
    assert EDITABLE[LATE_GRACE_KEY].moves is Moves.NONE


def test_the_escalation_limit_is_whole_minutes_and_moves_no_deadline() -> None:
    assert checked_value(ESCALATE_AFTER_KEY, " 45 ", {}) == 45
    for unusable in ("4", "1441", "half an hour", "30.5"):
        with pytest.raises(EditError, match="escalation limit"):
            checked_value(ESCALATE_AFTER_KEY, unusable, {})
    assert EDITABLE[ESCALATE_AFTER_KEY].moves is Moves.NONE
