"""Messages to outside systems, through the outbox.

`install(sessions)` makes every assignment written through the centre's sessions queue a
dispatch notice (短信) for the technician in the same transaction. `OutboxSender.send_due`
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

import requests
from sqlalchemy import event, select
from sqlalchemy.orm import Session, sessionmaker

from console.store.database import Database
from console.store.models import AuditEntry, OutboxMessage, Technician, WorkOrder


def enqueue_sms(session: Session, *, dedupe_key: str, recipient: str, body: str, now: datetime) -> None:
    if session.scalar(select(OutboxMessage.id).where(OutboxMessage.dedupe_key == dedupe_key)) is None:
        session.add(OutboxMessage(channel="sms", dedupe_key=dedupe_key, recipient=recipient, body=body[:500],
                                  created_at=now, attempts=0, next_attempt_at=now, last_error=""))


def _notices_for_new_audit_rows(session: Session, _context, _instances) -> None:
    for entry in [obj for obj in session.new if isinstance(obj, AuditEntry) and obj.action == "order.assigned"]:
        technician_id = (entry.after or {}).get("assignee_id")
        if not technician_id:
            continue
        technician = session.get(Technician, uuid.UUID(technician_id))
        order = session.get(WorkOrder, entry.order_id) if entry.order_id else None
        if technician is None or not technician.phone or order is None:
            continue
        body = f"【调度台】新工单 {order.number}：{order.title}，地址 {order.address or ''}。请及时接单。"
        enqueue_sms(session, dedupe_key=f"dispatch:{order.id}:{technician.id}:{order.version}", recipient=technician.phone,
                    body=body, now=entry.at)


def install(sessions: sessionmaker) -> None:
    event.listen(sessions, "before_flush", _notices_for_new_audit_rows)


@dataclass(frozen=True)
class SendReport:
    sent: int
    retried: int
    given_up: int


class OutboxSender:
    def __init__(self, database: Database, gateway_url: str, clock: Callable[[], datetime], *, timeout: float = 5.0,
                 max_attempts: int = 8, backoff: timedelta = timedelta(seconds=30), batch: int = 100):
        self._database, self._url, self._clock = database, gateway_url, clock
        self._timeout, self._max_attempts, self._backoff, self._batch = timeout, max_attempts, backoff, batch
        self._http = requests.Session()

    def send_due(self) -> SendReport:
        sent = retried = given_up = 0
        with self._database.unit_of_work() as session:
            now = self._clock()
            due = session.scalars(
                select(OutboxMessage)
                .where(OutboxMessage.sent_at.is_(None), OutboxMessage.given_up_at.is_(None), OutboxMessage.next_attempt_at <= now)
                .order_by(OutboxMessage.next_attempt_at)
                .limit(self._batch)
                .with_for_update(skip_locked=True)  # several service processes never send one message twice
            ).all()
            for message in due:
                error = self._deliver(message)
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

    def _deliver(self, message: OutboxMessage) -> str | None:
        try:
            answer = self._http.post(self._url, json={"id": str(message.id), "to": message.recipient, "text": message.body},
                                     timeout=self._timeout)
        except requests.RequestException as exc:
            return f"gateway unreachable: {exc.__class__.__name__}"
        if 200 <= answer.status_code < 300:
            return None
        return f"gateway answered {answer.status_code}: {answer.text[:200]}"
