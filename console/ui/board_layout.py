"""The schedule board's geometry: planning data turned into rows and arrays of bars, once per load.

Rows are technicians grouped by region and team (a header row before each group); x is seconds
since the epoch (UTC), y the row number. Painting reads these arrays and nothing else.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

import numpy as np

from console.core.domain.booking_rules import Travel
from console.core.domain.enums import AppointmentStatus, Band, OrderKind
from console.core.store.planning_query import PlanData, PlanVisit

BANDS = list(Band)
KINDS = list(OrderKind)


@dataclass(frozen=True)
class BoardRow:
    technician_id: uuid.UUID | None  # None: a group's header row
    label: str
    skills: frozenset[str] = frozenset()


@dataclass
class Bars:
    """Rectangles of one layer: [x0, x1) on row `row`, and a style code per rectangle."""

    x0: np.ndarray
    x1: np.ndarray
    row: np.ndarray
    style: np.ndarray
    lane: np.ndarray | None = None  # overlapping bars share their row in lanes: this one's lane
    lanes: np.ndarray | None = None  # and how many lanes its overlapping group needs

    @classmethod
    def empty(cls) -> Bars:
        return cls(np.empty(0), np.empty(0), np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int32))

    def with_lanes(self) -> Bars:
        """Lanes for overlapping bars of a row (an overbooked technician shows both visits)."""
        lane = np.zeros(len(self), dtype=np.int32)
        lanes = np.ones(len(self), dtype=np.int32)
        order = np.lexsort((self.x0, self.row))
        group: list[int] = []
        ends: list[float] = []  # per lane, where its last bar ends
        group_end, group_row = -np.inf, None
        for i in order:
            if self.row[i] != group_row or self.x0[i] >= group_end:
                if group:
                    lanes[group] = len(ends)
                group, ends, group_end, group_row = [], [], -np.inf, self.row[i]
            free = next((k for k, end in enumerate(ends) if end <= self.x0[i]), None)
            if free is None:
                ends.append(self.x1[i])
                free = len(ends) - 1
            else:
                ends[free] = self.x1[i]
            lane[i] = free
            group.append(int(i))
            group_end = max(group_end, self.x1[i])
        if group:
            lanes[group] = len(ends)
        return Bars(self.x0, self.x1, self.row, self.style, lane, lanes)

    @classmethod
    def of(cls, items: list[tuple[float, float, int, int]]) -> Bars:
        if not items:
            return cls.empty()
        x0, x1, row, style = zip(*items, strict=True)
        return cls(np.array(x0, dtype=float), np.array(x1, dtype=float), np.array(row, dtype=np.int32), np.array(style, dtype=np.int32))

    def __len__(self) -> int:
        return len(self.x0)


def visit_style(band: Band, kind: OrderKind, proposed: bool, locked: bool) -> int:
    return (BANDS.index(band) * len(KINDS) + KINDS.index(kind)) * 4 + proposed * 2 + locked


def style_parts(style: int) -> tuple[Band, OrderKind, bool, bool]:
    combo, flags = divmod(int(style), 4)
    band, kind = divmod(combo, len(KINDS))
    return BANDS[band], KINDS[kind], bool(flags & 2), bool(flags & 1)


@dataclass
class BoardLayout:
    start: datetime
    end: datetime
    rows: list[BoardRow]
    row_of: dict[uuid.UUID, int]
    visits: Bars
    visit_ids: list[uuid.UUID]
    visit_texts: list[str]
    shifts: Bars
    breaks: Bars
    travel: Bars
    headers: Bars  # one rectangle per group header row, across the span


def board_layout(data: PlanData, group_label: Callable[[object], str], band_of: Callable[[PlanVisit], Band],
                 travel: Travel) -> BoardLayout:
    rows: list[BoardRow] = []
    row_of: dict[uuid.UUID, int] = {}
    last_group = None
    for tech in data.technicians:  # already ordered by region, team, name
        group = group_label(tech)
        if group != last_group:
            rows.append(BoardRow(None, group))
            last_group = group
        row_of[tech.id] = len(rows)
        rows.append(BoardRow(tech.id, tech.name, tech.skills))
    t0, t1 = data.start.timestamp(), data.end.timestamp()
    headers = Bars.of([(t0, t1, i, 0) for i, r in enumerate(rows) if r.technician_id is None])
    shifts, breaks = [], []
    for s in data.shifts:
        row = row_of.get(s.technician_id)
        if row is None:
            continue
        shifts.append((s.start.timestamp(), s.end.timestamp(), row, 0))
        if s.break_start and s.break_end:
            breaks.append((s.break_start.timestamp(), s.break_end.timestamp(), row, 0))
    visits, ids, texts, legs = [], [], [], []
    home = {t.id: t.home for t in data.technicians}
    previous: dict[uuid.UUID, PlanVisit] = {}
    for v in sorted(data.visits, key=lambda v: v.start):
        row = row_of.get(v.technician_id) if v.technician_id else None
        if row is None:
            continue
        orders = [data.orders[o] for o in v.order_ids if o in data.orders]
        kind = orders[0].kind if orders else OrderKind.FAULT
        visits.append((v.start.timestamp(), v.end.timestamp(), row,
                       visit_style(band_of(v), kind, v.status is AppointmentStatus.PROPOSED, v.locked)))
        ids.append(v.id)
        texts.append(" ".join(o.number for o in orders) + (f" · {orders[0].customer}" if orders else ""))
        before = previous.get(v.technician_id)
        same_day = before is not None and (v.start - before.end).total_seconds() < 10 * 3600
        origin = before.position if same_day else home.get(v.technician_id)
        seconds = travel.duration(origin, v.position).total_seconds()
        if seconds > 0:
            legs.append((v.start.timestamp() - seconds, v.start.timestamp(), row, 0))
        previous[v.technician_id] = v
    return BoardLayout(data.start, data.end, rows, row_of, Bars.of(visits).with_lanes(), ids, texts, Bars.of(shifts), Bars.of(breaks),
                       Bars.of(legs), headers)
