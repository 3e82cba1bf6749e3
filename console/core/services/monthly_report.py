"""The monthly operational analysis report (运行分析报告, due by the 5th of the next month, seed 002),
computed from the desk's own file for a region (or every region) and a month of the desk's zone.

Sections: SLA compliance of the orders finished in the month by kind and by customer level; the
breaches with what they met (stage, pauses, exceptions, late departments); load and utilisation
per team; field compliance; exceptions; satisfaction; the customer-level quotas. The dashboards'
computations are reused as they are (`Dashboards.compute` over the month, as of its end or now),
and the compliance audit's rules (`console.core.domain.compliance`) check the month's closed
orders; what only the report needs is read by `console.core.store.report_query`. Plain values, no
words: the writers (`console/report_xlsx.py`, `console/ui/report_pdf.py`) say them in the desk's
language. Meant for a worker thread.
"""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
from sqlalchemy.orm import Session

from console.core.domain.compliance import APPLIES, AuditRules, ComplianceRule, check
from console.core.domain.enums import CustomerLevel, OrderKind, SlaStage
from console.core.services.callbacks import callback_months, overdue_callbacks
from console.core.services.dashboard_figures import (
    BandSeries,
    Dashboard,
    Dissatisfied,
    LevelFigures,
    MonthRate,
    Period,
    Rate,
)
from console.core.services.dashboards import Dashboards
from console.core.store import dashboard_query as dq
from console.core.store import report_query as q
from console.core.store.compliance_query import closed_orders
from console.core.store.database import Database
from console.core.store.rules import load_calendar, parameters

Progress = Callable[[int, int], None]  # (sections done, sections)
SECTIONS = 8
NONE = np.empty(0, dtype=object)
LISTED = 500  # breaches and dissatisfied answers listed one by one (the counts cover them all)


def month_span(month: date, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """[start, end) of a calendar month in the desk's zone, as UTC instants."""
    first = month.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return (datetime(first.year, first.month, 1, tzinfo=zone).astimezone(UTC),
            datetime(following.year, following.month, 1, tzinfo=zone).astimezone(UTC))


def previous_month(today: date) -> date:
    """The first day of the month before `today`'s: the month whose report is due by the 5th."""
    return (today.replace(day=1) - timedelta(days=1)).replace(day=1)


@dataclass(frozen=True)
class ComplianceLine:
    """Orders finished in the month of one kind or level (key; '' for all): in time and late."""

    key: str
    finished: int
    in_time: int

    @property
    def late(self) -> int:
        return self.finished - self.in_time

    @property
    def rate(self) -> float | None:
        return self.in_time / self.finished if self.finished else None


@dataclass(frozen=True)
class Breach:
    """One breached order and what it met: its stage, its pauses' reasons, its field exceptions (and its
    predecessor's when it was re-issued), its provisioning steps late at their department."""

    order: q.ReportOrder
    late_hours: float  # finished after the deadline by, or past it when the month ended
    unfinished: bool
    pauses: tuple[str, ...]
    exceptions: tuple[str, ...]
    late_steps: tuple[tuple[str, str], ...]  # (step value, department)

    @property
    def explained(self) -> bool:
        return bool(self.pauses or self.exceptions or self.late_steps)


@dataclass(frozen=True)
class Causes:
    """Breaches counted by what they met; one breach counts under each cause it met."""

    by_kind: list[tuple[str, int]]
    by_level: list[tuple[str, int]]
    by_stage: list[tuple[str, int]]
    by_district: list[tuple[str, str, int]]  # (name, English name, breaches)
    by_pause: list[tuple[str, int]]
    by_exception: list[tuple[str, int]]
    by_department: list[tuple[str, int]]
    unexplained: int  # met none of those: late at the desk or in the field


@dataclass(frozen=True)
class TeamLine:
    team: str
    technicians: int
    finished: int  # orders finished in the month that its technicians held
    booked_hours: float
    busy_hours: float  # visits and the drive to each
    shift_hours: float
    idle: int  # technicians under the idle threshold
    overbooked: int
    kept: Rate  # appointments kept of its technicians' visits due in the month

    @property
    def utilisation(self) -> float | None:
        return self.busy_hours / self.shift_hours if self.shift_hours > 0 else None


@dataclass(frozen=True)
class FieldLine:
    """One field-compliance measure: met out of checked. `key` is a ComplianceRule value or one of FIELD_EXTRA."""

    key: str
    met: int
    checked: int

    @property
    def rate(self) -> float | None:
        return self.met / self.checked if self.checked else None


KEPT, ON_SITE_CHECK_INS, FIRST_VISIT = "kept_appointments", "check_ins_on_site", "first_visit"
FIELD_EXTRA = (KEPT, ON_SITE_CHECK_INS, FIRST_VISIT)


@dataclass(frozen=True)
class ExceptionFigures:
    reported: int  # field exceptions reported in the month
    by_kind: list[tuple[str, int]]
    orders_met: Rate  # orders that met one, of the orders met on site
    reissue_minutes: list[float]

    @property
    def median_minutes(self) -> float | None:
        return _percentile(self.reissue_minutes, 50)

    @property
    def p90_minutes(self) -> float | None:
        return _percentile(self.reissue_minutes, 90)


@dataclass(frozen=True)
class CallbackFigures:
    """The month's dissatisfied answers as callbacks (回访): one due per answer, called back, remedies closed,
    overdue (not called back past the due time)."""

    due: int
    called: int
    closed: int
    overdue: int


@dataclass(frozen=True)
class SatisfactionFigures:
    month: MonthRate  # the report's month
    months: list[MonthRate]  # the twelve months up to it
    dissatisfied: list[Dissatisfied]  # the month's, newest first (at most LISTED)
    dissatisfied_count: int
    callbacks: CallbackFigures


@dataclass(frozen=True)
class MonthlyReport:
    region_id: uuid.UUID | None
    region: str  # the region's name ('' for every region)
    region_en: str
    month: date  # its first day
    start: datetime
    end: datetime
    as_of: datetime  # the figures' instant: the month's end, or now while it runs
    made_at: datetime
    zone: ZoneInfo
    overall: ComplianceLine
    by_kind: list[ComplianceLine]
    by_level: list[ComplianceLine]
    bands: BandSeries  # open orders by band at the end of each day
    breaches: list[Breach]  # the first LISTED, latest first
    breach_count: int
    causes: Causes
    teams: list[TeamLine]
    field: list[FieldLine]
    exceptions: ExceptionFigures
    satisfaction: SatisfactionFigures
    quotas: LevelFigures

    @property
    def complete(self) -> bool:
        """The month is over: the figures will not change any more (but for late-arriving events)."""
        return self.as_of >= self.end


class MonthlyReports:
    """Computes a month's report; the dashboards' computation does most of the work."""

    def __init__(self, database: Database):
        self.database = database

    def build(self, region_id: uuid.UUID | None, month: date, now: datetime, progress: Progress | None = None) -> MonthlyReport:
        step = progress or (lambda _d, _n: None)
        with self.database.reading() as session:
            zone = load_calendar(session).zone
        start, end = month_span(month, zone)
        if start > now:
            raise ValueError(f"month: {month:%Y-%m} has not begun")
        as_of = min(now, end)
        dashboard = Dashboards(self.database).compute(region_id, Period.MONTH, min(now, end - timedelta(microseconds=1)))
        step(1, SECTIONS)
        with self.database.reading() as session:
            region, region_en = _region_names(session, region_id)
            finished = q.finished_orders(session, region_id, start, end)
            overall, by_kind, by_level = _compliance(finished)
            step(2, SECTIONS)
            breaches = _breaches(session, finished, q.unfinished_breaches(session, region_id, start, end), end, as_of)
            step(3, SECTIONS)
            teams = _teams(dashboard, finished)
            step(4, SECTIONS)
            field_lines = _field(session, dashboard, region_id, start, end, zone)
            step(5, SECTIONS)
            kinds = q.exceptions_by_kind(session, region_id, start, end)
            exceptions = ExceptionFigures(sum(kinds.values()), _ranked(kinds), dashboard.field.exceptions,
                                          [float(m) for m in dashboard.field.reissue_minutes])
            step(6, SECTIONS)
            satisfaction = _satisfaction(session, dashboard, region_id, start, end, as_of)
            step(7, SECTIONS)
        report = MonthlyReport(region_id, region, region_en, month.replace(day=1), start, end, as_of, now, zone, overall, by_kind, by_level,
                               dashboard.sla.bands, breaches[:LISTED], len(breaches), _causes(breaches), teams, field_lines, exceptions,
                               satisfaction, dashboard.levels)
        step(SECTIONS, SECTIONS)
        return report


def _region_names(session: Session, region_id: uuid.UUID | None) -> tuple[str, str]:
    if region_id is None:
        return "", ""
    for _raw, rid, name, name_en in dq.regions(session):
        if rid == region_id:
            return name, name_en
    raise LookupError("region: no such region")


def _compliance(finished: list[q.ReportOrder]) -> tuple[ComplianceLine, list[ComplianceLine], list[ComplianceLine]]:
    def line(key: str, orders: list[q.ReportOrder]) -> ComplianceLine:
        return ComplianceLine(key, len(orders), sum(o.in_time for o in orders))

    by_kind = [line(k.value, [o for o in finished if o.kind == k]) for k in OrderKind]
    by_level = [line(lv.value, [o for o in finished if o.level == lv]) for lv in CustomerLevel]
    return line("", finished), by_kind, by_level


def _breaches(session: Session, finished: list[q.ReportOrder], unfinished: list[q.ReportOrder], end: datetime,
              as_of: datetime) -> list[Breach]:
    late = [o for o in finished if not o.in_time]
    orders = sorted(late + unfinished, key=lambda o: o.due_at or end, reverse=True)
    ids = [o.id for o in orders]
    predecessors = [o.replaces_id for o in orders if o.replaces_id is not None]
    pauses = q.pause_reasons(session, ids)
    exceptions = q.exception_kinds(session, ids + predecessors)
    steps = q.late_steps(session, ids, min(end, as_of))
    out = []
    for o in orders:
        stop = o.finished_at or min(end, as_of)
        met = exceptions.get(o.id, []) + (exceptions.get(o.replaces_id, []) if o.replaces_id else [])
        out.append(Breach(o, round(max(0.0, (stop - o.due_at).total_seconds() / 3600), 2) if o.due_at else 0.0, o.finished_at is None,
                          tuple(r.value for r in pauses.get(o.id, [])), tuple(k.value if k else "" for k in met),
                          tuple(steps.get(o.id, []))))
    return out


def _ranked(counts: dict[str, int] | Counter, order: list[str] | None = None) -> list[tuple[str, int]]:
    if order is not None:
        return [(k, counts[k]) for k in order if counts.get(k)] + sorted((k, n) for k, n in counts.items() if k not in order and n)
    return sorted(((k, n) for k, n in counts.items() if n), key=lambda kn: (-kn[1], kn[0]))


def _causes(breaches: list[Breach]) -> Causes:
    districts = Counter((b.order.district, b.order.district_en) for b in breaches)
    return Causes(
        _ranked(Counter(b.order.kind.value for b in breaches), [k.value for k in OrderKind]),
        _ranked(Counter(b.order.level.value for b in breaches), [lv.value for lv in CustomerLevel]),
        _ranked(Counter(b.order.stage.value if b.order.stage else "" for b in breaches), [s.value for s in SlaStage]),
        [(d, e, n) for (d, e), n in sorted(districts.items(), key=lambda kv: (-kv[1], kv[0]))],
        _ranked(Counter(r for b in breaches for r in b.pauses)),
        _ranked(Counter(k for b in breaches for k in b.exceptions)),
        _ranked(Counter(step for b in breaches for step, _dept in dict.fromkeys(b.late_steps))),
        sum(not b.explained for b in breaches))


def _teams(dashboard: Dashboard, finished: list[q.ReportOrder]) -> list[TeamLine]:
    done = Counter(o.team for o in finished if o.team)
    kept = {t.team: t.punctuality for t in dashboard.field.teams}
    out = []
    for team in dashboard.load.teams:
        members = [t for t in dashboard.load.technicians if t.team == team.team]
        out.append(TeamLine(team.team, team.technicians, done.get(team.team, 0), round(team.booked_hours, 2), round(team.busy_hours, 2),
                            round(team.shift_hours, 2), sum(t.idle for t in members), sum(t.overbooked for t in members),
                            kept.get(team.team) or Rate(0, 0, NONE, NONE)))
    return out


def _field(session: Session, dashboard: Dashboard, region_id: uuid.UUID | None, start: datetime, end: datetime,
           zone: ZoneInfo) -> list[FieldLine]:
    """Kept appointments and on-site check-ins (the dashboards'), then each rule of the compliance audit over
    the orders closed in the month (met out of the orders it applies to), then first-visit completion."""
    f = dashboard.field
    lines = [FieldLine(KEPT, f.punctuality.hits, f.punctuality.total),
             FieldLine(ON_SITE_CHECK_INS, f.off_site.total - f.off_site.hits, f.off_site.total)]
    rules = AuditRules.from_parameters(parameters(session))
    audited = closed_orders(session, start, end, region_id)
    broken = Counter(b.rule for o in audited for b in check(o.facts, rules, zone))
    for rule in ComplianceRule:
        if rule in rules.enabled:
            applies = sum(o.kind in APPLIES[rule] for o in audited)
            lines.append(FieldLine(rule.value, applies - broken.get(rule, 0), applies))
    lines.append(FieldLine(FIRST_VISIT, f.first_visit.hits, f.first_visit.total))
    return lines


def _satisfaction(session: Session, dashboard: Dashboard, region_id: uuid.UUID | None, start: datetime,
                  end: datetime, as_of: datetime) -> SatisfactionFigures:
    months = dashboard.satisfaction.months
    this = months[-1] if months else MonthRate(start.date(), 0, 0, start, end)
    unhappy = dashboard.satisfaction.dissatisfied
    return SatisfactionFigures(this, months, unhappy[:LISTED], len(dashboard.satisfaction.dissatisfied_orders),
                               callback_figures(session, region_id, start, end, as_of))


def callback_figures(session: Session, region_id: uuid.UUID | None, start: datetime, end: datetime,
                     as_of: datetime) -> CallbackFigures:
    """The month's dissatisfied answers as callback tasks (console/core/services/callbacks.py): due (one per
    answer), called back, remedies closed, and those still not called back past their due time at `as_of`."""
    (month,) = callback_months(session, region_id, [start, end])  # (every dissatisfied answer is due a callback, made or not)
    overdue = sum(start <= t.answered_at < end for t in overdue_callbacks(session, region_id, as_of))
    return CallbackFigures(month.dissatisfied, month.called_back, month.closed, overdue)


def _percentile(values: list[float], percent: float) -> float | None:
    if not values:
        return None
    ordered = sorted(values)
    k = (len(ordered) - 1) * percent / 100
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return round(ordered[low] + (ordered[high] - ordered[low]) * (k - low), 1)
