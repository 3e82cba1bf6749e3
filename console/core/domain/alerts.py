"""What the alert list holds and when an unacknowledged alert is escalated.

An alert is a thing a person at the desk must take in hand: an order red or late (the queue's
bands), a pause past the approval limit nobody approved, a check-in far from the site nobody
signed off, a field exception whose order waits for the desk, a dissatisfied customer's callback
past its due time. Each has a subject (the order, the pause, the check-in, the exception or the
callback) and always an order, so it goes with the order's region.

An order red or late for longer than the escalation limit (rule data) without anyone
acknowledging that alert is escalated to the region's supervisors: at the desk and, from the
centre, as a text message. Once per order and band.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from console.core.domain.enums import Band


class AlertKind(StrEnum):
    RED = "red"  # an order in the red band (its value is the band's)
    BREACHED = "breached"  # an order past its deadline
    LONG_PAUSE = "long_pause"  # a pause past the approval limit, not approved
    OFF_SITE = "off_site"  # a check-in farther from the site than the limit, not signed off
    EXCEPTION = "exception"  # a field exception whose order waits for the desk (not dispatched again, or paused)
    CALLBACK_OVERDUE = "callback_overdue"  # a dissatisfied answer's callback past its due time

    @property
    def band(self) -> Band | None:
        """The band of an order's alert; None for the others."""
        return Band(self.value) if self in ORDER_KINDS else None


ORDER_KINDS = frozenset({AlertKind.RED, AlertKind.BREACHED})
FIELD_KINDS = tuple(k for k in AlertKind if k not in ORDER_KINDS)
ESCALATED = "alert.escalated"  # the audit action of an escalation (by the centre)
ACKNOWLEDGED = "alert.acknowledged"  # the audit action of an acknowledgement
ESCALATE_AFTER_KEY = "alerts.escalate_after_minutes"  # the rule parameter: minutes unacknowledged before an escalation


@dataclass(frozen=True)
class Alert:
    """One alert other than an order's band (those are the queue's rows)."""

    kind: AlertKind
    subject_id: uuid.UUID  # the pause, check-in, exception or callback
    order_id: uuid.UUID
    number: str
    customer: str
    since: datetime  # when it became an alert
    detail: str  # a short fact: the pause's reason, the distance, the exception's kind... (data, not prose)


def escalation_due(since: datetime | None, now: datetime, after: timedelta, acknowledged: bool, escalated: bool) -> bool:
    """An order's red or late alert raised at `since` is escalated now: nobody acknowledged it, it
    was not escalated already, and it has lasted the escalation limit."""
    return since is not None and not acknowledged and not escalated and now - since >= after


def alert_since(band: Band, red_at: datetime | None, due_at: datetime | None) -> datetime | None:
    """When an order entered its alert band: late from its deadline, red from its red instant."""
    return due_at if band is Band.BREACHED else (red_at or due_at)
