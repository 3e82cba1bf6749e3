from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Assurance, Band, CustomerLevel, LimitUnit, OrderKind, SlaStage
from console.core.domain.sla import DEFAULT_RULES, OrderFacts, Pause, RuleBook, SlaParameters, SlaRule, limit_for, paused_time
from console.core.domain.sla_clock import BandWatch, SlaClock, band_at, pause_awaits_approval, sla_status, sla_times, time_left
from console.core.domain.sla_explain import date_ranges, explain, hours_for_people
from tests.fixtures.demo import PROVISIONAL_YEAR

SH = ZoneInfo("Asia/Shanghai")
CAL = BusinessCalendar()
BOOK = RuleBook(DEFAULT_RULES)
PARAMS = BOOK.parameters


def at(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


def fault(start: datetime, assurance=Assurance.AAA, pauses=()) -> OrderFacts:
    return OrderFacts(OrderKind.FAULT, CustomerLevel.GOLD, assurance, start, 1, tuple(pauses))


def test_the_seed_example_explained_step_by_step() -> None:
    facts = OrderFacts(OrderKind.SURVEY, CustomerLevel.BRONZE, None, at(2026, 9, 30, 9, 0), 8)
    e = explain(facts, SlaStage.TOTAL, BOOK, CAL, at(2026, 10, 1, 9, 0))
    assert (e.rule_amount, e.exact, e.amount) == (Decimal(4), Decimal("6.4"), Decimal("6.5"))
    assert e.limit == timedelta(hours=58.5) and e.hours_per_day == timedelta(hours=9)
    assert date_ranges(e.days_off) == [(date(2026, 10, 1), date(2026, 10, 7))]
    assert e.make_up_days == (date(2026, 10, 10),)
    assert e.due_at.astimezone(SH) == at(2026, 10, 14, 13, 30)
    assert e.provisional_years == ()


def test_paused_hours_are_rounded_for_people() -> None:
    start = at(2026, 11, 23, 10, 0)
    pause = Pause(start + timedelta(minutes=10), start + timedelta(minutes=10, hours=3, seconds=141.663068))
    e = explain(fault(start, Assurance.ORDINARY, [pause]), SlaStage.RESTORATION, BOOK, CAL, start + timedelta(hours=5))
    assert e.paused == timedelta(hours=3, seconds=141.663068)
    assert hours_for_people(e.paused) == Decimal("3.04")  # not 3.039350852222222...
    assert hours_for_people(timedelta(minutes=90)) == Decimal("1.50")
    assert hours_for_people(timedelta(hours=58.5)) == Decimal("58.50")
    assert hours_for_people(timedelta(seconds=18)) == Decimal("0.01")  # half up
    assert hours_for_people(timedelta(seconds=17)) == Decimal("0.00")


def test_a_deadline_in_a_provisional_year_is_reported() -> None:
    year = PROVISIONAL_YEAR
    facts = OrderFacts(OrderKind.PROVISIONING, CustomerLevel.BRONZE, None, at(year - 1, 12, 20, 9, 0))
    e = explain(facts, SlaStage.TOTAL, BOOK, CAL, at(year - 1, 12, 20, 9, 0))
    assert e.due_at.year == year and e.provisional_years == (year,)
    assert date(year, 1, 1) in e.days_off


def test_a_threshold_reached_at_closing_time_shows_from_closing_time() -> None:
    # Diamond survey, 2 working days from Mon 09:00: half is used at Mon 18:00, not Tue 09:00.
    facts = OrderFacts(OrderKind.SURVEY, CustomerLevel.DIAMOND, None, at(2026, 11, 23, 9, 0))
    times = sla_times(facts, SlaStage.TOTAL, BOOK, CAL)
    assert times.amber_at.astimezone(SH) == at(2026, 11, 23, 18, 0)
    assert band_at(SlaClock(times), CAL, PARAMS, at(2026, 11, 23, 20, 0)) is Band.AMBER


def test_far_years_and_years_before_the_epoch_measure_without_recursion() -> None:
    calendar = BusinessCalendar()
    assert calendar.business_time_between(at(2180, 6, 1, 9, 0), at(2180, 6, 1, 10, 0)) == timedelta(hours=1)
    assert calendar.business_time_between(at(1995, 6, 1, 9, 0), at(1995, 6, 1, 10, 0)) == timedelta(hours=1)


def test_the_countdown_advances_and_the_band_changes_at_each_threshold() -> None:
    start = at(2026, 11, 23, 10, 0)
    times = sla_times(fault(start), SlaStage.RESTORATION, BOOK, CAL)  # AAA: 2 h on the clock
    clock = SlaClock(times)
    assert times.due_at == start + timedelta(hours=2)
    expected = [
        (timedelta(0), Band.GREEN, timedelta(hours=2)),
        (timedelta(minutes=59), Band.GREEN, timedelta(minutes=61)),
        (timedelta(minutes=60), Band.AMBER, timedelta(minutes=60)),
        (timedelta(minutes=95), Band.AMBER, timedelta(minutes=25)),
        (timedelta(minutes=96), Band.RED, timedelta(minutes=24)),
        (timedelta(minutes=120), Band.RED, timedelta(0)),
        (timedelta(minutes=120, seconds=1), Band.BREACHED, timedelta(seconds=-1)),
    ]
    for elapsed, band, left in expected:
        now = start + elapsed
        assert band_at(clock, CAL, PARAMS, now) is band, elapsed
        assert time_left(clock, CAL, PARAMS, now) == left, elapsed


def test_business_time_left_stops_over_the_night_and_the_weekend() -> None:
    facts = OrderFacts(OrderKind.SURVEY, CustomerLevel.KEY, None, at(2026, 11, 27, 14, 0))  # Fri, 1 working day
    clock = SlaClock(sla_times(facts, SlaStage.TOTAL, BOOK, CAL))
    assert clock.times.due_at.astimezone(SH) == at(2026, 11, 30, 14, 0)
    friday_evening, monday_morning = at(2026, 11, 27, 20, 0), at(2026, 11, 30, 9, 0)
    assert time_left(clock, CAL, PARAMS, friday_evening) == time_left(clock, CAL, PARAMS, monday_morning) == timedelta(hours=5)


def test_a_paused_clock_freezes_until_the_approval_limit_then_runs_unless_approved() -> None:
    start = at(2026, 11, 23, 10, 0)
    pause_start = start + timedelta(minutes=30)
    clock = SlaClock(sla_times(fault(start, Assurance.ORDINARY), SlaStage.RESTORATION, BOOK, CAL), pause_start)  # 24 h
    frozen = timedelta(hours=23, minutes=30)
    assert time_left(clock, CAL, PARAMS, pause_start + timedelta(hours=5)) == frozen
    assert not pause_awaits_approval(clock, PARAMS, pause_start + timedelta(hours=24))
    later = pause_start + timedelta(hours=30)
    assert pause_awaits_approval(clock, PARAMS, later)
    assert time_left(clock, CAL, PARAMS, later) == frozen - timedelta(hours=6)
    approved = clock._replace(pause_approved=True)
    assert time_left(approved, CAL, PARAMS, later) == frozen and not pause_awaits_approval(approved, PARAMS, later)


def test_a_closed_pause_beyond_the_limit_counts_only_when_approved() -> None:
    start = at(2026, 11, 23, 10, 0)
    long_pause = Pause(start + timedelta(hours=1), start + timedelta(hours=31))
    plain = sla_times(fault(start, Assurance.ORDINARY, [long_pause]), SlaStage.RESTORATION, BOOK, CAL)
    approved = sla_times(fault(start, Assurance.ORDINARY, [replace(long_pause, approved=True)]), SlaStage.RESTORATION, BOOK, CAL)
    assert plain.due_at == start + timedelta(hours=48)
    assert approved.due_at == start + timedelta(hours=54)


def test_the_band_watch_reports_crossings_in_order_and_keeps_counts() -> None:
    import uuid

    start = at(2026, 11, 23, 10, 0)
    a, b = uuid.uuid4(), uuid.uuid4()
    clocks = [
        (a, SlaClock(sla_times(fault(start), SlaStage.RESTORATION, BOOK, CAL))),
        (b, SlaClock(sla_times(fault(start - timedelta(minutes=100)), SlaStage.RESTORATION, BOOK, CAL))),
    ]
    watch = BandWatch(CAL, PARAMS)
    watch.reset(clocks, start)
    assert watch.counts[Band.GREEN] == 1 and watch.counts[Band.RED] == 1
    assert watch.advance(start + timedelta(minutes=10)) == []
    crossings = watch.advance(start + timedelta(minutes=21))
    assert [(c.order_id, c.band) for c in crossings] == [(b, Band.BREACHED)]
    crossings = watch.advance(start + timedelta(hours=3))
    assert [(c.order_id, c.band) for c in crossings] == [(a, Band.BREACHED)]  # one jump, reported once
    assert watch.counts[Band.BREACHED] == 2 and sum(watch.counts.values()) == 2


starts = st.datetimes(min_value=datetime(2026, 1, 5), max_value=datetime(2026, 12, 1), timezones=st.just(UTC))
levels = st.sampled_from(list(CustomerLevel))
kinds = st.sampled_from([OrderKind.SURVEY, OrderKind.PROVISIONING])


@settings(max_examples=80, deadline=None)
@given(starts, kinds, levels, st.integers(1, 60 * 40), st.integers(0, 60 * 30), st.integers(1, 60 * 60))
def test_a_pause_never_shortens_time_left(start, kind, level, before_pause, pause_minutes, after) -> None:
    pause_start = start + timedelta(minutes=before_pause)
    now = pause_start + timedelta(minutes=pause_minutes + after)
    plain = OrderFacts(kind, level, None, start)
    paused = replace(plain, pauses=(Pause(pause_start, pause_start + timedelta(minutes=pause_minutes)),))
    left_plain = sla_status(plain, SlaStage.TOTAL, BOOK, CAL, now).time_left
    left_paused = sla_status(paused, SlaStage.TOTAL, BOOK, CAL, now).time_left
    assert left_paused >= left_plain


@settings(max_examples=80, deadline=None)
@given(starts, kinds, levels, levels, st.integers(1, 60 * 40), st.integers(1, 60 * 20))
def test_changing_the_level_keeps_the_paused_time(start, kind, level, new_level, before_pause, pause_minutes) -> None:
    pause_start = start + timedelta(minutes=before_pause)
    facts = OrderFacts(kind, level, None, start, 1, (Pause(pause_start, pause_start + timedelta(minutes=pause_minutes)),))
    changed = replace(facts, level=new_level)
    now = pause_start + timedelta(days=3)
    old_paused = paused_time(facts, limit_for(facts, SlaStage.TOTAL, BOOK), CAL, PARAMS, now)
    new_paused = paused_time(changed, limit_for(changed, SlaStage.TOTAL, BOOK), CAL, PARAMS, now)
    assert old_paused == new_paused
    # The deadline is recomputed from the same start, not restarted at the change.
    new_due = sla_status(changed, SlaStage.TOTAL, BOOK, CAL, now).due_at
    limit = limit_for(changed, SlaStage.TOTAL, BOOK).duration(CAL)
    assert CAL.business_time_between(start, new_due) == limit + new_paused


def test_changing_a_rule_recomputes_from_the_start() -> None:
    facts = OrderFacts(OrderKind.PROVISIONING, CustomerLevel.GOLD, None, at(2026, 11, 23, 9, 0))
    book = RuleBook([*DEFAULT_RULES, SlaRule(OrderKind.PROVISIONING, SlaStage.TOTAL, "gold", Decimal(3), LimitUnit.WORKING_DAYS)])
    assert sla_times(facts, SlaStage.TOTAL, book, CAL).due_at.astimezone(SH) == at(2026, 11, 25, 18, 0)


def test_thresholds_are_data() -> None:
    params = SlaParameters(amber_from=Decimal("0.3"), red_from=Decimal("0.6"))
    book = RuleBook(DEFAULT_RULES, params)
    start = at(2026, 11, 23, 10, 0)
    clock = SlaClock(sla_times(fault(start), SlaStage.RESTORATION, book, CAL))
    assert band_at(clock, CAL, params, start + timedelta(minutes=40)) is Band.AMBER
    assert band_at(clock, CAL, params, start + timedelta(minutes=80)) is Band.RED
