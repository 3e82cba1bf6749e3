"""The main window opens offscreen on the demo centre and shows its orders, in both languages."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from console.core.domain.enums import Band, OrderKind
from console.core.services.desk import DeskReader
from console.settings import Settings
from console.ui.i18n import choose_language, install_translators
from console.ui.main_window import MainWindow
from console.ui.settings_dialog import SettingsDialog
from console.ui.work_order_table_model import WorkOrderTableModel
from tests.ui import helpers

SH = ZoneInfo("Asia/Shanghai")


@pytest.fixture
def chinese(qapp):
    locale = QLocale()
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        QApplication.removeTranslator(translator)
    QLocale.setDefault(locale)  # (install_translators sets the default locale too: later tests print and format in English)


def open_window(qtbot, demo_db, username=None, english=False, **kwargs) -> MainWindow:
    import tempfile

    return helpers.open_window(qtbot, demo_db, Path(tempfile.mkdtemp()), username, english, **kwargs)


def test_the_window_shows_the_demo_orders_and_the_selected_detail(qtbot, demo_db) -> None:
    window = open_window(qtbot, demo_db, english=True)
    assert window.model.rowCount() == len(DeskReader(demo_db).queue())
    assert "Breached" in window.band_labels[Band.BREACHED].text()
    assert window.sync_label.text() == "Local only"
    target = window.model.row_at(3)
    window.select_order(target.id)
    qtbot.waitUntil(lambda: target.number in window.detail.toPlainText(), timeout=10_000)
    text = window.detail.toPlainText()
    assert target.customer in text and "History" in text and "Order received" in text
    explained = "How each stage's deadline is computed" if target.kind in (OrderKind.FAULT, OrderKind.COMPLAINT) \
        else "How the deadline is computed"  # (a repair and a complaint run several stage clocks)
    assert explained in text and "Due " in text


def test_a_dispatcher_sees_only_the_orders_of_their_region(qtbot, demo_db) -> None:
    everyone = open_window(qtbot, demo_db)
    mine = open_window(qtbot, demo_db, username="wang.wei.central")
    assert 0 < mine.model.rowCount() < everyone.model.rowCount()
    assert "中心城区" in mine.user_label.text()


def test_chinese_is_the_default_and_is_shown(qtbot, demo_db, chinese) -> None:
    assert choose_language("system", "C") == "zh_CN"
    assert choose_language("system", "en_US") == "en"
    assert choose_language("en", "zh_CN") == "en"
    window = open_window(qtbot, demo_db)
    assert window.model.headerData(WorkOrderTableModel.NUMBER, Qt.Orientation.Horizontal) == "工单号"
    assert window.sync_label.text() == "仅本地"
    assert window.menuBar().actions()[0].text() == "文件(&F)"
    levels = {window.model.data(window.model.index(r, WorkOrderTableModel.LEVEL)) for r in range(window.model.rowCount())}
    assert {"钻石", "铜牌"} <= levels


def test_the_settings_dialog_refuses_an_unusable_value(qtbot, monkeypatch) -> None:
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog = SettingsDialog(Settings(), "/tmp/desk.sqlite")
    qtbot.addWidget(dialog)
    dialog.central_url.setText("not a url")
    dialog.accept()
    assert dialog.result_settings is None and "central_url" in warnings[0]
    dialog.central_url.setText("https://centre.example:8443")
    dialog.accept()
    assert dialog.result_settings.central_url == "https://centre.example:8443"


def test_the_gui_thread_never_touches_the_database(request, qtbot, demo_db, tmp_path, monkeypatch) -> None:
    """Every read and write of a dispatcher's day runs off the GUI thread: with the GUI thread's
    statements refused, the window loads, shows a detail, acts on orders, plans, and opens the calendar."""
    from console.core.domain.enums import OrderKind, OrderStatus
    from console.ui.calendar_dialog import CalendarDialog

    window = helpers.desk_window(demo_db, DeskReader(demo_db).user("admin"), helpers.FakeClock(), english=True,
                                 views_file=tmp_path / "views.json")
    qtbot.addWidget(window)
    request.getfixturevalue("gui_thread_guard")
    errors: list = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: errors.append(args[2]))
    window.show()
    window.refresh()
    qtbot.waitUntil(lambda: window._complete and window.model.rowCount() > 0, timeout=10_000)
    # A new repair: on the demo's Sunday the repair teams are on duty (the survey team is not at work).
    row = next(r for r in range(window.model.rowCount())
               if window.model.row_at(r).status is OrderStatus.NEW and window.model.row_at(r).kind is OrderKind.FAULT)
    order = window.model.row_at(row)
    window.select_order(order.id)
    qtbot.waitUntil(lambda: order.number in window.detail.toPlainText(), timeout=10_000)

    window.queue.assign_action.trigger()  # the assign dialog ranks the technicians off the GUI thread
    dialog = window.queue.assigner.dialog
    qtbot.waitUntil(lambda: dialog.choice is not None, timeout=10_000)
    dialog.book.setChecked(False)  # assign only (booking in one step has its own test)
    technician = dialog.choice.technicians[dialog.chosen_technician()]
    with qtbot.waitSignal(window.bus.changed, timeout=10_000) as published:
        dialog.ok.click()
    assert order.id in published.args[0].orders and published.args[1] is window.queue
    qtbot.waitUntil(lambda: next(r for r in window.model.all_rows() if r.id == order.id).assignee == technician.name, timeout=10_000)

    window.tabs.setCurrentWidget(window.planning)
    qtbot.waitUntil(lambda: window.planning.data is not None, timeout=10_000)
    window.planning.show_candidates(order.id)
    qtbot.waitUntil(lambda: window.planning.candidates.table.rowCount() > 0, timeout=10_000)
    monkeypatch.setattr(CalendarDialog, "exec", lambda dialog: qtbot.waitUntil(lambda: dialog._view is not None, timeout=10_000))
    window._on_calendar_triggered()
    assert errors == []
