"""Two desks on one centre: the snapshot, a change travelling A → centre → B, and a conflict."""

from __future__ import annotations

from sqlalchemy import func, select

from central import audit_chain
from console.services.orders import OrderActions
from console.store.models import AuditEntry, OutboxMessage, SyncConflict, Technician, WorkOrder
from tests.conftest import DEMO_NOW


def _open_order_and_two_technicians(desk):
    with desk.database.reading() as s:
        order = s.scalars(select(WorkOrder).where(WorkOrder.status == "new", WorkOrder.region_id == desk.user.region_id)
                          .order_by(WorkOrder.number)).first()
        technicians = s.scalars(select(Technician).where(Technician.region_id == order.region_id).order_by(Technician.name)).all()
    return order, technicians[0], technicians[1]


def test_a_new_desk_downloads_the_centre(centre, make_desk) -> None:
    _base, central, _url = centre
    desk = make_desk("a")
    with central.reading() as s:
        expected = s.scalar(select(func.count()).select_from(WorkOrder))
    with desk.database.reading() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == expected
    assert desk.replica.cursor() is not None


def test_a_change_on_one_desk_reaches_the_other(centre, make_desk) -> None:
    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    order, first, _second = _open_order_and_two_technicians(a)
    outcome = OrderActions(a.database, a.user, lambda: DEMO_NOW).assign([order.id], first.id)
    assert not outcome.refused
    assert a.replica.counts().pending == 1
    assert a.worker.push_once()
    assert a.replica.counts().pending == 0
    with central.reading() as s:
        assert s.get(WorkOrder, order.id).assignee_id == first.id
        # the pushed audit row is in the centre's hash chain, and the technician's dispatch SMS is queued
        assert audit_chain.verify(s).intact
        assert s.get(AuditEntry, _pushed_audit_id(a, order.id)).seq is not None
        assert s.scalars(select(OutboxMessage.recipient).where(OutboxMessage.dedupe_key.startswith(f"dispatch:{order.id}:"))).all() == [first.phone]
    b.worker.pull_once()
    with b.database.reading() as s:
        row = s.get(WorkOrder, order.id)
        assert row.assignee_id == first.id
    with a.database.reading() as s:
        assert s.get(WorkOrder, order.id).version == row.version


def _pushed_audit_id(desk, order_id):
    with desk.database.reading() as s:
        return s.scalars(select(AuditEntry.id).where(AuditEntry.order_id == order_id, AuditEntry.action == "order.assigned")
                         .order_by(AuditEntry.at.desc())).first()


def test_two_desks_assign_the_same_order_one_wins(centre, make_desk) -> None:
    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    order, first, second = _open_order_and_two_technicians(a)
    OrderActions(a.database, a.user, lambda: DEMO_NOW).assign([order.id], first.id)
    OrderActions(b.database, b.user, lambda: DEMO_NOW).assign([order.id], second.id)
    a.worker.push_once()
    b.worker.push_once()
    with central.reading() as s:
        assert s.get(WorkOrder, order.id).assignee_id == first.id
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.order_id == order.id).order_by(AuditEntry.seq)).all()
        refused = s.scalars(select(AuditEntry).where(AuditEntry.action == "sync.refused", AuditEntry.order_id == order.id)).one()
    assert "order.assigned" in actions and "sync.refused" in actions
    attempt = [c for c in refused.after["changes"] if c["t"] == "work_orders"][0]
    assert attempt["set"]["assignee_id"] == second.id.hex
    with b.database.reading() as s:
        conflict = s.scalars(select(SyncConflict)).one()
        assert "assignee_id" in conflict.reason
        assert (conflict.code, conflict.args) == ("contested", {"table": "work_orders", "columns": ["assignee_id"]})
        assert conflict.theirs["work_orders"][order.id.hex]["assignee_id"] == first.id.hex
        assert s.get(WorkOrder, order.id).assignee_id == first.id  # back to the centre's state
    assert b.replica.counts().conflicts == 1 and b.replica.counts().pending == 0
    b.worker.pull_once()
    with b.database.reading() as s:
        assert s.get(WorkOrder, order.id).assignee_id == first.id
