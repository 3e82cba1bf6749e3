"""The baseline planner: most urgent job first, appended to the feasible vehicle whose route ends nearest."""

from __future__ import annotations

import time

from console.planning.model import Plan, Problem
from console.planning.precheck import Precheck, precheck
from console.planning.schedule import Context, build_plan, prepare, simulate


def greedy(problem: Problem) -> Plan:
    """Nearest-feasible appending in order of urgency (due, then window end); on-time placements first."""
    started = time.monotonic()
    ctx = prepare(problem)
    pre = precheck(ctx)
    return build_plan(ctx, greedy_sequences(ctx, pre), pre.reasons, "greedy", started)


def greedy_sequences(ctx: Context, pre: Precheck) -> dict[int, list[int]]:
    """Job order per vehicle index: kept pins, with other jobs appended after each route's last unpinned job."""
    routes: dict[int, list[int]] = {v: [] for v in range(len(ctx.vehicles))}
    pins = [j for j, job in enumerate(ctx.jobs) if job.pinned and j not in pre.reasons]
    for j in sorted(pins, key=lambda j: ctx.windows[j][0][0]):
        routes[pre.allowed[j][0]].append(j)
    tail = dict.fromkeys(routes, 0)  # where the next job may go: after the last unpinned one
    loose = [j for j, job in enumerate(ctx.jobs) if not job.pinned and j not in pre.reasons]
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
