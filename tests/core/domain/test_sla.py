from dataclasses import replace
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Assurance, Band, CustomerLevel, LimitUnit, OrderKind, SlaStage
from console.core.domain.sla import (
    DEFAULT_RULES,
    MissingRuleError,
    OrderFacts,
    Pause,
    RuleBook,
    SlaParameters,
    due_at,
    limit_for,
    primary_stage,
)

SH = ZoneInfo("Asia/Shanghai")
CAL = BusinessCalendar()
BOOK = RuleBook(DEFAULT_RULES)
NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)


def facts(kind: OrderKind, level=CustomerLevel.BRONZE, assurance=Assurance.A, points=1, start=None, pauses=()) -> OrderFacts:
    return OrderFacts(kind, level, assurance, start or datetime(2026, 9, 30, 9, 0, tzinfo=SH), points, tuple(pauses))


@pytest.mark.parametrize(
    ("kind", "stage", "level", "assurance", "amount", "unit"),
    [
        (OrderKind.SURVEY, SlaStage.TOTAL, CustomerLevel.KEY, None, "1", LimitUnit.WORKING_DAYS),
        (OrderKind.SURVEY, SlaStage.TOTAL, CustomerLevel.DIAMOND, None, "2", LimitUnit.WORKING_DAYS),
        (OrderKind.SURVEY, SlaStage.TOTAL, CustomerLevel.GOLD, None, "2.5", LimitUnit.WORKING_DAYS),
        (OrderKind.SURVEY, SlaStage.TOTAL, CustomerLevel.SILVER, None, "3", LimitUnit.WORKING_DAYS),
        (OrderKind.SURVEY, SlaStage.TOTAL, CustomerLevel.BRONZE, None, "4", LimitUnit.WORKING_DAYS),
        (OrderKind.PROVISIONING, SlaStage.TOTAL, CustomerLevel.KEY, None, "3", LimitUnit.WORKING_DAYS),
        (OrderKind.PROVISIONING, SlaStage.TOTAL, CustomerLevel.DIAMOND, None, "5", LimitUnit.WORKING_DAYS),
        (OrderKind.PROVISIONING, SlaStage.TOTAL, CustomerLevel.GOLD, None, "7", LimitUnit.WORKING_DAYS),
        (OrderKind.PROVISIONING, SlaStage.TOTAL, CustomerLevel.SILVER, None, "10", LimitUnit.WORKING_DAYS),
        (OrderKind.PROVISIONING, SlaStage.TOTAL, CustomerLevel.BRONZE, None, "15", LimitUnit.WORKING_DAYS),
        (OrderKind.FAULT, SlaStage.RESPONSE, CustomerLevel.BRONZE, Assurance.AAA, "15", LimitUnit.MINUTES),
        (OrderKind.FAULT, SlaStage.RESPONSE, CustomerLevel.BRONZE, Assurance.AA, "30", LimitUnit.MINUTES),
        (OrderKind.FAULT, SlaStage.RESPONSE, CustomerLevel.BRONZE, Assurance.A, "60", LimitUnit.MINUTES),
        (OrderKind.FAULT, SlaStage.RESPONSE, CustomerLevel.BRONZE, Assurance.ORDINARY, "120", LimitUnit.MINUTES),
        (OrderKind.FAULT, SlaStage.RESTORATION, CustomerLevel.KEY, Assurance.AAA, "2", LimitUnit.HOURS),
        (OrderKind.FAULT, SlaStage.RESTORATION, CustomerLevel.KEY, Assurance.AA, "4", LimitUnit.HOURS),
        (OrderKind.FAULT, SlaStage.RESTORATION, CustomerLevel.KEY, Assurance.A, "8", LimitUnit.HOURS),
        (OrderKind.FAULT, SlaStage.RESTORATION, CustomerLevel.KEY, Assurance.ORDINARY, "24", LimitUnit.HOURS),
        (OrderKind.COMPLAINT, SlaStage.ACCEPT, CustomerLevel.GOLD, None, "10", LimitUnit.MINUTES),
        (OrderKind.COMPLAINT, SlaStage.INVESTIGATE, CustomerLevel.GOLD, None, "30", LimitUnit.MINUTES),
        (OrderKind.COMPLAINT, SlaStage.FEEDBACK, CustomerLevel.GOLD, None, "60", LimitUnit.MINUTES),
    ],
)
def test_default_limits_for_every_kind_and_grade(kind, stage, level, assurance, amount, unit) -> None:
    limit = limit_for(facts(kind, level, assurance), stage, BOOK)
    assert limit.amount == Decimal(amount)
    assert limit.rule.unit is unit


@pytest.mark.parametrize("level", list(CustomerLevel))
def test_provisioning_steps_add_up_to_the_overall_limit(level: CustomerLevel) -> None:
    f = facts(OrderKind.PROVISIONING, level)
    steps = [SlaStage.RESOURCE_CHECK, SlaStage.CONSTRUCTION, SlaStage.CONFIGURATION, SlaStage.INSTALLATION, SlaStage.TEST_DELIVERY]
    assert sum(limit_for(f, s, BOOK).amount for s in steps) == limit_for(f, SlaStage.TOTAL, BOOK).amount


def test_seed_example_eight_access_points_bronze_survey() -> None:
    f = facts(OrderKind.SURVEY, points=8)
    limit = limit_for(f, SlaStage.TOTAL, BOOK)
    assert limit.amount == Decimal("6.5") and limit.scaled
    assert limit.duration(CAL) == timedelta(hours=58.5)
    assert due_at(f, SlaStage.TOTAL, BOOK, CAL, NOW).astimezone(SH) == datetime(2026, 10, 14, 13, 30, tzinfo=SH)


def test_five_access_points_keep_the_base_limit() -> None:
    assert limit_for(facts(OrderKind.SURVEY, points=5), SlaStage.TOTAL, BOOK).amount == Decimal(4)
    assert not limit_for(facts(OrderKind.SURVEY, points=5), SlaStage.TOTAL, BOOK).scaled


@settings(max_examples=60, deadline=None)
@given(st.sampled_from(list(CustomerLevel)), st.integers(1, 60), st.integers(1, 20))
def test_more_access_points_never_give_an_earlier_deadline(level: CustomerLevel, points: int, more: int) -> None:
    a = due_at(facts(OrderKind.SURVEY, level, points=points), SlaStage.TOTAL, BOOK, CAL, NOW)
    b = due_at(facts(OrderKind.SURVEY, level, points=points + more), SlaStage.TOTAL, BOOK, CAL, NOW)
    assert b >= a


def test_a_closed_pause_moves_the_deadline_by_the_paused_business_time() -> None:
    start = datetime(2026, 11, 23, 9, 0, tzinfo=SH)
    plain = facts(OrderKind.SURVEY, start=start)
    pause = Pause(datetime(2026, 11, 23, 14, 0, tzinfo=SH), datetime(2026, 11, 24, 11, 0, tzinfo=SH))  # 4 h + 2 h
    paused = replace(plain, pauses=(pause,))
    before = due_at(plain, SlaStage.TOTAL, BOOK, CAL, NOW)
    after = due_at(paused, SlaStage.TOTAL, BOOK, CAL, NOW)
    assert CAL.business_time_between(before, after) == timedelta(hours=6)


def test_clock_limits_add_paused_clock_time() -> None:
    start = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)
    f = facts(OrderKind.FAULT, assurance=Assurance.AAA, start=start, pauses=[Pause(start, start + timedelta(minutes=30))])
    assert due_at(f, SlaStage.RESTORATION, BOOK, CAL, NOW) == start + timedelta(hours=2, minutes=30)


def test_an_open_pause_counts_up_to_now() -> None:
    start = datetime(2026, 11, 22, 1, 0, tzinfo=UTC)
    f = facts(OrderKind.FAULT, assurance=Assurance.AAA, start=start, pauses=[Pause(start + timedelta(minutes=10), None)])
    assert due_at(f, SlaStage.RESTORATION, BOOK, CAL, NOW) == start + timedelta(hours=2) + (NOW - start - timedelta(minutes=10))


def test_a_rule_table_with_a_gap_names_the_missing_rule() -> None:
    book = RuleBook([r for r in DEFAULT_RULES if not (r.kind is OrderKind.SURVEY and r.grade == "gold")])
    with pytest.raises(MissingRuleError, match="survey orders, stage total, grade gold"):
        limit_for(facts(OrderKind.SURVEY, CustomerLevel.GOLD), SlaStage.TOTAL, book)


def test_a_fault_needs_the_assurance_of_its_service() -> None:
    with pytest.raises(MissingRuleError, match="assurance"):
        limit_for(facts(OrderKind.FAULT, assurance=None), SlaStage.RESTORATION, BOOK)


def test_access_points_must_be_positive() -> None:
    with pytest.raises(ValueError, match="at least one access point"):
        limit_for(facts(OrderKind.SURVEY, points=0), SlaStage.TOTAL, BOOK)


@pytest.mark.parametrize(
    ("share", "band"),
    [(0.0, Band.GREEN), (0.49, Band.GREEN), (0.5, Band.AMBER), (0.79, Band.AMBER), (0.8, Band.RED), (1.0, Band.RED), (1.01, Band.BREACHED)],
)
def test_bands_by_share_of_the_limit_used(share: float, band: Band) -> None:
    assert SlaParameters().band(share) is band


def test_primary_stage_per_kind() -> None:
    assert [primary_stage(k) for k in OrderKind] == [SlaStage.TOTAL, SlaStage.TOTAL, SlaStage.RESTORATION, SlaStage.FEEDBACK]
