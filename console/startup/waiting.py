"""Start-up work that must finish before the window opens, run off the GUI thread while the GUI
thread keeps painting (a progress dialog, the login dialog)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from PySide6.QtCore import QEventLoop

from console.ui.background import Background

T = TypeVar("T")


def wait_for(fn: Callable[[], T]) -> T:
    """fn's result, computed in a worker while a local event loop runs; its exception re-raised."""
    loop, outcome, background = QEventLoop(), {}, Background()

    def finish(key: str) -> Callable[[Any], None]:
        return lambda value: (outcome.setdefault(key, value), loop.quit())

    background.run(fn, finish("ok"), finish("error"))
    if not outcome:
        loop.exec()
    if "error" in outcome:
        raise outcome["error"]
    return outcome["ok"]
