"""The shift handover's draft (交接班): what the outgoing supervisor hands over, read in one session
(the desk's own file off the GUI thread, or the centre's transaction when it signs) as a list of
sections, each a list of orders with the facts its line says.

Sections, in order (`SECTIONS`; a new one is a function added to `_DRAFTERS`):
- at_risk: open orders red or late now, and those whose running deadline falls within the next
  `handover.at_risk_hours` (the incoming shift's first hours), from their cached SLA instants;
- exceptions: field exceptions whose order that carries on (the re-issued one, or the same) is
  still open and waits on the desk: not dispatched yet, or its clock paused;
- approvals: paused orders past the pause-approval limit without a supervisor's approval, and
  those that pass it within the horizon;
- alerts: red and late orders whose alert for the band they are in nobody acknowledged;
- callbacks: dissatisfied customers' callbacks not made that are due by the horizon's end.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session, aliased

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import OPEN_STATUSES, Band, FieldEventKind, OrderStatus
from console.core.domain.sla import SlaParameters
from console.core.domain.sla_clock import SlaClock, SlaTimes, band_at, pause_awaits_approval, running_deadline
from console.core.services.alerts import acknowledgements_in
from console.core.services.callbacks import overdue_callbacks
from console.core.store.models import Customer, FieldEvent, SlaPause, Technician, WorkOrder
from console.core.store.rules import load_calendar, load_rulebook, parameters

SECTIONS = ("at_risk", "exceptions", "approvals", "alerts", "callbacks")
HORIZON_KEY = "handover.at_risk_hours"
DEFAULT_HORIZON_HOURS = 4.0
MAX_ITEMS = 100  # lines a section keeps (the most pressing); `total` says how many there were
ALERT_BANDS = (Band.RED, Band.BREACHED)


@dataclass(frozen=True)
class Item:
    """One order in a section: who it is and the facts its line says (JSON values: the record keeps them)."""

    order_id: uuid.UUID
    number: str
    customer: str
    kind: str
    status: str
    facts: dict[str, Any] = field(default_factory=dict)
    remark: str = ""
    added: bool = False  # kept by the supervisor though the centre's draft did not hold it at signing

    def as_json(self) -> dict[str, Any]:
        out = {"order_id": self.order_id.hex, "number": self.number, "customer": self.customer, "kind": self.kind,
               "status": self.status, "facts": self.facts, "remark": self.remark}
        return out | ({"added": True} if self.added else {})

    @staticmethod
    def from_json(value: Any) -> Item | None:
        try:
            return Item(uuid.UUID(hex=str(value["order_id"])), str(value.get("number", "")), str(value.get("customer", "")),
                        str(value.get("kind", "")), str(value.get("status", "")), dict(value.get("facts") or {}),
                        str(value.get("remark", "")), bool(value.get("added", False)))
        except (KeyError, TypeError, ValueError, AttributeError):
            return None


@dataclass(frozen=True)
class Section:
    key: str
    items: tuple[Item, ...]
    total: int  # how many the draft found (items keeps at most MAX_ITEMS)
    removed: tuple[Item, ...] = ()  # what the supervisor left out at signing

    def as_json(self) -> dict[str, Any]:
        return {"key": self.key, "total": self.total, "items": [i.as_json() for i in self.items],
                "removed": [{"order_id": i.order_id.hex, "number": i.number} for i in self.removed]}


@dataclass(frozen=True)
class Draft:
    region_id: uuid.UUID
    shift_start: datetime
    shift_end: datetime
    drafted_at: datetime
    horizon_hours: float
    sections: tuple[Section, ...]

    def section(self, key: str) -> Section:
        return next(s for s in self.sections if s.key == key)


@dataclass(frozen=True)
class _Context:
    session: Session
    region_id: uuid.UUID
    now: datetime
    until: datetime  # the horizon's end
    params: SlaParameters
    band: Callable[[SlaClock], Band]


def horizon_hours(values: dict[str, Any]) -> float:
    try:
        hours = float(values.get(HORIZON_KEY, DEFAULT_HORIZON_HOURS))
    except (TypeError, ValueError):
        return DEFAULT_HORIZON_HOURS
    return hours if 0 < hours <= 48 else DEFAULT_HORIZON_HOURS


def draft_within(session: Session, region_id: uuid.UUID, now: datetime, shift: tuple[datetime, datetime]) -> Draft:
    """The region's draft at `now` for the shift [start, end) ending, read in `session`."""
    values = parameters(session)
    hours = horizon_hours(values)
    calendar, params = load_calendar(session), load_rulebook(session).parameters
    ctx = _Context(session, region_id, now, now + timedelta(hours=hours), params, lambda clock: band_at(clock, calendar, params, now))
    rows = _open_orders(ctx)
    sections = tuple(_section(key, drafter(ctx, rows)) for key, drafter in _DRAFTERS.items())
    return Draft(region_id, shift[0], shift[1], now, hours, sections)


def _section(key: str, items: list[Item]) -> Section:
    return Section(key, tuple(items[:MAX_ITEMS]), len(items))


# --- the open orders the SLA sections read ---------------------------------------------------------

@dataclass(frozen=True)
class _OrderRow:
    id: uuid.UUID
    number: str
    kind: str
    status: str
    customer: str
    level: str
    assignee: str
    clock: SlaClock
    pause_reason: str
    band: Band
    deadline: datetime | None  # when it misses its limit if nothing else pauses it


def _open_orders(ctx: _Context) -> list[_OrderRow]:
    """The region's open orders that could be in a section: red from before the horizon's end, or paused."""
    pause = aliased(SlaPause)
    query = (select(WorkOrder.id, WorkOrder.number, WorkOrder.kind, WorkOrder.status, Customer.name, Customer.level, Technician.name,
                    WorkOrder.due_at, WorkOrder.amber_at, WorkOrder.red_at, WorkOrder.sla_limit_seconds, WorkOrder.sla_business,
                    WorkOrder.paused_since, pause.approved_by, pause.reason)
             .join(Customer, Customer.id == WorkOrder.customer_id)
             .outerjoin(Technician, Technician.id == WorkOrder.assignee_id)
             .outerjoin(pause, and_(pause.order_id == WorkOrder.id, pause.ended_at.is_(None), pause.deleted.is_(False)))
             .where(WorkOrder.region_id == ctx.region_id, WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.deleted.is_(False),
                    WorkOrder.due_at.is_not(None), WorkOrder.amber_at.is_not(None), WorkOrder.red_at.is_not(None),
                    WorkOrder.sla_limit_seconds.is_not(None),
                    or_(WorkOrder.red_at <= ctx.until, WorkOrder.paused_since.is_not(None))))
    out: dict[uuid.UUID, _OrderRow] = {}
    for (order_id, number, kind, status, customer, level, assignee, due, amber, red, limit, business, paused, approver,
         reason) in ctx.session.execute(query):
        times = SlaTimes(due, amber, red, timedelta(seconds=limit), bool(business))
        clock = SlaClock(times, paused, approver is not None)
        out[order_id] = _OrderRow(order_id, number, kind.value, status.value, customer, level.value, assignee or "", clock,
                                  reason.value if reason is not None else "", ctx.band(clock), running_deadline(clock, ctx.params))
    return sorted(out.values(), key=lambda r: (r.deadline is None, r.deadline or ctx.now, r.number))


def _item(row: _OrderRow, **facts: Any) -> Item:
    base = {"band": row.band.value, "due_at": _iso(row.deadline), "paused": row.clock.paused_since is not None,
            "assignee": row.assignee, "level": row.level}
    return Item(row.id, row.number, row.customer, row.kind, row.status, base | facts)


def _at_risk(ctx: _Context, rows: list[_OrderRow]) -> list[Item]:
    return [_item(r) for r in rows
            if r.band in ALERT_BANDS or (r.deadline is not None and r.deadline <= ctx.until)]


def _approvals(ctx: _Context, rows: list[_OrderRow]) -> list[Item]:
    out = []
    for r in rows:
        since = r.clock.paused_since
        if since is None or r.clock.pause_approved:
            continue
        needs_from = since + ctx.params.pause_approval_after
        if pause_awaits_approval(r.clock, ctx.params, ctx.now) or needs_from <= ctx.until:
            out.append((needs_from, _item(r, paused_since=_iso(since), needs_approval_from=_iso(needs_from), reason=r.pause_reason,
                                          awaiting=needs_from < ctx.now)))
    return [i for _at, i in sorted(out, key=lambda p: (p[0], p[1].number))]


def _alerts(ctx: _Context, rows: list[_OrderRow]) -> list[Item]:
    alerted = [r for r in rows if r.band in ALERT_BANDS]
    seen = acknowledgements_in(ctx.session, [r.id for r in alerted])  # (order, band) -> the last acknowledgement
    return [_item(r) for r in alerted if (r.id, r.band) not in seen]


def _exceptions(ctx: _Context, _rows: list[_OrderRow]) -> list[Item]:
    """Exceptions whose carrying order waits on the desk: not dispatched yet, or paused."""
    original, carried = aliased(WorkOrder), aliased(WorkOrder)
    query = (select(FieldEvent.occurred_at, FieldEvent.exception_kind, original.number, original.id, carried.id)
             .join(original, original.id == FieldEvent.order_id)
             .outerjoin(carried, and_(carried.replaces_order_id == original.id, carried.deleted.is_(False)))
             .where(FieldEvent.kind == FieldEventKind.EXCEPTION, FieldEvent.deleted.is_(False), original.region_id == ctx.region_id)
             .order_by(FieldEvent.occurred_at.desc()).limit(2000))
    latest: dict[uuid.UUID, tuple] = {}
    for at, kind, number, original_id, carried_id in ctx.session.execute(query):
        latest.setdefault(carried_id or original_id, (at, kind, number, original_id))
    if not latest:
        return []
    orders = {}
    ids = list(latest)
    for start in range(0, len(ids), 500):
        for order in ctx.session.execute(
                select(WorkOrder.id, WorkOrder.number, WorkOrder.kind, WorkOrder.status, WorkOrder.paused_since, Customer.name.label("customer"),
                       Technician.name.label("technician"))
                .join(Customer, Customer.id == WorkOrder.customer_id).outerjoin(Technician, Technician.id == WorkOrder.assignee_id)
                .where(WorkOrder.id.in_(ids[start:start + 500]), WorkOrder.deleted.is_(False))):
            orders[order.id] = order
    out = []
    for order_id, (at, kind, number, original_id) in latest.items():
        order = orders.get(order_id)
        if order is None or not order.status.is_open or not (order.status is OrderStatus.NEW or order.paused_since is not None):
            continue
        out.append(Item(order.id, order.number, order.customer, order.kind.value, order.status.value, {
            "exception_kind": kind.value if kind else "", "reported_at": _iso(at), "reported_on": number if original_id != order.id else "",
            "paused": order.paused_since is not None, "assignee": order.technician or ""}))
    return sorted(out, key=lambda i: (i.facts["reported_at"], i.number))


def _callbacks(ctx: _Context, _rows: list[_OrderRow]) -> list[Item]:
    """Callbacks not made yet that are due by the horizon's end (`console.core.services.callbacks`)."""
    return [Item(t.order_id, t.order_number, t.customer, "", "", {"due_at": _iso(t.due_at), "overdue": t.overdue(ctx.now),
                                                                   "comment": t.comment[:200], "callback_id": t.id.hex})
            for t in overdue_callbacks(ctx.session, ctx.region_id, ctx.until)]


_DRAFTERS: dict[str, Callable[[_Context, list[_OrderRow]], list[Item]]] = {
    "at_risk": _at_risk, "exceptions": _exceptions, "approvals": _approvals, "alerts": _alerts, "callbacks": _callbacks,
}


def order_item(session: Session, order_id: uuid.UUID, region_id: uuid.UUID, now: datetime,
               rules: Callable[[], tuple[BusinessCalendar, SlaParameters]]) -> Item | None:
    """One order of the region as the centre has it now (None: no such order in the region): the
    line of an order the supervisor kept that the draft at signing did not hold. `rules`: the
    calendar and SLA parameters, read once for all the lines a signing adds (`rules_of`)."""
    row = session.execute(select(WorkOrder, Customer.name, Customer.level, Technician.name)
                          .join(Customer, Customer.id == WorkOrder.customer_id)
                          .outerjoin(Technician, Technician.id == WorkOrder.assignee_id)
                          .where(WorkOrder.id == order_id, WorkOrder.deleted.is_(False), WorkOrder.region_id == region_id)).first()
    if row is None:
        return None
    order, customer, level, assignee = row
    facts: dict[str, Any] = {"assignee": assignee or "", "level": level.value, "paused": order.paused_since is not None}
    if order.status.is_open and order.due_at is not None and order.amber_at and order.red_at and order.sla_limit_seconds:
        calendar, params = rules()
        approved = session.scalar(select(SlaPause.approved_by).where(SlaPause.order_id == order.id, SlaPause.ended_at.is_(None),
                                                                     SlaPause.deleted.is_(False)))
        clock = SlaClock(SlaTimes(order.due_at, order.amber_at, order.red_at, timedelta(seconds=order.sla_limit_seconds),
                                  bool(order.sla_business)), order.paused_since, approved is not None)
        facts |= {"band": band_at(clock, calendar, params, now).value, "due_at": _iso(running_deadline(clock, params))}
    return Item(order.id, order.number, customer, order.kind.value, order.status.value, facts, added=True)


def rules_of(session: Session) -> Callable[[], tuple[BusinessCalendar, SlaParameters]]:
    """The calendar and SLA parameters, read on the first call and kept for the next ones."""
    return functools.cache(lambda: (load_calendar(session), load_rulebook(session).parameters))


def _iso(instant: datetime | None) -> str | None:
    return instant.isoformat() if instant is not None else None
