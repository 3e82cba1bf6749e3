"""The desk's data file: open it safely, migrate it, hand it over as a `Database`.

A data file that is corrupt, locked, written by a newer version or unwritable is refused with a
`DataFileError` whose message a person understands; such a file is never modified, "repaired"
or replaced. An older schema is upgraded only after a copy of the file is saved beside it.
"""

from __future__ import annotations

import os
import sqlite3
from enum import StrEnum
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import sessionmaker

import db
from console.core.store import search_index
from console.core.store.database import Database, sqlite_engine
from console.file_lock import FileLock, FileLockHeld


class DataFileProblem(StrEnum):
    CORRUPT = "corrupt"
    NOT_OURS = "not_ours"
    LOCKED = "locked"
    NEWER_SCHEMA = "newer_schema"
    UNWRITABLE = "unwritable"


class DataFileError(Exception):
    """The data file cannot be used; `problem` says why, the message says it to a person."""

    def __init__(self, problem: DataFileProblem, path: Path, message: str):
        super().__init__(message)
        self.problem = problem
        self.path = path


def _is_lock_error(error: BaseException | None) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def _locked(path: Path) -> DataFileError:
    return DataFileError(
        DataFileProblem.LOCKED,
        path,
        f"The data file {path} is locked by another program (perhaps another Dispatch Console). Close it and try again.",
    )


def _probe(path: Path) -> tuple[str | None, bool]:
    """(schema revision or None, whether the file holds tables of its own), raising DataFileError."""
    try:
        # Open read-only with a raw connection: nothing may be written before the checks pass.
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=1.0)
    except sqlite3.OperationalError as exc:
        raise DataFileError(DataFileProblem.UNWRITABLE, path, f"The data file {path} cannot be opened: {exc}.") from exc
    try:
        conn.execute("PRAGMA quick_check").fetchone()
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        # sqlite_sequence (AUTOINCREMENT's counters) stays after the tables it served are dropped
        return revision, bool({t for t in tables if not t.startswith("sqlite_")} - {"alembic_version"})
    except sqlite3.DatabaseError as exc:
        if _is_lock_error(exc):
            raise _locked(path) from exc
        raise DataFileError(
            DataFileProblem.CORRUPT,
            path,
            f"The data file {path} is damaged or is not a Dispatch Console data file ({exc}). "
            "It was left untouched; restore it from a backup or choose another file.",
        ) from exc
    finally:
        conn.close()


def _check_writable(engine: Engine, path: Path) -> None:
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
            conn.exec_driver_sql("ROLLBACK")
    except OperationalError as exc:
        if _is_lock_error(exc.orig):
            raise _locked(path) from exc
        raise DataFileError(
            DataFileProblem.UNWRITABLE,
            path,
            f"The data file {path} cannot be written ({exc.orig}). Check the folder's permissions and free space.",
        ) from exc


def open_data_file(path: Path, *, create: bool = True) -> tuple[Database, bool]:
    """Open (or create) the desk's data file at the current schema; returns (database, created)."""
    path = Path(path)
    if path.exists() and not path.is_file():
        raise DataFileError(DataFileProblem.UNWRITABLE, path, f"{path} is a folder, not a data file.")
    blocking_file = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocking_file is not None:
        raise DataFileError(
            DataFileProblem.UNWRITABLE, path, f"The data file {path} cannot be created: {blocking_file} is a file, not a folder."
        )
    existed = path.exists() and path.stat().st_size > 0
    if not existed:
        if not create:
            raise DataFileError(DataFileProblem.UNWRITABLE, path, f"There is no data file at {path}.")
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DataFileError(
                DataFileProblem.UNWRITABLE, path, f"The folder for the data file {path} cannot be created: {exc.strerror}."
            ) from exc
    lock = _lock_for(path)
    try:
        if not existed:
            _create(path)
        return Database(_prepare(path, True), path, lock), not existed
    except BaseException:
        lock.release()
        raise


def _create(path: Path) -> None:
    """Make a new data file whole or not at all: the schema is built beside it and moved into
    place when complete (SQLite commits each CREATE of a migration by itself, so a desk killed
    while building would otherwise leave a half-made file it then refuses)."""
    building = path.with_name(path.name + ".new")
    for leftover in (building, building.with_name(building.name + "-wal"), building.with_name(building.name + "-shm")):
        leftover.unlink(missing_ok=True)
    engine = _prepare(building, False)
    try:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")  # everything in the file itself before it moves
    finally:
        engine.dispose()
    for suffix in ("-wal", "-shm"):
        building.with_name(building.name + suffix).unlink(missing_ok=True)
    path.with_name(path.name + "-wal").unlink(missing_ok=True)  # an empty file's leftovers, never data
    path.with_name(path.name + "-shm").unlink(missing_ok=True)
    os.replace(building, path)


def _backup(path: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API: committed changes still in the WAL
    are included (a file copy would miss them)."""
    source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()


def _fill_missing_sla(engine: Engine) -> None:
    """Orders written before their SLA cache existed (schema 0001) get it computed now."""
    from console.core.store.models import WorkOrder, utcnow
    from console.core.store.rules import load_calendar, load_rulebook, seed_default_rules
    from console.core.store.sla_cache import refresh_sla

    with sessionmaker(engine)() as session, session.begin():
        missing = list(session.scalars(select(WorkOrder.id).where(WorkOrder.amber_at.is_(None), WorkOrder.deleted.is_(False))))
        if missing:
            seed_default_rules(session)
            session.flush()
            refresh_sla(session, missing, load_rulebook(session), load_calendar(session), utcnow())


def _lock_for(path: Path) -> FileLock:
    lock = FileLock(path.with_name(path.name + ".lock"))
    try:
        lock.acquire()
    except FileLockHeld as exc:
        raise DataFileError(
            DataFileProblem.LOCKED,
            path,
            f"The data file {path} is in use by another Dispatch Console (process {lock.holder_pid()}). "
            "Close that window first, or choose another data file.",
        ) from exc
    except OSError as exc:
        raise DataFileError(DataFileProblem.UNWRITABLE, path, f"The data file {path} cannot be locked: {exc}.") from exc
    return lock


def _prepare(path: Path, existed: bool) -> Engine:
    """Check the file and bring it to the current schema; an engine on it, or DataFileError."""
    revision = None
    if existed:
        revision, has_tables = _probe(path)
        if revision is None and has_tables:
            raise DataFileError(
                DataFileProblem.NOT_OURS,
                path,
                f"{path} is an SQLite database but not a Dispatch Console data file. It was left untouched.",
            )
        if revision is not None and revision not in db.known_revisions():
            raise DataFileError(
                DataFileProblem.NEWER_SCHEMA,
                path,
                f"The data file {path} was written by a newer version of Dispatch Console (schema {revision}). "
                "Install the newer version; this one will not modify the file.",
            )
    engine = sqlite_engine(path)
    try:
        _check_writable(engine, path)
        if revision != db.head_revision():
            if revision is not None:
                _backup(path, path.with_name(f"{path.name}.before-{db.head_revision()}.bak"))
            db.upgrade(engine)
            _fill_missing_sla(engine)
        with engine.begin() as conn:  # the desk's own search index (FTS5): made once, kept by triggers
            search_index.ensure(conn)
    except DataFileError:
        engine.dispose()
        raise
    except (DatabaseError, OSError, db.MigrationError) as exc:
        engine.dispose()
        raise DataFileError(DataFileProblem.UNWRITABLE, path, f"The data file {path} could not be prepared: {exc}.") from exc
    return engine
