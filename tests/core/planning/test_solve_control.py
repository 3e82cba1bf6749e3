"""The optimiser's progress reports and cancellation."""

from __future__ import annotations

import gc
import threading
import time

from ortools.constraint_solver import pywrapcp

from console.core.planning import check_plan, solve
from tests.core.planning.instances import random_problem


def test_progress_is_reported_at_least_every_half_second() -> None:
    calls: list[tuple[float, float, int | None]] = []
    # (3 s: reports at about 0.5, 1.0, 1.5 and 2.0 s and the last at 2.5; at 2.5 s a loaded machine that
    # slipped one report left only 3)
    solve(random_problem(11, jobs=60, vehicles=6), time_limit_s=3.0, progress=lambda *a: calls.append(a))
    times = [c[0] for c in calls]
    assert len(calls) >= 4
    assert max(b - a for a, b in zip([0.0, *times], times, strict=False)) < 0.9
    assert all(0.0 <= c[1] <= 1.0 for c in calls) and calls[-1][1] == 1.0
    assert calls[-1][2] is not None


def test_cancel_returns_promptly_with_a_valid_plan() -> None:
    problem = random_problem(12, jobs=60, vehicles=6)
    cancel, cancelled_at = threading.Event(), []

    def press_cancel() -> None:
        cancelled_at.append(time.monotonic())
        cancel.set()

    threading.Timer(1.0, press_cancel).start()
    plan = solve(problem, time_limit_s=30, cancel=cancel)
    # (timed from the press: the promise is the time from cancel to a plan; on a loaded machine the
    # timer itself may fire late)
    assert cancelled_at and time.monotonic() - cancelled_at[0] < 1.0
    assert check_plan(problem, plan) == []


def test_cancel_before_start_returns_the_greedy_start() -> None:
    problem = random_problem(13)
    cancel = threading.Event()
    cancel.set()
    plan = solve(problem, time_limit_s=30, cancel=cancel)
    assert plan.elapsed_s < 1.0
    assert check_plan(problem, plan) == []



def test_the_start_is_read_back_under_the_runs_time_limit(monkeypatch) -> None:
    """Reading the greedy start back into OR-Tools is a search of its own, run under the limits the
    model was closed with; a model not closed yet is closed with OR-Tools' defaults, no time limit
    (a province region's day with breaks once ran on there for minutes, holding the GIL: the desk's
    window froze). The solve closes the model with the run's parameters first. (That instance was
    not reproduced here: this checks the order, and that the solve still ends within its limit.)"""
    from ortools.constraint_solver import pywrapcp

    from console.core.planning.ortools_model import RoutingModel

    calls: list[str] = []
    read, close = RoutingModel.read_routes, pywrapcp.RoutingModel.CloseModelWithParameters

    def reading(self, sequences):
        calls.append("read")
        return read(self, sequences)

    def closing(self, parameters):
        calls.append(f"close {parameters.time_limit.ToMilliseconds()} ms")
        return close(self, parameters)

    monkeypatch.setattr(RoutingModel, "read_routes", reading)
    monkeypatch.setattr(pywrapcp.RoutingModel, "CloseModelWithParameters", closing)
    problem = random_problem(14, jobs=80, vehicles=6)
    started = time.monotonic()
    plan = solve(problem, time_limit_s=1.5)
    assert len(calls) == 2 and calls[1] == "read" and 0 < int(calls[0].split()[1]) <= 1000, calls
    assert time.monotonic() - started < 2.5
    assert check_plan(problem, plan) == []


def test_a_finished_run_leaves_no_routing_model_behind() -> None:
    """Each run's OR-Tools model (about 140 MB for a 500-technician region's day) is freed when the
    run ends: the callbacks its C++ side holds once kept it alive, and a desk grew with each run."""
    for seed in (1, 2):
        plan = solve(random_problem(seed, jobs=30, vehicles=4), time_limit_s=1.0)
        assert plan.solver == "ortools-gls"
    gc.collect()
    assert [o for o in gc.get_objects() if isinstance(o, pywrapcp.RoutingModel)] == []
