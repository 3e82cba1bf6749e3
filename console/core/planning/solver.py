"""The optimiser: greedy start, then OR-Tools guided local search, with progress and cancellation."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ortools.constraint_solver import pywrapcp, routing_enums_pb2

from console.core.planning.greedy import greedy_sequences
from console.core.planning.insertion import insert_leftovers
from console.core.planning.model import Plan, Problem
from console.core.planning.ortools_model import RoutingModel, build_model
from console.core.planning.precheck import precheck
from console.core.planning.schedule import build_plan, prepare

Progress = Callable[[float, float, int | None], None]  # (elapsed_s, fraction 0..1, best objective so far or None)
TICK_S = 0.1
PROGRESS_EVERY_S = 0.5
FINISH_MARGIN_S = 0.5
NEIGHBORS_RATIO = 0.1  # local search moves look at the nearest tenth of the nodes: much faster on 500 jobs
MIN_NEIGHBORS = 15  # kept back from the time limit for turning the solution into a Plan


def solve(problem: Problem, *, time_limit_s: float, progress: Progress | None = None,
          cancel: threading.Event | None = None) -> Plan:
    """The best plan found within time_limit_s (never worse than greedy's by Plan.objective).

    progress is called from this thread about every half second; setting cancel returns the best
    plan so far within a second. The work runs on a helper thread; this one only watches it."""
    started = time.monotonic()
    run = _Run(problem, time_limit_s, cancel or threading.Event(), started)
    worker = threading.Thread(target=run.main, name="planning-solve", daemon=True)
    worker.start()
    reported = started
    while not run.done.wait(TICK_S):
        if run.cancel.is_set():
            run.stop()
        now = time.monotonic()
        if progress and now - reported >= PROGRESS_EVERY_S:
            progress(now - started, min(1.0, (now - started) / max(time_limit_s, 1e-9)), run.best)
            reported = now
    worker.join()
    if run.error is not None:
        raise run.error
    assert run.plan is not None
    if progress:
        progress(time.monotonic() - started, 1.0, run.plan.objective)
    return run.plan


class _Run:
    """One solve on the helper thread; the watching thread reads `best` and may call `stop`."""

    def __init__(self, problem: Problem, time_limit_s: float, cancel: threading.Event, started: float) -> None:
        self.problem, self.time_limit_s, self.cancel, self.started = problem, time_limit_s, cancel, started
        self.done = threading.Event()
        self.best: int | None = None
        self.plan: Plan | None = None
        self.error: BaseException | None = None
        self._model: RoutingModel | None = None

    def stop(self) -> None:
        model = self._model
        if model is not None:
            model.routing.CancelSearch()

    def main(self) -> None:
        try:
            self.plan = self._solve()
        except BaseException as error:  # handed to the calling thread
            self.error = error
        finally:
            # The model's C++ side holds this run's Python callbacks, and they reach the model back:
            # a cycle Python's collector cannot see, which kept every run's model (about 140 MB for a
            # 500-technician region's day) until the desk closed.
            self._model = None
            self.done.set()

    def _solve(self) -> Plan:
        ctx = prepare(self.problem)
        pre = precheck(ctx)
        seed = insert_leftovers(ctx, pre, greedy_sequences(ctx, pre), allow_late=False)
        baseline = build_plan(ctx, seed, pre.reasons, "greedy+insertion", self.started)
        self.best = baseline.objective
        if self.cancel.is_set() or len(pre.reasons) == len(ctx.jobs):
            return baseline
        model = build_model(ctx, pre)
        routing = model.routing
        cost = routing.CostVar()  # (the callback holds the variable, not the model it belongs to)
        routing.AddAtSolutionCallback(lambda: self._on_solution(cost.Max()))
        # OR-Tools holds the GIL while it searches; this check is a Python call it makes often,
        # which lets the watching thread run (progress) and stops any search of the run (reading
        # the start back included) as soon as cancel is set or the run's time is up.
        routing.AddSearchMonitor(routing.solver().CustomLimit(self._stopped))
        params = pywrapcp.DefaultRoutingSearchParameters()
        params.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
        params.first_solution_strategy = routing_enums_pb2.FirstSolutionStrategy.PARALLEL_CHEAPEST_INSERTION
        params.ls_operator_neighbors_ratio = NEIGHBORS_RATIO
        params.ls_operator_min_neighbors = MIN_NEIGHBORS
        self._model = model
        left = self._left()
        if self.cancel.is_set() or left <= 0:
            return baseline
        # Reading the start back into the model is a search of its own: closed with the run's time
        # limit, not OR-Tools' defaults (no limit: a province region's day with breaks ran on for
        # minutes there, holding the GIL, the desk's window frozen).
        params.time_limit.FromMilliseconds(int(left * 1000))
        routing.CloseModelWithParameters(params)
        initial = model.read_routes(seed)
        left = self._left()
        if self.cancel.is_set() or left <= 0:
            return baseline
        params.time_limit.FromMilliseconds(int(left * 1000))
        solution = routing.SolveFromAssignmentWithParameters(initial, params) if initial is not None else None
        left = self._left()
        if solution is None and not self.cancel.is_set() and left > 0:
            # No search from the start plan: OR-Tools fails to complete routes read back when vehicles
            # have breaks of their own (a kept visit's reserved time, a technician's own lunch), even
            # empty ones. Its own first solution then, in the time left.
            params.time_limit.FromMilliseconds(int(left * 1000))
            solution = routing.SolveWithParameters(params)
        if solution is None:
            return baseline
        found = insert_leftovers(ctx, pre, model.sequences(solution), allow_late=True)
        plan = build_plan(ctx, found, pre.reasons, "ortools-gls", self.started)
        return plan if plan.objective <= baseline.objective else baseline

    def _left(self) -> float:
        """Seconds the search may still take (the rest is kept for turning its routes into a plan)."""
        return self.time_limit_s - (time.monotonic() - self.started) - FINISH_MARGIN_S

    def _stopped(self) -> bool:
        return self.cancel.is_set() or time.monotonic() - self.started > self.time_limit_s

    def _on_solution(self, cost: int) -> None:
        self.best = cost if self.best is None else min(self.best, cost)
