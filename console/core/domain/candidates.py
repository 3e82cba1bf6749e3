"""Who should take this order: technicians ranked with the score's parts and what stands against each."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from console.core.domain.booking_rules import Conflict, ProposedVisit, TechnicianDay, Travel, check_visit

# Points each part of the score can give; they add up to 100.
WEIGHTS = {"skills": 30, "distance": 25, "load": 20, "urgency": 15, "region": 10}
DISTANCE_ZERO_KM = 30.0  # farther than this from the previous job earns no distance points
SLOT_STEP = timedelta(minutes=5)
BUSY_LOAD = 0.8  # share of the working time already booked
# A slot may only have these against it: the rest are about the technician, scored and flagged.
SLOT_BLOCKERS = frozenset({Conflict.OVERLAP, Conflict.OUTSIDE_SHIFT, Conflict.ON_BREAK, Conflict.TRAVEL_INFEASIBLE,
                           Conflict.IN_PAST, Conflict.OUTSIDE_WINDOW})


class Flag(StrEnum):
    MISSING_SKILL = "missing_skill"
    NO_SLOT = "no_slot"  # no free time in the window (or that day)
    SLA_BREACH = "sla_breach"  # the earliest slot finishes after the deadline
    OTHER_REGION = "other_region"
    BUSY_DAY = "busy_day"  # already booked for most of the shift
    OFF_SHIFT = "off_shift"  # no shift at all in the time searched


class Unfit(StrEnum):
    """Why a technician cannot take the order: the rows the assign dialog greys, most telling first."""

    MISSING_SKILL = "missing_skill"
    OTHER_REGION = "other_region"
    OFF_SHIFT = "off_shift"
    NO_SLOT = "no_slot"  # on shift, but booked full (only when a visit is to be booked)


@dataclass(frozen=True)
class ScorePart:
    name: str  # a key of WEIGHTS
    points: float
    detail: dict


@dataclass(frozen=True)
class Candidate:
    technician_id: uuid.UUID
    score: float
    parts: tuple[ScorePart, ...]
    flags: frozenset[Flag]
    slot: datetime | None  # the earliest start that fits, if any
    distance_km: float | None  # from the previous job, or home
    travel_minutes: int | None = None  # the drive from there, by the travel model

    @property
    def feasible(self) -> bool:
        return self.slot is not None and Flag.MISSING_SKILL not in self.flags


def unfit(candidate: Candidate, booking: bool = True) -> tuple[Unfit, ...]:
    """Why `candidate` cannot take the order; empty when they can. Without a visit to book, a
    technician on shift but booked full may still take the order."""
    flags = candidate.flags
    reasons = [reason for flag, reason in ((Flag.MISSING_SKILL, Unfit.MISSING_SKILL), (Flag.OTHER_REGION, Unfit.OTHER_REGION),
                                           (Flag.OFF_SHIFT, Unfit.OFF_SHIFT)) if flag in flags]
    if booking and Flag.NO_SLOT in flags and Flag.OFF_SHIFT not in flags:
        reasons.append(Unfit.NO_SLOT)
    return tuple(reasons)


def rank_key(candidate: Candidate, booking: bool = True) -> tuple:
    """Those who can take it first; among them the earliest start, then the shortest drive, then the score."""
    never = datetime.max.replace(tzinfo=UTC)
    travel = candidate.travel_minutes if candidate.travel_minutes is not None else 1 << 30
    return bool(unfit(candidate, booking)), candidate.slot or never, travel, -candidate.score


def earliest_slot(visit: ProposedVisit, day: TechnicianDay, travel: Travel, now: datetime,
                  not_after: datetime | None = None) -> datetime | None:
    """The first start, on a 5-minute step, where the visit fits between the technician's other
    visits inside a shift (travel included) and inside the customer's window."""
    day = day.without(visit.appointment_id)
    lower = max(now, visit.window[0]) if visit.window else now
    upper = visit.window[1] if visit.window else not_after
    starts = {lower, *(s.start for s in day.shifts), *(s.break_end for s in day.shifts if s.break_end)}
    for other in day.visits:
        starts.add(other.end + travel.duration(other.position, visit.position))
    for start in sorted(_round_up(s) for s in starts if s >= lower):
        if upper is not None and start > upper:
            break
        trial = replace(visit, start=start, due_at=None, locked=False, closed=False)
        if not any(f.conflict in SLOT_BLOCKERS for f in check_visit(trial, _same_region(day, visit), travel, now)):
            return start
    return None


def rank(visit: ProposedVisit, days: list[TechnicianDay], travel: Travel, now: datetime,
         not_after: datetime | None = None) -> list[Candidate]:
    """Every technician scored for `visit`, in `rank_key` order: those who can take it by the
    earliest start (which also finishes soonest before the deadline), ties by the drive."""
    ranked = [_candidate(visit, day, travel, now, not_after) for day in days if day.active]
    ranked.sort(key=rank_key)
    return ranked


def _candidate(visit: ProposedVisit, day: TechnicianDay, travel: Travel, now: datetime, not_after: datetime | None) -> Candidate:
    flags: set[Flag] = set()
    missing = visit.skills - day.skills
    if missing:
        flags.add(Flag.MISSING_SKILL)
    slot = earliest_slot(visit, day, travel, now, not_after)
    if slot is None:
        flags.add(Flag.NO_SLOT)
        if not _on_shift(visit, day, now, not_after):
            flags.add(Flag.OFF_SHIFT)
    anchor = slot or (visit.window[0] if visit.window else now)
    previous = [v for v in day.visits if v.appointment_id != visit.appointment_id and v.end <= anchor and v.position]
    origin, start_from = drive_origin(day, previous, anchor, now)
    metres = travel.metres(origin, visit.position)
    km = None if metres is None else metres / 1000
    drive = None if metres is None else _ceil_minutes(travel.duration(origin, visit.position))
    shift_minutes = sum(_working_minutes(s) for s in day.shifts)
    booked = sum((v.end - v.start).total_seconds() / 60 for v in day.visits if v.appointment_id != visit.appointment_id)
    load = booked / shift_minutes if shift_minutes else 1.0
    if load >= BUSY_LOAD:
        flags.add(Flag.BUSY_DAY)
    if day.region_id != visit.region_id:
        flags.add(Flag.OTHER_REGION)
    urgency = 1.0
    if visit.due_at is not None:
        finish = (slot or anchor) + timedelta(minutes=visit.minutes)
        if slot is not None and finish > visit.due_at:
            flags.add(Flag.SLA_BREACH)
        room = max(timedelta(hours=1), visit.due_at - now)
        urgency = 0.0 if slot is None else min(1.0, max(0.0, (visit.due_at - finish) / room))
    parts = (
        ScorePart("skills", 0.0 if missing else WEIGHTS["skills"], {"missing": sorted(missing)}),
        ScorePart("distance", 0.0 if km is None else WEIGHTS["distance"] * max(0.0, 1 - km / DISTANCE_ZERO_KM),
                  {"km": km, "from_home": start_from == "home", "from_position": start_from == "position",
                   "position_at": day.position.at if start_from == "position" else None, "minutes": drive,
                   "zero_km": DISTANCE_ZERO_KM}),
        ScorePart("load", WEIGHTS["load"] * max(0.0, 1 - load), {"booked_minutes": int(booked), "shift_minutes": int(shift_minutes)}),
        ScorePart("urgency", WEIGHTS["urgency"] * urgency,
                  {"slot": slot, "due_at": visit.due_at, "finish": (slot + timedelta(minutes=visit.minutes)) if slot else None}),
        ScorePart("region", WEIGHTS["region"] if day.region_id == visit.region_id else 0.0, {}),
    )
    return Candidate(day.technician_id, round(sum(p.points for p in parts), 1), parts, frozenset(flags), slot, km, drive)


def drive_origin(day: TechnicianDay, previous: list, anchor: datetime, now: datetime) -> tuple[tuple[float, float] | None, str]:
    """Where the drive to a visit at `anchor` starts, and what that is ("visit", "position", "home"):
    the last visit before it; for a slot in the shift under way, where the field app last saw the
    technician (a fresh position) unless a visit ending after that fix comes first; otherwise home."""
    fix = day.position
    if fix is not None and any(s.start <= now < s.end and anchor < s.end for s in day.shifts):
        later = [v for v in previous if v.end > fix.at]
        return (later[-1].position, "visit") if later else ((fix.latitude, fix.longitude), "position")
    return (previous[-1].position, "visit") if previous else (day.home, "home")


def _on_shift(visit: ProposedVisit, day: TechnicianDay, now: datetime, not_after: datetime | None) -> bool:
    """Whether any of the technician's shifts falls in the time searched (the window, or now to the limit)."""
    lower = max(now, visit.window[0]) if visit.window else now
    upper = visit.window[1] if visit.window else not_after
    return any(s.end > lower and (upper is None or s.start <= upper) for s in day.shifts)


def _ceil_minutes(delta: timedelta) -> int:
    return int(-(-delta.total_seconds() // 60))


def _same_region(day: TechnicianDay, visit: ProposedVisit) -> TechnicianDay:
    """The slot search looks at time only; skills and region are scored, not searched."""
    return replace(day, region_id=visit.region_id, skills=day.skills | visit.skills)


def _working_minutes(shift) -> float:
    minutes = (shift.end - shift.start).total_seconds() / 60
    if shift.break_start is not None and shift.break_end is not None:
        minutes -= (shift.break_end - shift.break_start).total_seconds() / 60
    return minutes


def _round_up(moment: datetime) -> datetime:
    step = SLOT_STEP.total_seconds()
    seconds = moment.timestamp()
    return moment + timedelta(seconds=(-seconds) % step)
