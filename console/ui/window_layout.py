"""The desk window's layout, kept per desk user: the window's place and size, its docks, the split
between the queue and the order's details, the queue's columns (order, widths, hidden ones) and the
page shown. Saved when the window closes, restored when it opens; the first start fits the screen
(a 1366x768 laptop gets a maximised window with the map a quarter of its height)."""

from __future__ import annotations

import base64
import json
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import QGuiApplication

if TYPE_CHECKING:
    from console.ui.main_window import MainWindow

log = logging.getLogger("console.ui")
VERSION = 1  # of the file's form; a file of another version is left aside and the defaults used
SMALL_SCREEN = (1600, 960)  # below this (available pixels), the first start opens maximised
MAP_SHARE = 0.25  # of the window's height, for the map at the first start


class WindowLayout:
    def __init__(self, path: Path):
        self.path = path

    def restore(self, window: MainWindow) -> str:
        """Put the window as its user left it; the first time, fit it to the screen. What could not
        be used (a damaged file) is said in the returned text, and the defaults are used instead."""
        if not self.path.exists():
            self.first_start(window)
            return ""
        try:
            saved = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(saved, dict) or saved.get("version") != VERSION:
                raise ValueError("it was written by another version")
            parts = {key: QByteArray(base64.b64decode(saved[key], validate=True)) for key in ("geometry", "state", "splitter", "columns")}
            page, detail = int(saved.get("page", 0)), bool(saved.get("detail", True))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("the window layout in %s cannot be used (%s): the default layout is used", self.path, exc)
            self.first_start(window)
            return QCoreApplication.translate("WindowLayout", "The saved window layout could not be read; the default layout is used.")
        restored = (window.restoreGeometry(parts["geometry"]) and window.restoreState(parts["state"], VERSION)
                    and window.splitter.restoreState(parts["splitter"]) and window.queue.table.restore_columns(parts["columns"]))
        if not restored:
            log.warning("the window layout in %s does not fit this window: the default layout is used", self.path)
            self.first_start(window)
            return ""
        if 0 <= page < window.tabs.count():
            window.tabs.setCurrentIndex(page)
        window.detail_action.setChecked(detail)
        return ""

    def save(self, window: MainWindow) -> None:
        """Write the layout (a failure is logged: the desk closes all the same)."""
        saved = {
            "version": VERSION,
            "geometry": _text(window.saveGeometry()),
            "state": _text(window.saveState(VERSION)),
            "splitter": _text(window.splitter.saveState()),
            "columns": _text(window.queue.table.horizontalHeader().saveState()),
            "page": window.tabs.currentIndex(),
            "detail": window.detail_action.isChecked(),
        }
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial = self.path.with_suffix(".json.partial")
            partial.write_text(json.dumps(saved), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as exc:
            log.warning("the window layout could not be saved to %s (%s)", self.path, exc)

    @staticmethod
    def first_start(window: MainWindow) -> None:
        """Fit the screen: maximised on a small one, else a large window in its middle; the map below
        takes a quarter of the height, the queue the rest."""
        screen = window.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry()
        if room.width() < SMALL_SCREEN[0] or room.height() < SMALL_SCREEN[1]:
            window.resize(room.size())
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
            height = room.height()
        else:
            window.resize(min(1600, room.width() - 80), min(960, room.height() - 80))
            window.move(room.center() - window.rect().center())
            height = window.height()
        if window.map_dock is not None:
            window.resizeDocks([window.map_dock], [int(height * MAP_SHARE)], Qt.Orientation.Vertical)


def _text(data: QByteArray) -> str:
    return base64.b64encode(bytes(data.data())).decode("ascii")
