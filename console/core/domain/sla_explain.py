"""Why an order is due when it is: the deadline's computation, step by step, as data.

The UI turns an `Explanation` into words (in the desk's language); a supervisor can check each
step: the rule, the access-point rule, working days into business hours, the days off and
make-up days the span crosses, paused time, and whether the calendar of a year is provisional.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import LimitUnit, OrderKind, SlaStage
from console.core.domain.sla import OrderFacts, RuleBook, due_at, grade_of, limit_for, paused_time


@dataclass(frozen=True)
class Explanation:
    kind: OrderKind
    stage: SlaStage
    grade: str
    rule_amount: Decimal
    unit: LimitUnit
    access_points: int
    per_unit: int
    exact: Decimal | None  # rule amount x points / per unit, before rounding (scaled surveys only)
    amount: Decimal  # the limit in the rule's unit
    hours_per_day: timedelta | None  # business-time limits only
    limit: timedelta
    started_at: datetime
    days_off: tuple[date, ...]  # public holidays inside the span
    make_up_days: tuple[date, ...]  # weekend days worked inside the span (调休)
    paused: timedelta  # credited paused time, in the limit's measure
    uncredited_pause: timedelta  # paused clock time beyond the approval limit, not approved
    due_at: datetime
    provisional_years: tuple[int, ...]


def explain(facts: OrderFacts, stage: SlaStage, book: RuleBook, calendar: BusinessCalendar, now: datetime) -> Explanation:
    limit = limit_for(facts, stage, book)
    params = book.parameters
    due = due_at(facts, stage, book, calendar, now)
    business = limit.in_business_time
    days_off: tuple[date, ...] = ()
    make_up: tuple[date, ...] = ()
    provisional: tuple[int, ...] = ()
    if business:
        zone = calendar.zone
        first, last = facts.started_at.astimezone(zone).date(), due.astimezone(zone).date()
        days_off = tuple(calendar.holidays_between(first, last))
        make_up = tuple(calendar.make_up_days_between(first, last))
        provisional = tuple(calendar.provisional_years(range(first.year, last.year + 1)))
    uncredited = timedelta(0)
    for pause in facts.pauses:
        end = pause.end or now
        credited_end = pause.credited_until(params, now)
        if end > credited_end:
            uncredited += end - credited_end
    exact = None
    if limit.scaled:
        exact = limit.rule.amount * facts.access_points / params.access_points_per_unit
    return Explanation(
        kind=facts.kind,
        stage=stage,
        grade=grade_of(facts.kind, facts.level, facts.assurance),
        rule_amount=limit.rule.amount,
        unit=limit.rule.unit,
        access_points=facts.access_points,
        per_unit=params.access_points_per_unit,
        exact=exact,
        amount=limit.amount,
        hours_per_day=calendar.hours_per_day if business else None,
        limit=limit.duration(calendar),
        started_at=facts.started_at,
        days_off=days_off,
        make_up_days=make_up,
        paused=paused_time(facts, limit, calendar, params, now),
        uncredited_pause=uncredited,
        due_at=due,
        provisional_years=provisional,
    )


HOURS_SHOWN_TO = Decimal("0.01")  # a hundredth of an hour: 36 seconds


def hours_for_people(delta: timedelta) -> Decimal:
    """A duration in hours as a person reads it: exact from the timedelta (no float), rounded half up
    to the hundredth of an hour, so a pause of 3 h 2 min 21.66 s reads 3.04, not 3.039350852...
    """
    microseconds = Decimal(delta // timedelta(microseconds=1))
    return (microseconds / 3_600_000_000).quantize(HOURS_SHOWN_TO, rounding=ROUND_HALF_UP)


def date_ranges(days: tuple[date, ...]) -> list[tuple[date, date]]:
    """Consecutive dates grouped: (1 Oct .. 7 Oct), (10 Oct .. 10 Oct)."""
    ranges: list[tuple[date, date]] = []
    for day in sorted(days):
        if ranges and day - ranges[-1][1] == timedelta(days=1):
            ranges[-1] = (ranges[-1][0], day)
        else:
            ranges.append((day, day))
    return ranges
