"""Two consoles on one centre: each shows the other's changes live, the status bar says how sync
goes, a conflict is resolved from the panel, another desk's claim is shown on the order."""

from __future__ import annotations

import os
from datetime import timedelta

from PySide6.QtCore import Qt
from sqlalchemy import select

from console.core.services.orders import OrderActions
from console.core.store.models import AuditEntry, SyncConflict, Technician, WorkOrder
from console.sync.conflicts import Conflicts
from console.ui.conflicts_dialog import ConflictsDialog
from console.ui.sync_status import DeskSync, SyncBridge
from tests.fixtures.demo import DEMO_NOW
from tests.ui.helpers import SH, FakeClock, desk_window


def _console(qtbot, make_desk, name: str, tmp_path, clock):
    bridge = SyncBridge()
    desk = make_desk(name, start=True, on_status=bridge.report_status, on_changes=bridge.report_changes)
    window = desk_window(desk.database, desk.user, clock, english=True, data_file=f"{name}.sqlite",
                         views_file=tmp_path / f"{name}-views.json")
    window.attach_sync(DeskSync(desk.worker, Conflicts(desk.database, desk.user, clock, desk.worker.desk_id), bridge))
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    qtbot.waitUntil(lambda: window._complete and window.model.rowCount() > 0, timeout=10_000)
    return desk, window


def _row(window, order_id):
    return next(r for r in window.model.all_rows() if r.id == order_id)


def test_two_consoles_show_each_others_changes_live(qtbot, centre, make_desk, tmp_path) -> None:
    clock = FakeClock()
    a, window_a = _console(qtbot, make_desk, "a", tmp_path, clock)
    b, window_b = _console(qtbot, make_desk, "b", tmp_path, clock)
    qtbot.waitUntil(lambda: window_b.sync_indicator.text() == "Synced", timeout=10_000)
    order = next(r for r in window_b.model.all_rows() if r.assignee_id is None and r.status == "new")
    with a.database.reading() as s:
        technician = s.scalars(select(Technician).where(Technician.region_id == order.region_id).order_by(Technician.name)).first()
    outcome = OrderActions(a.database, a.user, clock).assign([order.id], technician.id)
    assert not outcome.refused, outcome.refused
    qtbot.waitUntil(lambda: _row(window_b, order.id).assignee_id == technician.id, timeout=10_000)
    assert _row(window_b, order.id).assignee == technician.name
    qtbot.waitUntil(lambda: window_a.sync_indicator.text() == "Synced", timeout=10_000)

    # B opens the order: A's detail of it warns that B's dispatcher has it open
    window_b.select_order(order.id)
    qtbot.waitUntil(lambda: _claimed(a, order.id), timeout=10_000)
    # and A's queue marks it, saying who has it open
    qtbot.waitUntil(lambda: bool(window_a.model.claims_on(order.id)), timeout=10_000)
    number_cell = window_a.model.index(window_a.model.row_of(order.id), window_a.model.NUMBER)
    assert number_cell.data(Qt.ItemDataRole.DecorationRole) is not None
    assert b.user.display_name in number_cell.data(Qt.ItemDataRole.ToolTipRole)
    other = window_a.model.index(0 if window_a.model.row_of(order.id) else 1, window_a.model.NUMBER)
    assert other.data(Qt.ItemDataRole.DecorationRole) is None
    window_a.select_order(order.id)
    qtbot.waitUntil(lambda: "has this order open" in window_a.detail.toPlainText(), timeout=10_000)
    assert b.user.display_name in window_a.detail.toPlainText()
    if os.environ.get("SYNC_SCREENSHOTS"):
        window_a.grab().save(os.path.join(os.environ["SYNC_SCREENSHOTS"], "console-a-synced.png"))


def _claimed(desk, order_id) -> bool:
    from console.sync.conflicts import claims_on

    return bool(claims_on(desk.database, order_id, desk.worker.desk_id, DEMO_NOW - timedelta(days=3650)))


def test_a_conflict_shows_in_the_status_bar_and_is_reapplied_from_the_panel(qtbot, centre, make_desk, tmp_path) -> None:
    _base, central, _url = centre
    clock = FakeClock()
    a = make_desk("a")
    b, window_b = _console(qtbot, make_desk, "b", tmp_path, clock)
    b.worker.stop()  # B works offline for a moment
    order = next(r for r in window_b.model.all_rows() if r.assignee_id is None and r.status == "new")
    with a.database.reading() as s:
        first, second = s.scalars(select(Technician).where(Technician.region_id == order.region_id).order_by(Technician.name)).all()[:2]
    OrderActions(a.database, a.user, clock).assign([order.id], first.id)
    a.worker.push_once()
    OrderActions(b.database, b.user, clock).assign([order.id], second.id)
    b.worker.push_once()
    b.worker.pull_once()
    window_b.sync_indicator.show_status(b.worker.status)
    assert window_b.sync_indicator.text() == "1 conflict(s) to resolve"

    dialog = ConflictsDialog(window_b._sync.conflicts, window_b.operations, SH, window_b)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 1, timeout=10_000)
    number = _row(window_b, order.id).number
    assert [dialog.list.item(0, c).text() for c in (2, 3, 4)] == [number, "Assigned", "Someone else changed it first: Technician"]
    cells = {dialog.differences.item(r, 0).text(): (dialog.differences.item(r, 1).text(), dialog.differences.item(r, 2).text())
             for r in range(dialog.differences.rowCount())}
    assert cells["Technician"] == (second.name, first.name)
    if os.environ.get("SYNC_SCREENSHOTS"):
        dialog.resize(900, 420)
        dialog.grab().save(os.path.join(os.environ["SYNC_SCREENSHOTS"], "conflicts.png"))
    dialog.reapply_button.click()
    qtbot.waitUntil(lambda: dialog.list.rowCount() == 0, timeout=10_000)
    b.worker.push_once()
    with central.reading() as s:
        assert s.get(WorkOrder, order.id).assignee_id == second.id
        actions = set(s.scalars(select(AuditEntry.action).where(AuditEntry.order_id == order.id)))
    assert {"order.assigned", "sync.refused", "sync.reapplied"} <= actions
    with b.database.reading() as s:
        assert s.scalars(select(SyncConflict)).one().resolution == "reapplied"
