"""Each technician's utilisation on the board: time on visits and travel against shift time
(breaks excluded), summed per local day once per load and read for the days shown. Plain numpy."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import numpy as np

if TYPE_CHECKING:
    from console.ui.board_layout import Bars


@dataclass
class Utilisation:
    edges: np.ndarray  # local midnights as UTC seconds: day k is [edges[k], edges[k + 1])
    busy: np.ndarray  # seconds on visits and travel, rows x days
    available: np.ndarray  # seconds of shift less breaks, rows x days

    def over(self, start: float, end: float) -> tuple[np.ndarray, np.ndarray]:
        """Per row, (busy, available) seconds over the local days starting in [start, end)."""
        days = np.flatnonzero((self.edges[:-1] >= start - 1) & (self.edges[:-1] < end))
        return self.busy[:, days].sum(axis=1), self.available[:, days].sum(axis=1)

    def ratio(self, start: float, end: float) -> np.ndarray:
        """Per row, busy over available for the days in [start, end); NaN with no shift time."""
        busy, available = self.over(start, end)
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(available > 0, busy / np.where(available > 0, available, 1), np.nan)


def day_edges(start: datetime, end: datetime, zone: ZoneInfo) -> np.ndarray:
    """Local midnights from the day `start` falls on through the one after `end` (UTC seconds)."""
    day = start.astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
    edges = []
    while True:
        edges.append(day.timestamp())
        if day >= end:
            break
        day = (day + timedelta(days=1, hours=3)).replace(hour=0, tzinfo=zone)  # a day on, whatever the clocks did
    if len(edges) < 2:
        edges.append(edges[0] + 86400)
    return np.array(edges, dtype=float)


def per_day(bars: Bars, edges: np.ndarray, rows: int) -> np.ndarray:
    """Seconds of `bars` per row and local day, each bar counted on the day it starts."""
    out = np.zeros((rows, len(edges) - 1))
    if not len(bars):
        return out
    day = np.searchsorted(edges, bars.x0, side="right") - 1
    inside = (day >= 0) & (day < len(edges) - 1)
    np.add.at(out, (bars.row[inside], day[inside]), (bars.x1 - bars.x0)[inside])
    return out
