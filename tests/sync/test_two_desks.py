"""Two desks on one centre: the snapshot, a change travelling A → centre → B, and a conflict."""

from __future__ import annotations

from sqlalchemy import func, select

from central import audit_chain
from console.core.services.orders import OrderActions
from console.core.store.models import AuditEntry, OutboxMessage, SyncConflict, Technician, WorkOrder
from tests.fixtures.demo import DEMO_NOW


def _open_order_and_two_technicians(desk):
    with desk.database.reading() as s:
        order = s.scalars(select(WorkOrder).where(WorkOrder.status == "new", WorkOrder.region_id == desk.user.region_id)
                          .order_by(WorkOrder.number)).first()
        technicians = s.scalars(select(Technician).where(Technician.region_id == order.region_id).order_by(Technician.name)).all()
    return order, technicians[0], technicians[1]


def test_a_new_desk_downloads_its_region_of_the_centre(centre, make_desk) -> None:
    _base, central, _url = centre
    desk = make_desk("a")  # a dispatcher of the central region
    with central.reading() as s:
        expected = s.scalar(select(func.count()).select_from(WorkOrder).where(WorkOrder.region_id == desk.user.region_id))
    with desk.database.reading() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == expected > 0
        assert set(s.scalars(select(WorkOrder.region_id).distinct())) == {desk.user.region_id}
    assert desk.replica.cursor() is not None
    admin = make_desk("b", "admin")  # tied to no region: every region
    with central.reading() as s, admin.database.reading() as d:
        assert d.scalar(select(func.count()).select_from(WorkOrder)) == s.scalar(select(func.count()).select_from(WorkOrder))


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
        stamped = s.get(WorkOrder, order.id).updated_at
        # the pushed audit row is in the centre's hash chain, and the technician's dispatch SMS is queued
        assert audit_chain.verify(s).intact
        assert s.get(AuditEntry, _pushed_audit_id(a, order.id)).seq is not None
        assert s.scalars(select(OutboxMessage.recipient).where(OutboxMessage.dedupe_key.startswith(f"dispatch:{order.id}:"))).all() == [first.phone]
    with a.database.reading() as s:  # the answer gives the desk the centre's version and stamp, before any pull
        assert s.get(WorkOrder, order.id).updated_at == stamped
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
    attempt = refused.after["operation"]  # what was tried: the action, not rows
    assert (attempt["name"], attempt["args"]["technician_id"]) == ("orders.assign", str(second.id))
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


def _pause_row(database, order_id, started_by_desk_clock):
    from console.core.store.models import SlaPause

    with database.reading() as s:
        return s.scalars(select(SlaPause).where(SlaPause.order_id == order_id, SlaPause.started_at == started_by_desk_clock)).one_or_none()


def test_a_refused_pause_is_made_again_when_re_applied(centre, make_desk) -> None:
    """B's pause was refused (A paused first): once A has resumed, B re-applies it; the pause the
    centre never had is sent as a new row, not as a change to a row it does not know."""
    from datetime import timedelta

    from console.core.domain.enums import PauseReason
    from console.core.store.models import SlaPause
    from console.sync.conflicts import Conflicts

    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    order, _first, _second = _open_order_and_two_technicians(a)
    b_time, a_time = DEMO_NOW, DEMO_NOW + timedelta(minutes=1)
    OrderActions(b.database, b.user, lambda: b_time).pause([order.id], PauseReason.CUSTOMER_NOT_READY, "B's pause")
    OrderActions(a.database, a.user, lambda: a_time).pause([order.id], PauseReason.CUSTOMER_NOT_READY, "A's pause")
    a.worker.push_once()
    b.worker.push_once()
    [conflict] = Conflicts(b.database, b.user, lambda: DEMO_NOW).open()
    assert conflict.code == "contested"
    assert _pause_row(b.database, order.id, b_time).deleted  # the desk's copy of what the centre never had
    import pytest

    from console.sync.conflicts import ConflictError

    with pytest.raises(ConflictError) as refused:  # while A's pause runs, B's would count the same time twice
        Conflicts(b.database, b.user, lambda: DEMO_NOW).reapply(conflict.id)
    assert refused.value.kind == "already_paused" and b.replica.counts().pending == 0
    OrderActions(a.database, a.user, lambda: a_time + timedelta(minutes=5)).resume([order.id])
    a.worker.push_once()
    b.worker.pull_once()
    Conflicts(b.database, b.user, lambda: DEMO_NOW).reapply(conflict.id)
    assert b.worker.push_once()
    assert b.replica.counts().pending == 0 and b.replica.counts().conflicts == 0
    with central.reading() as s:
        mine = s.scalars(select(SlaPause).where(SlaPause.order_id == order.id, SlaPause.note == "B's pause")).one()
        assert not mine.deleted and mine.ended_at is None
        # when it began is the centre's to say (the moment the centre ran it), not the desk's clock
        assert s.get(WorkOrder, order.id).paused_since == mine.started_at != b_time
        assert s.scalars(select(AuditEntry.action).where(AuditEntry.order_id == order.id, AuditEntry.action.startswith("sync."))
                         .order_by(AuditEntry.seq)).all() == ["sync.refused", "sync.reapplied"]


def test_dropping_a_refused_pause_drops_the_resume_that_followed_it(qtbot, centre, make_desk) -> None:
    """B paused and resumed while offline; A paused first: both of B's changes are refused, and the
    resume, which changes B's pause the centre never had, goes with the pause when B drops it."""
    from datetime import timedelta

    from console.core.domain.enums import PauseReason
    from console.sync.conflicts import Conflicts

    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    order, _first, _second = _open_order_and_two_technicians(a)
    b_time, a_time = DEMO_NOW, DEMO_NOW + timedelta(minutes=1)
    OrderActions(b.database, b.user, lambda: b_time).pause([order.id], PauseReason.CUSTOMER_NOT_READY, "B's pause")
    OrderActions(b.database, b.user, lambda: b_time + timedelta(minutes=2)).resume([order.id])
    OrderActions(a.database, a.user, lambda: a_time).pause([order.id], PauseReason.CUSTOMER_NOT_READY, "A's pause")
    a.worker.push_once()
    b.worker.push_once()
    conflicts = Conflicts(b.database, b.user, lambda: DEMO_NOW)
    pause, resume = conflicts.open()
    assert (pause.summary, resume.summary) == ("sla.paused", "sla.resumed")
    from console.ui.conflicts_dialog import ConflictsDialog
    from console.ui.operations import ChangeBus, Operations
    from tests.ui.helpers import SH

    dialog = ConflictsDialog(conflicts, Operations(ChangeBus()), SH)  # the dispatcher drops the pause from the panel
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 2, timeout=10_000)
    assert dialog.list.item(0, 3).text() != "sla.paused"  # named, not a code
    dialog.list.selectRow(0)
    dialog.drop_button.click()
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 0, timeout=10_000)
    assert conflicts.open() == []
    assert dialog.note.text() == "1 later change(s) of this desk to rows it made were dropped with it."  # (untranslated here)
    b.worker.push_once()
    b.worker.pull_once()
    with central.reading() as s:
        dropped = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order.id, AuditEntry.action == "sync.dropped")).all()
        centre_paused = s.get(WorkOrder, order.id).paused_since
    assert sorted(e.after["mutation"] for e in dropped) == sorted([pause_mutation(b, pause), pause_mutation(b, resume)])
    with b.database.reading() as s:
        assert s.get(WorkOrder, order.id).paused_since == centre_paused  # (the moment the centre ran A's pause)
    assert _pause_row(b.database, order.id, b_time) is None  # the pause the centre never had is gone from the desk too


def pause_mutation(desk, conflict) -> int:
    with desk.database.reading() as s:
        return s.get(SyncConflict, conflict.id).mutation


def test_an_assignment_undone_is_taken_back_at_the_centre_and_on_the_other_desk(centre, make_desk) -> None:
    """The undo is an action of its own (orders.unassign), run again at the centre through the same rules."""
    from console.core.services.desk import DeskReader
    from console.core.services.undo import Undoable, run_undo, undo_of

    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    order, first, _second = _open_order_and_two_technicians(a)
    row = next(r for r in DeskReader(a.database).queue() if r.id == order.id)
    actions = OrderActions(a.database, a.user, lambda: DEMO_NOW)
    outcome = actions.assign([order.id], first.id)
    undone = run_undo(undo_of(Undoable.ASSIGN, [row], outcome), actions, a.database)
    assert undone.changed == 1 and not undone.refused
    assert a.worker.push_once() and a.replica.counts().pending == 0 and a.replica.counts().conflicts == 0
    with central.reading() as s:
        back = s.get(WorkOrder, order.id)
        assert (back.assignee_id, back.status) == (None, "new")
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.order_id == order.id,
                                                                          AuditEntry.action == "order.unassigned")) == 1
    b.worker.pull_once()
    with b.database.reading() as s:
        assert (s.get(WorkOrder, order.id).assignee_id, s.get(WorkOrder, order.id).status) == (None, "new")


def test_a_site_placed_by_hand_and_one_sent_to_the_geocoder_again_reach_the_centre(centre, make_desk) -> None:
    """Placing a site and asking the geocoder again are actions the centre runs again: the position is
    the centre's and the other desk's; the request is a geocoder message in the centre's outbox."""
    from console.core.services.sites import SiteActions
    from console.core.store.models import Site

    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    with a.database.reading() as s:
        first, second = s.scalars(select(Site.id).join(WorkOrder, WorkOrder.site_id == Site.id)
                                  .where(WorkOrder.region_id == a.user.region_id).distinct().limit(2)).all()
    sites = SiteActions(a.database, a.user, lambda: DEMO_NOW)
    sites.place(first, 31.2311, 121.4722)
    sites.geocode_again([second])
    assert a.worker.push_once() and a.replica.counts().pending == 0 and a.replica.counts().conflicts == 0
    with central.reading() as s:
        assert (s.get(Site, first).latitude, s.get(Site, first).longitude) == (31.2311, 121.4722)
        assert s.scalars(select(OutboxMessage.recipient).where(OutboxMessage.channel == "geocode",
                                                               OutboxMessage.dedupe_key.like(f"geocode:{second}:again:%"))).all() == [str(second)]
    b.worker.pull_once()
    with b.database.reading() as s:
        assert (s.get(Site, first).latitude, s.get(Site, first).longitude) == (31.2311, 121.4722)
