"""What the queue shows: a filter over queue rows and the urgency order.

Plain Python over frozen rows (no Qt): the table model applies these to its cached rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from typing import Any

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Band, CustomerLevel, OrderKind, OrderStatus
from console.core.domain.sla import SlaParameters
from console.core.domain.sla_clock import band_at, pause_awaits_approval
from console.core.store.rows import QueueRow

UNASSIGNED = "-"  # the assignee filter's value for orders nobody holds


@dataclass(frozen=True)
class QueueFilter:
    """Empty sets mean "any"; `assignee` is a technician's name, UNASSIGNED, or "" for any."""

    kinds: frozenset[OrderKind] = frozenset()
    levels: frozenset[CustomerLevel] = frozenset()
    bands: frozenset[Band] = frozenset()
    statuses: frozenset[OrderStatus] = frozenset()
    districts: frozenset[str] = frozenset()
    assignee: str = ""
    text: str = ""
    awaiting_approval: bool = False

    @property
    def needs_clock(self) -> bool:
        return bool(self.bands) or self.awaiting_approval

    def is_empty(self) -> bool:
        return self == QueueFilter()

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        return {k: sorted(str(x) for x in v) if isinstance(v, frozenset) else v for k, v in data.items()}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> QueueFilter:
        known = {
            "kinds": OrderKind, "levels": CustomerLevel, "bands": Band, "statuses": OrderStatus, "districts": str,
        }
        values: dict[str, Any] = {}
        for key, value in data.items():
            if key in known:
                values[key] = frozenset(known[key](v) for v in value)
            elif key in ("assignee", "text"):
                values[key] = str(value)
            elif key == "awaiting_approval":
                values[key] = bool(value)
            else:
                raise ValueError(f"unknown filter field {key!r}")
        return cls(**values)


def row_matcher(
    f: QueueFilter, calendar: BusinessCalendar, params: SlaParameters, now: datetime, english: bool = False
) -> Callable[[QueueRow], bool]:
    """A predicate for one row: cheap tests first; the band only when the filter asks for it."""
    text = f.text.strip().lower()

    def matches(row: QueueRow) -> bool:
        if f.kinds and row.kind not in f.kinds:
            return False
        if f.levels and row.level not in f.levels:
            return False
        if f.statuses and row.status not in f.statuses:
            return False
        if f.districts and (row.district_en if english else row.district) not in f.districts:
            return False
        if f.assignee == UNASSIGNED and row.assignee is not None:
            return False
        if f.assignee and f.assignee != UNASSIGNED and row.assignee != f.assignee:
            return False
        if text and text not in row.number.lower() and text not in row.customer and text not in row.address:
            return False
        if f.awaiting_approval and not pause_awaits_approval(row.sla, params, now):
            return False
        return not f.bands or band_at(row.sla, calendar, params, now) in f.bands

    return matches
