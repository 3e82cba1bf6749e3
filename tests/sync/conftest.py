"""Sync against a real centre: PostgreSQL from the suite, the service on loopback, desks on their
own SQLite files, each with its capture hooks, replica and worker (started or stepped by hand)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from console.core.services.desk import DeskReader
from console.core.store.database import Database
from console.core.store.rows import DeskUser
from console.data_file import open_data_file
from console.sync import capture
from console.sync.client import CentreClient
from console.sync.replica import Replica
from console.sync.worker import SyncWorker
from tests.fixtures.centre import PASSWORD


@dataclass
class Desk:
    database: Database
    replica: Replica
    worker: SyncWorker
    user: DeskUser

    @property
    def reader(self) -> DeskReader:
        return DeskReader(self.database)


@pytest.fixture
def make_desk(centre, tmp_path: Path) -> Iterator:
    base, _database, _url = centre
    desks: list[Desk] = []

    def make(name: str, username: str = "wang.wei.central", *, start: bool = False, long_poll: float = 20.0,
             on_status=None, on_changes=None) -> Desk:
        database, _created = open_data_file(tmp_path / f"{name}.sqlite")
        replica = Replica(database)
        client = CentreClient(base)
        client.login(username, PASSWORD)
        worker = SyncWorker(replica, client, long_poll=long_poll, on_status=on_status, on_changes=on_changes)
        capture.install(database.sessions, worker.wake)
        worker.download_snapshot()
        if start:
            worker.start()
        user = DeskReader(database).user(username)
        desk = Desk(database, replica, worker, user)
        desks.append(desk)
        return desk

    yield make
    for desk in desks:
        desk.worker.stop()
        desk.database.close()
