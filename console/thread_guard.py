"""Keeping the database off the GUI thread: a statement run there is refused (tests, self-test) or
logged with where it came from (a desk in use), so a slow disk never freezes the window."""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable

from sqlalchemy import Engine, event

log = logging.getLogger(__name__)


class DatabaseOnGuiThread(RuntimeError):
    """A statement was about to run on the thread that paints the window."""


def guard_thread(engine: Engine, thread: threading.Thread, *, strict: bool) -> Callable[[], None]:
    """From now on, a statement run on `thread` raises (strict) or is logged once per call site.
    Returns the function that lifts the guard (a closing file optimises on the GUI thread, after the event loop)."""
    seen: set[str] = set()

    def before_cursor_execute(_conn, _cursor, statement, _params, _context, _many) -> None:
        if threading.current_thread() is not thread:
            return
        if strict:
            raise DatabaseOnGuiThread(f"database statement on the GUI thread: {statement[:120]}")
        site = "".join(traceback.format_stack(limit=12)[:-1])
        if site not in seen:
            seen.add(site)
            log.warning("database statement on the GUI thread (%s); from:\n%s", statement[:120], site)

    event.listen(engine, "before_cursor_execute", before_cursor_execute)
    return lambda: event.remove(engine, "before_cursor_execute", before_cursor_execute)
