"""The monthly report at the desk: File ▸ Monthly report…, and for a supervisor a reminder in the
status bar from the 1st of a month until the previous month's report is marked sent for each of
their regions (red after the 5th, when it is overdue); a click on it opens the dialog. Read off the
GUI thread, again every quarter of an hour and after a report is marked sent here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

from console.core.domain.roles import may_supervise
from console.core.services.report_sends import Reminder, ReportSends
from console.ui.operations import Operations
from console.ui.report_dialog import MonthlyReportDialog, open_dialog

READ_EVERY_MS = 15 * 60 * 1000


class ReportReminder(QLabel):
    clicked = Signal()
    """The reminder was clicked: open the report dialog."""

    def __init__(self, read: Callable[[], Reminder | None], operations: Operations, english: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._read, self._operations, self._english = read, operations, english
        self.reminder: Reminder | None = None
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setVisible(False)
        self._timer = QTimer(self, interval=READ_EVERY_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()

    def refresh(self) -> None:
        self._operations.read(self._read, self.show_reminder, lambda _error: None)  # (a failed read keeps what was shown)

    def show_reminder(self, reminder: Reminder | None) -> None:
        self.reminder = reminder
        self.setVisible(reminder is not None)
        if reminder is None:
            return
        names = [e if self._english else n for _i, n, e in reminder.regions]
        month, due = f"{reminder.month:%Y-%m}", f"{reminder.due:%m-%d}"
        if reminder.overdue:
            text = self.tr("Monthly report %1 overdue (due %2)").replace("%1", month).replace("%2", due)
            self.setStyleSheet("color: white; background: #c62828; font-weight: bold; padding: 0 6px;")
        else:
            text = self.tr("Monthly report %1 due by %2").replace("%1", month).replace("%2", due)
            self.setStyleSheet("color: #92400e; background: #fef3c7; font-weight: bold; padding: 0 6px;")
        self.setText(text)
        self.setToolTip(self.tr("Not yet marked sent: %1. Click to make and send it.").replace("%1", "、".join(names)))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.clicked.emit()
        super().mousePressEvent(event)


def install(window) -> ReportReminder | None:
    """Supervisor ▸ Monthly report… for everyone; the reminder in the status bar for a supervisor."""
    desk, english = window._desk, window._english
    action = QAction(QCoreApplication.translate("MainWindow", "&Monthly report…"), window)
    action.setToolTip(QCoreApplication.translate("MainWindow", "The month's operational analysis report as PDF and Excel"))
    window.supervisor_menu.addAction(action)  # (laid out there: console.ui.window_menus.arrange_supervisor_menu)
    window.report_action = action
    reminder = None
    if may_supervise(desk.user.role):
        sends = ReportSends(desk.database, desk.user, desk.clock)
        reminder = ReportReminder(sends.reminder, window.operations, english, window)
        window.statusBar().insertPermanentWidget(0, reminder)
        reminder.refresh()

    def show() -> MonthlyReportDialog:
        dialog = open_dialog(window, english)
        if reminder is not None:
            dialog.marked.connect(reminder.refresh)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        window.report_dialog = dialog
        return dialog

    action.triggered.connect(show)
    if reminder is not None:
        reminder.clicked.connect(show)
    window.report_action, window.report_reminder = action, reminder
    return reminder
