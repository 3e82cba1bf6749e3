"""The batch optimiser: plans jobs onto technician shifts (pure Python, no Qt, no SQL)."""

from console.core.planning.check import check_plan
from console.core.planning.greedy import greedy
from console.core.planning.model import Interval, Job, Pinned, Plan, Position, Problem, UnplannedReason, Vehicle, Visit
from console.core.planning.precheck import unplannable
from console.core.planning.solver import solve
from console.core.planning.travel import EuclideanTravel, MatrixTravel, RoadTravel, TravelModel

__all__ = [
    "EuclideanTravel", "Interval", "Job", "MatrixTravel", "Pinned", "Plan", "Position", "Problem", "RoadTravel",
    "TravelModel", "UnplannedReason", "Vehicle", "Visit", "check_plan", "greedy", "solve", "unplannable",
]
