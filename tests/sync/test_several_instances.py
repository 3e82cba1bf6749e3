"""The centre as several service processes over one PostgreSQL, behind a round-robin balancer (as a
province's centre runs, docs/SCALE.md): a change through one instance wakes the long polls waiting
on another (each instance LISTENs), an outbox message is sent once whichever instances send, one
instance prunes the feed at a time, and desks syncing through the balancer lose nothing and double
nothing when an instance is killed and comes back.

Each instance is a real process (tests/sync/centre_process.py) on its own port, run as the
`roles.sql` service role; the balancer is tests/fixtures/balancer.py.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from sqlalchemy import create_engine, select, text

from central import audit_chain, feed
from central.outbound import enqueue_sms
from console.core.store.database import Database
from console.core.store.models import OutboxMessage
from tests.fixtures.balancer import Balancer
from tests.fixtures.centre import PASSWORD, free_port, login
from tests.fixtures.postgres import as_service, create_database, drop_database
from tests.fixtures.postgres_server import TemporaryPostgres
from tests.sync.harness import CentreProcess, desk_orders, open_desk, order_states, wait_for
from tests.sync.test_centre_restart import Saver, _check

USER = "wang.wei.central"
INSTANCES = 3


class _Gateway:
    """An SMS gateway on 127.0.0.1 answering several senders at once, a little slowly (so that two
    instances' rounds overlap), counting what it was given."""

    def __init__(self) -> None:
        self.received: Counter[str] = Counter()
        lock = threading.Lock()
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 - http.server's name
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                time.sleep(0.01)
                with lock:
                    gateway.received[body["id"]] += 1
                self.send_response(200)
                self.end_headers()
                self.wfile.write(b"ok")

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/sms"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Instances:
    def __init__(self, database: Database, processes: list[CentreProcess], balancer: Balancer):
        self.database, self.processes, self.balancer = database, processes, balancer
        self.base = f"http://127.0.0.1:{balancer.port}"


@pytest.fixture(scope="module")
def gateway() -> Iterator[_Gateway]:
    gateway = _Gateway()
    yield gateway
    gateway.close()


@pytest.fixture(scope="module")
def instances(postgres_server: TemporaryPostgres, centre_template: str, gateway: _Gateway,
              tmp_path_factory: pytest.TempPathFactory) -> Iterator[_Instances]:
    """A copy of the suite's demo centre served by three instances (started) behind a balancer, for
    the module's tests (the instances' start and stop take longer than the tests)."""
    name = create_database(postgres_server, template=centre_template)
    url = postgres_server.database_url(name)
    engine = create_engine(url)
    database = Database(engine)
    audit_chain.install(database.sessions)
    folder = tmp_path_factory.mktemp("instances")
    env = {"DISPATCH_CENTRAL_SMS_GATEWAY_URL": gateway.url, "DISPATCH_CENTRAL_POOL_SIZE": "2", "DISPATCH_CENTRAL_POOL_OVERFLOW": "3"}
    processes = [CentreProcess(database, as_service(url), free_port(), folder / f"centre{n}.stderr", env=env)
                 for n in range(INSTANCES)]
    balancer = Balancer([p.port for p in processes])
    try:
        for process in processes:
            process.start()
        balancer.start()
        yield _Instances(database, processes, balancer)
    finally:
        balancer.stop()
        for process in processes:
            process.close()
        engine.dispose()
        drop_database(postgres_server, name)


def test_a_change_through_one_instance_wakes_a_long_poll_waiting_on_another(instances, tmp_path) -> None:
    first, second = (f"http://127.0.0.1:{p.port}" for p in instances.processes[:2])
    token = login(first, USER, PASSWORD).json()["token"]
    watcher = open_desk("watcher", tmp_path / "watcher.sqlite", first, token, USER, start=False)  # (its snapshot only)
    writer = open_desk("writer", tmp_path / "writer.sqlite", second, token, USER)  # pushes to the second instance only
    orders, _technicians = desk_orders(instances.database, USER, 1)
    answer: dict = {}

    def poll() -> None:
        started = time.monotonic()
        answer["page"] = watcher.worker.client.pull(watcher.replica.cursor(), wait=20)
        answer["seconds"] = time.monotonic() - started

    poller = threading.Thread(target=poll)
    try:
        poller.start()
        time.sleep(0.5)  # the poll is waiting at the first instance
        assert writer.actions().set_priority([uuid.UUID(orders[0])], 1).changed
        poller.join(25)
        assert answer, "the long poll did not come back"
        assert answer["seconds"] < 15, f"the poll waited {answer['seconds']:.1f} s: the change did not wake it"
        assert orders[0] in json.dumps(answer["page"]["tables"])
    finally:
        writer.close()
        watcher.close()


def test_each_outbox_message_is_sent_once_whichever_instances_send(instances, gateway) -> None:
    now = datetime.now(UTC)
    with instances.database.unit_of_work() as s:
        for n in range(60):
            enqueue_sms(s, dedupe_key=f"several-instances-{n}", recipient=f"1380000{n:04d}", body=f"notice {n}", now=now)
    with instances.database.reading() as s:
        waiting = set(s.scalars(select(OutboxMessage.id).where(OutboxMessage.channel == "sms", OutboxMessage.sent_at.is_(None))))
    assert len(waiting) >= 60

    def all_sent() -> bool:
        with instances.database.reading() as s:
            return not s.scalar(select(OutboxMessage.id).where(OutboxMessage.id.in_(waiting), OutboxMessage.sent_at.is_(None)).limit(1))

    wait_for(all_sent, 60, "the instances have sent every message", every=0.25)
    time.sleep(1.0)  # a second send would come now
    sent = {str(i) for i in waiting}
    assert sent <= set(gateway.received), "a message marked sent never reached the gateway"
    twice = {i: n for i, n in gateway.received.items() if n > 1}
    assert not twice, f"sent more than once: {twice}"


def test_desks_through_the_balancer_lose_and_double_nothing_when_an_instance_dies(instances, tmp_path) -> None:
    token = login(instances.base, USER, PASSWORD).json()["token"]
    orders, technicians = desk_orders(instances.database, USER, 7)
    desks = [open_desk(f"d{n}", tmp_path / f"d{n}.sqlite", instances.base, token, USER) for n in range(2)]
    own = {d.name: orders[3 * n:3 * n + 3] for n, d in enumerate(desks)}
    shared = orders[6:7]
    start = order_states(instances.database, orders)
    victim = instances.processes[1]
    try:
        with Saver(desks, own, shared, technicians, seed=31) as saver:
            time.sleep(1.0)
            victim.kill()  # its pushes and long polls die; the balancer sends new connections elsewhere
            time.sleep(2.0)
            victim.start()
            time.sleep(1.0)
        assert not saver.refused, saver.refused
        centre = type("Centre", (), {"database": instances.database})
        _check(centre, desks, start, saver.made, orders)
        assert all(instances.balancer.connections().get(p.port) for p in instances.processes), instances.balancer.connections()
    finally:
        for desk in desks:
            desk.close()


def test_one_instance_prunes_the_feed_at_a_time(instances) -> None:
    engine = instances.database.engine
    with engine.begin() as conn:
        conn.execute(text("UPDATE sync_changes SET at = at - interval '40 days'"))
        total = conn.execute(text("SELECT count(*) FROM sync_changes")).scalar_one()
    before = datetime.now(UTC) - timedelta(days=30)
    with engine.connect() as holder, holder.begin():  # an instance's round under way: the lock is held
        assert holder.execute(feed._ONE_PRUNER).scalar_one()
        assert feed.prune(engine, before) == 0, "a second pruner ran beside the first"
    assert feed.prune(engine, before) == total  # (the lock ends with the transaction that took it)
