"""The alert list beyond the queue's bands, its acknowledgements and its escalations.

The queue knows which orders are red or late; this reads the rest (long pauses nobody approved,
off-site check-ins nobody signed off, field exceptions whose orders wait, callbacks past due)
from the desk's own file, and records that someone took an alert in hand (`alerts.acknowledge`,
an audit row on the alert's order with the note as its reason, synced like any action). The
escalations are the centre's audit rows (`central.escalation`); the desk also shows an alert
as escalated once it has lasted the escalation limit unacknowledged, before the centre's row
arrives (or while the centre is away).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.alerts import ACKNOWLEDGED, ESCALATE_AFTER_KEY, Alert, AlertKind
from console.core.domain.enums import Band, FieldEventKind
from console.core.domain.lifecycle import Refusal
from console.core.operations import operation
from console.core.services.alerts import Acknowledgement, acknowledgements
from console.core.services.callbacks import overdue_callbacks
from console.core.services.orders import MAX_NOTE, OrderActions, Outcome
from console.core.store import alert_query as q
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import Callback, FieldEvent, SlaPause, WorkOrder
from console.core.store.rows import DeskUser
from console.core.store.rules import parameters

ESCALATE_AFTER = ESCALATE_AFTER_KEY
LOOKBACK = "alerts.field_lookback_hours"
MAX_SUBJECTS = 2000  # alerts one acknowledgement takes in hand


@dataclass(frozen=True)
class AlertLimits:
    escalate_after: timedelta
    approval_after: timedelta
    lookback: timedelta


@dataclass(frozen=True)
class FieldAlerts:
    alerts: list[Alert]
    acknowledged: dict[tuple[uuid.UUID, str], Acknowledgement]  # (subject, kind) -> the last acknowledgement (console.core.services.alerts)
    limits: AlertLimits


def limits_of(values: dict) -> AlertLimits:
    return AlertLimits(timedelta(minutes=float(values[ESCALATE_AFTER])),
                       timedelta(hours=float(values["sla.pause.approval_after_hours"])),
                       timedelta(hours=float(values[LOOKBACK])))


class AlertDesk:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    @property
    def database(self) -> Database:
        return self._database

    def field_alerts(self, region_id: uuid.UUID | None) -> FieldAlerts:
        """Every alert other than the bands', newest first within each kind, with their
        acknowledgements (a read: off the GUI thread)."""
        now = self._clock()
        with self._database.reading() as s:
            limits = limits_of(parameters(s))
            since = now - limits.lookback
            alerts = [Alert(AlertKind.LONG_PAUSE, r[0], r[1], r[2], r[3], r[4] + limits.approval_after, str(r[5] or ""))
                      for r in q.long_pauses(s, region_id, now - limits.approval_after)]
            alerts += [Alert(AlertKind.OFF_SITE, r[0], r[1], r[2], r[3], r[4], "" if r[5] is None else f"{r[5]:.0f}")
                       for r in q.off_site_check_ins(s, region_id, since)]
            alerts += [Alert(AlertKind.EXCEPTION, r[0], r[1], r[2], r[3], r[4], str(r[5] or ""))
                       for r in q.exceptions_waiting(s, region_id, since)]
            alerts += [Alert(AlertKind.CALLBACK_OVERDUE, c.id, c.order_id, c.order_number, c.customer, c.due_at,
                             c.comment) for c in overdue_callbacks(s, region_id, now)]
        return FieldAlerts(alerts, acknowledgements(self._database, {a.order_id for a in alerts}), limits)

    def escalated(self, order_ids: Iterable[uuid.UUID] | None) -> dict[tuple[uuid.UUID, Band], datetime]:
        """When the centre escalated these orders' red or late alerts."""
        with self._database.reading() as s:
            return q.escalations(s, order_ids)

    @operation("alerts.acknowledge")
    def acknowledge(self, kind: AlertKind, subject_ids: list[uuid.UUID], note: str = "") -> Outcome:
        """Alerts of one kind seen and taken in hand, with a note: an audit row each on the alert's
        order (a red or late order's alert: the order's id; the others: the pause's, check-in's,
        exception's or callback's). Nothing else changes, so an acknowledgement never conflicts."""
        kind, note = AlertKind(kind), note.strip()
        if len(note) > MAX_NOTE:
            raise ValueError(f"note: longer than {MAX_NOTE} characters")
        ids = list(dict.fromkeys(subject_ids))
        if len(ids) > MAX_SUBJECTS:
            raise ValueError(f"subject_ids: at most {MAX_SUBJECTS} alerts at once")
        if kind.band is not None:  # a red or late order's: the queue's own acknowledgement
            return OrderActions(self._database, self._user, self._clock, self._desk_id).acknowledge_alert(ids, kind.band, note)
        with self._database.unit_of_work() as session:
            found = _subjects(session, kind, ids)  # subject -> (order id, number, entity)
            refused: dict[uuid.UUID, tuple[str, Refusal]] = {i: ("", Refusal.NOT_FOUND) for i in ids if i not in found}
            taken = [i for i in ids if i not in refused]
            for subject in taken:
                order_id, _number, entity = found[subject]
                after = {"alert": kind.value, "subject": subject.hex}
                audit.record(session, at=self._clock(), user_id=self._user.id, desk_id=self._desk_id, action=ACKNOWLEDGED,
                             entity=entity, entity_id=subject, order_id=order_id, before=None, after=after, reason=note)
            return Outcome(Changes(orders=frozenset(found[i][0] for i in taken)), refused)


def _subjects(session, kind: AlertKind, ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[uuid.UUID, str, str]]:
    """Each named subject of this kind (not an order's band) that exists: (its order, the order's
    number, the audit entity)."""
    if not ids:
        return {}
    if kind is AlertKind.LONG_PAUSE:
        rows = session.execute(select(SlaPause.id, SlaPause.order_id, WorkOrder.number).join(WorkOrder, WorkOrder.id == SlaPause.order_id)
                               .where(SlaPause.id.in_(ids), SlaPause.deleted.is_(False)))
        entity = "sla_pause"
    elif kind in (AlertKind.OFF_SITE, AlertKind.EXCEPTION):
        event_kind = FieldEventKind.CHECK_IN if kind is AlertKind.OFF_SITE else FieldEventKind.EXCEPTION
        rows = session.execute(select(FieldEvent.id, FieldEvent.order_id, WorkOrder.number).join(WorkOrder, WorkOrder.id == FieldEvent.order_id)
                               .where(FieldEvent.id.in_(ids), FieldEvent.kind == event_kind, FieldEvent.deleted.is_(False)))
        entity = "field_event"
    else:
        rows = session.execute(select(Callback.id, Callback.order_id, WorkOrder.number).join(WorkOrder, WorkOrder.id == Callback.order_id)
                               .where(Callback.id.in_(ids), Callback.deleted.is_(False)))
        entity = "callback"
    return {subject: (order_id, number, entity) for subject, order_id, number in rows}
