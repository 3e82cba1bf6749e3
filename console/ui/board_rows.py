"""Where the board's rows are on screen: each row as tall as its most overlapping visits need
(one sub-row per lane), filtered rows folded to nothing, and the technician filter itself."""

from __future__ import annotations

import numpy as np

from console.ui.board_layout import Bars, BoardRow


class RowGeometry:
    """Row r spans [top[r], top[r] + height[r]) in view units; a hidden row has height 0."""

    def __init__(self, height: np.ndarray | None = None):
        self.height = np.zeros(0) if height is None else np.asarray(height, dtype=float)
        self.top = np.concatenate(([0.0], np.cumsum(self.height)[:-1])) if len(self.height) else np.zeros(0)
        self.total = float(self.height.sum())

    def __len__(self) -> int:
        return len(self.height)

    def row_at(self, y: float) -> int | None:
        """The shown row at `y`, if any."""
        if not len(self.height) or y < 0 or y >= self.total:
            return None
        row = int(np.searchsorted(self.top, y, side="right")) - 1
        return row if self.height[row] > 0 else None

    def rows_between(self, y0: float, y1: float) -> tuple[int, int]:
        """First and last row touching [y0, y1] (clamped to the rows there are)."""
        n = len(self.height)
        first = int(np.searchsorted(self.top, y0, side="right")) - 1
        last = int(np.searchsorted(self.top, y1, side="right")) - 1
        return max(first, 0), min(max(last, 0), n - 1)


def row_heights(bars: Bars, shown: np.ndarray, start: float, end: float) -> np.ndarray:
    """Per row: 0 if not shown, else one sub-row per lane its visits in [start, end) use."""
    height = shown.astype(float)
    if len(bars):
        lane = bars.lanes()
        pick = (bars.x1 > start) & (bars.x0 < end) & shown[bars.row]
        np.maximum.at(height, bars.row[pick], lane[pick] + 1.0)
    return height


def matching_rows(rows: list[BoardRow], query: str, extra: dict[int, str] | None = None) -> np.ndarray:
    """Which rows the technician filter keeps: technicians whose name, team, region or skills hold
    every word typed (`extra`: more words per row, such as the skills' names in the desk's
    language), and the header of each group with one kept."""
    words = query.lower().split()
    keep = np.ones(len(rows), dtype=bool)
    if not words:
        return keep
    header = None
    for i, row in enumerate(rows):
        if row.technician_id is None:
            header = i
            keep[i] = False
            continue
        text = row.search + " " + (extra or {}).get(i, "").lower()
        keep[i] = all(w in text for w in words)
        if keep[i] and header is not None:
            keep[header] = True
    return keep
