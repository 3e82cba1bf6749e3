"""Reports from the technician's app: check-in, exceptions, tests, delivery report, signature,
and the customer's survey. Each is one unit of work with a field event and an audit row.

A field exception (fiber port broken or taken, optical box unusable) archives the order and
issues its replacement at once, linked to it, with the SLA clock running on from the original
start (seed 003: from 15-30 minutes by hand down to about 3). A signature completes the order
and starts billing the same day.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.domain import field
from console.core.domain.enums import (
    AppointmentStatus,
    ExceptionKind,
    FieldEventKind,
    OrderKind,
    OrderStatus,
    Respondent,
    Role,
    SatisfactionRating,
)
from console.core.domain.sla import OrderFacts, Pause
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    Customer,
    FieldEvent,
    Service,
    Site,
    SlaPause,
    WorkOrder,
    touch,
)
from console.core.store.numbering import next_order_number
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, load_rulebook, parameters
from console.core.store.sla_cache import sla_columns


class FieldError(ValueError):
    """A report the order cannot take; `status` is the HTTP-like kind of refusal."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.status = status


class FieldReports:
    def __init__(self, database: Database, user: DeskUser, technician_id: uuid.UUID | None, clock: Callable[[], datetime],
                 expected_version: int | None = None):
        """`expected_version`: the order's version the app saw; a report on a changed order is refused."""
        self._database, self._user, self._technician_id, self._clock = database, user, technician_id, clock
        self._expected_version = expected_version

    # --- reports ------------------------------------------------------------------------------

    def check_in(self, order_id: uuid.UUID, lat: float, lon: float, at: datetime) -> dict[str, Any]:
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise FieldError("latitude must be -90..90 and longitude -180..180", 422)
        with self._database.unit_of_work() as session:
            order = self._order(session, order_id)
            site = session.get(Site, order.site_id)
            metres = float(parameters(session)["check_in.off_site_metres"])
            result = field.check_in(site.latitude, site.longitude, lat, lon, metres)
            self._event(session, order, FieldEventKind.CHECK_IN, at, latitude=lat, longitude=lon,
                        distance_m=result.distance_m, off_site=result.off_site)
            kept = self._keep_appointment(session, order.id, at)
            self._move(session, order, field.status_after_check_in(order.status), "field.check_in",
                       {"distance_m": result.distance_m, "off_site": result.off_site, "appointment_kept": kept})
            return {"distance_m": result.distance_m, "off_site": result.off_site, "appointment_kept": kept}

    def test_result(self, order_id: uuid.UUID, results: dict[str, Any], at: datetime) -> None:
        with self._database.unit_of_work() as session:
            order = self._order(session, order_id)
            self._event(session, order, FieldEventKind.TEST_RESULT, at, payload=results)

    def delivery_report(self, order_id: uuid.UUID, report: dict[str, Any], at: datetime) -> None:
        with self._database.unit_of_work() as session:
            order = self._order(session, order_id)
            self._event(session, order, FieldEventKind.DELIVERY_REPORT, at, payload=report)
            order.resolved_at = order.resolved_at or self._clock()
            self._move(session, order, field.status_after_delivery_report(order.status), "field.delivery_report", {})

    def sign(self, order_id: uuid.UUID, channel: str, at: datetime) -> None:
        """The customer signed (on site or through the text-message link): complete, bill. Only
        after the delivery report; completion and billing take the centre's time, not the app's."""
        if channel not in ("on_site", "sms_link"):
            raise FieldError("channel must be on_site or sms_link", 422)
        with self._database.unit_of_work() as session:
            order = self._order(session, order_id)
            if order.status is not OrderStatus.RESOLVED:
                raise FieldError("the customer signs the delivery report: send the report first", 409)
            now = self._clock()
            self._event(session, order, FieldEventKind.SIGNATURE, at, payload={"channel": channel})
            order.closed_at = now
            if order.kind is OrderKind.PROVISIONING:
                order.billing_started_at = now
                service = session.get(Service, order.service_id) if order.service_id else None
                if service is not None and service.billing_started_at is None:
                    service.billing_started_at = now
                    touch(service, now)
            self._move(session, order, OrderStatus.CLOSED, "field.signature",
                       {"channel": channel, "billing_started_at": order.billing_started_at.isoformat() if order.billing_started_at else None})

    def report_exception(self, order_id: uuid.UUID, kind: ExceptionKind, note: str, at: datetime) -> tuple[str, uuid.UUID]:
        """Archive the order and issue its replacement; returns (new number, new id)."""
        kind = ExceptionKind(kind)
        with self._database.unit_of_work() as session:
            old, now = self._order(session, order_id), self._clock()
            self._event(session, old, FieldEventKind.EXCEPTION, at, exception_kind=kind, payload={"note": note.strip()})
            calendar, book = load_calendar(session), load_rulebook(session)
            customer = session.get(Customer, old.customer_id)
            service = session.get(Service, old.service_id) if old.service_id else None
            pauses = tuple(
                Pause(p.started_at, p.ended_at, p.approved_by is not None)
                for p in session.scalars(select(SlaPause).where(SlaPause.order_id == old.id, SlaPause.ended_at.is_not(None)))
            )
            facts = OrderFacts(old.kind, customer.level, service.assurance if service else None, old.sla_started_at,
                               old.access_points, pauses)
            number = next_order_number(session, old.kind, now.astimezone(calendar.zone).date())
            new = WorkOrder(
                number=str(number), kind=old.kind, status=OrderStatus.NEW, priority=old.priority, title=old.title,
                description=f"{old.description}\n[{kind.value}] {note.strip()}".strip(), customer_id=old.customer_id,
                site_id=old.site_id, address=old.address, district_id=old.district_id, service_id=old.service_id,
                region_id=old.region_id, access_points=old.access_points, received_at=now, sla_started_at=old.sla_started_at,
                replaces_order_id=old.id, current_step=old.current_step, **sla_columns(facts, book, calendar, now),
            )
            session.add(new)
            session.flush()
            for pause in session.scalars(select(SlaPause).where(SlaPause.order_id == old.id)):  # the clock's history moves along
                session.add(SlaPause(order_id=new.id, reason=pause.reason, note=pause.note, started_at=pause.started_at,
                                     started_by=pause.started_by, ended_at=pause.ended_at or now, ended_by=pause.ended_by,
                                     approved_by=pause.approved_by))
            for pause in session.scalars(select(SlaPause).where(SlaPause.order_id == old.id, SlaPause.ended_at.is_(None))):
                pause.ended_at, pause.ended_by = now, self._user.id
            old.paused_since = None
            old.closed_at = now
            self._move(session, old, OrderStatus.SUPERSEDED, "order.superseded", {"replaced_by": new.number, "exception": kind.value})
            audit.record(session, at=now, user_id=self._user.id, desk_id="field", action="order.created", entity="work_order",
                         entity_id=new.id, order_id=new.id, before=None, after={"number": new.number, "replaces": old.number})
            return new.number, new.id

    def survey(self, order_id: uuid.UUID, respondent: Respondent, rating: SatisfactionRating, comment: str, at: datetime) -> None:
        """The customer's or the account manager's answer (through the survey link)."""
        with self._database.unit_of_work() as session:
            order = session.get(WorkOrder, order_id)
            if order is None or order.status is not OrderStatus.CLOSED:
                raise FieldError("only a completed order can be rated", 409)
            answered = session.scalar(select(FieldEvent.id).where(
                FieldEvent.order_id == order.id, FieldEvent.kind == FieldEventKind.SATISFACTION, FieldEvent.respondent == Respondent(respondent)))
            if answered is not None:
                raise FieldError("this respondent already answered the survey for this order", 409)
            self._event(session, order, FieldEventKind.SATISFACTION, at, rating=SatisfactionRating(rating),
                        respondent=Respondent(respondent), payload={"comment": comment.strip()}, as_reporter=False)

    # --- helpers ------------------------------------------------------------------------------

    def _order(self, session: Session, order_id: uuid.UUID) -> WorkOrder:
        # Locked until the report commits: a repeated tap or a second report waits, then sees the
        # state the first one left (one replacement order, never a reopened closed order).
        order = session.get(WorkOrder, order_id, with_for_update=True)
        if order is None or order.deleted:
            raise FieldError("no such order", 404)
        if self._user.role is Role.TECHNICIAN and order.assignee_id != self._technician_id:
            raise FieldError("this order is not assigned to you", 403)
        if order.status not in field.REPORTABLE:
            raise FieldError(f"the order is {order.status.value}: the field cannot report on it", 409)
        if self._expected_version is not None and order.version != self._expected_version:  # checked under the lock
            raise FieldError(f"the order was changed since (now version {order.version}): reload it and report again", 409)
        return order

    def _event(self, session: Session, order: WorkOrder, kind: FieldEventKind, at: datetime, *, as_reporter: bool = True,
               **values: Any) -> None:
        now = self._clock()
        if not order.received_at - timedelta(minutes=5) <= at <= now + timedelta(minutes=5):
            raise FieldError("the report's time must lie between the order's receipt and now", 422)
        values.setdefault("payload", {})
        session.add(FieldEvent(order_id=order.id, technician_id=self._technician_id if as_reporter else None, kind=kind,
                               occurred_at=at, received_at=self._clock(), **values))

    def _move(self, session: Session, order: WorkOrder, status: OrderStatus, action: str, details: dict[str, Any]) -> None:
        before = order.status
        order.status = status
        touch(order, self._clock())
        audit.record(session, at=self._clock(), user_id=self._user.id, desk_id="field", action=action, entity="work_order",
                     entity_id=order.id, order_id=order.id, before={"status": before.value}, after={"status": status.value, **details})

    def _keep_appointment(self, session: Session, order_id: uuid.UUID, at: datetime) -> bool:
        """Arrival inside the booked window counts as kept (履约)."""
        appointment = session.scalars(
            select(Appointment).join(AppointmentOrder, AppointmentOrder.appointment_id == Appointment.id)
            .where(AppointmentOrder.order_id == order_id, Appointment.status != AppointmentStatus.CANCELLED)
            .order_by(Appointment.window_start)
        ).first()
        if appointment is None or not appointment.window_start <= at <= appointment.window_end:
            return False
        appointment.status = AppointmentStatus.KEPT
        touch(appointment, self._clock())
        return True

