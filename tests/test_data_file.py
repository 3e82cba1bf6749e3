"""Bad data files give clear errors and are never modified."""

import hashlib
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from console.data_file import DataFileError, DataFileProblem, open_data_file


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_file_is_created_at_the_current_schema(tmp_path: Path) -> None:
    database, created = open_data_file(tmp_path / "sub" / "desk.sqlite")
    assert created
    database.close()
    database, created = open_data_file(tmp_path / "sub" / "desk.sqlite")
    assert not created
    database.close()


def test_a_corrupt_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    path.write_bytes(b"this is not a database\x00" * 500)
    before = digest(path)
    with pytest.raises(DataFileError) as caught:
        open_data_file(path)
    assert caught.value.problem is DataFileProblem.CORRUPT
    assert "damaged" in str(caught.value) and "untouched" in str(caught.value)
    assert digest(path) == before


def test_a_truncated_data_file_is_refused(tmp_path: Path, demo_file: Path) -> None:
    path = tmp_path / "desk.sqlite"
    path.write_bytes(demo_file.read_bytes()[: 64 * 1024])
    before = digest(path)
    with pytest.raises(DataFileError) as caught:
        open_data_file(path)
    assert caught.value.problem is DataFileProblem.CORRUPT
    assert digest(path) == before


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.sqlite"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    before = digest(path)
    with pytest.raises(DataFileError) as caught:
        open_data_file(path)
    assert caught.value.problem is DataFileProblem.NOT_OURS
    assert digest(path) == before


def test_a_file_from_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    database, _ = open_data_file(path)
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    database.close()
    before = digest(path)
    with pytest.raises(DataFileError) as caught:
        open_data_file(path)
    assert caught.value.problem is DataFileProblem.NEWER_SCHEMA
    assert "newer version" in str(caught.value)
    assert digest(path) == before


def test_a_file_in_use_by_another_console_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    first, _ = open_data_file(path)
    try:
        with pytest.raises(DataFileError) as caught:
            open_data_file(path)
        assert caught.value.problem is DataFileProblem.LOCKED
        assert "another Dispatch Console" in str(caught.value)
    finally:
        first.close()
    second, _ = open_data_file(path)  # free again once the first one closed
    second.close()


def test_a_file_locked_by_another_sqlite_writer_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "desk.sqlite"
    database, _ = open_data_file(path)
    database.close()
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DataFileError) as caught:
            open_data_file(path)
        assert caught.value.problem is DataFileProblem.LOCKED
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_an_unwritable_place_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(DataFileError) as caught:
        open_data_file(blocker / "desk.sqlite")
    assert caught.value.problem is DataFileProblem.UNWRITABLE
    assert "is a file, not a folder" in str(caught.value)
    with pytest.raises(DataFileError, match="is a folder"):
        open_data_file(tmp_path)


def test_an_older_schema_is_upgraded_after_a_backup(tmp_path: Path) -> None:
    import db

    path = tmp_path / "desk.sqlite"
    database, _ = open_data_file(path)
    db.downgrade(database.engine, "base")
    database.close()
    database, created = open_data_file(path)
    assert not created
    with database.engine.connect() as conn:
        assert db.current_revision(conn) == db.head_revision()
    database.close()


def test_schema_constraints_guard_what_the_ui_might_miss(demo_db) -> None:
    statements = [
        "UPDATE work_orders SET priority = 9 WHERE rowid = (SELECT min(rowid) FROM work_orders)",
        "UPDATE work_orders SET status = 'lost' WHERE rowid = (SELECT min(rowid) FROM work_orders)",
        "UPDATE work_orders SET service_id = NULL WHERE kind = 'fault'",
        "UPDATE sites SET latitude = 123.0 WHERE rowid = (SELECT min(rowid) FROM sites WHERE latitude IS NOT NULL)",
        "UPDATE sites SET longitude = NULL WHERE latitude IS NOT NULL",
        "UPDATE appointment_changes SET reason = NULL WHERE kind = 'rescheduled'",
        "UPDATE appointments SET window_end = window_start",
        "UPDATE work_orders SET customer_id = X'00000000000000000000000000000000'",
    ]
    for statement in statements:
        with pytest.raises(IntegrityError):
            with demo_db.engine.begin() as conn:
                conn.execute(text(statement))


def test_copying_keeps_a_usable_file(tmp_path: Path, demo_file: Path) -> None:
    copy = tmp_path / "copy.sqlite"
    shutil.copy(demo_file, copy)
    database, created = open_data_file(copy)
    assert not created
    database.close()


def test_a_file_from_the_first_schema_with_orders_upgrades_to_a_working_queue(tmp_path: Path, demo_file: Path) -> None:
    """A data file written at schema 0001 (no SLA cache columns) shows its queue after the upgrade,
    and the backup holds what was committed, WAL included."""
    import db
    from console.core.services.desk import DeskReader

    path = tmp_path / "old.sqlite"
    shutil.copy(demo_file, path)
    database, _ = open_data_file(path)
    before = len(DeskReader(database).queue())
    db.downgrade(database.engine, "0001")
    with database.engine.begin() as conn:
        conn.execute(text("UPDATE work_orders SET priority = 1"))  # committed, still in the WAL
    database.lock.release()
    database.engine.dispose()
    upgraded, _ = open_data_file(path)
    rows = DeskReader(upgraded).queue()
    assert len(rows) == before and all(r.sla.times.amber_at is not None for r in rows)
    upgraded.close()
    backup = next(tmp_path.glob("old.sqlite.before-*.bak"))
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT count(*) FROM work_orders WHERE priority != 1").fetchone()[0] == 0
