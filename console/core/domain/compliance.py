"""The compliance audit (稽核, seed 003): each closed order checked step by step.

An order is compliant when its appointment was recorded with how the customer was reached, the
technician checked in on site and on time, the tests and the delivery report are there, the customer
signed, it was closed within its limit and returned to the order system (回单) the day it was
resolved. Which rules apply depends on the kind (a complaint has no visit); which rules are checked
at all, and the lateness allowed at check-in, are rule data (`compliance.*` rule parameters).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from console.core.domain.enums import OrderKind


class ComplianceRule(StrEnum):
    APPOINTMENT_RECORDED = "appointment_recorded"  # an appointment, with how the customer was reached
    CHECK_IN_ON_SITE = "check_in_on_site"  # checked in, within the off-site distance
    CHECK_IN_ON_TIME = "check_in_on_time"  # checked in by the end of the appointment window (plus the grace)
    TESTS_PRESENT = "tests_present"  # ping / speed tests reported
    REPORT_PRESENT = "report_present"  # the electronic delivery report
    SIGNED = "signed"  # the customer signed (on site or by the link)
    CLOSED_IN_TIME = "closed_in_time"  # resolved before its deadline
    RETURNED_SAME_DAY = "returned_same_day"  # 回单 the day it was resolved


VISIT_KINDS = frozenset({OrderKind.SURVEY, OrderKind.PROVISIONING, OrderKind.FAULT})
APPLIES: Mapping[ComplianceRule, frozenset[OrderKind]] = {
    ComplianceRule.APPOINTMENT_RECORDED: frozenset({OrderKind.SURVEY, OrderKind.PROVISIONING}),  # (a repair goes at once)
    ComplianceRule.CHECK_IN_ON_SITE: VISIT_KINDS,
    ComplianceRule.CHECK_IN_ON_TIME: VISIT_KINDS,
    ComplianceRule.TESTS_PRESENT: frozenset({OrderKind.PROVISIONING, OrderKind.FAULT}),
    ComplianceRule.REPORT_PRESENT: frozenset({OrderKind.PROVISIONING}),
    ComplianceRule.SIGNED: frozenset({OrderKind.PROVISIONING, OrderKind.FAULT}),
    ComplianceRule.CLOSED_IN_TIME: frozenset(OrderKind),
    ComplianceRule.RETURNED_SAME_DAY: frozenset(OrderKind),
}


def enabled_key(rule: ComplianceRule) -> str:
    return f"compliance.{rule.value}"


LATE_GRACE_KEY = "compliance.check_in_grace_minutes"


@dataclass(frozen=True)
class AuditRules:
    """Which rules are checked, and how late a check-in may be after the window's end."""

    enabled: frozenset[ComplianceRule] = frozenset(ComplianceRule)
    check_in_grace: timedelta = timedelta(0)

    @classmethod
    def from_parameters(cls, values: Mapping[str, Any]) -> AuditRules:
        enabled = frozenset(r for r in ComplianceRule if _truth(values.get(enabled_key(r), True)))
        return cls(enabled, timedelta(minutes=float(values.get(LATE_GRACE_KEY, 0) or 0)))


def _truth(value: Any) -> bool:
    return value if isinstance(value, bool) else str(value).strip().lower() not in ("false", "0", "no", "off", "")


@dataclass(frozen=True)
class ClosedOrder:
    """What the audit needs of one closed order."""

    kind: OrderKind
    due_at: datetime | None  # the primary stage's deadline as last computed
    resolved_at: datetime | None
    closed_at: datetime | None
    returned_at: datetime | None
    appointment_reached: bool | None  # None: no appointment; False: one without how the customer was reached
    window_end: datetime | None
    check_in_at: datetime | None
    check_in_off_site: bool
    tests: bool
    report: bool
    signed: bool


@dataclass(frozen=True)
class Breach:
    rule: ComplianceRule
    detail: dict[str, Any]  # numbers for the words (minutes late, metres, ...)


def check(order: ClosedOrder, rules: AuditRules, zone: ZoneInfo) -> list[Breach]:
    """The rules this order broke, in the order of the audit's steps."""
    out: list[Breach] = []
    for rule in ComplianceRule:
        if rule in rules.enabled and order.kind in APPLIES[rule]:
            breach = _CHECKS[rule](order, rules, zone)
            if breach is not None:
                out.append(Breach(rule, breach))
    return out


def _appointment(o: ClosedOrder, _r: AuditRules, _z: ZoneInfo) -> dict | None:
    if o.appointment_reached is None:
        return {"missing": True}
    return None if o.appointment_reached else {"no_contact_method": True}


def _on_site(o: ClosedOrder, _r: AuditRules, _z: ZoneInfo) -> dict | None:
    if o.check_in_at is None:
        return {"missing": True}
    return {"off_site": True} if o.check_in_off_site else None


def _on_time(o: ClosedOrder, r: AuditRules, _z: ZoneInfo) -> dict | None:
    if o.check_in_at is None or o.window_end is None:
        return None  # no check-in or no window: the two rules above say so
    late = o.check_in_at - (o.window_end + r.check_in_grace)
    return {"late_minutes": round(late.total_seconds() / 60)} if late > timedelta(0) else None


def _present(flag: str) -> Any:
    return lambda o, _r, _z: None if getattr(o, flag) else {"missing": True}


def _in_time(o: ClosedOrder, _r: AuditRules, _z: ZoneInfo) -> dict | None:
    done = o.resolved_at or o.closed_at
    if o.due_at is None or done is None or done <= o.due_at:
        return None
    return {"late_minutes": round((done - o.due_at).total_seconds() / 60)}


def _same_day(o: ClosedOrder, _r: AuditRules, zone: ZoneInfo) -> dict | None:
    if o.returned_at is None:
        return {"missing": True}
    done = o.resolved_at or o.closed_at
    if done is None or o.returned_at.astimezone(zone).date() == done.astimezone(zone).date():
        return None
    return {"days_late": (o.returned_at.astimezone(zone).date() - done.astimezone(zone).date()).days}


_CHECKS = {
    ComplianceRule.APPOINTMENT_RECORDED: _appointment,
    ComplianceRule.CHECK_IN_ON_SITE: _on_site,
    ComplianceRule.CHECK_IN_ON_TIME: _on_time,
    ComplianceRule.TESTS_PRESENT: _present("tests"),
    ComplianceRule.REPORT_PRESENT: _present("report"),
    ComplianceRule.SIGNED: _present("signed"),
    ComplianceRule.CLOSED_IN_TIME: _in_time,
    ComplianceRule.RETURNED_SAME_DAY: _same_day,
}


@dataclass(frozen=True)
class Tally:
    """Audited and non-compliant orders of one technician or team, and the breaches by rule."""

    audited: int
    non_compliant: int
    by_rule: Mapping[ComplianceRule, int]

    @property
    def rate(self) -> float:
        return 1 - self.non_compliant / self.audited if self.audited else 1.0


def tally(results: Iterable[list[Breach]]) -> Tally:
    audited = failing = 0
    by_rule: dict[ComplianceRule, int] = {}
    for breaches in results:
        audited += 1
        failing += bool(breaches)
        for b in breaches:
            by_rule[b.rule] = by_rule.get(b.rule, 0) + 1
    return Tally(audited, failing, by_rule)
