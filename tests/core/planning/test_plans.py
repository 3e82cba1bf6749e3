"""Greedy and the optimiser on seeded random days: every rule holds, reasons are right, pins stay."""

from __future__ import annotations

import dataclasses

import pytest
from ortools.constraint_solver import pywrapcp

from console.core.planning import Job, Pinned, Plan, Problem, UnplannedReason, check_plan, greedy, solve
from tests.core.planning.instances import H, random_problem


def planners() -> list:
    return [greedy, lambda p: solve(p, time_limit_s=1.5)]


@pytest.mark.parametrize("seed", [1, 2, 3])
@pytest.mark.parametrize("plan_with", planners(), ids=["greedy", "solve"])
def test_plans_pass_the_checker(seed: int, plan_with) -> None:
    problem = random_problem(seed)
    plan: Plan = plan_with(problem)
    assert check_plan(problem, plan) == []
    assert plan.planned_count + len(plan.unplanned) == len(problem.jobs)
    assert set(plan.routes) == {v.id for v in problem.vehicles}


@pytest.mark.parametrize("plan_with", planners(), ids=["greedy", "solve"])
def test_pinned_booking_stays_exactly(plan_with) -> None:
    problem = random_problem(4)
    plan = plan_with(problem)
    visit = next(v for v in plan.routes["V0"] if v.job_id == "J0")
    assert visit.start_s == 10 * H


def test_structural_reasons() -> None:
    base = random_problem(5)
    first = base.jobs[1]
    odd = (
        dataclasses.replace(first, id="no-skill", skills=frozenset({"satellite_uplink"}), pinned=None),
        dataclasses.replace(first, id="night", windows=((22 * H, 23 * H),), pinned=None, skills=base.vehicles[0].skills),
        dataclasses.replace(first, id="far", location=(39.9, 116.4), windows=(), pinned=None, skills=base.vehicles[0].skills),
        dataclasses.replace(first, id="bad-pin", pinned=dataclasses.replace(base.jobs[0].pinned, vehicle_id="nobody")),
    )
    problem = dataclasses.replace(base, jobs=base.jobs + odd)
    for plan in (greedy(problem), solve(problem, time_limit_s=1)):
        assert plan.unplanned["no-skill"] is UnplannedReason.NO_SKILLED_TECHNICIAN
        assert plan.unplanned["night"] is UnplannedReason.NO_SHIFT_IN_WINDOW
        assert plan.unplanned["far"] is UnplannedReason.UNREACHABLE_IN_TIME
        assert plan.unplanned["bad-pin"] is UnplannedReason.PIN_CONFLICT
        assert check_plan(problem, plan) == []


def test_overloaded_day_reports_not_scheduled() -> None:
    problem = random_problem(6, jobs=40, vehicles=1)
    plan = solve(problem, time_limit_s=1)
    assert UnplannedReason.NOT_SCHEDULED in plan.unplanned.values()
    assert check_plan(problem, plan) == []


def test_optimiser_is_never_worse_than_greedy() -> None:
    problem = random_problem(7, jobs=40, vehicles=5)
    assert solve(problem, time_limit_s=2).objective <= greedy(problem).objective


def test_a_search_that_cannot_start_from_the_start_plan_starts_from_its_own(monkeypatch) -> None:
    """OR-Tools at times fails to search from the start plan read back (seen on a 500-technician
    demo region's day, whose technicians have breaks and reserved time of their own: every run
    there was left at the greedy start). The failure is injected here; the search must then start
    from OR-Tools' own first solution in the time left, and still never be worse than greedy."""
    problem = random_problem(7, jobs=40, vehicles=5)
    refused = []

    def cannot_start(routing, assignment, params):
        refused.append(assignment)
        return None

    monkeypatch.setattr(pywrapcp.RoutingModel, "SolveFromAssignmentWithParameters", cannot_start)
    plan = solve(problem, time_limit_s=2)
    assert refused, "the search was not started from the start plan first"
    assert plan.solver == "ortools-gls"
    assert plan.objective <= greedy(problem).objective
    assert check_plan(problem, plan) == []


def test_no_service_overlaps_lunch_and_travel_pauses_for_it() -> None:
    problem = random_problem(8, jobs=30)
    for plan in (greedy(problem), solve(problem, time_limit_s=1.5)):
        for visits in plan.routes.values():
            for v in visits:
                assert v.end_s <= 12 * H or v.start_s >= 13 * H


def test_checker_catches_broken_plans() -> None:
    problem = random_problem(9)
    plan = greedy(problem)
    vid, visits = next((k, v) for k, v in plan.routes.items() if len(v) >= 2)
    moved = dataclasses.replace(visits[1], arrive_s=visits[0].end_s, start_s=visits[0].end_s,
                                end_s=visits[0].end_s + visits[1].end_s - visits[1].start_s)
    broken = dataclasses.replace(plan, routes={**plan.routes, vid: (visits[0], moved, *visits[2:])})
    assert any("too soon" in e for e in check_plan(problem, broken))
    lost = dataclasses.replace(plan, unplanned={k: r for k, r in list(plan.unplanned.items())[1:]})
    if plan.unplanned:
        assert any("neither planned nor reported" in e for e in check_plan(problem, lost))
    twice = dataclasses.replace(plan, routes={**plan.routes, vid: (*visits, visits[0])})
    assert any("appears 2 times" in e for e in check_plan(problem, twice))


def test_tiny_instance_reaches_the_known_optimum() -> None:
    """Two jobs on a line east of the base: the only sensible tour is out and back, 2 × 4 km × 1.3."""
    km_east = 1 / (111.195 * 0.8554)  # degrees of longitude per km at 31.2° N
    home = (31.2, 121.5)
    near, far = (31.2, 121.5 + 2 * km_east), (31.2, 121.5 + 4 * km_east)
    base = random_problem(10, jobs=1, vehicles=2)
    vehicles = tuple(dataclasses.replace(v, start=home, end=home, skills=frozenset({"survey"}), breaks=(), max_jobs=None)
                     for v in base.vehicles)
    jobs = (Job("far", far, 600, skills=frozenset({"survey"})), Job("near", near, 600, skills=frozenset({"survey"})))
    problem = Problem(base.origin, jobs, vehicles)
    plan = solve(problem, time_limit_s=1)
    assert plan.travel_m == pytest.approx(2 * 4 * 1300, rel=0.01)
    assert sorted(len(visits) for visits in plan.routes.values()) == [0, 2]  # one vehicle, both jobs on one trip
    assert greedy(problem).travel_m >= plan.travel_m


def test_the_start_plan_keeps_the_current_plan_where_it_still_fits() -> None:
    """A booked visit (current placement) stays on its technician in greedy's plan, before newer work."""
    base = random_problem(11, jobs=12, vehicles=3)
    vehicle = base.vehicles[2]
    booked = Job("booked", base.jobs[3].location, 1800, windows=((14 * H, 16 * H),), skills=vehicle.skills,
                 current=Pinned(vehicle.id, 14 * H + 600))
    problem = dataclasses.replace(base, jobs=(*base.jobs, booked))
    plan = greedy(problem)
    assert "booked" in {v.job_id for v in plan.routes[vehicle.id]}
    assert check_plan(problem, plan) == []
    misplaced = dataclasses.replace(booked, current=Pinned("nobody", 14 * H))  # a hint that cannot be kept is ignored
    assert check_plan(dataclasses.replace(base, jobs=(*base.jobs, misplaced)), greedy(dataclasses.replace(base, jobs=(*base.jobs, misplaced)))) == []


def test_an_order_past_due_before_anyone_can_reach_it_is_planned_not_dropped() -> None:
    """Its miss is certain: it is still planned, not left out."""
    base = random_problem(12, jobs=6, vehicles=2)
    skills = base.vehicles[0].skills
    overdue = Job("overdue", base.jobs[0].location, 3600, skills=skills, due_s=2 * H, miss_penalty=400_000, drop_penalty=8_400_000)
    problem = dataclasses.replace(base, jobs=(*base.jobs, overdue))
    plan = solve(problem, time_limit_s=1.5)
    assert "overdue" in plan.vehicle_of()
    assert "overdue" in plan.late
    assert check_plan(problem, plan) == []
