"""The dashboards' reads: the raw column values of a span's orders, visits, shifts and field
events as numpy arrays (100,000 orders in one pass, no ORM objects). Instants become UTC seconds
(NaN for none); ids stay as the driver returns them (hex text on SQLite) until a figure is
drilled into. Never commits."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import numpy as np
from sqlalchemy import String, and_, case, func, or_, select, text, type_coerce
from sqlalchemy.orm import Session, aliased

from console.core.domain.enums import AppointmentStatus, FieldEventKind, OrderStatus, SatisfactionRating
from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    Customer,
    District,
    FieldEvent,
    Region,
    Shift,
    Site,
    Technician,
    WorkOrder,
)
from console.core.store.models.orders import OPEN_STATUS_SQL


def _raw(column: Any) -> Any:
    """The stored value as the driver returns it (text on SQLite), skipping per-value processors."""
    return type_coerce(column, String())


def _run(session: Session, query: Any) -> Any:
    """A Core statement on the session's connection: plain rows, none of the ORM's per-row work."""
    return session.connection().execute(query)


def seconds(values: Sequence[Any]) -> np.ndarray:
    """Stored instants as UTC seconds since the epoch (NaN for none): SQLite's text
    ('2026-11-22 02:00:00.000000', UTC by convention) parsed by numpy, or aware datetimes."""
    if not len(values):
        return np.zeros(0)
    sample = next((v for v in values if v is not None), None)
    if sample is None:
        return np.full(len(values), np.nan)
    if isinstance(sample, str):
        stamps = np.array([v or "NaT" for v in values], dtype="datetime64[us]")
        out = stamps.astype(np.int64) / 1e6
        out[np.isnat(stamps)] = np.nan
        return out
    return np.array([np.nan if v is None else (v if v.tzinfo else v.replace(tzinfo=UTC)).timestamp() for v in values])


def order_id(value: Any) -> uuid.UUID:
    """An id as read here (hex text on SQLite, a UUID or its text elsewhere) as a UUID."""
    if isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(hex=value) if len(value) == 32 else uuid.UUID(value)


@dataclass
class OrderColumns:
    """One entry per order alive in the span (open now, or finished inside it): the few columns
    every figure needs; what a breach is broken down by is read for the breached ones alone
    (`order_facts`)."""

    ids: np.ndarray  # raw ids (object)
    assignee: np.ndarray  # raw technician ids or None
    replaces: np.ndarray  # raw id of the order it re-issues, or None
    received: np.ndarray  # UTC seconds
    amber: np.ndarray
    red: np.ndarray
    due: np.ndarray
    paused: np.ndarray
    resolved: np.ndarray
    finished: np.ndarray  # resolved, else closed (cancelled, superseded); NaN while open
    returned: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)


_COLUMNS = ("id", "assignee_id", "received_at", "amber_at", "red_at", "due_at", "paused_since")


def order_columns(session: Session, region_id: uuid.UUID | None, start: datetime, end: datetime) -> OrderColumns:
    """The region's open orders not yet resolved (read from the queue's covering index alone), and
    the orders resolved or finished from `start` on, received before `end`."""
    open_query = (select(*(_raw(getattr(WorkOrder, c)) for c in _COLUMNS))
                  .where(text(OPEN_STATUS_SQL), WorkOrder.status != OrderStatus.RESOLVED, WorkOrder.deleted.is_(False),
                         WorkOrder.received_at < end))
    finish = func.coalesce(WorkOrder.resolved_at, WorkOrder.closed_at)
    done_query = (select(*(_raw(getattr(WorkOrder, c)) for c in _COLUMNS),
                         _raw(WorkOrder.replaces_order_id), _raw(WorkOrder.resolved_at), _raw(finish), _raw(WorkOrder.returned_at))
                  .where(or_(WorkOrder.status == OrderStatus.RESOLVED, text(f"NOT ({OPEN_STATUS_SQL})")),
                         WorkOrder.deleted.is_(False), WorkOrder.received_at < end, finish >= start))
    if region_id is not None:
        open_query = open_query.where(WorkOrder.region_id == region_id)
        done_query = done_query.where(WorkOrder.region_id == region_id)
    opened = _run(session, open_query).fetchall()
    done = _run(session, done_query).fetchall()
    n_open, n = len(opened), len(opened) + len(done)
    columns = list(zip(*opened, strict=True)) if opened else [()] * len(_COLUMNS)
    extra = list(zip(*done, strict=True)) if done else [()] * (len(_COLUMNS) + 4)

    def objects(first: tuple, then: tuple) -> np.ndarray:
        out = np.empty(n, dtype=object)
        out[:n_open] = first or None
        out[n_open:] = then
        return out

    def instants(i: int) -> np.ndarray:
        return np.concatenate([seconds(columns[i]), seconds(extra[i])])

    def done_only(i: int) -> np.ndarray:
        return np.concatenate([np.full(n_open, np.nan), seconds(extra[i])])

    base = len(_COLUMNS)
    return OrderColumns(objects(columns[0], extra[0]), objects(columns[1], extra[1]), objects((), extra[base]),
                        instants(2), instants(3), instants(4), instants(5), instants(6),
                        done_only(base + 1), done_only(base + 2), done_only(base + 3))


def order_facts(session: Session, raw_ids: Sequence[Any]) -> dict[Any, tuple[str, Any, Any, Any]]:
    """Raw order id -> (kind, stage or None, raw customer id, raw district id or None), for these orders."""
    out: dict[Any, tuple[str, Any, Any, Any]] = {}
    ids = [order_id(i) for i in raw_ids]
    for at in range(0, len(ids), 500):
        query = (select(_raw(WorkOrder.id), _raw(WorkOrder.kind), _raw(WorkOrder.sla_stage), _raw(WorkOrder.customer_id),
                        _raw(WorkOrder.district_id)).where(WorkOrder.id.in_(ids[at:at + 500])))
        out.update((i, (k, st, c, d)) for i, k, st, c, d in _run(session, query))
    return out


def districts(session: Session) -> dict[Any, tuple[str, str]]:
    """Raw district id -> (name, English name)."""
    return {k: (n, e) for k, n, e in _run(session, select(_raw(District.id), District.name, District.name_en))}


def district_centres(session: Session) -> list[tuple[float, float]]:
    return [(la, lo) for la, lo in _run(session, select(District.center_lat, District.center_lon).where(District.deleted.is_(False)))]


@dataclass(frozen=True)
class TechnicianFacts:
    id: Any  # raw
    name: str
    team: str
    home: tuple[float, float] | None


def technicians(session: Session, region_id: uuid.UUID | None) -> list[TechnicianFacts]:
    query = (select(_raw(Technician.id), Technician.name, Technician.team, Technician.home_lat, Technician.home_lon)
             .where(Technician.deleted.is_(False), Technician.active.is_(True)).order_by(Technician.team, Technician.name))
    if region_id is not None:
        query = query.where(Technician.region_id == region_id)
    return [TechnicianFacts(i, n, t, (la, lo) if la is not None else None) for i, n, t, la, lo in _run(session, query)]


def shifts(session: Session, technician_ids: Iterable[Any], start: datetime, end: datetime) -> list[tuple]:
    """(raw technician id, start, end, break start, break end) in UTC seconds, of shifts meeting the span."""
    wanted = set(technician_ids)
    query = (select(_raw(Shift.technician_id), _raw(Shift.starts_at), _raw(Shift.ends_at), _raw(Shift.break_starts_at),
                    _raw(Shift.break_ends_at))
             .where(Shift.deleted.is_(False), Shift.starts_at < end, Shift.ends_at > start))
    rows = [r for r in _run(session, query) if r[0] in wanted]
    if not rows:
        return []
    cols = list(zip(*rows, strict=True))
    times = [seconds(c) for c in cols[1:]]
    return list(zip(cols[0], *times, strict=True))


@dataclass
class VisitColumns:
    """The non-cancelled visits meeting a span (technician's visits of the region, or visits of its orders)."""

    ids: np.ndarray  # raw appointment ids
    technician: np.ndarray  # raw technician ids or None
    start: np.ndarray  # planned start, else the window's start (UTC seconds)
    minutes: np.ndarray
    window_end: np.ndarray
    kept: np.ndarray  # bool
    lat: np.ndarray
    lon: np.ndarray


def visits(session: Session, region_id: uuid.UUID | None, technician_ids: Iterable[Any], start: datetime, end: datetime) -> VisitColumns:
    begins = func.coalesce(Appointment.planned_start, Appointment.window_start)
    query = (select(_raw(Appointment.id), _raw(Appointment.technician_id), _raw(begins), Appointment.duration_minutes,
                    _raw(Appointment.window_end), _raw(Appointment.status), Site.latitude, Site.longitude)
             .join(Site, Site.id == Appointment.site_id)
             .where(Appointment.deleted.is_(False), Appointment.status != AppointmentStatus.CANCELLED,
                    or_(and_(begins < end, Appointment.window_end > start),
                        and_(Appointment.window_end >= start, Appointment.window_end < end))))
    rows = _run(session, query).fetchall()
    if region_id is not None:
        ours = set(technician_ids)
        mine = _appointments_of_region(session, region_id, start, end)
        rows = [r for r in rows if r[1] in ours or r[0] in mine]
    cols = list(zip(*rows, strict=True)) if rows else [()] * 8
    return VisitColumns(np.array(cols[0], dtype=object), np.array(cols[1], dtype=object), seconds(cols[2]),
                        np.array(cols[3], dtype=float), seconds(cols[4]),
                        np.array([s == AppointmentStatus.KEPT for s in cols[5]], dtype=bool),
                        np.array([np.nan if v is None else v for v in cols[6]], dtype=float),
                        np.array([np.nan if v is None else v for v in cols[7]], dtype=float))


def _appointments_of_region(session: Session, region_id: uuid.UUID, start: datetime, end: datetime) -> set[Any]:
    query = (select(_raw(AppointmentOrder.appointment_id)).join(WorkOrder, WorkOrder.id == AppointmentOrder.order_id)
             .join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
             .where(WorkOrder.region_id == region_id, AppointmentOrder.deleted.is_(False),
                    Appointment.window_start < end, Appointment.window_end >= start))
    return set(r[0] for r in _run(session, query))


def visit_orders(session: Session, appointment_ids: Sequence[Any]) -> dict[Any, list[Any]]:
    """Raw appointment id -> raw ids of the orders it serves."""
    out: dict[Any, list[Any]] = {}
    ids = [order_id(i) for i in appointment_ids]
    for at in range(0, len(ids), 500):
        query = (select(_raw(AppointmentOrder.appointment_id), _raw(AppointmentOrder.order_id))
                 .where(AppointmentOrder.appointment_id.in_(ids[at:at + 500]), AppointmentOrder.deleted.is_(False)))
        for appointment, order in _run(session, query):
            out.setdefault(appointment, []).append(order)
    return out


def visit_counts(session: Session, raw_ids: Sequence[Any]) -> dict[Any, int]:
    """Raw order id -> its non-cancelled visits, for these orders (by the appointment orders' index)."""
    out: dict[Any, int] = {}
    ids = [order_id(i) for i in raw_ids]
    for at in range(0, len(ids), 500):
        query = (select(_raw(AppointmentOrder.order_id), func.count())
                 .join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
                 .where(AppointmentOrder.order_id.in_(ids[at:at + 500]), AppointmentOrder.deleted.is_(False),
                        Appointment.deleted.is_(False), Appointment.status != AppointmentStatus.CANCELLED)
                 .group_by(AppointmentOrder.order_id))
        out.update((k, v) for k, v in _run(session, query))
    return out


@dataclass
class EventColumns:
    order: np.ndarray  # raw order ids
    at: np.ndarray  # UTC seconds
    off_site: np.ndarray  # bool (check-ins)
    rating: np.ndarray  # SatisfactionRating values (surveys)
    respondent: np.ndarray
    reissued_at: np.ndarray  # an exception's re-issued order received (UTC seconds), NaN when kept
    technician: np.ndarray  # raw technician ids or None (check-ins and exceptions)


def field_events(session: Session, region_id: uuid.UUID | None, kind: FieldEventKind, start: datetime, end: datetime) -> EventColumns:
    """The events of one kind in [start, end) on the region's orders, only the columns that kind needs."""
    if kind is FieldEventKind.CHECK_IN:
        extra: tuple = (FieldEvent.off_site, _raw(FieldEvent.technician_id))
    elif kind is FieldEventKind.SATISFACTION:
        extra = (_raw(FieldEvent.rating), _raw(FieldEvent.respondent))
    else:
        new = aliased(WorkOrder)
        extra = (_raw(select(new.received_at).where(new.replaces_order_id == FieldEvent.order_id, new.deleted.is_(False))
                      .limit(1).scalar_subquery()), _raw(FieldEvent.technician_id))
    query = (select(_raw(FieldEvent.order_id), _raw(FieldEvent.occurred_at), *extra)
             .where(FieldEvent.deleted.is_(False), FieldEvent.kind == kind, FieldEvent.occurred_at >= start,
                    FieldEvent.occurred_at < end))
    if region_id is not None:
        query = query.join(WorkOrder, WorkOrder.id == FieldEvent.order_id).where(WorkOrder.region_id == region_id)
    rows = _run(session, query).fetchall()
    cols = list(zip(*rows, strict=True)) if rows else [()] * (2 + len(extra))
    n = len(rows)
    nothing = np.full(n, None, dtype=object)
    return EventColumns(
        np.array(cols[0], dtype=object), seconds(cols[1]),
        np.array(cols[2], dtype=bool) if kind is FieldEventKind.CHECK_IN else np.zeros(n, dtype=bool),
        np.array(cols[2], dtype=object) if kind is FieldEventKind.SATISFACTION else nothing,
        np.array(cols[3], dtype=object) if kind is FieldEventKind.SATISFACTION else nothing,
        seconds(cols[2]) if kind is FieldEventKind.EXCEPTION else np.full(n, np.nan),
        np.array(cols[3], dtype=object) if kind is not FieldEventKind.SATISFACTION else nothing)


def levels_of(session: Session, raw_customer_ids: Sequence[Any]) -> dict[Any, str]:
    """Raw customer id -> level value, for these customers."""
    out: dict[Any, str] = {}
    ids = [order_id(i) for i in dict.fromkeys(raw_customer_ids)]
    for at in range(0, len(ids), 500):
        out.update((c, str(lv)) for c, lv in _run(session, select(_raw(Customer.id), _raw(Customer.level))
                                                  .where(Customer.id.in_(ids[at:at + 500]))))
    return out


def level_counts(session: Session) -> dict[tuple[Any, str], int]:
    """(raw region id, level value) -> customers held."""
    query = (select(_raw(Customer.region_id), _raw(Customer.level), func.count()).where(Customer.deleted.is_(False))
             .group_by(Customer.region_id, Customer.level))
    return {(r, str(lv)): n for r, lv, n in _run(session, query)}


def level_orders(session: Session, region_id: uuid.UUID, level: str) -> list[Any]:
    """Raw ids of the region's orders open and not yet resolved of customers at `level`."""
    query = (select(_raw(WorkOrder.id)).join(Customer, Customer.id == WorkOrder.customer_id)
             .where(text(OPEN_STATUS_SQL), WorkOrder.status != OrderStatus.RESOLVED, WorkOrder.deleted.is_(False),
                    WorkOrder.region_id == region_id, Customer.level == level))
    return [r[0] for r in _run(session, query)]


def _surveys(region_id: uuid.UUID | None, start: datetime, end: datetime, *columns: Any) -> Any:
    query = select(*columns).where(FieldEvent.deleted.is_(False), FieldEvent.kind == FieldEventKind.SATISFACTION,
                                   FieldEvent.occurred_at >= start, FieldEvent.occurred_at < end)
    if region_id is not None:
        query = query.join(WorkOrder, WorkOrder.id == FieldEvent.order_id).where(WorkOrder.region_id == region_id)
    return query


def survey_months(session: Session, region_id: uuid.UUID | None, edges: Sequence[datetime]) -> list[tuple[int, int]]:
    """(very satisfied, answers) per span between consecutive `edges`, counted in SQL (no row comes out)."""
    month = case(*[(FieldEvent.occurred_at < edge, k) for k, edge in enumerate(edges[1:])], else_=-1)
    very = func.sum(case((FieldEvent.rating == SatisfactionRating.VERY_SATISFIED, 1), else_=0))
    query = _surveys(region_id, edges[0], edges[-1], month, very, func.count()).group_by(month)
    found = {k: (int(v or 0), int(n)) for k, v, n in _run(session, query)}
    return [found.get(k, (0, 0)) for k in range(len(edges) - 1)]


def survey_orders(session: Session, region_id: uuid.UUID | None, start: datetime, end: datetime) -> list[Any]:
    """Raw ids of the orders answered about in [start, end)."""
    return list(dict.fromkeys(r[0] for r in _run(session, _surveys(region_id, start, end, _raw(FieldEvent.order_id)))))


def dissatisfied(session: Session, region_id: uuid.UUID | None, start: datetime, end: datetime) -> list[tuple[Any, Any, Any]]:
    """(raw order id, respondent value, occurred) of the dissatisfied answers in [start, end), newest first."""
    query = (_surveys(region_id, start, end, _raw(FieldEvent.order_id), _raw(FieldEvent.respondent), FieldEvent.occurred_at)
             .where(FieldEvent.rating == SatisfactionRating.DISSATISFIED).order_by(FieldEvent.occurred_at.desc(), FieldEvent.id))
    return [tuple(r) for r in _run(session, query)]


def order_lines(session: Session, raw_ids: Sequence[Any]) -> dict[Any, tuple[str, str]]:
    """Raw order id -> (number, customer name), for a short list."""
    if not raw_ids:
        return {}
    ids = [order_id(i) for i in raw_ids]
    query = (select(_raw(WorkOrder.id), WorkOrder.number, Customer.name).join(Customer, Customer.id == WorkOrder.customer_id)
             .where(WorkOrder.id.in_(ids)))
    return {k: (n, c) for k, n, c in _run(session, query)}


def regions(session: Session) -> list[tuple[Any, uuid.UUID, str, str]]:
    """(raw id, id, name, English name) of every region."""
    return [(r, i, n, e) for r, i, n, e in _run(session,
        select(_raw(Region.id), Region.id, Region.name, Region.name_en).where(Region.deleted.is_(False)).order_by(Region.code))]

