"""The compliance audit's dock: the month's non-compliant orders with the rules they broke, the
tallies per technician and team, and a supervisor's finding recorded from it."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.ui.compliance_dock import FindingDialog
from tests.ui.helpers import open_window


def test_a_supervisor_sees_the_months_audit_and_records_a_finding(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, username="supervisor.central", english=True)
    panel = window.compliance
    window.compliance_dock.show()
    qtbot.waitUntil(lambda: panel.orders.rowCount() > 0, timeout=10_000)
    report = panel._report
    assert panel.orders.rowCount() == len(report.lines) and report.audited > len(report.lines)
    assert "orders audited" in panel.summary.text()
    assert panel.people.rowCount() == len(report.by_technician) and panel.teams.rowCount() == len(report.by_team)
    assert panel.record.isVisible()
    panel.orders.selectRow(0)
    number = panel.orders.item(0, 1).text()

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, FindingDialog) and w.isVisible())
        dialog.finding.setPlainText("签到超出300米")
        dialog.remedy.setPlainText("技术员培训，一周内复查")
        dialog.accept()

    QTimer.singleShot(0, answer)
    panel.record_finding()
    qtbot.waitUntil(lambda: any(panel.orders.item(r, 1).text() == number and "签到超出300米" in panel.orders.item(r, 6).text()
                                for r in range(panel.orders.rowCount())), timeout=10_000)


def test_a_dispatcher_sees_the_audit_but_records_no_finding(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, username="wang.wei.central", english=True)
    window.compliance_dock.show()
    qtbot.waitUntil(lambda: window.compliance.orders.rowCount() > 0, timeout=10_000)
    assert not window.compliance.record.isVisible()
