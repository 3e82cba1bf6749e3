"""Schema migrations (Alembic) shared by the console's data file and the central database."""

from __future__ import annotations

from importlib.resources import files

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from console.core.store import search_index


def alembic_config(connection: Connection | None = None) -> Config:
    """A Config pointing at the packaged migrations; with a connection, migrations run on it."""
    cfg = Config()
    cfg.set_main_option("script_location", str(files("db") / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def known_revisions() -> set[str]:
    return {rev.revision for rev in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


class MigrationError(RuntimeError):
    """A migration left rows that break a foreign key; it was rolled back."""


def upgrade(engine: Engine, revision: str = "head") -> None:
    _migrate(engine, lambda cfg: command.upgrade(cfg, revision))


def downgrade(engine: Engine, revision: str) -> None:
    _migrate(engine, lambda cfg: command.downgrade(cfg, revision))


def _migrate(engine: Engine, run) -> None:
    """Run migrations in one transaction. On SQLite, foreign keys are off while they run (a table
    that batch mode recreates would otherwise be checked against every child row, in quadratic
    time) and checked as a whole before the commit."""
    with engine.connect() as connection:
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            connection.exec_driver_sql("PRAGMA foreign_keys=OFF")  # only takes effect outside a transaction
            connection.commit()
        try:
            with connection.begin():
                if sqlite:  # the desk's search index hangs on the tables a migration rebuilds: made again at open
                    search_index.drop(connection)
                run(alembic_config(connection))
                if sqlite:
                    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise MigrationError(f"the migration would leave {len(broken)} rows with broken references, e.g. {broken[0]}")
        finally:
            if sqlite:
                connection.exec_driver_sql("PRAGMA foreign_keys=ON")
                connection.commit()
