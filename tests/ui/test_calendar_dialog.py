from datetime import date

from PySide6.QtCore import QDate

from console.core.services.calendar import CalendarAdmin
from console.core.services.desk import DeskReader
from console.ui.calendar_dialog import HOLIDAY, CalendarDialog
from console.ui.operations import ChangeBus, Operations
from tests.fixtures.demo import DEMO_NOW, PROVISIONAL_YEAR, off_gui_thread


def dialog_for(request, qtbot, demo_db, username, can_edit) -> CalendarDialog:
    admin = CalendarAdmin(demo_db, DeskReader(demo_db).user(username), lambda: DEMO_NOW)
    request.getfixturevalue("gui_thread_guard")  # from here on, every read and write off the GUI thread
    dialog = CalendarDialog(admin, Operations(ChangeBus()), can_edit)
    qtbot.addWidget(dialog)
    dialog.calendar.setCurrentPage(2026, 10)
    shown(qtbot, dialog, 2026)
    return dialog


def shown(qtbot, dialog: CalendarDialog, year: int) -> None:
    qtbot.waitUntil(lambda: dialog._view is not None and dialog._view.year == year, timeout=10_000)


def test_the_calendar_shows_holidays_and_make_up_days(request, qtbot, demo_db) -> None:
    dialog = dialog_for(request, qtbot, demo_db, None, True)
    assert dialog.calendar.dateTextFormat(QDate(2026, 10, 3)).background().color() == HOLIDAY
    dialog.calendar.setSelectedDate(QDate(2026, 10, 10))
    assert "make-up working day" in dialog.day_info.text()
    assert "official schedule" in dialog.coverage.text()
    dialog.calendar.setCurrentPage(PROVISIONAL_YEAR, 1)
    shown(qtbot, dialog, PROVISIONAL_YEAR)
    assert "provisional" in dialog.coverage.text()


def test_a_supervisor_sets_a_day_off_and_the_queue_is_told(request, qtbot, demo_db) -> None:
    dialog = dialog_for(request, qtbot, demo_db, "supervisor.central", True)
    dialog.calendar.setSelectedDate(QDate(2026, 11, 24))
    dialog.note.setText("停电检修")
    with qtbot.waitSignal(dialog._operations.bus.changed, timeout=20_000) as blocker:
        dialog.off.click()
    assert blocker.args[0].everything and blocker.args[0].orders and blocker.args[1] is dialog
    qtbot.waitUntil(lambda: "day off" in dialog.day_info.text(), timeout=10_000)
    assert "day off, set by a supervisor (停电检修)" in dialog.day_info.text()
    assert not off_gui_thread(lambda: DeskReader(demo_db).rules()[1].is_working_day(date(2026, 11, 24)))


def test_a_dispatcher_cannot_change_it(request, qtbot, demo_db) -> None:
    dialog = dialog_for(request, qtbot, demo_db, "wang.wei.central", False)
    assert not dialog.off.isEnabled() and not dialog.official.isEnabled()

