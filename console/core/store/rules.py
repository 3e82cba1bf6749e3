"""Reading and seeding the rule tables: SLA limits, their parameters, the business calendar."""

from __future__ import annotations

from datetime import time, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from console.core.domain.alerts import ESCALATE_AFTER_KEY
from console.core.domain.calendar import BusinessCalendar
from console.core.domain.compliance import LATE_GRACE_KEY, ComplianceRule, enabled_key
from console.core.domain.enums import Band, CustomerLevel, ExceptionKind
from console.core.domain.field import DEFAULT_EXCEPTION_RULES, ExceptionRule, clock_key, exception_rules, reissue_key
from console.core.domain.priority import DEFAULT_BAND_WEIGHT, DEFAULT_LEVEL_WEIGHT, DEFAULT_MISS_KM, Priorities
from console.core.domain.sla import DEFAULT_RULES, RuleBook, SlaParameters, SlaRule
from console.core.store.models import CalendarOverride, CalendarYear, RuleParameter, SlaRuleRow


def _whole_hours_or_float(delta: timedelta) -> int | float:
    hours = delta / timedelta(hours=1)
    return int(hours) if hours.is_integer() else hours


# The SLA parameters' defaults (the band thresholds among them) have one source: the domain's SlaParameters.
_SLA = SlaParameters()

# key -> (default value, what it means); every default is data a supervisor can change.
DEFAULT_PARAMETERS: dict[str, tuple[Any, str]] = {
    "sla.band.amber_from": (str(_SLA.amber_from), "Share of the limit used from which an order is amber"),
    "sla.band.red_from": (str(_SLA.red_from), "Share of the limit used from which an order is red"),
    "sla.survey.access_points_per_unit": (_SLA.access_points_per_unit, "Access points a survey limit covers before it grows"),
    "sla.survey.rounding_step_days": (str(_SLA.rounding_step_days), "A grown survey limit is rounded up to this many working days"),
    "sla.pause.approval_after_hours": (_whole_hours_or_float(_SLA.pause_approval_after), "A pause longer than this needs a supervisor's approval"),
    "calendar.zone": ("Asia/Shanghai", "Time zone of the centre's business hours"),
    "calendar.day_start": ("09:00", "Business hours start"),
    "calendar.day_end": ("18:00", "Business hours end"),
    "check_in.off_site_metres": (300, "A check-in farther than this from the site is flagged"),
    ESCALATE_AFTER_KEY: (30, "An order red or late this long with nobody acknowledging its alert is escalated to the region's supervisors"),
    "alerts.field_lookback_hours": (48, "Off-site check-ins and field exceptions of this many past hours are in the alert list"),
    **{reissue_key(kind): (rule.reissue, f"A {kind.value} exception archives the order and re-issues it (true) or keeps it (false)")
       for kind, rule in DEFAULT_EXCEPTION_RULES.items()},
    **{clock_key(kind): (rule.clock, f"A {kind.value} exception pauses the SLA clock (pause) or lets it run on (run_on)")
       for kind, rule in DEFAULT_EXCEPTION_RULES.items()},
    **{enabled_key(rule): (True, f"The compliance audit checks '{rule.value}' (true) or leaves it out (false)") for rule in ComplianceRule},
    LATE_GRACE_KEY: (15, "Minutes a check-in may come after the appointment window's end and still count as on time"),
    "quota.diamond_max_share": ("0.10", "Diamond customers may be at most this share of a region's customers"),
    "quota.silver_max_share": ("0.20", "Silver customers may be at most this share of a region's customers"),
    "dashboard.idle_below": ("0.3", "A technician on shift whose utilisation is below this is shown idle"),
    "dashboard.overbooked_above": ("1.0", "A technician whose utilisation is above this is shown overbooked"),
    "dashboard.day_shift_starts": (8, "The desk's day shift starts at this hour (the supervisor's dashboards' 'this shift')"),
    "dashboard.night_shift_starts": (20, "The desk's night shift starts at this hour"),
    "handover.at_risk_hours": (4, "The shift handover lists the open orders that will breach within this many hours"),
    "callbacks.due_hours": (24, "A dissatisfied customer must be called back within this many hours of the answer"),
    "map.technician_stale_minutes": (60, "A technician's position older than this is shown faded on the map"),
    "planning.road_factor": ("1.3", "Road distance as a multiple of the great-circle distance"),
    "planning.speed_kmh": (30, "Average travel speed between sites"),
    "planning.miss_km": (DEFAULT_MISS_KM, "The optimiser weighs a bronze order's SLA miss in the green band like this many km of road"),
    **{f"planning.level_weight.{level.value}": (weight, f"SLA miss weight of a {level.value} customer's order")
       for level, weight in DEFAULT_LEVEL_WEIGHT.items()},
    **{f"planning.band_weight.{band.value}": (weight, f"SLA miss weight of an order in the {band.value} band")
       for band, weight in DEFAULT_BAND_WEIGHT.items()},
}


def seed_default_rules(session: Session) -> None:
    """Fill empty rule tables with the defaults of DOMAIN.md (a new centre or data file)."""
    if session.scalar(select(SlaRuleRow.id).limit(1)) is None:
        session.execute(
            insert(SlaRuleRow),
            [{"kind": r.kind, "stage": r.stage, "grade": r.grade, "amount": r.amount, "unit": r.unit} for r in DEFAULT_RULES],
        )
    existing = set(session.scalars(select(RuleParameter.key)))
    missing = [
        {"key": key, "value": {"value": value}, "description": text}
        for key, (value, text) in DEFAULT_PARAMETERS.items()
        if key not in existing
    ]
    if missing:
        session.execute(insert(RuleParameter), missing)


def parameters(session: Session) -> dict[str, Any]:
    values = {key: default for key, (default, _text) in DEFAULT_PARAMETERS.items()}
    for row in session.execute(select(RuleParameter.key, RuleParameter.value).where(RuleParameter.deleted.is_(False))):
        values[row.key] = row.value.get("value")
    return values


def load_exception_rules(session: Session) -> dict[ExceptionKind, ExceptionRule]:
    """What each field exception does (re-issue or not, pause or run on): rule data."""
    return exception_rules(parameters(session))


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def load_rulebook(session: Session) -> RuleBook:
    values = parameters(session)
    params = SlaParameters(
        access_points_per_unit=int(values["sla.survey.access_points_per_unit"]),
        rounding_step_days=Decimal(str(values["sla.survey.rounding_step_days"])),
        amber_from=Decimal(str(values["sla.band.amber_from"])),
        red_from=Decimal(str(values["sla.band.red_from"])),
        pause_approval_after=timedelta(hours=float(values["sla.pause.approval_after_hours"])),
    )
    rows = session.scalars(select(SlaRuleRow).where(SlaRuleRow.deleted.is_(False)))
    return RuleBook((SlaRule(r.kind, r.stage, r.grade, r.amount, r.unit) for r in rows), params)


def load_priorities(session: Session) -> Priorities:
    """The optimiser's SLA weights; an unusable value names its parameter."""
    values = parameters(session)
    try:
        return Priorities({level: _whole(values, f"planning.level_weight.{level.value}") for level in CustomerLevel},
                          {band: _whole(values, f"planning.band_weight.{band.value}") for band in Band},
                          float(values["planning.miss_km"]))
    except (TypeError, ValueError) as error:
        raise WeightsError(f"the planning weights (rule parameters planning.*) cannot be used: {error}") from error


class WeightsError(ValueError):
    """A planning weight in the rule parameters is not a usable number."""


def _whole(values: dict[str, Any], key: str) -> int:
    value = values[key]
    if isinstance(value, bool) or not (isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())):
        raise ValueError(f"{key} must be a whole number, not {value!r}")
    return int(value)


def load_calendar(session: Session) -> BusinessCalendar:
    values = parameters(session)
    overrides = {
        day: working
        for day, working in session.execute(
            select(CalendarOverride.day, CalendarOverride.is_working).where(CalendarOverride.deleted.is_(False))
        )
    }
    official = frozenset(session.scalars(select(CalendarYear.year).where(CalendarYear.deleted.is_(False))))
    return BusinessCalendar(
        zone=ZoneInfo(str(values["calendar.zone"])),
        day_start=_clock(str(values["calendar.day_start"])),
        day_end=_clock(str(values["calendar.day_end"])),
        overrides=overrides,
        official_years=official,
    )
