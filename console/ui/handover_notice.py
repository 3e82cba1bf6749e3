"""The status bar's notice of a signed handover nobody has acknowledged: a supervisor coming on
shift sees it without opening the handover page (a click opens it). Read off the GUI thread, every
minute and a few seconds after order changes; only on a desk of one region."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QToolButton, QWidget

from console.core.domain.roles import may_supervise
from console.core.services.handover import HandoverRecord, Handovers
from console.core.store.rows import DeskUser
from console.ui import handover_text as text
from console.ui import labels
from console.ui.operations import Operations

REREAD_MS = 60_000
AFTER_CHANGE_MS = 3_000


class HandoverNotice(QToolButton):
    def __init__(self, handovers: Handovers, user: DeskUser, operations: Operations, zone: ZoneInfo,
                 now: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self._handovers, self._user, self._operations, self._zone, self._now = handovers, user, operations, zone, now
        self._reading = self._again = False
        self.setAutoRaise(True)
        self.setStyleSheet("color: #92400e; background: #fef3c7; font-weight: bold; padding: 0 6px;")
        self.hide()
        self._timer = QTimer(self, interval=REREAD_MS)
        self._timer.timeout.connect(self.refresh)
        self._later = QTimer(self, singleShot=True, interval=AFTER_CHANGE_MS)
        self._later.timeout.connect(self.refresh)
        self._timer.start()

    def on_changes(self, *_args: object) -> None:
        if not self._later.isActive():
            self._later.start()

    def refresh(self) -> None:
        if self._user.region_id is None:
            return
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        handovers, region, now = self._handovers, self._user.region_id, self._now()
        self._operations.read(lambda: handovers.awaiting(region, now), self._show, self._failed)

    def _failed(self, _error: Exception) -> None:
        self._reading = False

    def _show(self, awaiting: tuple[HandoverRecord, ...]) -> None:
        self._reading = False
        if self._again:
            self.refresh()
        theirs = [r for r in awaiting if r.signed_by_id != self._user.id]
        if not theirs:
            self.hide()
            return
        record = theirs[0]
        shift = text.shift_name(record.shift_start, record.shift_end, self._zone)
        self.setText(QCoreApplication.translate("HandoverNotice", "⇄ Handover to acknowledge: %1").replace("%1", shift))
        self.setToolTip(QCoreApplication.translate("HandoverNotice", "Signed by %1 at %2. Click to read and acknowledge it.")
                        .replace("%1", record.signed_by).replace("%2", labels.local_time(record.signed_at, self._zone)))
        self.show()


def install(window, page) -> HandoverNotice | None:
    """The notice in `window`'s status bar for a supervisor of one region; a click shows `page`."""
    desk = window._desk
    if not may_supervise(desk.user.role) or desk.user.region_id is None:
        return None
    notice = HandoverNotice(desk.handovers, desk.user, window.operations, window.model.zone, window.model.clock, window)
    notice.clicked.connect(lambda: window.tabs.setCurrentWidget(page))
    window.statusBar().insertPermanentWidget(0, notice)
    window.bus.changed.connect(notice.on_changes)
    notice.refresh()
    window.handover_notice = notice
    return notice
