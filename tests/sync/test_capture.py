"""The outbox as the desk writes it: one entry per saved action, in the action's own transaction,
whatever savepoints the action used on the way."""

from __future__ import annotations

import json

from sqlalchemy import select, text, update

from console.core.operations import operation
from console.core.store.models import SyncOutbox, WorkOrder
from console.sync import capture


def _entries(database) -> list[list[dict]]:
    with database.reading() as s:
        return [e.changes for e in s.scalars(select(SyncOutbox).order_by(SyncOutbox.mutation))]


class _Action:
    """An action written by hand, as an operation (the outbox takes no change made outside one)."""

    def __init__(self, work):
        self.work = work

    @operation("tests.by_hand")
    def run(self) -> None:
        self.work()


def test_a_failed_savepoint_takes_back_only_its_own_changes(demo_db) -> None:
    capture.install(demo_db.sessions)
    with demo_db.reading() as s:
        first, second = s.scalars(select(WorkOrder).order_by(WorkOrder.number).limit(2)).all()

    def work() -> None:
        with demo_db.unit_of_work() as s:
            order = s.get(WorkOrder, first.id)
            order.priority, order.version = 1, order.version + 1
            s.flush()
            try:
                with s.begin_nested():  # as the order numbering does when a day's first number races
                    other = s.get(WorkOrder, second.id)
                    other.priority, other.version = 1, other.version + 1
                    s.flush()
                    s.execute(text("SELECT * FROM no_such_table"))
            except Exception:  # noqa: BLE001 - the savepoint's failure, taken back
                pass
            s.execute(update(WorkOrder).where(WorkOrder.id == first.id).values(title=first.title))  # a Core write is not an ORM change

    _Action(work).run()
    [entry] = _entries(demo_db)
    assert [(c["t"], c["id"], c["set"]) for c in entry] == [("work_orders", first.id.hex, {"priority": 1})]
    with demo_db.reading() as s:
        assert s.get(WorkOrder, second.id).priority == second.priority


def test_a_change_made_outside_an_operation_is_refused_before_it_is_saved(demo_db) -> None:
    """The centre runs operations, never rows: a replicated row changed by no operation could not be sent."""
    import pytest

    capture.install(demo_db.sessions)
    with demo_db.reading() as s:
        order = s.scalars(select(WorkOrder).order_by(WorkOrder.number)).first()
    with pytest.raises(RuntimeError, match="outside an operation"), demo_db.unit_of_work() as s:
        s.get(WorkOrder, order.id).priority = 1 + order.priority % 5
    assert _entries(demo_db) == []
    with demo_db.reading() as s:
        assert s.get(WorkOrder, order.id).priority == order.priority


def test_nothing_saved_means_no_entry_and_a_rolled_back_action_leaves_none(demo_db) -> None:
    capture.install(demo_db.sessions)
    with demo_db.reading() as s:
        order = s.scalars(select(WorkOrder).order_by(WorkOrder.number)).first()
    with demo_db.unit_of_work() as s:
        s.get(WorkOrder, order.id)
    try:
        with demo_db.unit_of_work() as s:
            s.get(WorkOrder, order.id).priority = 1
            s.flush()
            raise RuntimeError("the action failed")
    except RuntimeError:
        pass
    assert _entries(demo_db) == []
    with demo_db.reading() as s:
        assert s.execute(text("SELECT count(*) FROM sync_shadows")).scalar() == 0
    assert json.dumps(_entries(demo_db)) == "[]"


def test_an_action_too_large_to_sync_is_refused_before_anything_is_saved(demo_db, monkeypatch) -> None:
    import pytest

    from console.core.domain.enums import OrderStatus
    from console.core.services.desk import DeskReader
    from console.core.services.orders import OrderActions
    from console.core.store.models import AuditEntry, Technician
    from console.ui import labels
    from tests.fixtures.demo import DEMO_NOW

    capture.install(demo_db.sessions)
    monkeypatch.setattr(capture, "MAX_CHANGES", 5)  # three orders and their audit rows make six
    with demo_db.reading() as s:
        orders = s.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.NEW).order_by(WorkOrder.number).limit(3)).all()
        technician = s.scalars(select(Technician).where(Technician.region_id == orders[0].region_id)).first()
        audit_rows = s.scalar(select(text("count(*)")).select_from(AuditEntry))
    actions = OrderActions(demo_db, DeskReader(demo_db).user(None), lambda: DEMO_NOW)
    with pytest.raises(capture.TooLarge) as refused:
        actions.assign([o.id for o in orders], technician.id)
    assert (refused.value.rows, refused.value.limit) == (6, 5)
    assert labels.saving_failure(refused.value).startswith("one action may change at most 5 rows, this one would change 6")
    assert _entries(demo_db) == []
    with demo_db.reading() as s:
        assert [s.get(WorkOrder, o.id).version for o in orders] == [o.version for o in orders]
        assert s.scalar(select(text("count(*)")).select_from(AuditEntry)) == audit_rows
    actions.assign([orders[0].id], technician.id)  # a smaller part goes through
    assert len(_entries(demo_db)) == 1


def test_a_shadow_keeps_the_stamp_the_row_had_before_the_change(demo_db) -> None:
    """A refused change puts its rows back from their shadows, and a row the centre did not change
    gets no feed entry to correct it: the shadow must hold the row's updated_at from before the
    change, not the desk's time of the change (set by the action, or by the ORM on update)."""
    from datetime import timedelta

    from console.core.domain.enums import OrderStatus, PauseReason
    from console.core.services.desk import DeskReader
    from console.core.services.orders import OrderActions
    from console.core.store.models import SlaPause
    from console.core.wire import wire
    from tests.fixtures.demo import DEMO_NOW

    with demo_db.reading() as s:
        order = s.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.NEW, WorkOrder.paused_since.is_(None),
                                                  WorkOrder.id.not_in(select(SlaPause.order_id)))  # (never paused before)
                          .order_by(WorkOrder.number)).first()
    actions = OrderActions(demo_db, DeskReader(demo_db).user(None), lambda: DEMO_NOW)
    actions.pause([order.id], PauseReason.CUSTOMER_NOT_READY, "before the desk syncs")
    with demo_db.reading() as s:
        before = {"order": s.get(WorkOrder, order.id).updated_at,
                  "pause": s.scalars(select(SlaPause).where(SlaPause.order_id == order.id)).one()}
    capture.install(demo_db.sessions)
    OrderActions(demo_db, DeskReader(demo_db).user(None), lambda: DEMO_NOW + timedelta(hours=1)).resume([order.id])
    with demo_db.reading() as s:
        shadows = {row_id: json.loads(row) for row_id, row in s.execute(text("SELECT row_id, row FROM sync_shadows WHERE row IS NOT NULL"))}
        assert s.get(SlaPause, before["pause"].id).updated_at != before["pause"].updated_at  # the flush stamped it
    assert shadows[order.id.hex]["updated_at"] == wire("work_orders").encode({"updated_at": before["order"]})["updated_at"]
    assert shadows[before["pause"].id.hex]["updated_at"] == wire("sla_pauses").encode({"updated_at": before["pause"].updated_at})["updated_at"]
