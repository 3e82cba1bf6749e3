"""What the two halves of the demo generator share: the random stream, the rows, the world."""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from console.core.demo import places
from console.core.domain.calendar import BusinessCalendar
from console.core.domain.sla import RuleBook
from console.core.store.models import Base


def new_ids(rng: random.Random) -> Callable[[], uuid.UUID]:
    """Deterministic UUIDs from the generator's own random stream."""
    return lambda: uuid.UUID(int=rng.getrandbits(128), version=4)


@dataclass
class DemoContext:
    rng: random.Random
    new_id: Callable[[], uuid.UUID]
    now: datetime
    calendar: BusinessCalendar
    book: RuleBook
    rows: dict[type[Base], list[dict[str, Any]]]

    def add(self, model: type[Base], **values: Any) -> uuid.UUID:
        return self.add_row(model, values)["id"]

    def add_row(self, model: type[Base], row: dict[str, Any]) -> dict[str, Any]:
        """Store `row` itself (later changes to it are inserted too) and return it."""
        row.setdefault("id", self.new_id())
        row.setdefault("updated_at", self.now)
        self.rows[model].append(row)
        return row

    def person(self) -> str:
        return self.rng.choice(places.SURNAMES) + self.rng.choice(places.GIVEN_NAMES)

    def phone(self) -> str:
        return "1" + self.rng.choice("3589") + "".join(str(self.rng.randrange(10)) for _ in range(9))



@dataclass
class World:
    """The reference rows the order generator draws from, as plain dicts."""

    regions: dict[str, uuid.UUID]
    districts: list[dict[str, Any]]
    customers: list[dict[str, Any]]
    sites_by_customer: dict[uuid.UUID, list[dict[str, Any]]]
    services_by_site: dict[uuid.UUID, list[dict[str, Any]]]
    technicians_by_region: dict[uuid.UUID, list[dict[str, Any]]]
    dispatchers_by_region: dict[uuid.UUID, list[uuid.UUID]]
    supervisor_by_region: dict[uuid.UUID, uuid.UUID]
