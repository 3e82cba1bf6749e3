"""Reports from the technician's app: check-in, exceptions, tests, delivery report, signature,
and the customer's survey. Each is one unit of work with a field event and an audit row.

A field exception (fiber port broken or taken, optical box unusable) does what the rules say for
its kind (rule parameters field.exception.*, a supervisor's to change): archive the order and issue
its replacement at once, linked to it (seed 003: from 15-30 minutes by hand down to about 3), or
keep the order; and the SLA clock either runs on from the original start or pauses (a recorded
pause, reason field_exception, ended by the desk's resume). A signature completes the order and
starts billing the same day.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
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
    PauseReason,
    Respondent,
    Role,
    SatisfactionRating,
)
from console.core.domain.field import PAUSE, RUN_ON
from console.core.domain.sla import OrderFacts, Pause
from console.core.services.callbacks import open_callback
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
from console.core.store.numbering import next_order_number, provisional_order_number
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, load_exception_rules, load_rulebook, parameters
from console.core.store.sla_cache import refresh_sla, sla_columns
from console.core.store.steps import copy_steps


@dataclass(frozen=True)
class Raised:
    """What an exception did: the order that carries on (the re-issued one, or the same), whether it
    was re-issued and whether its clock paused; `reported_on`: the order the exception was raised on."""

    order_id: uuid.UUID
    number: str
    reissued: bool
    paused: bool
    reported_on: uuid.UUID


class FieldError(ValueError):
    """A report the order cannot take; `status` is the HTTP-like kind of refusal."""

    def __init__(self, message: str, status: int = 409):
        super().__init__(message)
        self.status = status


class FieldReports:
    def __init__(self, database: Database, user: DeskUser, technician_id: uuid.UUID | None, clock: Callable[[], datetime],
                 expected_version: int | None = None, desk_id: str = "field", provisional_numbers: bool = False):
        """`expected_version`: the order's version the app saw; a report on a changed order is refused.
        `desk_id`: where the report came from, in its audit rows (the app, or a desk on its behalf);
        `provisional_numbers`: a desk's own file, where a re-issued order takes a provisional number."""
        self._database, self._user, self._technician_id, self._clock = database, user, technician_id, clock
        self._expected_version, self._desk_id, self._provisional = expected_version, desk_id, provisional_numbers

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

    def report_exception(self, order_id: uuid.UUID, kind: ExceptionKind, note: str, at: datetime) -> Raised:
        """What the rules say an exception of this kind does: archive and re-issue the order (or
        keep it), its clock paused or running on."""
        with self._database.unit_of_work() as session:
            return self.exception_within(session, order_id, ExceptionKind(kind), note, at)

    def exception_within(self, session: Session, order_id: uuid.UUID, kind: ExceptionKind, note: str, at: datetime,
                         technician_id: uuid.UUID | None = None) -> Raised:
        """The exception inside a caller's unit of work (the desk raising it and dispatching the
        order that carries on, in one action). `technician_id`: whose exception it is, when the
        reporter is not the technician (the desk, on the technician's call)."""
        old, now, note = self._order(session, order_id), self._clock(), note.strip()
        rule = load_exception_rules(session)[kind]
        event = self._event(session, old, FieldEventKind.EXCEPTION, at, exception_kind=kind, technician=technician_id,
                            payload={"note": note})
        carried = self._reissue(session, old, kind, note, now) if rule.reissue else old
        paused = rule.pauses and self._pause(session, carried, note, now)
        event.payload = {"note": note, "reissued": rule.reissue, "clock": PAUSE if paused else RUN_ON,
                         **({"reissued_as": carried.number} if rule.reissue else {})}
        if not rule.reissue:
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="field.exception", entity="work_order",
                         entity_id=old.id, order_id=old.id, before=None,
                         after={"exception": kind.value, "reissued": False, "clock": PAUSE if paused else RUN_ON}, reason=note)
            touch(old, now)  # (a re-issued order is new: its first version carries the pause)
        if paused:
            session.flush()
            refresh_sla(session, [carried.id], load_rulebook(session), load_calendar(session), now)
        return Raised(carried.id, carried.number, rule.reissue, paused, old.id)

    def _reissue(self, session: Session, old: WorkOrder, kind: ExceptionKind, note: str, now: datetime) -> WorkOrder:
        """Archive the order and issue its replacement, linked to it, the clock's history moving along."""
        calendar, book = load_calendar(session), load_rulebook(session)
        customer = session.get(Customer, old.customer_id)
        service = session.get(Service, old.service_id) if old.service_id else None
        pauses = tuple(
            Pause(p.started_at, p.ended_at, p.approved_by is not None)
            for p in session.scalars(select(SlaPause).where(SlaPause.order_id == old.id, SlaPause.ended_at.is_not(None)))
        )
        facts = OrderFacts(old.kind, customer.level, service.assurance if service else None, old.sla_started_at,
                           old.access_points, pauses)
        numbering = provisional_order_number if self._provisional else next_order_number  # (a desk's until the centre's arrives)
        number = numbering(session, old.kind, now.astimezone(calendar.zone).date())
        new = WorkOrder(
            number=str(number), kind=old.kind, status=OrderStatus.NEW, priority=old.priority, title=old.title,
            description=f"{old.description}\n[{kind.value}] {note}".strip(), customer_id=old.customer_id,
            site_id=old.site_id, address=old.address, district_id=old.district_id, service_id=old.service_id,
            region_id=old.region_id, access_points=old.access_points, received_at=now, sla_started_at=old.sla_started_at,
            replaces_order_id=old.id, current_step=old.current_step, **sla_columns(facts, book, calendar, now),
        )
        session.add(new)
        session.flush()
        copy_steps(session, old.id, new.id, now)  # the departments' steps carry on where they stood
        for pause in session.scalars(select(SlaPause).where(SlaPause.order_id == old.id)):  # the clock's history moves along
            session.add(SlaPause(order_id=new.id, reason=pause.reason, note=pause.note, started_at=pause.started_at,
                                 started_by=pause.started_by, ended_at=pause.ended_at or now, ended_by=pause.ended_by,
                                 approved_by=pause.approved_by))
        for pause in session.scalars(select(SlaPause).where(SlaPause.order_id == old.id, SlaPause.ended_at.is_(None))):
            pause.ended_at, pause.ended_by = now, self._user.id
        old.paused_since = None
        old.closed_at = now
        self._move(session, old, OrderStatus.SUPERSEDED, "order.superseded", {"replaced_by": new.number, "exception": kind.value})
        audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="order.created", entity="work_order",
                     entity_id=new.id, order_id=new.id, before=None, after={"number": new.number, "replaces": old.number})
        return new

    def _pause(self, session: Session, order: WorkOrder, note: str, now: datetime) -> bool:
        """The rules pause the clock for this exception: a recorded pause (ended by the desk's
        resume, approved as any pause). None when it is paused already or resolved (nothing waits)."""
        if order.paused_since is not None or order.status is OrderStatus.RESOLVED:
            return False
        order.paused_since = now
        session.add(SlaPause(order_id=order.id, reason=PauseReason.FIELD_EXCEPTION, note=note, started_at=now, started_by=self._user.id))
        audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="sla.paused", entity="work_order",
                     entity_id=order.id, order_id=order.id, before={"paused_since": None},
                     after={"paused_since": now.isoformat(), "reason": PauseReason.FIELD_EXCEPTION.value}, reason=note)
        return True

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
            event = self._event(session, order, FieldEventKind.SATISFACTION, at, rating=SatisfactionRating(rating),
                                respondent=Respondent(respondent), payload={"comment": comment.strip()}, as_reporter=False)
            open_callback(session, event)  # a dissatisfied answer is called back (回访): its task with it

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
               technician: uuid.UUID | None = None, **values: Any) -> FieldEvent:
        now = self._clock()
        if not order.received_at - timedelta(minutes=5) <= at <= now + timedelta(minutes=5):
            raise FieldError("the report's time must lie between the order's receipt and now", 422)
        values.setdefault("payload", {})
        event = FieldEvent(order_id=order.id, technician_id=(technician or self._technician_id) if as_reporter else None, kind=kind,
                           occurred_at=at, received_at=now, **values)
        session.add(event)
        return event

    def _move(self, session: Session, order: WorkOrder, status: OrderStatus, action: str, details: dict[str, Any]) -> None:
        before = order.status
        order.status = status
        touch(order, self._clock())
        audit.record(session, at=self._clock(), user_id=self._user.id, desk_id=self._desk_id, action=action, entity="work_order",
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

