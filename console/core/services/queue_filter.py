"""What the queue shows: a filter over queue rows, the search, and how many orders each choice
of the filter menus would show.

Plain Python over frozen rows (no Qt): the table model applies these to its cached rows; the
search of what the rows do not carry (circuit ids, customer codes, contact phones) asks the store.
"""

from __future__ import annotations

import re
import uuid
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from operator import attrgetter
from typing import Any

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Band, CustomerLevel, OrderKind, OrderStatus
from console.core.domain.sla import SlaParameters
from console.core.domain.sla_clock import band_at, pause_awaits_approval
from console.core.store.database import Database
from console.core.store.queue_query import orders_matching
from console.core.store.rows import QueueRow

UNASSIGNED = "-"  # the assignee filter's value for orders nobody holds


@dataclass(frozen=True)
class QueueFilter:
    """Empty sets mean "any"; `assignee` is a technician's name, UNASSIGNED, or "" for any.
    `hits`: the open orders the store found for `text` (circuit id, customer code, phone), found
    off the GUI thread after the text was typed; not part of the filter's meaning (not compared,
    not saved). `orders`: only these orders (a dashboard figure drilled into, named by
    `orders_label`); a set of ids of the moment, never saved in a view."""

    kinds: frozenset[OrderKind] = frozenset()
    levels: frozenset[CustomerLevel] = frozenset()
    bands: frozenset[Band] = frozenset()
    statuses: frozenset[OrderStatus] = frozenset()
    districts: frozenset[str] = frozenset()
    assignee: str = ""
    text: str = ""
    awaiting_approval: bool = False
    hits: frozenset[uuid.UUID] = field(default=frozenset(), compare=False, repr=False)
    orders: frozenset[uuid.UUID] = field(default=frozenset(), repr=False)
    orders_label: str = field(default="", compare=False)

    @property
    def needs_clock(self) -> bool:
        return bool(self.bands) or self.awaiting_approval

    def is_empty(self) -> bool:
        return self == QueueFilter()

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self) if f.name not in ("hits", "orders", "orders_label")}
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


def searches_store(text: str) -> bool:
    """Whether a search text can be part of a circuit id, customer code or phone (three or more
    letters, digits or dashes): only then is the store asked."""
    return re.fullmatch(r"[A-Za-z0-9-]{3,}", text.strip()) is not None


def find_orders(database: Database, text: str, region_id: uuid.UUID | None) -> frozenset[uuid.UUID]:
    """The open orders (of the region) whose circuit id, customer code or contact phone contains `text`."""
    if not searches_store(text):
        return frozenset()
    with database.reading() as session:
        return frozenset(orders_matching(session, text.strip(), region_id))


class _NameMatches(dict):
    """name -> whether the text is in it (lower-cased), each name tested once."""

    def __init__(self, text: str):
        super().__init__()
        self._text = text

    def __missing__(self, name: str | None) -> bool:
        found = self[name] = bool(name) and self._text in name.lower()  # type: ignore[union-attr]
        return found


def text_matcher(f: QueueFilter, english: bool) -> Callable[[QueueRow], bool] | None:
    """A predicate for the search text, or None when there is none: order number, customer,
    address, district (its English name too in the English UI), technician, and the store's hits.
    Per-name answers are kept: 100,000 rows cost one test per distinct customer, district or technician."""
    text = f.text.strip().lower()
    if not text:
        return None
    hits = f.hits
    upper = text.upper()  # order numbers are upper case (OrderNumber): no lower() per row
    names = _NameMatches(text)
    customers = _NameMatches(text)

    def matches(row: QueueRow) -> bool:
        return (upper in row.number or customers[row.customer] or text in row.address or names[row.assignee]
                or names[row.district_en if english else row.district])

    if not hits:
        return matches
    return lambda row: matches(row) or row.id in hits  # a UUID's hash is Python code: only when there are hits


def row_matcher(
    f: QueueFilter, calendar: BusinessCalendar, params: SlaParameters, now: datetime, english: bool = False
) -> Callable[[QueueRow], bool]:
    """A predicate for one row: cheap tests first; the band only when the filter asks for it."""
    text = text_matcher(f, english)
    if text is not None and f == QueueFilter(text=f.text):
        return text  # only a search (the usual case while typing): no call per row on top of it

    def matches(row: QueueRow) -> bool:
        if f.orders and row.id not in f.orders:
            return False
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
        if text is not None and not text(row):
            return False
        if f.awaiting_approval and not pause_awaits_approval(row.sla, params, now):
            return False
        return not f.bands or band_at(row.sla, calendar, params, now) in f.bands

    return matches


FACETS = ("kinds", "levels", "statuses", "districts", "assignee", "bands", "awaiting_approval")
"""The filter's menus, by the QueueFilter field each one sets."""


def facet_counts(
    rows: Sequence[QueueRow], f: QueueFilter, band_of: Callable[[uuid.UUID], Band | None],
    awaits_approval: Callable[[QueueRow], bool], english: bool = False,
) -> dict[str, Counter]:
    """For each menu (FACETS), how many orders each of its choices would show, the rest of the
    filter and the search as they are: a choice's count is what the queue would hold with that
    choice alone ticked in its menu. One pass; meant for a worker (100,000 rows take a while).
    `assignee` counts by name (UNASSIGNED for nobody's); `awaiting_approval` counts under True."""
    text = text_matcher(f, english)
    if f.orders:
        rows = [row for row in rows if row.id in f.orders]
    chosen = (f.kinds, f.levels, f.statuses, f.districts, f.assignee, f.bands, f.awaiting_approval)
    active = [i for i, c in enumerate(chosen) if c]
    if not active:
        return _plain_counts(rows if text is None else list(filter(text, rows)), band_of, awaits_approval, english)
    counts: list[Counter] = [Counter() for _ in FACETS]
    for row in rows:
        if text is not None and not text(row):
            continue
        values = (row.kind, row.level, row.status, row.district_en if english else row.district,
                  row.assignee or UNASSIGNED, band_of(row.id), row.paused and awaits_approval(row))
        missed = -1
        for i in active:
            if not _chosen(chosen[i], values[i]):
                if missed >= 0:
                    break  # two menus exclude this row: no single choice would show it
                missed = i
        else:
            if missed >= 0:
                counts[missed][values[missed]] += 1
            else:
                for counter, value in zip(counts, values, strict=True):
                    counter[value] += 1
    return dict(zip(FACETS, counts, strict=True))


def _plain_counts(rows: Sequence[QueueRow], band_of: Callable[[uuid.UUID], Band | None],
                  awaits_approval: Callable[[QueueRow], bool], english: bool) -> dict[str, Counter]:
    """Every menu's counts when no menu has a choice ticked: each counted at C speed where it can be."""
    assignees = Counter(map(attrgetter("assignee"), rows))
    assignees[UNASSIGNED] = assignees.pop(None, 0)
    return {
        "kinds": Counter(map(attrgetter("kind"), rows)),
        "levels": Counter(map(attrgetter("level"), rows)),
        "statuses": Counter(map(attrgetter("status"), rows)),
        "districts": Counter(map(attrgetter("district_en" if english else "district"), rows)),
        "assignee": assignees,
        "bands": Counter(map(band_of, map(attrgetter("id"), rows))),
        "awaiting_approval": Counter(True for r in rows if r.paused and awaits_approval(r)),
    }


def _chosen(choice: Any, value: Any) -> bool:
    if isinstance(choice, frozenset):
        return value in choice
    if isinstance(choice, bool):
        return bool(value)
    return value == choice  # an assignee's name or UNASSIGNED
