"""The fault tests: desks against a real centre (PostgreSQL from the suite, the service on loopback)."""

from __future__ import annotations

from pathlib import Path

import pytest

from console.data_file import open_data_file


@pytest.fixture(scope="session")
def empty_desk_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new desk's data file (migrated, no rows, no desk id yet), made once: each desk starts from a
    copy (making one runs every migration, over a second each)."""
    path = tmp_path_factory.mktemp("empty-desk") / "desk.sqlite"
    database, _created = open_data_file(path)
    database.close()
    return path
