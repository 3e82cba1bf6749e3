"""Planning reads: the board's data, a technician's day as the booking rules see it, candidates."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy.orm import Session

from console.core.domain.booking_rules import BookedVisit, Finding, ProposedVisit, ShiftSpan, TechnicianDay, Travel, check_visit
from console.core.domain.candidates import Candidate, rank
from console.core.domain.positions import Fix, fresh_fix
from console.core.domain.visits import joint_visit_minutes, visit_minutes
from console.core.store.database import Database
from console.core.store.planning_query import PlanData, PlanOrder, PlanVisit, plan_data
from console.core.store.queries import technician_positions
from console.core.store.rules import parameters

CANDIDATE_HORIZON = timedelta(days=3)  # an order without a window is placed within this


def travel_model(session: Session) -> Travel:
    values = parameters(session)
    return Travel(float(values["planning.road_factor"]), float(values["planning.speed_kmh"]))


def technician_days(data: PlanData, now: datetime | None = None) -> dict[uuid.UUID, TechnicianDay]:
    """Each technician's shifts and visits over the data's span, as the booking rules take them;
    with `now`, also where the field app saw them if that is fresh (the candidates' drives start there)."""
    shifts: dict[uuid.UUID, list[ShiftSpan]] = defaultdict(list)
    for s in data.shifts:
        shifts[s.technician_id].append(ShiftSpan(s.start, s.end, s.break_start, s.break_end))
    visits: dict[uuid.UUID, list[BookedVisit]] = defaultdict(list)
    for v in data.visits:
        if v.technician_id is not None:
            visits[v.technician_id].append(BookedVisit(v.id, v.start, v.end, v.position, _label(data, v)))
    return {
        t.id: TechnicianDay(t.id, t.skills, t.region_id, t.active, t.home, tuple(shifts[t.id]),
                            tuple(sorted(visits[t.id], key=lambda b: b.start)),
                            fresh_fix(t.last.latitude, t.last.longitude, t.last.at, now) if t.last and now else None)
        for t in data.technicians
    }


def visit_of(data: PlanData, visit: PlanVisit, start: datetime | None = None) -> ProposedVisit:
    """An existing appointment as a proposal (at `start` when it is being moved)."""
    orders = [data.orders[o] for o in visit.order_ids if o in data.orders]
    return ProposedVisit(
        visit.id, start or visit.start, visit.minutes, visit.position,
        frozenset().union(*(o.skills for o in orders)) if orders else frozenset(),
        orders[0].region_id if orders else uuid.UUID(int=0), (visit.window_start, visit.window_end),
        _earliest_due(orders), visit.locked, not orders,
    )


def order_visit(order: PlanOrder, start: datetime) -> ProposedVisit:
    """A visit for an order that has none yet (no window agreed)."""
    return ProposedVisit(None, start, visit_minutes(order.kind, order.access_points), order.position, order.skills,
                         order.region_id, None, _earliest_due([order]))


def joint_minutes(orders: list[PlanOrder]) -> int:
    return joint_visit_minutes((o.kind, o.access_points) for o in orders)


def _earliest_due(orders: list[PlanOrder]) -> datetime | None:
    dues = [o.sla.times.due_at for o in orders if o.sla is not None and o.sla.paused_since is None]
    return min(dues) if dues else None


def _label(data: PlanData, visit: PlanVisit) -> str:
    return " ".join(data.orders[o].number for o in visit.order_ids if o in data.orders)


@dataclass(frozen=True)
class CandidateList:
    order: PlanOrder
    visit: ProposedVisit
    candidates: list[Candidate]
    names: dict[uuid.UUID, str]
    regions: dict[uuid.UUID, tuple[str, str]] = field(default_factory=dict)  # technician -> region (Chinese, English)


class PlanningDesk:
    def __init__(self, database: Database):
        self.database = database

    def plan(self, region_id: uuid.UUID | None, start: datetime, end: datetime) -> PlanData:
        with self.database.reading() as session:
            return plan_data(session, region_id, start, end)

    def positions(self, technician_ids: set[uuid.UUID]) -> dict[uuid.UUID, Fix]:
        """Where these technicians were last seen (those never seen, or no longer active, left out)."""
        with self.database.reading() as session:
            rows = technician_positions(session, None, technician_ids)
        return {row[0]: Fix(row[2], row[3], row[4]) for row in rows if row[4] is not None}

    def travel(self) -> Travel:
        with self.database.reading() as session:
            return travel_model(session)

    def candidates(self, order_id: uuid.UUID, now: datetime) -> CandidateList | None:
        """Technicians of the order's region (and the rest after them) ranked for its visit."""
        with self.database.reading() as session:
            travel = travel_model(session)
            data = plan_data(session, None, now - timedelta(hours=12), now + CANDIDATE_HORIZON, also_orders={order_id}, waiting=False)
        order = data.orders.get(order_id)
        if order is None:
            return None
        visit = next((v for v in data.visits if v.id == order.appointment_id), None)
        proposed = visit_of(data, visit) if visit is not None else order_visit(order, now)
        ranked = rank(proposed, list(technician_days(data, now).values()), travel, now, now + CANDIDATE_HORIZON)
        return CandidateList(order, proposed, ranked, {t.id: t.name for t in data.technicians},
                             {t.id: (t.region, t.region_en) for t in data.technicians})


def check_move(data: PlanData, days: dict[uuid.UUID, TechnicianDay], travel: Travel, visit: ProposedVisit,
               technician_id: uuid.UUID, now: datetime) -> list[Finding]:
    """What speaks against `visit` with `technician_id`; the board calls it while dragging."""
    day = days.get(technician_id)
    if day is None:
        day = TechnicianDay(technician_id, frozenset(), uuid.UUID(int=0), False, None, (), ())
    return check_visit(visit, day, travel, now)
