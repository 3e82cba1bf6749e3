"""Undoing the last order action: a new audited action that puts back what the last one changed,
where the rules allow it and nothing changed the orders since."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from console.core.domain.enums import OrderStatus, PauseReason
from console.core.domain.lifecycle import Refusal
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.services.undo import Undoable, run_undo, undo_of
from console.core.store.models import AuditEntry, SlaPause, WorkOrder
from tests.fixtures.demo import DEMO_NOW


@pytest.fixture
def reader(demo_db) -> DeskReader:
    return DeskReader(demo_db)


def _actions(demo_db, reader, now=DEMO_NOW) -> OrderActions:
    return OrderActions(demo_db, reader.user(None), lambda: now)


def _rows(reader, ids) -> dict:
    return {r.id: r for r in reader.queue() if r.id in set(ids)}


def _audit(db, action: str) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action))


def test_an_assignment_undone_gives_each_order_back_to_the_technician_it_had_or_to_none(demo_db, reader) -> None:
    queue = reader.queue()
    new = [r for r in queue if r.status is OrderStatus.NEW and not r.paused][:2]
    had = next(r for r in queue if r.status is OrderStatus.DISPATCHED and r.assignee_id is not None)
    other = next(t for t in reader.technicians() if t.id != had.assignee_id)
    rows = [*new, had]
    outcome = _actions(demo_db, reader).assign([r.id for r in rows], other.id)
    undo = undo_of(Undoable.ASSIGN, rows, outcome)
    assert undo is not None and undo.orders == 3
    undone = run_undo(undo, _actions(demo_db, reader, DEMO_NOW + timedelta(minutes=1)), demo_db)
    assert undone.changed == 3 and not undone.refused
    after = _rows(reader, [r.id for r in rows])
    assert all(after[r.id].assignee_id is None and after[r.id].status is OrderStatus.NEW for r in new)
    assert after[had.id].assignee_id == had.assignee_id and after[had.id].status is OrderStatus.DISPATCHED
    assert _audit(demo_db, "order.unassigned") == 2  # the undo is an action of its own, in the history


def test_a_pause_undone_resumes_and_a_resumption_undone_pauses_again_for_the_same_reason(demo_db, reader) -> None:
    row = next(r for r in reader.queue() if r.status is OrderStatus.ACCEPTED and not r.paused)
    paused = _actions(demo_db, reader).pause([row.id], PauseReason.CUSTOMER_NOT_READY, "机房未完工")
    run_undo(undo_of(Undoable.PAUSE, [row], paused), _actions(demo_db, reader, DEMO_NOW + timedelta(minutes=1)), demo_db)
    resumed_row = _rows(reader, [row.id])[row.id]
    assert not resumed_row.paused
    resumed = _actions(demo_db, reader, DEMO_NOW + timedelta(minutes=2)).resume([row.id])
    assert resumed.refused == {row.id: (row.number, Refusal.NOT_PAUSED)}  # (nothing to resume: nothing to undo)
    assert undo_of(Undoable.RESUME, [resumed_row], resumed) is None
    again = _actions(demo_db, reader, DEMO_NOW + timedelta(minutes=3)).pause([row.id], PauseReason.CUSTOMER_POSTPONED, "下周再约")
    paused_row = _rows(reader, [row.id])[row.id]
    assert again.changed == 1 and paused_row.paused
    resumed = _actions(demo_db, reader, DEMO_NOW + timedelta(minutes=4)).resume([row.id])
    run_undo(undo_of(Undoable.RESUME, [paused_row], resumed), _actions(demo_db, reader, DEMO_NOW + timedelta(minutes=5)), demo_db)
    with demo_db.reading() as s:
        last = s.scalars(select(SlaPause).where(SlaPause.order_id == row.id).order_by(SlaPause.started_at.desc())).first()
    assert (last.reason, last.note, last.ended_at) == (PauseReason.CUSTOMER_POSTPONED, "下周再约", None)


def test_a_priority_undone_puts_each_order_back_to_its_own(demo_db, reader) -> None:
    rows = [r for r in reader.queue() if r.status.is_open][:4]
    outcome = _actions(demo_db, reader).set_priority([r.id for r in rows], 1)
    run_undo(undo_of(Undoable.PRIORITY, rows, outcome), _actions(demo_db, reader), demo_db)
    after = _rows(reader, [r.id for r in rows])
    assert [after[r.id].priority for r in rows] == [r.priority for r in rows]


def test_an_order_changed_since_is_not_undone_and_says_why(demo_db, reader) -> None:
    rows = [r for r in reader.queue() if r.status is OrderStatus.NEW and not r.paused][:2]
    technician = reader.technicians()[0]
    outcome = _actions(demo_db, reader).assign([r.id for r in rows], technician.id)
    _actions(demo_db, reader).set_priority([rows[0].id], 1)  # another change (a pull, another desk) meanwhile
    undone = run_undo(undo_of(Undoable.ASSIGN, rows, outcome), _actions(demo_db, reader), demo_db)
    assert undone.refused == {rows[0].id: (rows[0].number, Refusal.CHANGED_ELSEWHERE)} and undone.changed == 1
    with demo_db.reading() as s:
        assert s.get(WorkOrder, rows[0].id).assignee_id == technician.id


def test_an_order_its_technician_accepted_is_not_taken_back(demo_db, reader) -> None:
    row = next(r for r in reader.queue() if r.status is OrderStatus.ACCEPTED)
    assert _actions(demo_db, reader).unassign([row.id]).refused == {row.id: (row.number, Refusal.ACCEPTED)}
    new = next(r for r in reader.queue() if r.status is OrderStatus.NEW and r.assignee_id is None)
    assert _actions(demo_db, reader).unassign([new.id]).refused == {new.id: (new.number, Refusal.NOT_ASSIGNED)}
