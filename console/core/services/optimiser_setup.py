"""A region's days as the batch optimiser's routing problem, and the lines a proposal is made of.

What the solver may move: booked visits that are neither pinned nor under way, and open orders
still waiting for a visit (orders of one site go as one visit when one technician can do them
all; an order already dispatched to or accepted by a technician stays with that technician;
orders whose visit is booked on another day are planned there, not here).
Pinned visits, visits starting within FIXED_AHEAD and visits with the technician on site stay
where they are; the plan works around them. Every order the run looks at is either a job or a
line saying why it is left out. Times are whole minutes, travel rounded up to the minute, so
every line the solver finds feasible is feasible for the booking rules too.
"""

from __future__ import annotations

import math
import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import StrEnum

import numpy as np

from console.core.domain.booking_rules import Finding, Travel
from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import AppointmentStatus, Band, CustomerLevel
from console.core.domain.lifecycle import assign_refusal
from console.core.domain.priority import Priorities
from console.core.domain.sla import SlaParameters
from console.core.domain.sla_clock import band_at, running_deadline
from console.core.planning import Job, Pinned, Problem, UnplannedReason, Vehicle, unplannable
from console.core.planning.travel import great_circle_matrix_m
from console.core.services.appointments import PlanBasis, PlanStep
from console.core.services.planning import joint_minutes
from console.core.store.planning_query import PlanData, PlanOrder, PlanVisit

MINUTE = 60
FIXED_AHEAD = timedelta(minutes=15)  # a visit starting sooner than this is under way: it stays
NEW_WINDOW = timedelta(hours=2)  # the window a new proposed visit offers the customer
MIN_SHIFT_LEFT = timedelta(minutes=30)  # less of a shift than this left: nobody is planned into it
BOOKED_DROP_FACTOR = 100  # dropping a booked visit from its technician costs this many unplanned orders
MOVABLE = frozenset({AppointmentStatus.PROPOSED, AppointmentStatus.CONFIRMED, AppointmentStatus.RECONFIRMED})
DEFAULT_PRIORITIES = Priorities()


class LineKind(StrEnum):
    NEW = "new"  # orders waiting without a visit: a proposed visit
    ASSIGNED = "assigned"  # a booked visit without a technician gets one
    MOVED = "moved"  # same technician, another time
    REASSIGNED = "reassigned"  # another technician
    UNCHANGED = "unchanged"
    UNPLANNED = "unplanned"  # the plan leaves it where it is (or waiting), for `reason`


class LeftOut(StrEnum):
    """Why an order never reached the solver, or why its technician could not take it."""

    NO_POSITION = "no_position"  # the site has no map position: travel cannot be planned
    PAUSED = "paused"  # its clock is paused (customer not ready, postponed): planned once resumed
    PINNED_UNASSIGNED = "pinned_unassigned"  # booked and pinned without a technician: the dispatcher's call
    STARTING_NOW = "starting_now"  # booked without a technician, starting within FIXED_AHEAD
    TECHNICIAN_ELSEWHERE = "technician_elsewhere"  # booked with a technician of another region, or not active
    ASSIGNEE_CANNOT = "assignee_cannot"  # dispatched to a technician who cannot take it in these days


@dataclass(frozen=True)
class ProposalLine:
    key: str
    kind: LineKind
    order_ids: tuple[uuid.UUID, ...]
    numbers: str
    site: str
    level: CustomerLevel
    appointment_id: uuid.UUID | None
    old_technician_id: uuid.UUID | None  # the visit's technician, or the assignee of an order without a visit
    old_start: datetime | None
    technician_id: uuid.UUID | None
    start: datetime | None
    minutes: int
    window: tuple[datetime, datetime] | None
    due_at: datetime | None
    late: bool = False
    reason: UnplannedReason | LeftOut | None = None
    findings: tuple[Finding, ...] = ()

    @property
    def changes_plan(self) -> bool:
        return self.kind in (LineKind.NEW, LineKind.ASSIGNED, LineKind.MOVED, LineKind.REASSIGNED)

    def step(self, shown: tuple[Finding, ...] | None = None) -> PlanStep:
        assert self.technician_id is not None and self.start is not None
        return PlanStep(self.key, self.technician_id, self.start, self.appointment_id, self.order_ids,
                        None if self.appointment_id else self.window,
                        None if shown is None else frozenset(f.conflict for f in shown))


@dataclass(frozen=True)
class Setup:
    """One region's days read for a run: the data, the problem made from it, and what each job is."""

    region_id: uuid.UUID | None
    now: datetime
    data: PlanData
    travel: Travel
    problem: Problem
    sources: dict[str, tuple[PlanVisit | None, tuple[PlanOrder, ...]]]  # job id: its visit (None: new), its orders
    vehicles: dict[str, uuid.UUID]  # vehicle id: technician
    pinned: frozenset[uuid.UUID]  # visits kept where they are
    left_out: tuple[ProposalLine, ...]
    basis: PlanBasis
    deadlines: dict[uuid.UUID, datetime | None]  # per order: when it misses its limit (None: paused, held)

    def due(self, orders: Iterable[PlanOrder]) -> datetime | None:
        dues = [d for o in orders if (d := self.deadlines.get(o.id)) is not None]
        return min(dues) if dues else None

    def line(self, key: str, kind: LineKind, visit: PlanVisit | None, orders: tuple[PlanOrder, ...],
             technician_id: uuid.UUID | None, start: datetime | None, reason: UnplannedReason | LeftOut | None = None,
             late: bool = False) -> ProposalLine:
        return _line(key, kind, visit, orders, technician_id, start, self.due(orders), reason, late)

    def keep(self, visit_ids: set[uuid.UUID]) -> Setup:
        """The same run with these booked visits kept where they are (their time reserved)."""
        jobs = {f"a:{v}" for v in visit_ids}
        reserved: dict[str, list[tuple[int, int]]] = defaultdict(list)
        for job in self.problem.jobs:
            if job.id in jobs and job.current is not None:
                reserved[job.current.vehicle_id].append((job.current.start_s, job.current.start_s + job.service_s))
        vehicles = tuple(replace(v, breaks=tuple(sorted((*v.breaks, *reserved[v.id])))) if v.id in reserved else v
                         for v in self.problem.vehicles)
        problem = replace(self.problem, jobs=tuple(j for j in self.problem.jobs if j.id not in jobs), vehicles=vehicles)
        sources = {k: v for k, v in self.sources.items() if k not in jobs}
        return replace(self, problem=problem, sources=sources, pinned=self.pinned | visit_ids)  # the basis still holds them


@dataclass(frozen=True)
class MinuteTravel:
    """The desk's road estimate (great circle × road factor at an average speed) with times
    rounded up to whole minutes: a gap the solver leaves is never shorter than the rules' travel."""

    road_factor: float
    speed_kmh: float

    def matrices(self, points: Sequence[tuple[float, float]]) -> tuple[np.ndarray, np.ndarray]:
        road_m = great_circle_matrix_m(points) * self.road_factor
        minutes = np.ceil(road_m / (self.speed_kmh * 1000 / 60) + 1e-6)
        np.fill_diagonal(minutes, 0)
        return np.rint(road_m).astype(np.int64), (minutes * MINUTE).astype(np.int64)


@dataclass
class _Shift:
    """A vehicle in the making: one technician's shift, from now (or after the visits under way)."""

    id: str
    technician_id: uuid.UUID
    lo: int
    hi: int
    home: tuple[float, float]
    breaks: list[tuple[int, int]]
    start_at: tuple[float, float]

    def vehicle(self, skills: frozenset[str]) -> Vehicle:
        lo = self.lo
        for bs, be in sorted(self.breaks):  # a shift that starts inside a break starts when the break ends
            if bs <= lo < be:
                lo = _ceil_minute(be)
        breaks = tuple(b for b in self.breaks if b[1] > lo)
        return Vehicle(self.id, str(self.technician_id), skills, self.start_at, self.home, (lo, max(lo, self.hi)), breaks)


def technician_skill(technician_id: uuid.UUID) -> str:
    """A skill only this technician has: an order already dispatched to them needs it."""
    return f"technician:{technician_id}"


def setup(data: PlanData, region_id: uuid.UUID | None, start: datetime, end: datetime, travel: Travel, now: datetime,
          priorities: Priorities = DEFAULT_PRIORITIES, calendar: BusinessCalendar | None = None,
          params: SlaParameters | None = None) -> Setup:
    """The routing problem for [start, end): times in seconds from `start` (local midnight)."""
    build = _Build(data, region_id, start, end, now, priorities, calendar or BusinessCalendar(), params or SlaParameters())
    for visit in data.visits:
        build.add_visit(visit)
    build.add_waiting()
    return build.setup(travel)


class _Build:
    """One run's problem in the making: the shifts with time left in the span, then a job (or a
    line saying why not) for each booked visit and each waiting order."""

    def __init__(self, data: PlanData, region_id: uuid.UUID | None, origin: datetime, end: datetime, now: datetime,
                 priorities: Priorities, calendar: BusinessCalendar, params: SlaParameters):
        self.data, self.region_id, self.origin, self.now = data, region_id, origin, now
        self.priorities, self.calendar, self.params = priorities, calendar, params
        self.now_s = _ceil_minute((now - origin).total_seconds())
        self.horizon_s = int((end - origin).total_seconds())
        self.deadlines = {o.id: running_deadline(o.sla, params) if o.sla else None for o in data.orders.values()}
        self.techs = {t.id: t for t in data.technicians}
        self.shifts = self._shifts()  # those with time left in the span
        self.by_tech: dict[uuid.UUID, list[_Shift]] = defaultdict(list)
        for shift in self.shifts:
            self.by_tech[shift.technician_id].append(shift)
        self.jobs: list[Job] = []
        self.sources: dict[str, tuple[PlanVisit | None, tuple[PlanOrder, ...]]] = {}
        self.pinned: set[uuid.UUID] = set()
        self.left_out: list[ProposalLine] = []
        self.in_visits: set[uuid.UUID] = set()

    def s(self, moment: datetime) -> int:
        return int((moment - self.origin).total_seconds())

    def _shifts(self) -> list[_Shift]:
        techs = self.techs
        positions = [o.position for o in self.data.orders.values() if o.position] + [t.home for t in techs.values() if t.home]
        centre = (float(np.mean([p[0] for p in positions])), float(np.mean([p[1] for p in positions]))) if positions else (0.0, 0.0)
        shifts: list[_Shift] = []
        for k, shift in enumerate(self.data.shifts):
            tech = techs.get(shift.technician_id)
            lo, hi = max(self.s(shift.start), self.now_s, 0), min(self.s(shift.end), self.horizon_s)
            if tech is None or hi - lo < MIN_SHIFT_LEFT.total_seconds():
                continue
            breaks = [(self.s(shift.break_start), self.s(shift.break_end))] if shift.break_start and shift.break_end else []
            home = tech.home or centre
            shifts.append(_Shift(f"{tech.id}/{k}", tech.id, lo, hi, home, breaks, home))
        return shifts

    def _band(self, orders: tuple[PlanOrder, ...]) -> Band:
        found = [band_at(o.sla, self.calendar, self.params, self.now) for o in orders if o.sla is not None]
        return max(found, key=list(Band).index) if found else Band.GREEN

    def _due(self, orders: tuple[PlanOrder, ...]) -> datetime | None:
        return min((d for o in orders if (d := self.deadlines[o.id]) is not None), default=None)

    def _job(self, job_id: str, position, minutes: int, orders: tuple[PlanOrder, ...], windows, keep_assignee: bool = True) -> Job:
        level, band, due = max((o.level for o in orders), key=_level_rank), self._band(orders), self._due(orders)
        return Job(job_id, position, minutes * MINUTE, windows, _needs(orders, keep_assignee), self.s(due) if due else None,
                   self.priorities.miss_penalty(level, band), self.priorities.drop_penalty(level, band))

    def _leave(self, key: str, visit: PlanVisit | None, orders: tuple[PlanOrder, ...], why: LeftOut) -> None:
        self.left_out.append(_line(key, LineKind.UNPLANNED, visit, orders, visit.technician_id if visit else None,
                                   visit.start if visit else None, self._due(orders), why))

    def add_visit(self, visit: PlanVisit) -> None:
        """A booked visit: a job the solver may move, a fixed job, reserved time, or a line left out."""
        orders = tuple(self.data.orders[o] for o in visit.order_ids if o in self.data.orders)
        self.in_visits.update(visit.order_ids)
        ours = self.region_id is None or any(o.region_id == self.region_id for o in orders)
        job_id = f"a:{visit.id}"
        v0, v1 = self.s(visit.start), self.s(visit.end)
        now, by_tech = self.now, self.by_tech
        if not orders:  # nothing open left on it, but its time is still booked
            if visit.technician_id in self.techs and visit.end > now:
                _reserve(visit, v0, v1, by_tech[visit.technician_id])
            return
        if visit.technician_id is not None and visit.technician_id not in self.techs:
            if ours:
                self._leave(job_id, visit, orders, LeftOut.TECHNICIAN_ELSEWHERE)
            return
        if visit.status not in MOVABLE:  # the technician is on site (kept): their time until it ends is taken
            if visit.technician_id is not None and visit.end > now:
                _reserve(visit, v0, v1, by_tech[visit.technician_id])
            return
        if visit.technician_id is None and not ours:
            return
        # an order worked on or resolved may not go to another technician (lifecycle.assign_refusal): its visit stays
        fixed = visit.locked or visit.start < now + FIXED_AHEAD or any(assign_refusal(o.status) is not None for o in orders)
        booked = visit.technician_id is not None
        in_shift = booked and any(sh.lo <= v0 and v1 <= sh.hi for sh in by_tech[visit.technician_id])
        if booked and (fixed or visit.position is None or not in_shift):
            # stays where it is (pinned, under way, no position, or outside the shifts planned): a
            # fixed job on its shift, or time nobody else may use
            self.pinned.add(visit.id)
            if _keep(visit, job_id, v0, v1, by_tech[visit.technician_id], self.jobs, self.priorities):
                self.sources[job_id] = (visit, orders)
        elif fixed:
            self._leave(job_id, visit, orders, LeftOut.PINNED_UNASSIGNED if visit.locked else LeftOut.STARTING_NOW)
        elif visit.position is None:
            self._leave(job_id, visit, orders, LeftOut.NO_POSITION)
        else:
            new = self._job(job_id, visit.position, visit.minutes, orders, ((self.s(visit.window_start), self.s(visit.window_end)),),
                            keep_assignee=not booked)
            if booked:  # a technician's booked visit is a promise: the plan starts from it, moves it if that
                # helps, and drops it only when it cannot stay
                shift = next(sh for sh in by_tech[visit.technician_id] if sh.lo <= v0 and v1 <= sh.hi)
                new = replace(new, drop_penalty=BOOKED_DROP_FACTOR * new.drop_penalty, current=Pinned(shift.id, v0))
            self.jobs.append(new)
            self.sources[job_id] = (visit, orders)

    def add_waiting(self) -> None:
        """The orders waiting without a visit (after the visits: an order in one is not waiting
        here): one job per site when one technician can do them all, else one per order."""
        waiting_by_site: dict[uuid.UUID, list[PlanOrder]] = defaultdict(list)
        for order_id in self.data.waiting:
            order = self.data.orders[order_id]
            if order_id in self.in_visits or (self.region_id is not None and order.region_id != self.region_id):
                continue
            key = f"o:{order.id}"
            if order.appointment_id is not None:
                continue  # its visit is booked on another day: planned there
            if order.sla is not None and order.sla.paused_since is not None:
                self._leave(key, None, (order,), LeftOut.PAUSED)
            elif order.position is None:
                self._leave(key, None, (order,), LeftOut.NO_POSITION)
            else:
                waiting_by_site[order.site_id].append(order)
        skill_sets = [self.techs[t].skills | {technician_skill(t)} for t in self.by_tech]
        for orders in waiting_by_site.values():
            together = len(orders) > 1 and any(_needs(tuple(orders)) <= have for have in skill_sets)
            groups = [orders] if together else [[o] for o in orders]
            for group in groups:
                job_id = "o:" + ",".join(str(o.id) for o in group)
                self.jobs.append(self._job(job_id, group[0].position, joint_minutes(list(group)), tuple(group), ()))
                self.sources[job_id] = (None, tuple(group))

    def setup(self, travel: Travel) -> Setup:
        """The problem of the jobs and the shifts still long enough, and the run's setup made of it."""
        techs, sources = self.techs, self.sources
        vehicles = [shift.vehicle(techs[shift.technician_id].skills | {technician_skill(shift.technician_id)}) for shift in self.shifts
                    if shift.hi - shift.lo >= MIN_SHIFT_LEFT.total_seconds()]
        problem = Problem(self.origin, tuple(self.jobs), tuple(vehicles), MinuteTravel(travel.road_factor, travel.speed_kmh))
        made = Setup(self.region_id, self.now, self.data, travel, problem, sources, {v.id: uuid.UUID(v.technician_id) for v in vehicles},
                     frozenset(self.pinned), tuple(self.left_out), _basis(sources), self.deadlines)
        # booked visits no plan can hold (their technician's trip there alone is not feasible, say) stay where they are
        stuck = {job.id for job in problem.jobs if job.current is not None} & set(unplannable(problem))
        return made.keep({sources[j][0].id for j in stuck}) if stuck else made


def _needs(orders: tuple[PlanOrder, ...], keep_assignee: bool = True) -> frozenset[str]:
    """The skills a visit for these orders needs; with `keep_assignee`, an order already dispatched
    to a technician needs that technician."""
    return frozenset().union(*(o.skills for o in orders),
                             *({technician_skill(o.assignee_id)} for o in orders if o.assignee_id and keep_assignee))


def _basis(sources: dict[str, tuple[PlanVisit | None, tuple[PlanOrder, ...]]]) -> PlanBasis:
    return PlanBasis({v.id: v.version for v, _orders in sources.values() if v is not None},
                     {o.id: o.version for _v, orders in sources.values() for o in orders})


def _keep(visit: PlanVisit, job_id: str, v0: int, v1: int, shifts: list[_Shift], jobs: list[Job], priorities: Priorities) -> bool:
    """A visit that stays: a pinned job on its shift (True), or time nobody else may use."""
    shift = next((sh for sh in shifts if sh.lo <= v0 and v1 <= sh.hi), None)
    if shift is not None and visit.position is not None:
        jobs.append(Job(job_id, visit.position, v1 - v0, pinned=Pinned(shift.id, v0),
                        drop_penalty=10 * priorities.drop_penalty(CustomerLevel.KEY, Band.BREACHED)))
        return True
    _reserve(visit, v0, v1, shifts)
    return False


def _reserve(visit: PlanVisit, v0: int, v1: int, shifts: list[_Shift]) -> None:
    """The visit's time taken on the shifts it overlaps; the technician leaves from a visit under way when it ends."""
    for sh in shifts:
        if not (v0 < sh.hi and v1 > sh.lo):
            continue
        if v0 <= sh.lo:  # under way when the shift's planning starts
            sh.lo = max(sh.lo, _ceil_minute(v1))
            sh.start_at = visit.position or sh.start_at
        else:
            sh.breaks.append((v0, v1))


def _level_rank(level: CustomerLevel) -> int:
    return -list(CustomerLevel).index(level)  # highest first in the enum


def _ceil_minute(seconds: float) -> int:
    return int(math.ceil(seconds / MINUTE - 1e-9)) * MINUTE


def _line(key: str, kind: LineKind, visit: PlanVisit | None, orders: tuple[PlanOrder, ...], technician_id: uuid.UUID | None,
          start: datetime | None, due: datetime | None, reason: UnplannedReason | LeftOut | None = None,
          late: bool = False) -> ProposalLine:
    minutes = visit.minutes if visit is not None else joint_minutes(list(orders))
    if visit is not None:
        window = (visit.window_start, visit.window_end)
    else:
        window = (start, start + NEW_WINDOW) if start is not None else None
    assignee = next((o.assignee_id for o in orders if o.assignee_id), None)
    return ProposalLine(
        key, kind, tuple(o.id for o in orders), " ".join(o.number for o in orders), orders[0].site if orders else "",
        max((o.level for o in orders), key=_level_rank), visit.id if visit else None,
        visit.technician_id if visit and visit.technician_id else assignee, visit.start if visit else None, technician_id, start,
        minutes, window,
        due, late, reason,
    )
