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
from PySide6.QtWidgets import (
    QPushButton,
    QWidget,
)

from console.core.changes import Changes
from console.core.domain.appointments import AppointmentRefusal
from console.core.domain.lifecycle import Refusal
from console.core.wire import WireError, wire
from console.sync.client import CentreError
from console.sync.conflicts import Conflicts
from console.sync.worker import SyncStatus, SyncWorker
from console.ui import labels
from console.ui.finding_text import refusal_text


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
            "disk_full": self.tr("The disk of this computer is full: the centre's changes wait until there is space again."),
            "disk_error": self.tr("The disk of this computer could not write the data file: this desk tries again."),
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
            "changed": self.tr("Someone else changed it after you looked at it: look again."),
            "operation": self.tr("The centre does not know this action: update Dispatch Console."),
            "plan_stale": self.tr("The plan was made from visits or orders changed since: make it again."),
            "outdated": self.tr("Saved by an older Dispatch Console, before it sent actions: drop it and do it again."),
        }
        if code == "rules":
            return self._rules(args) or reason
        return texts.get(code, reason)

    @staticmethod
    def _rules(args: dict) -> str:
        """The rules' refusal the centre ran into (args: kind order|appointment, refusal, detail), in words."""
        detail = str(args.get("detail", ""))
        try:
            if args.get("kind") == "appointment":
                return refusal_text(AppointmentRefusal(args.get("refusal")), detail)
            text = labels.name(Refusal(args.get("refusal")))
        except ValueError:
            return ""
        return f"{detail}: {text}" if detail else text

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
