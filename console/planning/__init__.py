"""The batch optimiser: plans jobs onto technician shifts (pure Python, no Qt, no SQL)."""

from console.planning.check import check_plan
from console.planning.greedy import greedy
from console.planning.model import Interval, Job, Pinned, Plan, Position, Problem, UnplannedReason, Vehicle, Visit
from console.planning.precheck import unplannable
from console.planning.solver import solve
from console.planning.travel import EuclideanTravel, MatrixTravel, RoadTravel, TravelModel

__all__ = [
    "EuclideanTravel", "Interval", "Job", "MatrixTravel", "Pinned", "Plan", "Position", "Problem", "RoadTravel",
    "TravelModel", "UnplannedReason", "Vehicle", "Visit", "check_plan", "greedy", "solve", "unplannable",
]
