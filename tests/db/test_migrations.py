"""The schema is built by running the migrations, on SQLite and on a real PostgreSQL."""

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

import db
from console.store.database import sqlite_engine
from console.store.models import Base


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
