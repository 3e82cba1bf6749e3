"""A desk's disk fills up or fails: the action is refused whole with words a dispatcher understands,
the file stays sound, and the same action works once the disk does; a syncing desk's worker writes
what the centre sent again later, and nothing is lost or doubled."""

from __future__ import annotations

import itertools
import uuid

import pytest
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select

from console.core.domain.enums import OrderStatus
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.database import Database, DiskFailure
from console.core.store.models import AuditEntry, SyncOutbox, WorkOrder
from console.sync import capture
from tests.faults.acting import Acting, all_orders, check_after, close_desks, open_desks, seats
from tests.faults.disk import DiskFull, IoErrors, file_is_sound
from tests.fixtures.demo import DEMO_NOW
from tests.sync.harness import order_states, wait_for
from tests.ui.helpers import open_window


def _file_state(database: Database, order_id: uuid.UUID) -> tuple:
    with database.reading() as s:
        order = s.get(WorkOrder, order_id)
        return (s.scalar(select(func.count()).select_from(AuditEntry)), s.scalar(select(func.count()).select_from(SyncOutbox)),
                order.version, order.priority)


def _injected(database: Database, kind: str):
    return (DiskFull(database), "fill") if kind == "disk_full" else (IoErrors(database), "fail")


@pytest.mark.parametrize("kind", ["disk_full", "disk_error"])
def test_an_action_the_disk_refuses_leaves_nothing_behind_and_works_again_once_the_disk_does(demo_db, kind) -> None:
    capture.install(demo_db.sessions)  # the action's outbox entry is written in its transaction, as on a syncing desk
    user = DeskReader(demo_db).user("wang.wei.central")
    actions = OrderActions(demo_db, user, lambda: DEMO_NOW)
    with demo_db.reading() as s:
        orders = s.scalars(select(WorkOrder.id).where(WorkOrder.region_id == user.region_id, WorkOrder.status == OrderStatus.NEW)
                           .order_by(WorkOrder.number).limit(20)).all()
    fault, start = _injected(demo_db, kind)
    getattr(fault, start)()
    refused = None
    for n, order_id in zip(range(300), itertools.cycle(orders)):  # a full disk takes what fits in the pages the file has
        before = _file_state(demo_db, order_id)
        try:
            actions.set_priority([order_id], 1 + n % 5 if before[3] != 1 + n % 5 else 1 + (n + 1) % 5)
        except DiskFailure as failure:
            refused = (order_id, before, failure)
            break
        assert _file_state(demo_db, order_id)[1] == before[1] + 1  # saved: with its outbox entry
    assert refused is not None, "the disk never refused a write"
    order_id, before, failure = refused
    assert failure.kind == kind
    assert _file_state(demo_db, order_id) == before  # no change of the order without its audit row and outbox entry
    assert file_is_sound(demo_db.path) == []
    fault.lift()
    outcome = actions.set_priority([order_id], 1 if before[3] != 1 else 2)
    assert outcome.changed == 1
    after = _file_state(demo_db, order_id)
    assert (after[0] > before[0], after[1], after[2]) == (True, before[1] + 1, before[2] + 1)
    assert file_is_sound(demo_db.path) == []


@pytest.mark.parametrize("kind", ["disk_full", "disk_error"])
def test_the_queue_says_why_nothing_was_saved_when_the_disk_refuses(qtbot, demo_db, tmp_path, monkeypatch, kind) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    fault, start = _injected(demo_db, kind)
    getattr(fault, start)()
    rows = [r for r in range(window.model.rowCount()) if window.model.row_at(r).status is OrderStatus.NEW][:40]
    for row in rows:  # (a full disk takes what fits in the pages the file has: on until one is refused)
        window.queue.table.selectRow(row)
        order = window.model.row_at(row)
        changed = []
        window.bus.changed.connect(lambda *_args, into=changed: into.append(1))
        window.queue.act(lambda actions, ids, p=1 if order.priority != 1 else 2: actions.set_priority(ids, p))
        qtbot.waitUntil(lambda into=changed: bool(warnings or into), timeout=10_000)
        if warnings:
            break
    assert len(warnings) == 1, warnings
    expected = "is full" if kind == "disk_full" else "could not write the data file"
    assert warnings[0].startswith("The change could not be saved: the disk of this computer") and expected in warnings[0]
    assert "nothing was saved" in warnings[0]
    fault.lift()
    assert file_is_sound(demo_db.path) == []


def test_a_desk_whose_disk_fills_up_or_fails_mid_run_loses_nothing_doubles_nothing_and_converges(centre, empty_desk_file,
                                                                                                  tmp_path) -> None:
    """The supervisor's disk fills up while the desks act: some of its actions are refused, its worker
    cannot write what the centre sends (the feed, the answers to its pushes) and tries again later; then
    the central dispatcher's disk fails for a while. Once each disk works again, everything converges."""
    base, central, _url = centre
    chosen = seats(central)
    orders = all_orders(chosen)
    start = order_states(central, orders)
    desks = []
    try:
        desks = open_desks(base, base, chosen, tmp_path, empty_desk_file)
        by_name = {d.name: d for d in desks}
        full, failing = DiskFull(by_name["supervisor"].database), IoErrors(by_name["central"].database)
        with Acting(desks, chosen, seed=4) as acting:
            full.fill()
            wait_for(lambda: acting.disk_refused["supervisor"] >= 2 and any(s.problem_kind == "disk_full" for s in by_name["supervisor"].statuses),
                     40, "the supervisor's disk refused actions and the worker's writes")
            full.lift()
            failing.fail()
            wait_for(lambda: acting.disk_refused["central"] >= 2, 20, "the dispatcher's disk refused actions")
            failing.lift()
            before = {d.name: len(d.saved) for d in desks}
            wait_for(lambda: all(len(d.saved) > before[d.name] + 2 for d in desks), 20, "every desk saves again")
        check_after(central, desks, acting, start, orders)
        for desk in desks:
            assert file_is_sound(desk.path) == []
    finally:
        close_desks(desks)
