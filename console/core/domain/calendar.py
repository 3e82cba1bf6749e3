"""Business time on the Chinese statutory calendar: working days, business hours, coverage.

Public holidays and make-up working weekends (调休) come from the `holidays` library; a supervisor's
override rows win over it. A year whose official schedule the library does not know (and that no
imported schedule covers) is *provisional*: holidays are computed by rule, make-up days unknown.
All instants in and out are aware datetimes; business hours are read in the desk's zone.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from functools import cache
from zoneinfo import ZoneInfo

import holidays


class Coverage(StrEnum):
    OFFICIAL = "official"  # the State Council's schedule, make-up days included
    PROVISIONAL = "provisional"  # holidays by rule, make-up days unknown


class CalendarError(ValueError):
    """A calendar setting or computation that cannot be used."""


@cache
def _library_official_years() -> frozenset[int]:
    return frozenset(holidays.China().special_public_holidays)


@cache
def _library_year(year: int) -> tuple[frozenset[date], frozenset[date]]:
    """(days off, make-up working days) for one year, from the library."""
    cn = holidays.China(years=year)
    off = frozenset(d for d in cn if d.year == year)
    makeup = frozenset(d for d in cn.weekend_workdays if d.year == year)
    return off, makeup


def _days(first: date, last: date) -> Iterable[date]:
    day = first
    while day <= last:
        yield day
        day += timedelta(days=1)


@dataclass(frozen=True)
class BusinessCalendar:
    """Working days and business hours of one desk.

    `overrides` maps a date to True (working) or False (off); `official_years` are years whose
    official schedule a supervisor imported as override rows.
    """

    zone: ZoneInfo = field(default_factory=lambda: ZoneInfo("Asia/Shanghai"))
    day_start: time = time(9, 0)
    day_end: time = time(18, 0)
    overrides: Mapping[date, bool] = field(default_factory=dict)
    official_years: frozenset[int] = frozenset()
    _cache: dict[int, tuple[int, list[int], int]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if self.day_end <= self.day_start:
            raise CalendarError(
                f"business hours end ({self.day_end:%H:%M}) must be after they start ({self.day_start:%H:%M})"
            )

    @property
    def hours_per_day(self) -> timedelta:
        return datetime.combine(date.min, self.day_end) - datetime.combine(date.min, self.day_start)

    def coverage(self, year: int) -> Coverage:
        if year in self.official_years or year in _library_official_years():
            return Coverage.OFFICIAL
        return Coverage.PROVISIONAL

    def provisional_years(self, years: Iterable[int]) -> list[int]:
        return sorted({y for y in years if self.coverage(y) is Coverage.PROVISIONAL})

    def is_working_day(self, day: date) -> bool:
        if day in self.overrides:
            return self.overrides[day]
        off, makeup = _library_year(day.year)
        if day in makeup:
            return True
        if day in off:
            return False
        return day.weekday() < 5

    def is_holiday(self, day: date) -> bool:
        """Off for a holiday (the library's or an override's), not merely for a weekend."""
        if day in self.overrides:
            return not self.overrides[day] and (day.weekday() < 5 or day in _library_year(day.year)[0])
        return day in _library_year(day.year)[0] and not self.is_working_day(day)

    def holidays_between(self, first: date, last: date) -> list[date]:
        """Days of holiday periods inside the span: runs of days off that hold a holiday, with the
        ordinary weekend days inside such a run (1-7 Oct is one period, though 4 Oct is a Sunday)."""
        out: list[date] = []
        run: list[date] = []
        for day in _days(first - timedelta(days=10), last + timedelta(days=10)):
            if not self.is_working_day(day):
                run.append(day)
                continue
            if any(self.is_holiday(d) for d in run):
                out.extend(d for d in run if first <= d <= last)
            run = []
        if any(self.is_holiday(d) for d in run):
            out.extend(d for d in run if first <= d <= last)
        return out

    def make_up_days_between(self, first: date, last: date) -> list[date]:
        """Weekend days that are working days (调休)."""
        return [d for d in _days(first, last) if d.weekday() >= 5 and self.is_working_day(d)]

    # --- business-time arithmetic -------------------------------------------------------------

    def _local(self, instant: datetime) -> datetime:
        if instant.tzinfo is None:
            raise CalendarError("business-time arithmetic needs aware datetimes (UTC in, UTC out)")
        return instant.astimezone(self.zone)

    def _opening(self, day: date) -> datetime:
        return datetime.combine(day, self.day_start, self.zone)

    def _closing(self, day: date) -> datetime:
        return datetime.combine(day, self.day_end, self.zone)

    def _next_working_day(self, day: date, limit_days: int = 400) -> date:
        for _ in range(limit_days):
            day += timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise CalendarError(f"no working day within {limit_days} days after {day}")

    def _previous_working_day(self, day: date, limit_days: int = 400) -> date:
        for _ in range(limit_days):
            day -= timedelta(days=1)
            if self.is_working_day(day):
                return day
        raise CalendarError(f"no working day within {limit_days} days before {day}")

    def add_business_time(self, start: datetime, amount: timedelta) -> datetime:
        """The instant reached after `amount` of business time from `start`.

        Exactly filling a day ends at its closing time, not at the next opening."""
        if amount < timedelta(0):
            return self.subtract_business_time(start, -amount)
        local = self._local(start)
        day = local.date()
        if not self.is_working_day(day) or local >= self._closing(day):
            day = self._next_working_day(day)
            local = self._opening(day)
        elif local < self._opening(day):
            local = self._opening(day)
        remaining = amount
        while True:
            available = self._closing(day) - local
            if remaining <= available:
                return (local + remaining).astimezone(start.tzinfo)
            remaining -= available
            day = self._next_working_day(day)
            local = self._opening(day)

    def subtract_business_time(self, end: datetime, amount: timedelta) -> datetime:
        """The instant from which `amount` of business time reaches `end`."""
        local = self._local(end)
        day = local.date()
        if not self.is_working_day(day) or local <= self._opening(day):
            day = self._previous_working_day(day)
            local = self._closing(day)
        elif local > self._closing(day):
            local = self._closing(day)
        remaining = amount
        while True:
            available = local - self._opening(day)
            if remaining < available or (remaining == available and remaining == timedelta(0)):
                return (local - remaining).astimezone(end.tzinfo)
            remaining -= available
            day = self._previous_working_day(day)
            local = self._closing(day)
            if remaining == timedelta(0):
                # Landing exactly on an opening is the same business instant as the previous
                # working day's closing, which is the earlier wall-clock time: a threshold reached
                # at 18:00 shows from 18:00, not from 09:00 the next morning.
                return local.astimezone(end.tzinfo)

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Business time from `start` to `end`; negative when `end` is earlier. Constant time: the
        difference of the two instants' business-time offsets (the countdown's hot path)."""
        return timedelta(microseconds=self._offset(end) - self._offset(start))

    # --- business-time offsets: business microseconds since a fixed day, by prefix sums --------

    def _offset(self, instant: datetime) -> int:
        local = self._local(instant)
        day = local.date()
        offset = self._day_offset(day)
        if self.is_working_day(day):
            moment = local.replace(tzinfo=None).time()
            if moment > self.day_start:
                clamped = min(moment, self.day_end)
                offset += _microseconds(datetime.combine(day, clamped) - datetime.combine(day, self.day_start))
        return offset

    def _day_offset(self, day: date) -> int:
        """Business microseconds from 1 Jan of the epoch year to the start of `day`."""
        base, cumulative, _total = self._year_table(day.year)
        return base + cumulative[day.timetuple().tm_yday - 1]

    def _year_table(self, year: int) -> tuple[int, list[int], int]:
        """(offset of 1 Jan, cumulative offsets of each day's start within the year, the year's
        total), cached. Years are filled outward from the epoch by a loop; one dict entry per
        year, so a reader on another thread sees a year whole or not at all."""
        cache = self._cache
        found = cache.get(year)
        if found is not None:
            return found
        if _EPOCH_YEAR not in cache:
            cumulative, total = self._cumulate(_EPOCH_YEAR)
            cache[_EPOCH_YEAR] = (0, cumulative, total)
        step = 1 if year > _EPOCH_YEAR else -1
        known = _EPOCH_YEAR
        while known != year:
            nxt = known + step
            if nxt not in cache:
                cumulative, total = self._cumulate(nxt)
                base, _c, known_total = cache[known]
                cache[nxt] = (base + known_total, cumulative, total) if step > 0 else (base - total, cumulative, total)
            known = nxt
        return cache[year]

    def _cumulate(self, year: int) -> tuple[list[int], int]:
        per_day = _microseconds(self.hours_per_day)
        cumulative, total = [], 0
        day = date(year, 1, 1)
        while day.year == year:
            cumulative.append(total)
            if self.is_working_day(day):
                total += per_day
            day += timedelta(days=1)
        return cumulative, total


_EPOCH_YEAR = 2000


def _microseconds(delta: timedelta) -> int:
    return (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
