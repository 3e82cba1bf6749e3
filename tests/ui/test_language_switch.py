"""A new language from the settings applies at once: the window is built again in it over the same
desk, with the old window's layout, and the old one goes."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from console.app import build_window
from console.paths import AppPaths
from console.settings import Settings
from console.startup.desk_windows import DeskWindows


def test_the_window_comes_back_in_the_new_language_with_its_layout(qtbot, demo_db) -> None:
    app = QApplication.instance()
    before = list(getattr(app, "_translators", []))
    windows = DeskWindows(app, lambda lang: build_window(app, demo_db, Settings(), lang, AppPaths.for_this_user(), None,
                                                         map_tiles=None, strict=True, on_language=windows.switch_language),
                          None, "en")
    try:
        windows._translate("zh_CN")
        old = windows.open()  # (not handed to qtbot: the switch deletes it)
        old.show()
        old.refresh()
        qtbot.waitUntil(lambda: old.model.rowCount() > 0, timeout=10_000)
        assert old.menuBar().actions()[0].text() == "文件(&F)"
        old.queue.table.horizontalHeader().hideSection(old.model.DUE)  # a layout of this user's own
        old.resize(1300, 800)
        assert windows.switch_language("en")
        new = windows.window
        qtbot.addWidget(new)
        assert new is not old and new.isVisible()
        qtbot.waitUntil(lambda: new.model.rowCount() > 0, timeout=10_000)
        assert new.menuBar().actions()[0].text() == "&File"
        assert new.queue.table.horizontalHeader().isSectionHidden(new.model.DUE)
        assert windows.language == "en"
        assert not windows.switch_language("en")  # the same language: nothing to do
    finally:
        for translator in getattr(app, "_translators", []):
            app.removeTranslator(translator)
        app._translators = before
        if windows.window is not None:
            windows.window.lift_database_guard()
