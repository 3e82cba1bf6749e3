"""SLA limits and deadlines: which rule applies to an order, and when it is due.

Rules are data (the `sla_rules` table); `DEFAULT_RULES` are the seed values a new centre starts
with (DOMAIN.md). Survey and provisioning limits run in business time on working days; fault and
complaint limits run on the clock, 24x7. Paused time never counts against a limit.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_CEILING, Decimal

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import (
    Assurance,
    Band,
    CustomerLevel,
    LimitUnit,
    OrderKind,
    ProvisioningStep,
    SlaStage,
)

ANY_GRADE = "any"


class MissingRuleError(LookupError):
    """No rule for a (kind, stage, grade) the centre needs."""


@dataclass(frozen=True)
class SlaRule:
    kind: OrderKind
    stage: SlaStage
    grade: str  # a CustomerLevel value, an Assurance value, or "any"
    amount: Decimal
    unit: LimitUnit


@dataclass(frozen=True)
class SlaParameters:
    """Numbers a supervisor can change (stored as rule parameters). These defaults are the one
    source of the seed values (console.core.store.rules seeds the rule parameters from them); the
    band thresholds are shares of the limit used: `band` reads a share against them, and
    sla_clock.sla_times turns them into the instants (amber_at, red_at) the queue ticks on.
    """

    access_points_per_unit: int = 5
    rounding_step_days: Decimal = Decimal("0.5")
    amber_from: Decimal = Decimal("0.5")  # amber from half the limit used
    red_from: Decimal = Decimal("0.8")  # red from four fifths of the limit used
    pause_approval_after: timedelta = timedelta(hours=24)

    def band(self, share_used: float) -> Band:
        """The band at this share of the limit used (more than all of it: breached)."""
        if share_used > 1:
            return Band.BREACHED
        if share_used >= self.red_from:
            return Band.RED
        if share_used >= self.amber_from:
            return Band.AMBER
        return Band.GREEN


def _days(values: dict[CustomerLevel, str], kind: OrderKind, stage: SlaStage) -> list[SlaRule]:
    return [SlaRule(kind, stage, level.value, Decimal(v), LimitUnit.WORKING_DAYS) for level, v in values.items()]


_K, _D, _G, _S, _B = (
    CustomerLevel.KEY,
    CustomerLevel.DIAMOND,
    CustomerLevel.GOLD,
    CustomerLevel.SILVER,
    CustomerLevel.BRONZE,
)
# Provisioning steps split the overall limit (全程管控); each row sums to the level's total.
_STEP_SPLIT = {
    SlaStage.RESOURCE_CHECK: {_K: "0.5", _D: "0.5", _G: "1", _S: "1", _B: "1.5"},
    SlaStage.CONSTRUCTION: {_K: "1", _D: "2", _G: "3", _S: "4", _B: "6"},
    SlaStage.CONFIGURATION: {_K: "0.5", _D: "1", _G: "1", _S: "1.5", _B: "2.5"},
    SlaStage.INSTALLATION: {_K: "0.5", _D: "1", _G: "1", _S: "2", _B: "3"},
    SlaStage.TEST_DELIVERY: {_K: "0.5", _D: "0.5", _G: "1", _S: "1.5", _B: "2"},
}

DEFAULT_RULES: tuple[SlaRule, ...] = tuple(
    _days({_K: "1", _D: "2", _G: "2.5", _S: "3", _B: "4"}, OrderKind.SURVEY, SlaStage.TOTAL)
    + _days({_K: "3", _D: "5", _G: "7", _S: "10", _B: "15"}, OrderKind.PROVISIONING, SlaStage.TOTAL)
    + [rule for stage, split in _STEP_SPLIT.items() for rule in _days(split, OrderKind.PROVISIONING, stage)]
    + [
        SlaRule(OrderKind.FAULT, SlaStage.RESPONSE, a.value, Decimal(m), LimitUnit.MINUTES)
        for a, m in ((Assurance.AAA, 15), (Assurance.AA, 30), (Assurance.A, 60), (Assurance.ORDINARY, 120))
    ]
    + [
        SlaRule(OrderKind.FAULT, SlaStage.RESTORATION, a.value, Decimal(h), LimitUnit.HOURS)
        for a, h in ((Assurance.AAA, 2), (Assurance.AA, 4), (Assurance.A, 8), (Assurance.ORDINARY, 24))
    ]
    + [
        SlaRule(OrderKind.COMPLAINT, stage, ANY_GRADE, Decimal(m), LimitUnit.MINUTES)
        for stage, m in ((SlaStage.ACCEPT, 10), (SlaStage.INVESTIGATE, 30), (SlaStage.FEEDBACK, 60))
    ]
)

PROVISIONING_STEP_STAGES = {step: SlaStage(step.value) for step in ProvisioningStep}


def primary_stage(kind: OrderKind) -> SlaStage:
    """The limit the queue counts down for an order of this kind."""
    return {
        OrderKind.SURVEY: SlaStage.TOTAL,
        OrderKind.PROVISIONING: SlaStage.TOTAL,
        OrderKind.FAULT: SlaStage.RESTORATION,
        OrderKind.COMPLAINT: SlaStage.FEEDBACK,
    }[kind]


def grade_of(kind: OrderKind, level: CustomerLevel, assurance: Assurance | None) -> str:
    """Faults are graded by the service's assurance level; everything else by the customer's level."""
    if kind is OrderKind.FAULT:
        if assurance is None:
            raise MissingRuleError("a fault order needs the assurance level of its service")
        return assurance.value
    return level.value


class RuleBook:
    """The rules in force, looked up by (kind, stage, grade), with an `any` grade as fallback."""

    def __init__(self, rules: Iterable[SlaRule], parameters: SlaParameters | None = None):
        self.parameters = parameters or SlaParameters()
        self._rules: dict[tuple[OrderKind, SlaStage, str], SlaRule] = {}
        for rule in rules:
            self._rules[(rule.kind, rule.stage, rule.grade)] = rule

    def rule(self, kind: OrderKind, stage: SlaStage, grade: str) -> SlaRule:
        found = self._rules.get((kind, stage, grade)) or self._rules.get((kind, stage, ANY_GRADE))
        if found is None:
            raise MissingRuleError(
                f"no SLA rule for {kind.value} orders, stage {stage.value}, grade {grade}: "
                "add it to the SLA rule table"
            )
        return found


@dataclass(frozen=True)
class Pause:
    """A stop of the clock. Past `pause_approval_after`, only an approved pause keeps the clock stopped."""

    start: datetime
    end: datetime | None  # None while the clock is still stopped
    approved: bool = False

    def credited_until(self, params: SlaParameters, now: datetime) -> datetime:
        end = self.end or now
        if self.approved:
            return end
        return min(end, self.start + params.pause_approval_after)


@dataclass(frozen=True)
class OrderFacts:
    """What the SLA of one order depends on."""

    kind: OrderKind
    level: CustomerLevel
    assurance: Assurance | None
    started_at: datetime
    access_points: int = 1
    pauses: tuple[Pause, ...] = ()
    done: frozenset[SlaStage] = frozenset()  # stages already completed (a complaint's accept, investigate)


@dataclass(frozen=True)
class Limit:
    rule: SlaRule
    amount: Decimal  # after the access-point rule, in the rule's unit
    scaled: bool  # True when the access-point rule changed the amount

    @property
    def in_business_time(self) -> bool:
        return self.rule.unit is LimitUnit.WORKING_DAYS

    def duration(self, calendar: BusinessCalendar) -> timedelta:
        if self.rule.unit is LimitUnit.WORKING_DAYS:
            return calendar.hours_per_day * float(self.amount)
        if self.rule.unit is LimitUnit.HOURS:
            return timedelta(hours=float(self.amount))
        return timedelta(minutes=float(self.amount))


def limit_for(facts: OrderFacts, stage: SlaStage, book: RuleBook) -> Limit:
    rule = book.rule(facts.kind, stage, grade_of(facts.kind, facts.level, facts.assurance))
    params = book.parameters
    if facts.access_points < 1:
        raise ValueError(f"an order has at least one access point, not {facts.access_points}")
    if facts.kind is OrderKind.SURVEY and facts.access_points > params.access_points_per_unit:
        exact = rule.amount * facts.access_points / params.access_points_per_unit
        step = params.rounding_step_days
        rounded = (exact / step).to_integral_value(rounding=ROUND_CEILING) * step
        return Limit(rule, rounded, True)
    return Limit(rule, rule.amount, False)


def paused_time(
    facts: OrderFacts, limit: Limit, calendar: BusinessCalendar, params: SlaParameters, now: datetime, *, open_pauses: bool = True
) -> timedelta:
    """Credited paused time in the limit's own measure (business or clock time); an open pause
    counts up to `now` unless `open_pauses` is False."""
    total = timedelta(0)
    for pause in facts.pauses:
        if pause.end is None and not open_pauses:
            continue
        until = pause.credited_until(params, now)
        if until <= pause.start:
            continue
        total += calendar.business_time_between(pause.start, until) if limit.in_business_time else until - pause.start
    return total


def due_at(facts: OrderFacts, stage: SlaStage, book: RuleBook, calendar: BusinessCalendar, now: datetime) -> datetime:
    """When the order's `stage` limit runs out, with credited paused time (up to `now`) added back."""
    limit = limit_for(facts, stage, book)
    allowed = limit.duration(calendar) + paused_time(facts, limit, calendar, book.parameters, now)
    if limit.in_business_time:
        return calendar.add_business_time(facts.started_at, allowed)
    return facts.started_at + allowed
