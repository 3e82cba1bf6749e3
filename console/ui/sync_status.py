"""Sync on the desk's screen: the status-bar indicator, the conflicts panel, the login dialog and
the bridge that brings the worker's news (from its threads) to the GUI thread."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
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

from console.core.changes import Changes
from console.core.wire import WireError, wire
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

    def problem(self, kind: str, message: str) -> str:
        """A failure to reach or use the centre, for a person (`kind`: CentreError.kind or
        ReplicaError.kind; `message`, the English one, is shown only for a case without words here)."""
        texts = {
            "certificate": self.tr("The centre's certificate is not trusted: check the CA bundle in the settings."),
            "no_answer": self.tr("The centre does not answer. This desk keeps working and sends its changes when it is back."),
            "broken_off": self.tr("The download from the centre broke off; it starts again."),
            "server": self.tr("The centre has a problem; this desk tries again."),
            "busy": self.tr("Too many attempts: wait a few minutes, then try again."),
            "logged_out": self.tr("The centre asks you to log in again."),
            "wrong_password": self.tr("Wrong user name or password."),
            "start_again": self.tr("This desk was away longer than the centre keeps its changes: it downloads the data again."),
            "outdated": self.tr("The centre's data is newer than this version of Dispatch Console: update it."),
            "waiting": self.tr("Changes of this desk are still to be sent before the data can be downloaded again."),
        }
        if kind in texts:
            return texts[kind]
        if kind == "refused":
            return self.tr("The centre refused the request: %1").replace("%1", message)
        return message

    def refusal(self, code: str, args: dict, reason: str) -> str:
        """Why the centre refused a change (MutationResult.code and args), for a person."""
        table = self.table(str(args.get("table", "")))
        if code == "contested":
            fields = "、".join(self.field(str(args.get("table", "")), str(c)) for c in args.get("columns", []))
            return self.tr("Someone else changed it first: %1").replace("%1", fields)
        texts = {
            "unknown": self.tr("The centre does not have this %1 (it may have been refused before).").replace("%1", table),
            "exists": self.tr("The centre has this %1 already.").replace("%1", table),
            "region": self.tr("The order is not in your region."),
            "rules_role": self.tr("Only a shift supervisor changes the SLA rules and the calendar."),
            "table": self.tr("A desk does not change %1.").replace("%1", table),
            "unusable": self.tr("The centre cannot use this change (%1).").replace("%1", str(args.get("detail", ""))),
            "store": self.tr("The centre cannot store this change (%1).").replace("%1", str(args.get("detail", ""))),
        }
        return texts.get(code, reason)

    def table(self, name: str) -> str:
        names = {
            "work_orders": self.tr("work order"), "sla_pauses": self.tr("clock pause"), "appointments": self.tr("appointment"),
            "appointment_orders": self.tr("appointment's order"), "appointment_changes": self.tr("appointment change"),
            "order_steps": self.tr("order step"), "field_events": self.tr("field event"), "audit_log": self.tr("audit entry"),
            "shifts": self.tr("shift"), "sla_rules": self.tr("SLA rule"), "rule_parameters": self.tr("rule parameter"),
            "calendar_overrides": self.tr("calendar day"), "technicians": self.tr("technician"),
        }
        return names.get(name, name)

    def field(self, table: str, column: str) -> str:
        names = {
            "assignee_id": self.tr("Technician"), "technician_id": self.tr("Technician"), "status": self.tr("Status"),
            "paused_since": self.tr("Clock paused since"), "current_step": self.tr("Current step"),
            "window_start": self.tr("Window start"), "window_end": self.tr("Window end"), "planned_start": self.tr("Planned start"),
            "locked": self.tr("Pinned"), "deleted": self.tr("Cancelled"), "ended_at": self.tr("Pause ended"),
            "approved_by": self.tr("Pause approved by"), "priority": self.tr("Priority"),
        }
        return names.get(column, f"{table}.{column}")

    def summary(self, summary: str) -> str:
        """An outbox entry's audit actions ("order.assigned, sla.paused"), named."""
        return "、".join(labels.action(code.strip()) for code in summary.split(",") if code.strip()) or self.tr("(change)")

    def value(self, table: str, column: str, value: object, zone: ZoneInfo) -> str:
        """A wire value as the dispatcher reads it: a local time, a status's name, yes or no."""
        if value is None:
            return "—"
        try:
            decoded = wire(table).decode({column: value})[column] if column in wire(table).columns else value
        except (WireError, KeyError):
            decoded = value
        if isinstance(decoded, datetime):
            return labels.local_time(decoded, zone)
        if isinstance(decoded, bool):
            return self.tr("Yes") if decoded else self.tr("No")
        if isinstance(decoded, StrEnum):  # a status, a step, a pause reason
            return labels.name(decoded)
        return decoded if isinstance(decoded, str) else json.dumps(value, ensure_ascii=False)

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
            tip.append(SyncTexts().problem(status.problem_kind, status.problem))
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
        self.list = QTableWidget(0, 5)
        self.list.setHorizontalHeaderLabels([self.tr("Saved"), self.tr("Refused"), self.tr("Order"), self.tr("Change"), self.tr("Why")])
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
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
        self.note = QLabel()  # what went with the last one resolved
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.reload()

    def reload(self) -> None:
        self._rows = self._conflicts.open()
        self.list.setRowCount(len(self._rows))
        texts = SyncTexts()
        for r, row in enumerate(self._rows):
            cells = [labels.local_time(row.created_at, self._zone), labels.local_time(row.refused_at, self._zone),
                     row.order_number or "—", texts.summary(row.summary), texts.refusal(row.code, row.args, row.reason)]
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
        texts = SyncTexts()
        for r, d in enumerate(differences):
            for c, value in enumerate((texts.field(d.table, d.column), texts.value(d.table, d.column, d.mine, self._zone),
                                       texts.value(d.table, d.column, d.theirs, self._zone))):
                self.differences.setItem(r, c, QTableWidgetItem(value))
        self.reapply_button.setEnabled(row is not None)
        self.drop_button.setEnabled(row is not None)

    def _resolve(self, reapply: bool) -> None:
        row = self._selected()
        if row is None:
            return
        before = len(self._rows)
        self.note.clear()
        try:
            changes = self._conflicts.reapply(row.id) if reapply else self._conflicts.drop(row.id)
        except ConflictError as exc:
            texts = SyncTexts()
            text = {"resolved": self.tr("This conflict was resolved already."),
                    "already_paused": self.tr("The order's clock is paused already (by someone else): re-applying this pause "
                                              "would count the same time twice. Drop it."),
                    "already_resumed": self.tr("This pause has ended already: there is nothing to resume. Drop it."),
                    "rules": labels.name(exc.refusal),
                    "gone": self.tr("The %1 is no longer there: this change cannot be re-applied; drop it.").replace(
                        "%1", texts.table(exc.table))}.get(exc.kind, str(exc))
            QMessageBox.warning(self, self.windowTitle(), text)
        else:
            self.changes_made.emit(changes)
        self.reload()
        others = before - len(self._rows) - 1
        if others > 0:
            self.note.setText(self.tr("%n earlier change(s) of this desk that made rows it changes were re-applied with it.", "", others)
                               if reapply else
                               self.tr("%n later change(s) of this desk to rows it made were dropped with it.", "", others))


class LoginDialog(QDialog):
    """Log in to the centre; the password may be kept in the system's keyring (never in a file)."""

    def __init__(self, client: CentreClient, username: str, keyring_available: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._client = client
        self.result_login: Login | None = None
        self.setWindowTitle(self.tr("Log in to the centre"))
        self.setMinimumWidth(420)
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
            self.error.setText(SyncTexts().problem(exc.kind, str(exc)))
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
