"""A desk's disk failing, injected into its data file's connections (tests only).

`DiskFull`: a full disk, for real as SQLite sees it: while on, each connection of the desk's engine,
as it is next taken from the pool (the ORM's sessions and the sync replica's raw sqlite3 writes
alike), may not grow the file past its size then (`PRAGMA max_page_count`, which SQLite clamps to
the current size), so a write that needs one more page fails with SQLITE_FULL, "database or disk is
full", exactly where a full disk would fail it (a write that fits in pages the file has goes
through, as on a real full disk).

`IoErrors`: a failing disk, injected at the driver boundary: while on, every writing statement
(INSERT, UPDATE, DELETE, REPLACE) the desk's SQLAlchemy connections run raises
sqlite3.OperationalError("disk I/O error"), as the driver raises SQLite's SQLITE_IOERR, before it
reaches SQLite. The replica's raw sqlite3 writes do not pass through SQLAlchemy's events and are
not hit by it (the full disk hits those).
"""

from __future__ import annotations

import sqlite3

from sqlalchemy import event

from console.core.store.database import Database

WRITES = ("INSERT", "UPDATE", "DELETE", "REPLACE")
NO_LIMIT = 1 << 30


class DiskFull:
    def __init__(self, database: Database):
        self.engine = database.engine
        self.on = False
        event.listen(self.engine, "checkout", self._checkout)

    def _checkout(self, dbapi_connection, _record, _proxy) -> None:
        dbapi_connection.execute(f"PRAGMA max_page_count = {1 if self.on else NO_LIMIT}")

    def fill(self) -> None:
        self.on = True

    def lift(self) -> None:
        self.on = False

    def remove(self) -> None:
        self.on = False
        event.remove(self.engine, "checkout", self._checkout)


class IoErrors:
    def __init__(self, database: Database):
        self.engine = database.engine
        self.on = False
        self.raised = 0
        event.listen(self.engine, "before_cursor_execute", self._before)

    def _before(self, _conn, _cursor, statement: str, parameters, _context, _many):
        if self.on and statement.lstrip()[:7].upper().startswith(WRITES):
            self.raised += 1
            raise sqlite3.OperationalError("disk I/O error")

    def fail(self) -> None:
        self.on = True

    def lift(self) -> None:
        self.on = False

    def remove(self) -> None:
        self.on = False
        event.remove(self.engine, "before_cursor_execute", self._before)


def file_is_sound(path) -> list[str]:
    """What `PRAGMA integrity_check` and `foreign_key_check` find wrong in the file (empty: sound)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        problems = [r[0] for r in conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
        return problems + [f"foreign key: {r}" for r in conn.execute("PRAGMA foreign_key_check")]
    finally:
        conn.close()
