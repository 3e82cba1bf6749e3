"""The schedule board's geometry: planning data turned into rows and arrays of bars, once per load.

Rows are technicians grouped by region and team (a header row before each group); x is seconds
since the epoch (UTC), y the row number (rows.py turns rows into heights on screen). Overlapping
visits of a row get lanes, each a sub-row of full height. Plain Python and numpy: it runs off the
GUI thread with the read that feeds it.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from zoneinfo import ZoneInfo

import numpy as np

from console.core.domain.booking_rules import Travel
from console.core.domain.enums import AppointmentStatus, Band, OrderKind
from console.core.store.planning_query import PlanData, PlanVisit
from console.ui.board_utilisation import Utilisation, day_edges, per_day

BANDS = list(Band)
KINDS = list(OrderKind)
# what a customer's name says about every customer: the city in front, the legal form behind
_CITY = re.compile(r"^(上海市|上海)(?=.{2,})")
_FORM = re.compile(r"(股份有限公司|有限责任公司|有限公司|集团公司|[,，]?\s*(co\.?,?\s*)?(ltd|inc|llc|limited)\.?)$", re.IGNORECASE)


@dataclass(frozen=True)
class BoardRow:
    technician_id: uuid.UUID | None  # None: a group's header row
    label: str
    skills: frozenset[str] = frozenset()
    search: str = ""  # name, team, region and skills, lower case: what the technician filter reads


@dataclass
class Bars:
    """Rectangles of one layer: [x0, x1) on row `row`, and a style code per rectangle."""

    x0: np.ndarray
    x1: np.ndarray
    row: np.ndarray
    style: np.ndarray
    lane: np.ndarray | None = None  # overlapping bars of a row stack in sub-rows: this one's

    @classmethod
    def empty(cls) -> Bars:
        return cls(np.empty(0), np.empty(0), np.empty(0, dtype=np.int32), np.empty(0, dtype=np.int32))

    def with_lanes(self) -> Bars:
        """Lanes for overlapping bars of a row (an overbooked technician shows both visits):
        each bar takes the first lane free at its start."""
        lane = np.zeros(len(self), dtype=np.int32)
        order = np.lexsort((self.x0, self.row))
        ends: list[float] = []  # per lane of the current row, where its last bar ends
        current_row = None
        for i in order:
            if self.row[i] != current_row:
                ends, current_row = [], self.row[i]
            free = next((k for k, end in enumerate(ends) if end <= self.x0[i]), None)
            if free is None:
                ends.append(self.x1[i])
                free = len(ends) - 1
            else:
                ends[free] = self.x1[i]
            lane[i] = free
        return Bars(self.x0, self.x1, self.row, self.style, lane)

    def lanes(self) -> np.ndarray:
        return self.lane if self.lane is not None else np.zeros(len(self), dtype=np.int32)

    @classmethod
    def of(cls, items: list[tuple[float, float, int, int]], lane: list[int] | None = None) -> Bars:
        if not items:
            return cls.empty()
        x0, x1, row, style = zip(*items, strict=True)
        return cls(np.array(x0, dtype=float), np.array(x1, dtype=float), np.array(row, dtype=np.int32), np.array(style, dtype=np.int32),
                   None if lane is None else np.array(lane, dtype=np.int32))

    def __len__(self) -> int:
        return len(self.x0)


def visit_style(band: Band, kind: OrderKind, proposed: bool, locked: bool) -> int:
    return (BANDS.index(band) * len(KINDS) + KINDS.index(kind)) * 4 + proposed * 2 + locked


def style_parts(style: int) -> tuple[Band, OrderKind, bool, bool]:
    combo, flags = divmod(int(style), 4)
    band, kind = divmod(combo, len(KINDS))
    return BANDS[band], KINDS[kind], bool(flags & 2), bool(flags & 1)


def short_customer(name: str) -> str:
    """A customer's name as a bar has room for: 上海宝钢保险有限公司 → 宝钢保险."""
    short = _FORM.sub("", _CITY.sub("", name.strip())).strip(" ,，")
    return short or name


@dataclass
class BoardLayout:
    start: datetime
    end: datetime
    rows: list[BoardRow]
    row_of: dict[uuid.UUID, int]
    visits: Bars
    visit_ids: list[uuid.UUID]
    visit_texts: list[str]  # every order number and the customer: the tooltip
    shifts: Bars
    breaks: Bars
    travel: Bars  # in the lane of the visit they lead to
    headers: Bars  # one rectangle per group header row, across the span
    visit_numbers: list[str] = field(default_factory=list)  # the first order's number (+n more)
    visit_customers: list[str] = field(default_factory=list)  # the customer's short name
    utilisation: Utilisation | None = None


def _rows(data: PlanData, group_label: Callable[[object], str]) -> tuple[list[BoardRow], dict[uuid.UUID, int]]:
    rows: list[BoardRow] = []
    row_of: dict[uuid.UUID, int] = {}
    last_group = None
    for tech in data.technicians:  # already ordered by region, team, name
        group = group_label(tech)
        if group != last_group:
            rows.append(BoardRow(None, group))
            last_group = group
        row_of[tech.id] = len(rows)
        search = " ".join([tech.name, tech.team, tech.region, tech.region_en, *sorted(tech.skills)]).lower()
        rows.append(BoardRow(tech.id, tech.name, tech.skills, search))
    return rows, row_of


def board_layout(data: PlanData, group_label: Callable[[object], str], band_of: Callable[[PlanVisit], Band],
                 travel: Travel, zone: ZoneInfo | None = None) -> BoardLayout:
    rows, row_of = _rows(data, group_label)
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
    visits, ids, texts, numbers, customers, legs, leg_of = [], [], [], [], [], [], []
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
        numbers.append((orders[0].number + (f" +{len(orders) - 1}" if len(orders) > 1 else "")) if orders else "")
        customers.append(short_customer(orders[0].customer) if orders else "")
        before = previous.get(v.technician_id)
        same_day = before is not None and (v.start - before.end).total_seconds() < 10 * 3600
        origin = before.position if same_day else home.get(v.technician_id)
        seconds = travel.duration(origin, v.position).total_seconds()
        if seconds > 0:
            legs.append((v.start.timestamp() - seconds, v.start.timestamp(), row, 0))
            leg_of.append(len(visits) - 1)
        previous[v.technician_id] = v
    visit_bars = Bars.of(visits).with_lanes()
    travel_bars = Bars.of(legs, [int(visit_bars.lane[k]) for k in leg_of])
    layout = BoardLayout(data.start, data.end, rows, row_of, visit_bars, ids, texts, Bars.of(shifts), Bars.of(breaks),
                         travel_bars, headers, numbers, customers)
    if zone is not None:
        edges = day_edges(data.start, data.end, zone)
        n = len(rows)
        layout.utilisation = Utilisation(edges, per_day(visit_bars, edges, n) + per_day(travel_bars, edges, n),
                                         per_day(layout.shifts, edges, n) - per_day(layout.breaks, edges, n))
    return layout
