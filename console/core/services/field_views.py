"""What the field reported, as the desk's field view lists it: exceptions (and the orders they
re-issued), check-ins (distance, punctuality, sign-offs), delivery (tests, report, signature,
billing) and surveys. Read from the desk's own file (it works offline), newest first, at most
`LIMIT` rows a list; the field events, orders and audit rows arrive there through the feed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, select
from sqlalchemy.orm import Session, aliased

from console.core.domain.enums import (
    AppointmentStatus,
    ExceptionKind,
    FieldEventKind,
    OrderKind,
    OrderStatus,
    Respondent,
    SatisfactionRating,
)
from console.core.domain.field import PAUSE, RUN_ON, SIGNED_OFF, ExceptionRule, Punctuality, punctuality
from console.core.services.field_desk import LINK_SENT
from console.core.store.chunked import chunks
from console.core.store.database import Database
from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    AuditEntry,
    Customer,
    FieldEvent,
    Technician,
    User,
    WorkOrder,
)
from console.core.store.rules import load_exception_rules

LIMIT = 2000  # rows a list reads (the newest)


@dataclass(frozen=True)
class ExceptionRow:
    event_id: uuid.UUID
    order_id: uuid.UUID  # the order it was reported on (archived when re-issued)
    number: str
    customer: str
    kind: ExceptionKind | None
    reported_at: datetime
    reissued_id: uuid.UUID | None
    reissued_number: str
    reissued_at: datetime | None
    clock: str  # PAUSE or RUN_ON
    technician: str
    note: str
    status: OrderStatus  # of the order that carries on

    @property
    def carried_id(self) -> uuid.UUID:
        """The order that carries on: the re-issued one, or the same."""
        return self.reissued_id or self.order_id

    @property
    def minutes_to_reissue(self) -> float | None:
        if self.reissued_at is None:
            return None
        return max(0.0, (self.reissued_at - self.reported_at).total_seconds() / 60)


@dataclass(frozen=True)
class SignOff:
    by: str
    at: datetime
    note: str


@dataclass(frozen=True)
class CheckInRow:
    event_id: uuid.UUID
    order_id: uuid.UUID
    number: str
    customer: str
    technician: str
    at: datetime
    distance_m: float | None
    off_site: bool
    window: tuple[datetime, datetime] | None
    punctuality: Punctuality | None
    signed_off: SignOff | None

    @property
    def late(self) -> bool:
        return self.punctuality is not None and self.punctuality.late_minutes > 0

    @property
    def flagged(self) -> bool:
        return self.off_site or self.late


@dataclass(frozen=True)
class CheckIns:
    rows: list[CheckInRow]
    visits: int  # check-ins against a booked window
    kept: int  # of those, inside the window (履约)

    @property
    def rate(self) -> float | None:
        return self.kept / self.visits if self.visits else None


@dataclass(frozen=True)
class DeliveryRow:
    order_id: uuid.UUID
    number: str
    customer: str
    kind: OrderKind
    status: OrderStatus
    tests: dict[str, Any]  # the latest test_result payload (ping_ms, loss_pct, down_mbps, up_mbps...)
    report: str  # the delivery report's number ("" none; "✓" one with no number)
    signature: str  # "on_site", "sms_link", "link_sent", "awaiting" or ""
    link_sent_at: datetime | None
    billing_started_at: datetime | None
    latest: datetime


@dataclass(frozen=True)
class SurveyRow:
    event_id: uuid.UUID
    order_id: uuid.UUID
    number: str
    customer: str
    respondent: Respondent | None
    rating: SatisfactionRating | None
    comment: str
    at: datetime


class FieldViews:
    """The desk's reads of its field view (each a read: run off the GUI thread)."""

    def __init__(self, database: Database, region_id: uuid.UUID | None = None):
        """`region_id`: the desk's region (None: every region), as the queue reads it."""
        self.database, self.region_id = database, region_id

    def _mine(self, query: Any) -> Any:
        return query if self.region_id is None else query.where(WorkOrder.region_id == self.region_id)

    def exception_rules(self) -> dict[ExceptionKind, ExceptionRule]:
        with self.database.reading() as s:
            return load_exception_rules(s)

    def exceptions(self, limit: int = LIMIT) -> list[ExceptionRow]:
        new = aliased(WorkOrder)
        query = (select(FieldEvent, WorkOrder.number, WorkOrder.status, Customer.name, Technician.name,
                        new.id, new.number, new.received_at, new.status)
                 .join(WorkOrder, WorkOrder.id == FieldEvent.order_id).join(Customer, Customer.id == WorkOrder.customer_id)
                 .outerjoin(new, and_(new.replaces_order_id == WorkOrder.id, new.deleted.is_(False)))
                 .outerjoin(Technician, Technician.id == FieldEvent.technician_id)
                 .where(FieldEvent.kind == FieldEventKind.EXCEPTION, FieldEvent.deleted.is_(False))
                 .order_by(FieldEvent.occurred_at.desc()).limit(limit))
        out = []
        query = self._mine(query)
        with self.database.reading() as s:
            for event, number, status, customer, technician, new_id, new_number, new_at, new_status in s.execute(query):
                payload = event.payload or {}
                out.append(ExceptionRow(
                    event.id, event.order_id, number, customer, event.exception_kind, event.occurred_at, new_id, new_number or "",
                    new_at, payload.get("clock") if payload.get("clock") in (PAUSE, RUN_ON) else RUN_ON, technician or "",
                    _exception_note(payload), new_status or status))
        return out

    def check_ins(self, limit: int = LIMIT) -> CheckIns:
        query = (select(FieldEvent.id, FieldEvent.order_id, FieldEvent.occurred_at, FieldEvent.distance_m, FieldEvent.off_site,
                        WorkOrder.number, Customer.name.label("customer"), Technician.name.label("technician"))  # (columns: no ORM objects)
                 .join(WorkOrder, WorkOrder.id == FieldEvent.order_id).join(Customer, Customer.id == WorkOrder.customer_id)
                 .outerjoin(Technician, Technician.id == FieldEvent.technician_id)
                 .where(FieldEvent.kind == FieldEventKind.CHECK_IN, FieldEvent.deleted.is_(False))
                 .order_by(FieldEvent.occurred_at.desc()).limit(limit))
        with self.database.reading() as s:
            found = list(s.execute(self._mine(query)))
            order_ids = {event.order_id for event in found}
            windows = _windows(s, order_ids)
            sign_offs = _sign_offs(s, order_ids)
        rows, visits, kept = [], 0, 0
        for event in found:
            window = _window_at(windows.get(event.order_id, []), event.occurred_at)
            on_time = punctuality(event.occurred_at, *window) if window else None
            if on_time is not None:
                visits += 1
                kept += on_time.kept
            rows.append(CheckInRow(event.id, event.order_id, event.number, event.customer, event.technician or "", event.occurred_at,
                                   event.distance_m, event.off_site, window, on_time, sign_offs.get(event.id)))
        return CheckIns(rows, visits, kept)

    def deliveries(self, limit: int = LIMIT) -> list[DeliveryRow]:
        """The orders with the newest tests, reports or signatures (each kind read newest first through
        its index), and every order waiting for its signature; newest first."""
        kinds = (FieldEventKind.TEST_RESULT, FieldEventKind.DELIVERY_REPORT, FieldEventKind.SIGNATURE)
        with self.database.reading() as s:
            latest: dict[uuid.UUID, datetime] = {}
            for kind in kinds:
                for order_id, at in s.execute(self._mine(
                    select(FieldEvent.order_id, FieldEvent.occurred_at).join(WorkOrder, WorkOrder.id == FieldEvent.order_id)
                    .where(FieldEvent.kind == kind, FieldEvent.deleted.is_(False))
                    .order_by(FieldEvent.occurred_at.desc()).limit(limit))):
                    latest[order_id] = max(at, latest.get(order_id, at))
            for order_id, at in s.execute(self._mine(select(WorkOrder.id, WorkOrder.updated_at)
                                                     .where(WorkOrder.status == OrderStatus.RESOLVED, WorkOrder.deleted.is_(False)))):
                latest.setdefault(order_id, at)
            ids = sorted(latest, key=lambda i: latest[i], reverse=True)[:limit]
            orders = []
            for chunk in chunks(ids):
                orders += s.execute(
                    select(WorkOrder.id, WorkOrder.number, Customer.name, WorkOrder.kind, WorkOrder.status, WorkOrder.billing_started_at,
                           WorkOrder.resolved_at, WorkOrder.closed_at, WorkOrder.updated_at)
                    .join(Customer, Customer.id == WorkOrder.customer_id).where(WorkOrder.id.in_(chunk), WorkOrder.deleted.is_(False))).all()
            events: dict[uuid.UUID, list[Any]] = {}
            for chunk in chunks(ids):  # (by the orders' index; the kinds kept here: a kind's index would read them all)
                for event in s.execute(select(FieldEvent.order_id, FieldEvent.kind, FieldEvent.occurred_at, FieldEvent.payload)
                                       .where(FieldEvent.order_id.in_(chunk), FieldEvent.deleted.is_(False)).order_by(FieldEvent.occurred_at)):
                    if event.kind in kinds:
                        events.setdefault(event.order_id, []).append(event)
            links: dict[uuid.UUID, datetime] = {}
            for chunk in chunks(ids):
                for order_id, at in s.execute(select(AuditEntry.order_id, AuditEntry.at)
                                              .where(AuditEntry.order_id.in_(chunk), AuditEntry.action == LINK_SENT)):
                    links[order_id] = max(at, links.get(order_id, at))
        rows = [_delivery(o, events.get(o.id, []), links.get(o.id)) for o in orders]
        return sorted(rows, key=lambda r: (r.latest, r.number), reverse=True)

    def surveys(self, limit: int = LIMIT) -> list[SurveyRow]:
        query = (select(FieldEvent.id, FieldEvent.order_id, FieldEvent.respondent, FieldEvent.rating, FieldEvent.payload,
                        FieldEvent.occurred_at, WorkOrder.number, Customer.name.label("customer"))
                 .join(WorkOrder, WorkOrder.id == FieldEvent.order_id).join(Customer, Customer.id == WorkOrder.customer_id)
                 .where(FieldEvent.kind == FieldEventKind.SATISFACTION, FieldEvent.deleted.is_(False))
                 .order_by(FieldEvent.occurred_at.desc()).limit(limit))
        with self.database.reading() as s:
            return [SurveyRow(e.id, e.order_id, e.number, e.customer, e.respondent, e.rating, str((e.payload or {}).get("comment") or ""),
                              e.occurred_at)
                    for e in s.execute(self._mine(query))]


def _exception_note(payload: dict[str, Any]) -> str:
    """The technician's note; else the ports of a fiber change the app sent ("3-12 → 5-02")."""
    note = str(payload.get("note") or "")
    if note or not payload.get("old_port"):
        return note
    return f"{payload.get('old_port')} → {payload.get('new_port') or '?'}"


def _delivery(order: Any, events: list[Any], link_sent_at: datetime | None) -> DeliveryRow:
    tests = next((e.payload or {} for e in reversed(events) if e.kind is FieldEventKind.TEST_RESULT), {})
    report = next((e.payload or {} for e in reversed(events) if e.kind is FieldEventKind.DELIVERY_REPORT), None)
    signed = next((e.payload or {} for e in reversed(events) if e.kind is FieldEventKind.SIGNATURE), None)
    if signed is not None:
        signature = "sms_link" if signed.get("channel") == "sms_link" else "on_site"
    elif link_sent_at is not None:
        signature = "link_sent"
    elif order.status is OrderStatus.RESOLVED:
        signature = "awaiting"
    else:
        signature = ""
    latest = max([e.occurred_at for e in events] + [t for t in (order.resolved_at, order.closed_at, link_sent_at) if t is not None],
                 default=order.updated_at)
    return DeliveryRow(order.id, order.number, order.name, order.kind, order.status, dict(tests),
                       "" if report is None else str(report.get("report_no") or "✓"), signature, link_sent_at,
                       order.billing_started_at, latest)


def _windows(s: Session, order_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, list[tuple[datetime, datetime]]]:
    """Each order's booked windows (not cancelled), earliest first."""
    out: dict[uuid.UUID, list[tuple[datetime, datetime]]] = {}
    for chunk in chunks(list(order_ids)):
        for order_id, start, end in s.execute(
            select(AppointmentOrder.order_id, Appointment.window_start, Appointment.window_end)
            .join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
            .where(AppointmentOrder.order_id.in_(chunk), AppointmentOrder.deleted.is_(False), Appointment.deleted.is_(False),
                   Appointment.status != AppointmentStatus.CANCELLED)
            .order_by(Appointment.window_start)
        ):
            out.setdefault(order_id, []).append((start, end))
    return out


def _window_at(windows: list[tuple[datetime, datetime]], at: datetime) -> tuple[datetime, datetime] | None:
    """The window a check-in is measured against: the one it falls in, else the same day's nearest, else none."""
    if not windows:
        return None
    inside = next((w for w in windows if w[0] <= at <= w[1]), None)
    if inside is not None:
        return inside
    return min(windows, key=lambda w: min(abs((w[0] - at).total_seconds()), abs((at - w[1]).total_seconds())))


def _sign_offs(s: Session, order_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, SignOff]:
    """The latest supervisor's sign-off of each check-in, by the check-in's id (through the orders' audit index)."""
    out: dict[uuid.UUID, SignOff] = {}
    for chunk in chunks(list(order_ids)):
        for entity_id, at, note, by in s.execute(
            select(AuditEntry.entity_id, AuditEntry.at, AuditEntry.reason, User.display_name)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.order_id.in_(chunk), AuditEntry.action == SIGNED_OFF).order_by(AuditEntry.at)
        ):
            out[entity_id] = SignOff(by or "", at, note or "")
    return out
