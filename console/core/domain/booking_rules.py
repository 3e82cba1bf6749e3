"""Can this technician make this visit at this time? The rules a booking is checked against.

A check returns findings, each with how it may be committed over: never, by a dispatcher with a
reason, by a supervisor with a reason, or only as a reschedule agreed with the customer.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

from console.core.domain.enums import Role
from console.core.domain.geo import great_circle_m
from console.core.domain.positions import Fix
from console.core.domain.roles import may_supervise


class Conflict(StrEnum):
    TECHNICIAN_INACTIVE = "technician_inactive"
    ORDER_CLOSED = "order_closed"
    LOCKED = "locked"
    IN_PAST = "in_past"
    OVERLAP = "overlap"
    MISSING_SKILL = "missing_skill"
    SLA_BREACH = "sla_breach"
    OUTSIDE_SHIFT = "outside_shift"
    ON_BREAK = "on_break"
    TRAVEL_INFEASIBLE = "travel_infeasible"
    OTHER_REGION = "other_region"
    OUTSIDE_WINDOW = "outside_window"


class Override(StrEnum):
    NEVER = "never"
    DISPATCHER = "dispatcher"  # with a reason
    SUPERVISOR = "supervisor"  # with a reason
    RESCHEDULE = "reschedule"  # a new window agreed with the customer: reason from the list, how reached


OVERRIDE: dict[Conflict, Override] = {
    Conflict.TECHNICIAN_INACTIVE: Override.NEVER,
    Conflict.ORDER_CLOSED: Override.NEVER,
    Conflict.LOCKED: Override.NEVER,  # unlock it first: a pinned booking moves only on purpose
    Conflict.IN_PAST: Override.NEVER,
    Conflict.OVERLAP: Override.NEVER,  # one technician, two places
    Conflict.MISSING_SKILL: Override.SUPERVISOR,
    Conflict.SLA_BREACH: Override.SUPERVISOR,  # dispatcher's own when the order is already past due
    Conflict.OUTSIDE_SHIFT: Override.DISPATCHER,
    Conflict.ON_BREAK: Override.DISPATCHER,
    Conflict.TRAVEL_INFEASIBLE: Override.DISPATCHER,
    Conflict.OTHER_REGION: Override.DISPATCHER,
    Conflict.OUTSIDE_WINDOW: Override.RESCHEDULE,
}
PAST_GRACE = timedelta(minutes=5)


@dataclass(frozen=True)
class Finding:
    conflict: Conflict
    override: Override
    details: dict = field(default_factory=dict, compare=False)  # numbers and names the message is made of


@dataclass(frozen=True)
class ShiftSpan:
    start: datetime
    end: datetime
    break_start: datetime | None = None
    break_end: datetime | None = None


@dataclass(frozen=True)
class BookedVisit:
    appointment_id: uuid.UUID
    start: datetime
    end: datetime
    position: tuple[float, float] | None
    label: str = ""  # order numbers, for messages


@dataclass(frozen=True)
class TechnicianDay:
    """A technician's facts around the proposed time: shifts and the other visits booked."""

    technician_id: uuid.UUID
    skills: frozenset[str]
    region_id: uuid.UUID
    active: bool
    home: tuple[float, float] | None
    shifts: tuple[ShiftSpan, ...]
    visits: tuple[BookedVisit, ...]  # sorted by start; never the visit being checked
    position: Fix | None = None  # where the field app last saw them, when that is fresh (candidates' drives)

    def without(self, appointment_id: uuid.UUID | None) -> TechnicianDay:
        if appointment_id is None:
            return self
        return replace(self, visits=tuple(v for v in self.visits if v.appointment_id != appointment_id))


@dataclass(frozen=True)
class ProposedVisit:
    appointment_id: uuid.UUID | None
    start: datetime
    minutes: int
    position: tuple[float, float] | None
    skills: frozenset[str]
    region_id: uuid.UUID
    window: tuple[datetime, datetime] | None  # the arrival window agreed with the customer
    due_at: datetime | None  # the earliest SLA deadline among the visit's orders
    locked: bool = False
    closed: bool = False

    @property
    def end(self) -> datetime:
        return self.start + timedelta(minutes=self.minutes)


@dataclass(frozen=True)
class Travel:
    """Great-circle distance stretched by a road factor, at an average speed."""

    road_factor: float = 1.3
    speed_kmh: float = 30.0

    def metres(self, a: tuple[float, float] | None, b: tuple[float, float] | None) -> float | None:
        if a is None or b is None:
            return None
        return great_circle_m(a[0], a[1], b[0], b[1]) * self.road_factor

    def duration(self, a: tuple[float, float] | None, b: tuple[float, float] | None) -> timedelta:
        """Travel time; zero when either end has no position (nothing can be said)."""
        metres = self.metres(a, b)
        return timedelta(0) if metres is None else timedelta(hours=metres / 1000 / self.speed_kmh)


def check_visit(visit: ProposedVisit, day: TechnicianDay, travel: Travel, now: datetime) -> list[Finding]:
    """Everything that speaks against `visit` on `day`, most serious first."""
    day = day.without(visit.appointment_id)
    start, end = visit.start, visit.end
    found: list[Finding] = []

    def add(conflict: Conflict, **details) -> None:
        found.append(Finding(conflict, OVERRIDE[conflict], details))

    if not day.active:
        add(Conflict.TECHNICIAN_INACTIVE)
    if visit.closed:
        add(Conflict.ORDER_CLOSED)
    if visit.locked:
        add(Conflict.LOCKED)
    if start < now - PAST_GRACE:
        add(Conflict.IN_PAST)
    overlapping = [v for v in day.visits if v.start < end and v.end > start]
    for other in overlapping:
        add(Conflict.OVERLAP, other=other.label, start=other.start, end=other.end)
    missing = visit.skills - day.skills
    if missing:
        add(Conflict.MISSING_SKILL, skills=sorted(missing))
    if visit.due_at is not None and end > visit.due_at:
        conflict = Finding(Conflict.SLA_BREACH, Override.DISPATCHER if visit.due_at <= now else Override.SUPERVISOR,
                           {"due_at": visit.due_at, "late_minutes": int((end - visit.due_at).total_seconds() // 60)})
        found.append(conflict)
    shift = next((s for s in day.shifts if s.start <= start and end <= s.end), None)
    if shift is None:
        add(Conflict.OUTSIDE_SHIFT, shifts=[(s.start, s.end) for s in day.shifts])
    elif shift.break_start is not None and shift.break_end is not None and shift.break_start < end and shift.break_end > start:
        add(Conflict.ON_BREAK, start=shift.break_start, end=shift.break_end)
    if not overlapping:
        found.extend(_travel_findings(visit, day, travel, shift))
    if day.region_id != visit.region_id:
        add(Conflict.OTHER_REGION)
    if visit.window is not None and not (visit.window[0] <= start <= visit.window[1]):
        add(Conflict.OUTSIDE_WINDOW, window_start=visit.window[0], window_end=visit.window[1])
    return found


def _travel_findings(visit: ProposedVisit, day: TechnicianDay, travel: Travel, shift: ShiftSpan | None) -> list[Finding]:
    before = [v for v in day.visits if v.end <= visit.start]
    after = [v for v in day.visits if v.start >= visit.end]
    legs = []
    if before:
        prev = before[-1]
        legs.append((prev.label, prev.position, visit.position, visit.start - prev.end))
    elif shift is not None and day.home is not None:
        legs.append(("", day.home, visit.position, visit.start - shift.start))  # from home at the shift's start
    if after:
        nxt = after[0]
        legs.append((nxt.label, visit.position, nxt.position, nxt.start - visit.end))
    found = []
    for label, a, b, gap in legs:
        needed = travel.duration(a, b)
        if needed > gap:
            found.append(Finding(Conflict.TRAVEL_INFEASIBLE, Override.DISPATCHER, {
                "other": label, "needed_minutes": _minutes(needed), "gap_minutes": max(0, _minutes(gap)),
            }))
    return found


def _minutes(delta: timedelta) -> int:
    return int(-(-delta.total_seconds() // 60))


@dataclass(frozen=True)
class Verdict:
    allowed: bool  # may this user commit it at all (given a reason where one is needed)
    needs_reason: bool
    needs_reschedule: bool  # the customer's window changes: a reschedule reason and how they were reached
    blocking: tuple[Finding, ...]  # what stops this user


def verdict(findings: list[Finding], role: Role) -> Verdict:
    supervisor = may_supervise(Role(role))
    blocking = tuple(
        f for f in findings
        if f.override is Override.NEVER or (f.override is Override.SUPERVISOR and not supervisor)
    )
    needs_reason = any(f.override in (Override.DISPATCHER, Override.SUPERVISOR) for f in findings)
    needs_reschedule = any(f.override is Override.RESCHEDULE for f in findings)
    return Verdict(not blocking, needs_reason, needs_reschedule, blocking)
