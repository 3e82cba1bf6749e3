"""The schedule board: technicians as rows, time across, visits as bars to drag.

While a bar (or an order from the waiting list) is dragged, the board asks its checker what the
drop would break and shows it beside the pointer; the drop itself is only reported (the page
confirms and commits).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from console.core.domain.booking_rules import Finding, Override
from console.core.domain.enums import Band, OrderKind
from console.ui import sla_format
from console.ui.board_items import ROW_PAD, BoardViewBox, GroupLayer, RectLayer, RowAxis, VisitLayer
from console.ui.board_layout import Bars, BoardLayout, style_parts
from console.ui.finding_text import describe

ORDER_MIME = "application/x-dispatch-order"
SNAP = 5 * 60  # seconds: drops land on five-minute marks
SPANS = ((1, QT_TRANSLATE_NOOP("ScheduleBoard", "Day")), (3, QT_TRANSLATE_NOOP("ScheduleBoard", "3 days")),
         (7, QT_TRANSLATE_NOOP("ScheduleBoard", "Week")))
KIND_EDGE = {
    OrderKind.SURVEY: QColor("#6a4c93"),
    OrderKind.PROVISIONING: QColor("#1565c0"),
    OrderKind.FAULT: QColor("#b23a48"),
    OrderKind.COMPLAINT: QColor("#e07a00"),
}
Checker = Callable[[tuple[str, uuid.UUID], uuid.UUID, datetime], tuple[int, list[Finding]]]


def _visit_style(code: int) -> tuple[QBrush, QPen]:
    band, kind, proposed, locked = style_parts(code)
    fill = QColor(sla_format.BAND_COLOURS[band])
    fill.setAlpha(110 if proposed else 200)
    pen = QPen(QColor("#111111") if locked else KIND_EDGE[kind], 0)
    pen.setCosmetic(True)
    pen.setWidthF(2.5 if locked else 1.6)
    if proposed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return QBrush(fill), pen


def _flat(colour: str, pattern=Qt.BrushStyle.SolidPattern):
    brush, pen = QBrush(QColor(colour), pattern), QPen(Qt.PenStyle.NoPen)
    return lambda _code: (brush, pen)


_GHOST = {0: "#2e7d32", 1: "#f9a825", 2: "#c62828"}  # fits, needs a reason, cannot be committed


def _ghost_style(code: int) -> tuple[QBrush, QPen]:
    colour = QColor(_GHOST[code])
    fill = QColor(colour)
    fill.setAlpha(70)
    pen = QPen(colour, 0, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    pen.setWidthF(2)
    return QBrush(fill), pen


class _BoardPlot(pg.PlotWidget):
    """The plot, taking orders dropped from the waiting list."""

    def __init__(self, board: ScheduleBoard, viewbox: BoardViewBox, axes: dict):
        super().__init__(viewBox=viewbox, axisItems=axes)
        self._board = board
        self.setAcceptDrops(True)

    def _order(self, event) -> uuid.UUID | None:
        data = event.mimeData()
        if not data.hasFormat(ORDER_MIME):
            return None
        try:
            return uuid.UUID(bytes(data.data(ORDER_MIME)).decode())
        except ValueError:
            return None

    def _point(self, event) -> QPointF:
        return self.plotItem.vb.mapSceneToView(self.mapToScene(event.position().toPoint()))

    def dragEnterEvent(self, event):
        if self._order(event) is not None:
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event):
        order_id = self._order(event)
        if order_id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self._board.preview(("order", order_id), self._point(event), None)

    def dragLeaveEvent(self, event):
        self._board.end_preview()

    def dropEvent(self, event):
        order_id = self._order(event)
        if order_id is None:
            event.ignore()
            return
        event.acceptProposedAction()
        self._board.drop(("order", order_id), self._point(event), None)


class ScheduleBoard(QWidget):
    visit_dropped = Signal(object, object, object)
    """A visit was dropped: (appointment id, technician id, start as a UTC datetime)."""
    order_dropped = Signal(object, object, object)
    """An order from the waiting list was dropped: (order id, technician id, start)."""
    visit_selected = Signal(object)
    """A bar was clicked: its appointment id, or None for empty space."""
    span_changed = Signal(object, object)
    """The days shown changed: (first local day's start, end), both UTC."""

    def __init__(self, zone: ZoneInfo, parent: QWidget | None = None):
        super().__init__(parent)
        self._zone = zone
        self.layout_data: BoardLayout | None = None
        self._checker: Checker | None = None
        self._day = datetime.now(UTC).astimezone(zone).replace(hour=0, minute=0, second=0, microsecond=0)
        self._days = 1

        self.viewbox = BoardViewBox(hit=self._hit, on_drag=self._on_bar_dragged, on_click=self._on_bar_clicked)
        self.rows_axis = RowAxis()
        offset = -int(self._day.utcoffset().total_seconds())
        self.time_axis = pg.DateAxisItem(orientation="bottom", utcOffset=offset)
        top_axis = pg.DateAxisItem(orientation="top", utcOffset=offset)
        self.plot = _BoardPlot(self, self.viewbox, {"left": self.rows_axis, "bottom": self.time_axis, "top": top_axis})
        self.plot.setBackground("w")
        self.plot.plotItem.showGrid(x=True, y=False, alpha=0.25)
        self.plot.plotItem.hideButtons()
        self.groups = GroupLayer(z=-20)
        self.shifts = RectLayer(_flat("#eef6ee"), 0.0, 1.0, z=-10)
        self.breaks = RectLayer(_flat("#d6d6d6", Qt.BrushStyle.BDiagPattern), 0.0, 1.0, z=-9)
        self.travel = RectLayer(_flat("#8d99ae"), 0.44, 0.56, z=-5)
        self.visits = VisitLayer(_visit_style, ROW_PAD, 1 - ROW_PAD, z=0)
        self.ghost = RectLayer(_ghost_style, ROW_PAD / 2, 1 - ROW_PAD / 2, z=10)
        for item in (self.groups, self.shifts, self.breaks, self.travel, self.visits, self.ghost):
            self.viewbox.addItem(item)
        self.now_line = pg.InfiniteLine(angle=90, pen=pg.mkPen("#c62828", width=1.5))
        self.viewbox.addItem(self.now_line)
        self.drop_note = QLabel(self.plot.viewport())
        self.drop_note.setWordWrap(True)
        self.drop_note.setMaximumWidth(380)
        self.drop_note.setStyleSheet("QLabel { background: #fffef4; border: 1px solid #9e9e9e; padding: 4px; }")
        self.drop_note.hide()

        self.previous_button = QPushButton("◀")
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button = QPushButton("▶")
        self.span = QComboBox()
        for days, name in SPANS:
            self.span.addItem(self.tr(name), days)
        self.day_label = QLabel()
        self.legend = QLabel(self._legend_html())
        for button, step in ((self.previous_button, -1), (self.next_button, 1)):
            button.setFixedWidth(36)
            button.clicked.connect(lambda _=False, s=step: self.show_days(self._day + timedelta(days=s * self._days), self._days))
        self.today_button.clicked.connect(lambda: self.show_days(datetime.now(UTC), self._days))
        self.span.currentIndexChanged.connect(lambda _i: self.show_days(self._day, self.span.currentData()))
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button, self.span, self.day_label):
            bar.addWidget(widget)
        bar.addStretch(1)
        bar.addWidget(self.legend)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.plot, 1)
        self.plot.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    # --- data ---------------------------------------------------------------------------------

    def set_checker(self, checker: Checker) -> None:
        self._checker = checker

    def show_layout(self, layout: BoardLayout, now: datetime, keep_view: bool = True) -> None:
        old = self.viewbox.viewRange() if keep_view and self.layout_data is not None else None
        self.layout_data = layout
        self.rows_axis.rows = layout.rows
        self.groups.labels = {i: r.label for i, r in enumerate(layout.rows) if r.technician_id is None}
        self.groups.set_bars(layout.headers)
        self.shifts.set_bars(layout.shifts)
        self.breaks.set_bars(layout.breaks)
        self.travel.set_bars(layout.travel)
        self.visits.texts = layout.visit_texts
        self.visits.set_bars(layout.visits)
        self.now_line.setValue(now.timestamp())
        t0, t1 = layout.start.timestamp(), layout.end.timestamp()
        self.viewbox.setLimits(xMin=t0, xMax=t1, yMin=0, yMax=max(len(layout.rows), 1), minXRange=1800, maxXRange=t1 - t0,
                               minYRange=4, maxYRange=max(len(layout.rows), 4))
        if old is not None:
            self.viewbox.setRange(xRange=old[0], yRange=old[1], padding=0)
        else:
            self._show_span()
            self.viewbox.setYRange(0, min(len(layout.rows), 22), padding=0)
        self.rows_axis.picture = None
        self.rows_axis.update()

    def show_days(self, moment: datetime, days: int) -> None:
        """Show `days` local days from the one `moment` falls on; asks for data if needed."""
        self._day = moment.astimezone(self._zone).replace(hour=0, minute=0, second=0, microsecond=0)
        self._days = days
        index = self.span.findData(days)
        if index >= 0 and index != self.span.currentIndex():
            self.span.blockSignals(True)
            self.span.setCurrentIndex(index)
            self.span.blockSignals(False)
        start, end = self.span_shown()
        self.day_label.setText(f"{self._day:%Y-%m-%d}" + (f" – {(self._day + timedelta(days=days - 1)):%m-%d}" if days > 1 else ""))
        data = self.layout_data
        if data is None or start < data.start or end > data.end:
            self.span_changed.emit(start, end)
        else:
            self._show_span()

    def span_shown(self) -> tuple[datetime, datetime]:
        start = self._day.astimezone(UTC)
        return start, (self._day + timedelta(days=self._days)).astimezone(UTC)

    def _show_span(self) -> None:
        start, end = self.span_shown()
        # working hours first: 07:00 to 20:00 of a single day, whole days otherwise
        if self._days == 1:
            start, end = start + timedelta(hours=7), start + timedelta(hours=20)
        self.viewbox.setXRange(start.timestamp(), end.timestamp(), padding=0)

    def visit_index(self, appointment_id: uuid.UUID) -> int | None:
        if self.layout_data is None:
            return None
        try:
            return self.layout_data.visit_ids.index(appointment_id)
        except ValueError:
            return None

    # --- dragging -----------------------------------------------------------------------------

    def _hit(self, x: float, y: float) -> int | None:
        return self.visits.at(x, y)

    def _target_at(self, point: QPointF, start_x: float) -> tuple[uuid.UUID | None, datetime]:
        row = int(np.floor(point.y()))
        rows = self.layout_data.rows if self.layout_data else []
        tech = rows[row].technician_id if 0 <= row < len(rows) else None
        snapped = round(start_x / SNAP) * SNAP
        return tech, datetime.fromtimestamp(snapped, UTC)

    def _on_bar_dragged(self, index: int, down: QPointF, here: QPointF, phase: str) -> None:
        target = ("visit", self.layout_data.visit_ids[index])
        start_x = float(self.visits.bars.x0[index]) + here.x() - down.x()
        if phase == "finish":
            self.drop(target, here, start_x)
        else:
            self.preview(target, here, start_x)

    def preview(self, target: tuple[str, uuid.UUID], point: QPointF, start_x: float | None) -> None:
        tech, start = self._target_at(point, point.x() if start_x is None else start_x)
        if tech is None or self._checker is None:
            self.ghost.set_bars(Bars.empty())
            self.drop_note.hide()
            return
        minutes, findings = self._checker(target, tech, start)
        worst = 2 if any(f.override is Override.NEVER for f in findings) else (1 if findings else 0)
        row = self.layout_data.row_of[tech]
        self.ghost.set_bars(Bars.of([(start.timestamp(), start.timestamp() + minutes * 60, row, worst)]))
        local = start.astimezone(self._zone)
        lines = [f"<b>{local:%m-%d %H:%M}</b> · {self.layout_data.rows[row].label}"]
        if findings:
            lines += [f"<span style='color:{_GHOST[2 if f.override is Override.NEVER else 1]}'>• {describe(f, self._zone)}</span>"
                      for f in findings]
        else:
            fits = self.tr("Fits: skills, shift, window, travel and SLA")
            lines.append(f"<span style='color:{_GHOST[0]}'>✓ {fits}</span>")
        self.drop_note.setText("<br>".join(lines))
        self.drop_note.adjustSize()
        pos = self.plot.mapFromScene(self.viewbox.mapViewToScene(point))
        x = min(pos.x() + 16, self.plot.viewport().width() - self.drop_note.width() - 4)
        y = min(pos.y() + 16, self.plot.viewport().height() - self.drop_note.height() - 4)
        self.drop_note.move(max(0, x), max(0, y))
        self.drop_note.show()
        self.drop_note.raise_()
        self.last_preview = findings

    def end_preview(self) -> None:
        self.ghost.set_bars(Bars.empty())
        self.drop_note.hide()

    def drop(self, target: tuple[str, uuid.UUID], point: QPointF, start_x: float | None) -> None:
        self.end_preview()
        tech, start = self._target_at(point, point.x() if start_x is None else start_x)
        if tech is None:
            return
        kind, target_id = target
        (self.visit_dropped if kind == "visit" else self.order_dropped).emit(target_id, tech, start)

    def _on_bar_clicked(self, index: int | None) -> None:
        self.visit_selected.emit(None if index is None else self.layout_data.visit_ids[index])

    def _on_scene_mouse_moved(self, scene_pos) -> None:
        if self.layout_data is None:
            return
        point = self.viewbox.mapSceneToView(scene_pos)
        index = self._hit(point.x(), point.y())
        if index is None:
            self.plot.setToolTip("")
            return
        bars = self.visits.bars
        band, kind, proposed, locked = style_parts(int(bars.style[index]))
        start = datetime.fromtimestamp(float(bars.x0[index]), UTC).astimezone(self._zone)
        end = datetime.fromtimestamp(float(bars.x1[index]), UTC).astimezone(self._zone)
        notes = [sla_format.band_name(band)]
        if proposed:
            notes.append(self.tr("proposed, not yet confirmed"))
        if locked:
            notes.append(self.tr("pinned"))
        self.plot.setToolTip(f"{self.layout_data.visit_texts[index]}\n{start:%m-%d %H:%M}–{end:%H:%M} · {' · '.join(notes)}")

    def _legend_html(self) -> str:
        parts = [f"<span style='color:{sla_format.BAND_COLOURS[b].name()}'>■</span> {sla_format.band_name(b)}" for b in Band]
        travel, pause = self.tr("travel"), self.tr("break")
        parts.append(f"<span style='color:#8d99ae'>━</span> {travel}")
        parts.append(f"<span style='color:#9e9e9e'>▨</span> {pause}")
        return "&nbsp;&nbsp;".join(parts)
