"""A database and its units of work: the SQLite data file's engine or the centre's PostgreSQL.

Opening a desk's data file safely (probe, lock, backup, upgrade, refuse) is the desk's business
(`console.data_file`); the centre's start-up runs its migrations (`central.database`). This module
never migrates.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DatabaseError, DBAPIError
from sqlalchemy.orm import Session, sessionmaker

# How long a write waits for another to finish (a desk's action for the sync worker writing a large
# pulled batch, on a busy machine): an action runs off the GUI thread, so waiting beats failing with
# "database is locked" (the province bench saw 5 s run out with its 200 desks on 2 cores)
BUSY_TIMEOUT_MS = 30000
SQLITE_IOERR, SQLITE_FULL = 10, 13  # SQLite's primary result codes (an extended code keeps them in its low byte)


class DiskFailure(Exception):
    """The data file could not be written: its disk is full (`kind` "disk_full") or failed
    ("disk_error"). What was being written is rolled back whole (SQLite undoes the statement, the
    unit of work the transaction): nothing of the action is in the file, which stays consistent,
    and the same action works again once the disk does."""

    def __init__(self, kind: str, detail: str):
        super().__init__(f"the data file could not be written: {detail}")
        self.kind = kind


def disk_failure(error: BaseException) -> DiskFailure | None:
    """SQLite's "database or disk is full" (SQLITE_FULL) or "disk I/O error" (SQLITE_IOERR), raised
    by the driver or wrapped by SQLAlchemy, as a DiskFailure; None for any other error."""
    cause = error.orig if isinstance(error, DBAPIError) else error
    if not isinstance(cause, sqlite3.Error):
        return None
    code = getattr(cause, "sqlite_errorcode", None)
    primary, text = (code & 0xFF) if code is not None else None, str(cause).lower()
    if primary == SQLITE_FULL or "database or disk is full" in text:
        return DiskFailure("disk_full", str(cause))
    if primary == SQLITE_IOERR or "disk i/o error" in text:
        return DiskFailure("disk_error", str(cause))
    return None


class Releasable(Protocol):
    def release(self) -> None: ...


def _set_sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=FULL")
    cursor.close()


def sqlite_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
    event.listen(engine, "connect", _set_sqlite_pragmas)
    return engine


@dataclass
class Database:
    """An open, current data file (or central database) with its session factory."""

    engine: Engine
    path: Path | None = None
    lock: Releasable | None = None

    def __post_init__(self) -> None:
        self.sessions = sessionmaker(self.engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        """One user action: commit on success, roll back on any error (a full or failing disk is
        raised as a DiskFailure, after the rollback)."""
        try:
            with self.sessions() as session, session.begin():
                yield session
        except (DBAPIError, sqlite3.Error) as exc:
            failure = disk_failure(exc)
            if failure is None:
                raise
            raise failure from exc

    @contextmanager
    def reading(self) -> Iterator[Session]:
        """A session for queries; never commits (closing it ends the read transaction and
        leaves loaded objects usable, not expired)."""
        with self.sessions() as session:
            yield session

    def optimize(self) -> None:
        """Let SQLite refresh the statistics its query planner uses (after bulk writes, at close)."""
        if self.engine.dialect.name == "sqlite":
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA optimize")

    def close(self) -> None:
        try:
            self.optimize()
        except DatabaseError:
            pass  # statistics are an optimisation; a closing desk must not fail on them
        self.engine.dispose()
        if self.lock is not None:
            self.lock.release()


class SessionDatabase:
    """An open session as a service's database: its unit of work is a savepoint of the session's
    transaction (the centre running a desk's operation inside a push; a desk resolving a conflict
    in the same transaction that closes it)."""

    def __init__(self, session: Session, savepoints: bool = True, flushes: bool = True):
        """`savepoints=False`: a unit of work is only a flush, for a caller whose own savepoint around
        the whole operation is rolled back whenever the operation refuses or fails (the centre);
        `flushes=False`: not even that, the caller flushes a run of them at once."""
        self._session, self._savepoints, self._flushes = session, savepoints, flushes
        self.engine = session.get_bind()

    @contextmanager
    def unit_of_work(self) -> Iterator[Session]:
        if not self._savepoints:
            yield self._session
            if self._flushes:
                self._session.flush()
            return
        with self._session.begin_nested():
            yield self._session

    @contextmanager
    def reading(self) -> Iterator[Session]:
        yield self._session
