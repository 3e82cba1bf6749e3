"""The optimiser as a dispatcher uses it: run for a day, review the proposal, commit part of it; a
plan that someone else changed meanwhile is refused and a new run offered."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import func, select, update

from console.core.store.models import Appointment, AuditEntry
from tests.fixtures.demo import DEMO_NOW
from tests.ui.helpers import FakeClock, open_window


@pytest.fixture
def dialog(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path, username="admin", english=True, clock=FakeClock(DEMO_NOW))
    window.optimise_action.trigger()
    dialog = window.optimiser_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.region.count() > 0, timeout=10_000)  # the regions are read off the GUI thread
    dialog.first_day.setDate(QDate(2026, 11, 23))
    dialog.seconds.setValue(5)
    return dialog


def run(qtbot, dialog) -> None:
    dialog.run_button.click()
    assert dialog.stop_button.isEnabled() and not dialog.run_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=60_000)


def test_run_review_and_commit_the_ticked_lines(qtbot, dialog, demo_db) -> None:
    run(qtbot, dialog)
    assert dialog.progress.value() == 1000
    assert "changes" in dialog.summary.text() and "km" in dialog.summary.text()
    ticked = dialog.table.ticked()
    assert ticked and dialog.table.rowCount() >= len(ticked)
    needs_reason = dialog.reason.isEnabled()
    if needs_reason:  # warnings among the ticked lines: no commit without a reason
        assert not dialog.commit_button.isEnabled()
        dialog.reason.setText("Monday's plan")
    assert dialog.commit_button.isEnabled()
    before = _count(demo_db)
    with qtbot.waitSignal(dialog.plan_written, timeout=20_000):
        dialog.commit_button.click()
        assert not dialog.reason.isEnabled() and not dialog.again_button.isEnabled() and not dialog.table.isEnabled()
        dialog.reason.setText("typing while it writes")  # must not re-enable Commit
        assert not dialog.commit_button.isEnabled()
    assert dialog.proposal.applied == ticked
    assert "written" in dialog.selection_label.text()
    assert _count(demo_db) >= before + sum(1 for k in ticked if dialog.proposal.line(k).appointment_id is None)
    with demo_db.reading() as s:
        reasons = set(s.scalars(select(AuditEntry.reason).where(AuditEntry.action == "appointment.moved")))
    assert ("Monday's plan" in reasons) is needs_reason
    row = next(r for r in range(dialog.table.rowCount()) if dialog.table.item(r, 0).data(Qt.ItemDataRole.UserRole) in ticked)
    assert dialog.table.item(row, 8).text() == "Written."
    assert dialog.table.item(row, 0).data(Qt.ItemDataRole.CheckStateRole) is None  # cannot be ticked again


def test_unticking_what_another_line_needs_flags_it_until_repaired(qtbot, dialog) -> None:
    run(qtbot, dialog)
    ticked = dialog.table.ticked()
    proposal = dialog.proposal
    for key in ticked:  # untick one line at a time until another no longer holds without it
        dialog.table.set_ticked(ticked - {key})
        if dialog.repair_button.isVisible():
            break
    else:
        pytest.skip("no line of this proposal depends on another")
    assert not dialog.commit_button.isEnabled()
    assert "do not hold" in dialog.selection_label.text()
    dialog.repair_button.click()
    assert not dialog.repair_button.isVisible()
    assert dialog.table.ticked() < ticked and proposal.applied == set()


def test_a_plan_changed_meanwhile_is_refused_and_a_new_run_offered(qtbot, dialog, demo_db, monkeypatch) -> None:
    run(qtbot, dialog)
    moved = next(dialog.proposal.line(k) for k in dialog.table.ticked() if dialog.proposal.line(k).appointment_id)
    with demo_db.unit_of_work() as s:  # another desk moves a visit the plan read
        s.execute(update(Appointment).where(Appointment.id == moved.appointment_id).values(version=Appointment.version + 1))
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.No)
    dialog.reason.setText("Monday's plan")
    before = _count(demo_db)
    dialog.commit_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert "changed" in asked[0] and "Nothing was written" in asked[0]
    assert dialog.banner.isVisible() and dialog.again_button.isVisible()
    assert _count(demo_db) == before and not dialog.proposal.applied


def test_stop_keeps_the_best_plan_so_far(qtbot, dialog) -> None:
    dialog.seconds.setValue(120)
    dialog.run_button.click()
    qtbot.waitUntil(lambda: dialog.progress.value() > 0, timeout=30_000)
    dialog.stop_button.click()
    qtbot.waitUntil(lambda: dialog.proposal is not None, timeout=15_000)
    assert dialog.proposal.plan.elapsed_s < 60
    assert dialog.run_button.isEnabled()


def test_a_dispatcher_plans_their_own_region_only(qtbot, demo_db, tmp_path) -> None:
    from console.core.domain.enums import Role
    from console.core.store.models import User

    with demo_db.reading() as s:
        dispatcher = s.scalar(select(User).where(User.role == Role.DISPATCHER, User.region_id.is_not(None)))
    window = open_window(qtbot, demo_db, tmp_path, username=dispatcher.username, english=True, clock=FakeClock(DEMO_NOW))
    dialog = window.open_optimiser()
    qtbot.waitUntil(lambda: dialog.region.count() > 0, timeout=10_000)
    assert dialog.region.count() == 1 and dialog.region.currentData() == dispatcher.region_id
    assert not dialog.region.isEnabled()


def _count(db) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(Appointment))


