"""Keyboard-first: every menu action with a key is reached by that key (and no two share one); the
keys' own work (next red or late order, copying numbers and rows, a priority, Enter for details);
Help's list shows every key the menus have."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtTest import QTest

from console.core.domain.enums import Band
from console.ui.shortcuts_dialog import ShortcutsDialog, actions_with_keys, menu_shortcuts
from tests.ui.helpers import open_window


def _select_only(window, order_id) -> None:
    """This order alone selected (selectRow would add to the selection while Qt thinks a key test's Ctrl is still down)."""
    index = window.model.index(window.model.row_of(order_id), 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    window.queue.table.selectionModel().setCurrentIndex(index, flags)
    assert window.queue.selected_ids() == [order_id]


def _key(window, sequence: QKeySequence) -> None:
    combination = sequence[0]
    QTest.keyClick(window.queue.table, combination.key(), combination.keyboardModifiers())


def test_every_menu_key_reaches_its_action_and_none_is_shared(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, username="supervisor.central")
    window.activateWindow()
    qtbot.waitActive(window)
    window.select_order(window.model.row_at(0).id)
    actions = [a for a in actions_with_keys(window.menuBar()) if a.isVisible()]
    keys = [a.shortcut().toString() for a in actions]
    assert len(keys) == len(set(keys)), sorted(keys)
    assert {"Ctrl+D", "Ctrl+P", "Ctrl+Shift+P", "Ctrl+Shift+A", "Ctrl+1", "Ctrl+5", "F8", "Shift+F8", "Ctrl+C", "Ctrl+Shift+C",
            "Ctrl+T", "Ctrl+F", "F1", "Ctrl+Z"} <= set(keys), keys
    window.queue.undo_action.setEnabled(True)  # (enabled once there is an action to undo)
    for action in actions:
        action.triggered.disconnect()  # (what it does is tested below: here only that the key reaches it)
        reached: list[bool] = []
        action.triggered.connect(lambda *_a, r=reached: r.append(True))
        window.queue.table.setFocus()
        _key(window, action.shortcut())
        assert reached, f"{action.text()} ({action.shortcut().toString()}) was not reached by its key"


def test_f8_goes_to_the_next_red_or_late_order_and_round_the_end(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path)
    now, rows = window.model.clock(), window.model.visible_rows()
    urgent = [i for i, row in enumerate(rows) if window.model.band(row, now) in (Band.RED, Band.BREACHED)]
    assert len(urgent) >= 2
    window.select_order(rows[urgent[0]].id)
    assert window.queue.select_urgent(forward=True)
    assert window.queue.table.currentIndex().row() == urgent[1]
    assert window.queue.select_urgent(forward=False)
    assert window.queue.table.currentIndex().row() == urgent[0]
    window.queue.table.selectRow(urgent[-1])
    assert window.queue.select_urgent(forward=True)
    assert window.queue.table.currentIndex().row() == urgent[0]  # round the end


def test_copying_numbers_and_rows(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    table = window.queue.table
    table.selectRow(0)
    QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    first, second = window.model.row_at(0), window.model.row_at(1)
    window.queue.copy_numbers()
    assert QGuiApplication.clipboard().text() == f"{first.number}\n{second.number}"
    window.queue.copy_rows()
    lines = QGuiApplication.clipboard().text().split("\n")
    assert len(lines) == 3 and "\t" in lines[0] and first.number in lines[1] and second.number in lines[2]


def test_enter_opens_the_orders_details(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path)
    window.detail_action.setChecked(False)
    window.select_order(window.model.row_at(0).id)
    window.queue.table.setFocus()
    window.queue.table.activated.emit(window.queue.table.currentIndex())  # (what Enter and a double click send)
    assert window.detail_action.isChecked() and window.detail.isVisible()


def test_helps_list_shows_every_key_of_the_menus(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path)
    listed = menu_shortcuts(window.menuBar())
    dialog = ShortcutsDialog(window.menuBar(), window)
    qtbot.addWidget(dialog)
    shown = {dialog.table.item(r, 2).text() for r in range(dialog.table.rowCount())}
    for _menu, text, key in listed:
        assert key in shown, (text, key)
    assert all("&" not in text for _menu, text, _key in listed)
    assert dialog.table.rowCount() == len(listed) + 2


def test_undo_puts_back_the_last_action_as_a_new_one_and_then_there_is_nothing_to_undo(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    queue = window.queue
    assert not queue.undo_action.isEnabled()
    _select_only(window, window.model.row_at(0).id)
    queue.table.selectionModel().select(window.model.index(1, 0), QItemSelectionModel.SelectionFlag.Select
                                        | QItemSelectionModel.SelectionFlag.Rows)
    rows = queue.selected_rows()
    assert len(rows) == 2 and all(r.status.is_open for r in rows)
    if all(r.priority == 1 for r in rows):
        pytest.skip("the demo's first orders are priority 1 already")
    queue.priority_menu.actions()[0].trigger()  # (Ctrl+1: its key is the first test's)
    qtbot.waitUntil(lambda: queue.undo_action.isEnabled(), timeout=5000)
    assert queue.undo_action.text().startswith("&Undo priority (2 order")  # ("2 orders" once the English plural forms are loaded)
    qtbot.waitUntil(lambda: all(window.model.row_at(window.model.row_of(r.id)).priority == 1 for r in rows), timeout=5000)
    queue.undo_action.trigger()  # (Ctrl+Z)
    qtbot.waitUntil(lambda: [window.model.row_at(window.model.row_of(r.id)).priority for r in rows] == [r.priority for r in rows],
                    timeout=5000)
    assert not queue.undo_action.isEnabled() and queue.undo_action.text() == "&Undo"


def test_ctrl_b_opens_the_booking_of_the_selected_order_on_the_board_or_says_why_not(qtbot, demo_db, tmp_path) -> None:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from console.ui.appointment_dialogs import BookDialog

    window = open_window(qtbot, demo_db, tmp_path, english=True)
    seen: list[str] = []

    def close_what_opened() -> None:
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible() and isinstance(widget, BookDialog | QMessageBox):
                seen.append(type(widget).__name__)
                widget.reject()
                return
        QTimer.singleShot(50, close_what_opened)

    window.planning.load()
    qtbot.waitUntil(lambda: window.planning.data is not None, timeout=10_000)
    waiting = window.planning.data.waiting[0]
    _select_only(window, waiting)
    book = next(a for a in actions_with_keys(window.menuBar()) if a.shortcut().toString() == "Ctrl+B")  # (its key: the first test)
    QTimer.singleShot(50, close_what_opened)
    book.trigger()
    qtbot.waitUntil(lambda: seen == ["BookDialog"], timeout=10_000)
    assert window.tabs.currentWidget() is window.planning
    assert window.planning.waiting.currentItem().data(Qt.ItemDataRole.UserRole) == waiting
    booked = next(r for r in window.model.visible_rows() if r.appointment_start is not None)
    window.tabs.setCurrentIndex(0)
    _select_only(window, booked.id)
    QTimer.singleShot(50, close_what_opened)
    book.trigger()
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert seen == ["BookDialog", "QMessageBox"]
