"""The desk window's layout per desk user (console.ui.window_layout): what a dispatcher arranged is
there again after closing and reopening; a damaged file gives the defaults and says so; the first
start fits the screen; the queue's columns can be hidden, shown and moved from the header or the
View menu, never all hidden."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.core.services.desk import DeskReader
from console.ui.window_layout import WindowLayout
from console.ui.work_order_table_model import WorkOrderTableModel
from tests.ui.helpers import FakeClock, desk_window, open_window


def _reopen(qtbot, demo_db, tmp_path, layout: WindowLayout):
    window = desk_window(demo_db, DeskReader(demo_db).user(None), FakeClock(), english=False, views_file=tmp_path / "views.json")
    qtbot.addWidget(window)
    window.layout_store = layout  # (as the composition root does: saved when it closes)
    problem = layout.restore(window)
    window.show()
    return window, problem


def test_the_layout_a_dispatcher_left_is_there_again(qtbot, demo_db, tmp_path) -> None:
    layout = WindowLayout(tmp_path / "layouts" / "wang.json")
    window = open_window(qtbot, demo_db, tmp_path)
    window.layout_store = layout
    header = window.queue.table.horizontalHeader()
    room = window.screen().availableGeometry()
    size = (room.width() - 123, room.height() - 77)
    window.resize(*size)
    header.setSectionHidden(WorkOrderTableModel.CUSTOMER, True)
    header.moveSection(header.visualIndex(WorkOrderTableModel.TIME_LEFT), 0)
    header.resizeSection(WorkOrderTableModel.NUMBER, 233)
    window.splitter.setSizes([600, 400])
    window.tabs.setCurrentWidget(window.planning)
    sizes = window.splitter.sizes()
    window.close()
    assert layout.path.exists()

    again, problem = _reopen(qtbot, demo_db, tmp_path, layout)
    header = again.queue.table.horizontalHeader()
    assert problem == ""
    assert again.height() == size[1]  # (the width: the offscreen screen is narrower than the window can be)
    assert header.isSectionHidden(WorkOrderTableModel.CUSTOMER)
    assert header.logicalIndex(0) == WorkOrderTableModel.TIME_LEFT
    assert header.sectionSize(WorkOrderTableModel.NUMBER) == 233
    assert again.tabs.currentWidget() is again.planning
    again.tabs.setCurrentIndex(0)
    qtbot.waitUntil(lambda: again.splitter.sizes() == sizes, timeout=2000)
    again.detail_action.setChecked(False)  # the order's details closed: closed again next time
    again.close()
    third, _problem = _reopen(qtbot, demo_db, tmp_path, layout)
    assert not third.detail_action.isChecked() and not third.detail.isVisible()


def test_a_damaged_layout_file_gives_the_defaults_and_says_so(qtbot, demo_db, tmp_path) -> None:
    path = tmp_path / "layouts" / "wang.json"
    path.parent.mkdir()
    for damaged in ('{"version": 1, "geometry": "not base64 ***"}', "\x00\x01 not json", '{"version": 99}', "[]"):
        path.write_text(damaged, encoding="utf-8")
        window, problem = _reopen(qtbot, demo_db, tmp_path, WindowLayout(path))
        assert "layout" in problem.lower() or "布局" in problem, damaged
        assert path.read_text(encoding="utf-8") == damaged  # left as it was until the window closes
        assert not window.queue.table.horizontalHeader().isSectionHidden(WorkOrderTableModel.CUSTOMER)
        window.close()


def test_the_first_start_fits_a_small_screen(qtbot, demo_db, tmp_path) -> None:
    window, problem = _reopen(qtbot, demo_db, tmp_path, WindowLayout(tmp_path / "none" / "wang.json"))
    room = window.screen().availableGeometry()
    assert problem == ""
    if room.width() < 1600 or room.height() < 960:  # (the offscreen screen is small)
        assert window.windowState() & Qt.WindowState.WindowMaximized
    assert window.height() <= room.height()
    assert window.width() <= max(room.width(), window.minimumSizeHint().width())  # (the offscreen screen is 800 wide)


def test_columns_are_chosen_from_the_header_and_the_last_one_stays(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path)
    table, header = window.queue.table, window.queue.table.horizontalHeader()
    actions = table.column_actions(None)
    assert len(actions) == window.model.columnCount() and all(a.isChecked() for a in actions)
    actions[WorkOrderTableModel.DISTRICT].setChecked(False)
    assert header.isSectionHidden(WorkOrderTableModel.DISTRICT)
    for column in range(window.model.columnCount() - 1):
        header.setSectionHidden(column, True)
    last = table.column_actions(None)[-1]
    assert last.isChecked() and not last.isEnabled()  # the one column left cannot be hidden
    view = next(a.menu() for a in window.menuBar().actions() if a.menu() and a.menu().title() in ("视图(&V)", "&View"))
    titles = [a.text() for a in view.actions()]
    assert any("列" in t or "Columns" in t for t in titles), titles
