"""What writing a plan reads, read once for all its steps.

A plan's step is checked by the booking rules as a single move is: against its technician's days
around the new start, read in the step's unit of work (`plan_data` narrowed to the technician and
the visit's orders). A plan of 300 steps did that 300 times: about twenty statements a step, 6,000
for a region's plan, each a round trip that, at a busy centre, waits for its thread's turn (a
plan's push took 2-17 s under the province bench's load, holding its technicians locked).

`PlanReads` reads the plan's technicians (locked, in one statement, in id order), their shifts and
visits over the span of all steps, and the orders of the visits it moves, once; each step's data is
that read narrowed in memory exactly as `plan_data` would narrow it in SQL, and each written step
is laid over it (the visit's technician, start and version; its orders' status, assignee and
version), so a later step sees the plan's earlier ones as it would have read them.
(tests/core/services/test_plan_reads.py compares it with `plan_data` at every step of a plan.)
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Collection, Iterable
from dataclasses import replace
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.domain.booking_rules import Travel
from console.core.services.planning import travel_model
from console.core.store.chunked import chunks
from console.core.store.models import Appointment, Technician, WorkOrder
from console.core.store.planning_query import PlanData, PlanOrder, PlanVisit, plan_data, waiting_orders

DAY_AROUND = timedelta(hours=36)  # the rules look at the technician's visits this far either side


class PlanReads:
    """The plan's technicians (locked), shifts, visits and orders over [start, end)."""

    def __init__(self, session: Session, start: datetime, end: datetime, technicians: Collection[uuid.UUID],
                 orders: Collection[uuid.UUID]):
        self.start, self.end = start, end
        self._abandoned = False
        self.travel: Travel = travel_model(session)
        ids = sorted(set(technicians))
        self.technicians: dict[uuid.UUID, Technician] = {
            t.id: t for chunk in chunks(ids) for t in session.scalars(
                select(Technician).where(Technician.id.in_(chunk)).order_by(Technician.id)
                .with_for_update().execution_options(populate_existing=True))}
        self._orders_of = set(orders)
        data = plan_data(session, None, start, end, technicians=set(ids), also_orders=self._orders_of, waiting=False)
        self._data = data
        self._visits: dict[uuid.UUID, PlanVisit] = {}
        self._by_technician: dict[uuid.UUID | None, set[uuid.UUID]] = defaultdict(set)
        self._by_order: dict[uuid.UUID, set[uuid.UUID]] = defaultdict(set)
        for visit in data.visits:
            self._hold(visit)
        self._orders: dict[uuid.UUID, PlanOrder] = dict(data.orders)
        self._unplanned = self._without_start(session, list(self._visits))
        self._work_orders = {o.id: o for chunk in chunks(sorted(self._orders_of)) for o in session.scalars(
            select(WorkOrder).where(WorkOrder.id.in_(chunk), WorkOrder.deleted.is_(False)).order_by(WorkOrder.id)
            .with_for_update().execution_options(populate_existing=True))}

    def visit(self, appointment_id: uuid.UUID) -> PlanVisit | None:
        return self._visits.get(appointment_id)

    def covers(self, technician_id: uuid.UUID | None, start: datetime, end: datetime, order_ids: Iterable[uuid.UUID]) -> bool:
        """Whether a step over these can be checked from the read (else it reads the database, and
        `abandon` makes every later step do so too)."""
        return (not self._abandoned and start >= self.start and end <= self.end and technician_id in self.technicians
                and set(order_ids) <= self._orders_of)

    def abandon(self) -> None:
        """A step is checked and written without the read: it no longer holds what later steps must see."""
        self._abandoned = True

    def data_for(self, technician_id: uuid.UUID, start: datetime, end: datetime, also_orders: Collection[uuid.UUID]) -> PlanData:
        """`plan_data(session, None, start, end, technicians={technician_id}, also_orders=also_orders,
        waiting=False)` as it would read now (the span and the orders within what was read)."""
        also = set(also_orders)
        technicians = tuple(t for t in self._data.technicians if t.id == technician_id)
        active = {t.id for t in technicians}
        shifts = tuple(s for s in self._data.shifts if s.technician_id in active and s.start < end and s.end > start)
        ids = self._by_technician.get(technician_id, set()).union(*(self._by_order.get(o, ()) for o in also))
        visits = sorted((v for v in map(self._visits.__getitem__, ids) if self._within(v, start, end)),
                        key=lambda v: (v.start, str(v.id)))
        in_visits = {o for v in visits for o in v.order_ids} | also
        orders = {o: self._orders[o] for o in in_visits if o in self._orders}
        return PlanData(start, end, technicians, shifts, tuple(visits), orders, waiting_orders(orders, visits, start))

    def work_orders(self, ids: Iterable[uuid.UUID]) -> list[WorkOrder]:
        """The orders, locked when read (as `AppointmentBook._orders`: the deleted left out, in the order given)."""
        return [self._work_orders[i] for i in ids if i in self._work_orders]

    def written(self, appointment: Appointment, orders: Iterable[WorkOrder]) -> None:
        """A step's visit and orders as it left them."""
        visit = self._visits.get(appointment.id)
        if visit is not None:
            self._hold(replace(
                visit, technician_id=appointment.technician_id, start=appointment.planned_start or appointment.window_start,
                minutes=appointment.duration_minutes, window_start=appointment.window_start, window_end=appointment.window_end,
                version=appointment.version))
            if appointment.planned_start is not None:
                self._unplanned.discard(appointment.id)
        for order in orders:
            held = self._orders.get(order.id)
            if held is not None:
                self._orders[order.id] = replace(held, status=order.status, assignee_id=order.assignee_id, version=order.version)

    def booked(self, appointment: Appointment, order_ids: Collection[uuid.UUID]) -> None:
        """A visit the plan booked (flushed) for these orders (open, at its site: `book_within` checked)."""
        ids = tuple(sorted(set(order_ids)))
        held = [self._orders[o] for o in ids if o in self._orders]
        self._hold(PlanVisit(
            appointment.id, appointment.technician_id, appointment.planned_start or appointment.window_start,
            appointment.duration_minutes, appointment.window_start, appointment.window_end, appointment.status,
            appointment.locked, appointment.site_id, held[0].position if held else None, ids, appointment.version))
        if appointment.planned_start is None:
            self._unplanned.add(appointment.id)
        for order in held:
            self._orders[order.id] = replace(order, appointment_id=appointment.id)

    def open_appointments(self, order_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
        """Which of these orders have an open visit (as `AppointmentBook._open_appointments`)."""
        return {o for o in order_ids if o in self._orders and self._orders[o].appointment_id is not None}

    def _hold(self, visit: PlanVisit) -> None:
        """The visit as it is now, found by its technician and its orders."""
        was = self._visits.get(visit.id)
        if was is not None:
            self._by_technician[was.technician_id].discard(was.id)
        self._visits[visit.id] = visit
        self._by_technician[visit.technician_id].add(visit.id)
        for order_id in visit.order_ids:
            self._by_order[order_id].add(visit.id)

    def _within(self, visit: PlanVisit, start: datetime, end: datetime) -> bool:
        """`_visits`' filters over the span: a planned start from a day before the span until its
        end, or (none planned) a window over it; and the visit over the span."""
        if visit.id in self._unplanned:
            fits = visit.window_start < end and visit.window_end > start
        else:
            fits = start - timedelta(days=1) <= visit.start < end
        return fits and visit.end > start and visit.start < end

    @staticmethod
    def _without_start(session: Session, ids: list[uuid.UUID]) -> set[uuid.UUID]:
        return {i for chunk in chunks(ids) for i in session.scalars(
            select(Appointment.id).where(Appointment.id.in_(chunk), Appointment.planned_start.is_(None)))}

