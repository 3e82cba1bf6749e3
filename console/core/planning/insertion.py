"""Cheapest insertion of left-over jobs into existing routes, never making a planned job late."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from console.core.planning.precheck import Precheck
from console.core.planning.schedule import Context, simulate


def insert_leftovers(ctx: Context, pre: Precheck, sequences: Mapping[int, Sequence[int]], *, allow_late: bool) -> dict[int, list[int]]:
    """Each unplanned job (costliest to drop first) at its cheapest feasible position; jobs already
    on a route keep their on-time status. The inserted job itself may be late only if allow_late."""
    routes = {v: list(sequences.get(v, ())) for v in range(len(ctx.vehicles))}
    planned = {j for seq in routes.values() for j in seq}
    leftovers = [j for j in range(len(ctx.jobs)) if j not in planned and j not in pre.reasons]
    for j in sorted(leftovers, key=lambda j: (-ctx.jobs[j].drop_penalty, j)):
        best: tuple[bool, int, int, int] | None = None  # (late, added metres, vehicle, position)
        for v in pre.allowed[j]:
            seq = routes[v]
            on_time = _on_time(ctx, seq, simulate(ctx, v, seq)[0])
            for pos in range(len(seq) + 1):
                trial = [*seq[:pos], j, *seq[pos:]]
                visits, failed = simulate(ctx, v, trial)
                if failed is not None:
                    continue
                still = _on_time(ctx, trial, visits)
                late = j not in still
                if (late and not allow_late) or not on_time <= still:
                    continue
                added = _added_metres(ctx, v, seq, pos, j)
                if best is None or (late, added) < best[:2]:
                    best = (late, added, v, pos)
        if best is not None:
            routes[best[2]].insert(best[3], j)
    return routes


def _on_time(ctx: Context, seq: Sequence[int], visits: Sequence) -> set[int]:
    return {j for j, visit in zip(seq, visits, strict=False) if ctx.jobs[j].due_s is None or visit.end_s <= ctx.jobs[j].due_s}


def _added_metres(ctx: Context, v: int, seq: Sequence[int], pos: int, j: int) -> int:
    before = ctx.start_loc[v] if pos == 0 else ctx.job_loc[seq[pos - 1]]
    after = ctx.end_loc[v] if pos == len(seq) else ctx.job_loc[seq[pos]]
    here = ctx.job_loc[j]
    return ctx.dist[before][here] + ctx.dist[here][after] - (ctx.dist[before][after] if seq else 0)
