"""The rules editor offscreen: a supervisor edits limits, bands, hours, reason lists and audit rules,
each change through the operations bus with a reason, deadlines recomputed in the background with
progress; refusals shown with what was typed kept; a dispatcher only reads. The GUI thread is
guarded: any statement on it fails the test."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QStatusBar

from console.core.domain.enums import CancelReason, OrderKind, PauseReason
from console.core.domain.reasons import ReasonEntry, ReasonKind, default_list
from console.core.services.deadlines import Affected, read_affected
from console.core.services.desk import DeskReader
from console.core.services.rules_admin import RulesAdmin
from console.core.store.rules import parameters
from console.ui import reason_choices
from console.ui.deadline_recompute import DeadlineRecompute
from console.ui.operations import ChangeBus, Operations
from console.ui.order_action_dialogs import PauseDialog
from console.ui.rules_editor import RulesEditor
from tests.fixtures.demo import DEMO_NOW, off_gui_thread


def editor_for(request, qtbot, demo_db, username="supervisor.central", chunk=100) -> RulesEditor:
    admin = RulesAdmin(demo_db, DeskReader(demo_db).user(username), lambda: DEMO_NOW)
    request.getfixturevalue("gui_thread_guard")
    operations = Operations(ChangeBus())
    bar = QStatusBar()
    qtbot.addWidget(bar)
    recompute = DeadlineRecompute(demo_db, lambda: DEMO_NOW, operations, bar, chunk=chunk)
    editor = RulesEditor(admin, operations, recompute)
    qtbot.addWidget(editor)
    editor.status_bar = bar  # (kept alive with the editor: the bar shows the recomputation's progress)
    editor.show()
    qtbot.waitUntil(lambda: editor.limits.table.rowCount() > 0, timeout=10_000)
    return editor


def row_of(editor: RulesEditor, kind: str, stage: str, grade: str) -> int:
    lines = editor.limits._lines
    return next(i for i, line in enumerate(lines) if (line.kind.value, line.stage.value, line.grade) == (kind, stage, grade))


def stored(demo_db, key):
    return off_gui_thread(lambda: _read(demo_db, key))


def _read(demo_db, key):
    with demo_db.reading() as s:
        return parameters(s)[key]


def test_a_limit_edited_in_place_is_saved_with_its_reason_and_deadlines_follow_with_progress(request, qtbot, demo_db) -> None:
    editor = editor_for(request, qtbot, demo_db)
    row = row_of(editor, "fault", "restoration", "ordinary")
    editor.limits.table.item(row, 3).setText("abc")
    assert "amount must be a number" in editor.limits.problem.text()
    editor.apply.click()
    assert "amount must be a number" in editor.problem.text()  # refused before anything is sent; what was typed stays
    assert editor.limits.table.item(row, 3).text() == "abc"
    editor.limits.table.item(row, 3).setText("12")
    editor.apply.click()
    assert "Say why" in editor.problem.text()
    editor.why.setText("2027 年服务协议")
    steps = []
    editor._recompute.progressed.connect(lambda done, total: steps.append((done, total)))
    with qtbot.waitSignal(editor._recompute.finished, timeout=30_000) as finished:
        editor.apply.click()
    total = off_gui_thread(lambda: len(read_affected(demo_db, Affected(kind=OrderKind.FAULT))))
    assert finished.args == [total] and steps[-1] == (total, total) and len(steps) == -(-total // 100)
    qtbot.waitUntil(lambda: editor.limits.table.item(row_of(editor, "fault", "restoration", "ordinary"), 3).text() == "12",
                    timeout=10_000)
    assert "Saved" in editor.problem.text() and editor.why.text() == ""
    assert not editor._recompute.bar.isVisible()


def test_bands_raised_together_are_sent_in_an_order_each_is_valid_in(request, qtbot, demo_db) -> None:
    editor = editor_for(request, qtbot, demo_db)
    editor.tabs.setCurrentWidget(editor.bands)
    editor.bands.fields["sla.band.amber_from"].setText("0.85")  # above the red in force (0.8): red must go first
    editor.bands.fields["sla.band.red_from"].setText("0.95")
    editor.bands._check()
    assert editor.bands.problem.text() == ""
    editor.why.setText("总部通知")
    with qtbot.waitSignal(editor.saved, timeout=30_000):
        editor.apply.click()
    assert (stored(demo_db, "sla.band.amber_from"), stored(demo_db, "sla.band.red_from")) == ("0.85", "0.95")
    qtbot.waitUntil(lambda: not editor._recompute.busy, timeout=30_000)
    editor.bands.fields["sla.band.red_from"].setText("0.5")
    editor.bands._check()
    assert "amber must start before red" in editor.bands.problem.text()


def test_a_refusal_from_the_operation_is_shown_and_what_was_typed_stays(request, qtbot, demo_db) -> None:
    """Red lowered at another desk after the editor read the rules: the amber typed here passes the
    editor's check against what it read, and the operation refuses it against what is in force."""
    editor = editor_for(request, qtbot, demo_db)
    off_gui_thread(lambda: RulesAdmin(demo_db, DeskReader(demo_db).user("supervisor.pudong"), lambda: DEMO_NOW)
                   .set_parameter("sla.band.red_from", "0.6", "another desk"))
    editor.tabs.setCurrentWidget(editor.bands)
    editor.bands.fields["sla.band.amber_from"].setText("0.7")
    editor.bands._check()
    assert editor.bands.problem.text() == ""
    editor.why.setText("总部通知")
    editor.apply.click()
    qtbot.waitUntil(lambda: "Not saved" in editor.problem.text(), timeout=30_000)
    assert "amber must start before red" in editor.problem.text()
    assert editor.bands.fields["sla.band.amber_from"].text() == "0.7" and editor.why.text() == "总部通知"
    assert editor.apply.isEnabled() and stored(demo_db, "sla.band.amber_from") == "0.5"


def test_business_hours_take_a_reason_as_long_as_the_operation_keeps(request, qtbot, demo_db) -> None:
    editor = editor_for(request, qtbot, demo_db)
    editor.tabs.setCurrentWidget(editor.hours)
    editor.hours.fields["calendar.day_end"].setText("17:30")
    editor.why.setText("长" * 400 + "x" * 200)  # (the field holds 500: the operation's own limit)
    assert len(editor.why.text()) == 500
    with qtbot.waitSignal(editor.saved, timeout=30_000):
        editor.apply.click()
    assert stored(demo_db, "calendar.day_end") == "17:30"
    qtbot.waitUntil(lambda: not editor._recompute.busy, timeout=30_000)


def test_an_audit_rule_switched_off_needs_no_recompute(request, qtbot, demo_db) -> None:
    editor = editor_for(request, qtbot, demo_db)
    editor.tabs.setCurrentWidget(editor.audit)
    editor.audit.fields["compliance.signed"].setChecked(False)
    editor.audit.fields["compliance.check_in_grace_minutes"].setText("30")
    editor.why.setText("试点")
    with qtbot.waitSignal(editor._operations.bus.changed, timeout=30_000) as changed:
        editor.apply.click()
    assert changed.args[0].everything
    qtbot.waitUntil(lambda: "Saved" in editor.problem.text(), timeout=10_000)
    assert stored(demo_db, "compliance.signed") is False and stored(demo_db, "compliance.check_in_grace_minutes") == 30
    assert not editor._recompute.busy


def test_a_reason_list_edited_is_offered_by_the_pause_dialog(request, qtbot, demo_db) -> None:
    editor = editor_for(request, qtbot, demo_db)
    editor.tabs.setCurrentWidget(editor.reasons)
    tab = editor.reasons
    tab.kind.setCurrentIndex(tab.kind.findData(ReasonKind.PAUSE))
    tab.table.selectRow(1)  # customer postponed
    tab._move(-1)
    tab.add.click()  # a sub-reason under it
    tab.table.item(1, 1).setText("客户放假")
    assert "English" in tab.problem.text()
    tab.table.item(1, 2).setText("Customer on holiday")
    tab.table.item(2, 3).setCheckState(Qt.CheckState.Unchecked)  # customer not ready: no longer offered
    assert tab.problem.text() == ""
    editor.why.setText("细分原因")
    with qtbot.waitSignal(editor.saved, timeout=30_000):
        editor.apply.click()
    lists = off_gui_thread(lambda: RulesAdmin(demo_db, DeskReader(demo_db).user(None), lambda: DEMO_NOW).reason_lists())
    reason_choices.use(lists, english=True)
    try:
        dialog = PauseDialog(3)
        qtbot.addWidget(dialog)
        combo: QComboBox = dialog.reason
        assert [combo.itemData(i) for i in range(combo.count())] == [None, PauseReason.CUSTOMER_POSTPONED, PauseReason.CUSTOMER_POSTPONED]
        assert "Customer on holiday" in combo.itemText(2)
        combo.setCurrentIndex(2)
        dialog.note.setPlainText("下周一回来")
        assert dialog.recorded_note() == "客户放假\n下周一回来"
    finally:
        reason_choices.use({kind: default_list(kind) for kind in ReasonKind}, english=False)


def test_a_dispatcher_reads_the_rules_and_changes_nothing(request, qtbot, demo_db) -> None:
    editor = editor_for(request, qtbot, demo_db, "wang.wei.central")
    assert not editor.apply.isEnabled() and not editor.why.isEnabled()
    assert "Only a shift supervisor" in editor.problem.text()
    row = row_of(editor, "fault", "restoration", "ordinary")
    assert not editor.limits.table.item(row, 3).flags() & Qt.ItemFlag.ItemIsEditable
    assert editor.bands.fields["sla.band.red_from"].isReadOnly() and not editor.audit.fields["compliance.signed"].isEnabled()
    assert Decimal(editor.limits.table.item(row, 3).text()) == 24


def test_the_window_offers_the_editor_and_its_dialogs_the_stored_lists(qtbot, demo_db, tmp_path) -> None:
    from tests.ui.helpers import open_window

    entries = [ReasonEntry("duplicate", zh="重复派单", en="Ordered twice"), *[ReasonEntry(r.value) for r in CancelReason if r.value != "duplicate"]]
    RulesAdmin(demo_db, DeskReader(demo_db).user("supervisor.central"), lambda: DEMO_NOW).set_reasons(ReasonKind.CANCEL, entries, "x")
    try:
        window = open_window(qtbot, demo_db, tmp_path, "wang.wei.central", english=True)
        assert window.rules_action in window.supervisor_menu.actions()
        qtbot.waitUntil(lambda: reason_choices.choices(ReasonKind.CANCEL)[0].label == "Ordered twice", timeout=10_000)
    finally:
        reason_choices.use({kind: default_list(kind) for kind in ReasonKind}, english=False)


def test_the_menu_opens_one_editor_read_again_when_opened_anew(qtbot, demo_db, tmp_path) -> None:
    from tests.ui.helpers import open_window

    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    window.rules_action.trigger()
    editor = window.rules_editor
    qtbot.waitUntil(lambda: editor.limits.table.rowCount() > 0, timeout=10_000)
    assert editor.apply.isEnabled()
    editor.close()
    window.rules_action.trigger()
    assert window.rules_editor is editor and editor.isVisible()
