"""Sync on the desk's screen: the status-bar indicator, the conflicts panel, the login dialog and
the bridge that brings the worker's news (from its threads) to the GUI thread."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.services.desk import Changes
from console.sync.client import CentreClient, CentreError, Login
from console.sync.conflicts import ConflictError, ConflictRow, Conflicts
from console.sync.worker import SyncStatus, SyncWorker
from console.ui import labels


class SyncBridge(QObject):
    """Re-posts the worker's callbacks (called on its threads) as signals on the GUI thread."""

    status_changed = Signal(object)  # SyncStatus
    changes_arrived = Signal(object)  # Changes

    def report_status(self, status: SyncStatus) -> None:
        self.status_changed.emit(status)

    def report_changes(self, changes: Changes) -> None:
        self.changes_arrived.emit(changes)


class SyncTexts(QObject):
    """The words for sync states (a QObject for its translation context)."""

    def status(self, status: SyncStatus, zone: ZoneInfo) -> tuple[str, str]:
        """(the indicator's text, its colour name) for a status."""
        if status.snapshot_total:
            percent = 100 * status.snapshot_done // max(status.snapshot_total, 1)
            return self.tr("Downloading the centre's data: %1%").replace("%1", str(percent)), "#1f5fa8"
        if status.logged_out:
            return self.tr("Logged out of the centre: log in again (%n change(s) waiting)", "", status.pending), "#b45f06"
        if status.conflicts:
            return self.tr("%n conflict(s) to resolve", "", status.conflicts), "#c62828"
        if not status.online:
            since = labels.local_time(status.offline_since, zone)[-5:] if status.offline_since else "?"
            return self.tr("Offline since %1, %n change(s) waiting", "", status.pending).replace("%1", since), "#b45f06"
        if status.pending:
            return self.tr("Saved locally, %n change(s) being sent", "", status.pending), "#1f5fa8"
        return self.tr("Synced"), "#2e7d32"

    def claim(self, holders: list[tuple[str, datetime]], now: datetime) -> str:
        """"Wang Wei has this order open (12 min left)" for the detail's warning."""
        parts = []
        for holder, expires in holders:
            minutes = max(1, int((expires - now).total_seconds() // 60))
            parts.append(self.tr("%1 has this order open (%n min left)", "", minutes).replace("%1", holder))
        return "; ".join(parts)


class SyncIndicator(QPushButton):
    """The status bar's word on sync; a click opens the conflicts panel."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._zone = zone
        self.setFlat(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.show_status(SyncStatus())

    def show_status(self, status: SyncStatus) -> None:
        text, colour = SyncTexts().status(status, self._zone)
        self.setText(text)
        self.setStyleSheet(f"QPushButton {{ color: {colour}; font-weight: bold; border: none; padding: 0 6px; }}")
        tip = [self.tr("Changes are saved in this desk's file first, then sent to the centre.")]
        if status.last_synced_at:
            tip.append(self.tr("Last in touch with the centre: %1").replace("%1", labels.local_time(status.last_synced_at, self._zone)))
        if status.problem:
            tip.append(status.problem)
        self.setToolTip("\n".join(tip))


class ConflictsDialog(QDialog):
    """Each refused change: when, what, why; mine against theirs; re-apply or drop."""

    changes_made = Signal(object)

    def __init__(self, conflicts: Conflicts, zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._conflicts, self._zone = conflicts, zone
        self._rows: list[ConflictRow] = []
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 520)
        intro = QLabel(self.tr("The centre refused these changes of this desk because someone changed the same thing first. "
                               "Re-apply yours on top of the current state, or drop it and keep theirs. Both are kept in the audit log."))
        intro.setWordWrap(True)
        self.list = QTableWidget(0, 4)
        self.list.setHorizontalHeaderLabels([self.tr("Saved"), self.tr("Refused"), self.tr("Change"), self.tr("Why")])
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.list.verticalHeader().hide()
        self.list.itemSelectionChanged.connect(self._show_selected)
        self.differences = QTableWidget(0, 3)
        self.differences.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Mine"), self.tr("Theirs (the centre's)")])
        self.differences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.differences.verticalHeader().hide()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.differences)
        self.reapply_button = QPushButton(self.tr("Re-apply mine"))
        self.drop_button = QPushButton(self.tr("Drop mine, keep theirs"))
        self.reapply_button.clicked.connect(lambda: self._resolve(True))
        self.drop_button.clicked.connect(lambda: self._resolve(False))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reapply_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self._rows = self._conflicts.open()
        self.list.setRowCount(len(self._rows))
        for r, row in enumerate(self._rows):
            cells = [labels.local_time(row.created_at, self._zone), labels.local_time(row.refused_at, self._zone),
                     row.summary or self.tr("(change)"), row.reason]
            for c, text in enumerate(cells):
                self.list.setItem(r, c, QTableWidgetItem(text))
        self.list.resizeColumnsToContents()
        if self._rows:
            self.list.selectRow(0)
        self._show_selected()

    def _selected(self) -> ConflictRow | None:
        rows = self.list.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        row = self._selected()
        differences = row.differences if row else ()
        self.differences.setRowCount(len(differences))
        for r, d in enumerate(differences):
            for c, value in enumerate((self._field(d.table, d.column), _shown(d.mine), _shown(d.theirs) if d.theirs is not None else "—")):
                self.differences.setItem(r, c, QTableWidgetItem(value))
        self.reapply_button.setEnabled(row is not None)
        self.drop_button.setEnabled(row is not None)

    def _field(self, table: str, column: str) -> str:
        names = {
            "assignee_id": self.tr("Technician"), "technician_id": self.tr("Technician"), "status": self.tr("Status"),
            "paused_since": self.tr("Clock paused since"), "current_step": self.tr("Current step"),
            "window_start": self.tr("Window start"), "window_end": self.tr("Window end"), "planned_start": self.tr("Planned start"),
            "locked": self.tr("Pinned"), "deleted": self.tr("Cancelled"), "ended_at": self.tr("Pause ended"),
            "approved_by": self.tr("Pause approved by"), "priority": self.tr("Priority"),
        }
        return names.get(column, f"{table}.{column}")

    def _resolve(self, reapply: bool) -> None:
        row = self._selected()
        if row is None:
            return
        try:
            changes = self._conflicts.reapply(row.id) if reapply else self._conflicts.drop(row.id)
        except ConflictError as exc:
            QMessageBox.warning(self, self.windowTitle(), str(exc))
        else:
            self.changes_made.emit(changes)
        self.reload()


def _shown(value: object) -> str:
    if value is None:
        return "∅"
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)


class LoginDialog(QDialog):
    """Log in to the centre; the password may be kept in the system's keyring (never in a file)."""

    def __init__(self, client: CentreClient, username: str, keyring_available: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._client = client
        self.result_login: Login | None = None
        self.setWindowTitle(self.tr("Log in to the centre"))
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("Remember the password in this computer's keyring"))
        self.remember.setEnabled(keyring_available)
        self.remember.setChecked(keyring_available)
        if not keyring_available:
            self.remember.setToolTip(self.tr("This computer has no keyring: the password is asked at each start."))
        self.error = QLabel()
        self.error.setStyleSheet("color: #c62828;")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Centre"), QLabel(client.base_url))
        form.addRow(self.tr("User name"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Log in"))
        buttons.accepted.connect(self._log_in)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.remember)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        (self.password if username else self.username).setFocus()

    def _log_in(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        if not username or not password:
            self.error.setText(self.tr("Enter your user name and password."))
            return
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.result_login = self._client.login(username, password)
        except CentreError as exc:
            self.error.setText(str(exc))
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.accept()


class DeskSync(QObject):
    """The desk's running sync: the worker, its bridge to the GUI, and claims on opened orders."""

    def __init__(self, worker: SyncWorker, conflicts: Conflicts, bridge: SyncBridge, parent: QObject | None = None):
        super().__init__(parent)
        self.worker, self.conflicts, self.bridge = worker, conflicts, bridge
        self._claimed: uuid.UUID | None = None

    @property
    def desk_id(self) -> str:
        return self.worker.desk_id

    def opened(self, order_id: uuid.UUID | None, run: Callable) -> None:
        """The detail shows this order (or none): claim it, release the one before (in the background;
        offline, the claim simply does not happen)."""
        before, self._claimed = self._claimed, order_id
        client, desk = self.worker.client, self.worker.desk_id

        def work() -> None:
            try:
                if before is not None and before != order_id:
                    client.release(desk, str(before))
                if order_id is not None:
                    client.claim(desk, str(order_id))
            except CentreError:
                pass

        run(work)
