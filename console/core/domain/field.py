"""What the technician's app reports, and what each report does to the order."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from console.core.domain.enums import ExceptionKind, OrderStatus
from console.core.domain.geo import great_circle_m

# Statuses in which the field may report on an order at all.
SIGNED_OFF = "field.check_in_signed_off"  # the audit action of a supervisor's sign-off of a flagged check-in
REPORTABLE = (OrderStatus.DISPATCHED, OrderStatus.ACCEPTED, OrderStatus.IN_PROGRESS, OrderStatus.RESOLVED)


@dataclass(frozen=True)
class CheckIn:
    distance_m: float | None  # None when the site has no position to measure against
    off_site: bool


def check_in(site_lat: float | None, site_lon: float | None, lat: float, lon: float, off_site_metres: float) -> CheckIn:
    """Distance from the site's address; beyond `off_site_metres` the check-in is flagged."""
    if site_lat is None or site_lon is None:
        return CheckIn(None, False)
    distance = great_circle_m(site_lat, site_lon, lat, lon)
    return CheckIn(round(distance, 1), distance > off_site_metres)


def status_after_check_in(status: OrderStatus) -> OrderStatus:
    return OrderStatus.IN_PROGRESS if status in (OrderStatus.DISPATCHED, OrderStatus.ACCEPTED) else status


def status_after_delivery_report(status: OrderStatus) -> OrderStatus:
    """The report is written: the order waits for the customer's signature."""
    return OrderStatus.RESOLVED if status in (OrderStatus.IN_PROGRESS, OrderStatus.ACCEPTED, OrderStatus.DISPATCHED) else status


# --- what a field exception does: rule data a supervisor can change ---------------------------------

PAUSE, RUN_ON = "pause", "run_on"
CLOCK_CHOICES = (PAUSE, RUN_ON)


@dataclass(frozen=True)
class ExceptionRule:
    """What an exception of one kind does to its order: archived and re-issued (a same-cable fiber
    change, an optical-box change: seed 003) or kept, and its SLA clock paused (a recorded pause,
    ended by the desk's resume) or running on from the original start."""

    reissue: bool
    clock: str  # PAUSE or RUN_ON

    @property
    def pauses(self) -> bool:
        return self.clock == PAUSE


# The defaults (DOMAIN.md, "Field events"): every kind re-issues; the customer's own optical box
# waits on the customer, so its clock pauses; a fiber port is the network's, so the clock runs on.
DEFAULT_EXCEPTION_RULES: dict[ExceptionKind, ExceptionRule] = {
    ExceptionKind.FIBER_PORT_BROKEN: ExceptionRule(True, RUN_ON),
    ExceptionKind.FIBER_PORT_TAKEN: ExceptionRule(True, RUN_ON),
    ExceptionKind.OPTICAL_BOX_UNUSABLE: ExceptionRule(True, PAUSE),
}


def reissue_key(kind: ExceptionKind) -> str:
    return f"field.exception.{kind.value}.reissue"


def clock_key(kind: ExceptionKind) -> str:
    return f"field.exception.{kind.value}.clock"


def exception_rules(values: dict) -> dict[ExceptionKind, ExceptionRule]:
    """The rules from the rule parameters' values (a value that cannot be read keeps the default)."""
    out = {}
    for kind, default in DEFAULT_EXCEPTION_RULES.items():
        reissue = values.get(reissue_key(kind), default.reissue)
        clock = values.get(clock_key(kind), default.clock)
        out[kind] = ExceptionRule(reissue if isinstance(reissue, bool) else default.reissue,
                                  clock if clock in CLOCK_CHOICES else default.clock)
    return out


# --- punctuality of a check-in against the appointment window (履约) ----------------------------------

@dataclass(frozen=True)
class Punctuality:
    """Arrival against the booked window: minutes early (before its start), late (after its end),
    or kept (inside it). None for a visit with no appointment."""

    kept: bool
    early_minutes: int = 0
    late_minutes: int = 0


def punctuality(at: datetime, window_start: datetime | None, window_end: datetime | None) -> Punctuality | None:
    if window_start is None or window_end is None:
        return None
    if at < window_start:
        return Punctuality(False, early_minutes=max(1, round((window_start - at).total_seconds() / 60)))
    if at > window_end:
        return Punctuality(False, late_minutes=max(1, round((at - window_end).total_seconds() / 60)))
    return Punctuality(True)
