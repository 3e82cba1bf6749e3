"""The desks of `bench/province.py`: one OS process holds a share of the province's desks, each a
real desk (its own SQLite file from its region's snapshot, the desk's own `Replica` and
`SyncWorker` with their threads, long-polling the centre), and a dispatcher acting at each.

The process is driven through a pipe by the bench's main process: it opens its desks and says how
much memory it holds ("ready"), acts for the shift when told ("go"), then on "settle" waits until
every outbox is empty, and on "report" answers what was done and seen (with the memory held then).
Propagation is measured desk to desk: each desk watches the orders of another desk of its region
(its partner, maybe in another process) and notes when it holds the version the partner made;
`time.monotonic()` is the machine's one clock for every process.
"""

from __future__ import annotations

import hashlib
import os
import random
import shutil
import time
import traceback
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.enums import ContactMethod, PauseReason
from console.core.services.appointments import AppointmentBook
from console.core.services.desk import DeskReader
from console.core.services.optimiser import Optimiser
from console.core.services.orders import OrderActions
from console.core.store.database import DiskFailure
from console.core.store.models import WorkOrder
from console.data_file import open_data_file
from console.sync import capture
from console.sync.client import CentreClient
from console.sync.conflicts import Conflicts
from console.sync.replica import Replica
from console.sync.worker import SyncWorker
from tests.faults.disk import DiskFull, IoErrors

# What a desk's copy is compared on with the centre's view of its region (every replicated row a
# dispatcher acts on, with its version)
COMPARED = ("work_orders", "sla_pauses", "appointments", "appointment_orders", "order_steps", "field_events")
INJECTED = "injected: the disk failing refused an action at "  # an expected refusal, not an error
PLANNERS_NICE = 10
KINDS = ("assign", "assign", "priority", "priority", "pause", "book")


@dataclass
class DeskSpec:
    name: str
    region: str  # hex
    token: str
    username: str
    template: str  # the region's snapshot file, copied for this desk
    orders: list[str]  # the orders this desk's dispatcher acts on (hex; no other desk acts on them)
    technicians: list[str]  # of the region
    watched: list[str]  # its partner's orders
    plans: int = 0  # optimiser commits this desk makes in the shift (one desk per region plans)
    disk_fault: str = ""  # "full" or "io": its disk fails for a while mid-shift (a fault injected)


@dataclass
class _Desk:
    spec: DeskSpec
    database: Any
    replica: Replica
    worker: SyncWorker
    user: Any
    sightings: list[tuple[str, int, float, float, float]] = field(default_factory=list)  # (order, version, when, its answer asked, came)
    rng: random.Random = field(default_factory=random.Random)
    pushes: list[tuple[float, float]] = field(default_factory=list)  # (when each push was sent, answered)
    fault: Any = None  # the injected disk fault (tests/faults/disk.py), when it has one
    pulls: list[int] = field(default_factory=lambda: [0])  # answers of the feed so far


def rss_mb() -> float:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def serve(base: str, specs: list[DeskSpec], folder: str, per_desk_per_s: float, seconds: float, seed: int, pipe) -> None:
    """The process's body (a `multiprocessing` target). The desks that run the optimiser run at a
    lower priority: their model's setup and search (about 12 s of CPU a run for a region of 500
    technicians) are their own workstation's in a province, not the machine the centre and the
    other desks share here (at the same priority they took a quarter of its CPU)."""
    if any(spec.plans for spec in specs):
        os.nice(PLANNERS_NICE)
    try:
        desks = [_open(base, spec, Path(folder), seed + n) for n, spec in enumerate(specs)]
        pipe.send({"ready": len(desks), "rss_mb": rss_mb()})
        pipe.recv()  # go
        actions, errors, warm = _act(desks, per_desk_per_s, seconds, random.Random(seed))
        pipe.send({"acted": len(actions), "rss_mb_warm": warm, "rss_mb_end": rss_mb()})
        pipe.recv()  # settle
        settled, dropped = _settle(desks, 240.0)
        pipe.send({"settled": settled, "dropped": dropped})
        while pipe.recv() == "digests":
            pipe.send({d.spec.name: digest(d.database) for d in desks})
        pipe.send(_report(desks, actions, errors))
        for desk in desks:
            desk.worker.stop()
            desk.database.close()
    except Exception:  # noqa: BLE001 - the main process reports it
        pipe.send({"failed": traceback.format_exc()})


def _open(base: str, spec: DeskSpec, folder: Path, seed: int) -> _Desk:
    path = folder / f"{spec.name}.sqlite"
    shutil.copyfile(spec.template, path)
    database, _created = open_data_file(path)
    replica = Replica(database)
    replica.new_desk_id()  # a copy of the region's first desk: a desk of its own from here
    watched = {uuid.UUID(o) for o in spec.watched}
    sightings: list[tuple[str, int, float, float, float]] = []
    answer = [0.0, 0.0]  # when the feed's last answer was asked for, and when it came (the pull thread's)

    def seen(changes: Changes) -> None:
        mine = changes.orders & watched
        if not mine:
            return
        when = time.monotonic()
        with database.reading() as s:
            sightings.extend((o.hex, v, when, *answer) for o, v in s.execute(select(WorkOrder.id, WorkOrder.version).where(WorkOrder.id.in_(mine))))

    client = CentreClient(base, token=spec.token)
    pushes: list[tuple[float, float]] = []
    push = client.push

    def timed_push(desk_id, mutations):  # the push's round trip: the request, the centre's run, the answer
        started = time.monotonic()
        try:
            return push(desk_id, mutations)
        finally:
            pushes.append((started, time.monotonic()))

    client.push = timed_push
    pull = client.pull
    pulls = [0]

    def counted_pull(cursor, wait=0.0, limit=5000):  # every answer the centre gave this desk's feed
        asked = time.monotonic()
        body = pull(cursor, wait, limit)
        answer[:] = [asked, time.monotonic()]
        pulls[0] += 1
        return body

    client.pull = counted_pull
    worker = SyncWorker(replica, client, on_changes=seen)
    capture.install(database.sessions, worker.wake)
    worker.start()
    user = DeskReader(database).user(spec.username)
    fault = {"full": DiskFull, "io": IoErrors}[spec.disk_fault](database) if spec.disk_fault else None
    return _Desk(spec, database, replica, worker, user, sightings, random.Random(seed), pushes, fault, pulls)


def _act(desks: list[_Desk], rate: float, seconds: float, rng: random.Random) -> tuple[list[tuple], list[str], float]:
    """Each desk's dispatcher acts at `rate` a second on average (Poisson), for `seconds`; with the
    process's memory a tenth into the shift (the desks warm: caches filled, first pages read)."""
    actions: list[tuple[str, str, int, float, str]] = []  # (desk, order, version made, when, kind)
    errors: list[str] = []
    injected: list[str] = []
    start = time.monotonic()
    due = [(start + rng.expovariate(rate), n) for n in range(len(desks))]
    plans = sorted((start + seconds * (k + 1) / (d.spec.plans + 1), n) for n, d in enumerate(desks) for k in range(d.spec.plans))
    warm = 0.0
    failing = [d for d in desks if d.fault is not None]  # their disks fail from 60 % to 65 % of the shift
    while True:
        due.sort()
        at, n = due[0]
        if at - start > seconds:
            break
        if not warm and at - start > seconds / 10:
            warm = rss_mb()
        for desk in failing:
            _disk(desk, 0.6 <= (at - start) / seconds < 0.65)
        while plans and plans[0][0] <= at:
            _when, planner = plans.pop(0)
            try:
                done = _plan(desks[planner])
                if done is not None:
                    actions.extend((desks[planner].spec.name, *made) for made in done)
            except Exception as exc:  # noqa: BLE001 - counted, the shift goes on
                errors.append(f"{desks[planner].spec.name}: plan: {type(exc).__name__}: {exc}")
        time.sleep(max(0.0, at - time.monotonic()))
        desk = desks[n]
        try:
            done = _one(desk)
            if done is not None:
                actions.append((desk.spec.name, *done))
        except DiskFailure:  # the injected fault: the action refused with its message, nothing half-written
            injected.append(desk.spec.name)
        except Exception as exc:  # noqa: BLE001 - counted, the shift goes on
            errors.append(f"{desk.spec.name}: {type(exc).__name__}: {exc}")
        due[0] = (at + rng.expovariate(rate), n)
    for desk in failing:
        _disk(desk, False)
    return actions, errors + [f"{INJECTED}{name}" for name in injected], warm or rss_mb()


def _disk(desk: _Desk, failing: bool) -> None:
    fault = desk.fault
    if failing == fault.on:
        return
    if failing:
        (fault.fill if isinstance(fault, DiskFull) else fault.fail)()
        for_all = desk.database.engine
        for_all.dispose()  # (the connections in the pool take the full disk as they are next taken)
    else:
        fault.lift()
        desk.database.engine.dispose()


def _one(desk: _Desk) -> tuple[str, int, float, str] | None:
    """One thing a dispatcher does to one of their orders: (order, version made, when, kind), or
    None when the rules refused it (a closed order, nothing to change)."""
    rng, spec = desk.rng, desk.spec
    order_id = uuid.UUID(rng.choice(spec.orders))
    with desk.database.reading() as s:
        order = s.get(WorkOrder, order_id)
        state = (order.status, order.assignee_id, order.priority, order.paused_since is not None, order.kind)
    status, assignee, priority, paused, kind = state
    now = lambda: datetime.now(UTC)  # noqa: E731 - the desk's clock
    actions = OrderActions(desk.database, desk.user, now, desk_id=desk.worker.desk_id)
    choice = rng.choice(KINDS)
    when = time.monotonic()
    if choice == "assign" and status in ("new", "accepted", "dispatched"):
        others = [t for t in spec.technicians if assignee is None or t != assignee.hex]
        outcome = actions.assign([order_id], uuid.UUID(rng.choice(others)))
    elif choice == "pause":
        outcome = actions.resume([order_id]) if paused else actions.pause([order_id], PauseReason.CUSTOMER_NOT_READY, "客户要求改期")
        choice = "resume" if paused else "pause"
    elif choice == "book" and kind in ("provisioning", "survey"):
        day = datetime.now(UTC).replace(hour=1, minute=0, second=0, microsecond=0) + timedelta(days=rng.randint(1, 5))
        booking = AppointmentBook(desk.database, desk.user, now, desk.worker.desk_id).book(
            [order_id], (day, day + timedelta(hours=3)), ContactMethod.PHONE, "联系人", "13800000000")
        if not booking.ok:
            return None
    else:
        outcome = actions.set_priority([order_id], rng.choice([p for p in range(1, 6) if p != priority]))
        choice = "priority"
    if choice != "book" and not outcome.changed:
        return None
    with desk.database.reading() as s:
        version = s.scalar(select(WorkOrder.version).where(WorkOrder.id == order_id))
    return order_id.hex, version, when, choice


def _plan(desk: _Desk) -> list[tuple[str, int, float, str]] | None:
    """The optimiser over tomorrow in the desk's region (2 s), the lines a dispatcher may commit
    written together: each order whose visit it moved, as an action (None: nothing to commit, or the
    plan refused whole because something it was made from changed meanwhile)."""
    now = datetime.now(UTC)
    book = AppointmentBook(desk.database, desk.user, lambda: datetime.now(UTC), desk.worker.desk_id)
    optimiser = Optimiser(desk.database, book, desk.user)
    day = now.replace(hour=0, minute=0, second=0, microsecond=0) + timedelta(days=1) - timedelta(hours=8)  # tomorrow in Shanghai
    job = optimiser.read(desk.user.region_id, day, day + timedelta(days=1), now)
    proposal = optimiser.run(job, 2.0)
    keys, _findings = proposal.selectable(desk.user.role)
    if not keys:
        return None
    when = time.monotonic()
    result = optimiser.commit(proposal, [proposal.line(k) for k in sorted(keys)], "区域优化（基准）")
    if not result.ok:
        return None
    with desk.database.reading() as s:
        ids = {o for k in keys for o in proposal.line(k).order_ids} & {uuid.UUID(o) for o in desk.spec.orders}  # (its partner watches these)
        return [(o.hex, v, when, "plan") for o, v in s.execute(select(WorkOrder.id, WorkOrder.version).where(WorkOrder.id.in_(ids)))]


def _settle(desks: list[_Desk], seconds: float) -> tuple[bool, int]:
    """Every outbox sent, and every change the centre refused dropped by its dispatcher (a plan made
    from orders another desk changed meanwhile: the dispatcher plans again), then sent too (or the
    deadline): (settled, refusals dropped)."""
    deadline = time.monotonic() + seconds
    dropped = 0
    while time.monotonic() < deadline:
        if all(d.replica.counts().pending == 0 for d in desks):
            refused = [(d, c) for d in desks for c in Conflicts(d.database, d.user, lambda: datetime.now(UTC), d.worker.desk_id).open()]
            if not refused:
                return True, dropped
            for desk, conflict in refused:
                Conflicts(desk.database, desk.user, lambda: datetime.now(UTC), desk.worker.desk_id).drop(conflict.id)
                dropped += 1
        for desk in desks:
            desk.worker.wake()
        time.sleep(0.5)
    return False, dropped


def digest(database) -> dict[str, str]:
    """The desk's rows compared with the centre's (`COMPARED`: id, version, deleted), hashed per table."""
    out = {}
    with database.engine.connect() as conn:
        for table in COMPARED:
            hasher = hashlib.sha256()
            for row_id, version, deleted in conn.exec_driver_sql(f"SELECT id, version, deleted FROM {table} ORDER BY id"):
                hasher.update(f"{uuid.UUID(str(row_id)).hex}:{version}:{int(bool(deleted))};".encode())
            out[table] = hasher.hexdigest()
    return out


def _report(desks: list[_Desk], actions: list[tuple], errors: list[str]) -> dict[str, Any]:
    saved: dict[str, list[str]] = {}  # the audit rows of the desk's own actions (not the sync bookkeeping: a refusal, its drop)
    conflicts = 0
    for desk in desks:
        with desk.database.engine.connect() as conn:
            saved[desk.worker.desk_id] = [uuid.UUID(str(r[0])).hex for r in conn.exec_driver_sql(
                "SELECT id FROM audit_log WHERE desk_id = ? AND action NOT LIKE 'sync.%'", (desk.worker.desk_id,))]
        counts = desk.replica.counts()
        conflicts += counts.conflicts
        if counts.pending:
            errors.append(f"{desk.spec.name}: {counts.pending} changes never sent")
    return {"actions": actions, "errors": errors, "conflicts": conflicts, "saved": saved,
            "sightings": {d.spec.name: d.sightings for d in desks}, "rss_mb": rss_mb(),
            "pushes": {d.spec.name: d.pushes for d in desks}, "pulls": sum(d.pulls[0] for d in desks),
            "desk_ids": {d.spec.name: d.worker.desk_id for d in desks}}
