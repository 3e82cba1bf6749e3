"""A technician's work list, as the field app shows it: the open orders assigned to them that the
field may report on, each with the site to drive to, the booked visit and the order's version (what
the app sends back with its reports, so a report on an order the desk changed meanwhile is refused).

Read by the centre's `GET /field/visits` and by the demo's in-process field simulation alike.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.domain.enums import AppointmentStatus
from console.core.domain.field import REPORTABLE
from console.core.store.models import Appointment, AppointmentOrder, Site, WorkOrder

MOST = 200  # far more than a technician's open orders; a list that long is a desk's mistake, not a phone's


@dataclass(frozen=True)
class Visit:
    order_id: uuid.UUID
    number: str
    kind: str
    status: str
    version: int
    address: str
    latitude: float | None
    longitude: float | None
    due_at: datetime | None
    received_at: datetime | None = None
    window_start: datetime | None = None
    window_end: datetime | None = None
    planned_start: datetime | None = None
    duration_minutes: int | None = None


def work_list(session: Session, technician_id: uuid.UUID) -> list[Visit]:
    """The technician's reportable orders, booked visits first by their start, then the rest by due time."""
    rows = session.execute(
        select(WorkOrder.id, WorkOrder.number, WorkOrder.kind, WorkOrder.status, WorkOrder.version, WorkOrder.address,
               Site.latitude, Site.longitude, WorkOrder.due_at, WorkOrder.received_at)
        .join(Site, Site.id == WorkOrder.site_id)
        .where(WorkOrder.assignee_id == technician_id, WorkOrder.status.in_(REPORTABLE), WorkOrder.deleted.is_(False))
        .order_by(WorkOrder.due_at, WorkOrder.number).limit(MOST)
    ).all()
    booked: dict[uuid.UUID, tuple] = {}
    if rows:  # (each visit's columns, not Appointment objects)
        visits = (select(AppointmentOrder.order_id, Appointment.window_start, Appointment.window_end, Appointment.planned_start,
                         Appointment.duration_minutes)
                  .join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
                  .where(AppointmentOrder.order_id.in_([r.id for r in rows]), AppointmentOrder.deleted.is_(False),
                         Appointment.deleted.is_(False), Appointment.status != AppointmentStatus.CANCELLED)
                  .order_by(Appointment.window_start))
        for order_id, *visit in session.execute(visits):
            booked.setdefault(order_id, tuple(visit))  # the earliest, as the check-in's kept-window rule reads it
    answer = [Visit(r.id, r.number, r.kind.value, r.status.value, r.version, r.address, r.latitude, r.longitude, r.due_at,
                    r.received_at, *booked.get(r.id, (None, None, None, None))) for r in rows]
    answer.sort(key=_visit_order)
    return answer


def _visit_order(visit: Visit) -> tuple[bool, float]:
    start = visit.planned_start or visit.window_start
    return start is None, start.timestamp() if start else 0.0  # (a stable sort: the unbooked stay by due time)
