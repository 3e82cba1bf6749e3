"""Logging in from the console: the password in the OS keyring (an in-memory keyring stands in
for Windows Credential Manager here), the login dialog's errors, and a desk's first start with a
centre: a silent login from the keyring, the snapshot behind a progress bar, then syncing."""

from __future__ import annotations

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends.fail import Keyring as NoKeyring
from PySide6.QtWidgets import QDialogButtonBox
from sqlalchemy import func, select

from console import app as console_app
from console.core.store.models import User, WorkOrder
from console.data_file import open_data_file
from console.paths import AppPaths
from console.settings import Settings
from console.startup.centre_login import connect_centre
from console.sync import credentials
from console.sync.client import CentreClient
from console.ui.login_dialog import LoginDialog
from tests.fixtures.centre import PASSWORD


class MemoryKeyring(KeyringBackend):
    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.secrets.get((service, username))

    def set_password(self, service, username, password):
        self.secrets[(service, username)] = password

    def delete_password(self, service, username):
        self.secrets.pop((service, username), None)


@pytest.fixture
def memory_keyring():
    before = keyring.get_keyring()
    ring = MemoryKeyring()
    keyring.set_keyring(ring)
    yield ring
    keyring.set_keyring(before)


def test_the_password_is_kept_in_the_keyring_never_in_a_file(memory_keyring, tmp_path) -> None:
    assert credentials.available()
    assert credentials.remember("https://centre.example/", "wang.wei.central", "s3cret")
    assert credentials.saved_password("https://centre.example", "wang.wei.central") == "s3cret"
    assert list(memory_keyring.secrets) == [("Dispatch Console https://centre.example", "wang.wei.central")]
    credentials.forget("https://centre.example", "wang.wei.central")
    assert credentials.saved_password("https://centre.example", "wang.wei.central") is None


def test_without_a_keyring_nothing_is_kept_and_the_console_asks() -> None:
    before = keyring.get_keyring()
    keyring.set_keyring(NoKeyring())
    try:
        assert not credentials.available()
        assert credentials.saved_password("https://centre.example", "wang.wei.central") is None
    finally:
        keyring.set_keyring(before)


def test_the_login_dialog_says_what_went_wrong(qtbot, centre) -> None:
    base, _central, _url = centre
    dialog = LoginDialog(CentreClient(base), "wang.wei.central", keyring_available=False)
    qtbot.addWidget(dialog)
    assert not dialog.remember.isEnabled()
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()
    assert dialog.error.text() == "Enter your user name and password."
    dialog.password.setText("wrong")
    ok.click()  # the login runs off the GUI thread: the dialog says so and waits
    assert dialog.error.text() == "Logging in…" and not ok.isEnabled()
    qtbot.waitUntil(lambda: dialog.error.text() == "Wrong user name or password.", timeout=10_000)
    assert dialog.result_login is None and ok.isEnabled()
    dialog.password.setText(PASSWORD)
    ok.click()
    qtbot.waitUntil(lambda: dialog.result_login is not None, timeout=10_000)
    assert dialog.result_login.role == "dispatcher"

    offline = LoginDialog(CentreClient("http://127.0.0.1:9"), "wang.wei.central", keyring_available=False)
    qtbot.addWidget(offline)
    offline.password.setText(PASSWORD)
    offline.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "does not answer" in offline.error.text(), timeout=10_000)


def test_a_new_desk_logs_in_from_the_keyring_and_downloads_the_centre(qtbot, centre, memory_keyring, tmp_path) -> None:
    base, central, _url = centre
    credentials.remember(base, "wang.wei.central", PASSWORD)
    database, created = open_data_file(tmp_path / "desk.sqlite")
    assert created
    settings = Settings(central_url=base, username="wang.wei.central")
    sync = None
    try:
        from PySide6.QtWidgets import QApplication

        connected = connect_centre(QApplication.instance(), database, settings, AppPaths.for_this_user(), console_app.utc_now)
        assert connected is not None
        sync, username = connected
        assert username == "wang.wei.central"
        with central.reading() as s, database.reading() as d:
            region = d.scalar(select(User.region_id).where(User.username == "wang.wei.central"))
            assert d.scalar(select(func.count()).select_from(WorkOrder)) == s.scalar(
                select(func.count()).select_from(WorkOrder).where(WorkOrder.region_id == region)) > 0  # its region
        qtbot.waitUntil(lambda: sync.worker.status.state == "synced", timeout=10_000)
        assert sync.conflicts is not None and sync.desk_id.startswith("desk-")
    finally:
        if sync is not None:
            sync.worker.stop()
        database.close()


def test_an_expired_token_is_renewed_from_the_keyring_and_nothing_waits(centre, memory_keyring, tmp_path) -> None:
    import time

    import requests

    from console.core.services.orders import OrderActions
    from console.core.store.models import Technician
    from console.sync import capture
    from console.sync.replica import Replica
    from console.sync.worker import SyncWorker
    from tests.fixtures.demo import DEMO_NOW

    base, central, _url = centre
    credentials.remember(base, "wang.wei.central", PASSWORD)
    database, _ = open_data_file(tmp_path / "desk.sqlite")
    client = CentreClient(base)
    client.login("wang.wei.central", PASSWORD)
    worker = SyncWorker(Replica(database), client, relogin=lambda: client.login(
        "wang.wei.central", credentials.saved_password(base, "wang.wei.central")) is not None)
    capture.install(database.sessions, worker.wake)
    worker.download_snapshot()
    worker.start()
    try:
        requests.post(f"{base}/auth/logout", headers={"Authorization": f"Bearer {client.token}"}, timeout=10)
        from console.core.services.desk import DeskReader

        user = DeskReader(database).user("wang.wei.central")
        with database.reading() as s:
            order = s.scalars(select(WorkOrder).where(WorkOrder.status == "new", WorkOrder.region_id == user.region_id)).first()
            technician = s.scalars(select(Technician).where(Technician.region_id == order.region_id)).first()
        OrderActions(database, user, lambda: DEMO_NOW).assign([order.id], technician.id)
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline and Replica(database).counts().pending:
            time.sleep(0.1)
        assert Replica(database).counts().pending == 0
        with central.reading() as s:
            assert s.get(WorkOrder, order.id).assignee_id == technician.id
        assert not worker.status.logged_out
    finally:
        worker.stop()
        database.close()
