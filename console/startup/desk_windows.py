"""The desk's main window, one at a time: built at start, and built again in another language when the
settings change it, without a restart.

Qt's strings are set when widgets are made, so a new language is a new window over the same desk:
the same data file, sync and centre connection; the old window's layout (size, docks, columns,
the page shown) saved and given to the new one; the new translators installed before it is built.
The old window goes once the new one is shown: its answers still on their way are dropped with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication

from console.ui.i18n import install_translators


class DeskWindows:
    def __init__(self, app: QApplication, build: Callable[[str], Any], sync: Any, language: str):
        """`build(language)`: a main window over the desk (None when it cannot be built); `sync`:
        the desk's sync with a centre, or None."""
        self._app, self._build, self._sync = app, build, sync
        self.language = language
        self.window: Any = None

    def open(self) -> Any:
        window = self._build(self.language)
        if window is None:
            return None
        if self._sync is not None:
            window.attach_sync(self._sync)
        self.window = window
        return window

    def switch_language(self, language: str) -> bool:
        """The window again in `language`, in the old one's place; whether it was switched."""
        old = self.window
        if language == self.language or old is None:
            return False
        if old.layout_store is not None:
            old.layout_store.save(old)  # (the new window restores it)
        previous = self.language
        self._translate(language)
        old.lift_database_guard()  # (the new window guards the database from its thread)
        if self.open() is None:
            self._translate(previous)
            self.window = old
            return False
        old.layout_store = None  # (closed below: it must not save its layout over the new one's later)
        self.window.show()
        self.window.refresh()
        old.close()
        old.deleteLater()
        return True

    def _translate(self, language: str) -> None:
        for translator in getattr(self._app, "_translators", []):
            self._app.removeTranslator(translator)
        self._app._translators = install_translators(self._app, language)  # type: ignore[attr-defined]  # kept alive with the app
        self.language = language
