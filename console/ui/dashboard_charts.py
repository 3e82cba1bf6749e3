"""The dashboards' charts (pyqtgraph): bands stacked over time on a local-time axis, bars per
category, a rate per month. Each is built once and given new data with `show_*`; a click on a
bar emits what it stands for (the page drills into the orders behind it)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QVBoxLayout, QWidget

from console.core.domain.enums import Band
from console.ui import sla_format

STACK = (Band.GREEN.value, Band.AMBER.value, Band.RED.value, Band.BREACHED.value, "paused")
HIGHLIGHT = QColor("#2563eb")
MUTED = QColor("#94a3b8")
GRID = 0.2
MIN_SLOTS = 4  # category charts keep room for four bars


def _whole_step(span: float) -> int:
    """A step of whole numbers giving about five ticks over `span` (1, 2, 5, 10, 20, ...)."""
    raw = max(1.0, span / 5)
    power = 10 ** int(np.floor(np.log10(raw)))
    return int(next(m * power for m in (1, 2, 5, 10) if m * power >= raw))


def band_colour(key: str) -> QColor:
    return sla_format.PAUSED_COLOUR if key == "paused" else sla_format.BAND_COLOURS[Band(key)]


def band_label(key: str) -> str:
    return QCoreApplication.translate("DashboardPage", "Paused") if key == "paused" else sla_format.band_name(Band(key))


def _plot(parent: QWidget, axes: dict | None = None) -> pg.PlotWidget:
    plot = pg.PlotWidget(parent, axisItems=axes or {})
    plot.setBackground("w")
    plot.setMenuEnabled(False)
    plot.setMouseEnabled(x=False, y=False)
    plot.plotItem.hideButtons()
    plot.plotItem.showGrid(x=False, y=True, alpha=GRID)
    font = QFont()
    font.setPointSizeF(max(8.0, font.pointSizeF() - 0.5))
    for name in ("left", "bottom"):
        axis = plot.getAxis(name)
        axis.setPen(pg.mkPen("#475569"))
        axis.setTextPen(pg.mkPen("#1e293b"))
        axis.setStyle(tickFont=font)
    return plot


class Chart(QWidget):
    """A titled plot in a card."""

    def __init__(self, title: str, parent: QWidget | None = None, axes: dict | None = None):
        super().__init__(parent)
        self.plot = _plot(self, axes)
        self.plot.setTitle(f"<span style='color:#0f172a;font-weight:600'>{title}</span>")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.plot)
        self.plot.scene().sigMouseClicked.connect(self._on_scene_clicked)

    def _point(self, event) -> tuple[float, float] | None:
        if event.button() != Qt.MouseButton.LeftButton:
            return None
        view = self.plot.plotItem.vb
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return None
        point = view.mapSceneToView(event.scenePos())
        return point.x(), point.y()

    def _on_scene_clicked(self, event) -> None:
        point = self._point(event)
        if point is not None:
            self.clicked_at(*point)

    def clicked_at(self, x: float, y: float) -> None:
        """A left click inside the plot at view coordinates (x, y)."""


class BandChart(Chart):
    """Open orders per band at the end of each hour or day, stacked; non-working days shaded."""

    bucket_clicked = Signal(int, str)
    """A bar's part was clicked: (bucket index, band value or "paused")."""

    def __init__(self, title: str, zone: ZoneInfo, parent: QWidget | None = None):
        self._zone = zone
        self.axis = pg.DateAxisItem(orientation="bottom")
        super().__init__(title, parent, {"bottom": self.axis})
        self.plot.plotItem.getViewBox().setDefaultPadding(0.02)
        self.legend = self.plot.addLegend(offset=(8, 4), colCount=6, labelTextColor="#1e293b")
        self.legend.setBrush(pg.mkBrush(255, 255, 255, 220))
        empty = np.zeros(0)
        # Built once, given new data each time (a new item per refresh costs a scene rebuild).
        self.shade = pg.BarGraphItem(x=empty, height=empty, width=1.0, brush=pg.mkBrush(148, 163, 184, 45), pen=pg.mkPen(None))
        self.shade.setZValue(-20)
        self.plot.addItem(self.shade)
        self.layers: dict[str, pg.BarGraphItem] = {}
        for key in STACK:
            colour = band_colour(key)
            self.layers[key] = pg.BarGraphItem(x=empty, height=empty, width=1.0, brush=colour, pen=pg.mkPen(None))
            self.plot.addItem(self.layers[key])
            self.legend.addItem(self.layers[key], band_label(key))
        self.legend.addItem(self.shade, QCoreApplication.translate("DashboardPage", "Not a working day"))
        self._starts = np.zeros(0)
        self._stack: dict[str, np.ndarray] = {}
        self._top = np.zeros(0)
        self._width = 3600.0

    def show_series(self, starts: np.ndarray, counts: dict[str, np.ndarray], working: np.ndarray, hourly: bool) -> None:
        """Stacked bars per bucket; buckets that are not working days of the calendar shaded."""
        if len(starts):
            self.axis.utcOffset = -int(_offset(self._zone, starts[0]))  # seconds west of UTC, as time.timezone
        self._width = 3600.0 if hourly else 86400.0
        centres = starts + self._width / 2
        self._starts = starts
        below = np.zeros(len(starts))
        self._stack = {}
        for key in STACK:
            values = np.asarray(counts.get(key, np.zeros(len(starts))), dtype=float)
            self.layers[key].setOpts(x=centres, height=values, y0=below, width=self._width * 0.8)
            self._stack[key] = below.copy()
            below = below + values
        top = max(1.0, float(below.max()) if len(below) else 1.0) * 1.18
        off = ~np.asarray(working, dtype=bool)
        self.shade.setOpts(x=centres[off], height=np.full(int(off.sum()), top), y0=np.zeros(int(off.sum())), width=self._width)
        self.axis.setTicks([self._ticks(starts, hourly)])
        self.plot.setXRange(starts[0] if len(starts) else 0, (starts[-1] if len(starts) else 0) + self._width, padding=0.01)
        self.plot.setYRange(0, top, padding=0)
        self._top = below

    def _ticks(self, starts: np.ndarray, hourly: bool) -> list[tuple[float, str]]:
        """A label under each bar (every k-th when there are many): its hour, or its local day."""
        step = max(1, int(np.ceil(len(starts) / 16)))
        form = "%H:%M" if hourly else "%m-%d"
        return [(float(t) + self._width / 2, datetime.fromtimestamp(float(t), UTC).astimezone(self._zone).strftime(form))
                for t in starts[::step]]

    def clicked_at(self, x: float, y: float) -> None:
        if not len(self._starts) or y < 0:
            return
        bucket = int(np.searchsorted(self._starts, x, side="right") - 1)
        if bucket < 0 or x > self._starts[bucket] + self._width or y > self._top[bucket]:
            return
        for key in reversed(STACK):
            if y >= self._stack[key][bucket]:
                self.bucket_clicked.emit(bucket, key)
                return


def _offset(zone: ZoneInfo, t: float) -> float:
    return datetime.fromtimestamp(t, UTC).astimezone(zone).utcoffset().total_seconds()


class Labels:
    """A pool of text items on a plot, shown as needed (made once, moved and re-texted after)."""

    def __init__(self, plot: pg.PlotWidget, anchor: tuple[float, float]):
        self._plot, self._anchor = plot, anchor
        self._items: list[pg.TextItem] = []

    def show(self, placed: list[tuple[float, float, str]]) -> None:
        while len(self._items) < len(placed):
            item = pg.TextItem("", color="#0f172a", anchor=self._anchor)
            self._plot.addItem(item)
            self._items.append(item)
        for item, (x, y, text) in zip(self._items, placed, strict=False):
            if item.toPlainText() != text:
                item.setText(text)
            item.setPos(x, y)
            item.show()
        for item in self._items[len(placed):]:
            item.hide()


class CategoryBars(Chart):
    """Horizontal bars, one per category, labelled on the left; a click emits the bar's index."""

    bar_clicked = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None, *, percent: bool = False):
        super().__init__(title, parent)
        self.plot.plotItem.showGrid(x=True, y=False, alpha=GRID)
        self._percent = percent
        empty = np.zeros(0)
        self.bars = pg.BarGraphItem(x0=empty, y=empty, height=0.7, width=empty, pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        self.limit = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen("#b91c1c", width=1.5, style=Qt.PenStyle.DashLine),
                                     label="", labelOpts={"position": 0.97, "color": "#b91c1c", "anchors": [(0, 0), (0, 0)]})
        self.limit.hide()
        self.plot.addItem(self.limit)
        self.values = Labels(self.plot, (0, 0.5))
        self._n = 0

    def show_bars(self, labels: Sequence[str], values: Sequence[float], colours: Sequence[QColor] | None = None,
                  limit: float | None = None, texts: Sequence[str] | None = None, limit_text: str = "") -> None:
        n = self._n = len(labels)
        ys = np.arange(max(n, MIN_SLOTS) - n, max(n, MIN_SLOTS))[::-1].astype(float)  # the first category at the top
        widths = np.asarray(values, dtype=float)
        self.bars.setOpts(x0=np.zeros(n), y=ys, width=widths, brushes=[pg.mkBrush(c) for c in (colours or [HIGHLIGHT] * n)])
        top = max([float(v) for v in values] + [limit or 0.0, 1e-9])
        shown = texts or [self._value_text(v) for v in values]
        self.values.show([(float(v) + top * 0.01, y, t) for y, v, t in zip(ys, widths, shown, strict=True)])
        self.limit.setVisible(limit is not None)
        if limit is not None:
            self.limit.setPos(limit)
            self.limit.label.setFormat(f" {limit_text}")
        self.plot.getAxis("left").setTicks([[(y, text) for y, text in zip(ys, labels, strict=True)]])
        self.plot.setYRange(-0.6, max(n, MIN_SLOTS) - 0.4, padding=0)  # a lone bar as thick as one of four
        self.plot.setXRange(0, top * 1.22, padding=0)
        if self._percent:
            self.plot.getAxis("bottom").setTicks([[(v, f"{v:.0%}") for v in np.linspace(0, top * 1.2, 5)]])
        else:
            step = _whole_step(top * 1.2)
            self.plot.getAxis("bottom").setTicks([[(float(v), f"{v:,}") for v in range(0, int(top * 1.2) + 1, step)]])

    def _value_text(self, value: float) -> str:
        return f"{value:.0%}" if self._percent else f"{value:g}"

    def clicked_at(self, x: float, y: float) -> None:
        index = max(self._n, MIN_SLOTS) - 1 - int(round(y))
        if 0 <= index < self._n and x >= 0:
            self.bar_clicked.emit(index)


class MonthChart(Chart):
    """A rate per month as bars (0-100 %), the answers behind each written above it."""

    month_clicked = Signal(int)

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(title, parent)
        empty = np.zeros(0)
        self.bars = pg.BarGraphItem(x=empty, height=empty, width=0.7, brush=pg.mkBrush(sla_format.BAND_COLOURS[Band.GREEN]),
                                    pen=pg.mkPen(None))
        self.plot.addItem(self.bars)
        self.values = Labels(self.plot, (0.5, 1))
        self._n = 0
        self.plot.getAxis("left").setTicks([[(v / 100, f"{v}%") for v in range(0, 101, 20)]])

    def show_months(self, labels: Sequence[str], rates: Sequence[float | None], notes: Sequence[str]) -> None:
        n = self._n = len(labels)
        xs = np.arange(n, dtype=float)
        self.bars.setOpts(x=xs, height=np.array([r or 0.0 for r in rates]))
        self.values.show([(x, (rate or 0.0) + 0.01, ("—" if rate is None else f"{rate:.0%}") + (f"\n{note}" if note else ""))
                          for x, rate, note in zip(xs, rates, notes, strict=True)])
        self.plot.getAxis("bottom").setTicks([[(x, label) for x, label in zip(xs, labels, strict=True)]])
        self.plot.setXRange(-0.6, max(n, 1) - 0.4, padding=0)
        self.plot.setYRange(0, 1.22, padding=0)

    def clicked_at(self, x: float, y: float) -> None:
        index = int(round(x))
        if 0 <= index < self._n:
            self.month_clicked.emit(index)
