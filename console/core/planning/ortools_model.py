"""The problem as an OR-Tools routing model: skills, windows, shifts, breaks, pins, SLA and drop penalties."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from ortools.constraint_solver import pywrapcp

from console.core.planning.precheck import Precheck
from console.core.planning.schedule import Context
from console.core.planning.worktime import WorkClock, common_breaks

PIN_PENALTY = 10**12  # dropping a kept pin costs more than any plan: only done when nothing else is feasible
SLA_RAMP_S = 300  # the solver sees an SLA miss as a slope reaching miss_penalty 5 minutes after the due time


@dataclass(frozen=True)
class RoutingModel:
    """An OR-Tools model with the map between its nodes and the problem's job and vehicle indices."""

    manager: pywrapcp.RoutingIndexManager
    routing: pywrapcp.RoutingModel
    jobs: tuple[int, ...]  # node n < len(jobs) serves job jobs[n]

    def read_routes(self, sequences: Mapping[int, Sequence[int]]) -> pywrapcp.Assignment | None:
        """The given job order per vehicle as a starting assignment (None if the model rejects it)."""
        node_of = {j: n for n, j in enumerate(self.jobs)}
        routes = [[self.manager.NodeToIndex(node_of[j]) for j in sequences.get(v, ()) if j in node_of]
                  for v in range(self.routing.vehicles())]
        return self.routing.ReadAssignmentFromRoutes(routes, True)

    def sequences(self, solution: pywrapcp.Assignment) -> dict[int, list[int]]:
        """Job indices per vehicle index in the order of the solution."""
        out: dict[int, list[int]] = {}
        for v in range(self.routing.vehicles()):
            seq, index = [], solution.Value(self.routing.NextVar(self.routing.Start(v)))
            while not self.routing.IsEnd(index):
                seq.append(self.jobs[self.manager.IndexToNode(index)])
                index = solution.Value(self.routing.NextVar(index))
            out[v] = seq
        return out


def build_model(ctx: Context, pre: Precheck) -> RoutingModel:
    """Nodes: the jobs the precheck left in, then one start and one end per vehicle."""
    jobs = tuple(j for j in range(len(ctx.jobs)) if j not in pre.reasons)
    n, nv = len(jobs), len(ctx.vehicles)
    locs = np.array([*(ctx.job_loc[j] for j in jobs), *ctx.start_loc, *ctx.end_loc], dtype=np.int64)
    service = np.array([*(ctx.jobs[j].service_s for j in jobs), *([0] * 2 * nv)], dtype=np.int64)
    dist = ctx.dist_np[np.ix_(locs, locs)]
    travel = ctx.time_np[np.ix_(locs, locs)]
    manager = pywrapcp.RoutingIndexManager(n + 2 * nv, nv, list(range(n, n + nv)), list(range(n + nv, n + 2 * nv)))
    routing = pywrapcp.RoutingModel(manager)
    routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(dist.tolist()))
    time_cb = routing.RegisterTransitMatrix((travel + service[:, None]).tolist())
    clock = WorkClock(common_breaks(ctx))  # the time dimension runs on working time
    horizon = clock.to_work(ctx.horizon)
    routing.AddDimension(time_cb, horizon, horizon, False, "time")
    time = routing.GetDimensionOrDie("time")
    for node, j in enumerate(jobs):
        job, index = ctx.jobs[j], manager.NodeToIndex(node)
        cumul, windows = time.CumulVar(index), clock.starts(ctx.windows[j], job.service_s)
        routing.VehicleVar(index).SetValues([-1, *pre.allowed[j]] if windows else [-1])
        if windows:
            cumul.SetRange(windows[0][0], windows[-1][1])
        for (_, gap_from), (gap_to, _) in zip(windows, windows[1:], strict=False):
            if gap_from + 1 <= gap_to - 1:
                cumul.RemoveInterval(gap_from + 1, gap_to - 1)
        routing.AddDisjunction([index], PIN_PENALTY if job.pinned else job.drop_penalty)
        if job.due_s is not None and job.miss_penalty > 0:
            slope = max(1, round(job.miss_penalty / SLA_RAMP_S))
            time.SetCumulVarSoftUpperBound(index, max(0, clock.to_work(job.due_s) - job.service_s), slope)
    # indexed by routing index (breaks may not overlap a visit); ends, past Size(), serve nothing
    visits = [int(service[manager.IndexToNode(i)]) for i in range(routing.Size())] + [0] * nv
    solver = routing.solver()
    for v, vehicle in enumerate(ctx.vehicles):
        lo, hi = clock.to_work(vehicle.shift[0]), clock.to_work(vehicle.shift[1])
        time.CumulVar(routing.Start(v)).SetRange(lo, hi)
        time.CumulVar(routing.End(v)).SetRange(lo, hi)
        if vehicle.fixed_cost:
            routing.SetFixedCostOfVehicle(vehicle.fixed_cost, v)
        own = [(clock.to_work(bs), clock.to_work(be)) for bs, be in ctx.breaks[v] if (bs, be) not in clock.gaps]
        if own:  # breaks not shared by everybody on duty: OR-Tools' break intervals (slower)
            intervals = [solver.FixedDurationIntervalVar(bs, bs, be - bs, False, f"break {v}.{k}") for k, (bs, be) in enumerate(own)]
            time.SetBreakIntervalsOfVehicle(intervals, v, visits)
    if any(v.max_jobs is not None for v in ctx.vehicles):
        ones = routing.RegisterUnaryTransitVector([1] * n + [0] * 2 * nv)
        routing.AddDimensionWithVehicleCapacity(ones, 0, [v.max_jobs if v.max_jobs is not None else n for v in ctx.vehicles],
                                                True, "jobs")
    if any(v.capacity is not None for v in ctx.vehicles):
        demand = routing.RegisterUnaryTransitVector([ctx.jobs[j].demand for j in jobs] + [0] * 2 * nv)
        total = sum(ctx.jobs[j].demand for j in jobs)
        routing.AddDimensionWithVehicleCapacity(demand, 0, [v.capacity if v.capacity is not None else total
                                                            for v in ctx.vehicles], True, "load")
    return RoutingModel(manager, routing, jobs)
