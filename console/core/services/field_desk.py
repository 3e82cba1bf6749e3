"""The desk's actions on what the field reports: raise an exception on the technician's call and
dispatch the order that carries on, in one action; a supervisor's sign-off of a flagged check-in;
the signature link sent to the customer again; and the supervisor's rules for what each kind of
exception does.

Each is an operation (audited, synced, run again at the centre as the token's user). A sign-off
and a re-sent link are audit rows only, the order unchanged (as an alert's acknowledgement): at the
centre the link's audit row queues the text message (central/outbound.py); a desk alone keeps the
request in its history.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain import lifecycle
from console.core.domain.enums import ExceptionKind, FieldEventKind, OrderStatus
from console.core.domain.field import CLOCK_CHOICES, REPORTABLE, SIGNED_OFF, clock_key, reissue_key
from console.core.domain.roles import may_supervise
from console.core.operations import operation
from console.core.services.calendar import NotAllowed
from console.core.services.field import FieldReports
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import AuditEntry, FieldEvent, RuleParameter, Technician, WorkOrder, touch
from console.core.store.rows import DeskUser
from console.core.store.rules import DEFAULT_PARAMETERS

MAX_NOTE = 500
LINK_SENT = "field.signature_link_sent"
RULE_CHANGED = "field.exception_rule_changed"


class FieldDeskError(ValueError):
    """An action the order or the input does not allow; the message says why, for a person."""


class FieldDesk:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local", *,
                 provisional_numbers: bool = False, **_unused):
        """`provisional_numbers`: the desk's own file (the composition root says so): an order it
        re-issues takes a provisional number until the centre's arrives (the centre's run numbers it)."""
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id
        self._provisional = provisional_numbers

    @property
    def database(self) -> Database:
        return self._database

    @operation("field.raise_exception")
    def raise_exception(self, order_id: uuid.UUID, kind: ExceptionKind, note: str, technician_id: uuid.UUID | None = None) -> Changes:
        """The technician called in an exception: recorded as theirs, the order archived and re-issued
        (or kept) and its clock paused or running on as the rules say, and the order that carries on
        dispatched to `technician_id` (None: left to dispatch), all in one unit of work."""
        kind, note = ExceptionKind(kind), _note(note, required=True)
        with self._database.unit_of_work() as session:
            order = session.get(WorkOrder, order_id, with_for_update=True)
            if order is None or order.deleted:
                raise FieldDeskError("the order no longer exists")
            if order.status not in REPORTABLE:
                raise FieldDeskError(f"order {order.number} is {order.status.value}: an exception is raised only on an order "
                                     "dispatched to a technician and not yet closed")
            reports = FieldReports(self._database, self._user, None, self._clock, desk_id=self._desk_id,
                                   provisional_numbers=self._provisional)
            raised = reports.exception_within(session, order.id, kind, note, self._clock(), technician_id=order.assignee_id)
            if technician_id is not None:
                self._dispatch(session, session.get(WorkOrder, raised.order_id), technician_id)
            return Changes(orders=frozenset({raised.reported_on, raised.order_id}))

    def _dispatch(self, session: Session, order: WorkOrder, technician_id: uuid.UUID) -> None:
        technician = session.get(Technician, technician_id)
        if technician is None or not technician.active or technician.deleted:
            raise FieldDeskError("the technician chosen for the order is not active")
        refusal = lifecycle.assign_refusal(order.status)
        if refusal is not None:
            raise FieldDeskError(f"order {order.number} cannot be dispatched now ({refusal.value}): "
                                 "the technician on site hands it over first")
        now = self._clock()
        before = {"assignee_id": str(order.assignee_id) if order.assignee_id else None, "status": order.status.value}
        order.assignee_id, order.status = technician.id, lifecycle.status_after_assign(order.status)
        # (no touch: a re-issued order is new in this action, a kept one was touched by the exception)
        audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="order.assigned", entity="work_order",
                     entity_id=order.id, order_id=order.id, before=before,
                     after={"assignee_id": str(technician.id), "assignee": technician.name, "status": order.status.value})

    @operation("field.sign_off_check_in")
    def sign_off_check_in(self, order_id: uuid.UUID, event_id: uuid.UUID, note: str) -> Changes:
        """A supervisor has looked at a flagged check-in (off site, late) and signs it off with a
        note: an audit row, the order and the event unchanged."""
        if not may_supervise(self._user.role):
            raise NotAllowed("only a shift supervisor or an administrator may sign off a check-in")
        note = _note(note, required=True)
        with self._database.unit_of_work() as session:
            event = session.get(FieldEvent, event_id)
            if event is None or event.order_id != order_id or event.kind is not FieldEventKind.CHECK_IN:
                raise FieldDeskError("no such check-in on this order")
            audit.record(session, at=self._clock(), user_id=self._user.id, desk_id=self._desk_id, action=SIGNED_OFF,
                         entity="field_event", entity_id=event.id, order_id=order_id, before=None,
                         after={"distance_m": event.distance_m, "off_site": event.off_site}, reason=note)
            return Changes(orders=frozenset({order_id}))

    @operation("orders.resend_signature_link")
    def resend_signature_link(self, order_id: uuid.UUID) -> Changes:
        """Send the customer the signature link again (the delivery report is written, not yet
        signed): an audit row; at the centre it queues the text message."""
        with self._database.unit_of_work() as session:
            order = session.get(WorkOrder, order_id)
            if order is None or order.deleted:
                raise FieldDeskError("the order no longer exists")
            if order.status is not OrderStatus.RESOLVED:
                raise FieldDeskError(f"order {order.number} is {order.status.value}: the link is sent once the delivery report "
                                     "is written and until the customer signs")
            sent = session.scalar(select(AuditEntry.id).where(AuditEntry.order_id == order.id, AuditEntry.action == LINK_SENT)
                                  .limit(1))
            audit.record(session, at=self._clock(), user_id=self._user.id, desk_id=self._desk_id, action=LINK_SENT,
                         entity="work_order", entity_id=order.id, order_id=order.id, before=None,
                         after={"number": order.number, "again": sent is not None})
            return Changes(orders=frozenset({order.id}))

    @operation("rules.set_field_exception")
    def set_exception_rule(self, kind: ExceptionKind, reissue: bool, clock: str, reason: str) -> Changes:
        """What an exception of this kind does from now on (reports already made keep what they did)."""
        if not may_supervise(self._user.role):
            raise NotAllowed("only a shift supervisor or an administrator may change the field exception rules")
        kind = ExceptionKind(kind)
        if clock not in CLOCK_CHOICES:
            raise FieldDeskError(f"clock must be one of {', '.join(CLOCK_CHOICES)}, not {clock!r}")
        reason = _note(reason, required=True)
        with self._database.unit_of_work() as session:
            now = self._clock()
            before, after, rows = {}, {}, []
            for key, value in ((reissue_key(kind), bool(reissue)), (clock_key(kind), clock)):
                row = session.scalars(select(RuleParameter).where(RuleParameter.key == key)).first()
                before[key] = row.value.get("value") if row is not None and not row.deleted else DEFAULT_PARAMETERS[key][0]
                after[key] = value
                if row is None:
                    row = RuleParameter(key=key, value={"value": value}, description=DEFAULT_PARAMETERS[key][1])
                    session.add(row)
                elif row.value.get("value") != value or row.deleted:
                    row.value, row.deleted = {"value": value}, False
                    touch(row, now)
                rows.append(row)
            session.flush()
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=RULE_CHANGED, entity="rule_parameter",
                         entity_id=rows[0].id, order_id=None, before=before, after={"kind": kind.value, **after}, reason=reason)
            return Changes()  # (no order, no deadline changes: reports from now on read the rules when they come)


def _note(text: str, *, required: bool) -> str:
    text = text.strip()
    if required and not text:
        raise FieldDeskError("say what happened in the note")
    if len(text) > MAX_NOTE:
        raise FieldDeskError(f"the note is longer than {MAX_NOTE} characters")
    return text
