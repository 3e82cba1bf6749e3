"""An unhandled exception is logged with its traceback and shown in a dialog, never a silent exit."""

import logging
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from console.logs import setup_logging
from console.ui.errors import install_exception_hook


@pytest.fixture(autouse=True)
def _restore_logging():
    before = list(logging.getLogger().handlers)
    yield
    for handler in list(logging.getLogger().handlers):
        if handler not in before:
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_an_unhandled_exception_is_logged_and_shown(qapp, tmp_path: Path, monkeypatch) -> None:
    log_file = setup_logging(tmp_path / "logs")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    original = sys.excepthook
    install_exception_hook(log_file)
    try:
        try:
            raise RuntimeError("the printer caught fire")
        except RuntimeError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = original
    for handler in logging.getLogger().handlers:
        handler.flush()
    logged = log_file.read_text(encoding="utf-8")
    assert "unhandled exception" in logged and "the printer caught fire" in logged and "Traceback" in logged
    assert len(shown) == 1 and "the printer caught fire" in shown[0] and str(log_file) in shown[0]


def test_logs_rotate(tmp_path: Path) -> None:
    log_file = setup_logging(tmp_path / "logs")
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(log_file))
    handler.maxBytes = 2_000
    for n in range(200):
        logging.getLogger("console.test").warning("line %d of a long shift", n)
    assert (tmp_path / "logs" / "console.log.1").exists()
    assert len(list((tmp_path / "logs").glob("console.log*"))) <= 6
