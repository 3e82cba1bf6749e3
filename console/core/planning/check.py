"""An independent plan validator: every rule re-checked from the problem itself, for tests and benchmarks."""

from __future__ import annotations

from collections import Counter

from console.core.planning.model import Interval, Plan, Problem, UnplannedReason


def check_plan(problem: Problem, plan: Plan) -> list[str]:
    """Every broken rule as a sentence; an empty list means the plan is valid."""
    errors: list[str] = []
    jobs = {j.id: j for j in problem.jobs}
    vehicles = {v.id: v for v in problem.vehicles}
    points = list(dict.fromkeys([*(j.location for j in problem.jobs), *(v.start for v in problem.vehicles),
                                 *(v.end for v in problem.vehicles)]))
    row = {p: i for i, p in enumerate(points)}
    dist, secs = problem.travel.matrices(points)

    seen = Counter(visit.job_id for visits in plan.routes.values() for visit in visits)
    seen.update(list(plan.unplanned))
    errors += [f"job {i} appears {n} times" for i, n in seen.items() if n != 1]
    errors += [f"unknown job {i}" for i in seen if i not in jobs]
    errors += [f"job {i} neither planned nor reported" for i in jobs if i not in seen]
    for job_id, reason in plan.unplanned.items():
        if not isinstance(reason, UnplannedReason):
            errors.append(f"job {job_id}: reason {reason!r} is not an UnplannedReason")
        elif reason is UnplannedReason.NO_SKILLED_TECHNICIAN and job_id in jobs and any(
            jobs[job_id].skills <= v.skills for v in problem.vehicles
        ):
            errors.append(f"job {job_id}: reported without a skilled technician, but one exists")

    travel_m, late = 0, set()
    for vid, visits in plan.routes.items():
        vehicle = vehicles.get(vid)
        if vehicle is None:
            errors.append(f"unknown vehicle {vid}")
            continue
        known = [v for v in visits if v.job_id in jobs]
        if vehicle.max_jobs is not None and len(known) > vehicle.max_jobs:
            errors.append(f"{vid}: {len(known)} jobs, more than {vehicle.max_jobs}")
        if vehicle.capacity is not None and sum(jobs[v.job_id].demand for v in known) > vehicle.capacity:
            errors.append(f"{vid}: load over capacity {vehicle.capacity}")
        breaks = _union(vehicle.breaks)
        here, free_from = row[vehicle.start], vehicle.shift[0]
        for visit in known:
            job = jobs[visit.job_id]
            where = f"{vid}/{job.id}"
            if not job.skills <= vehicle.skills:
                errors.append(f"{where}: missing skills {sorted(job.skills - vehicle.skills)}")
            if job.pinned and (job.pinned.vehicle_id != vid or job.pinned.start_s != visit.start_s):
                errors.append(f"{where}: pinned to {job.pinned.vehicle_id} at {job.pinned.start_s}, moved to {visit.start_s}")
            if not job.pinned and job.windows and not any(ws <= visit.start_s <= we for ws, we in job.windows):
                errors.append(f"{where}: starts at {visit.start_s}, outside its windows {job.windows}")
            if visit.end_s - visit.start_s != job.service_s:
                errors.append(f"{where}: service lasts {visit.end_s - visit.start_s}, not {job.service_s}")
            if not visit.arrive_s <= visit.start_s:
                errors.append(f"{where}: starts before arriving")
            if visit.start_s < vehicle.shift[0] or visit.end_s > vehicle.shift[1]:
                errors.append(f"{where}: service {visit.start_s}-{visit.end_s} outside shift {vehicle.shift}")
            if any(bs < max(visit.end_s, visit.start_s + 1) and be > visit.start_s for bs, be in breaks):
                errors.append(f"{where}: service {visit.start_s}-{visit.end_s} overlaps a break {vehicle.breaks}")
            need = int(secs[here, row[job.location]])
            if visit.arrive_s - free_from - _overlap(breaks, free_from, visit.arrive_s) < need:
                errors.append(f"{where}: arrives at {visit.arrive_s}, too soon after {free_from} for {need} s of travel")
            travel_m += int(dist[here, row[job.location]])
            if job.due_s is not None and visit.end_s > job.due_s:
                late.add(job.id)
            here, free_from = row[job.location], max(free_from, visit.end_s)
        if known:
            need = int(secs[here, row[vehicle.end]])
            if vehicle.shift[1] - free_from - _overlap(breaks, free_from, vehicle.shift[1]) < need:
                errors.append(f"{vid}: cannot be home by {vehicle.shift[1]} ({need} s of travel after {free_from})")
            travel_m += int(dist[here, row[vehicle.end]])
    if travel_m != plan.travel_m:
        errors.append(f"travel_m says {plan.travel_m}, routes drive {travel_m}")
    if late != set(plan.late):
        errors.append(f"late jobs {sorted(plan.late)} reported, {sorted(late)} found")
    return errors


def _union(intervals: tuple[Interval, ...]) -> list[Interval]:
    out: list[Interval] = []
    for s, e in sorted(intervals):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        elif e > s:
            out.append((s, e))
    return out


def _overlap(intervals: list[Interval], lo: int, hi: int) -> int:
    return sum(max(0, min(e, hi) - max(s, lo)) for s, e in intervals)
