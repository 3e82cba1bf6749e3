"""Messages to outside systems, through the outbox.

`install(sessions)` makes every assignment written through the centre's sessions queue a
dispatch notice (短信) for the technician, every booked or rescheduled appointment (audited with
entity "appointment") a confirmation for the customer, and every new site without a position a
geocoding request, each in the same transaction as the change. `OutboxSender.send_due`
delivers what is due to the SMS gateway over HTTP: a 2xx marks it sent; anything else (an
error answer, a refused connection, a timeout) schedules another try with exponential backoff
and jitter, up to `max_attempts`, after which the message is marked given up, still in the table.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import requests
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.util import identity_key

from console.core.domain.geo import is_valid_position
from console.core.store.database import Database
from console.core.store.models import Appointment, AuditEntry, Customer, OutboxMessage, Site, Technician, WorkOrder, touch, utcnow


def _enqueue(session: Session, channel: str, *, dedupe_key: str, recipient: str, body: str, now: datetime) -> None:
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)) is None:
        session.add(OutboxMessage(channel=channel, dedupe_key=dedupe_key, recipient=recipient, body=body[:500],
                                  created_at=now, attempts=0, next_attempt_at=now, last_error=""))


def enqueue_sms(session: Session, *, dedupe_key: str, recipient: str, body: str, now: datetime) -> None:
    _enqueue(session, "sms", dedupe_key=dedupe_key, recipient=recipient, body=body, now=now)


def enqueue_geocode(session: Session, site: Site, now: datetime) -> None:
    """Ask the geocoder for the position of a site that has none (recipient: the site's id)."""
    _enqueue(session, "geocode", dedupe_key=f"geocode:{site.id}:{site.version}", recipient=str(site.id), body=site.address, now=now)


def enqueue_missing_positions(session: Session, now: datetime) -> int:
    sites = session.scalars(select(Site).where(Site.latitude.is_(None), Site.deleted.is_(False))).all()
    for site in sites:
        enqueue_geocode(session, site, now)
    return len(sites)


def _notices_for_new_audit_rows(session: Session, _context, _instances) -> None:
    new = list(session.new)
    for site in [obj for obj in new if isinstance(obj, Site) and obj.latitude is None]:
        site.id = site.id or uuid.uuid4()  # its default is applied at the insert, after this hook
        site.version = site.version or 1
        enqueue_geocode(session, site, datetime.now(_DESK_ZONE))
    for entry in [obj for obj in new if isinstance(obj, AuditEntry) and obj.action == "site.geocode_requested"]:
        site = session.get(Site, entry.entity_id)  # asked again by a desk (console.core.services.sites): once per request
        if site is not None:
            _enqueue(session, "geocode", dedupe_key=f"geocode:{site.id}:again:{entry.id}", recipient=str(site.id), body=site.address,
                     now=datetime.now(_DESK_ZONE))
    for entry in [obj for obj in new if isinstance(obj, AuditEntry) and obj.action == "field.signature_link_sent"]:
        _signature_link(session, entry)  # sent again from a desk (console.core.services.field_desk): once per request
    session.add_all(notices(session, [obj for obj in new if isinstance(obj, AuditEntry)]))


def _signature_link(session: Session, entry: AuditEntry) -> None:
    """The customer's text message with the link to sign the delivery report (the signing system
    behind the gateway makes the link from the order number)."""
    order = session.get(WorkOrder, entry.order_id) if entry.order_id else None
    customer = session.get(Customer, order.customer_id) if order is not None else None
    phone = customer.contact_phone if customer is not None else ""
    if order is None or not phone:
        return
    body = f"【调度台】工单 {order.number} 已完成交付，请点击短信中的链接查看电子交付报告并签名确认。"
    _enqueue(session, "sms", dedupe_key=f"signature:{order.id}:{entry.id}", recipient=phone, body=body, now=datetime.now(_DESK_ZONE))


def notices(session: Session, entries: list[AuditEntry]) -> list[OutboxMessage]:
    """The SMS these audit rows call for (a booking confirmed to the customer, a dispatch to the
    technician), not yet sent nor already queued; the caller adds them."""
    booked = [e for e in entries if e.action in _CONFIRMED and e.entity == "appointment"]
    assigned = [e for e in entries if e.action == "order.assigned" and (e.after or {}).get("assignee_id")]
    appointments = _facts(session, Appointment, (Appointment.contact_phone, Appointment.window_start, Appointment.window_end,
                                                 Appointment.version), {e.entity_id for e in booked})
    orders = _facts(session, WorkOrder, (WorkOrder.number, WorkOrder.title, WorkOrder.address, WorkOrder.version),
                    {e.order_id for e in assigned if e.order_id})
    technicians = _facts(session, Technician, (Technician.phone,), {uuid.UUID(e.after["assignee_id"]) for e in assigned})
    messages: list[tuple[str, str, str, datetime]] = []  # dedupe key, recipient, body, created at
    for entry in booked:
        appointment = appointments.get(entry.entity_id)
        if appointment is None or not appointment.contact_phone:
            continue
        start = appointment.window_start.astimezone(_DESK_ZONE)
        end = appointment.window_end.astimezone(_DESK_ZONE)
        body = f"【调度台】您的上门服务已预约：{start:%m月%d日 %H:%M}-{end:%H:%M}。如需改约请回复或致电客户经理。"
        messages.append((f"appointment:{entry.entity_id}:{appointment.version}", appointment.contact_phone, body, entry.at))
    for entry in assigned:
        technician_id = uuid.UUID(entry.after["assignee_id"])
        technician = technicians.get(technician_id)
        order = orders.get(entry.order_id)
        if technician is None or not technician.phone or order is None:
            continue
        body = f"【调度台】新工单 {order.number}：{order.title}，地址 {order.address or ''}。请及时接单。"
        messages.append((f"dispatch:{entry.order_id}:{technician_id}:{order.version}", technician.phone, body, entry.at))
    if not messages:
        return []
    # one look for all the keys (a desk's pushed backlog brings hundreds of notices in one flush)
    taken = set(session.scalars(select(OutboxMessage.dedupe_key).where(OutboxMessage.dedupe_key.in_([m[0] for m in messages]))))
    out = []
    for key, recipient, body, at in messages:
        if key not in taken:
            taken.add(key)
            out.append(OutboxMessage(id=uuid.uuid4(), channel="sms", dedupe_key=key, recipient=recipient, body=body[:500],
                                     created_at=at, attempts=0, next_attempt_at=at, last_error=""))
    return out


def _facts(session: Session, model: type, columns: tuple, ids: set[uuid.UUID]) -> dict[uuid.UUID, Any]:
    """The named columns of these rows, by id: the session's own object where it holds one (new or
    loaded, with the values this flush is about to write), else one column-only select for the rest (loading whole
    ORM rows cost a desk's pushed batch of 100 assignments 20 ms)."""
    found: dict[uuid.UUID, Any] = {}
    missing = []
    new = {obj.id: obj for obj in session.new if isinstance(obj, model)} if session.new else {}
    for row_id in ids:
        held = new.get(row_id) or session.identity_map.get(identity_key(model, row_id))
        if held is not None:
            found[row_id] = held
        else:
            missing.append(row_id)
    if missing:
        found.update((row.id, row) for row in session.execute(select(model.id, *columns).where(model.id.in_(missing))))
    return found


def install(sessions: sessionmaker) -> None:
    event.listen(sessions, "before_flush", _notices_for_new_audit_rows)


_CONFIRMED = ("appointment.booked", "appointment.rescheduled")
_DESK_ZONE = SMS_ZONE = ZoneInfo("Asia/Shanghai")  # the times in text messages (the centre's business zone)


@dataclass(frozen=True)
class SendReport:
    sent: int
    retried: int
    given_up: int


class OutboxSender:
    """Delivers due messages of the channels it has a gateway for: {"sms": url, "geocode": url}."""

    def __init__(self, database: Database, gateways: dict[str, str], clock: Callable[[], datetime], *, timeout: float = 5.0,
                 max_attempts: int = 8, backoff: timedelta = timedelta(seconds=30), batch: int = 100):
        self._database, self._gateways, self._clock = database, {k: v for k, v in gateways.items() if v}, clock
        self._timeout, self._max_attempts, self._backoff, self._batch = timeout, max_attempts, backoff, batch
        self._http = requests.Session()

    def send_due(self) -> SendReport:
        """Send what is due, each message in its own short transaction: a failure later in the
        round never rolls back the mark of a message already delivered (which would send it again)."""
        sent = retried = given_up = 0
        for _ in range(self._batch):
            with self._database.unit_of_work() as session:
                now = self._clock()
                message = session.scalars(
                    select(OutboxMessage)
                    .where(OutboxMessage.sent_at.is_(None), OutboxMessage.given_up_at.is_(None), OutboxMessage.next_attempt_at <= now,
                           OutboxMessage.channel.in_(list(self._gateways)))
                    .order_by(OutboxMessage.next_attempt_at)
                    .limit(1)
                    .with_for_update(skip_locked=True)  # several service processes never send one message twice
                ).first()
                if message is None:
                    break
                error = self._deliver(session, message)
                message.attempts += 1
                if error is None:
                    message.sent_at = now
                    sent += 1
                elif message.attempts >= self._max_attempts:
                    message.given_up_at, message.last_error = now, error
                    given_up += 1
                else:
                    delay = self._backoff * (2 ** (message.attempts - 1)) * random.uniform(0.8, 1.2)
                    message.next_attempt_at, message.last_error = now + delay, error
                    retried += 1
        return SendReport(sent, retried, given_up)

    def _deliver(self, session: Session, message: OutboxMessage) -> str | None:
        url = self._gateways[message.channel]
        payload = (
            {"id": str(message.id), "to": message.recipient, "text": message.body}
            if message.channel == "sms"
            else {"id": str(message.id), "address": message.body}
        )
        try:
            answer = self._http.post(url, json=payload, timeout=self._timeout)
        except requests.RequestException as exc:
            return f"gateway unreachable: {exc.__class__.__name__}"
        if not 200 <= answer.status_code < 300:
            return f"gateway answered {answer.status_code}: {answer.text[:200]}"
        if message.channel == "geocode":
            return self._place(session, message, answer)
        return None

    def _place(self, session: Session, message: OutboxMessage, answer: requests.Response) -> str | None:
        """Store the geocoder's position on the site; an answer that is not a position is retried."""
        try:
            found = answer.json()
            lat, lon = float(found["latitude"]), float(found["longitude"])
        except (ValueError, KeyError, TypeError):
            return f"geocoder answer is not a position: {answer.text[:200]}"
        if not is_valid_position(lat, lon) or (lat == 0 and lon == 0):
            return f"geocoder answered an impossible position {lat}, {lon}"
        site = session.get(Site, uuid.UUID(message.recipient))
        if site is not None and site.latitude is None:
            site.latitude, site.longitude = lat, lon
            touch(site, utcnow())
        return None
