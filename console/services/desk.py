"""Read use cases of the desk: the queue, one order's detail, who sits at the desk."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from console.store import queries
from console.store.database import Database
from console.store.demo_centre import DemoParameters, generate_demo
from console.store.rows import DeskUser, OrderDetail, QueueRow, TechnicianRow


@dataclass(frozen=True)
class Changes:
    """What a use case changed, by kind of row; views decide whether they care."""

    orders: frozenset[uuid.UUID] = field(default_factory=frozenset)
    technicians: frozenset[uuid.UUID] = field(default_factory=frozenset)
    everything: bool = False


class DeskReader:
    def __init__(self, database: Database):
        self._database = database

    def queue(self, region_id: uuid.UUID | None = None) -> list[QueueRow]:
        with self._database.reading() as session:
            return queries.open_queue(session, region_id)

    def detail(self, order_id: uuid.UUID) -> OrderDetail | None:
        with self._database.reading() as session:
            return queries.order_detail(session, order_id)

    def technicians(self, region_id: uuid.UUID | None = None) -> list[TechnicianRow]:
        with self._database.reading() as session:
            return queries.technicians(session, region_id)

    def user(self, username: str | None) -> DeskUser | None:
        """The desk's user; None when a named user is not in the data file (or not active)."""
        with self._database.reading() as session:
            return queries.desk_user(session, username)


def seed_demo_centre(database: Database, params: DemoParameters | None = None, now: datetime | None = None) -> Changes:
    generate_demo(database, params or DemoParameters(), now)
    return Changes(everything=True)
