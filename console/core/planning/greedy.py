"""The baseline planner: most urgent job first, appended to the feasible vehicle whose route ends nearest."""

from __future__ import annotations

import time

from console.core.planning.model import Plan, Problem
from console.core.planning.precheck import Precheck, precheck
from console.core.planning.schedule import Context, build_plan, prepare, simulate


def greedy(problem: Problem) -> Plan:
    """Nearest-feasible appending in order of urgency (due, then window end); on-time placements first."""
    started = time.monotonic()
    ctx = prepare(problem)
    pre = precheck(ctx)
    return build_plan(ctx, greedy_sequences(ctx, pre), pre.reasons, "greedy", started)


def greedy_sequences(ctx: Context, pre: Precheck) -> dict[int, list[int]]:
    """Job order per vehicle index: kept pins, the current plan's jobs where they still fit, then the
    other jobs, each at the first feasible place from its route's last appended job."""
    routes: dict[int, list[int]] = {v: [] for v in range(len(ctx.vehicles))}
    pins = [j for j, job in enumerate(ctx.jobs) if job.pinned and j not in pre.reasons]
    for j in sorted(pins, key=lambda j: ctx.windows[j][0][0]):
        routes[pre.allowed[j][0]].append(j)
    kept = _keep_current(ctx, pre, routes)
    tail = dict.fromkeys(routes, 0)  # where the next job may go: after the last unpinned one
    loose = [j for j, job in enumerate(ctx.jobs) if not job.pinned and j not in pre.reasons and j not in kept]
    for j in sorted(loose, key=lambda j: _urgency(ctx, j)):
        best: tuple[bool, int, int, int] | None = None  # (late, metres from route end, vehicle, position)
        for v in pre.allowed[j]:
            placed = _first_feasible(ctx, routes[v], tail[v], v, j)
            if placed is not None and (best is None or placed[:2] < best[:2]):
                best = (placed[0], placed[1], v, placed[2])
        if best is not None:
            _, _, v, pos = best
            routes[v].insert(pos, j)
            tail[v] = pos + 1
    return routes


def _keep_current(ctx: Context, pre: Precheck, routes: dict[int, list[int]]) -> set[int]:
    """Jobs of the current plan (booked visits) where they stand, when that still fits: the plan
    starts from what the technicians were told and improves on it."""
    kept: set[int] = set()
    current = [j for j, job in enumerate(ctx.jobs) if job.current and not job.pinned and j not in pre.reasons]
    for j in sorted(current, key=lambda j: (ctx.jobs[j].current.start_s, j)):  # type: ignore[union-attr]
        where = ctx.jobs[j].current
        v = ctx.vehicle_index.get(where.vehicle_id)  # type: ignore[union-attr]
        if v is None or v not in pre.allowed[j]:
            continue
        seq = routes[v]
        pos = sum(1 for k in seq if _start_hint(ctx, k) <= where.start_s)  # type: ignore[union-attr]
        trial = [*seq[:pos], j, *seq[pos:]]
        if simulate(ctx, v, trial)[1] is None:
            routes[v] = trial
            kept.add(j)
    return kept


def _start_hint(ctx: Context, j: int) -> int:
    job = ctx.jobs[j]
    where = job.pinned or job.current
    return where.start_s if where else 0


def _first_feasible(ctx: Context, seq: list[int], first: int, v: int, j: int) -> tuple[bool, int, int] | None:
    """(late, metres from the predecessor, position) of the earliest feasible position at or after `first`."""
    job = ctx.jobs[j]
    for pos in range(first, len(seq) + 1):
        visits, failed = simulate(ctx, v, [*seq[:pos], j, *seq[pos:]])
        if failed is None:
            before = ctx.start_loc[v] if pos == 0 else ctx.job_loc[seq[pos - 1]]
            late = job.due_s is not None and visits[pos].end_s > job.due_s
            return late, ctx.dist[before][ctx.job_loc[j]], pos
    return None


def _urgency(ctx: Context, j: int) -> tuple[float, float, str]:
    job = ctx.jobs[j]
    return (job.due_s if job.due_s is not None else float("inf"), ctx.windows[j][-1][1], job.id)
