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
from console.domain.enums import OrderStatus
from console.services.desk import DeskReader
from console.services.orders import OrderActions
from console.store.models import OutboxMessage
from tests.conftest import DEMO_NOW
from tests.ui.helpers import FakeClock


class Gateway:
    """An SMS gateway on 127.0.0.1 that fails the first `failures` requests with 503."""

    def __init__(self, failures: int):
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
                self.wfile.write(b"busy" if code == 503 else b"ok")

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
    sender = OutboxSender(demo_db, gateway.url, clock, backoff=timedelta(seconds=10))
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
    sender = OutboxSender(demo_db, dead_url, clock, timeout=1, max_attempts=3, backoff=timedelta(seconds=1))
    for _ in range(5):
        sender.send_due()
        clock.now += timedelta(hours=1)
    with demo_db.reading() as s:
        message = s.scalars(select(OutboxMessage)).one()
    assert message.sent_at is None and message.given_up_at is not None and message.attempts == 3
    assert "unreachable" in message.last_error
