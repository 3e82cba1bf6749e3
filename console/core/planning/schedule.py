"""Route timing shared by every planner: indexed problem, earliest-start schedule, plan totals."""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from console.core.planning.model import Interval, Job, Plan, Problem, UnplannedReason, Vehicle, Visit


@dataclass(frozen=True)
class Context:
    """A problem with positions indexed into its matrices and windows and breaks normalised."""

    problem: Problem
    job_loc: tuple[int, ...]
    start_loc: tuple[int, ...]
    end_loc: tuple[int, ...]
    dist_np: np.ndarray
    time_np: np.ndarray
    dist: list[list[int]]  # the same as lists: scalar lookups in Python loops are faster
    time: list[list[int]]
    windows: tuple[tuple[Interval, ...], ...]  # per job: allowed starts; a pin is its only start
    breaks: tuple[tuple[Interval, ...], ...]  # per vehicle: sorted, merged, clipped to the shift
    horizon: int
    job_index: Mapping[str, int]
    vehicle_index: Mapping[str, int]

    @property
    def jobs(self) -> tuple[Job, ...]:
        return self.problem.jobs

    @property
    def vehicles(self) -> tuple[Vehicle, ...]:
        return self.problem.vehicles


def _merged(intervals: Sequence[Interval], lo: int, hi: int) -> tuple[Interval, ...]:
    out: list[list[int]] = []
    for s, e in sorted((max(s, lo), min(e, hi)) for s, e in intervals):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return tuple((s, e) for s, e in out)


def prepare(problem: Problem) -> Context:
    """Index positions (duplicates share a row), build the matrices once, normalise windows and breaks."""
    points: dict[tuple[float, float], int] = {}

    def loc(p: tuple[float, float]) -> int:
        return points.setdefault((float(p[0]), float(p[1])), len(points))

    job_loc = tuple(loc(j.location) for j in problem.jobs)
    start_loc = tuple(loc(v.start) for v in problem.vehicles)
    end_loc = tuple(loc(v.end) for v in problem.vehicles)
    dist_np, time_np = problem.travel.matrices(list(points))
    horizon = max((v.shift[1] for v in problem.vehicles), default=0)
    windows = tuple(
        ((j.pinned.start_s, j.pinned.start_s),) if j.pinned else _merged(j.windows, 0, horizon) if j.windows else ((0, horizon),)
        for j in problem.jobs
    )
    breaks = tuple(_merged(v.breaks, v.shift[0], v.shift[1]) for v in problem.vehicles)
    return Context(
        problem, job_loc, start_loc, end_loc, dist_np, time_np, dist_np.tolist(), time_np.tolist(), windows, breaks, horizon,
        {j.id: i for i, j in enumerate(problem.jobs)}, {v.id: i for i, v in enumerate(problem.vehicles)},
    )


def advance(t: int, travel: int, breaks: tuple[Interval, ...]) -> int:
    """Arrival time when leaving at t for a drive of `travel` seconds that pauses during breaks."""
    if travel <= 0:
        return t
    for bs, be in breaks:
        if be <= t:
            continue
        if t >= bs:
            t = be
            continue
        if t + travel <= bs:
            return t + travel
        travel -= bs - t
        t = be
    return t + travel


def earliest_start(t: int, windows: tuple[Interval, ...], service: int, breaks: tuple[Interval, ...]) -> int | None:
    """The first start at or after t inside a window whose service does not overlap a break."""
    for ws, we in windows:
        s = max(t, ws)
        moved = True
        while moved and s <= we:
            moved = False
            for bs, be in breaks:
                if bs < s + service and be > s:
                    s, moved = be, True
                    break
        if s <= we:
            return s
    return None


def simulate(ctx: Context, v: int, seq: Sequence[int]) -> tuple[tuple[Visit, ...], int | None]:
    """Earliest-start timing of vehicle v doing jobs seq in order, and the position that fails (None: feasible).

    Starting as early as possible is never worse: a technician who arrives early can always wait."""
    vehicle = ctx.vehicles[v]
    if vehicle.max_jobs is not None and len(seq) > vehicle.max_jobs:
        return (), vehicle.max_jobs
    if vehicle.capacity is not None:
        load = 0
        for k, j in enumerate(seq):
            load += ctx.jobs[j].demand
            if load > vehicle.capacity:
                return (), k
    breaks, tm = ctx.breaks[v], ctx.time
    t, here = vehicle.shift[0], ctx.start_loc[v]
    visits: list[Visit] = []
    for k, j in enumerate(seq):
        job, there = ctx.jobs[j], ctx.job_loc[j]
        arrive = advance(t, tm[here][there], breaks)
        start = earliest_start(arrive, ctx.windows[j], job.service_s, breaks)
        if start is None:
            return tuple(visits), k
        visits.append(Visit(job.id, arrive, start, start + job.service_s))
        t, here = start + job.service_s, there
    if seq and advance(t, tm[here][ctx.end_loc[v]], breaks) > vehicle.shift[1]:
        return tuple(visits), len(seq)
    return tuple(visits), None


def route_travel(ctx: Context, v: int, seq: Sequence[int]) -> tuple[int, int]:
    """Metres and seconds driven by vehicle v on this sequence (an empty route drives nothing)."""
    if not seq:
        return 0, 0
    stops = [ctx.start_loc[v], *(ctx.job_loc[j] for j in seq), ctx.end_loc[v]]
    return (sum(ctx.dist[a][b] for a, b in zip(stops, stops[1:], strict=False)),
            sum(ctx.time[a][b] for a, b in zip(stops, stops[1:], strict=False)))


def build_plan(
    ctx: Context, sequences: Mapping[int, Sequence[int]], structural: Mapping[int, UnplannedReason], solver: str, started: float
) -> Plan:
    """Time the sequences into a Plan; a job whose timing fails (should not happen) is dropped as NOT_SCHEDULED."""
    routes: dict[str, tuple[Visit, ...]] = {}
    travel_m = travel_s = 0
    late: list[str] = []
    planned: set[int] = set()
    for v, vehicle in enumerate(ctx.vehicles):
        seq = [j for j in sequences.get(v, ()) if j not in structural]
        visits, failed = simulate(ctx, v, seq)
        while failed is not None:
            del seq[min(failed, len(seq) - 1)]
            visits, failed = simulate(ctx, v, seq)
        routes[vehicle.id] = visits
        planned.update(seq)
        m, s = route_travel(ctx, v, seq)
        travel_m, travel_s = travel_m + m, travel_s + s
        late.extend(vis.job_id for j, vis in zip(seq, visits, strict=True) if _is_late(ctx.jobs[j], vis))
    unplanned = {job.id: structural.get(j, _left_out(job)) for j, job in enumerate(ctx.jobs) if j not in planned}
    objective = (travel_m + sum(ctx.jobs[ctx.job_index[i]].miss_penalty for i in late)
                 + sum(ctx.jobs[ctx.job_index[i]].drop_penalty for i in unplanned))
    return Plan(routes, unplanned, travel_m, travel_s, tuple(late), objective, solver, time.monotonic() - started)


def _left_out(job: Job) -> UnplannedReason:
    return UnplannedReason.PIN_CONFLICT if job.pinned else UnplannedReason.NOT_SCHEDULED


def _is_late(job: Job, visit: Visit) -> bool:
    return job.due_s is not None and visit.end_s > job.due_s
