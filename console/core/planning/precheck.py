"""Structural reasons a job cannot be planned, found before any planner runs."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.planning.model import Problem, UnplannedReason
from console.core.planning.schedule import Context, prepare, simulate


@dataclass(frozen=True)
class Precheck:
    """Per job: the reason it is out (if structural) and the vehicles that could do it alone."""

    reasons: dict[int, UnplannedReason]
    allowed: tuple[tuple[int, ...], ...]  # vehicle indices; a kept pin allows only its vehicle


def precheck(ctx: Context) -> Precheck:
    """Skills, then shift against window, then a round trip alone; pins are checked with their vehicle's other pins."""
    reasons: dict[int, UnplannedReason] = {}
    allowed: list[tuple[int, ...]] = []
    for j, job in enumerate(ctx.jobs):
        skilled = [v for v, vehicle in enumerate(ctx.vehicles) if job.skills <= vehicle.skills]
        if job.pinned:
            v = ctx.vehicle_index.get(job.pinned.vehicle_id)
            allowed.append((v,) if v is not None and v in skilled else ())
            continue
        in_shift = [v for v in skilled if _window_meets_shift(ctx, j, v)]
        alone = tuple(v for v in in_shift if simulate(ctx, v, [j])[1] is None)
        allowed.append(alone)
        if not skilled:
            reasons[j] = UnplannedReason.NO_SKILLED_TECHNICIAN
        elif not in_shift:
            reasons[j] = UnplannedReason.NO_SHIFT_IN_WINDOW
        elif not alone:
            reasons[j] = UnplannedReason.UNREACHABLE_IN_TIME
    kept: dict[int, list[int]] = {}
    pinned = sorted((j for j, job in enumerate(ctx.jobs) if job.pinned), key=lambda j: (ctx.jobs[j].pinned.start_s, j))  # type: ignore[union-attr]
    for j in pinned:
        if not allowed[j]:
            reasons[j] = UnplannedReason.PIN_CONFLICT
            continue
        v = allowed[j][0]
        trial = [*kept.get(v, []), j]
        if simulate(ctx, v, trial)[1] is None:
            kept[v] = trial
        else:
            reasons[j] = UnplannedReason.PIN_CONFLICT
            allowed[j] = ()
    return Precheck(reasons, tuple(allowed))


def _window_meets_shift(ctx: Context, j: int, v: int) -> bool:
    lo, hi = ctx.vehicles[v].shift
    service = ctx.jobs[j].service_s
    return any(ws <= hi - service and we >= lo for ws, we in ctx.windows[j])


def unplannable(problem: Problem) -> dict[str, UnplannedReason]:
    """Job id → why no plan can hold it, whatever else is planned (skills, shifts, a trip alone)."""
    ctx = prepare(problem)
    return {ctx.jobs[j].id: reason for j, reason in precheck(ctx).reasons.items()}
