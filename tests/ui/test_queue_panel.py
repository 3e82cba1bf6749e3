"""The queue as a dispatcher uses it: views, bulk actions, live alerts."""

import json
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QDialog, QMessageBox

from console.core.domain.enums import Band, OrderKind, OrderStatus, PauseReason
from console.core.services.desk import DeskReader
from console.core.services.queue_filter import QueueFilter
from console.ui.order_action_dialogs import PauseDialog, TechnicianPickerDialog
from console.ui.queue_filter_bar import QueueFilterBar
from tests.ui.helpers import FakeClock, open_window


def select_rows(window, rows: list[int]) -> None:
    selection = window.queue.table.selectionModel()
    selection.clearSelection()
    for r in rows:
        selection.select(window.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def rows_where(window, predicate) -> list[int]:
    return [r for r in range(window.model.rowCount()) if predicate(window.model.row_at(r))]


def test_builtin_views_filter_the_queue(qtbot, demo_db, tmp_path: Path) -> None:
    clock = FakeClock()
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock)
    bar = window.queue.filter_bar
    total = window.model.rowCount()
    bar.views.setCurrentIndex(1)
    bar.views.activated.emit(1)  # "Red and breached"
    shown = window.model.rowCount()
    assert 0 < shown < total
    assert {window.model.band(window.model.row_at(r), clock.now) for r in range(shown)} <= {Band.RED, Band.BREACHED}
    assert "shown" in window.queue.title.text()
    bar.views.activated.emit(2)  # "Unassigned and breached"
    assert all(window.model.row_at(r).assignee is None for r in range(window.model.rowCount()))


def test_a_saved_view_is_kept_by_meaning_and_can_be_deleted(qtbot, demo_db, tmp_path: Path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    bar = window.queue.filter_bar
    bar.kinds.set_selected({OrderKind.FAULT})
    bar.kinds.changed.emit()
    bar.search.setText("上海")
    assert bar.save_named_view("Faults in Shanghai")
    stored = json.loads((tmp_path / "views.json").read_text(encoding="utf-8"))
    assert stored["views"][0]["filter"]["kinds"] == ["fault"] and stored["views"][0]["filter"]["text"] == "上海"
    again = QueueFilterBar(tmp_path / "views.json", english=True)
    qtbot.addWidget(again)
    index = again.views.findData("Faults in Shanghai")
    again.views.setCurrentIndex(index)
    again.views.activated.emit(index)
    assert again.current_filter() == QueueFilter(kinds=frozenset({OrderKind.FAULT}), text="上海")
    assert again.delete_view.isEnabled()
    again.delete_view.click()
    assert json.loads((tmp_path / "views.json").read_text(encoding="utf-8"))["views"] == []


def test_a_builtin_name_and_an_unreadable_views_file_are_refused(qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    assert not window.queue.filter_bar.save_named_view("Red and breached")
    assert "built-in" in warnings[0]
    broken = tmp_path / "broken.json"
    broken.write_text("{oops", encoding="utf-8")
    bar = QueueFilterBar(broken)
    qtbot.addWidget(bar)
    assert "cannot be read" in bar.views_problem
    assert broken.read_text(encoding="utf-8") == "{oops"


def test_bulk_pause_and_resume_from_the_queue(qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:
    clock = FakeClock()
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock)
    targets = rows_where(window, lambda r: r.status is OrderStatus.ACCEPTED and not r.paused)[:2]
    ids = [window.model.row_at(r).id for r in targets]
    select_rows(window, targets)

    def exec_pause(dialog: PauseDialog) -> int:
        dialog.reason.setCurrentIndex(dialog.reason.findData(PauseReason.CUSTOMER_NOT_READY))
        dialog.note.setPlainText("客户机房装修")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(PauseDialog, "exec", exec_pause)
    with qtbot.waitSignal(window.bus.changed, timeout=10_000):
        window.queue.pause_action.trigger()
    qtbot.waitUntil(lambda: all(r.paused for r in window.model.all_rows() if r.id in ids), timeout=10_000)
    assert "‖" not in window.model.data(window.model.index(window.model.row_of(ids[0]), window.model.TIME_LEFT))  # text only
    window.queue.reselect(ids)
    with qtbot.waitSignal(window.bus.changed, timeout=10_000):
        window.queue.resume_action.trigger()
    qtbot.waitUntil(lambda: not any(r.paused for r in window.model.all_rows() if r.id in ids), timeout=10_000)


def test_a_pause_without_a_reason_is_refused_in_the_dialog(qtbot, monkeypatch) -> None:
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = PauseDialog(3)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted and warnings == ["A pause needs a reason."]


def test_bulk_assign_reports_the_orders_it_could_not_change(qtbot, demo_db, tmp_path: Path, monkeypatch) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    def new_faults(region) -> list[int]:
        return rows_where(window, lambda r: r.status is OrderStatus.NEW and r.kind is OrderKind.FAULT and r.region_id == region)[:2]

    on_site = next([r] for r in rows_where(window, lambda r: r.status is OrderStatus.IN_PROGRESS and r.kind is OrderKind.FAULT)
                   if len(new_faults(window.model.row_at(r).region_id)) == 2)  # (a region with two new repairs)
    new = new_faults(window.model.row_at(on_site[0]).region_id)
    select_rows(window, new + on_site)
    new_ids = [window.model.row_at(r).id for r in new]
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    window.queue.assign_action.trigger()
    dialog = window.queue.assigner.dialog  # the assign dialog: one order is on site, so it assigns only
    qtbot.waitUntil(lambda: dialog.choice is not None, timeout=10_000)
    technician = dialog.choice.technicians[dialog.chosen_technician()]
    with qtbot.waitSignal(window.bus.changed, timeout=10_000):
        dialog.ok.click()
    qtbot.waitUntil(lambda: all(r.assignee == technician.name for r in window.model.all_rows() if r.id in new_ids), timeout=10_000)
    assert "2 changed, 1 not changed" in shown[0] and "on site" in shown[0]


def test_the_technician_picker_lists_the_orders_region_first(qtbot, demo_db) -> None:
    reader = DeskReader(demo_db)
    technicians = reader.technicians()
    region = technicians[0].region_id
    dialog = TechnicianPickerDialog(technicians, {region}, set(), english=True)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == sum(1 for t in technicians if t.region_id == region)
    dialog.all_regions.setChecked(True)
    assert dialog.table.rowCount() == len(technicians)
    dialog.search.setText(technicians[-1].employee_no)
    assert dialog.table.rowCount() == 1


@pytest.mark.parametrize("band", [Band.RED, Band.BREACHED])
def test_crossing_into_red_or_breached_raises_an_alert_and_updates_the_counts(qtbot, demo_db, tmp_path: Path, band) -> None:
    clock = FakeClock()
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock)
    row = next(window.model.row_at(r) for r in range(window.model.rowCount())
               if not window.model.row_at(r).paused and window.model.band(window.model.row_at(r), clock.now) is Band.AMBER)
    before = dict(window.queue.watch.counts)
    clock.now = (row.sla.times.red_at if band is Band.RED else row.sla.times.due_at) + timedelta(seconds=1)
    with qtbot.waitSignal(window.queue.sla_alert, timeout=5_000) as blocker:
        window.queue.tick()
    assert (row.number, band) in blocker.args[0]
    counts = window.queue.watch.counts
    assert window.queue.watch.band(row.id) is band and sum(counts.values()) == sum(before.values())
    assert window.queue.alert_band(row.id) is band  # an alert (the list's, and its count's)
    window.alerts_dock.show()  # (its lines are filled while shown; the count always)
    panel = window.alerts
    qtbot.waitUntil(lambda: any(line.key == (row.id, band) for line in panel.lines), timeout=5_000)
    assert panel.unacknowledged == sum(1 for line in panel.lines if line.key not in panel.model._acks)
    assert window.band_labels[band].text().endswith(f"{window.queue.watch.counts[band]:,}")


def test_two_quick_actions_both_reach_the_queue(qtbot, demo_db, tmp_path: Path) -> None:
    from console.core.changes import Changes
    from console.core.services.orders import OrderActions

    window = open_window(qtbot, demo_db, tmp_path, english=True)
    x = next(r for r in window.model.all_rows() if r.status is OrderStatus.ACCEPTED and not r.paused)
    y = next(r for r in window.model.all_rows() if r.id != x.id and r.priority != 1)
    actions = OrderActions(demo_db, DeskReader(demo_db).user(None), FakeClock())
    actions.pause([x.id], PauseReason.CUSTOMER_NOT_READY)
    window.apply_changes(Changes(orders=frozenset({x.id})))
    actions.set_priority([y.id], 1)
    window.apply_changes(Changes(orders=frozenset({y.id})))

    def both_shown() -> bool:
        rows = {r.id: r for r in window.model.all_rows()}
        return rows[x.id].paused and rows[y.id].priority == 1

    qtbot.waitUntil(both_shown, timeout=10_000)
    qtbot.wait(300)  # any late merge must not undo either
    assert both_shown()


def test_reselecting_many_rows_is_one_selection_change(qtbot, demo_db, tmp_path: Path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    ids = [window.model.row_at(r).id for r in range(0, 120, 2)]
    with qtbot.waitSignals([window.queue.selection_changed], timeout=2_000):
        window.queue.reselect(ids)
    emitted = []
    window.queue.selection_changed.connect(emitted.append)
    window.queue.reselect(list(reversed(ids)))
    assert len(emitted) <= 1 and sorted(window.queue.selected_ids()) == sorted(ids)


def test_the_status_bars_band_counts_follow_the_filter(qtbot, demo_db, tmp_path: Path) -> None:
    """The counts beside the user's name are of the orders the queue shows; the data file's path is
    in the user's tooltip, not in the way of the status bar's messages."""
    from console.core.domain.enums import OrderKind
    from console.core.services.queue_filter import QueueFilter

    window = open_window(qtbot, demo_db, tmp_path, english=True)
    everything = dict(window.queue.watch.counts)
    with qtbot.waitSignal(window.queue.band_counts_changed, timeout=2_000) as blocker:
        window.queue.filter_bar.filter_changed.emit(QueueFilter(kinds=frozenset({OrderKind.FAULT})))
    faults = blocker.args[0]
    assert sum(faults.values()) == window.model.rowCount() < sum(everything.values())
    assert all(faults[band] <= everything[band] for band in Band)
    assert window.band_labels[Band.GREEN].text().endswith(f" {faults[Band.GREEN]:,}")
    with qtbot.waitSignal(window.queue.band_counts_changed, timeout=2_000) as blocker:
        window.queue.filter_bar.filter_changed.emit(QueueFilter())
    assert blocker.args[0] == everything
    assert "desk.sqlite" in window.user_label.toolTip()
