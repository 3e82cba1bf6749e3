"""The centre's side fails under the desks: one of two service instances behind the proxy killed
(SIGKILL, pushes and long polls in flight die with it) and started again, then PostgreSQL itself
restarted in place (an immediate stop: it recovers as after a crash), while a dispatcher of each of
two regions and a supervisor keep acting. After each: no saved change lost, none applied twice,
every desk holds its region as the centre does, and while PostgreSQL is away the centre answers 503
(central/unavailable.py), never 500.

PostgreSQL here is a server of the test's own (the suite's is shared by the tests that run before
and after this one in the worker); the instances are real processes (tests/sync/centre_process.py)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine

import db
from central import audit_chain
from central.users import set_password
from console.core.demo.centre import generate_demo
from console.core.store.database import Database
from tests.faults.acting import Acting, all_orders, check_after, close_desks, open_desks, seats
from tests.fixtures.centre import CENTRE_DEMO, CENTRE_USERS, PASSWORD, free_port
from tests.fixtures.chaos_proxy import ChaosProxy
from tests.fixtures.demo import DEMO_NOW
from tests.fixtures.postgres import as_service, create_database, grant_service
from tests.fixtures.postgres_server import TemporaryPostgres
from tests.sync.harness import CentreProcess, LocalDesk, order_states, wait_for


@pytest.fixture
def own_postgres() -> Iterator[TemporaryPostgres]:
    server = TemporaryPostgres()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def two_instances(own_postgres: TemporaryPostgres, tmp_path: Path) -> Iterator[tuple[Database, list[CentreProcess]]]:
    """The suite's demo centre on the test's own PostgreSQL, served by two instances (started)."""
    url = own_postgres.database_url(create_database(own_postgres, "centre"))
    engine = create_engine(url, pool_pre_ping=True)  # (this test's own connections outlive the restart)
    db.upgrade(engine)
    database = Database(engine)
    generate_demo(database, CENTRE_DEMO, DEMO_NOW)
    with database.unit_of_work() as s:
        for username in CENTRE_USERS:
            set_password(s, username, PASSWORD)
        audit_chain.seal(s)
    audit_chain.install(database.sessions)
    grant_service(url)
    with ThreadPoolExecutor(2) as pool:
        instances = list(pool.map(lambda n: CentreProcess(database, as_service(url), free_port(), tmp_path / f"centre{n}.stderr"),
                                  range(2)))
        try:
            list(pool.map(lambda instance: instance.start(), instances))
            yield database, instances
        finally:
            list(pool.map(lambda instance: instance.close(), instances))
            engine.dispose()


def _restart_postgres(server: TemporaryPostgres) -> None:
    server._run("pg_ctl", "-D", str(server.datadir), "-m", "immediate", "-w", "-t", "60", "restart")


def _acting_a_while(desks: list[LocalDesk], before: dict[str, int], seconds: float) -> None:
    began = time.monotonic()
    wait_for(lambda: time.monotonic() - began > seconds and all(len(d.saved) > before[d.name] for d in desks), 30,
             "every desk has saved more changes")


def test_an_instance_killed_and_postgresql_restarted_lose_nothing_double_nothing_and_desks_converge(
        own_postgres, two_instances, empty_desk_file, tmp_path) -> None:
    central, instances = two_instances
    proxy = ChaosProxy("127.0.0.1", [instance.port for instance in instances])
    base = instances[0].base
    chosen = seats(central)
    orders = all_orders(chosen)
    start = order_states(central, orders)
    desks = []
    try:
        desks = open_desks(base, f"http://127.0.0.1:{proxy.start()}", chosen, tmp_path, empty_desk_file)
        with Acting(desks, chosen, seed=9) as acting:
            for instance in instances:  # each in turn: the other one serves meanwhile
                _acting_a_while(desks, {d.name: len(d.saved) for d in desks}, 1.0)
                instance.kill()
                _acting_a_while(desks, {d.name: len(d.saved) for d in desks}, 1.0)
                instance.start()
            _acting_a_while(desks, {d.name: len(d.saved) for d in desks}, 1.0)
            _restart_postgres(own_postgres)
            _acting_a_while(desks, {d.name: len(d.saved) for d in desks}, 1.5)
        check_after(central, desks, acting, start, orders)
        counts = proxy.counts()
        assert proxy.counts("/sync/push").get("requests", 0) > 10, counts
        assert counts.get("status_500", 0) == 0, f"a server error while the database was away (503 expected): {counts}"
    finally:
        close_desks(desks)
        proxy.stop()
