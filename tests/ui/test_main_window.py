"""The main window opens offscreen on the demo centre and shows its orders, in both languages."""

from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from console.core.domain.enums import Band
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
    translators = install_translators(qapp, "zh_CN")
    yield
    for translator in translators:
        QApplication.removeTranslator(translator)


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
    assert "How the deadline is computed" in text and "Due " in text


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
