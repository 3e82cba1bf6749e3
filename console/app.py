"""The composition root: command line, settings, Qt, the data file, the desk's services built once,
the change bus, and the main window wired to them. Start-up pieces live in `console.startup`."""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import threading
from collections.abc import Callable
from datetime import UTC, datetime
from importlib.resources import as_file, files
from pathlib import Path
from zoneinfo import ZoneInfo

from console import __version__
from console.core import gc_pause
from console.core.store.database import Database
from console.machine_policy import installer_settings
from console.paths import AppPaths
from console.settings import Settings, SettingsError, load_settings, save_settings
from console.startup import demo_command

log = logging.getLogger("console")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="dispatch-console", description="The dispatch desk console.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--data-file", type=Path, help="the desk's data file (default: from the settings)")
    parser.add_argument("--language", choices=("zh_CN", "en"), help="the UI language for this run")
    parser.add_argument("--self-test", action="store_true", help="open the main window offscreen on a temporary demo database and check it")
    parser.add_argument("--screenshot", type=Path, help="with --self-test: save a picture of the main window here")
    parser.add_argument("--no-web", action="store_true", help="run without the map (no QtWebEngine), e.g. under Wine")
    parser.add_argument("--simulate", nargs="?", const=10.0, type=float, metavar="SPEED",
                        help="on the embedded demo: a live field day (technicians, surveys, new orders) at SPEED times real time (1-60, default 10)")
    demo_command.add_arguments(parser.add_subparsers(dest="command"))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.simulate is not None and not 1 <= args.simulate <= 60:
        parser.error(f"--simulate: the speed is 1 to 60 times real time, not {args.simulate:g}")
    if args.command == "demo-data":
        return demo_command.write_demo(args)
    if args.self_test:
        from console.startup.self_test import self_test

        return self_test(args, load_settings_for, start_qt, build_window)
    return _run_desk(args)


def utc_now() -> datetime:
    return datetime.now(UTC)


def load_settings_for(paths: AppPaths) -> tuple[Settings, str | None]:
    try:
        return load_settings(paths.settings_file, paths.machine_settings_file, installer_settings()), None
    except SettingsError as exc:
        log.error("settings not usable: %s", exc)
        return Settings(), str(exc)


def start_qt(language_setting: str, offscreen: bool):
    if offscreen:
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium's sandbox refuses to run as root (containers, CI); the map needs it off there.
        os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")
    from PySide6.QtCore import QLocale
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from console.ui.i18n import choose_language, install_translators

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Dispatch Console")
    app.setOrganizationName("DispatchConsole")
    app.setApplicationVersion(__version__)
    with as_file(files("resources") / "icons" / "dispatch-console.png") as path:
        app.setWindowIcon(QIcon(str(path)))
    language = choose_language(language_setting, QLocale.system().name())
    app._translators = install_translators(app, language)  # type: ignore[attr-defined]  # kept alive with the app
    return app, language


def build_window(app, database: Database, settings: Settings, language: str, paths: AppPaths, username: str | None,
                 *, map_tiles: tuple[str, ...] | None, strict: bool = False, on_language: Callable[[str], object] | None = None):
    """The desk's services, built once, and the main window over them; None when the desk user is
    not in the data file. From here on a database statement on the GUI thread is refused (strict:
    tests, the self-test) or logged with where it came from."""
    from PySide6.QtWidgets import QMessageBox

    from console.core.services.desk import DeskReader
    from console.desk import DeskServices
    from console.startup.waiting import wait_for
    from console.thread_guard import guard_thread
    from console.ui.main_window import MainWindow
    from console.ui.operations import ChangeBus, Operations
    from console.ui.window_layout import WindowLayout

    username = settings.username if username is None else username
    user = wait_for(lambda: DeskReader(database).user(username or None))
    if user is None:
        QMessageBox.critical(None, app.translate("App", "Desk user"), app.translate(
            "App", "There is no active user %1 in this data file. Correct the desk user in the settings file %2."
        ).replace("%1", username).replace("%2", str(paths.settings_file)))
        return None
    desk = DeskServices.build(database, user, utc_now)
    rules = wait_for(desk.read_rules)
    lift_guard = guard_thread(database.engine, threading.current_thread(), strict=strict)
    window = MainWindow(desk, rules, Operations(ChangeBus()), ZoneInfo(settings.desk_zone), english=language == "en",
                        data_file=str(database.path), log_dir=str(paths.log_dir), views_file=paths.views_file,
                        map_tiles=map_tiles)
    window.settings_requested.connect(lambda: _edit_settings(app, window, settings, paths, on_language))
    window.lift_database_guard = lift_guard
    window.layout_store = WindowLayout(paths.layout_file(user.username))
    problem = window.layout_store.restore(window)
    if problem:
        window.statusBar().showMessage(problem, 15000)
    return window


def _edit_settings(app, window, settings: Settings, paths: AppPaths, on_language: Callable[[str], object] | None = None) -> None:
    """Saved settings; a new language applied at once (`on_language`: the window built again in it)."""
    from PySide6.QtCore import QLocale

    from console.ui.i18n import choose_language
    from console.ui.settings_dialog import SettingsDialog

    dialog = SettingsDialog(settings, str(paths.default_data_file), window)
    if dialog.exec() and dialog.result_settings is not None:
        if paths.settings_file.exists():
            shutil.copy2(paths.settings_file, paths.settings_file.with_suffix(".json.bak"))
        save_settings(dialog.result_settings, paths.settings_file)
        window.statusBar().showMessage(app.translate("App", "Settings saved."), 5000)
        if on_language is not None and dialog.result_settings.language != settings.language:
            on_language(choose_language(dialog.result_settings.language, QLocale.system().name()))


def _run_desk(args: argparse.Namespace) -> int:
    from console.logs import setup_logging

    paths = AppPaths.for_this_user()
    log_file = setup_logging(paths.log_dir)
    log.info("Dispatch Console %s starting", __version__)
    settings, settings_problem = load_settings_for(paths)
    app, language = start_qt(args.language or settings.language, offscreen=False)
    from console import single_instance

    guard = single_instance.claim(single_instance.server_name(scope=str(paths.config_dir)))
    if guard is None:
        log.info("a console already runs for this user: asked it to come forward")
        return 0

    from PySide6.QtWidgets import QMessageBox

    from console.startup.data_file_dialogs import open_desk_file, seed_with_progress
    from console.startup.waiting import wait_for
    from console.ui.errors import install_exception_hook

    install_exception_hook(log_file)
    if settings_problem:
        QMessageBox.warning(None, app.translate("App", "Settings"), app.translate(
            "App", "Your settings cannot be used: %1\n\nThe console starts with default settings; the file is left as it is until you save settings."
        ).replace("%1", settings_problem))
    opened = open_desk_file(app, args.data_file or settings.data_path(paths.default_data_file))
    if opened is None:
        return 1
    database, created, _data_file = opened
    sync, username = None, settings.username
    if settings.central_url:  # the centre's data, not the demo's: a new desk downloads it
        from console.startup.centre_login import connect_centre

        connected = connect_centre(app, database, settings, paths, utc_now)
        if connected is None:
            wait_for(database.close)
            return 1
        sync, username = connected
    elif created and not seed_with_progress(app, database):
        return 1
    from console.startup.desk_windows import DeskWindows

    tiles = (settings.map_tile_url, settings.map_tile_attribution, settings.map_tile_file)
    windows = DeskWindows(app, lambda lang: build_window(app, database, settings, lang, paths, username, map_tiles=tiles,
                                                         on_language=windows.switch_language), sync, language)
    window = windows.open()
    if window is None:
        return 1
    guard.activate_requested.connect(lambda: _bring_forward(windows.window))
    gc_pause.settle()  # the window built: what the desk holds from now on is frozen out of the collector's walks
    window.show()
    window.refresh()
    simulation = _simulate(database, windows, args.simulate, bool(settings.central_url))
    code = app.exec()
    if simulation is not None:
        simulation.stop()
    guard.close()
    if sync is not None:
        sync.worker.stop()
    windows.window.lift_database_guard()  # the event loop has ended: closing the file here freezes nothing
    windows.window.operations.background.wait(15_000)  # (a read still running holds the file open: on Windows it could not be removed)
    database.close()
    return code


def _simulate(database: Database, windows, speed: float | None, with_centre: bool):
    """The embedded demo's live field day (`--simulate`), in its own thread; a desk with a centre is
    driven at the centre (`dispatch-central simulate`), never from here."""
    if speed is None:
        return None
    if with_centre:
        log.warning("--simulate works on the embedded demo; with a centre, run dispatch-central simulate there")
        return None
    from console.startup.field_simulation import FieldSimulation

    simulation = FieldSimulation(database, lambda: windows.window, speed)
    simulation.start()
    return simulation


def _bring_forward(window) -> None:
    """A second launch asked for the desk: show it, even from the taskbar, and focus it."""
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


if __name__ == "__main__":
    sys.exit(main())
