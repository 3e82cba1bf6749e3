"""The board's legend: a button above the board opening a card that draws every mark the board
uses (with the board's own styles) beside what it means."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QToolButton, QWidget

from console.core.domain.enums import Band, OrderKind
from console.core.domain.positions import PlanPlace
from console.ui import labels, sla_format
from console.ui.board_items import PIN_COLOUR, pin_mark, utilisation_colour
from console.ui.board_layout import visit_style as style_code
from console.ui.board_places import MARK_PX, paint_place, place_text
from console.ui.board_styles import BREAK, GHOST, NOW, SHIFT, TRAVEL, flat, ghost_style, visit_style

SWATCH = (44, 18)
Paint = Callable[[QPainter, QRectF], None]


def _bar(code: int, pinned: bool = False, edge_only: bool = False) -> Paint:
    def paint(p: QPainter, rect: QRectF) -> None:
        brush, pen = visit_style(code)
        if edge_only:  # the edge's colour is the point: shown on white, a little wider
            brush = QColor("#f4f4f4")
            pen.setWidthF(2.6)
        p.setBrush(brush)
        p.setPen(pen)
        bar = rect.adjusted(1, 2, -1, -2)
        p.drawRect(bar)
        if pinned:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(PIN_COLOUR)
            p.drawPolygon(pin_mark(bar))
    return paint


def _fill(styles, top: float = 0.0, bottom: float = 1.0) -> Paint:
    def paint(p: QPainter, rect: QRectF) -> None:
        brush, pen = styles(0)
        p.setBrush(brush)
        p.setPen(pen)
        p.drawRect(QRectF(rect.left(), rect.top() + rect.height() * top, rect.width(), rect.height() * (bottom - top)))
    return paint


def _now(p: QPainter, rect: QRectF) -> None:
    p.setPen(QPen(QColor(NOW), 1.5))
    p.drawLine(QPointF(rect.center().x(), rect.top()), QPointF(rect.center().x(), rect.bottom()))


def _stacked(p: QPainter, rect: QRectF) -> None:
    code = style_code(Band.GREEN, OrderKind.FAULT, False, False)
    half = rect.height() / 2
    _bar(code)(p, QRectF(rect.left(), rect.top(), rect.width() * 0.7, half + 2))
    _bar(code)(p, QRectF(rect.left() + rect.width() * 0.3, rect.top() + half - 2, rect.width() * 0.7, half + 2))


def _percent(p: QPainter, rect: QRectF) -> None:
    p.setPen(utilisation_colour(0.72))
    p.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), "72%")


def _ghosts(p: QPainter, rect: QRectF) -> None:
    third = rect.width() / 3
    for k in GHOST:
        brush, pen = ghost_style(k)
        p.setBrush(brush)
        p.setPen(pen)
        p.drawRect(QRectF(rect.left() + k * third + 1, rect.top() + 2, third - 2, rect.height() - 4))


def _place(place: PlanPlace) -> Paint:
    def paint(p: QPainter, rect: QRectF) -> None:
        paint_place(p, QRectF(rect.left() + 2, rect.center().y() - MARK_PX / 2, MARK_PX, MARK_PX), place)
    return paint


def _swatch(paint: Paint) -> QLabel:
    ratio = QGuiApplication.primaryScreen().devicePixelRatio() if QGuiApplication.primaryScreen() else 1.0
    pixmap = QPixmap(int(SWATCH[0] * ratio), int(SWATCH[1] * ratio))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.white)
    painter = QPainter(pixmap)
    paint(painter, QRectF(0, 0, *SWATCH))
    painter.end()
    label = QLabel()
    label.setPixmap(pixmap)
    return label


class BoardLegend(QFrame):
    """The legend card: what fills, edges, marks and numbers on the board mean."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, Qt.WindowType.Popup)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("BoardLegend { background: white; }")
        columns = QHBoxLayout(self)  # the bars' fills and edges (and the names' marks) left, the board's marks right
        columns.setSpacing(18)
        self._grids = []
        for _side in range(2):
            grid = QGridLayout()
            grid.setHorizontalSpacing(10)
            grid.setVerticalSpacing(3)
            grid.setColumnStretch(1, 1)  # room to spare goes to the words (wrapped to their width), not the samples
            columns.addLayout(grid)
            self._grids.append(grid)
        self.entries: list[str] = []
        self._rows = [0, 0]
        self._side = 0
        self._heading(self.tr("Fill: how urgent the visit's orders are"))
        for band in Band:
            self._entry(_bar(style_code(band, OrderKind.FAULT, False, False)), sla_format.band_name(band))
        self._heading(self.tr("Edge: the kind of order"))
        for kind in OrderKind:
            self._entry(_bar(style_code(Band.GREEN, kind, False, False), edge_only=True), labels.name(kind))
        self._side = 1
        self._heading(self.tr("Marks"))
        green_fault = style_code(Band.GREEN, OrderKind.FAULT, False, False)
        self._entry(_bar(style_code(Band.GREEN, OrderKind.FAULT, True, False)), self.tr("Proposed: not yet confirmed with the customer"))
        self._entry(_bar(green_fault, pinned=True), self.tr("Pinned: the optimiser leaves the visit where it is"))
        self._entry(_fill(flat(SHIFT)), self.tr("Shift: the technician's working hours"))
        self._entry(_fill(flat(BREAK, Qt.BrushStyle.BDiagPattern)), self.tr("Break"))
        self._entry(_fill(flat(TRAVEL), 0.4, 0.6), self.tr("Travel to the visit"))
        self._entry(_now, self.tr("Now"))
        self._entry(_stacked, self.tr("Overlapping visits: the row grows a line for each"))
        self._entry(_percent, self.tr("Utilisation for the days shown: visits and travel against shift time, breaks "
                                      "excluded; amber from 85%, red over 100%, – without a shift"))
        self._entry(_ghosts, self.tr("While dragging: fits · needs a reason · cannot be saved"))
        self._side = 0
        self._heading(self.tr("Beside the name: where the technician is"))
        for place in PlanPlace:
            self._entry(_place(place), place_text(place))
        for grid, rows in zip(self._grids, self._rows, strict=True):
            grid.setRowStretch(rows, 1)  # the shorter column's lines stay together at the top

    def _next_row(self) -> tuple[QGridLayout, int]:
        """The column being filled and its next row."""
        row = self._rows[self._side]
        self._rows[self._side] += 1
        return self._grids[self._side], row

    def _heading(self, text: str) -> None:
        label = QLabel(f"<b>{text}</b>")
        grid, row = self._next_row()
        grid.addWidget(label, row, 0, 1, 2)
        self.entries.append(text)

    def _entry(self, paint: Paint, text: str) -> None:
        grid, row = self._next_row()
        grid.addWidget(_swatch(paint), row, 0)
        label = QLabel(text)
        label.setWordWrap(True)
        label.setMinimumWidth(260)
        label.setMaximumWidth(380)
        grid.addWidget(label, row, 1)
        self.entries.append(text)


class LegendButton(QToolButton):
    """"Legend": opens the legend card under itself, kept on the screen."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setText(self.tr("Legend"))
        self.setToolTip(self.tr("What the colours, edges and marks on the board mean"))
        self.legend = BoardLegend(self)
        self.clicked.connect(self._on_clicked)

    def _on_clicked(self) -> None:
        legend = self.legend
        legend.adjustSize()
        legend.move(self.mapToGlobal(QPoint(self.width() - legend.width(), self.height())))
        legend.show()
        screen = self.screen().availableGeometry() if self.screen() else None
        if screen is not None:  # kept whole on the screen, once its real size is known
            frame = legend.frameGeometry()
            x = max(screen.left(), min(frame.left(), screen.left() + screen.width() - frame.width()))
            y = max(screen.top(), min(frame.top(), screen.top() + screen.height() - frame.height()))
            legend.move(legend.pos() + QPoint(x - frame.left(), y - frame.top()))
