"""The batch optimiser's problem and plan: frozen values, times in integer seconds from the origin."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from console.core.planning.travel import RoadTravel, TravelModel

Position = tuple[float, float]  # (lat, lon); for matrix or Euclidean travel any point the model knows
Interval = tuple[int, int]  # [start_s, end_s] in seconds from Problem.origin


@dataclass(frozen=True)
class Pinned:
    """A locked booking: the job stays on this vehicle and starts exactly at start_s."""

    vehicle_id: str
    start_s: int


@dataclass(frozen=True)
class Job:
    """One order to serve: where, how long, when it may start, what skills it needs, what missing it costs."""

    id: str
    location: Position
    service_s: int
    windows: tuple[Interval, ...] = ()  # allowed START times (appointment); empty: any time in a shift
    skills: frozenset[str] = frozenset()
    due_s: int | None = None  # SLA deadline: ending service after it is a miss
    miss_penalty: int = 0  # cost of an SLA miss (caller's scale: customer level and SLA band)
    drop_penalty: int = 1_000_000  # cost of leaving it unplanned; must dominate travel metres
    pinned: Pinned | None = None
    current: Pinned | None = None  # where it stands in the current plan: where the start plan puts it, if it fits
    demand: int = 0  # load, for capacitated benchmarks (Solomon); 0 for field work


@dataclass(frozen=True)
class Vehicle:
    """One technician's one shift: a technician working three days is three vehicles."""

    id: str
    technician_id: str
    skills: frozenset[str]
    start: Position
    end: Position  # home base
    shift: Interval
    breaks: tuple[Interval, ...] = ()  # fixed: no service and no travel inside them
    max_jobs: int | None = None
    capacity: int | None = None  # for capacitated benchmarks; None: unlimited
    fixed_cost: int = 0  # cost of using this vehicle at all (Solomon: fewest vehicles first)


@dataclass(frozen=True)
class Problem:
    """Jobs and vehicles of one planning run, with the travel model between their positions."""

    origin: datetime  # UTC; every *_s is seconds after it
    jobs: tuple[Job, ...]
    vehicles: tuple[Vehicle, ...]
    travel: TravelModel = field(default_factory=RoadTravel)


class UnplannedReason(enum.Enum):
    """Why a job is not in the plan."""

    NO_SKILLED_TECHNICIAN = "no_skilled_technician"  # no vehicle has all its skills
    NO_SHIFT_IN_WINDOW = "no_shift_in_window"  # no skilled vehicle's shift overlaps its window
    UNREACHABLE_IN_TIME = "unreachable_in_time"  # not even alone can a skilled vehicle get there and back in time
    PIN_CONFLICT = "pin_conflict"  # a locked booking that cannot be kept as it is (vehicle, skills, time)
    NOT_SCHEDULED = "not_scheduled"  # feasible alone, left out by the planner (capacity)


@dataclass(frozen=True)
class Visit:
    """One job on a route: arrival, start and end of service, in seconds from the origin."""

    job_id: str
    arrive_s: int
    start_s: int
    end_s: int


@dataclass(frozen=True)
class Plan:
    """Routes per vehicle, unplanned jobs with reasons, and totals.

    objective = travel_m + miss_penalty of each late job + drop_penalty of each unplanned job,
    the same measure for every planner so plans can be compared."""

    routes: Mapping[str, tuple[Visit, ...]]  # every vehicle id, in start order
    unplanned: Mapping[str, UnplannedReason]
    travel_m: int
    travel_s: int
    late: tuple[str, ...]  # job ids that end after their due time
    objective: int
    solver: str
    elapsed_s: float

    @property
    def sla_misses(self) -> int:
        return len(self.late)

    @property
    def planned_count(self) -> int:
        return sum(len(visits) for visits in self.routes.values())

    def vehicle_of(self) -> dict[str, str]:
        """Job id → vehicle id for every planned job."""
        return {visit.job_id: vid for vid, visits in self.routes.items() for visit in visits}
