"""The composition root: command line, settings, data file, and the wiring of the main window."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from importlib.resources import as_file, files
from pathlib import Path
from zoneinfo import ZoneInfo

from console import __version__
from console.core.demo.centre import LIMITS, DemoParameterError, DemoParameters
from console.data_file import DataFileError, open_data_file
from console.machine_policy import installer_settings
from console.paths import AppPaths
from console.settings import Settings, SettingsError, load_settings, save_settings

log = logging.getLogger("console")
SELF_TEST_DEMO = DemoParameters(customers=200, sites=400, technicians=20, open_orders=300, closed_orders=50)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dispatch-console", description="The dispatch desk console.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-file", type=Path, help="the desk's data file (default: from the settings)")
    parser.add_argument("--language", choices=("zh_CN", "en"), help="the UI language for this run")
    parser.add_argument("--self-test", action="store_true", help="open the main window offscreen on a temporary demo database and check it")
    parser.add_argument("--screenshot", type=Path, help="with --self-test: save a picture of the main window here")
    parser.add_argument("--no-web", action="store_true", help="run without the map (no QtWebEngine), e.g. under Wine")
    commands = parser.add_subparsers(dest="command")
    demo = commands.add_parser("demo-data", help="write a demo centre to a new data file")
    demo.add_argument("output", type=Path, help="the data file to create (must not exist)")
    demo.add_argument("--replace", action="store_true", help="replace the file if it exists")
    defaults = DemoParameters()
    for name in LIMITS:
        demo.add_argument(f"--{name.replace('_', '-')}", type=int, default=getattr(defaults, name),
                          help=f"{LIMITS[name][0]:,} to {LIMITS[name][1]:,} (default {getattr(defaults, name):,})")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "demo-data":
        return _write_demo(args)
    if args.self_test:
        return _self_test(args)
    return _run_desk(args)


# --- demo-data ----------------------------------------------------------------------------------


def _write_demo(args: argparse.Namespace) -> int:
    from console.core.services.desk import seed_demo_centre

    try:
        params = DemoParameters(**{name: getattr(args, name) for name in LIMITS})
    except DemoParameterError as exc:
        print(f"dispatch-console demo-data: {exc}", file=sys.stderr)
        return 2
    out: Path = args.output
    if out.exists() and not args.replace:
        print(f"dispatch-console demo-data: {out} already exists; choose another name or pass --replace", file=sys.stderr)
        return 2
    # Build beside the target and move into place only when complete: an error never leaves half a file.
    out.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".demo-", dir=out.parent))
    try:
        database, _created = open_data_file(work / out.name)
        started = time.perf_counter()
        seed_demo_centre(database, params)
        database.close()
        for suffix in ("-wal", "-shm", ".lock"):
            (work / (out.name + suffix)).unlink(missing_ok=True)
        os.replace(work / out.name, out)
    except DataFileError as exc:
        print(f"dispatch-console demo-data: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(work, ignore_errors=True)
    print(f"wrote a demo centre to {out} in {time.perf_counter() - started:.1f} s "
          f"({params.customers:,} customers, {params.sites:,} sites, {params.open_orders:,} open orders)")
    return 0


# --- the desk -----------------------------------------------------------------------------------


def _load_settings(paths: AppPaths) -> tuple[Settings, str | None]:
    try:
        return load_settings(paths.settings_file, paths.machine_settings_file, installer_settings()), None
    except SettingsError as exc:
        log.error("settings not usable: %s", exc)
        return Settings(), str(exc)


def _start_qt(language_setting: str, offscreen: bool):
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium's sandbox refuses to run as root (containers, CI); the map needs it off there.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6.QtCore import QLocale
    from PySide6.QtWidgets import QApplication

    from console.ui.i18n import choose_language, install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dispatch Console")
    app.setOrganizationName("DispatchConsole")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(_app_icon())
    language = choose_language(language_setting, QLocale.system().name())
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]  # kept alive with the app
    return app, language


def _run_desk(args: argparse.Namespace) -> int:
    from console.logs import setup_logging

    paths = AppPaths.for_this_user()
    log_file = setup_logging(paths.log_dir)
    log.info("Dispatch Console %s starting", __version__)
    settings, settings_problem = _load_settings(paths)
    app, language = _start_qt(args.language or settings.language, offscreen=False)
    from console import single_instance

    guard = single_instance.claim(single_instance.server_name(scope=str(paths.config_dir)))
    if guard is None:
        log.info("a console already runs for this user: asked it to come forward")
        return 0

    from PySide6.QtWidgets import QMessageBox

    from console.ui.errors import install_exception_hook

    install_exception_hook(log_file)
    if settings_problem:
        QMessageBox.warning(None, app.translate("App", "Settings"), app.translate(
            "App", "Your settings cannot be used: %1\n\nThe console starts with default settings; the file is left as it is until you save settings."
        ).replace("%1", settings_problem))
    data_file = args.data_file or settings.data_path(paths.default_data_file)
    opened = _open_desk_file(app, data_file)
    if opened is None:
        return 1
    database, created, data_file = opened
    sync, username = None, settings.username
    if settings.central_url:  # the centre's data, not the demo's: a new desk downloads it
        connected = _connect_centre(app, database, settings, paths)
        if connected is None:
            database.close()
            return 1
        sync, username = connected
    elif created and not _seed_with_progress(app, database):
        return 1
    window = _wire_main_window(app, database, settings, language, str(data_file), paths, username)
    if window is None:
        return 1
    if sync is not None:
        window.attach_sync(sync)
    guard.activate_requested.connect(lambda: _bring_forward(window))
    window.show()
    window.refresh()
    code = app.exec()
    guard.close()
    if sync is not None:
        sync.worker.stop()
    database.close()
    return code


def _connect_centre(app, database, settings: Settings, paths: AppPaths):
    """Log in to the centre (the keyring's password, or the login dialog), start the sync worker
    and, on a desk's first start, wait for the snapshot with a progress bar. (DeskSync, user name),
    or None when the user gave up before the desk had any data."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QProgressDialog

    from console.sync import capture, credentials
    from console.sync.client import CentreClient, CentreError, LoggedOut
    from console.sync.conflicts import Conflicts
    from console.sync.replica import Replica
    from console.sync.worker import SyncWorker
    from console.ui.sync_status import DeskSync, LoginDialog, SyncBridge, SyncTexts

    client = CentreClient(settings.central_url, ca_bundle=settings.ca_bundle)
    replica = Replica(database)
    has_data = replica.cursor() is not None
    username, login, offline = settings.username, None, False
    password = credentials.saved_password(settings.central_url, username)
    if password:
        try:
            login = client.login(username, password)
        except LoggedOut:
            credentials.forget(settings.central_url, username)
        except CentreError as exc:
            log.warning("the centre cannot be reached at start: %s", exc)
            offline = True
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
    def relogin() -> bool:  # the token expired: the keyring's password, if the user let it be kept
        kept = credentials.saved_password(settings.central_url, username)
        return bool(kept) and client.login(username, kept) is not None

    bridge = SyncBridge()
    worker = SyncWorker(replica, client, on_status=bridge.report_status, on_changes=bridge.report_changes, relogin=relogin)
    capture.install(database.sessions, worker.wake)
    worker.start()
    if not has_data:
        progress = QProgressDialog(app.translate("App", "Downloading the centre's data to this desk…"),
                                   app.translate("App", "Cancel"), 0, 100)
        progress.setWindowTitle(app.translate("App", "Dispatch Console"))
        progress.setMinimumDuration(0)
        progress.show()
        loop, timer = QEventLoop(), QTimer()

        def follow() -> None:  # on the GUI thread, from the worker's status
            status = worker.status
            if status.snapshot_total:
                progress.setValue(100 * status.snapshot_done // status.snapshot_total)
            elif replica.cursor() is not None:
                loop.quit()
            elif status.problem:
                progress.setLabelText(app.translate("App", "%1\nTrying again…").replace(
                    "%1", SyncTexts().problem(status.problem_kind, status.problem)))

        timer.timeout.connect(follow)
        timer.start(100)
        progress.canceled.connect(loop.quit)
        loop.exec()
        timer.stop()
        progress.close()
        if replica.cursor() is None:
            worker.stop()
            return None
    from console.core.services.desk import DeskReader

    user = DeskReader(database).user(username or None)
    conflicts = Conflicts(database, user, _utc_now, worker.desk_id) if user is not None else None
    return DeskSync(worker, conflicts, bridge), username


def _app_icon():
    from PySide6.QtGui import QIcon

    with as_file(files("resources") / "icons" / "dispatch-console.png") as path:
        return QIcon(str(path))


def _bring_forward(window) -> None:
    """A second launch asked for the desk: show it, even from the taskbar, and focus it."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def _open_desk_file(app, data_file: Path):
    """Open the data file, letting the user pick another one when it cannot be used."""
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    while True:
        try:
            database, created = open_data_file(data_file)
            return database, created, data_file
        except DataFileError as exc:
            log.error("data file refused: %s", exc)
            box = QMessageBox(QMessageBox.Icon.Critical, app.translate("App", "Data file"), _data_file_message(app, exc))
            box.setDetailedText(str(exc))
            choose = box.addButton(app.translate("App", "Choose another data file…"), QMessageBox.ButtonRole.AcceptRole)
            box.addButton(QMessageBox.StandardButton.Close)
            box.exec()
            if box.clickedButton() is not choose:
                return None
            picked, _ = QFileDialog.getSaveFileName(
                None, app.translate("App", "Data file"), str(data_file.parent), "*.sqlite",
                options=QFileDialog.Option.DontConfirmOverwrite,
            )
            if not picked:
                return None
            data_file = Path(picked)


def _data_file_message(app, error: DataFileError) -> str:
    from console.data_file import DataFileProblem

    texts = {
        DataFileProblem.CORRUPT: app.translate("App", "The data file %1 is damaged. It was left untouched; restore it from a backup or choose another file."),
        DataFileProblem.NOT_OURS: app.translate("App", "%1 is not a Dispatch Console data file. It was left untouched."),
        DataFileProblem.LOCKED: app.translate("App", "The data file %1 is in use by another Dispatch Console. Close that window first, or choose another data file."),
        DataFileProblem.NEWER_SCHEMA: app.translate("App", "The data file %1 was written by a newer version of Dispatch Console. Install the newer version; this one will not modify the file."),
        DataFileProblem.UNWRITABLE: app.translate("App", "The data file %1 cannot be opened or written. Check the folder's permissions and free space."),
    }
    return texts[error.problem].replace("%1", str(error.path))


def _seed_with_progress(app, database) -> bool:
    from PySide6.QtCore import QEventLoop
    from PySide6.QtWidgets import QMessageBox, QProgressDialog

    from console.core.services.desk import seed_demo_centre
    from console.ui.background import Background

    progress = QProgressDialog(app.translate("App", "Preparing the demo centre for this desk…"), "", 0, 0)
    progress.setWindowTitle(app.translate("App", "Dispatch Console"))
    progress.setCancelButton(None)
    progress.setMinimumDuration(0)
    progress.show()
    loop, outcome = QEventLoop(), {}
    background = Background()

    def finish(key: str) -> Callable[[object], None]:
        return lambda value: (outcome.setdefault(key, value), loop.quit())

    background.run(lambda: seed_demo_centre(database), finish("ok"), finish("error"))
    loop.exec()
    progress.close()
    if "error" in outcome:
        QMessageBox.critical(None, app.translate("App", "Data file"), app.translate("App", "The demo centre could not be written: %1").replace("%1", str(outcome["error"])))
        return False
    return True


def _wire_main_window(app, database, settings: Settings, language: str, data_file: str, paths: AppPaths,
                      username: str | None = None):
    from PySide6.QtWidgets import QMessageBox

    from console.core.services.desk import DeskReader
    from console.ui.main_window import MainWindow
    from console.ui.settings_dialog import SettingsDialog

    reader = DeskReader(database)
    username = settings.username if username is None else username
    user = reader.user(username or None)
    if user is None:
        QMessageBox.critical(None, app.translate("App", "Desk user"), app.translate(
            "App", "There is no active user %1 in this data file. Correct the desk user in the settings file %2."
        ).replace("%1", username).replace("%2", str(paths.settings_file)))
        return None
    window = MainWindow(reader, user, ZoneInfo(settings.desk_zone), english=language == "en", data_file=data_file,
                        log_dir=str(paths.log_dir), views_file=paths.views_file, clock=_utc_now,
                        map_tiles=(settings.map_tile_url, settings.map_tile_attribution))

    def edit_settings() -> None:
        dialog = SettingsDialog(settings, str(paths.default_data_file), window)
        if dialog.exec() and dialog.result_settings is not None:
            if paths.settings_file.exists():
                shutil.copy2(paths.settings_file, paths.settings_file.with_suffix(".json.bak"))
            save_settings(dialog.result_settings, paths.settings_file)
            window.statusBar().showMessage(app.translate("App", "Settings saved."), 5000)

    window.settings_requested.connect(edit_settings)
    return window


# --- self-test ----------------------------------------------------------------------------------


def _self_test(args: argparse.Namespace) -> int:
    """Main window offscreen on a temporary demo database: it must show orders and a detail.
    The settings are read from the real machine-wide and per-user places, and the outcome goes to
    the per-user log too (a windowed Windows build has no console to print to)."""
    from console.logs import setup_logging

    paths = AppPaths.for_this_user()
    setup_logging(paths.log_dir)
    settings, settings_problem = _load_settings(paths)
    if settings_problem:
        return _self_test_failed(f"the settings cannot be used: {settings_problem}")
    log.info("self-test: settings read, central_url=%s", settings.central_url or "(none)")
    with tempfile.TemporaryDirectory(prefix="dispatch-selftest-") as tmp:
        os.environ["DISPATCH_CONSOLE_HOME"] = tmp
        app, language = _start_qt(args.language or "system", offscreen=True)
        from console.core.services.desk import DeskReader, seed_demo_centre
        from console.ui.main_window import MainWindow

        database, _created = open_data_file(Path(tmp) / "selftest.sqlite")
        try:
            seed_demo_centre(database, SELF_TEST_DEMO)
            reader = DeskReader(database)
            user = reader.user(None)
            assert user is not None
            window = MainWindow(reader, user, ZoneInfo("Asia/Shanghai"), english=language == "en",
                                data_file=str(database.path), log_dir=tmp, views_file=Path(tmp) / "views.json", clock=_utc_now,
                                map_tiles=None if args.no_web else ("", ""))
            window.resize(1440, 1000)
            window.show()
            window.refresh()
            if not _wait_for(app, lambda: window.model.rowCount() > 0):
                return _self_test_failed("the queue showed no orders")
            first = window.model.row_at(0)
            window.select_order(first.id)
            if not _wait_for(app, lambda: first.number in window.detail.toPlainText() and "1." in window.detail.toPlainText()):
                return _self_test_failed("the detail panel did not show the selected order")
            map_note = "map skipped (--no-web)"
            if window.map is not None:
                if not _wait_for(app, lambda: window.map.is_ready and window.map._shown_sites):
                    return _self_test_failed("the map page did not load its sites")
                _wait_for(app, lambda: False, seconds=1.5)  # let the page paint its markers
                map_note = f"map shows {len(window.map._shown_sites)} sites offline"
            if args.screenshot:
                window.grab().save(str(args.screenshot))
            report = (f"self-test passed: {window.model.rowCount()} open orders shown, detail of {first.number} shown, "
                      f"{map_note}; central_url={settings.central_url or '(none)'}")
            print(report)
            log.info("%s", report)
            window.close()
            return 0
        finally:
            database.close()


def _self_test_failed(reason: str) -> int:
    print(f"self-test FAILED: {reason}", file=sys.stderr)
    log.error("self-test FAILED: %s", reason)
    return 1


def _utc_now() -> datetime:
    return datetime.now(UTC)


def _wait_for(app, condition: Callable[[], bool], seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()
        if condition():
            return True
        time.sleep(0.01)
    return False


if __name__ == "__main__":
    sys.exit(main())
