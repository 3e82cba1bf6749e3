"""Dispatch notices go through the outbox to a real HTTP gateway on loopback, with retries."""

import json
import socket
import threading
from datetime import timedelta
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest
from sqlalchemy import select

from central import outbound
from central.outbound import OutboxSender
from console.core.domain.enums import OrderStatus
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import OutboxMessage
from tests.fixtures.demo import DEMO_NOW
from tests.ui.helpers import FakeClock


class Gateway:
    """An SMS gateway on 127.0.0.1 that fails the first `failures` requests with 503."""

    def __init__(self, failures: int, answer: bytes = b"ok"):
        self.received: list[dict] = []
        self.failures = failures
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                gateway.received.append(body)
                code = 503 if len(gateway.received) <= gateway.failures else 200
                self.send_response(code)
                self.end_headers()
                self.wfile.write(b"busy" if code == 503 else answer)

            def log_message(self, *args) -> None:
                pass

        self.server = HTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def assigned(demo_db):
    """Install the centre's outbound hook on the desk's sessions and assign one new order."""
    outbound.install(demo_db.sessions)
    reader = DeskReader(demo_db)
    order = next(r for r in reader.queue() if r.status is OrderStatus.NEW)
    technician = reader.technicians()[0]
    OrderActions(demo_db, reader.user(None), lambda: DEMO_NOW).assign([order.id], technician.id)
    return order, technician


def test_an_assignment_queues_a_dispatch_notice_in_the_same_transaction(demo_db, assigned) -> None:
    order, technician = assigned
    with demo_db.reading() as s:
        messages = s.scalars(select(OutboxMessage)).all()
    assert len(messages) == 1
    assert messages[0].recipient == technician.phone and order.number in messages[0].body and messages[0].sent_at is None


def test_a_flaky_gateway_gets_the_message_exactly_once_delivered(demo_db, assigned) -> None:
    gateway = Gateway(failures=2)
    clock = FakeClock(DEMO_NOW)
    sender = OutboxSender(demo_db, {"sms": gateway.url}, clock, backoff=timedelta(seconds=10))
    try:
        reports = []
        for _ in range(6):
            reports.append(sender.send_due())
            clock.now += timedelta(minutes=5)
    finally:
        gateway.close()
    assert sum(r.sent for r in reports) == 1 and sum(r.retried for r in reports) == 2
    assert len(gateway.received) == 3 and len({m["id"] for m in gateway.received}) == 1  # one id: the gateway can dedupe
    with demo_db.reading() as s:
        message = s.scalars(select(OutboxMessage)).one()
    assert message.sent_at is not None and message.attempts == 3


def test_a_gateway_that_is_down_loses_nothing(demo_db, assigned) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        dead_url = f"http://127.0.0.1:{s.getsockname()[1]}/sms"  # nothing listens here once closed
    clock = FakeClock(DEMO_NOW)
    sender = OutboxSender(demo_db, {"sms": dead_url}, clock, timeout=1, max_attempts=3, backoff=timedelta(seconds=1))
    for _ in range(5):
        sender.send_due()
        clock.now += timedelta(hours=1)
    with demo_db.reading() as s:
        message = s.scalars(select(OutboxMessage)).one()
    assert message.sent_at is None and message.given_up_at is not None and message.attempts == 3
    assert "unreachable" in message.last_error


def test_a_booked_appointment_queues_a_confirmation_for_the_customer(demo_db) -> None:
    from console.core.store import audit
    from console.core.store.models import Appointment

    outbound.install(demo_db.sessions)
    with demo_db.unit_of_work() as s:
        appointment = s.scalars(select(Appointment).where(Appointment.contact_phone != "")).first()
        audit.record(s, at=DEMO_NOW, user_id=None, desk_id="t", action="appointment.booked", entity="appointment",
                     entity_id=appointment.id, order_id=None, before=None, after={})
        phone = appointment.contact_phone
    with demo_db.reading() as s:
        message = s.scalars(select(OutboxMessage)).one()
    assert message.recipient == phone and "已预约" in message.body


def test_the_geocoder_places_sites_without_a_position(demo_db) -> None:
    from central.outbound import enqueue_missing_positions
    from console.core.store.models import Site

    with demo_db.unit_of_work() as s:
        missing = enqueue_missing_positions(s, DEMO_NOW)
    assert missing > 0
    geocoder = Gateway(failures=1, answer=b'{"latitude": 31.2304, "longitude": 121.4737}')
    clock = FakeClock(DEMO_NOW)
    sender = OutboxSender(demo_db, {"geocode": geocoder.url, "sms": ""}, clock, backoff=timedelta(seconds=1))
    try:
        for _ in range(missing + 3):
            sender.send_due()
            clock.now += timedelta(minutes=1)
    finally:
        geocoder.close()
    with demo_db.reading() as s:
        assert s.scalar(select(Site.id).where(Site.latitude.is_(None))) is None
        assert all(m.sent_at for m in s.scalars(select(OutboxMessage).where(OutboxMessage.channel == "geocode")))
    assert {m["address"] for m in geocoder.received} and all("id" in m for m in geocoder.received)


def test_a_geocoder_answer_that_is_not_a_position_is_retried_not_stored(demo_db) -> None:
    from central.outbound import enqueue_missing_positions
    from console.core.store.models import Site

    with demo_db.unit_of_work() as s:
        enqueue_missing_positions(s, DEMO_NOW)
    geocoder = Gateway(failures=0, answer=b'{"latitude": 123, "longitude": 500}')
    sender = OutboxSender(demo_db, {"geocode": geocoder.url}, FakeClock(DEMO_NOW), max_attempts=2)
    try:
        report = sender.send_due()
    finally:
        geocoder.close()
    assert report.sent == 0 and report.retried > 0
    with demo_db.reading() as s:
        assert s.scalar(select(Site.id).where(Site.latitude.is_(None))) is not None
        assert "impossible position" in s.scalars(select(OutboxMessage.last_error)).first()
