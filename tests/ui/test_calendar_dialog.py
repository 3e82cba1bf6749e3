from datetime import date

from PySide6.QtCore import QDate

from console.core.services.calendar import CalendarAdmin
from console.core.services.desk import DeskReader
from console.ui.calendar_dialog import HOLIDAY, CalendarDialog
from tests.fixtures.demo import DEMO_NOW, PROVISIONAL_YEAR


def dialog_for(qtbot, demo_db, username, can_edit) -> CalendarDialog:
    reader = DeskReader(demo_db)
    dialog = CalendarDialog(CalendarAdmin(demo_db, reader.user(username), lambda: DEMO_NOW), can_edit)
    qtbot.addWidget(dialog)
    dialog.calendar.setCurrentPage(2026, 10)
    return dialog


def test_the_calendar_shows_holidays_and_make_up_days(qtbot, demo_db) -> None:
    dialog = dialog_for(qtbot, demo_db, None, True)
    assert dialog.calendar.dateTextFormat(QDate(2026, 10, 3)).background().color() == HOLIDAY
    dialog.calendar.setSelectedDate(QDate(2026, 10, 10))
    assert "make-up working day" in dialog.day_info.text()
    assert "official schedule" in dialog.coverage.text()
    dialog.calendar.setCurrentPage(PROVISIONAL_YEAR, 1)
    assert "provisional" in dialog.coverage.text()


def test_a_supervisor_sets_a_day_off_and_the_queue_is_told(qtbot, demo_db) -> None:
    dialog = dialog_for(qtbot, demo_db, "supervisor.central", True)
    dialog.calendar.setSelectedDate(QDate(2026, 11, 24))
    dialog.note.setText("停电检修")
    with qtbot.waitSignal(dialog.changes_made, timeout=20_000) as blocker:
        dialog.off.click()
    assert blocker.args[0].everything and blocker.args[0].orders
    assert "day off, set by a supervisor (停电检修)" in dialog.day_info.text()
    assert not DeskReader(demo_db).rules()[1].is_working_day(date(2026, 11, 24))


def test_a_dispatcher_cannot_change_it(qtbot, demo_db) -> None:
    dialog = dialog_for(qtbot, demo_db, "wang.wei.central", False)
    assert not dialog.off.isEnabled() and not dialog.official.isEnabled()
