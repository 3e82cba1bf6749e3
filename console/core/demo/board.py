"""The demo's schedule board: each technician's visits of a day booked as a dispatcher would, within
the day shift, never over another visit (with time to drive between them), at most six a day,
and to a technician with the skill whose day is taking shape (three visits or so) before one with
none: a dispatcher fills days rather than giving everyone one visit."""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

WINDOW_HOURS = (9, 10, 11, 13, 14, 15, 16)  # the starts of the two-hour windows offered to customers (local)
TRAVEL = timedelta(minutes=30)  # kept free after a visit, to drive to the next one
MOST_A_DAY = 6
FILL = 3  # the visits of a day a dispatcher fills a technician's day towards
DAY_START, LUNCH_START, LUNCH_END, DAY_END = time(8, 30), time(12, 0), time(13, 0), time(17, 30)


class DayBook:
    """Who is busy when, per technician and local day."""

    def __init__(self, zone: ZoneInfo, rng: random.Random, works: Callable[[dict[str, Any], date], bool]):
        """`works(technician, day)`: whether the technician has a day shift that day."""
        self._zone, self._rng, self._works = zone, rng, works
        self._busy: dict[tuple[uuid.UUID, date], list[tuple[datetime, datetime]]] = defaultdict(list)

    def find(self, technicians: Sequence[dict[str, Any]], days: Iterable[date], starts: Callable[[date], Sequence[time]],
             minutes: int) -> tuple[dict[str, Any], datetime] | None:
        """The first day (in order) with a technician free at one of its starts (tried in a random
        order), technicians with about three visits that day first; booked. None: nobody has room."""
        for day in days:
            free = [t for t in technicians if self._works(t, day)]
            free.sort(key=lambda t: (abs(len(self._busy[(t["id"], day)]) - FILL), self._rng.random()))
            offered = list(starts(day))
            for tech in free:
                for start in self._rng.sample(offered, len(offered)):
                    begins = datetime.combine(day, start, self._zone)
                    if self._fits(tech["id"], day, begins, minutes):
                        self._busy[(tech["id"], day)].append((begins, begins + timedelta(minutes=minutes) + TRAVEL))
                        return tech, begins
        return None

    def _fits(self, tech_id: uuid.UUID, day: date, begins: datetime, minutes: int) -> bool:
        busy = self._busy[(tech_id, day)]
        ends = begins + timedelta(minutes=minutes) + TRAVEL
        if len(busy) >= MOST_A_DAY or LUNCH_START <= begins.time() < LUNCH_END:
            return False
        if begins.time() < DAY_START or (ends.time() > DAY_END and busy) or ends.date() != day:
            return False  # (a visit longer than the day goes alone on an empty day)
        return all(ends <= b or e <= begins for b, e in busy)


def window_starts() -> list[time]:
    return [time(hour) for hour in WINDOW_HOURS]


def half_hours(after: datetime | None, zone: ZoneInfo, day: date) -> list[time]:
    """A repair visit's possible starts on `day`: each half hour of the working day, after `after`."""
    starts = [time(hour, minute) for hour in range(9, 17) for minute in (0, 30)]
    if after is None or after.astimezone(zone).date() < day:
        return starts
    if after.astimezone(zone).date() > day:
        return []
    return [t for t in starts if datetime.combine(day, t, zone) >= after]
