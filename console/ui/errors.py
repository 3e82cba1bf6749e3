"""Unhandled exceptions: logged with their traceback and shown in a dialog, never a silent exit."""

from __future__ import annotations

import logging
import sys
import threading
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from console.core.store.database import DiskFailure
from console.ui.labels import disk_failure_text

log = logging.getLogger("console")


def install_exception_hook(log_file: Path) -> None:
    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        log.critical("unhandled exception", exc_info=(kind, value, tb))
        if QApplication.instance() is None:
            return
        box = QMessageBox(QApplication.activeWindow())
        if isinstance(value, DiskFailure):  # a write the disk refused, on a path with no words of its own: say what it is
            box.setIcon(QMessageBox.Icon.Warning)
            box.setWindowTitle(QCoreApplication.translate("Errors", "Nothing was saved"))
            box.setText(QCoreApplication.translate("Errors", "The change could not be saved: %1").replace("%1", disk_failure_text(value)))
            box.exec()
            return
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(QCoreApplication.translate("Errors", "Unexpected error"))
        box.setText(
            QCoreApplication.translate("Errors", "Something went wrong: %1\n\nYour saved work is safe. The details are in %2.")
            .replace("%1", f"{kind.__name__}: {value}")
            .replace("%2", str(log_file))
        )
        box.exec()

    sys.excepthook = hook
    threading.excepthook = lambda args: log.critical(
        "unhandled exception in thread %s", args.thread, exc_info=(args.exc_type, args.exc_value, args.exc_traceback)
    )
