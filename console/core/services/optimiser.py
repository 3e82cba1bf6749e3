"""The batch optimiser at the desk: a region's days become a routing problem
(`optimiser_setup`), the solver's plan comes back as a proposal (a diff against the current plan,
each line judged by the booking rules as they will stand afterwards), and the lines the
dispatcher keeps are written in one transaction, only if nothing the plan was made from changed
meanwhile and no line meets a warning the dispatcher was not shown.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta

from console.core.domain.booking_rules import Finding, check_visit, verdict
from console.core.domain.enums import AppointmentStatus, Role
from console.core.planning import Plan, UnplannedReason, solve
from console.core.services.appointments import AppointmentBook, PlanBasis, PlanCommit
from console.core.services.optimiser_setup import (  # noqa: F401 - the lines' vocabulary is part of this module's face
    FIXED_AHEAD,
    LeftOut,
    LineKind,
    ProposalLine,
    Setup,
    setup,
    technician_skill,
)
from console.core.services.planning import technician_days, travel_model, visit_of
from console.core.store.database import Database
from console.core.store.planning_query import PlanVisit, plan_data, regions
from console.core.store.rows import DeskUser
from console.core.store.rules import WeightsError, load_calendar, load_priorities, load_rulebook  # noqa: F401 - WeightsError: what read may raise

MAX_DAYS = 3  # a run plans at most this many days
ORIGIN = "optimiser"
SECOND_PASS = 0.25  # of the time limit, kept for planning again around booked visits the first plan could not keep


class NotYourRegion(PermissionError):
    """A dispatcher asked to plan another region."""


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
    elapsed_s: float = 0.0  # the whole run, both passes
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

    def selectable(self, role: Role, keys: set[str] | None = None,
                   now: datetime | None = None) -> tuple[set[str], dict[str, tuple[Finding, ...]]]:
        """The largest part of `keys` (default: every open changing line) that this role may commit
        together, and its findings: lines the role may not commit are left out, then the lines that
        only worked beside them, until what remains holds."""
        chosen = set(keys) if keys is not None else {line.key for line in self.open_lines() if line.changes_plan}
        chosen = {k for k in chosen if k not in self.applied and self._by_key[k].changes_plan}
        while True:
            findings = self.judge(chosen, now)
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


class Optimiser:
    def __init__(self, database: Database, book: AppointmentBook, user: DeskUser):
        self._database, self._book, self.user = database, book, user

    def regions(self) -> list[tuple[uuid.UUID, str, str]]:
        with self._database.reading() as session:
            return regions(session)

    def read(self, region_id: uuid.UUID | None, start: datetime, end: datetime, now: datetime) -> Setup:
        """The region's technicians, shifts, visits and waiting orders over [start, end)."""
        if self.user.role is Role.DISPATCHER and region_id != self.user.region_id:
            raise NotYourRegion("a dispatcher plans their own region only")
        if not timedelta(hours=1) <= end - start <= timedelta(days=MAX_DAYS):
            raise ValueError(f"a run covers between one hour and {MAX_DAYS} days")
        with self._database.reading() as session:
            travel, priorities = travel_model(session), load_priorities(session)
            book, calendar = load_rulebook(session), load_calendar(session)
            data = plan_data(session, region_id, start - timedelta(hours=12), end)
        return setup(data, region_id, start, end, travel, now, priorities, calendar, book.parameters)

    def run(self, job: Setup, time_limit_s: float, progress: Callable[[float, float, int | None], None] | None = None,
            cancel: threading.Event | None = None) -> Proposal:
        """The best plan within the time limit. Booked visits the plan leaves out still stand (a
        plan never cancels a booking): the rest of the time plans again with them kept."""
        cancel, started = cancel or threading.Event(), time.monotonic()
        first_s = time_limit_s * (1 - SECOND_PASS)

        def scaled(offset: float, share: float):
            return (lambda elapsed, done, best: progress(offset + elapsed, offset / time_limit_s + share * done, best)) \
                if progress else None

        plan = solve(job.problem, time_limit_s=first_s, progress=scaled(0.0, 1 - SECOND_PASS), cancel=cancel)
        for _again in range(3):  # a plan that drops booked visits plans again with them kept
            dropped = {visit.id for j in plan.unplanned if (visit := job.sources[j][0]) is not None
                       and visit.technician_id is not None and visit.id not in job.pinned}
            if not dropped or cancel.is_set():
                break
            job = job.keep(dropped)
            left = max(1.0, time_limit_s - (time.monotonic() - started))
            plan = solve(job.problem, time_limit_s=left, progress=scaled(time_limit_s - left, left / time_limit_s), cancel=cancel)
        made = proposal(job, plan)
        made.elapsed_s = time.monotonic() - started
        return made

    def write(self, proposal: Proposal, lines: Sequence[ProposalLine], reason: str = "") -> PlanCommit:
        """Write the lines (all or none); the proposal itself is left as it is (safe off the GUI
        thread). Each line carries the warnings shown for the part written, so a warning that
        appears only now refuses the write instead of riding on a reason given for others."""
        keys = {line.key for line in lines}
        if keys & proposal.applied:
            raise ValueError("some of these lines are already written")
        shown = proposal.judge(keys, self._book.now())
        steps = [line.step(shown.get(line.key, ())) for line in lines]
        return self._book.apply_plan(steps, proposal.basis, reason, ORIGIN, fixed_ahead=FIXED_AHEAD)

    def commit(self, proposal: Proposal, lines: Sequence[ProposalLine], reason: str = "") -> PlanCommit:
        """Write the lines and, when written, mark them committed in the proposal."""
        result = self.write(proposal, lines, reason)
        if result.ok:
            proposal.committed(result, {line.key for line in lines})
        return result


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
            lines.append(job.line(planned.job_id, kind, visit, orders, technician_id, start, late=planned.job_id in late))
    needs = {j.id: j.skills for j in job.problem.jobs}
    for job_id, reason in plan.unplanned.items():
        visit, orders = job.sources[job_id]
        if visit is None or visit.id not in job.pinned:
            dispatched = any(technician_skill(o.assignee_id) in needs[job_id] for o in orders if o.assignee_id)
            why = LeftOut.ASSIGNEE_CANNOT if dispatched and reason is not UnplannedReason.NOT_SCHEDULED else reason
            lines.append(job.line(job_id, LineKind.UNPLANNED, visit, orders, visit.technician_id if visit else None,
                                  visit.start if visit else None, why))
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
        due = job.due(orders)
        if due is None:
            continue
        if job_id in planned:
            count += job_id in late
        elif visit is None or visit.technician_id is None:
            count += due < job.data.end
        else:
            count += visit.end > due
    return count
