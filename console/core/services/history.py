"""An order's whole story on one time line: intake, every SLA event, appointments and their changes,
assignments, field events with distances, exceptions with the order that carried on, tests,
signature, billing, surveys and every audit row, in time order. Pure reading.

The moments come from where each is recorded best: pauses from the pause rows (who started, ended
and approved them), appointment changes from their own rows (the window, the reason, how the
customer was reached), field events from the technician's reports, steps from the step rows, the
order's own instants (received, accepted, resolved, closed, billing) where no audit row says them,
and the audit log for everything else. An audit row saying the same as a richer row at the same
moment is left out. The bands an order crossed are derived from its cached deadline (marked so):
the desk records no crossing.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.domain.enums import OrderStatus
from console.core.store.models import (
    Appointment,
    AppointmentChange,
    AppointmentOrder,
    AuditEntry,
    FieldEvent,
    OrderStep,
    SlaPause,
    Technician,
    User,
    WorkOrder,
)
from console.core.store.rows import TimelineEntry

SAME_MOMENT = timedelta(seconds=5)  # an audit row this close to a richer row of the same kind says the same
_FACTS = (  # the order's own instants, and the audit action that says the same
    ("responded_at", "order.accepted"),
    ("investigated_at", "order.investigated"),
    ("resolved_at", "order.resolved"),
    ("returned_at", "order.returned"),
    ("billing_started_at", "order.billing_started"),
)
_ENDS = {OrderStatus.CLOSED: "order.closed", OrderStatus.CANCELLED: "order.cancelled", OrderStatus.SUPERSEDED: "order.superseded"}
_FIRST = {"order.created": 0}  # at the same instant, the intake comes first


def order_timeline(session: Session, order_id: uuid.UUID, now: datetime | None = None) -> tuple[TimelineEntry, ...]:
    """The order's moments in time order (empty for an unknown order). `now`: how far an open
    order's derived band crossings go."""
    order = session.get(WorkOrder, order_id)
    if order is None:
        return ()
    names = _Names(session)
    replaced_by = session.execute(select(WorkOrder.id, WorkOrder.number).where(WorkOrder.replaces_order_id == order_id)).first()
    replaces = session.execute(select(WorkOrder.id, WorkOrder.number).where(WorkOrder.id == order.replaces_order_id)).first() \
        if order.replaces_order_id else None
    links = {"replaced_by": tuple(replaced_by) if replaced_by else None, "replaces": tuple(replaces) if replaces else None}
    rich = [*_pauses(session, order_id, names), *_appointments(session, order_id, names), *_field(session, order_id, names, links),
            *_steps(session, order_id, names)]
    audit = list(_audit(session, order_id, names, links))
    entries = rich + [a for a in audit if not _said_by(a, rich)]
    entries += _facts(order, {a.kind for a in audit}, links)
    entries += _crossings(order, now)
    return tuple(sorted(entries, key=lambda e: (e.at, _FIRST.get(e.kind, 1))))


class _Names:
    """Users' and technicians' names, each read once."""

    def __init__(self, session: Session):
        self._session = session
        self._users: dict[uuid.UUID, str] = {}
        self._technicians: dict[uuid.UUID, str] = {}

    def user(self, user_id: uuid.UUID | None) -> str | None:
        if user_id is None:
            return None
        if user_id not in self._users:
            self._users[user_id] = self._session.scalar(select(User.display_name).where(User.id == user_id)) or ""
        return self._users[user_id] or None

    def technician(self, technician_id: uuid.UUID | None) -> str | None:
        if technician_id is None:
            return None
        if technician_id not in self._technicians:
            self._technicians[technician_id] = self._session.scalar(select(Technician.name).where(Technician.id == technician_id)) or ""
        return self._technicians[technician_id] or None


def _said_by(entry: TimelineEntry, rich: Iterable[TimelineEntry]) -> bool:
    kinds = {entry.kind, entry.kind.replace("order.step_done", "step.done")}
    return any(r.kind in kinds and abs(r.at - entry.at) <= SAME_MOMENT for r in rich)


def _audit(session: Session, order_id: uuid.UUID, names: _Names, links: dict) -> Iterable[TimelineEntry]:
    for a in session.scalars(select(AuditEntry).where(AuditEntry.order_id == order_id).order_by(AuditEntry.at)):
        linked = None
        if a.action == "order.superseded":
            linked = links["replaced_by"]
        elif a.action == "order.created":
            linked = links["replaces"]
        yield TimelineEntry(a.at, a.action, names.user(a.user_id), dict(a.after or {}), a.reason, linked)


def _pauses(session: Session, order_id: uuid.UUID, names: _Names) -> Iterable[TimelineEntry]:
    for p in session.scalars(select(SlaPause).where(SlaPause.order_id == order_id, SlaPause.deleted.is_(False))):
        approved = names.user(p.approved_by)
        details = {"reason": p.reason.value, "note": p.note, **({"approved_by": approved} if approved else {})}
        yield TimelineEntry(p.started_at, "sla.paused", names.user(p.started_by), details)
        if p.ended_at is not None:
            yield TimelineEntry(p.ended_at, "sla.resumed", names.user(p.ended_by), {"reason": p.reason.value})


def _appointments(session: Session, order_id: uuid.UUID, names: _Names) -> Iterable[TimelineEntry]:
    changes = session.scalars(
        select(AppointmentChange)
        .join(AppointmentOrder, AppointmentOrder.appointment_id == AppointmentChange.appointment_id)
        .join(Appointment, Appointment.id == AppointmentChange.appointment_id)
        .where(AppointmentOrder.order_id == order_id, AppointmentOrder.deleted.is_(False))
    )
    for c in changes:
        details = {
            "new_start": c.new_start, "new_end": c.new_end, "old_start": c.old_start, "old_end": c.old_end,
            "contact_method": c.contact_method.value if c.contact_method else None,
            "reason": c.reason.value if c.reason else None, "reason_text": c.reason_text,
            "old_technician": names.technician(c.old_technician_id), "new_technician": names.technician(c.new_technician_id),
        }
        yield TimelineEntry(c.changed_at, f"appointment.{c.kind.value}", names.user(c.changed_by),
                            {k: v for k, v in details.items() if v not in (None, "")})


def _field(session: Session, order_id: uuid.UUID, names: _Names, links: dict) -> Iterable[TimelineEntry]:
    for e in session.scalars(select(FieldEvent).where(FieldEvent.order_id == order_id, FieldEvent.deleted.is_(False))):
        details = dict(e.payload or {})
        if e.distance_m is not None:
            details.update(distance_m=e.distance_m, off_site=e.off_site)
        if e.exception_kind is not None:
            details["exception_kind"] = e.exception_kind.value
        if e.rating is not None:
            details.update(rating=e.rating.value, respondent=e.respondent.value if e.respondent else None)
        linked = links["replaced_by"] if e.exception_kind is not None else None
        yield TimelineEntry(e.occurred_at, f"field.{e.kind.value}", names.technician(e.technician_id), details, linked=linked)


def _steps(session: Session, order_id: uuid.UUID, names: _Names) -> Iterable[TimelineEntry]:
    for s in session.scalars(select(OrderStep).where(OrderStep.order_id == order_id, OrderStep.deleted.is_(False))
                             .order_by(OrderStep.seq)):
        details = {"step": s.step.value, "department": s.department}
        if s.started_at is not None:
            yield TimelineEntry(s.started_at, "step.started", None, details)
        if s.completed_at is not None:
            yield TimelineEntry(s.completed_at, "step.done", names.user(s.completed_by), details)


def _facts(order: WorkOrder, audited: set[str], links: dict) -> list[TimelineEntry]:
    """The order's own instants that no audit row says."""
    out = []
    if "order.created" not in audited:
        out.append(TimelineEntry(order.received_at, "order.created", None,
                                 {"upstream_ref": order.upstream_ref} if order.upstream_ref else {}, linked=links["replaces"]))
    for column, kind in _FACTS:
        instant = getattr(order, column)
        if instant is not None and kind not in audited:
            out.append(TimelineEntry(instant, kind))
    end = _ENDS.get(order.status)
    if end is not None and order.closed_at is not None and end not in audited:
        details = {"cancel_reason": order.cancel_reason.value} if order.cancel_reason else {}
        out.append(TimelineEntry(order.closed_at, end, None, details,
                                 linked=links["replaced_by"] if order.status is OrderStatus.SUPERSEDED else None))
    return out


def _crossings(order: WorkOrder, now: datetime | None) -> list[TimelineEntry]:
    """The bands the order's running limit entered before it was done (or before `now`), from its
    cached instants; none past an open pause (they move while the clock stands)."""
    end = order.resolved_at or order.closed_at or now
    if end is None or order.due_at is None:
        return []
    if order.paused_since is not None:
        end = min(end, order.paused_since)
    stage = {"stage": order.sla_stage.value} if order.sla_stage else {}
    out = [TimelineEntry(at, kind, details=dict(stage), derived=True)
           for at, kind in ((order.amber_at, "sla.turned_amber"), (order.red_at, "sla.turned_red"), (order.due_at, "sla.breached"))
           if at is not None and at < end]
    response_due = order.response_due_at
    if response_due is not None and response_due < (order.responded_at or end):
        out.append(TimelineEntry(response_due, "sla.response_late", derived=True))
    return out
