"""The dispatcher's alert list: every red or late order, unacknowledged first in bold, acknowledged
with a note (an audit row, synced), the count in the status bar, a sound that can be switched off,
and a double click shows the order in the queue."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

from console.core.domain.alerts import ORDER_KINDS, AlertKind
from console.core.domain.enums import Band
from console.core.services.alerts import acknowledgements
from console.ui.alerts_dock import AcknowledgeDialog
from tests.ui.helpers import FakeClock, open_window


def _accept_with(note: str) -> None:
    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, AcknowledgeDialog) and w.isVisible())
        dialog.note.setPlainText(note)
        dialog._accept()
    QTimer.singleShot(0, answer)


def test_the_list_holds_every_red_and_late_order_and_an_acknowledgement_is_kept_with_its_note(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    window.alerts_dock.show()  # (the list is sorted and filled while shown; the count always)
    panel = window.alerts
    now = window.model.clock()
    expected = {(r.id, b) for r in window.model.all_rows() if (b := window.model.band(r, now)) in (Band.RED, Band.BREACHED)}
    qtbot.waitUntil(lambda: sum(line.alert.kind in ORDER_KINDS for line in panel.lines) == len(expected) > 0, timeout=5000)
    assert {(line.alert.order_id, line.alert.kind) for line in panel.lines if line.alert.kind in ORDER_KINDS} == expected
    total = panel.unacknowledged
    assert window.alerts_count.text().startswith(f"⚠ {total} alerts")
    row = next(r for r, line in enumerate(panel.lines) if line.alert.kind in ORDER_KINDS and line.key not in panel.model._acks)
    panel.table.selectRow(row)
    first_id, kind = panel.model.index(row, 0).data(Qt.ItemDataRole.UserRole), panel.lines[row].alert.kind
    _accept_with("called the technician, on site in 20 minutes")
    panel.acknowledge_selected()
    qtbot.waitUntil(lambda: window.alerts_count.text().startswith(f"⚠ {total - 1} alerts"), timeout=5000)
    row = next(r for r, line in enumerate(panel.lines) if line.key == (first_id, kind))
    assert panel.model.index(row, panel.ACKNOWLEDGED).data().startswith("✓ ")
    assert "called the technician" in panel.model.index(row, panel.ACKNOWLEDGED).data(Qt.ItemDataRole.ToolTipRole)
    assert panel.model.index(row, panel.NUMBER).data(Qt.ItemDataRole.FontRole) is None  # (bold while not acknowledged)
    acks = acknowledgements(demo_db, [first_id])
    assert acks[(first_id, kind)].note == "called the technician, on site in 20 minutes"


def test_an_order_turning_red_sounds_once_unless_the_sound_is_off_and_a_double_click_shows_it(qtbot, demo_db, tmp_path, monkeypatch) -> None:
    clock = FakeClock()
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock)
    window.alerts_dock.show()
    panel = window.alerts
    beeps: list[bool] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(True)))
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    before = panel.model.rowCount()
    amber = next(r for r in window.model.all_rows() if window.model.band(r, clock.now) is Band.AMBER and not r.paused)
    clock.now = amber.sla.times.red_at + timedelta(seconds=1)
    window.queue.tick()
    qtbot.waitUntil(lambda: panel.model.rowCount() > before, timeout=5000)
    assert beeps == [True]
    panel.sound.setChecked(False)
    another = next(r for r in window.model.all_rows() if window.model.band(r, clock.now) is Band.AMBER and not r.paused)
    count = panel.model.rowCount()
    clock.now = another.sla.times.red_at + timedelta(seconds=1)
    window.queue.tick()
    qtbot.waitUntil(lambda: panel.model.rowCount() > count, timeout=5000)
    assert beeps == [True]
    row = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data(Qt.ItemDataRole.UserRole) == amber.id)
    panel.table.doubleClicked.emit(panel.model.index(row, 0))
    assert window.queue.selected_ids() == [amber.id]


def test_a_note_too_long_is_refused_in_the_dialog_and_nothing_is_written(qtbot) -> None:
    dialog = AcknowledgeDialog(2)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("x" * 501)
    dialog._accept()
    assert dialog.result() == 0 and "500" in dialog.problem.text()


def test_escalated_alerts_come_first_with_a_banner_and_a_long_pause_is_acknowledged_from_the_list(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    window.alerts_dock.show()
    panel = window.alerts
    qtbot.waitUntil(lambda: any(line.alert.kind is AlertKind.LONG_PAUSE for line in panel.lines), timeout=5000)
    up = [line for line in panel.lines if line.key not in panel.model._acks and (line.escalated or line.escalation_due)]
    assert up and panel.lines[:len(up)] == up  # escalated ones first
    assert panel.banner.isVisibleTo(panel) and str(len(up)) in panel.banner.text()
    assert f"⇪ {len(up)} escalated" in window.alerts_count.text()
    assert panel.model.index(0, panel.ACKNOWLEDGED).data().startswith("⇪ Escalated")
    row = next(r for r, line in enumerate(panel.lines) if line.alert.kind is AlertKind.LONG_PAUSE and line.key not in panel.model._acks)
    pause_id = panel.lines[row].alert.subject_id
    assert panel.model.index(row, panel.KIND).data() == "Long pause"
    before = panel.unacknowledged
    panel.table.selectRow(row)
    _accept_with("客户装修中，已请值班长审批")
    panel.acknowledge_selected()
    qtbot.waitUntil(lambda: panel.unacknowledged == before - 1, timeout=5000)
    assert acknowledgements(demo_db, [panel.lines[0].alert.order_id] + [line.alert.order_id for line in panel.lines
                                                                      if line.alert.subject_id == pause_id])[
        (pause_id, AlertKind.LONG_PAUSE)].note == "客户装修中，已请值班长审批"
