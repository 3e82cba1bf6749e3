"""The supervisor's figures as plain values: what each one counts and the orders behind it.

Each count carries the raw ids of its orders (`Bar.orders`), so a click on it shows exactly the
orders it counted; `order_ids` turns them into UUIDs when someone drills in.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

import numpy as np

from console.core.store.dashboard_query import order_id


class Period(StrEnum):
    """The span a dashboard covers, in the desk's zone: the desk's shift under way (day 08:00-20:00,
    night 20:00-08:00), today, this week (from Monday) or this month."""

    SHIFT = "shift"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"


def order_ids(raw: Any) -> frozenset[uuid.UUID]:
    """The UUIDs of raw ids as the figures hold them."""
    return frozenset(order_id(v) for v in raw)


@dataclass(frozen=True)
class Bar:
    """One category's count and the orders it counts; `label`/`label_en` name a district."""

    key: str
    count: int
    orders: np.ndarray = field(repr=False, compare=False)
    label: str = ""
    label_en: str = ""


@dataclass(frozen=True)
class Rate:
    """hits out of all; `hit_orders` and `miss_orders` are the orders behind each part."""

    hits: int
    total: int
    hit_orders: np.ndarray = field(repr=False, compare=False)
    miss_orders: np.ndarray = field(repr=False, compare=False)

    @property
    def rate(self) -> float | None:
        return self.hits / self.total if self.total else None


@dataclass(frozen=True)
class AtRisk:
    """An open order that breaches within the next hour if nothing is done."""

    order_id: uuid.UUID
    number: str
    customer: str
    kind: str
    due_at: datetime


@dataclass(frozen=True)
class BandSeries:
    """Open orders per band at the end of each bucket (the last one at `now`)."""

    starts: np.ndarray  # bucket starts, UTC seconds
    ends: np.ndarray  # the instants sampled
    counts: dict[str, np.ndarray]  # band value or "paused" -> orders per bucket
    working: np.ndarray  # bool per bucket: a working day of the desk's calendar (daily buckets)
    hourly: bool


@dataclass(frozen=True)
class SlaFigures:
    bands: BandSeries
    breached: int
    by_kind: list[Bar]
    by_level: list[Bar]
    by_district: list[Bar]
    by_stage: list[Bar]
    next_hour: list[AtRisk]
    next_hour_orders: np.ndarray = field(repr=False, compare=False)


@dataclass(frozen=True)
class TechnicianLoad:
    technician_id: uuid.UUID
    name: str
    team: str
    open_orders: int
    booked_hours: float
    busy_hours: float  # visits and travel
    shift_hours: float  # shift less breaks, inside the span
    orders: np.ndarray = field(repr=False, compare=False)
    idle: bool = False
    overbooked: bool = False

    @property
    def utilisation(self) -> float | None:
        return self.busy_hours / self.shift_hours if self.shift_hours > 0 else None


@dataclass(frozen=True)
class TeamLoad:
    team: str
    technicians: int
    open_orders: int
    booked_hours: float
    busy_hours: float
    shift_hours: float
    orders: np.ndarray = field(repr=False, compare=False)

    @property
    def utilisation(self) -> float | None:
        return self.busy_hours / self.shift_hours if self.shift_hours > 0 else None


@dataclass(frozen=True)
class LoadFigures:
    technicians: list[TechnicianLoad]
    teams: list[TeamLoad]
    idle_below: float
    overbooked_above: float

    @property
    def idle(self) -> list[TechnicianLoad]:
        return [t for t in self.technicians if t.idle]

    @property
    def overbooked(self) -> list[TechnicianLoad]:
        return [t for t in self.technicians if t.overbooked]


@dataclass(frozen=True)
class TeamField:
    """A team's field figures: its technicians' visits, check-ins and exceptions, and the orders
    resolved that its technicians held."""

    team: str
    punctuality: Rate
    off_site: Rate
    exceptions: Rate
    first_visit: Rate
    same_day_return: Rate


@dataclass(frozen=True)
class FieldFigures:
    punctuality: Rate  # appointments kept out of visits due
    off_site: Rate  # off-site check-ins out of check-ins
    exceptions: Rate  # orders that met an exception out of the orders met on site (checked in or met an exception)
    reissue_minutes: list[float]  # exception to re-issued order, each re-issue
    first_visit: Rate  # resolved with one visit out of resolved with a visit
    same_day_return: Rate  # returned (回单) the day resolved, out of resolved
    teams: list[TeamField] = field(default_factory=list)

    @property
    def median_reissue(self) -> float | None:
        return float(np.median(self.reissue_minutes)) if self.reissue_minutes else None


@dataclass(frozen=True)
class MonthRate:
    """One month's survey answers; the orders behind them come from Dashboards.survey_orders(start, end)."""

    month: date
    very_satisfied: int
    answers: int  # every answer of the month, the rate's denominator (none left out)
    start: datetime
    end: datetime
    dissatisfied: int = 0
    callbacks: int = 0  # the dissatisfied answers with their callback task (all of them: 100 % callback)
    called_back: int = 0  # the customer reached (or refused to talk)
    closed: int = 0  # the callback's remedy closed
    unrated: int = 0  # answers without a rating: in `answers`, shown, never dropped

    @property
    def rate(self) -> float | None:
        return self.very_satisfied / self.answers if self.answers else None


@dataclass(frozen=True)
class Dissatisfied:
    order_id: uuid.UUID
    number: str
    customer: str
    respondent: str
    at: datetime


@dataclass(frozen=True)
class SatisfactionFigures:
    months: list[MonthRate]  # the twelve months up to the span's
    dissatisfied: list[Dissatisfied]  # answers in the span, newest first
    dissatisfied_orders: np.ndarray = field(repr=False, compare=False)


@dataclass(frozen=True)
class RegionLevels:
    region_id: uuid.UUID
    name: str
    name_en: str
    customers: int
    diamond: int  # customers; their open orders come from Dashboards.level_orders
    silver: int
    diamond_over: bool = False
    silver_over: bool = False

    @property
    def diamond_share(self) -> float | None:
        return self.diamond / self.customers if self.customers else None

    @property
    def silver_share(self) -> float | None:
        return self.silver / self.customers if self.customers else None


@dataclass(frozen=True)
class LevelFigures:
    regions: list[RegionLevels]
    diamond_max: float
    silver_max: float


@dataclass(frozen=True)
class Dashboard:
    region_id: uuid.UUID | None
    period: Period
    start: datetime
    end: datetime
    now: datetime
    sla: SlaFigures
    load: LoadFigures
    field: FieldFigures
    satisfaction: SatisfactionFigures
    levels: LevelFigures
    band_orders: Any = field(repr=False, compare=False, default=None)  # (bucket, band) -> raw ids, see Dashboards.band_orders


def bars(keys: np.ndarray, ids: np.ndarray, order: list[str] | None = None) -> list[Bar]:
    """Count `ids` per key (None keys as ""), largest first unless `order` gives the keys' order."""
    if not len(keys):
        return []
    keys = np.array(["" if k is None else str(k) for k in keys], dtype=object)
    found = {}
    for key in dict.fromkeys(keys):
        found[key] = ids[keys == key]
    if order is not None:
        ranked = [k for k in order if k in found] + sorted(k for k in found if k not in order)
    else:
        ranked = sorted(found, key=lambda k: (-len(found[k]), k))
    return [Bar(k, len(found[k]), found[k]) for k in ranked]


def band_codes(t: float | np.ndarray, amber: np.ndarray, red: np.ndarray, due: np.ndarray) -> np.ndarray:
    """0 green, 1 amber, 2 red, 3 breached at `t`, from each order's cached instants."""
    return (t >= amber).astype(np.int8) + (t >= red) + (t >= due)
