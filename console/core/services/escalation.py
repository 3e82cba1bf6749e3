"""Escalating the red and late alerts nobody took in hand (the centre's round, every minute).

An open, running order red or late for longer than the escalation limit (rule data) with no
acknowledgement of that alert is escalated once: an audit row "alert.escalated" on the order,
by no user (the centre), which every desk of the region receives through its feed, and a text
message to each active supervisor of the order's region (and those of every region) with a work
phone, through the centre's outbox in the same transaction. Several instances of the centre may
run the round at once; on PostgreSQL a transaction-level advisory lock lets one do it, and the
candidates (with their acknowledgements and escalations) are read under it, so an alert is never
escalated twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import and_, case, exists, or_, select, text
from sqlalchemy.orm import Session

from console.core.domain.alerts import ACKNOWLEDGED, ESCALATED, alert_since, escalation_due
from console.core.domain.enums import OPEN_STATUSES, Band, Role
from console.core.services.alert_list import limits_of
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import AuditEntry, Customer, User, WorkOrder
from console.core.store.rules import parameters

LOCK_KEY = 0x0E5CA1A7E  # the advisory lock of the escalation round (one instance at a time)
BATCH = 500  # orders escalated in one round at most (the next round takes the rest)

Enqueue = Callable[..., None]  # (session, dedupe_key=, recipient=, body=, now=): the centre's SMS outbox


@dataclass(frozen=True)
class Escalated:
    order_number: str
    band: Band
    notified: int  # supervisors texted


def escalate_due(database: Database, now: datetime, enqueue: Enqueue | None, zone: ZoneInfo) -> list[Escalated]:
    """Escalate every alert due now; what was escalated. `enqueue` queues a text message (None:
    none is sent, the desk alone shows it)."""
    with database.unit_of_work() as s:
        if s.get_bind().dialect.name == "postgresql" and not s.scalar(text("SELECT pg_try_advisory_xact_lock(:k)"), {"k": LOCK_KEY}):
            return []  # another instance is at it
        after = limits_of(parameters(s)).escalate_after
        cutoff = now - after
        band_now = case((WorkOrder.due_at <= now, Band.BREACHED.value), else_=Band.RED.value)
        handled = select(AuditEntry.id).where(AuditEntry.order_id == WorkOrder.id, AuditEntry.action.in_((ACKNOWLEDGED, ESCALATED)),
                                              AuditEntry.after["band"].as_string() == band_now)
        rows = s.execute(
            select(WorkOrder.id, WorkOrder.number, WorkOrder.region_id, WorkOrder.red_at, WorkOrder.due_at, Customer.name)
            .join(Customer, Customer.id == WorkOrder.customer_id)
            .where(WorkOrder.deleted.is_(False), WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.paused_since.is_(None),
                   or_(WorkOrder.due_at <= cutoff, and_(WorkOrder.due_at > now, WorkOrder.red_at <= cutoff)),  # (the band's alert since the limit)
                   ~exists(handled))  # (nobody acknowledged the band it is in, and it was not escalated already)
            .order_by(WorkOrder.red_at).limit(BATCH)).all()
        supervisors = _supervisors(s)
        out: list[Escalated] = []
        for order_id, number, region_id, red_at, due_at, customer in rows:
            band = Band.BREACHED if due_at is not None and due_at <= now else Band.RED
            since = alert_since(band, red_at, due_at)
            if not escalation_due(since, now, after, acknowledged=False, escalated=False):  # (the query's choice, by the domain's rule)
                continue
            phones = [phone for region, phone in supervisors if region is None or region == region_id]
            audit.record(s, at=now, user_id=None, desk_id="centre", action=ESCALATED, entity="work_order", entity_id=order_id,
                         order_id=order_id, before=None,
                         after={"band": band.value, "since": since.isoformat(), "minutes": int((now - since).total_seconds() // 60),
                                "notified": len(phones)})
            for phone in phones if enqueue is not None else ():
                enqueue(s, dedupe_key=f"escalation:{order_id}:{band.value}:{phone}", recipient=phone, now=now,
                        body=_text(number, customer, band, since, now, zone))
            out.append(Escalated(number, band, len(phones)))
        return out


def _supervisors(s: Session) -> list[tuple]:
    """(region or None, phone) of the active supervisors with a work phone."""
    return list(s.execute(select(User.region_id, User.phone).where(
        User.role == Role.SUPERVISOR, User.active.is_(True), User.deleted.is_(False), User.phone != "")))


def _text(number: str, customer: str, band: Band, since: datetime, now: datetime, zone: ZoneInfo) -> str:
    minutes = int((now - since).total_seconds() // 60)
    state = "已超时" if band is Band.BREACHED else "已红色预警"
    return (f"【调度台】告警升级：工单 {number}（{customer[:30]}）{state} {minutes} 分钟无人确认"
            f"（自 {since.astimezone(zone):%H:%M}），请值班长处理。")
