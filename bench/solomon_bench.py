"""The batch optimiser's routing core on Solomon's VRPTW instances, against the best-known results.

Run: .venv/bin/python bench/solomon_bench.py [--seconds 60] [--solvers ortools,pyvrp]
(`pip install -e ".[bench]"` brings PyVRP, the reference; without it the reference is left out and the run says so.)
Solomon's convention: Euclidean distance, travel time = distance, capacity 200, fewest vehicles
first, then distance. Coordinates are scaled by 1000 to integers (times rounded up, so every
plan is feasible with the unrounded distances); distances are reported unrounded. `ortools` is
the product's own `solve` (greedy start, then guided local search); `pyvrp` is a reference
(it cannot express the product's skills, pins, breaks or SLA costs). Prints one line per run,
then one JSON line of figures with the target beside each.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import math
import os
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from console.core.planning import EuclideanTravel, Job, Problem, Vehicle, check_plan, solve

# The shared benchmark data beside the repository (../shared/bench-data), or where SOLOMON_DATA says.
DATA = Path(os.environ.get("SOLOMON_DATA", Path(__file__).resolve().parents[2] / "shared" / "bench-data" / "solomon"))
BEST_KNOWN = {"C101": (10, 828.94), "R101": (19, 1650.80)}  # from the folder's README
SCALE = 1000
TARGET_GAP_PCT = 3.0


@dataclass(frozen=True)
class Instance:
    name: str
    vehicles: int
    capacity: int
    rows: tuple[tuple[int, float, float, int, int, int, int], ...]  # number, x, y, demand, ready, due, service; 0 = depot


def read(path: Path) -> Instance:
    lines = path.read_text().splitlines()
    vehicles, capacity = (int(x) for x in lines[4].split())
    rows = tuple((int(p[0]), float(p[1]), float(p[2]), int(p[3]), int(p[4]), int(p[5]), int(p[6]))
                 for p in (line.split() for line in lines[9:]) if len(p) == 7)
    return Instance(lines[0].strip(), vehicles, capacity, rows)


def route_length(inst: Instance, routes: list[list[int]]) -> float:
    xy = {r[0]: (r[1], r[2]) for r in inst.rows}
    total = 0.0
    for route in routes:
        stops = [0, *route, 0]
        total += sum(math.dist(xy[a], xy[b]) for a, b in zip(stops, stops[1:], strict=False))
    return total


def run_ortools(inst: Instance, seconds: float) -> tuple[int, float, int, int]:
    depot, customers = inst.rows[0], inst.rows[1:]
    jobs = tuple(Job(str(n), (x, y), svc * SCALE, ((ready * SCALE, due * SCALE),), drop_penalty=10**9, demand=demand)
                 for n, x, y, demand, ready, due, svc in customers)
    home = (depot[1], depot[2])
    vehicles = tuple(Vehicle(f"V{k}", f"V{k}", frozenset(), home, home, (depot[4] * SCALE, depot[5] * SCALE),
                             capacity=inst.capacity, fixed_cost=10**7) for k in range(inst.vehicles))
    problem = Problem(datetime(2026, 1, 1, tzinfo=UTC), jobs, vehicles, EuclideanTravel(SCALE, SCALE))
    plan = solve(problem, time_limit_s=seconds)
    routes = [[int(v.job_id) for v in visits] for visits in plan.routes.values() if visits]
    return len(routes), route_length(inst, routes), len(plan.unplanned), len(check_plan(problem, plan))


def run_pyvrp(inst: Instance, seconds: float) -> tuple[int, float, int, int]:
    from pyvrp import Model
    from pyvrp.stop import MaxRuntime

    model = Model()
    depot, customers = inst.rows[0], inst.rows[1:]
    places = [model.add_location(x=round(r[1] * SCALE), y=round(r[2] * SCALE)) for r in inst.rows]
    model.add_depot(places[0], tw_early=depot[4] * SCALE, tw_late=depot[5] * SCALE)
    model.add_vehicle_type(num_available=inst.vehicles, capacity=inst.capacity, fixed_cost=10**7,
                           tw_early=depot[4] * SCALE, tw_late=depot[5] * SCALE)
    for place, (_, _, _, demand, ready, due, svc) in zip(places[1:], customers, strict=True):
        model.add_client(place, delivery=demand, service_duration=svc * SCALE, tw_early=ready * SCALE, tw_late=due * SCALE)
    xy = [(r[1], r[2]) for r in inst.rows]
    for i, a in enumerate(places):
        for j, b in enumerate(places):
            if i != j:
                d = math.dist(xy[i], xy[j]) * SCALE
                model.add_edge(a, b, distance=round(d), duration=math.ceil(d - 1e-9))
    result = model.solve(stop=MaxRuntime(seconds), seed=1, display=False)
    routes = [[customers[a.idx][0] for a in route if a.is_client()] for route in result.best.routes()]
    served = sum(len(r) for r in routes)
    return len(routes), route_length(inst, routes), len(customers) - served, 0 if result.best.is_feasible() else 1


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--solvers", default="ortools,pyvrp")
    parser.add_argument("--instances", default="C101,R101")
    args = parser.parse_args()
    runners = {"ortools": run_ortools, "pyvrp": run_pyvrp}
    figures: dict[str, object] = {"seconds": args.seconds, "target_gap_pct": TARGET_GAP_PCT}
    solvers = args.solvers.split(",")
    if "pyvrp" in solvers and importlib.util.find_spec("pyvrp") is None:
        print("pyvrp is not installed (pip install -e \".[bench]\"): the reference is left out")
        solvers.remove("pyvrp")
    for name in args.instances.split(","):
        inst = read(DATA / f"{name}.txt")
        bk_vehicles, bk_distance = BEST_KNOWN[name]
        for solver in solvers:
            started = time.monotonic()
            vehicles, distance, unserved, violations = runners[solver](inst, args.seconds)
            elapsed = time.monotonic() - started
            gap = 100 * (distance - bk_distance) / bk_distance
            print(f"{name} {solver:8s} vehicles {vehicles} (best known {bk_vehicles})  distance {distance:8.2f} "
                  f"(best known {bk_distance:.2f})  gap {gap:+.2f} %  unserved {unserved}  violations {violations}  "
                  f"{elapsed:.1f} s")
            figures[f"{name}_{solver}"] = {"vehicles": vehicles, "best_known_vehicles": bk_vehicles,
                                           "distance": round(distance, 2), "best_known_distance": bk_distance,
                                           "gap_pct": round(gap, 2), "unserved": unserved, "violations": violations,
                                           "elapsed_s": round(elapsed, 1), "gap_ok": gap <= TARGET_GAP_PCT and unserved == 0}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
