"""Working time: the solver's clock with everybody's common breaks cut out, so breaks cost it nothing."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.planning.model import Interval
from console.core.planning.schedule import Context


@dataclass(frozen=True)
class WorkClock:
    """Real seconds ↔ working seconds, skipping `gaps` (breaks that every vehicle on duty then shares).

    Driving pauses in a break and no service may overlap one, so in working time a gap is a single
    instant: travel simply runs across it, and a service may only start at or before `gap - service`
    or at or after the gap. That is exact, and much faster for OR-Tools than its break intervals."""

    gaps: tuple[Interval, ...]

    def to_work(self, t: int) -> int:
        return t - sum(min(be, t) - bs for bs, be in self.gaps if bs < t)

    def starts(self, windows: tuple[Interval, ...], service: int) -> list[Interval]:
        """Allowed real start windows, less starts whose service would overlap a gap, in working time."""
        allowed = list(windows)
        for bs, be in self.gaps:
            lo = bs - service if service > 0 else bs  # starts strictly between lo and be are out
            allowed = [piece for ws, we in allowed for piece in ((ws, min(we, lo)), (max(ws, be), we)) if piece[0] <= piece[1]]
        return sorted({(self.to_work(ws), self.to_work(we)) for ws, we in allowed})


def common_breaks(ctx: Context) -> tuple[Interval, ...]:
    """Breaks that every vehicle whose shift overlaps them has, exactly (usually the shared lunch hour)."""
    found: list[Interval] = []
    for gap in sorted({b for breaks in ctx.breaks for b in breaks}):
        on_duty = [v for v, vehicle in enumerate(ctx.vehicles) if vehicle.shift[0] < gap[1] and vehicle.shift[1] > gap[0]]
        if all(gap in ctx.breaks[v] for v in on_duty) and not (found and found[-1][1] > gap[0]):
            found.append(gap)
    return tuple(found)
