"""Desks of two regions and a supervisor acting on one centre while faults are injected, and what
must hold after each fault: every change a desk saved is at the centre exactly once (its audit
rows, each order's version up by the number of changes saved to it), nothing is left waiting or in
conflict, and every desk holds its region exactly as the centre has it."""

from __future__ import annotations

import random
import shutil
import threading
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from sqlalchemy import select, text

from central.users import set_password
from console.core.domain.appointments import OPEN
from console.core.domain.enums import ContactMethod, Role
from console.core.services.appointments import AppointmentBook
from console.core.store.database import Database, DiskFailure
from console.core.store.models import Appointment, AppointmentOrder, Region, User, utcnow
from console.sync.conflicts import Conflicts
from tests.fixtures.centre import PASSWORD, login
from tests.sync.harness import (
    LocalDesk,
    centre_audit,
    centre_rows,
    change_something,
    desk_orders,
    desk_rows,
    differences,
    open_desk,
    order_states,
    rows_outside_scope,
    wait_for,
)

ORDERS_EACH = 3
BOOKINGS = 0.2  # of the changes: a visit booked or cancelled (the rest assign, priority, pause, resume)


@dataclass(frozen=True)
class Seat:
    name: str
    username: str
    orders: list[str]
    technicians: list[str]


def seats(central: Database) -> list[Seat]:
    """A dispatcher of the central region, one of another region with open orders and technicians
    (given the tests' password here) and the central region's supervisor, each with orders of their
    own (no two desks change one order)."""
    with central.reading() as s:
        others = s.scalars(select(User.username).join(Region, Region.id == User.region_id)
                           .where(Region.code != "central", User.role == Role.DISPATCHER).order_by(Region.code, User.username)).all()
    other, other_orders, other_technicians = next((name, *desk_orders(central, name, ORDERS_EACH)) for name in others
                                                  if all(len(found) >= 2 for found in desk_orders(central, name, ORDERS_EACH)))
    with central.unit_of_work() as s:
        set_password(s, other, PASSWORD)
    central_orders, central_technicians = desk_orders(central, "wang.wei.central", 2 * ORDERS_EACH)
    return [Seat("central", "wang.wei.central", central_orders[:ORDERS_EACH], central_technicians),
            Seat("other", other, other_orders, other_technicians),
            Seat("supervisor", "supervisor.central", central_orders[ORDERS_EACH:], central_technicians)]


def open_desks(centre_base: str, desks_base: str, chosen: list[Seat], folder: Path, empty: Path) -> list[LocalDesk]:
    """Each seat's desk on its own file (a copy of `empty`, a new desk's file), its worker talking to
    `desks_base` (the proxy), logged in at the centre; opened together (each downloads its snapshot)."""
    tokens = [login(centre_base, seat.username, PASSWORD).json()["token"] for seat in chosen]
    for seat in chosen:
        shutil.copy(empty, folder / f"{seat.name}.sqlite")
    with ThreadPoolExecutor(len(chosen)) as pool:
        return list(pool.map(lambda n: open_desk(chosen[n].name, folder / f"{chosen[n].name}.sqlite", desks_base, tokens[n],
                                                 chosen[n].username, long_poll=2.0), range(len(chosen))))


def close_desks(desks: list[LocalDesk]) -> None:
    """Stop every desk's worker at once (each may be waiting out a long poll) and close its file."""
    with ThreadPoolExecutor(max(len(desks), 1)) as pool:
        list(pool.map(lambda desk: desk.close(), desks))


class Acting:
    """A dispatcher at each desk: a change every few tens of milliseconds to the seat's own orders
    (assign, priority, pause, resume, a visit booked or cancelled), until stopped. A change the desk's disk refused is counted
    apart (it was not saved); any other error is kept for the test to fail on."""

    def __init__(self, desks: list[LocalDesk], chosen: list[Seat], seed: int):
        self.desks, self.seats = desks, chosen
        self.made: Counter = Counter()  # order -> changes saved
        self.refused: list[tuple[str, str, str]] = []  # refused by the rules at the desk (none expected)
        self.disk_refused: Counter = Counter()  # desk -> actions its disk refused
        self.kinds: Counter = Counter()  # what was saved: assign, priority, pause, resume, book, cancel
        self.errors: list[str] = []
        self._stop = threading.Event()
        self._held = threading.Event()
        self._busy = [threading.Lock() for _ in desks]
        self._lock = threading.Lock()
        self._threads = [threading.Thread(target=self._run, args=(n, random.Random(seed * 100 + n)), daemon=True)
                         for n in range(len(desks))]

    def _one(self, n: int, rng: random.Random) -> None:
        desk, seat = self.desks[n], self.seats[n]
        try:
            if rng.random() < BOOKINGS:
                kind, saved = book_or_cancel(desk, rng, seat.orders)
                with self._lock:
                    self.kinds[kind] += saved
                    if not saved:
                        self.refused.append((desk.name, "", kind))
                return
            order, kind, saved = change_something(desk, rng, seat.orders, seat.technicians)
        except DiskFailure:
            with self._lock:
                self.disk_refused[desk.name] += 1
            return
        except Exception as exc:  # noqa: BLE001 - the test fails on it, with what it was
            with self._lock:
                self.errors.append(f"{desk.name}: {type(exc).__name__}: {exc}")
            return
        with self._lock:
            self.kinds[kind] += saved
            if saved:
                self.made[order] += 1
            else:
                self.refused.append((desk.name, order, kind))

    def _run(self, n: int, rng: random.Random) -> None:
        while not self._stop.is_set():
            if not self._held.is_set():
                with self._busy[n]:
                    self._one(n, rng)
            time.sleep(rng.uniform(0.04, 0.12))  # (the centre here shares the test's process: kept under what it runs)

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

    def __enter__(self) -> Acting:
        for thread in self._threads:
            thread.start()
        return self

    def __exit__(self, *_exc) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(15)


def book_or_cancel(desk: LocalDesk, rng: random.Random, orders: list[str]) -> tuple[str, bool]:
    """Book a visit for one of these orders tomorrow, or cancel the one it has: (what, whether it was saved).
    Neither changes the order's row (its version stays), only the appointment's rows and the audit log."""
    order_id = uuid.UUID(rng.choice(orders))
    with desk.database.reading() as s:
        booked = s.scalars(select(Appointment.id).join(AppointmentOrder, AppointmentOrder.appointment_id == Appointment.id)
                           .where(AppointmentOrder.order_id == order_id, Appointment.status.in_(OPEN))).first()
    book = AppointmentBook(desk.database, desk.user, utcnow, desk_id=desk.worker.desk_id)
    if booked is not None:
        return "cancel", book.cancel(booked, f"{desk.name} {rng.random():.6f}").ok
    start = (utcnow() + timedelta(days=1)).replace(minute=0, second=0, microsecond=0)
    return "book", book.book([order_id], (start, start + timedelta(hours=2)), ContactMethod.PHONE, "Li", "13800000000").ok


def all_orders(chosen: list[Seat]) -> list[str]:
    return sorted(o for seat in chosen for o in seat.orders)


def region_differs(desk: LocalDesk, central: Database) -> list[str]:
    """The desk's orders, their pauses and audit rows against the centre's rows of the desk's region."""
    region = desk.user.region_id.hex
    out = [f"{desk.name}: {p}" for p in rows_outside_scope(desk.path, region)]
    in_region = "replace(t.region_id::text, '-', '') = :r"
    of_region_orders = ("replace(t.order_id::text, '-', '') IN (SELECT replace(id::text, '-', '') FROM work_orders "
                        "WHERE replace(region_id::text, '-', '') = :r)")
    for table, where in (("work_orders", in_region), ("sla_pauses", of_region_orders), ("audit_log", of_region_orders)):
        mine = desk_rows(desk.path, table, "order_id IN (SELECT id FROM work_orders)" if table != "work_orders" else "1")
        theirs = centre_rows(central, table, where, {"r": region})
        out += [f"{desk.name} {table} {d}" for d in differences(mine, theirs)[:5]]
    return out


def _settled(desks: list[LocalDesk], central: Database) -> bool:
    return all(d.replica.counts().pending == 0 and d.worker.status.state == "synced" for d in desks) and \
        not any(region_differs(d, central) for d in desks)


def check_after(central: Database, desks: list[LocalDesk], acting: Acting, start: dict, orders: list[str], *,
                seconds: float = 60) -> None:
    """Wait until every desk has sent everything and holds its region as the centre has it, then:
    each order's version went up by exactly the changes saved to it; each desk's saved audit rows
    are at the centre, once, and the centre has none of this desk that it did not save; no conflict,
    no refusal."""
    assert not acting.errors, acting.errors
    assert not acting.refused, acting.refused
    for desk in desks:
        desk.worker.wake()
    try:
        wait_for(lambda: _settled(desks, central), seconds, "every desk has sent everything and holds its region as the centre does",
                 every=0.25)
    except AssertionError as exc:
        raise AssertionError("\n".join([str(exc)] + [
            f"{d.name}: {d.replica.counts()} {d.worker.status} {region_differs(d, central)[:5]} "
            f"{[(c.code, c.reason, c.summary) for c in Conflicts(d.database, d.user, utcnow).open()]}" for d in desks])) from None
    end = order_states(central, orders)
    for order in orders:
        assert end[order]["version"] == start[order]["version"] + acting.made[order], \
            f"order {order}: version {start[order]['version']} -> {end[order]['version']} after {acting.made[order]} changes"
    for desk in desks:
        assert desk.replica.counts().conflicts == 0
        at_centre = centre_audit(central, desk.worker.desk_id)
        assert len(desk.saved) == len(set(desk.saved))
        assert set(desk.saved) == set(at_centre), \
            (f"{desk.name}: saved but not at the centre {sorted(set(desk.saved) - set(at_centre))[:5]}, at the centre but never "
             f"saved {sorted(set(at_centre) - set(desk.saved))[:5]}")
    with central.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_refusals")).scalar_one() == 0

