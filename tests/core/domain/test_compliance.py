"""The compliance audit's rules one by one, on closed orders built by hand (Shanghai time)."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from console.core.domain.compliance import AuditRules, ClosedOrder, ComplianceRule, check, enabled_key, tally
from console.core.domain.enums import OrderKind

ZONE = ZoneInfo("Asia/Shanghai")
T = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai

GOOD = ClosedOrder(kind=OrderKind.PROVISIONING, due_at=T + timedelta(days=2), resolved_at=T + timedelta(hours=3),
                   closed_at=T + timedelta(hours=4), returned_at=T + timedelta(hours=5), appointment_reached=True,
                   window_end=T + timedelta(hours=2), check_in_at=T + timedelta(hours=1), check_in_off_site=False,
                   tests=True, report=True, signed=True)


WITH_GRACE = AuditRules(check_in_grace=timedelta(minutes=15))


def rules_broken(order: ClosedOrder, rules: AuditRules = WITH_GRACE) -> dict:
    return {b.rule: b.detail for b in check(order, rules, ZONE)}


def test_a_compliant_order_breaks_nothing() -> None:
    assert rules_broken(GOOD) == {}


@pytest.mark.parametrize(("change", "expected"), [
    ({"appointment_reached": None}, {ComplianceRule.APPOINTMENT_RECORDED: {"missing": True}}),
    ({"appointment_reached": False}, {ComplianceRule.APPOINTMENT_RECORDED: {"no_contact_method": True}}),
    ({"check_in_at": None}, {ComplianceRule.CHECK_IN_ON_SITE: {"missing": True}}),
    ({"check_in_off_site": True}, {ComplianceRule.CHECK_IN_ON_SITE: {"off_site": True}}),
    ({"check_in_at": T + timedelta(hours=2, minutes=14)}, {}),  # within the 15 minutes' grace
    ({"check_in_at": T + timedelta(hours=2, minutes=40)}, {ComplianceRule.CHECK_IN_ON_TIME: {"late_minutes": 25}}),
    ({"tests": False}, {ComplianceRule.TESTS_PRESENT: {"missing": True}}),
    ({"report": False}, {ComplianceRule.REPORT_PRESENT: {"missing": True}}),
    ({"signed": False}, {ComplianceRule.SIGNED: {"missing": True}}),
    ({"resolved_at": T + timedelta(days=2, minutes=30), "returned_at": T + timedelta(days=2, hours=1)},
     {ComplianceRule.CLOSED_IN_TIME: {"late_minutes": 30}}),
    ({"returned_at": None}, {ComplianceRule.RETURNED_SAME_DAY: {"missing": True}}),
    # resolved 23:30 in Shanghai, returned 00:30 the next day: a day late, though only an hour after
    ({"resolved_at": datetime(2026, 12, 3, 15, 30, tzinfo=UTC), "returned_at": datetime(2026, 12, 3, 16, 30, tzinfo=UTC)},
     {ComplianceRule.RETURNED_SAME_DAY: {"days_late": 1}}),
])
def test_each_rule_alone(change, expected) -> None:
    assert rules_broken(replace(GOOD, **change)) == expected


def test_a_complaint_has_no_visit_to_audit_and_a_fault_no_appointment_nor_delivery_report() -> None:
    complaint = replace(GOOD, kind=OrderKind.COMPLAINT, appointment_reached=None, check_in_at=None, tests=False, report=False,
                        signed=False)
    assert rules_broken(complaint) == {}
    fault = replace(GOOD, kind=OrderKind.FAULT, report=False, appointment_reached=None, window_end=None)
    assert rules_broken(fault) == {}  # (a repair goes out at once: no appointment to record, no window to be late for)
    assert rules_broken(replace(fault, tests=False)) == {ComplianceRule.TESTS_PRESENT: {"missing": True}}


def test_the_rules_checked_and_the_grace_are_rule_data() -> None:
    rules = AuditRules.from_parameters({enabled_key(ComplianceRule.SIGNED): "false", "compliance.check_in_grace_minutes": 0})
    assert ComplianceRule.SIGNED not in rules.enabled and rules.check_in_grace == timedelta(0)
    late = replace(GOOD, signed=False, check_in_at=T + timedelta(hours=2, minutes=5))
    assert rules_broken(late, rules) == {ComplianceRule.CHECK_IN_ON_TIME: {"late_minutes": 5}}


def test_a_tally_counts_orders_not_breaches() -> None:
    results = [rules_broken(GOOD), rules_broken(replace(GOOD, tests=False, signed=False)), rules_broken(replace(GOOD, signed=False))]
    summary = tally([check(o, AuditRules(), ZONE) for o in (GOOD, replace(GOOD, tests=False, signed=False), replace(GOOD, signed=False))])
    assert len(results) == summary.audited == 3 and summary.non_compliant == 2
    assert summary.by_rule == {ComplianceRule.TESTS_PRESENT: 1, ComplianceRule.SIGNED: 2}
    assert summary.rate == pytest.approx(1 / 3)
