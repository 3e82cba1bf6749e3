from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from console.core.domain.calendar import BusinessCalendar, CalendarError, Coverage
from tests.fixtures.demo import PROVISIONAL_YEAR

SH = ZoneInfo("Asia/Shanghai")
CAL = BusinessCalendar()


def local(*args: int) -> datetime:
    return datetime(*args, tzinfo=SH)


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (date(2026, 10, 1), False),  # National Day
        (date(2026, 10, 7), False),
        (date(2026, 10, 8), True),
        (date(2026, 10, 10), True),  # make-up Saturday
        (date(2026, 10, 11), False),
        (date(2026, 2, 14), True),  # make-up Saturday before Spring Festival
        (date(2026, 2, 16), False),  # Spring Festival
        (date(2026, 2, 23), False),
        (date(2026, 2, 24), True),
        (date(2026, 2, 28), True),  # make-up Saturday after it
        (date(2026, 1, 4), True),  # make-up Sunday
        (date(2026, 9, 20), True),  # make-up Sunday
        (date(2026, 11, 22), False),  # an ordinary Sunday
        (date(2026, 11, 23), True),
    ],
)
def test_working_days_follow_the_2026_official_schedule(day: date, working: bool) -> None:
    assert CAL.is_working_day(day) is working


def test_override_rows_win_over_the_library() -> None:
    cal = BusinessCalendar(overrides={date(2026, 11, 23): False, date(2026, 11, 22): True})
    assert not cal.is_working_day(date(2026, 11, 23))
    assert cal.is_working_day(date(2026, 11, 22))


def test_years_without_an_official_schedule_are_provisional() -> None:
    assert CAL.coverage(2026) is Coverage.OFFICIAL
    assert CAL.coverage(PROVISIONAL_YEAR) is Coverage.PROVISIONAL
    assert CAL.provisional_years([2026, PROVISIONAL_YEAR, PROVISIONAL_YEAR]) == [PROVISIONAL_YEAR]
    imported = BusinessCalendar(official_years=frozenset({PROVISIONAL_YEAR}))
    assert imported.coverage(PROVISIONAL_YEAR) is Coverage.OFFICIAL


def test_seed_example_over_national_day() -> None:
    # 6.5 working days = 58.5 business hours from Wed 30 Sep 2026 09:00 (DOMAIN.md, seed 002).
    due = CAL.add_business_time(local(2026, 9, 30, 9, 0), timedelta(hours=58.5))
    assert due.astimezone(SH) == local(2026, 10, 14, 13, 30)


def test_span_over_spring_festival_uses_the_make_up_saturdays() -> None:
    # Fri 13 Feb 17:00 + 2 business hours: 1 h on Fri, then Sat 14 Feb (make-up day) 09:00-10:00.
    due = CAL.add_business_time(local(2026, 2, 13, 17, 0), timedelta(hours=2))
    assert due.astimezone(SH) == local(2026, 2, 14, 10, 0)
    # Sat 14 Feb 17:00 + 2 h: 1 h on the 14th, then the holiday 15-23 Feb, so Tue 24 Feb 10:00.
    due = CAL.add_business_time(local(2026, 2, 14, 17, 0), timedelta(hours=2))
    assert due.astimezone(SH) == local(2026, 2, 24, 10, 0)


def test_start_outside_business_hours_counts_from_the_next_opening() -> None:
    assert CAL.add_business_time(local(2026, 11, 22, 10, 0), timedelta(hours=1)).astimezone(SH) == local(2026, 11, 23, 10, 0)
    assert CAL.add_business_time(local(2026, 11, 23, 7, 0), timedelta(hours=1)).astimezone(SH) == local(2026, 11, 23, 10, 0)
    assert CAL.add_business_time(local(2026, 11, 23, 19, 0), timedelta(hours=1)).astimezone(SH) == local(2026, 11, 24, 10, 0)


def test_a_full_day_ends_at_closing_time() -> None:
    assert CAL.add_business_time(local(2026, 11, 23, 9, 0), timedelta(hours=9)).astimezone(SH) == local(2026, 11, 23, 18, 0)


def test_business_time_between_skips_nights_weekends_and_holidays() -> None:
    assert CAL.business_time_between(local(2026, 9, 30, 9, 0), local(2026, 10, 14, 13, 30)) == timedelta(hours=58.5)
    assert CAL.business_time_between(local(2026, 11, 21, 0, 0), local(2026, 11, 23, 0, 0)) == timedelta(0)
    assert CAL.business_time_between(local(2026, 11, 24, 10, 0), local(2026, 11, 23, 10, 0)) == -timedelta(hours=9)


instants = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2026, 12, 20), timezones=st.just(UTC))
amounts = st.integers(min_value=0, max_value=200 * 60).map(lambda m: timedelta(minutes=m))


@settings(max_examples=150, deadline=None)
@given(instants, amounts)
def test_adding_then_measuring_gives_the_amount_back(start: datetime, amount: timedelta) -> None:
    due = CAL.add_business_time(start, amount)
    assert due >= start
    assert CAL.business_time_between(start, due) == amount


@settings(max_examples=150, deadline=None)
@given(instants, amounts)
def test_subtracting_is_the_inverse_of_adding(end: datetime, amount: timedelta) -> None:
    start = CAL.subtract_business_time(end, amount)
    assert CAL.business_time_between(start, end) == amount


def test_bad_settings_and_naive_times_are_refused() -> None:
    with pytest.raises(CalendarError, match="must be after"):
        BusinessCalendar(day_start=time(18, 0), day_end=time(9, 0))
    with pytest.raises(CalendarError, match="aware"):
        CAL.add_business_time(datetime(2026, 11, 23, 9, 0), timedelta(hours=1))
