"""The monthly report's dialog on the hand-built desk (tests/core/services/dashboard_cases.py): made
off the GUI thread with its progress, the PDF and the workbook saved side by side and the PDF's text
read back (English and Chinese, the fonts embedded), a supervisor marking it sent, and the
reminder in the status bar; the window's File menu and a supervisor's reminder on the demo desk."""

from __future__ import annotations

import threading
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from pypdf import PdfReader
from PySide6.QtCore import QCoreApplication, QLocale

from console.core.domain.enums import OrderKind, Role
from console.core.services.dashboards import Dashboards
from console.core.services.monthly_report import MonthlyReports
from console.core.services.report_sends import ReportSends
from console.core.store.models import User
from console.core.store.rows import DeskUser
from console.thread_guard import guard_thread
from console.ui import labels
from console.ui.i18n import install_translators
from console.ui.operations import ChangeBus, Operations
from console.ui.report_dialog import MonthlyReportDialog
from console.ui.report_reminder import ReportReminder
from tests.core.services.dashboard_cases import SH, Centre, build
from tests.ui.helpers import FakeClock, open_window

AFTER = datetime(2026, 12, 2, 10, 0, tzinfo=SH)


@pytest.fixture
def centre(tmp_path) -> Centre:
    built = build(tmp_path / "desk.sqlite")
    yield built
    built.database.close()


def supervisor(centre: Centre) -> DeskUser:
    with centre.database.unit_of_work() as s:
        row = User(username="one", display_name="值班长甲", role=Role.SUPERVISOR, region_id=centre.r1)
        s.add(row)
        s.flush()
        return DeskUser(row.id, "one", "值班长甲", Role.SUPERVISOR, centre.r1, "一区", "One")


def dialog_for(qtbot, centre: Centre, user: DeskUser, clock: FakeClock) -> MonthlyReportDialog:
    operations = Operations(ChangeBus())
    dialog = MonthlyReportDialog(MonthlyReports(centre.database), ReportSends(centre.database, user, clock),
                                 Dashboards(centre.database).regions, user, operations, SH, False, clock)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def pdf_text(path: Path) -> str:
    """The PDF's text as pypdf reads it, whitespace made single spaces (pypdf breaks the line where the font
    changes, between Chinese and Latin letters: `compact` compares without spaces)."""
    text = " ".join(page.extract_text() for page in PdfReader(path).pages)
    assert not any(0x2E80 <= ord(c) < 0x2FE0 for c in text)  # ideographs named as such, not as Kangxi radicals (一, not ⼀)
    return " ".join(text.split())


def compact(text: str) -> str:
    return text.replace(" ", "")


def embedded_fonts(path: Path) -> set[str]:
    found = set()
    for page in PdfReader(path).pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"].get_object()
            if "/FontFile2" in descriptor or "/FontFile3" in descriptor:
                found.add(str(font["/BaseFont"]))
    return found


def generate(qtbot, dialog: MonthlyReportDialog, path: Path) -> None:
    with qtbot.waitSignal(dialog.finished_generating, timeout=60_000):
        dialog.generate(path)
    assert dialog.saved == (path, path.with_suffix(".xlsx")), dialog.status.text()


def test_the_report_is_made_off_the_gui_thread_and_saved_as_pdf_and_workbook(qtbot, centre, tmp_path) -> None:
    clock = FakeClock(AFTER)
    dialog = dialog_for(qtbot, centre, supervisor(centre), clock)
    assert dialog.chosen() == (datetime(2026, 11, 1).date(), centre.r1) and not dialog.region.isEnabled()
    lift = guard_thread(centre.database.engine, threading.current_thread(), strict=True)
    try:
        generate(qtbot, dialog, tmp_path / "report.pdf")
    finally:
        lift()
    text = pdf_text(tmp_path / "report.pdf")
    for expected in ("Monthly operational analysis report", "Region: 一区", "Month: 2026-11", "Made at: 2026-12-02 10:00",
                     "SLA compliance of the orders finished in the month 75.0%", "Provisioning 2 1 1 50.0%", "黄浦区",
                     "Customer-level quotas", "一区 10 2 20.0% yes 2 20.0% no", "Page 1 of 5"):
        assert expected in text, expected
    assert "SV20261123000001客户a6Survey" in compact(text)
    assert {"NotoSansCJKsc-Regular", "DejaVuSans"} <= {name.split("+")[-1].lstrip("/") for name in embedded_fonts(tmp_path / "report.pdf")}
    book = openpyxl.load_workbook(tmp_path / "report.xlsx")
    assert book["SLA compliance"]["E3"].value == 0.5 and book["Breaches"].max_row == 6
    assert "page" in dialog.status.text() and dialog.document.pageCount() >= 4 and dialog.open_pdf.isEnabled()


def test_in_chinese_the_pdf_says_the_desks_words(qtbot, qapp, centre, tmp_path) -> None:
    locale = QLocale()
    translators = install_translators(qapp, "zh_CN")
    try:
        dialog = dialog_for(qtbot, centre, supervisor(centre), FakeClock(AFTER))
        generate(qtbot, dialog, tmp_path / "报告.pdf")
        provisioning = labels.name(OrderKind.PROVISIONING)
        assert provisioning != "Provisioning"  # (the desk's Chinese name of the kind)
        text = pdf_text(tmp_path / "报告.pdf")
        assert f"{provisioning}21150.0%" in compact(text) and "客户a6" in compact(text) and "一区" in text
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)


def test_a_supervisor_marks_the_report_sent_and_the_reminder_goes(qtbot, centre) -> None:
    clock = FakeClock(datetime(2026, 12, 7, 9, 0, tzinfo=SH))
    user = supervisor(centre)
    sends = ReportSends(centre.database, user, clock)
    reminder = ReportReminder(sends.reminder, Operations(ChangeBus()), False)
    qtbot.addWidget(reminder)
    reminder.refresh()
    qtbot.waitUntil(lambda: reminder.reminder is not None)
    assert reminder.isVisibleTo(None) or reminder.reminder.overdue
    assert "2026-11" in reminder.text() and "#c62828" in reminder.styleSheet()  # after the 5th: red
    dialog = dialog_for(qtbot, centre, user, clock)
    dialog.marked.connect(reminder.refresh)
    qtbot.waitUntil(lambda: dialog.mark_button.isEnabled())
    assert "2026-12-05" in dialog.sent.text()
    dialog.note.setText("邮件报网络部")
    dialog.mark_button.click()
    qtbot.waitUntil(lambda: dialog.sent.text().startswith(QCoreApplication.translate("MonthlyReportDialog", "Sent")), timeout=10_000)
    assert "值班长甲" in dialog.sent.text() and "邮件报网络部" in dialog.sent.text() and not dialog.mark_button.isEnabled()
    qtbot.waitUntil(lambda: reminder.reminder is None and not reminder.isVisible())


def test_a_dispatcher_makes_the_report_but_does_not_mark_it_sent(qtbot, centre) -> None:
    user = DeskUser(None, "d", "d", Role.DISPATCHER, centre.r1, "一区", "One")
    dialog = dialog_for(qtbot, centre, user, FakeClock(AFTER))
    qtbot.waitUntil(lambda: "2026-12-05" in dialog.sent.text())
    assert not dialog.mark_button.isEnabled()


def test_the_window_offers_the_report_in_the_supervisor_menu_and_reminds_a_supervisor(qtbot, demo_db, tmp_path) -> None:
    clock = FakeClock(datetime(2026, 12, 6, 9, 0, tzinfo=SH))
    window = open_window(qtbot, demo_db, tmp_path, username="supervisor.central", english=True, clock=clock)
    assert window.report_action in window.supervisor_menu.actions()
    qtbot.waitUntil(lambda: window.report_reminder.reminder is not None, timeout=10_000)
    assert window.report_reminder.reminder.overdue and "overdue" in window.report_reminder.text()
    window.report_action.trigger()
    qtbot.waitUntil(lambda: window.report_dialog.region.count() == 1)
    assert window.report_dialog.chosen()[0].isoformat() == "2026-11-01"
    window.report_dialog.close()
