"""The schedule board's graphics: layers of rectangles painted from arrays, the technicians' axis,
and a view box that scrolls rows with the wheel, zooms time with Ctrl and drags bars."""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter, QPen

from console.ui.board_layout import Bars, BoardRow

ROW_PAD = 0.12  # of a row's height, above and below a visit


class RectLayer(pg.GraphicsObject):
    """Rectangles from a `Bars`: only those in view are painted, one brush per style."""

    def __init__(self, styles: Callable[[int], tuple[QBrush, QPen]], top: float, bottom: float, z: float):
        super().__init__()
        self._styles = styles
        self._top, self._bottom = top, bottom  # the part of the row the rectangles cover
        self.bars = Bars.empty()
        self._bounds = QRectF()
        # QRectFs laid out in one numpy array and handed to drawRects in one call, as pyqtgraph's
        # BarGraphItem does: building a Python list of QRectF costs more than drawing them
        self._rects = pg.Qt.internals.PrimitiveArray(QRectF, 4)
        self.setZValue(z)

    def set_bars(self, bars: Bars) -> None:
        self.prepareGeometryChange()
        self.bars = bars
        if len(bars):
            self._bounds = QRectF(float(bars.x0.min()), float(bars.row.min()),
                                  float(bars.x1.max() - bars.x0.min()), float(bars.row.max() - bars.row.min() + 1))
        else:
            self._bounds = QRectF()
        self.update()

    def boundingRect(self) -> QRectF:
        return self._bounds

    def visible(self) -> np.ndarray:
        """Indexes of the rectangles in view."""
        view = self.viewRect()
        bars = self.bars
        if view is None or not len(bars):
            return np.empty(0, dtype=np.int64)
        mask = (bars.x1 >= view.left()) & (bars.x0 <= view.right()) & (bars.row >= view.top() - 1) & (bars.row <= view.bottom())
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
        """x0, x1, top and height of the rectangles `shown`, lanes applied."""
        bars = self.bars
        full = self._bottom - self._top
        if bars.lane is None:
            height = np.full(len(shown), full)
            top = bars.row[shown] + self._top
        else:
            height = full / bars.lanes[shown]
            top = bars.row[shown] + self._top + bars.lane[shown] * height
        return bars.x0[shown], bars.x1[shown], top, height, bars.style[shown]


class VisitLayer(RectLayer):
    """Visit bars, with their order numbers written on them when they are wide enough."""

    TEXT_BELOW = 400  # bars in view: fewer than this get their text
    MIN_TEXT_PX = 36

    def __init__(self, styles, top: float, bottom: float, z: float):
        super().__init__(styles, top, bottom, z)
        self.texts: list[str] = []
        self._font = QFont()
        self._font.setPointSizeF(8.5)

    def paint(self, painter: QPainter, *args) -> None:
        super().paint(painter, *args)
        shown = self.visible()
        if not len(shown) or len(shown) > self.TEXT_BELOW:
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        painter.setPen(QColor("#1b1b1b"))
        x0, x1, top, height, _style = self.geometry(shown)
        for k, i in enumerate(shown):
            rect = transform.mapRect(QRectF(x0[k], top[k], x1[k] - x0[k], height[k]))
            if rect.width() >= self.MIN_TEXT_PX and rect.height() >= 11:
                painter.drawText(rect.adjusted(4, 0, -2, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, self.texts[i])
        painter.restore()

    def at(self, x: float, y: float) -> int | None:
        """The visit under a point of the view, if any (the topmost one)."""
        bars = self.bars
        if not len(bars):
            return None
        row = int(np.floor(y))
        hits = np.flatnonzero((bars.row == row) & (bars.x0 <= x) & (bars.x1 > x))
        if not len(hits):
            return None
        _x0, _x1, top, height, _style = self.geometry(hits)
        inside = np.flatnonzero((top <= y) & (y <= top + height))
        return int(hits[inside[-1]]) if len(inside) else None


class GroupLayer(RectLayer):
    """Header rows of the groups (region · team), with their names."""

    def __init__(self, z: float):
        super().__init__(lambda _c: (QBrush(QColor("#e8ecf2")), QPen(Qt.PenStyle.NoPen)), 0.0, 1.0, z)
        self.labels: dict[int, str] = {}
        self._font = QFont()
        self._font.setBold(True)
        self._line_px = QFontMetrics(self._font).height() - 2

    def paint(self, painter: QPainter, *args) -> None:
        super().paint(painter, *args)
        view = self.viewRect()
        if view is None:
            return
        transform = painter.transform()
        painter.save()
        painter.resetTransform()
        painter.setFont(self._font)
        painter.setPen(QColor("#33415c"))
        for row, text in self.labels.items():
            if view.top() - 1 <= row <= view.bottom():
                left = transform.map(QPointF(view.left(), row))
                bottom = transform.map(QPointF(view.left(), row + 1))
                if bottom.y() - left.y() < self._line_px:
                    break  # rows too thin for a line of text: the header bands still show the groups
                painter.drawText(QRectF(left.x() + 6, left.y(), 600, bottom.y() - left.y()),
                                 Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, text)
        painter.restore()


class RowAxis(pg.AxisItem):
    """The left axis: a technician's name beside their row."""

    def __init__(self):
        super().__init__("left")
        self.rows: list[BoardRow] = []
        self._line_px = QFontMetrics(QFont()).height()
        self.setWidth(118)
        self.setStyle(tickLength=0)

    def tickValues(self, minVal, maxVal, size):
        low, high = sorted((minVal, maxVal))  # an inverted view hands the range top-down
        first, last = max(0, int(np.floor(low))), min(len(self.rows) - 1, int(np.ceil(high)))
        # zoomed out until rows are shorter than a line of text: every n-th name, readable, instead of all on top of each other
        step = max(1, math.ceil(self._line_px / max(size / max(high - low, 1e-9), 1e-9)))
        return [(1.0, [r + 0.5 for r in range(first, last + 1) if self.rows[r].technician_id is not None and r % step == 0])]

    def tickStrings(self, values, scale, spacing):
        return [self.rows[int(v)].label if 0 <= int(v) < len(self.rows) else "" for v in values]


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
