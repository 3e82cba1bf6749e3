"""What a use case changed, by kind of row: services return it, the desk's change bus publishes it."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Changes:
    """What a use case changed, by kind of row; views decide whether they care."""

    orders: frozenset[uuid.UUID] = field(default_factory=frozenset)
    technicians: frozenset[uuid.UUID] = field(default_factory=frozenset)
    appointments: frozenset[uuid.UUID] = field(default_factory=frozenset)
    everything: bool = False

    @property
    def empty(self) -> bool:
        return not (self.orders or self.technicians or self.appointments or self.everything)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.orders | other.orders, self.technicians | other.technicians,
                       self.appointments | other.appointments, self.everything or other.everything)
