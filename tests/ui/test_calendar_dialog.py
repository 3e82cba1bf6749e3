from datetime import date
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QFont, QTextFormat

from console.core.services.calendar import CalendarAdmin
from console.core.services.desk import DeskReader
from console.ui.calendar_dialog import HOLIDAY, MAKE_UP, WEEKEND, CalendarDialog
from console.ui.operations import ChangeBus, Operations
from tests.fixtures.demo import DEMO_NOW, PROVISIONAL_YEAR, off_gui_thread


def dialog_for(request, qtbot, demo_db, username, can_edit) -> CalendarDialog:
    admin = CalendarAdmin(demo_db, DeskReader(demo_db).user(username), lambda: DEMO_NOW)
    request.getfixturevalue("gui_thread_guard")  # from here on, every read and write off the GUI thread
    dialog = CalendarDialog(admin, Operations(ChangeBus()), can_edit, today=DESK_TODAY)
    qtbot.addWidget(dialog)
    shown(qtbot, dialog, 2026)
    dialog.calendar.setCurrentPage(2026, 10)
    return dialog


DESK_TODAY = DEMO_NOW.astimezone(ZoneInfo("Asia/Shanghai")).date()


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



def test_it_opens_on_the_desks_date(request, qtbot, demo_db) -> None:
    admin = CalendarAdmin(demo_db, DeskReader(demo_db).user(None), lambda: DEMO_NOW)
    request.getfixturevalue("gui_thread_guard")
    dialog = CalendarDialog(admin, Operations(ChangeBus()), False, today=DESK_TODAY)
    qtbot.addWidget(dialog)
    assert dialog.calendar.selectedDate() == QDate(2026, 11, 22)
    assert (dialog.calendar.yearShown(), dialog.calendar.monthShown()) == (2026, 11)
    shown(qtbot, dialog, 2026)
    assert "2026-11-22" in dialog.day_info.text()


def test_weekends_holidays_and_make_up_days_look_different(request, qtbot, demo_db) -> None:
    dialog = dialog_for(request, qtbot, demo_db, None, False)
    saturday = dialog.calendar.weekdayTextFormat(Qt.DayOfWeek.Saturday).background().color()
    holiday = dialog.calendar.dateTextFormat(QDate(2026, 10, 3)).background().color()
    make_up = dialog.calendar.dateTextFormat(QDate(2026, 10, 10))  # a Saturday worked for the National Day week
    assert saturday == WEEKEND and holiday == HOLIDAY and make_up.background().color() == MAKE_UP
    assert len({saturday.name(), holiday.name(), make_up.background().color().name()}) == 3
    assert make_up.fontWeight() == QFont.Weight.Bold
    assert not dialog.calendar.dateTextFormat(QDate(2026, 10, 17)).hasProperty(QTextFormat.Property.BackgroundBrush)  # a plain Saturday


def test_the_years_overrides_are_listed_and_a_row_selects_its_day(request, qtbot, demo_db) -> None:
    dialog = dialog_for(request, qtbot, demo_db, "supervisor.central", True)
    before = dialog.overrides.rowCount()
    dialog.calendar.setSelectedDate(QDate(2026, 11, 24))
    dialog.note.setText("停电检修")
    dialog.off.click()
    qtbot.waitUntil(lambda: dialog.overrides.rowCount() == before + 1, timeout=20_000)
    row = next(r for r in range(dialog.overrides.rowCount()) if dialog.overrides.item(r, 0).text().startswith("2026-11-24"))
    assert dialog.overrides.item(row, 1).text() == "day off" and dialog.overrides.item(row, 2).text() == "停电检修"
    assert f"2026: {before + 1}" in dialog.overrides_title.text()
    assert dialog.calendar.dateTextFormat(QDate(2026, 11, 24)).fontUnderline()
    dialog.calendar.setSelectedDate(QDate(2026, 11, 2))
    dialog.overrides.selectRow(row)
    assert dialog.calendar.selectedDate() == QDate(2026, 11, 24)
