"""Red and late orders' alerts: which are acknowledged, by whom, when and with what note.

An acknowledgement is an audit row (`orders.acknowledge_alert`, action "alert.acknowledged", its
band in `after`, the note as its reason), synced as any action: every desk of the region sees who
took which alert in hand. One for an order's red alert does not cover the same order turning late.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.domain.alerts import ACKNOWLEDGED, FIELD_KINDS, AlertKind
from console.core.domain.enums import Band
from console.core.store.database import Database
from console.core.store.models import AuditEntry, User


@dataclass(frozen=True)
class Acknowledgement:
    at: datetime
    by: str
    note: str


def acknowledgements(database: Database, order_ids: Iterable[uuid.UUID] | None) -> dict[tuple[uuid.UUID, str], Acknowledgement]:
    """The last acknowledgement of each of these orders' alerts (None: of every order), by (order,
    band) for a red or late order's, by (subject, AlertKind) for the others (a pause, a check-in...;
    console.core.services.alert_list). Many orders are read as all acknowledgements at once, kept for these orders: one
    statement over the few acknowledgement rows, not one per 500 orders."""
    with database.reading() as s:
        return acknowledgements_in(s, order_ids)


def acknowledgements_in(s: Session, order_ids: Iterable[uuid.UUID] | None) -> dict[tuple[uuid.UUID, str], Acknowledgement]:
    """`acknowledgements`, read in the caller's session (the shift handover's draft)."""
    ids = None if order_ids is None else list(order_ids)
    query = (select(AuditEntry.order_id, AuditEntry.after, AuditEntry.at, AuditEntry.reason, User.display_name, AuditEntry.entity_id)
             .outerjoin(User, User.id == AuditEntry.user_id).where(AuditEntry.action == ACKNOWLEDGED).order_by(AuditEntry.at))
    if ids is None:
        rows = list(s.execute(query))
    elif len(ids) > MANY:
        wanted = set(ids)
        rows = [r for r in s.execute(query) if r[0] in wanted]
    else:
        rows = list(s.execute(query.where(AuditEntry.order_id.in_(ids)))) if ids else []
    out: dict[tuple[uuid.UUID, str], Acknowledgement] = {}
    for order_id, after, at, note, by, subject in rows:
        band, alert = (after or {}).get("band"), (after or {}).get("alert")
        if band in (Band.RED.value, Band.BREACHED.value):
            out[(order_id, Band(band))] = Acknowledgement(at, by or "", note or "")
        elif alert in _FIELD_KINDS:
            out[(subject, AlertKind(alert))] = Acknowledgement(at, by or "", note or "")
    return out


_FIELD_KINDS = frozenset(k.value for k in FIELD_KINDS)
MANY = 500  # orders read by id; more: every acknowledgement read and these kept
