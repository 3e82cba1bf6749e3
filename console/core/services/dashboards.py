"""The supervisor's dashboards, read from the desk's own file (they work offline) and meant for a
worker thread: SLA bands over time and breaches, load and utilisation, field punctuality and
returns, satisfaction by month, customer levels against their quotas.

Bands over time come from each order's cached instants (received, amber, red, due, finished)
rather than the rules run again per order: the cache is the running stage's clock as last
computed, which is what the queue showed at the time.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy.orm import Session

from console.core.domain.booking_rules import Travel
from console.core.domain.enums import Band, CustomerLevel, FieldEventKind, OrderKind, SlaStage
from console.core.services.callbacks import callback_months
from console.core.services.dashboard_figures import (
    AtRisk,
    BandSeries,
    Dashboard,
    Dissatisfied,
    FieldFigures,
    LevelFigures,
    MonthRate,
    Period,
    Rate,
    RegionLevels,
    SatisfactionFigures,
    SlaFigures,
    TeamField,
    band_codes,
    bars,
)
from console.core.services.dashboard_load import area_of, load_figures
from console.core.store import dashboard_query as q
from console.core.store.database import Database
from console.core.store.rules import load_calendar, parameters

BANDS = (Band.GREEN, Band.AMBER, Band.RED, Band.BREACHED)
PAUSED = "paused"
SHIFT_STARTS = (8, 20)  # the desk's day and night shifts start at these local hours, unless the rule parameters say otherwise
EMPTY = np.empty(0, dtype=object)


def period_span(period: Period, now: datetime, zone: ZoneInfo, shifts: tuple[int, int] = SHIFT_STARTS) -> tuple[datetime, datetime]:
    """[start, end) of the period under way at `now`, in the desk's zone (UTC instants); a shift
    runs from one of `shifts` (the day's and the night's first hours) to the other."""
    local = now.astimezone(zone)
    midnight = local.replace(hour=0, minute=0, second=0, microsecond=0)
    if period is Period.SHIFT:
        day, night = shifts
        if local.hour < day:
            start = _local(midnight.date() - timedelta(days=1), night, zone)
            end = _local(midnight.date(), day, zone)
        elif local.hour < night:
            start, end = _local(midnight.date(), day, zone), _local(midnight.date(), night, zone)
        else:
            start, end = _local(midnight.date(), night, zone), _local(midnight.date() + timedelta(days=1), day, zone)
    elif period is Period.DAY:
        start, end = _local(midnight.date(), 0, zone), _local(midnight.date() + timedelta(days=1), 0, zone)
    elif period is Period.WEEK:
        monday = midnight.date() - timedelta(days=midnight.weekday())
        start, end = _local(monday, 0, zone), _local(monday + timedelta(days=7), 0, zone)
    else:
        first = midnight.date().replace(day=1)
        following = (first + timedelta(days=32)).replace(day=1)
        start, end = _local(first, 0, zone), _local(following, 0, zone)
    return start.astimezone(UTC), end.astimezone(UTC)


def _local(day: date, hour: int, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=zone)


@dataclass(frozen=True)
class BandOrders:
    """What a click on one bucket's band needs: the orders' instants, kept from the computation."""

    ids: np.ndarray
    received: np.ndarray
    finished: np.ndarray
    amber: np.ndarray
    red: np.ndarray
    due: np.ndarray
    paused: np.ndarray
    ends: np.ndarray

    def orders(self, bucket: int, band: str) -> np.ndarray:
        """The raw ids of the orders counted in `band` (or PAUSED) at the end of `bucket`."""
        t = self.ends[bucket]
        alive = (self.received <= t) & ~(self.finished <= t) & ~np.isnan(self.due)
        paused = self.paused <= t
        if band == PAUSED:
            return self.ids[alive & paused]
        code = BANDS.index(Band(band))
        return self.ids[alive & ~paused & (band_codes(t, self.amber, self.red, self.due) == code)]


class Dashboards:
    """Reads the figures for a region (None: every region) over a period."""

    def __init__(self, database: Database):
        self.database = database

    def regions(self) -> list[tuple[uuid.UUID, str, str]]:
        with self.database.reading() as session:
            return [(i, n, e) for _raw, i, n, e in q.regions(session)]

    def level_orders(self, region_id: uuid.UUID, level: CustomerLevel) -> list:
        """Raw ids of a region's open orders (not yet resolved) of customers at `level`: a quota bar drilled into."""
        with self.database.reading() as session:
            return q.level_orders(session, region_id, level.value)

    def survey_orders(self, region_id: uuid.UUID | None, start: datetime, end: datetime) -> list:
        """Raw ids of the orders whose survey was answered in [start, end): a month drilled into."""
        with self.database.reading() as session:
            return q.survey_orders(session, region_id, start, end)

    def compute(self, region_id: uuid.UUID | None, period: Period, now: datetime) -> Dashboard:
        with self.database.reading() as session:
            values = parameters(session)
            calendar = load_calendar(session)
            zone = calendar.zone
            shifts = _shift_starts(values)
            start, end = period_span(period, now, zone, shifts)
            orders = q.order_columns(session, region_id, start, end)
            sla, band_orders = _sla(session, orders, q.districts(session), start, now, period, calendar)
            technicians = q.technicians(session, region_id)
            visits = q.visits(session, region_id, [t.id for t in technicians], start, end)
            travel = Travel(_number(values, "planning.road_factor"), _number(values, "planning.speed_kmh"))
            load = load_figures(technicians, q.shifts(session, [t.id for t in technicians], start, end), visits, orders,
                                start, end, travel, _number(values, "dashboard.idle_below"), _number(values, "dashboard.overbooked_above"),
                                area_of(q.district_centres(session)))
            field = _field(session, region_id, orders, visits, technicians, start, min(end, now), zone)
            satisfaction = _satisfaction(session, region_id, start, min(end, now), zone)
            levels = _levels(session, region_id, _number(values, "quota.diamond_max_share"), _number(values, "quota.silver_max_share"))
        return Dashboard(region_id, period, start, end, now, sla, load, field, satisfaction, levels, band_orders)


class DashboardError(ValueError):
    """A rule parameter the dashboards need is not usable; says which."""


def _number(values: dict[str, Any], key: str) -> float:
    try:
        return float(values[key])
    except (TypeError, ValueError):
        raise DashboardError(f"the rule parameter {key} must be a number, not {values[key]!r}") from None


def _shift_starts(values: dict[str, Any]) -> tuple[int, int]:
    day, night = int(_number(values, "dashboard.day_shift_starts")), int(_number(values, "dashboard.night_shift_starts"))
    if not 0 <= day < night <= 23:
        raise DashboardError(f"the rule parameters dashboard.day_shift_starts ({day}) and dashboard.night_shift_starts ({night}) "
                             "must be hours of the day, the day shift's first")
    return day, night


def _buckets(period: Period, start: datetime, now: datetime, zone: ZoneInfo) -> tuple[list[datetime], bool]:
    """Bucket starts from `start` up to `now`: hours for a shift or a day, local days otherwise."""
    hourly = period in (Period.SHIFT, Period.DAY)
    starts = []
    at = start
    while at < now:
        starts.append(at)
        if hourly:
            at = at + timedelta(hours=1)
        else:
            local = at.astimezone(zone)
            at = _local(local.date() + timedelta(days=1), 0, zone).astimezone(UTC)
    return starts or [start], hourly


def _sla(session: Session, o: q.OrderColumns, districts: dict, start: datetime, now: datetime,
         period: Period, calendar: Any) -> tuple[SlaFigures, BandOrders]:
    zone = calendar.zone
    starts, hourly = _buckets(period, start, now, zone)
    begin = np.array([s.timestamp() for s in starts])
    ends = np.minimum(np.append(begin[1:], np.inf), now.timestamp())
    drill = BandOrders(o.ids, o.received, o.finished, o.amber, o.red, o.due, o.paused, ends)
    counts = {b.value: np.zeros(len(ends), dtype=int) for b in BANDS} | {PAUSED: np.zeros(len(ends), dtype=int)}
    has_clock = ~np.isnan(o.due)
    for i, t in enumerate(ends):
        alive = has_clock & (o.received <= t) & ~(o.finished <= t)
        paused = alive & (o.paused <= t)
        codes = band_codes(t, o.amber[alive & ~paused], o.red[alive & ~paused], o.due[alive & ~paused])
        for code, band in enumerate(BANDS):
            counts[band.value][i] = int(np.count_nonzero(codes == code))
        counts[PAUSED][i] = int(np.count_nonzero(paused))
    working = np.array([hourly or calendar.is_working_day(s.astimezone(zone).date()) for s in starts], dtype=bool)
    series = BandSeries(begin, ends, counts, working, hourly)

    t_now = now.timestamp()
    late = ~(o.finished <= o.due) & ~(o.paused <= o.due)
    breached = late & (o.due >= start.timestamp()) & (o.due < t_now)
    ids = o.ids[breached]
    soon = np.isnan(o.finished) & np.isnan(o.paused) & (o.due > t_now) & (o.due <= t_now + 3600)
    facts = q.order_facts(session, list(ids) + list(o.ids[soon]))
    kind, stage, customer, district = (np.array([facts[i][k] for i in ids], dtype=object) for k in range(4))
    level_of = q.levels_of(session, customer)
    levels = np.array([level_of.get(c, "") for c in customer], dtype=object)
    by_district = bars(district, ids)
    by_district = [b.__class__(b.key, b.count, b.orders, *districts.get(b.key, ("—", "—"))) for b in by_district]
    soon_ids = o.ids[soon][np.argsort(o.due[soon], kind="stable")]
    lines = q.order_lines(session, list(soon_ids[:200]))
    due_of = dict(zip(o.ids[soon], o.due[soon], strict=True))
    kind_of = {i: facts[i][0] for i in o.ids[soon]}
    at_risk = [AtRisk(q.order_id(i), *lines.get(i, ("", "")), str(kind_of[i]), datetime.fromtimestamp(due_of[i], UTC))
               for i in soon_ids[:200]]
    figures = SlaFigures(series, int(breached.sum()),
                         bars(kind, ids, [k.value for k in OrderKind]),
                         bars(levels, ids, [lv.value for lv in CustomerLevel]),
                         by_district,
                         bars(stage, ids, [s.value for s in SlaStage]),
                         at_risk, soon_ids)
    return figures, drill


def _rate(hit: np.ndarray, ids: np.ndarray) -> Rate:
    return Rate(int(hit.sum()), len(ids), _unique(ids[hit]), _unique(ids[~hit]))


def _unique(ids: np.ndarray) -> np.ndarray:
    return np.array(list(dict.fromkeys(ids)), dtype=object)


def _field(session: Session, region_id: uuid.UUID | None, o: q.OrderColumns, visits: q.VisitColumns, technicians: list,
           start: datetime, until: datetime, zone: ZoneInfo) -> FieldFigures:
    """The region's field figures, and each team's (its technicians' visits, check-ins, exceptions, and the
    resolved orders they held)."""
    due = (visits.window_end >= start.timestamp()) & (visits.window_end < until.timestamp())
    served = q.visit_orders(session, visits.ids[due])
    checks = q.field_events(session, region_id, FieldEventKind.CHECK_IN, start, until)
    raised = q.field_events(session, region_id, FieldEventKind.EXCEPTION, start, until)
    minutes = [round(max(0.0, (r - a) / 60), 1) for a, r in zip(raised.at, raised.reissued_at, strict=True) if not np.isnan(r)]
    resolved = (o.resolved >= start.timestamp()) & (o.resolved < until.timestamp())
    counts = q.visit_counts(session, o.ids[resolved])
    facts = _FieldFacts(
        visits.ids[due], visits.technician[due], visits.kept[due], served, checks, raised, o.ids[resolved], o.assignee[resolved],
        np.array([counts.get(i, 0) > 0 for i in o.ids[resolved]], dtype=bool),
        np.array([counts.get(i, 0) == 1 and r is None for i, r in zip(o.ids[resolved], o.replaces[resolved], strict=True)], dtype=bool),
        np.array([_same_day(a, b, zone) for a, b in zip(o.resolved[resolved], o.returned[resolved], strict=True)], dtype=bool))
    everyone = _rates(facts, None)
    teams: dict[str, set] = {}
    for t in technicians:
        teams.setdefault(t.team, set()).add(t.id)
    per_team = [TeamField(team, *_rates(facts, members)) for team, members in sorted(teams.items())]
    return FieldFigures(everyone[0], everyone[1], everyone[2], minutes, everyone[3], everyone[4], per_team)


@dataclass(frozen=True)
class _FieldFacts:
    visits: np.ndarray  # raw ids of the visits due
    visit_technician: np.ndarray
    kept: np.ndarray
    served: dict  # raw visit id -> raw order ids
    checks: q.EventColumns
    raised: q.EventColumns
    resolved: np.ndarray  # raw ids of the orders resolved
    holder: np.ndarray  # their technicians
    with_visit: np.ndarray  # bool: had a visit
    first: np.ndarray  # bool: one visit, not a re-issue
    same_day: np.ndarray  # bool: returned the day resolved


def _rates(f: _FieldFacts, members: set | None) -> tuple[Rate, Rate, Rate, Rate, Rate]:
    """(punctuality, off-site check-ins, exceptions, first visits, same-day returns) of everyone (None) or of some technicians."""
    def mine(technician: np.ndarray) -> np.ndarray:
        return np.ones(len(technician), dtype=bool) if members is None else np.array([t in members for t in technician], dtype=bool)

    v = mine(f.visit_technician)
    kept = f.kept[v]
    orders = [(f.served.get(a, []), k) for a, k in zip(f.visits[v], kept, strict=True)]
    punctuality = Rate(int(kept.sum()), int(v.sum()), _unique(np.array([i for ids, k in orders if k for i in ids], dtype=object)),
                       _unique(np.array([i for ids, k in orders if not k for i in ids], dtype=object)))
    c, r = mine(f.checks.technician), mine(f.raised.technician)
    off = f.checks.off_site[c]
    checked = f.checks.order[c]
    off_site = Rate(int(off.sum()), len(checked), _unique(checked[off]), _unique(checked[~off]))
    visited = _unique(np.concatenate([checked, f.raised.order[r]]))  # orders met on site: checked in or met an exception
    with_exception = set(f.raised.order[r])
    hit = np.array([i in with_exception for i in visited], dtype=bool)
    exceptions = _rate(hit, visited) if len(visited) else Rate(0, 0, EMPTY, EMPTY)
    held = mine(f.holder)
    first = _rate(f.first[held & f.with_visit], f.resolved[held & f.with_visit])
    return punctuality, off_site, exceptions, first, _rate(f.same_day[held], f.resolved[held])


def _same_day(resolved: float, returned: float, zone: ZoneInfo) -> bool:
    """Returned (回单) on the local day the order was resolved."""
    if np.isnan(returned):
        return False
    return datetime.fromtimestamp(resolved, zone).date() == datetime.fromtimestamp(returned, zone).date()


def _satisfaction(session: Session, region_id: uuid.UUID | None, start: datetime, until: datetime, zone: ZoneInfo) -> SatisfactionFigures:
    """The twelve months up to `until`'s, counted in SQL; the dissatisfied answers from `start`."""
    local = until.astimezone(zone)
    back = local.year * 12 + local.month - 1 - 11  # eleven months before this one
    firsts = [date((back + k) // 12, (back + k) % 12 + 1, 1) for k in range(13)]
    edges = [_local(m, 0, zone).astimezone(UTC) for m in firsts]
    edges[-1] = min(edges[-1], until)  # this month's answers up to now (a survey stamped later is not counted yet)
    counts = q.survey_months(session, region_id, edges)
    calls = callback_months(session, region_id, edges)  # the dissatisfied answers' callbacks (回访), month by month
    rates = [MonthRate(month, very, answers, edges[k], edges[k + 1], c.dissatisfied, c.callbacks, c.called_back, c.closed, c.unrated)
             for k, (month, (very, answers), c) in enumerate(zip(firsts, counts, calls, strict=False))]
    unhappy = q.dissatisfied(session, region_id, start, until)
    lines = q.order_lines(session, list(dict.fromkeys(o for o, _r, _t in unhappy[:200])))
    listed = [Dissatisfied(q.order_id(o), *lines.get(o, ("", "")), str(r or ""), t) for o, r, t in unhappy[:200]]
    return SatisfactionFigures(rates, listed, _unique(np.array([o for o, _r, _t in unhappy], dtype=object)))


def _levels(session: Session, region_id: uuid.UUID | None, diamond_max: float, silver_max: float) -> LevelFigures:
    counts = q.level_counts(session)
    out = []
    for raw, rid, name, name_en in q.regions(session):
        if region_id is not None and rid != region_id:
            continue
        total = sum(n for (r, _lv), n in counts.items() if r == raw)
        diamond, silver = counts.get((raw, CustomerLevel.DIAMOND.value), 0), counts.get((raw, CustomerLevel.SILVER.value), 0)
        out.append(RegionLevels(rid, name, name_en, total, diamond, silver,
                                total > 0 and diamond / total > diamond_max, total > 0 and silver / total > silver_max))
    return LevelFigures(out, diamond_max, silver_max)
