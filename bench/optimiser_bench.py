"""The batch optimiser on a synthetic Shanghai day: 500 orders, 60 technicians, against the greedy baseline.

Run: .venv/bin/python bench/optimiser_bench.py [--seconds 50] [--orders 500 --technicians 60]
The day comes from bench/planning_region.py (deterministic: skills, 08:30-17:30 shifts with a
12:00-13:00 break, 2-4 h appointment windows on about 60 % of orders, SLA due times, customer
levels as penalties, 20 pinned bookings). Both plans are checked with check_plan. "Due missed"
counts late planned jobs plus unplanned jobs with a due time (they miss it too). Prints one line
per figure, then one JSON line of figures with the target beside each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.planning_region import region  # noqa: E402
from console.core.planning import Plan, Problem, check_plan, greedy, solve  # noqa: E402

TARGET_REDUCTION_PCT = 15.0
TARGET_ELAPSED_S = 60.0


def describe(problem: Problem, plan: Plan, label: str) -> dict[str, object]:
    due = {j.id for j in problem.jobs if j.due_s is not None}
    violations = check_plan(problem, plan)
    km = plan.travel_m / 1000
    figures = {"planned": plan.planned_count, "unplanned": len(plan.unplanned), "travel_km": round(km, 1),
               "km_per_planned_job": round(km / max(plan.planned_count, 1), 3), "sla_misses": plan.sla_misses,
               "due_missed_incl_unplanned": plan.sla_misses + len(due & set(plan.unplanned)),
               "objective": plan.objective, "elapsed_s": round(plan.elapsed_s, 2), "violations": len(violations)}
    print(f"{label:9s} planned {plan.planned_count}/{len(problem.jobs)}  travel {km:8.1f} km "
          f"({figures['km_per_planned_job']} km/job)  SLA misses {plan.sla_misses} "
          f"(+ unplanned with due: {figures['due_missed_incl_unplanned']})  objective {plan.objective}  "
          f"{plan.elapsed_s:.1f} s  violations {len(violations)}")
    for line in violations[:10]:
        print("   ", line)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=50.0)
    parser.add_argument("--orders", type=int, default=500)
    parser.add_argument("--technicians", type=int, default=60)
    args = parser.parse_args()
    problem = region(args.orders, args.technicians)
    print(f"{len(problem.jobs)} orders, {len(problem.vehicles)} technician shifts, "
          f"{sum(1 for j in problem.jobs if j.pinned)} pinned, {sum(1 for j in problem.jobs if j.windows)} with windows, "
          f"{sum(1 for j in problem.jobs if j.due_s is not None)} with due times")
    base = describe(problem, greedy(problem), "greedy")
    ticks: list[float] = []
    started = time.monotonic()
    best = describe(problem, solve(problem, time_limit_s=args.seconds, progress=lambda e, f, o: ticks.append(e)), "optimiser")
    total = time.monotonic() - started
    reduction = 100 * (1 - best["travel_km"] / base["travel_km"])  # type: ignore[operator]
    per_job = 100 * (1 - best["km_per_planned_job"] / base["km_per_planned_job"])  # type: ignore[operator]
    gaps = [b - a for a, b in zip([0.0, *ticks], ticks, strict=False)]
    print(f"travel reduction {reduction:.1f} % in total, {per_job:.1f} % per planned job "
          f"(optimiser plans {best['planned'] - base['planned']} more jobs)")  # type: ignore[operator]
    print(f"optimiser elapsed {total:.1f} s, progress calls {len(ticks)}, longest gap {max(gaps, default=0):.2f} s")
    figures = {
        "greedy": base, "optimiser": best,
        "travel_reduction_pct": round(reduction, 1), "travel_reduction_per_job_pct": round(per_job, 1),
        "target_travel_reduction_pct": TARGET_REDUCTION_PCT, "reduction_ok": reduction >= TARGET_REDUCTION_PCT,
        "sla_ok": best["sla_misses"] <= base["sla_misses"],  # type: ignore[operator]
        "elapsed_s": round(total, 1), "target_elapsed_s": TARGET_ELAPSED_S, "elapsed_ok": total < TARGET_ELAPSED_S,
        "violations_ok": base["violations"] == 0 and best["violations"] == 0,
        "progress_longest_gap_s": round(max(gaps, default=0), 2),
    }
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
