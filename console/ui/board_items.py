"""The schedule board's graphics: layers of rectangles painted from arrays, the technicians' axis,
and a view box that scrolls rows with the wheel, zooms time with Ctrl and drags bars. Rows take
their place and height from a shared `RowGeometry` (busy rows are taller, filtered rows gone)."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen, QPolygonF

from console.core.domain.positions import PlanPlace
from console.ui.board_layout import Bars, BoardRow
from console.ui.board_places import MARK_PX, paint_place
from console.ui.board_rows import RowGeometry
from console.ui.board_text import bar_label

ROW_PAD = 0.12  # of a sub-row's height, above and below a visit
PIN_COLOUR = QColor(38, 50, 56, 190)
PIN_PX = 7.0


def pin_mark(rect: QRectF) -> QPolygonF:
    """The pinned mark: a small folded corner at the bar's top right."""
    right, top = rect.right(), rect.top()
    size = min(PIN_PX, rect.width() / 2, rect.height() / 2)
    return QPolygonF([QPointF(right - size, top), QPointF(right, top), QPointF(right, top + size)])


def utilisation_colour(ratio: float) -> QColor:
    """Over the shift: red; nearly full: amber; otherwise the axis's own grey."""
    if ratio > 1.0:
        return QColor("#c62828")
    if ratio >= 0.85:
        return QColor("#b26a00")
    return QColor("#455a64")


class RectLayer(pg.GraphicsObject):
    """Rectangles from a `Bars`: only those in view are painted, one brush per style. `per_lane`:
    in the bar's own sub-row (visits, travel), else across the row's whole height (shifts)."""

    def __init__(self, styles: Callable[[int], tuple[QBrush, QPen]], top: float, bottom: float, z: float, per_lane: bool = False):
        super().__init__()
        self._styles = styles
        self._top, self._bottom = top, bottom  # the part of the (sub-)row the rectangles cover
        self._per_lane = per_lane
        self.bars = Bars.empty()
        self.rows = RowGeometry()
        self._bounds = QRectF()
        # QRectFs laid out in one numpy array and handed to drawRects in one call, as pyqtgraph's
        # BarGraphItem does: building a Python list of QRectF costs more than drawing them
        self._rects = pg.Qt.internals.PrimitiveArray(QRectF, 4)
        self.setZValue(z)

    def set_bars(self, bars: Bars) -> None:
        self.bars = bars
        self._bound()

    def set_rows(self, rows: RowGeometry) -> None:
        self.rows = rows
        self._bound()

    def _bound(self) -> None:
        self.prepareGeometryChange()
        bars = self.bars
        if len(bars) and len(self.rows):
            self._bounds = QRectF(float(bars.x0.min()), 0.0, float(bars.x1.max() - bars.x0.min()), max(self.rows.total, 1.0))
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def visible(self) -> np.ndarray:
        """Indexes of the rectangles in view (rows filtered out are not)."""
        view = self.viewRect()
        bars = self.bars
        if view is None or not len(bars) or not len(self.rows):
            return np.empty(0, dtype=np.int64)
        first, last = self.rows.rows_between(view.top(), view.bottom())
        mask = (bars.x1 >= view.left()) & (bars.x0 <= view.right()) & (bars.row >= first) & (bars.row <= last)
        mask &= self.rows.height[bars.row] > 0
        return np.flatnonzero(mask)

    def paint(self, painter: QPainter, *_args) -> None:
        shown = self.visible()
        if not len(shown):
            return
        x0, x1, top, height, style = self.geometry(shown)
        for code in np.unique(style):
            brush, pen = self._styles(int(code))
            painter.setBrush(brush)
            painter.setPen(pen)
            pick = style == code
            self._rects.resize(int(np.count_nonzero(pick)))
            rects = self._rects.ndarray()  # x, y, width, height: QRectF's own layout
            rects[:, 0] = x0[pick]
            rects[:, 1] = top[pick]
            rects[:, 2] = x1[pick] - x0[pick]
            rects[:, 3] = height[pick]
            painter.drawRects(*self._rects.drawargs())

    def geometry(self, shown: np.ndarray):
        """x0, x1, top and height of the rectangles `shown`, rows and lanes applied."""
        bars = self.bars
        shown = np.asarray(shown, dtype=np.int64)
        row = bars.row[shown]
        row_top = self.rows.top[row]
        if self._per_lane:
            top = row_top + bars.lanes()[shown] + self._top
            height = np.full(len(shown), self._bottom - self._top)
        else:
            top = row_top + self._top
            height = self.rows.height[row] - self._top - (1.0 - self._bottom)
        return bars.x0[shown], bars.x1[shown], top, height, bars.style[shown]


class VisitLayer(RectLayer):
    """Visit bars, labelled with order number and customer where they have room, pinned ones
    with a light folded corner."""

    TEXT_BELOW = 400  # bars in view: fewer than this get their text
    PAD_PX = 4

    def __init__(self, styles, top: float, bottom: float, z: float, text_colour: Callable[[int], QColor] = lambda _c: QColor("#1b1b1b")):
        super().__init__(styles, top, bottom, z, per_lane=True)
        self._text_colour = text_colour
        self._text_colours: dict[int, QColor] = {}
        self.numbers: list[str] = []
        self.customers: list[str] = []
        self._font = QFont()
        self._font.setPointSizeF(8.5)
        self._metrics = QFontMetrics(self._font)
        self._fitted: dict[tuple[int, int], str] = {}  # (bar, width in px) -> its text
        self.drawn: list[tuple[int, QRectF, str]] = []  # the last paint's labels: bar, where, what
        self.pins_drawn: list[int] = []

    def set_bars(self, bars: Bars) -> None:
        self._fitted = {}
        super().set_bars(bars)

    def paint(self, painter: QPainter, *args) -> None:
        super().paint(painter, *args)
        shown = self.visible()
        self.drawn, self.pins_drawn = [], []
        if not len(shown):
            return
        x0, x1, top, height, style = self.geometry(shown)
        transform = painter.transform()
        view = transform.mapRect(self.viewRect())  # in pixels: no mark or text outside the plot
        painter.save()
        painter.resetTransform()
        painter.setClipRect(view)
        pinned = np.flatnonzero(style & 1)
        if len(pinned):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(PIN_COLOUR)
            for k in pinned:
                rect = transform.mapRect(QRectF(x0[k], top[k], x1[k] - x0[k], height[k]))
                if rect.width() >= 6:
                    painter.drawPolygon(pin_mark(rect))
                    self.pins_drawn.append(int(shown[k]))
        if len(shown) <= self.TEXT_BELOW:
            self._paint_labels(painter, transform, view, shown, x0, x1, top, height)
        painter.restore()

    def _paint_labels(self, painter: QPainter, transform, view: QRectF, shown, x0, x1, top, height) -> None:
        painter.setFont(self._font)
        line = self._metrics.height()
        pen = None
        for k, i in enumerate(shown):
            rect = transform.mapRect(QRectF(x0[k], top[k], x1[k] - x0[k], height[k]))
            if rect.height() < line - 2:
                continue
            room = int(rect.width()) - self.PAD_PX - (PIN_PX if self.bars.style[i] & 1 else 2)
            key = (int(i), int(room))
            text = self._fitted.get(key)
            if text is None:
                text = self._fitted[key] = bar_label(self._metrics, self.numbers[i], self.customers[i], int(room))
            if text:
                colour = self._text_colours.get(int(self.bars.style[i]))
                if colour is None:
                    colour = self._text_colours[int(self.bars.style[i])] = self._text_colour(int(self.bars.style[i]))
                if colour is not pen:
                    painter.setPen(colour)
                    pen = colour
                where = QRectF(rect.left() + self.PAD_PX, rect.top(), room, rect.height())
                painter.setClipRect(rect.intersected(view))  # never over the bar's edge, whatever the font does
                painter.drawText(where, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
                self.drawn.append((int(i), where, text))

    def at(self, x: float, y: float) -> int | None:
        """The visit under a point of the view, if any (the topmost one)."""
        bars = self.bars
        row = self.rows.row_at(y)
        if not len(bars) or row is None:
            return None
        hits = np.flatnonzero((bars.row == row) & (bars.x0 <= x) & (bars.x1 > x))
        if not len(hits):
            return None
        _x0, _x1, top, height, _style = self.geometry(hits)
        inside = np.flatnonzero((top <= y) & (y <= top + height))
        return int(hits[inside[-1]]) if len(inside) else None


class GroupLayer(RectLayer):
    """Header rows of the groups (region · team) with their names, and a hairline between rows."""

    def __init__(self, z: float):
        super().__init__(lambda _c: (QBrush(QColor("#e8ecf2")), QPen(Qt.PenStyle.NoPen)), 0.0, 1.0, z)
        self.labels: dict[int, str] = {}
        self._font = QFont()
        self._font.setBold(True)
        self._line_px = QFontMetrics(self._font).height() - 2
        self._rule = QPen(QColor("#d5dbe3"), 0)

    def paint(self, painter: QPainter, *args) -> None:
        super().paint(painter, *args)
        view = self.viewRect()
        if view is None or not len(self.rows):
            return
        first, last = self.rows.rows_between(view.top(), view.bottom())
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        left, right = transform.map(QPointF(view.left(), 0)).x(), transform.map(QPointF(view.right(), 0)).x()
        tops, heights = self.rows.top, self.rows.height
        painter.setPen(self._rule)
        for row in range(first, last + 1):
            if heights[row] > 0:
                y = transform.map(QPointF(0, tops[row] + heights[row])).y()
                painter.drawLine(QPointF(left, y), QPointF(right, y))
        painter.setFont(self._font)
        painter.setPen(QColor("#33415c"))
        for row, text in self.labels.items():
            if first <= row <= last and heights[row] > 0:
                upper = transform.map(QPointF(view.left(), tops[row]))
                lower = transform.map(QPointF(view.left(), tops[row] + heights[row]))
                if lower.y() - upper.y() < self._line_px:
                    break  # rows too thin for a line of text: the header bands still show the groups
                painter.drawText(QRectF(upper.x() + 6, upper.y(), 600, lower.y() - upper.y()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()


class RowAxis(pg.AxisItem):
    """The left axis: a technician's name beside the first sub-row of their row, and their
    utilisation for the days shown at its right."""

    PERCENT_PX = 40

    def __init__(self):
        super().__init__("left")
        self.rows: list[BoardRow] = []
        self.row_geometry = RowGeometry()
        self.utilisation = np.zeros(0)  # per row, NaN with no shift time
        self.places: dict[int, PlanPlace] = {}  # per row: where the technician is against the plan (board_places)
        self._line_px = QFontMetrics(QFont()).height()
        self.setWidth(150)
        self.setStyle(tickLength=0)

    def tickValues(self, minVal, maxVal, size):
        low, high = sorted((minVal, maxVal))  # an inverted view hands the range top-down
        if not len(self.row_geometry):
            return [(1.0, [])]
        first, last = self.row_geometry.rows_between(low, high)
        # zoomed out until rows are shorter than a line of text: every n-th name, readable, instead of all on top of each other
        step = max(1, math.ceil(self._line_px / max(size / max(high - low, 1e-9), 1e-9)))
        heights, tops = self.row_geometry.height, self.row_geometry.top
        shown = [r for r in range(first, last + 1) if self.rows[r].technician_id is not None and heights[r] > 0]
        return [(1.0, [tops[r] + 0.5 for k, r in enumerate(shown) if k % step == 0])]

    def row_of_value(self, value: float) -> int | None:
        return self.row_geometry.row_at(value)

    def tickStrings(self, values, scale, spacing):
        return [self.rows[r].label if (r := self.row_of_value(v)) is not None else "" for v in values]

    def percent(self, row: int) -> str:
        ratio = self.utilisation[row] if row < len(self.utilisation) else np.nan
        return "–" if np.isnan(ratio) else f"{ratio * 100:.0f}%"

    def generateDrawSpecs(self, p):
        specs = super().generateDrawSpecs(p)
        if specs is None:
            return None
        axis, ticks, texts = specs
        width = self.width() - 6
        name_px = width - self.PERCENT_PX - 6
        metrics = QFontMetrics(self.style["tickFont"] or QFont())
        out = []
        mark_px = MARK_PX + 3 if self.places else 0
        for rect, _flags, text in texts:
            row = self.row_geometry.row_at(self._value_at(rect.center().y()))
            name = metrics.elidedText(text, Qt.TextElideMode.ElideRight, name_px - mark_px)
            out.append((QRectF(4 + mark_px, rect.top(), name_px - mark_px, rect.height()),
                        Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, name))
            if row is not None and row in self.places:
                top = rect.center().y() - MARK_PX / 2
                out.append((QRectF(3, top, MARK_PX, MARK_PX), Qt.AlignmentFlag.AlignCenter, ("place", row)))
            if row is not None:
                out.append((QRectF(width - self.PERCENT_PX, rect.top(), self.PERCENT_PX, rect.height()),
                            Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, ("%", row)))
        return axis, ticks, out

    def _value_at(self, y_px: float) -> float:
        view = self.linkedView()
        return view.mapSceneToView(self.mapToScene(QPointF(0, y_px))).y() if view is not None else -1.0

    def drawPicture(self, p, axisSpec, tickSpecs, textSpecs):
        super().drawPicture(p, axisSpec, tickSpecs, [s for s in textSpecs if isinstance(s[2], str)])
        for rect, flags, (mark, row) in (s for s in textSpecs if not isinstance(s[2], str)):
            if mark == "place":
                paint_place(p, rect, self.places[row])
                continue
            ratio = self.utilisation[row] if row < len(self.utilisation) else np.nan
            p.setPen(QColor("#9e9e9e") if np.isnan(ratio) else utilisation_colour(float(ratio)))
            p.drawText(rect, int(flags), self.percent(row))


class BoardViewBox(pg.ViewBox):
    """Wheel scrolls the rows, Ctrl+wheel zooms the time; a drag on a bar moves it (the board is
    told at each step), a drag elsewhere pans."""

    def __init__(self, *, hit: Callable[[float, float], int | None], on_drag: Callable[[int, QPointF, QPointF, str], None],
                 on_click: Callable[[int | None], None]):
        super().__init__(invertY=True, enableMenu=False)
        self._hit, self._on_drag, self._on_click = hit, on_drag, on_click
        self._dragging: int | None = None
        self.setMouseEnabled(x=True, y=True)

    def updateViewRange(self, forceX=False, forceY=False):
        super().updateViewRange(forceX, forceY)
        # pyqtgraph applies a new range to the children's transform only when the next paint
        # starts, and a transform changed during a paint makes the scene paint everything again:
        # applied now, each pan or zoom is painted once instead of twice.
        self.updateMatrix()

    def wheelEvent(self, ev, axis=None):
        if ev.modifiers() & Qt.KeyboardModifier.ControlModifier:
            super().wheelEvent(ev, axis=0)  # zoom the time axis around the pointer
            return
        rows = -ev.delta() / 120 * 3
        self.translateBy(y=rows)
        ev.accept()

    def mouseDragEvent(self, ev, axis=None):
        if ev.button() != Qt.MouseButton.LeftButton:
            super().mouseDragEvent(ev, axis)
            return
        if ev.isStart():
            down = self.mapSceneToView(ev.buttonDownScenePos())
            self._dragging = self._hit(down.x(), down.y())
        if self._dragging is None:
            super().mouseDragEvent(ev, axis)
            return
        ev.accept()
        down = self.mapSceneToView(ev.buttonDownScenePos())
        here = self.mapSceneToView(ev.scenePos())
        phase = "finish" if ev.isFinish() else ("start" if ev.isStart() else "move")
        self._on_drag(self._dragging, down, here, phase)
        if ev.isFinish():
            self._dragging = None

    def mouseClickEvent(self, ev):
        if ev.button() == Qt.MouseButton.LeftButton:
            here = self.mapSceneToView(ev.scenePos())
            self._on_click(self._hit(here.x(), here.y()))
            ev.accept()
            return
        super().mouseClickEvent(ev)
