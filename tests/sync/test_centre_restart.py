"""The centre goes away and comes back: desks keep working on their files and converge after.

The centre is a real process (tests/sync/centre_process.py) killed with SIGKILL and started again on
the same port; the desks are in this process, each on its own file with its worker's threads
running, saving changes as a dispatcher would all along. At the end every change a desk saved is at
the centre (once: each order's version went up by exactly the number of changes made to it), the
outboxes are empty, and every desk's rows of the orders touched equal the centre's.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import text

from console.core.store.models import utcnow
from console.sync.client import CentreClient
from console.sync.conflicts import Conflicts
from tests.fixtures.centre import PASSWORD, login
from tests.sync.harness import (  # noqa: F401 - restartable_centre: a fixture, used by name
    LocalDesk,
    centre_audit,
    change_something,
    desk_orders,
    open_desk,
    order_rows_differ,
    order_states,
    restartable_centre,
    wait_for,
)

USER = "wang.wei.central"


class Saver:
    """A dispatcher at each desk: a change every few tens of milliseconds, to its own orders and
    (priority, which merges) to the shared one, until stopped."""

    def __init__(self, desks: list[LocalDesk], own: dict[str, list[str]], shared: list[str], technicians: list[str], seed: int):
        self.desks, self.own, self.shared, self.technicians = desks, own, shared, technicians
        self.stop = threading.Event()
        self.made: Counter = Counter()  # order -> changes saved
        self.refused: list[tuple[str, str, str]] = []
        self._lock = threading.Lock()
        self._held = threading.Event()
        self._busy = [threading.Lock() for _ in desks]
        self._threads = [threading.Thread(target=self._run, args=(n, desk, random.Random(seed + n)), daemon=True)
                         for n, desk in enumerate(desks)]

    def one(self, desk: LocalDesk, rng: random.Random) -> None:
        if rng.random() < 0.2:
            order, kind, saved = change_something(desk, rng, self.shared, self.technicians, kinds=("priority",))
        else:
            order, kind, saved = change_something(desk, rng, self.own[desk.name], self.technicians)
        with self._lock:
            if saved:
                self.made[order] += 1
            else:
                self.refused.append((desk.name, order, kind))

    def _run(self, n: int, desk: LocalDesk, rng: random.Random) -> None:
        while not self.stop.is_set():
            if not self._held.is_set():
                with self._busy[n]:
                    self.one(desk, rng)
            time.sleep(rng.uniform(0.01, 0.06))

    @contextmanager
    def held(self) -> Iterator[None]:
        """No change is made meanwhile (one under way is finished first)."""
        self._held.set()
        for busy in self._busy:
            with busy:
                pass
        try:
            yield
        finally:
            self._held.clear()

    def __enter__(self) -> Saver:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self.stop.set()
        for thread in self._threads:
            thread.join(10)


def _desks(centre, tmp_path, count: int, **kwargs) -> tuple[list[LocalDesk], dict[str, list[str]], list[str], list[str]]:
    token = login(centre.base, USER, PASSWORD).json()["token"]
    orders, technicians = desk_orders(centre.database, USER, 3 * count + 1)
    desks = [open_desk(f"d{n}", tmp_path / f"d{n}.sqlite", centre.base, token, USER, **kwargs) for n in range(count)]
    own = {desk.name: orders[3 * n:3 * n + 3] for n, desk in enumerate(desks)}
    return desks, own, orders[3 * count:3 * count + 1], technicians


def _converged(centre, desks: list[LocalDesk], orders: list[str]) -> bool:
    return all(d.replica.counts().pending == 0 and d.worker.status.state == "synced" for d in desks) and \
        all(not order_rows_differ(d.path, centre.database, orders) for d in desks)


def _check(centre, desks: list[LocalDesk], start: dict, made: Counter, orders: list[str]) -> None:
    try:
        wait_for(lambda: _converged(centre, desks, orders), 60, "every desk has sent everything and equals the centre", every=0.25)
    except AssertionError as exc:
        raise AssertionError("\n".join([str(exc)] + [f"{d.name}: {d.replica.counts()} {d.worker.status} "
                                                      f"{order_rows_differ(d.path, centre.database, orders)[:5]} "
                                                      f"{[(c.code, c.reason, c.summary) for c in Conflicts(d.database, d.user, utcnow).open()]}"
                                                      for d in desks])) from None
    end = order_states(centre.database, orders)
    for order in orders:
        assert end[order]["version"] == start[order]["version"] + made[order], (order, start[order], end[order], made[order])
    for desk in desks:
        assert desk.replica.counts().conflicts == 0
        at_centre = centre_audit(centre.database, desk.worker.desk_id)
        assert set(desk.saved) == set(at_centre), "a saved change is missing at the centre, or the centre has one the desk never saved"
        assert len(desk.saved) == len(set(desk.saved))
        assert order_rows_differ(desk.path, centre.database, orders) == []
    with centre.database.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_refusals")).scalar_one() == 0


def test_desks_keep_working_while_the_centre_is_away_and_converge_after(restartable_centre, tmp_path) -> None:  # noqa: F811 - the fixture
    centre = restartable_centre
    desks, own, shared, technicians = _desks(centre, tmp_path, 3)
    orders = sorted({o for mine in own.values() for o in mine} | set(shared))
    start = order_states(centre.database, orders)
    try:
        with Saver(desks, own, shared, technicians, seed=11) as saver:
            time.sleep(0.5)
            centre.kill()  # pushes and long polls in flight die with it
            killed_at = time.monotonic()
            before = {d.name: len(d.saved) for d in desks}
            for desk in desks:  # each desk says it is offline, with what waits
                wait_for(lambda d=desk: d.worker.status.state == "offline" and d.worker.status.offline_since is not None, 15,
                         f"{desk.name} says it is offline")
            time.sleep(max(0.0, 3.0 - (time.monotonic() - killed_at)))  # away for a while; the desks keep saving
            with saver.held():
                for desk in desks:
                    assert len(desk.saved) > before[desk.name], f"{desk.name} saved nothing while the centre was away"
                    assert desk.replica.counts().pending > 0
                    wait_for(lambda d=desk: d.worker.status.pending == d.replica.counts().pending, 5,
                             f"{desk.name}'s status counts the changes waiting ({desk.worker.status}, "
                             f"{desk.replica.counts().pending} in the outbox)")
                    assert desk.worker.status.state == "offline"
            centre.start()  # on the same port: the desks find it again by themselves
            time.sleep(1.0)  # and keep saving while they catch up
        assert not saver.refused, saver.refused
        _check(centre, desks, start, saver.made, orders)
        offline = [[s.state for s in d.statuses].count("offline") for d in desks]
        assert all(offline), offline
    finally:
        for desk in desks:
            desk.close()


class _SignalledClient(CentreClient):
    """Says when a push goes out, so that the centre can be killed while it is in flight."""

    def __init__(self, base: str, token: str, pushing: threading.Event):
        super().__init__(base, token=token)
        self.pushing = pushing

    def push(self, desk_id, mutations):
        self.pushing.set()
        return super().push(desk_id, mutations)


def test_the_centre_killed_in_the_middle_of_pushes_again_and_again(restartable_centre, tmp_path) -> None:  # noqa: F811 - the fixture
    centre = restartable_centre
    token = login(centre.base, USER, PASSWORD).json()["token"]
    orders, technicians = desk_orders(centre.database, USER, 7)
    pushing = threading.Event()
    desks = [open_desk(f"d{n}", tmp_path / f"d{n}.sqlite", centre.base, token, USER,
                       client=_SignalledClient(centre.base, token, pushing)) for n in range(2)]
    own = {d.name: orders[3 * n:3 * n + 3] for n, d in enumerate(desks)}
    shared = orders[6:7]
    start = order_states(centre.database, orders)
    rng = random.Random(7)
    kills = 0
    try:
        with Saver(desks, own, shared, technicians, seed=23) as saver:
            for _ in range(8):
                pushing.clear()
                wait_for(pushing.is_set, 20, "a desk pushes", every=0.001)
                time.sleep(rng.choice([0.0, rng.uniform(0.0, 0.03)]))  # before, while or after the centre commits
                centre.kill()
                kills += 1
                time.sleep(rng.uniform(0.05, 0.5))
                centre.start()
                time.sleep(rng.uniform(0.1, 0.6))
        assert not saver.refused, saver.refused
        assert kills == 8
        _check(centre, desks, start, saver.made, orders)
    finally:
        for desk in desks:
            desk.close()


def test_the_centres_database_connections_cut_while_desks_push_and_pull(restartable_centre, tmp_path) -> None:  # noqa: F811 - the fixture
    centre = restartable_centre
    desks, own, shared, technicians = _desks(centre, tmp_path, 2)
    orders = sorted({o for mine in own.values() for o in mine} | set(shared))
    start = order_states(centre.database, orders)
    cut = 0
    try:
        with Saver(desks, own, shared, technicians, seed=5) as saver, centre.database.engine.connect() as admin:
            admin = admin.execution_options(isolation_level="AUTOCOMMIT")
            deadline = time.monotonic() + 3.0
            while time.monotonic() < deadline:  # every connection of the service: pushes, pulls, the LISTEN one
                cut += admin.execute(text("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = "
                                          "current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'")).scalar_one()
                time.sleep(random.uniform(0.02, 0.15))
        centre.database.engine.dispose()  # this test's own pooled connections were cut too
        assert cut >= 10
        assert not saver.refused, saver.refused
        _check(centre, desks, start, saver.made, orders)
    finally:
        for desk in desks:
            desk.close()


def test_the_first_pushes_of_desks_at_once_to_a_new_centre_keep_their_audit_rows(restartable_centre, tmp_path) -> None:  # noqa: F811 - the fixture
    """A new centre has no audit chain head yet; desks pushing their first changes at the same moment
    race to make it (each push's rows are chained under it) and none may lose its audit rows."""
    centre = restartable_centre
    token = login(centre.base, USER, PASSWORD).json()["token"]
    orders, technicians = desk_orders(centre.database, USER, 9)
    desks = [open_desk(f"d{n}", tmp_path / f"d{n}.sqlite", centre.base, token, USER) for n in range(3)]
    together = threading.Barrier(len(desks))
    start = order_states(centre.database, orders)
    made: Counter = Counter()

    def first_change(n: int) -> None:
        together.wait()
        order, _kind, saved = change_something(desks[n], random.Random(n), orders[3 * n:3 * n + 3], technicians)
        made[order] += saved

    threads = [threading.Thread(target=first_change, args=(n,)) for n in range(len(desks))]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sum(made.values()) == len(desks)
        _check(centre, desks, start, made, orders)
    finally:
        for desk in desks:
            desk.close()
