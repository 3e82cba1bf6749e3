"""Shared fixtures: offscreen Qt, a private home folder, a demo centre, a real PostgreSQL."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

os.environ["QT_QPA_PLATFORM"] = "offscreen"
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from console.core.demo.centre import DemoParameters, generate_demo  # noqa: E402
from console.core.store.database import Database, open_data_file  # noqa: E402
from tests.fixtures.postgres_server import TemporaryPostgres  # noqa: E402

# A fixed "now" for everything generated: Sunday 22 Nov 2026, 10:00 in Shanghai.
DEMO_NOW = datetime(2026, 11, 22, 2, 0, tzinfo=UTC)
# The first year whose official schedule the installed `holidays` has not published: tests about
# provisional years use it, so a newer release of the library does not break them.
PROVISIONAL_YEAR = next(y for y in range(2026, 2200) if y not in __import__("holidays").China().special_public_holidays)
SMALL_DEMO = DemoParameters(seed=7, customers=300, sites=700, technicians=24, open_orders=400, closed_orders=100)


@pytest.fixture(autouse=True)
def _private_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DISPATCH_CONSOLE_HOME", str(tmp_path_factory.mktemp("home")))


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo centre written once per session; tests copy it before changing anything."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    database, _ = open_data_file(path)
    generate_demo(database, SMALL_DEMO, DEMO_NOW)
    database.close()
    return path


@pytest.fixture
def demo_db(demo_file: Path, tmp_path: Path) -> Iterator[Database]:
    copy = tmp_path / "desk.sqlite"
    shutil.copy(demo_file, copy)
    database, created = open_data_file(copy)
    assert not created
    yield database
    database.close()


@pytest.fixture(scope="session")
def postgres_server() -> Iterator[TemporaryPostgres]:
    server = TemporaryPostgres()
    server.start()
    yield server
    server.stop()


@pytest.fixture
def postgres_url(postgres_server: TemporaryPostgres) -> Iterator[str]:
    """A fresh, empty database on the session's server for each test."""
    import uuid

    from sqlalchemy import create_engine, text

    name = f"t_{uuid.uuid4().hex[:12]}"
    admin = create_engine(postgres_server.url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    yield postgres_server.url.rsplit("/", 1)[0] + f"/{name}"
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()
