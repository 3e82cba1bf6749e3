"""Where a technician is: the rules for a position the field app reports, how old a position may
be before the desk stops trusting it, and where a technician stands against the day's plan.

A report is judged against the last position accepted (`judge`): the phone's own time may be
earlier than the centre's (it buffered while out of coverage) but never much later; a point that
would need more than `MAX_SPEED_KMH` from the last one is a bad fix, not a drive, and is refused.
The desk fades a position after `FADED_AFTER` and greys it after `GREY_AFTER` (`freshness`).
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from console.core.domain.geo import great_circle_m

MAX_SPEED_KMH = 200.0  # faster than any car in a city: the fix was wrong
JITTER_M = 150.0  # a move this small is a fix's noise, whatever the time between (and never a refusal)
WORST_ACCURACY_M = 1000.0  # a coarser fix (a cell tower's) says nothing of where the technician is
MIN_INTERVAL = timedelta(seconds=5)  # one accepted report per technician per this (the app sends every 10 s)
CLOCK_SKEW = timedelta(minutes=2)  # a phone's clock ahead of the centre's by up to this is taken as now
OLDEST = timedelta(hours=1)  # a buffered point older than this is history, not where the technician is
FADED_AFTER = timedelta(minutes=15)
GREY_AFTER = timedelta(hours=2)
ON_SITE_M = 300.0  # within this of a visit's site: there
CITY_KMH = 25.0  # the straight-line speed a technician makes through the city (travel estimates from a position)


class Refusal(StrEnum):
    """Why a report is not taken (each names the field it is about)."""

    AT_IN_FUTURE = "at_in_future"
    AT_TOO_OLD = "at_too_old"
    NOT_AFTER_LAST = "not_after_last"
    TOO_FAST = "too_fast"
    ACCURACY = "accuracy"
    OUTSIDE_AREA = "outside_area"


@dataclass(frozen=True)
class Fix:
    """A position at a time (the time it was true, UTC-aware)."""

    latitude: float
    longitude: float
    at: datetime


@dataclass(frozen=True)
class Judgement:
    refusal: Refusal | None
    seen_at: datetime | None = None  # the time to record (the report's own, never later than now)
    detail: str = ""  # for a refusal: the figures a person needs (the speed, the last time)


def judge(report: Fix, accuracy_m: float | None, last: Fix | None, now: datetime) -> Judgement:
    """Whether a report may become the technician's position, and as of when."""
    if report.at > now + CLOCK_SKEW:
        return Judgement(Refusal.AT_IN_FUTURE, detail=f"{(report.at - now).total_seconds():.0f} s ahead of the centre's clock")
    if report.at < now - OLDEST:
        return Judgement(Refusal.AT_TOO_OLD, detail=f"{(now - report.at).total_seconds() / 60:.0f} minutes old")
    if accuracy_m is not None and accuracy_m > WORST_ACCURACY_M:
        return Judgement(Refusal.ACCURACY, detail=f"{accuracy_m:.0f} m")
    seen_at = min(report.at, now)
    if last is None:
        return Judgement(None, seen_at)
    if seen_at <= last.at:
        return Judgement(Refusal.NOT_AFTER_LAST, detail=last.at.isoformat())
    metres = great_circle_m(last.latitude, last.longitude, report.latitude, report.longitude)
    if metres > max(JITTER_M, accuracy_m or 0.0):
        kmh = metres / 1000 / ((seen_at - last.at).total_seconds() / 3600)
        if kmh > MAX_SPEED_KMH:
            return Judgement(Refusal.TOO_FAST, detail=f"{metres / 1000:.1f} km in {_duration(seen_at - last.at)}, "
                                                      f"{kmh:.0f} km/h")
    return Judgement(None, seen_at)


def _duration(delta: timedelta) -> str:
    seconds = delta.total_seconds()
    return f"{seconds:.0f} s" if seconds < 120 else f"{seconds / 60:.0f} min"


# --- how far the desk trusts a position --------------------------------------------------------------

class Freshness(StrEnum):
    FRESH = "fresh"
    FADED = "faded"  # older than FADED_AFTER: drawn, faded
    GREY = "grey"  # older than GREY_AFTER: drawn grey, "last seen" said
    NONE = "none"  # never reported


def freshness(seen_at: datetime | None, now: datetime, faded_after: timedelta = FADED_AFTER) -> Freshness:
    """How far a position seen at `seen_at` is to be trusted at `now` (`faded_after`: the rule
    parameter the desk's map fades by; greyed after GREY_AFTER, or that if it is longer)."""
    if seen_at is None:
        return Freshness.NONE
    age = now - seen_at
    if age > max(GREY_AFTER, faded_after):
        return Freshness.GREY
    return Freshness.FADED if age > faded_after else Freshness.FRESH


def fresh_fix(latitude: float | None, longitude: float | None, seen_at: datetime | None, now: datetime) -> Fix | None:
    """The position, if it is fresh enough to plan from (a drive starts there, not at home)."""
    if latitude is None or longitude is None or not math.isfinite(latitude) or not math.isfinite(longitude):
        return None
    if freshness(seen_at, now) is not Freshness.FRESH:
        return None
    return Fix(latitude, longitude, seen_at)


# --- where a technician stands against the plan ------------------------------------------------------

class PlanPlace(StrEnum):
    ON_SITE = "on_site"  # near the site of the visit planned now (or of the next one, early)
    ON_THE_WAY = "on_the_way"  # between visits, the next one not started yet
    LATE = "late"  # a visit's planned start has passed and they are not at its site
    NO_POSITION = "no_position"  # no position, or one too old to say (faded or grey)
    FREE = "free"  # nothing more planned today


@dataclass(frozen=True)
class PlannedStop:
    """A visit on the board: its planned time and its site (None: the site is not on the map)."""

    start: datetime
    end: datetime
    latitude: float | None
    longitude: float | None


def plan_place(position: Fix | None, stops: Sequence[PlannedStop], now: datetime) -> PlanPlace:
    """On site, on the way, late, no position or free, for one technician at `now`."""
    if position is None or freshness(position.at, now) is not Freshness.FRESH:
        return PlanPlace.NO_POSITION
    current = next((s for s in stops if s.start <= now < s.end), None)
    upcoming = min((s for s in stops if s.start > now), key=lambda s: s.start, default=None)
    if current is not None:
        if _near(position, current):
            return PlanPlace.ON_SITE
        return PlanPlace.LATE if current.latitude is not None else PlanPlace.ON_THE_WAY  # a site not on the map: cannot tell
    if upcoming is None:
        return PlanPlace.FREE
    return PlanPlace.ON_SITE if _near(position, upcoming) else PlanPlace.ON_THE_WAY


def _near(position: Fix, stop: PlannedStop) -> bool:
    if stop.latitude is None or stop.longitude is None:
        return False
    return great_circle_m(position.latitude, position.longitude, stop.latitude, stop.longitude) <= ON_SITE_M
