"""The batch optimiser at the desk: a region's days become a routing problem, the solver's plan
comes back as a proposal (a diff against the current plan, each line judged by the booking
rules as they will stand afterwards), and the lines the dispatcher keeps are written in one
transaction, only if nothing the plan was made from changed meanwhile.

What the solver may move: booked visits that are neither pinned nor under way, and open orders
still waiting for a visit (orders of one site go as one visit when one technician can do them
all). Pinned visits, and visits starting within FIXED_AHEAD, stay where they are; the plan works
around them. Times are whole minutes, travel rounded up to the minute, so every line the solver
finds feasible is feasible for the booking rules too.
"""

from __future__ import annotations

import math
import threading
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import StrEnum

import numpy as np

from console.domain.booking_rules import Finding, Travel, check_visit, verdict
from console.domain.enums import AppointmentStatus, Band, CustomerLevel, Role
from console.domain.priority import Priorities
from console.planning import Job, Pinned, Plan, Problem, UnplannedReason, Vehicle, solve, unplannable
from console.planning.travel import great_circle_matrix_m
from console.services.appointments import AppointmentBook, PlanBasis, PlanCommit, PlanStep
from console.services.planning import joint_minutes, technician_days, travel_model, visit_of
from console.store.database import Database
from console.store.planning_query import PlanData, PlanOrder, PlanVisit, plan_data, regions
from console.store.rows import DeskUser
from console.store.rules import load_priorities

MINUTE = 60
MAX_DAYS = 3  # a run plans at most this many days
FIXED_AHEAD = timedelta(minutes=15)  # a visit starting sooner than this is under way: it stays
NEW_WINDOW = timedelta(hours=2)  # the window a new proposed visit offers the customer
MIN_SHIFT_LEFT = timedelta(minutes=30)  # less of a shift than this left: nobody is planned into it
BOOKED_DROP_FACTOR = 100  # dropping a booked visit from its technician costs this many unplanned orders
MOVABLE = frozenset({AppointmentStatus.PROPOSED, AppointmentStatus.CONFIRMED, AppointmentStatus.RECONFIRMED})
ORIGIN = "optimiser"
DEFAULT_PRIORITIES = Priorities()


class LineKind(StrEnum):
    NEW = "new"  # orders waiting without a visit: a proposed visit
    ASSIGNED = "assigned"  # a booked visit without a technician gets one
    MOVED = "moved"  # same technician, another time
    REASSIGNED = "reassigned"  # another technician
    UNCHANGED = "unchanged"
    UNPLANNED = "unplanned"  # the plan leaves it where it is (or waiting), for `reason`


class LeftOut(StrEnum):
    """Why an order never reached the solver."""

    NO_POSITION = "no_position"  # the site has no map position: travel cannot be planned


@dataclass(frozen=True)
class ProposalLine:
    key: str
    kind: LineKind
    order_ids: tuple[uuid.UUID, ...]
    numbers: str
    site: str
    level: CustomerLevel
    appointment_id: uuid.UUID | None
    old_technician_id: uuid.UUID | None
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

    def step(self) -> PlanStep:
        assert self.technician_id is not None and self.start is not None
        return PlanStep(self.key, self.technician_id, self.start, self.appointment_id, self.order_ids,
                        None if self.appointment_id else self.window)


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


@dataclass
class Proposal:
    """The solver's plan as a diff against the current one.

    Lines depend on each other (a new visit takes the slot a moved one leaves), so a part of the
    plan is judged as it would stand with just that part: `judge(keys)`. Committed lines become
    part of the current plan (`applied`), and `basis` takes the versions the commit wrote."""

    setup: Setup
    plan: Plan
    lines: list[ProposalLine]  # every line, committed ones included; findings: the whole plan standing
    current_km: float
    proposed_km: float
    current_late: int
    proposed_late: int
    applied: set[str] = field(default_factory=set)
    basis: PlanBasis = field(init=False)

    def __post_init__(self) -> None:
        self.basis = self.setup.basis
        self._by_key = {line.key: line for line in self.lines}

    @property
    def pinned(self) -> int:
        return len(self.setup.pinned)

    @property
    def current_visits(self) -> int:
        """Visits of the run with a technician now (the routes current_km drives)."""
        return sum(1 for visit, _orders in self.setup.sources.values() if visit is not None and visit.technician_id is not None)

    @property
    def proposed_visits(self) -> int:
        return self.plan.planned_count

    def line(self, key: str) -> ProposalLine:
        return self._by_key[key]

    def open_lines(self) -> list[ProposalLine]:
        """The lines not committed yet."""
        return [line for line in self.lines if line.key not in self.applied]

    def counts(self) -> dict[LineKind, int]:
        counted: dict[LineKind, int] = defaultdict(int)
        for line in self.open_lines():
            counted[line.kind] += 1
        return counted

    def judge(self, keys: set[str], now: datetime | None = None) -> dict[str, tuple[Finding, ...]]:
        """What the booking rules say of each of these lines once they, and the lines already
        committed, stand and the rest of the plan stays as it is now."""
        return _judge(self.setup, self._by_key, self.applied, keys, now or self.setup.now)

    def selectable(self, role: Role, keys: set[str] | None = None) -> tuple[set[str], dict[str, tuple[Finding, ...]]]:
        """The largest part of `keys` (default: every open changing line) that this role may commit
        together, and its findings: lines the role may not commit are left out, then the lines that
        only worked beside them, until what remains holds."""
        chosen = set(keys) if keys is not None else {line.key for line in self.open_lines() if line.changes_plan}
        chosen = {k for k in chosen if k not in self.applied and self._by_key[k].changes_plan}
        while True:
            findings = self.judge(chosen)
            bad = {k for k in chosen if not verdict(list(findings[k]), role).allowed}
            if not bad:
                return chosen, findings
            chosen -= bad

    @staticmethod
    def needs_reason(findings: dict[str, tuple[Finding, ...]]) -> bool:
        return any(verdict(list(f), Role.ADMIN).needs_reason for f in findings.values())

    def committed(self, result: PlanCommit, keys: set[str]) -> None:
        self.applied |= keys
        written = result.versions
        self.basis = PlanBasis({**self.basis.appointments, **{k: v for k, v in written.items() if k in self.basis.appointments}},
                               {**self.basis.orders, **{k: v for k, v in written.items() if k in self.basis.orders}})


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


class Optimiser:
    def __init__(self, database: Database, book: AppointmentBook, user: DeskUser):
        self._database, self._book, self.user = database, book, user

    def regions(self) -> list[tuple[uuid.UUID, str, str]]:
        with self._database.reading() as session:
            return regions(session)

    def read(self, region_id: uuid.UUID | None, start: datetime, end: datetime, now: datetime) -> Setup:
        """The region's technicians, shifts, visits and waiting orders over [start, end)."""
        if self.user.role is Role.DISPATCHER and region_id != self.user.region_id:
            raise PermissionError("a dispatcher plans their own region only")
        if not timedelta(hours=1) <= end - start <= timedelta(days=MAX_DAYS):
            raise ValueError(f"a run covers between one hour and {MAX_DAYS} days")
        with self._database.reading() as session:
            travel, priorities = travel_model(session), load_priorities(session)
            data = plan_data(session, region_id, start - timedelta(hours=12), end)
        return setup(data, region_id, start, end, travel, now, priorities)

    def run(self, job: Setup, time_limit_s: float, progress: Callable[[float, float, int | None], None] | None = None,
            cancel: threading.Event | None = None) -> Proposal:
        plan = solve(job.problem, time_limit_s=time_limit_s, progress=progress, cancel=cancel)
        return proposal(job, plan)

    def write(self, proposal: Proposal, lines: Sequence[ProposalLine], reason: str = "") -> PlanCommit:
        """Write the lines (all or none); the proposal itself is left as it is (safe off the GUI thread)."""
        return self._book.apply_plan([line.step() for line in lines], proposal.basis, reason, ORIGIN)

    def commit(self, proposal: Proposal, lines: Sequence[ProposalLine], reason: str = "") -> PlanCommit:
        """Write the lines and, when written, mark them committed in the proposal."""
        result = self.write(proposal, lines, reason)
        if result.ok:
            proposal.committed(result, {line.key for line in lines})
        return result


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
        return Vehicle(self.id, str(self.technician_id), skills, self.start_at, self.home, (self.lo, self.hi), tuple(self.breaks))


def setup(data: PlanData, region_id: uuid.UUID | None, start: datetime, end: datetime, travel: Travel, now: datetime,
          priorities: Priorities = DEFAULT_PRIORITIES) -> Setup:
    """The routing problem for [start, end): times in seconds from `start` (local midnight)."""
    origin = start
    now_s = _ceil_minute((now - origin).total_seconds())
    horizon_s = int((end - origin).total_seconds())

    def s(moment: datetime) -> int:
        return int((moment - origin).total_seconds())

    techs = {t.id: t for t in data.technicians}
    positions = [o.position for o in data.orders.values() if o.position] + [t.home for t in techs.values() if t.home]
    centre = (float(np.mean([p[0] for p in positions])), float(np.mean([p[1] for p in positions]))) if positions else (0.0, 0.0)
    shifts: list[_Shift] = []  # those with time left in the span
    for k, shift in enumerate(data.shifts):
        tech = techs.get(shift.technician_id)
        lo, hi = max(s(shift.start), now_s, 0), min(s(shift.end), horizon_s)
        if tech is None or hi - lo < MIN_SHIFT_LEFT.total_seconds():
            continue
        breaks = [(s(shift.break_start), s(shift.break_end))] if shift.break_start and shift.break_end else []
        home = tech.home or centre
        shifts.append(_Shift(f"{tech.id}/{k}", tech.id, lo, hi, home, breaks, home))
    by_tech: dict[uuid.UUID, list[_Shift]] = defaultdict(list)
    for shift in shifts:
        by_tech[shift.technician_id].append(shift)

    jobs: list[Job] = []
    sources: dict[str, tuple[PlanVisit | None, tuple[PlanOrder, ...]]] = {}
    pinned: set[uuid.UUID] = set()
    left_out: list[ProposalLine] = []
    in_visits: set[uuid.UUID] = set()
    for visit in data.visits:
        orders = tuple(data.orders[o] for o in visit.order_ids if o in data.orders)
        in_visits.update(visit.order_ids)
        if visit.status not in MOVABLE or not orders or (visit.technician_id is not None and visit.technician_id not in techs):
            continue
        if region_id is not None and visit.technician_id is None and all(o.region_id != region_id for o in orders):
            continue
        job_id = f"a:{visit.id}"
        v0, v1 = s(visit.start), s(visit.end)
        fixed = visit.locked or visit.start < now + FIXED_AHEAD
        booked = visit.technician_id is not None
        in_shift = booked and any(sh.lo <= v0 and v1 <= sh.hi for sh in by_tech[visit.technician_id])
        if booked and (fixed or visit.position is None or not in_shift):
            # stays where it is (pinned, under way, no position, or outside the shifts planned): a
            # fixed job on its shift, or time nobody else may use
            pinned.add(visit.id)
            _keep(visit, job_id, v0, v1, by_tech[visit.technician_id], jobs, priorities)
            if jobs and jobs[-1].id == job_id:
                sources[job_id] = (visit, orders)
        elif fixed:
            continue  # booked without a technician, but pinned or about to start: the dispatcher's call
        elif visit.position is None:
            left_out.append(_line(job_id, LineKind.UNPLANNED, visit, orders, None, None, LeftOut.NO_POSITION))
        else:
            window = ((s(visit.window_start), s(visit.window_end)),)
            job = _job(job_id, visit.position, visit.minutes, orders, window, origin, now, priorities)
            if booked:  # a technician's booked visit is a promise: the plan starts from it, moves it if that
                # helps, and drops it only when it cannot stay
                shift = next(sh for sh in by_tech[visit.technician_id] if sh.lo <= v0 and v1 <= sh.hi)
                job = replace(job, drop_penalty=BOOKED_DROP_FACTOR * job.drop_penalty, current=Pinned(shift.id, v0))
            jobs.append(job)
            sources[job_id] = (visit, orders)

    waiting_by_site: dict[uuid.UUID, list[PlanOrder]] = defaultdict(list)
    for order_id in data.waiting:
        order = data.orders[order_id]
        if order.appointment_id is not None or order_id in in_visits or (region_id is not None and order.region_id != region_id):
            continue
        if order.position is None:
            left_out.append(_line(f"o:{order.id}", LineKind.UNPLANNED, None, (order,), None, None, LeftOut.NO_POSITION))
        else:
            waiting_by_site[order.site_id].append(order)
    skill_sets = [techs[t].skills for t in by_tech]
    for orders in waiting_by_site.values():
        skills = frozenset().union(*(o.skills for o in orders))
        groups = [orders] if len(orders) > 1 and any(skills <= have for have in skill_sets) else [[o] for o in orders]
        for group in groups:
            job_id = "o:" + ",".join(str(o.id) for o in group)
            jobs.append(_job(job_id, group[0].position, joint_minutes(list(group)), tuple(group), (), origin, now, priorities))
            sources[job_id] = (None, tuple(group))

    vehicles = [shift.vehicle(techs[shift.technician_id].skills) for shift in shifts if shift.hi - shift.lo >= MIN_SHIFT_LEFT.total_seconds()]
    problem = _reserve_stuck(Problem(origin, tuple(jobs), tuple(vehicles), MinuteTravel(travel.road_factor, travel.speed_kmh)),
                             sources, pinned)
    basis = PlanBasis({v.id: v.version for v, _orders in sources.values() if v is not None},
                      {o.id: o.version for _v, orders in sources.values() for o in orders})
    return Setup(region_id, now, data, travel, problem, sources, {v.id: uuid.UUID(v.technician_id) for v in vehicles},
                 frozenset(pinned), tuple(left_out), basis)


def _reserve_stuck(problem: Problem, sources: dict, kept: set[uuid.UUID]) -> Problem:
    """Booked visits no plan can hold (their technician's trip there alone is not feasible, say)
    stay where they are: their time is reserved on their technician's shift."""
    stuck = {job.id for job in problem.jobs if job.current is not None} & set(unplannable(problem))
    if not stuck:
        return problem
    reserved: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for job in problem.jobs:
        if job.id in stuck:
            reserved[job.current.vehicle_id].append((job.current.start_s, job.current.start_s + job.service_s))
            visit, _orders = sources.pop(job.id)
            kept.add(visit.id)
    vehicles = tuple(replace(v, breaks=tuple(sorted((*v.breaks, *reserved[v.id])))) if v.id in reserved else v
                     for v in problem.vehicles)
    return replace(problem, jobs=tuple(j for j in problem.jobs if j.id not in stuck), vehicles=vehicles)


def _keep(visit: PlanVisit, job_id: str, v0: int, v1: int, shifts: list[_Shift], jobs: list[Job], priorities: Priorities) -> None:
    """A visit that stays: a pinned job on its shift, or (under way, or with no position) time
    nobody else may use; the technician leaves from a visit under way when it ends."""
    shift = next((sh for sh in shifts if sh.lo <= v0 and v1 <= sh.hi), None)
    if shift is not None and visit.position is not None:
        jobs.append(Job(job_id, visit.position, v1 - v0, pinned=Pinned(shift.id, v0),
                        drop_penalty=10 * priorities.drop_penalty(CustomerLevel.KEY, Band.BREACHED)))
        return
    for sh in shifts:
        if not (v0 < sh.hi and v1 > sh.lo):
            continue
        if v0 <= sh.lo:  # under way when the shift's planning starts
            sh.lo = max(sh.lo, _ceil_minute(v1))
            sh.start_at = visit.position or sh.start_at
        else:
            sh.breaks.append((v0, v1))


def _job(job_id: str, position: tuple[float, float], minutes: int, orders: tuple[PlanOrder, ...],
         windows: tuple[tuple[int, int], ...], origin: datetime, now: datetime, priorities: Priorities) -> Job:
    level = max((o.level for o in orders), key=_level_rank)
    band = max((_band(o, now) for o in orders), key=list(Band).index)
    dues = [o.sla.times.due_at for o in orders if o.sla is not None and o.sla.paused_since is None]
    due_s = int((min(dues) - origin).total_seconds()) if dues else None
    return Job(job_id, position, minutes * MINUTE, windows, frozenset().union(*(o.skills for o in orders)),
               due_s, priorities.miss_penalty(level, band), priorities.drop_penalty(level, band))


def _level_rank(level: CustomerLevel) -> int:
    return -list(CustomerLevel).index(level)  # highest first in the enum


def _band(order: PlanOrder, now: datetime) -> Band:
    """The order's band now; a paused order's clock stands still, so it weighs as green."""
    if order.sla is None or order.sla.paused_since is not None:
        return Band.GREEN
    times = order.sla.times
    return (Band.BREACHED if now > times.due_at else Band.RED if now >= times.red_at
            else Band.AMBER if now >= times.amber_at else Band.GREEN)


def _ceil_minute(seconds: float) -> int:
    return int(math.ceil(seconds / MINUTE - 1e-9)) * MINUTE


def _line(key: str, kind: LineKind, visit: PlanVisit | None, orders: tuple[PlanOrder, ...], technician_id: uuid.UUID | None,
          start: datetime | None, reason: UnplannedReason | LeftOut | None = None, late: bool = False) -> ProposalLine:
    minutes = visit.minutes if visit is not None else joint_minutes(list(orders))
    if visit is not None:
        window = (visit.window_start, visit.window_end)
    else:
        window = (start, start + NEW_WINDOW) if start is not None else None
    dues = [o.sla.times.due_at for o in orders if o.sla is not None and o.sla.paused_since is None]
    return ProposalLine(
        key, kind, tuple(o.id for o in orders), " ".join(o.number for o in orders), orders[0].site if orders else "",
        max((o.level for o in orders), key=_level_rank), visit.id if visit else None,
        visit.technician_id if visit else None, visit.start if visit else None, technician_id, start, minutes, window,
        min(dues) if dues else None, late, reason,
    )


def proposal(job: Setup, plan: Plan) -> Proposal:
    """The plan as lines against the current one, each checked by the booking rules in the plan's final state."""
    origin = job.problem.origin
    lines: list[ProposalLine] = []
    late = set(plan.late)
    for vehicle_id, visits in plan.routes.items():
        technician_id = job.vehicles[vehicle_id]
        for planned in visits:
            visit, orders = job.sources[planned.job_id]
            if visit is not None and visit.id in job.pinned:
                continue
            start = origin + timedelta(seconds=planned.start_s)
            if visit is None:
                kind = LineKind.NEW
            elif visit.technician_id is None:
                kind = LineKind.ASSIGNED
            elif visit.technician_id != technician_id:
                kind = LineKind.REASSIGNED
            else:
                kind = LineKind.UNCHANGED if visit.start == start else LineKind.MOVED
            lines.append(_line(planned.job_id, kind, visit, orders, technician_id, start, late=planned.job_id in late))
    for job_id, reason in plan.unplanned.items():
        visit, orders = job.sources[job_id]
        if visit is None or visit.id not in job.pinned:
            lines.append(_line(job_id, LineKind.UNPLANNED, visit, orders, visit.technician_id if visit else None,
                               visit.start if visit else None, reason))
    lines.extend(job.left_out)
    lines = _judged(job, lines)
    lines.sort(key=lambda line: (list(LineKind).index(line.kind), line.start or origin, line.numbers))
    return Proposal(job, plan, lines, _current_km(job), plan.travel_m / 1000, _late_count(job), _late_count(job, plan))


def _judged(job: Setup, lines: list[ProposalLine]) -> list[ProposalLine]:
    """Each changing line with what the booking rules say of it once the whole plan stands."""
    by_key = {line.key: line for line in lines}
    findings = _judge(job, by_key, set(), {line.key for line in lines if line.changes_plan}, job.now)
    return [replace(line, findings=findings[line.key]) if line.key in findings else line for line in lines]


def _judge(job: Setup, by_key: dict[str, ProposalLine], applied: set[str], keys: set[str],
           now: datetime) -> dict[str, tuple[Finding, ...]]:
    data = job.data
    standing = [by_key[k] for k in sorted(applied | keys) if by_key[k].changes_plan]
    placed = {line.appointment_id: line for line in standing if line.appointment_id}
    visits = [replace(v, technician_id=placed[v.id].technician_id, start=placed[v.id].start) if v.id in placed else v
              for v in data.visits]
    new: dict[str, PlanVisit] = {}
    for line in standing:
        if line.kind is LineKind.NEW:
            assert line.start is not None and line.window is not None
            first = data.orders[line.order_ids[0]]
            new[line.key] = PlanVisit(uuid.uuid5(uuid.NAMESPACE_OID, line.key), line.technician_id, line.start, line.minutes,
                                      line.window[0], line.window[1], AppointmentStatus.PROPOSED, False, first.site_id,
                                      first.position, line.order_ids, 0)
    final = replace(data, visits=tuple(visits) + tuple(new.values()))
    days = technician_days(final)
    by_id = {v.id: v for v in final.visits}
    judged: dict[str, tuple[Finding, ...]] = {}
    for key in keys:
        line = by_key[key]
        if not line.changes_plan or line.technician_id not in days:
            continue
        visit = new[key] if line.kind is LineKind.NEW else by_id[line.appointment_id]
        judged[key] = tuple(check_visit(visit_of(final, visit), days[line.technician_id], job.travel, now))
    return judged


def _current_km(job: Setup) -> float:
    """Road kilometres of the current plan over the same technicians and visits (home, visits in order, home)."""
    travel = job.problem.travel
    per_shift: dict[str, list[tuple[float, float]]] = defaultdict(list)
    shifts = {v.id: v for v in job.problem.vehicles}
    for visit, _orders in job.sources.values():
        if visit is None or visit.technician_id is None or visit.position is None:
            continue
        s0 = (visit.start - job.problem.origin).total_seconds()
        vid = next((k for k, v in shifts.items() if job.vehicles[k] == visit.technician_id and v.shift[0] - 3600 <= s0 <= v.shift[1]), None)
        if vid is not None:
            per_shift[vid].append((s0, visit.position))  # type: ignore[arg-type]
    metres = 0
    for vid, stops in per_shift.items():
        vehicle = shifts[vid]
        points = [vehicle.start, *(p for _s, p in sorted(stops)), vehicle.end]
        distance, _time = travel.matrices(points)
        metres += int(sum(distance[k, k + 1] for k in range(len(points) - 1)))
    return metres / 1000


def _late_count(job: Setup, plan: Plan | None = None) -> int:
    """Jobs of the run that miss their deadline: planned ones as the plan times them, the others
    where they stand now (a visit ending after it; no technician and a deadline in the span)."""
    late, planned = set(plan.late) if plan else set(), plan.vehicle_of() if plan else {}
    count = 0
    for job_id, (visit, orders) in job.sources.items():
        dues = [o.sla.times.due_at for o in orders if o.sla is not None and o.sla.paused_since is None]
        if not dues:
            continue
        if job_id in planned:
            count += job_id in late
        elif visit is None or visit.technician_id is None:
            count += min(dues) < job.data.end
        else:
            count += visit.end > min(dues)
    return count
