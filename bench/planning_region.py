"""A deterministic synthetic planning day around Shanghai: orders, technicians' shifts, pins (for benchmarks)."""

from __future__ import annotations

import math
import random
from datetime import UTC, datetime

from console.core.planning import Job, Pinned, Problem, Vehicle

ORIGIN = datetime(2026, 11, 22, 16, 0, tzinfo=UTC)  # Monday 23 Nov 2026, 00:00 in Shanghai
CENTRE = (31.2, 121.5)
HOUR = 3600
SHIFT = (8 * HOUR + 1800, 17 * HOUR + 1800)
LUNCH = (12 * HOUR, 13 * HOUR)
# skill: (share of orders, service minutes low, high)
SKILLS = {
    "fault_repair": (0.30, 20, 45),
    "installation": (0.22, 30, 60),
    "survey": (0.16, 15, 30),
    "data_config": (0.14, 10, 25),
    "fiber_splicing": (0.12, 30, 60),
    "wireless_check": (0.06, 15, 30),
}
# customer level: (share, SLA miss penalty, drop penalty)
LEVELS = {"AAA": (0.1, 200_000, 3_000_000), "AA": (0.2, 100_000, 2_000_000), "A": (0.3, 50_000, 1_500_000),
          "B": (0.4, 20_000, 1_000_000)}
STATIONS = 8


def offset(km_north: float, km_east: float) -> tuple[float, float]:
    """A point this many km north and east of the centre."""
    lat = CENTRE[0] + km_north / 111.2
    return round(lat, 6), round(CENTRE[1] + km_east / (111.2 * math.cos(math.radians(CENTRE[0]))), 6)


def region(orders: int = 500, technicians: int = 60, pins: int = 20, seed: int = 2026) -> Problem:
    """The benchmark day: `orders` jobs, one shift per technician, `pins` locked bookings."""
    rng = random.Random(seed)
    hubs = [offset(rng.uniform(-12, 12), rng.uniform(-12, 12)) for _ in range(10)]
    stations = [offset(10 * math.sin(a), 10 * math.cos(a)) for a in (2 * math.pi * k / STATIONS for k in range(STATIONS))]
    names = list(SKILLS)
    vehicles = []
    for t in range(technicians):
        skills, count = {names[t % len(names)]}, rng.randint(2, 4)  # every skill somewhere, more of those in demand
        while len(skills) < count:
            skills.add(rng.choices(names, weights=[s[0] for s in SKILLS.values()])[0])
        home = stations[t % STATIONS]
        vehicles.append(Vehicle(f"T{t:03d}-d1", f"T{t:03d}", frozenset(skills), home, home, SHIFT, (LUNCH,)))
    jobs = []
    for n in range(orders):
        skill = rng.choices(names, weights=[s[0] for s in SKILLS.values()])[0]
        _, lo, hi = SKILLS[skill]
        service = rng.randint(lo, hi) * 60
        if rng.random() < 0.75:  # most orders in the busy districts, the rest anywhere within 25 km
            hub = rng.choice(hubs)
            where = (hub[0] + rng.gauss(0, 0.025), hub[1] + rng.gauss(0, 0.028))
        else:
            r, a = 25 * math.sqrt(rng.random()), rng.uniform(0, 2 * math.pi)
            where = offset(r * math.sin(a), r * math.cos(a))
        where = (round(where[0], 6), round(where[1], 6))
        windows: tuple[tuple[int, int], ...] = ()
        if rng.random() < 0.6:
            length = rng.choice((2, 3, 4)) * HOUR
            start = rng.choice(range(SHIFT[0], SHIFT[1] - length + 1, 1800))
            windows = ((start, min(start + length, SHIFT[1] - service)),)
        due = None
        if skill == "fault_repair" or rng.random() < 0.25:
            earliest = (windows[0][0] if windows else SHIFT[0]) + service + HOUR
            due = max(earliest, SHIFT[0] + rng.choice((2, 3, 4, 6, 8, 9)) * HOUR)
        level = rng.choices(list(LEVELS), weights=[v[0] for v in LEVELS.values()])[0]
        _, miss, drop = LEVELS[level]
        jobs.append(Job(f"W{n:04d}", where, service, windows, frozenset({skill}), due, miss, drop))
    free = list(vehicles)  # one pin per technician, so pins never collide
    for n in rng.sample(range(orders), pins):
        job = jobs[n]
        tech = next(v for v in free if job.skills <= v.skills)
        free.remove(tech)
        start = rng.choice((10, 11, 14, 15)) * HOUR
        jobs[n] = Job(job.id, job.location, job.service_s, ((start - HOUR, start + HOUR),), job.skills, None,
                      job.miss_penalty, job.drop_penalty, Pinned(tech.id, start))
    return Problem(ORIGIN, tuple(jobs), tuple(vehicles))
