"""Choosing the UI language and installing Qt translators (zh_CN by default, en)."""

from __future__ import annotations

from importlib.resources import as_file, files

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

SHIPPED = ("zh_CN", "en")


def choose_language(setting: str, system_locale: str) -> str:
    """The setting if it names a shipped language; for 'system', Chinese unless the system is English."""
    if setting in SHIPPED:
        return setting
    return "en" if system_locale.lower().startswith("en") else "zh_CN"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install the console's own and Qt's translations; keep the returned list alive."""
    installed = []
    ours = QTranslator(app)
    with as_file(files("resources") / "translations" / f"dispatch_console_{language}.qm") as path:
        if ours.load(str(path)):
            app.installTranslator(ours)
            installed.append(ours)
    if language != "en":
        qt = QTranslator(app)
        if qt.load(QLocale(language), "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    QLocale.setDefault(QLocale(language))
    return installed
