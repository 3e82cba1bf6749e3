"""The schema is built by running the migrations, on SQLite and on a real PostgreSQL."""

import json
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

import db
from console.core.store.database import sqlite_engine
from console.core.store.models import Base


def _for_this_engine(dialect: str):
    """Leave out what the models create only on another engine (Index.ddl_if)."""

    def include(obj, name, type_, reflected, compare_to) -> bool:
        ddl_if = getattr(obj, "_ddl_if", None)
        return ddl_if is None or ddl_if.dialect is None or ddl_if.dialect == dialect

    return include


def _assert_matches_models(engine) -> None:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_object": _for_this_engine(conn.dialect.name)}
        )
        diff = compare_metadata(context, Base.metadata)
    assert diff == []


def _up_down_up(engine) -> None:
    db.upgrade(engine)
    tables = set(inspect(engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    _assert_matches_models(engine)
    db.downgrade(engine, "base")
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    db.upgrade(engine)
    with engine.connect() as conn:
        assert db.current_revision(conn) == db.head_revision()


def test_migrations_up_and_down_on_sqlite(tmp_path: Path) -> None:
    engine = sqlite_engine(tmp_path / "m.sqlite")
    _up_down_up(engine)
    engine.dispose()


@pytest.mark.postgres
def test_migrations_up_and_down_on_postgresql(postgres_url: str) -> None:
    engine = create_engine(postgres_url)
    _up_down_up(engine)
    engine.dispose()


def test_a_desk_file_upgraded_with_changes_waiting_indexes_them(tmp_path: Path) -> None:
    """0011: what waits in a desk's outbox when it is upgraded is found by the new row index."""
    engine = sqlite_engine(tmp_path / "desk.sqlite")
    db.upgrade(engine, "0010")
    changes = [{"t": "work_orders", "id": "a" * 32, "op": "update", "set": {}}, {"t": "audit_log", "id": "b" * 32, "op": "insert", "set": {}},
               {"t": "work_orders", "id": "a" * 32, "op": "update", "set": {}}]
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO sync_outbox (created_at, summary, changes, attempts) VALUES ('2026-12-03 08:00:00', '', ?, 0)",
                             (json.dumps(changes),))
    db.upgrade(engine)
    with engine.connect() as conn:
        assert sorted(conn.exec_driver_sql("SELECT row_id, mutation FROM sync_outbox_rows")) == [("a" * 32, 1), ("b" * 32, 1)]
    with engine.begin() as conn:  # an entry's index goes with it
        conn.exec_driver_sql("DELETE FROM sync_outbox")
        assert conn.exec_driver_sql("SELECT count(*) FROM sync_outbox_rows").scalar() == 0
    engine.dispose()
