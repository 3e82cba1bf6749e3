"""Seeded random planning instances for the optimiser's tests."""

from __future__ import annotations

import random
from datetime import UTC, datetime

from console.core.planning import Job, Pinned, Problem, Vehicle

ORIGIN = datetime(2026, 11, 22, 16, 0, tzinfo=UTC)
H = 3600
SKILLS = ("survey", "installation", "fault_repair")


def random_problem(seed: int, jobs: int = 25, vehicles: int = 4) -> Problem:
    """A small day near Shanghai: lunch breaks, windows, due times, one pin, varied skills."""
    rng = random.Random(seed)
    fleet = []
    for v in range(vehicles):
        home = (31.2 + rng.uniform(-0.03, 0.03), 121.5 + rng.uniform(-0.03, 0.03))
        skills = frozenset(rng.sample(SKILLS, rng.randint(1, 3)))
        fleet.append(Vehicle(f"V{v}", f"T{v}", skills, home, home, (8 * H + 1800, 17 * H + 1800), ((12 * H, 13 * H),),
                             max_jobs=rng.choice((None, 8))))
    out = []
    for n in range(jobs):
        where = (31.2 + rng.uniform(-0.05, 0.05), 121.5 + rng.uniform(-0.05, 0.05))
        windows = ()
        if rng.random() < 0.5:
            start = rng.randrange(8 * H, 15 * H, 1800)
            windows = ((start, start + rng.choice((2, 3)) * H),)
        due = rng.choice((None, None, 11 * H, 14 * H, 17 * H))
        out.append(Job(f"J{n}", where, rng.randint(15, 60) * 60, windows, frozenset({rng.choice(SKILLS)}), due,
                       rng.choice((20_000, 100_000)), 1_000_000))
    pinned_vehicle = fleet[0]
    skill = next(iter(pinned_vehicle.skills))
    out[0] = Job("J0", out[0].location, 1800, (), frozenset({skill}), None, 0, 1_000_000, Pinned(pinned_vehicle.id, 10 * H))
    return Problem(ORIGIN, tuple(out), tuple(fleet))
