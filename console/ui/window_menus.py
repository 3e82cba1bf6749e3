"""The desk window's menus: every action with its shortcut, the View menu's docks and columns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu

from console.ui import table_export

if TYPE_CHECKING:
    from console.ui.main_window import MainWindow


def build_menus(window: MainWindow, log_dir: str) -> None:
    file_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))
    window.refresh_action = QAction(QCoreApplication.translate("MainWindow", "&Refresh"), window, shortcut=QKeySequence.StandardKey.Refresh)
    window.refresh_action.triggered.connect(window.refresh)
    settings_action = QAction(QCoreApplication.translate("MainWindow", "&Settings…"), window)
    settings_action.triggered.connect(window.settings_requested)
    logs_action = QAction(QCoreApplication.translate("MainWindow", "Open &log folder"), window)
    logs_action.triggered.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(log_dir)))
    quit_action = QAction(QCoreApplication.translate("MainWindow", "&Quit"), window, shortcut=QKeySequence.StandardKey.Quit)
    quit_action.triggered.connect(window.close)
    file_menu.addAction(window.refresh_action)
    file_menu.addSeparator()
    window.table_exports = table_export.install(window)
    file_menu.addActions(table_export.file_actions(window, window.table_exports))
    file_menu.addSeparator()
    for action in (settings_action, logs_action):
        file_menu.addAction(action)
    file_menu.addSeparator()
    file_menu.addAction(quit_action)

    orders_menu = window.orders_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Orders"))
    orders_menu.addAction(window.queue.undo_action)
    orders_menu.addSeparator()
    for action in (window.queue.assign_action, window.queue.pause_action, window.queue.resume_action, window.queue.approve_action):
        orders_menu.addAction(action)
    orders_menu.addMenu(window.queue.priority_menu)
    orders_menu.addMenu(window.progress.menu)
    orders_menu.addSeparator()
    for action in (window.queue.next_urgent_action, window.queue.previous_urgent_action, window.queue.copy_numbers_action,
                   window.queue.copy_rows_action):
        orders_menu.addAction(action)
    orders_menu.addSeparator()
    book_action = QAction(QCoreApplication.translate("MainWindow", "&Book a visit…"), window, shortcut=QKeySequence("Ctrl+B"))
    book_action.triggered.connect(lambda: _book_selected(window))
    orders_menu.addAction(book_action)
    window.candidates_action = QAction(QCoreApplication.translate("MainWindow", "Find a &technician…"), window, shortcut=QKeySequence("Ctrl+T"))
    window.candidates_action.triggered.connect(window._on_candidates_triggered)
    orders_menu.addAction(window.candidates_action)

    window.optimise_action = QAction(QCoreApplication.translate("MainWindow", "&Optimise the plan…"), window, shortcut=QKeySequence("Ctrl+Shift+O"))
    window.optimise_action.triggered.connect(window._on_optimise_triggered)
    orders_menu.addAction(window.optimise_action)
    window.route_action = QAction(QCoreApplication.translate("MainWindow", "Technician's &route today…"), window)
    window.route_action.triggered.connect(window._on_route_triggered)
    orders_menu.addAction(window.route_action)
    calendar_action = window.calendar_action = QAction(QCoreApplication.translate("MainWindow", "Working &calendar…"), window)
    calendar_action.triggered.connect(window._on_calendar_triggered)
    orders_menu.addSeparator()
    orders_menu.addAction(calendar_action)

    view_menu = window.view_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
    window.detail_action = QAction(QCoreApplication.translate("MainWindow", "Order &details"), window, checkable=True, checked=True)
    window.detail_action.toggled.connect(window.detail.setVisible)
    view_menu.addAction(window.detail_action)
    if window.map_dock is not None:  # a closed map comes back from here
        window.map_action = window.map_dock.toggleViewAction()
        window.map_action.setText(QCoreApplication.translate("MainWindow", "&Map"))
        window.map_action.setShortcut(QKeySequence("Ctrl+M"))
        view_menu.addAction(window.map_action)
    columns = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Columns"))
    columns.aboutToShow.connect(lambda: (columns.clear(), columns.addActions(window.queue.table.column_actions(columns))))
    find_action = QAction(QCoreApplication.translate("MainWindow", "&Find"), window, shortcut=QKeySequence.StandardKey.Find)
    find_action.triggered.connect(lambda: window.queue.filter_bar.search.setFocus())
    view_menu.addAction(find_action)

    window.supervisor_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Supervisor"))
    help_menu = window.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
    keys_action = QAction(QCoreApplication.translate("MainWindow", "&Keyboard shortcuts"), window, shortcut=QKeySequence.StandardKey.HelpContents)
    keys_action.triggered.connect(window.show_shortcuts)
    help_menu.addAction(keys_action)
    about_action = QAction(QCoreApplication.translate("MainWindow", "&About Dispatch Console"), window)
    about_action.triggered.connect(window._on_about_triggered)
    help_menu.addAction(about_action)


def arrange_supervisor_menu(window: MainWindow) -> None:
    """The shift supervisor's pages and the rules in one menu, once every part has made its entry:
    the pages first, then the rules (open to everyone: a dispatcher sees them read-only)."""
    pages = ("dashboards_action", "compliance_action", "handover_action", "report_action")
    rules = ("rules_action", "calendar_action", "field_rules_action")
    menu = window.supervisor_menu
    for group in (pages, rules):
        if not menu.isEmpty():
            menu.addSeparator()
        for name in group:
            action = getattr(window, name, None)
            if action is None:
                continue
            for widget in action.associatedObjects():
                if isinstance(widget, QMenu) and widget is not menu:
                    widget.removeAction(action)
            menu.addAction(action)
    for other in (window.menuBar().actions()[0].menu(), window.orders_menu):  # (no separator left doubled or last)
        _tidy_separators(other)


def _tidy_separators(menu: QMenu) -> None:
    previous_separator = True
    for action in list(menu.actions()):
        if action.isSeparator() and previous_separator:
            menu.removeAction(action)
            continue
        previous_separator = action.isSeparator()
    if menu.actions() and menu.actions()[-1].isSeparator():
        menu.removeAction(menu.actions()[-1])


def _book_selected(window: MainWindow) -> None:
    """The schedule board, with the booking of the order selected in the queue open on it."""
    ids = window.queue.selected_ids()
    if len(ids) != 1:
        window.statusBar().showMessage(QCoreApplication.translate("MainWindow", "Select one order to book its visit."), 5000)
        return
    window.tabs.setCurrentWidget(window.planning)
    window.planning.book_order(ids[0])
