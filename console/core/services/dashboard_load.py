"""Load per technician and team: open orders held, hours booked, and utilisation as the schedule
board computes it (time on visits and the drive to each, against shift time less breaks), over a
span; idle and overbooked technicians by thresholds that are rule parameters."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

import numpy as np

from console.core.domain.booking_rules import Travel
from console.core.domain.geo import Placement, placement, service_area
from console.core.services.dashboard_figures import LoadFigures, TeamLoad, TechnicianLoad
from console.core.store import dashboard_query as q

SAME_DAY_GAP = 10 * 3600  # a visit this soon after the last one drives from there, else from home (as on the board)


def busy_seconds(visits: q.VisitColumns, homes: dict, travel: Travel, start: float, end: float,
                 area: tuple[float, float, float, float] | None = None) -> dict:
    """Raw technician id -> (seconds on visits and driving to them, seconds booked) of the visits starting in [start, end).
    A position outside the service `area` (a site never placed, at 0,0) is no position: no drive is counted to or from it."""
    busy: dict = defaultdict(float)
    booked: dict = defaultdict(float)
    last: dict = {}
    for k in np.argsort(visits.start, kind="stable"):
        tech = visits.technician[k]
        if tech is None:
            continue
        here = _placed(visits.lat[k], visits.lon[k], area)
        begins, minutes = float(visits.start[k]), float(visits.minutes[k])
        before = last.get(tech)
        home = homes.get(tech)
        origin = before[1] if before is not None and begins - before[0] < SAME_DAY_GAP else \
            (home and _placed(home[0], home[1], area))
        last[tech] = (begins + minutes * 60, here)
        if start <= begins < end:
            drive = travel.duration(origin, here).total_seconds()
            busy[tech] += minutes * 60 + drive
            booked[tech] += minutes * 60
    return {t: (busy[t], booked[t]) for t in busy}


def _placed(lat: float, lon: float, area: tuple[float, float, float, float] | None) -> tuple[float, float] | None:
    if lat is None or np.isnan(lat):
        return None
    if area is not None and placement(float(lat), float(lon), area) != Placement.PLACED:
        return None
    return float(lat), float(lon)


def shift_seconds(shifts: list[tuple], start: float, end: float) -> dict:
    """Raw technician id -> seconds of shift less breaks inside [start, end)."""
    out: dict = defaultdict(float)
    for tech, s0, s1, b0, b1 in shifts:
        out[tech] += max(0.0, float(min(s1, end) - max(s0, start)))
        if not (np.isnan(b0) or np.isnan(b1)):
            out[tech] -= max(0.0, float(min(b1, end) - max(b0, start)))
    return out


def area_of(centres: list[tuple[float, float]]) -> tuple[float, float, float, float] | None:
    return service_area(centres) if centres else None


def load_figures(technicians: list[q.TechnicianFacts], shifts: list[tuple], visits: q.VisitColumns, orders: q.OrderColumns,
                 start: datetime, end: datetime, travel: Travel, idle_below: float, overbooked_above: float,
                 area: tuple[float, float, float, float] | None = None) -> LoadFigures:
    t0, t1 = start.timestamp(), end.timestamp()
    busy = busy_seconds(visits, {t.id: t.home for t in technicians}, travel, t0, t1, area)
    available = shift_seconds(shifts, t0, t1)
    held = np.isnan(orders.finished) & np.array([a is not None for a in orders.assignee], dtype=bool)
    holders = orders.assignee[held]
    held_ids = orders.ids[held]
    by_tech: dict = defaultdict(list)
    for tech, order in zip(holders, held_ids, strict=True):
        by_tech[tech].append(order)
    rows = []
    for t in technicians:
        spent, booked = busy.get(t.id, (0.0, 0.0))
        shift = available.get(t.id, 0.0)
        mine = np.array(by_tech.get(t.id, []), dtype=object)
        ratio = spent / shift if shift > 0 else None
        rows.append(TechnicianLoad(q.order_id(t.id), t.name, t.team, len(mine), booked / 3600, spent / 3600, float(shift) / 3600, mine,
                                   idle=bool(ratio is not None and ratio < idle_below),
                                   overbooked=bool((ratio is not None and ratio > overbooked_above) or (shift <= 0 < spent))))
    return LoadFigures(rows, _teams(rows), idle_below, overbooked_above)


def _teams(rows: list[TechnicianLoad]) -> list[TeamLoad]:
    teams: dict[str, list[TechnicianLoad]] = defaultdict(list)
    for row in rows:
        teams[row.team].append(row)
    return [TeamLoad(team, len(members), sum(m.open_orders for m in members), sum(m.booked_hours for m in members),
                     sum(m.busy_hours for m in members), sum(m.shift_hours for m in members),
                     np.concatenate([m.orders for m in members]) if members else np.empty(0, dtype=object))
            for team, members in sorted(teams.items())]
