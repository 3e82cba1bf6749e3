"""Connecting a desk to its centre at start: log in (the keyring's password, or the login dialog),
start the sync worker and, on a desk's first start, wait for the snapshot with a progress bar.
Network and database work run off the GUI thread."""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QProgressDialog

from console.core.services.desk import DeskReader
from console.core.store.database import Database
from console.paths import AppPaths
from console.settings import Settings, save_settings
from console.startup.waiting import wait_for
from console.sync import capture, credentials
from console.sync.client import CentreClient, CentreError, LoggedOut, Login
from console.sync.conflicts import Conflicts
from console.sync.replica import Replica
from console.sync.worker import SyncWorker
from console.ui.background import Background
from console.ui.login_dialog import LoginDialog
from console.ui.sync_status import DeskSync, SyncBridge, SyncTexts

log = logging.getLogger("console")


def connect_centre(app, database: Database, settings: Settings, paths: AppPaths, clock):
    """(DeskSync, user name), or None when the user gave up before the desk had any data."""
    client = CentreClient(settings.central_url, ca_bundle=settings.ca_bundle)
    replica = Replica(database)
    has_data = wait_for(replica.cursor) is not None
    username = settings.username
    login, offline = _saved_login(client, settings.central_url, username)
    if login is None and not (offline and has_data):
        dialog = LoginDialog(client, username, credentials.available())
        if dialog.exec() and dialog.result_login is not None:
            login = dialog.result_login
            if dialog.remember.isChecked():
                credentials.remember(settings.central_url, login.username, dialog.password.text())
        elif not has_data:
            return None
    if login is not None and login.username != settings.username:
        username = login.username
        save_settings(replace(settings, username=username), paths.settings_file)

    def relogin() -> bool:  # the token expired: the keyring's password, if the user let it be kept (in the worker)
        kept = credentials.saved_password(settings.central_url, username)
        return bool(kept) and client.login(username, kept) is not None

    bridge = SyncBridge()
    worker = SyncWorker(replica, client, on_status=bridge.report_status, on_changes=bridge.report_changes, relogin=relogin)
    capture.install(database.sessions, worker.wake)
    worker.start()
    if not has_data and not _wait_for_snapshot(app, worker, replica):
        worker.stop()
        return None
    user = wait_for(lambda: DeskReader(database).user(username or None))
    conflicts = Conflicts(database, user, clock, worker.desk_id) if user is not None else None
    return DeskSync(worker, conflicts, bridge), username


def _saved_login(client: CentreClient, url: str, username: str) -> tuple[Login | None, bool]:
    """(a login with the keyring's password, or None; whether the centre could not be reached)."""
    password = credentials.saved_password(url, username)
    if not password:
        return None, False
    try:
        return wait_for(lambda: client.login(username, password)), False
    except LoggedOut:
        credentials.forget(url, username)
    except CentreError as exc:
        log.warning("the centre cannot be reached at start: %s", exc)
        return None, True
    return None, False


def _wait_for_snapshot(app, worker: SyncWorker, replica: Replica) -> bool:
    """The first download, with a progress bar; False when the user cancelled before it ended."""
    progress = QProgressDialog(app.translate("App", "Downloading the centre's data to this desk…"),
                               app.translate("App", "Cancel"), 0, 100)
    progress.setWindowTitle(app.translate("App", "Dispatch Console"))
    progress.setMinimumDuration(0)
    progress.show()
    loop, timer, background = QEventLoop(), QTimer(), Background()
    done = {"cursor": None}

    def cursor_read(cursor) -> None:
        done["cursor"] = cursor
        if cursor is not None:
            loop.quit()

    def follow() -> None:  # on the GUI thread, from the worker's status
        status = worker.status
        if status.snapshot_total:
            progress.setValue(100 * status.snapshot_done // status.snapshot_total)
        elif background.pending() == 0:
            background.run(replica.cursor, cursor_read, lambda _e: None)
        if status.problem and not status.snapshot_total:
            progress.setLabelText(app.translate("App", "%1\nTrying again…").replace(
                "%1", SyncTexts().problem(status.problem_kind, status.problem)))

    timer.timeout.connect(follow)
    timer.start(100)
    progress.canceled.connect(loop.quit)
    loop.exec()
    timer.stop()
    progress.close()
    background.wait()
    return done["cursor"] is not None or wait_for(replica.cursor) is not None
