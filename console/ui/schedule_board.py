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

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QPointF, Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from console.core.domain.booking_rules import Finding, Override
from console.core.domain.enums import Skill
from console.core.domain.positions import PlanPlace
from console.ui import labels, sla_format
from console.ui.board_items import ROW_PAD, BoardViewBox, GroupLayer, RectLayer, RowAxis, VisitLayer
from console.ui.board_layout import Bars, BoardLayout, style_parts
from console.ui.board_legend import LegendButton
from console.ui.board_places import place_text
from console.ui.board_rows import RowGeometry, matching_rows, row_heights
from console.ui.board_styles import BREAK, GHOST, NOW, SHIFT, TRAVEL, flat, ghost_style, text_colour, visit_style
from console.ui.finding_text import describe

ORDER_MIME = "application/x-dispatch-order"
SNAP = 5 * 60  # seconds: drops land on five-minute marks
SPANS = ((1, QT_TRANSLATE_NOOP("ScheduleBoard", "Day")), (3, QT_TRANSLATE_NOOP("ScheduleBoard", "3 days")),
         (7, QT_TRANSLATE_NOOP("ScheduleBoard", "Week")))
ROWS_SHOWN = 22  # sub-rows in view when a board is first shown or filtered
Checker = Callable[[tuple[str, uuid.UUID], uuid.UUID, datetime], tuple[int, list[Finding]]]


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
        self.shifts = RectLayer(flat(SHIFT), 0.0, 1.0, z=-10)
        self.breaks = RectLayer(flat(BREAK, Qt.BrushStyle.BDiagPattern), 0.0, 1.0, z=-9)
        self.travel = RectLayer(flat(TRAVEL), 0.44, 0.56, z=-5, per_lane=True)
        self.visits = VisitLayer(visit_style, ROW_PAD, 1 - ROW_PAD, z=0, text_colour=text_colour)
        self.ghost = RectLayer(ghost_style, ROW_PAD / 2, 1 - ROW_PAD / 2, z=10)
        self.layers = (self.groups, self.shifts, self.breaks, self.travel, self.visits, self.ghost)
        for item in self.layers:
            self.viewbox.addItem(item)
        self.row_geometry = RowGeometry()
        self._shown_rows = None  # the filter's answer per row
        self._skill_words: dict[int, str] = {}
        self.now_line = pg.InfiniteLine(angle=90, pen=pg.mkPen(NOW, width=1.5))
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
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find technicians: name, team, skill"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(200)
        self.search.setMaximumWidth(320)
        self.search.setToolTip(self.tr("Shows only the technicians whose name, team, region or skills hold every word typed"))
        self.match_label = QLabel()
        self.legend_button = LegendButton(self)
        self.search.textChanged.connect(self._on_search_text_changed)
        for button, step in ((self.previous_button, -1), (self.next_button, 1)):
            button.setFixedWidth(36)
            button.clicked.connect(lambda _=False, s=step: self.show_days(self._day + timedelta(days=s * self._days), self._days))
        self.today_button.clicked.connect(lambda: self.show_days(datetime.now(UTC), self._days))
        self.span.currentIndexChanged.connect(lambda _i: self.show_days(self._day, self.span.currentData()))
        bar = QHBoxLayout()
        for widget in (self.previous_button, self.today_button, self.next_button, self.span, self.day_label):
            bar.addWidget(widget)
        bar.addSpacing(12)
        bar.addWidget(self.search, 1)
        bar.addWidget(self.match_label)
        bar.addStretch(0)
        bar.addWidget(self.legend_button)
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
        self._skill_words = {i: " ".join(labels.name(Skill(s)) for s in r.skills if s in Skill._value2member_map_)
                             for i, r in enumerate(layout.rows) if r.technician_id is not None}
        self._shown_rows = matching_rows(layout.rows, self.search.text(), self._skill_words)
        self.groups.labels = {i: r.label for i, r in enumerate(layout.rows) if r.technician_id is None}
        self.groups.set_bars(layout.headers)
        self.shifts.set_bars(layout.shifts)
        self.breaks.set_bars(layout.breaks)
        self.travel.set_bars(layout.travel)
        self.visits.numbers, self.visits.customers = layout.visit_numbers, layout.visit_customers
        self.visits.set_bars(layout.visits)
        self.now_line.setValue(now.timestamp())
        t0, t1 = layout.start.timestamp(), layout.end.timestamp()
        self.viewbox.setLimits(xMin=t0, xMax=t1, minXRange=1800, maxXRange=t1 - t0)
        self._apply_rows()
        if old is not None:
            self.viewbox.setRange(xRange=old[0], yRange=old[1], padding=0)
        else:
            self._show_span()
            self.viewbox.setYRange(0, min(self.row_geometry.total, ROWS_SHOWN), padding=0)

    def show_places(self, places: dict[uuid.UUID, PlanPlace]) -> None:
        """Each technician's mark beside their name: where they are against the plan (board_places)."""
        row_of = self.layout_data.row_of if self.layout_data is not None else {}
        self.rows_axis.places = {row_of[t]: place for t, place in places.items() if t in row_of}
        self.rows_axis.picture = None
        self.rows_axis.update()

    def _apply_rows(self) -> None:
        """Place the rows for the days shown and the filter: heights, the axis, utilisation."""
        layout = self.layout_data
        if layout is None:
            return
        start, end = (t.timestamp() for t in self.span_shown())
        geometry = RowGeometry(row_heights(layout.visits, self._shown_rows, start, end))
        self.row_geometry = geometry
        for layer in self.layers:
            layer.set_rows(geometry)
        self.rows_axis.row_geometry = geometry
        if layout.utilisation is not None:
            self.rows_axis.utilisation = layout.utilisation.ratio(start, end)
        total = max(geometry.total, 1.0)
        self.viewbox.setLimits(yMin=0, yMax=max(total, 4), minYRange=min(4, total), maxYRange=max(total, 4))
        self.rows_axis.picture = None
        self.rows_axis.update()
        technicians = sum(1 for r in layout.rows if r.technician_id is not None)
        kept = sum(1 for i, r in enumerate(layout.rows) if r.technician_id is not None and self._shown_rows[i])
        filtered = bool(self.search.text().strip())
        self.match_label.setVisible(filtered)
        if not kept:
            self.match_label.setText(self.tr("No technician matches"))
            self.match_label.setStyleSheet("QLabel { color: #c62828; }")
        else:
            self.match_label.setText(self.tr("%1 of %2").replace("%1", str(kept)).replace("%2", str(technicians)))
            self.match_label.setStyleSheet("")

    def _on_search_text_changed(self, text: str) -> None:
        if self.layout_data is None:
            return
        self._shown_rows = matching_rows(self.layout_data.rows, text, self._skill_words)
        self._apply_rows()
        self.viewbox.setYRange(0, min(max(self.row_geometry.total, 1.0), ROWS_SHOWN), padding=0)

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
            self._apply_rows()
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
        row = self.row_geometry.row_at(point.y())
        rows = self.layout_data.rows if self.layout_data else []
        tech = rows[row].technician_id if row is not None and row < len(rows) else None
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
            lines += [f"<span style='color:{GHOST[2 if f.override is Override.NEVER else 1]}'>• {describe(f, self._zone)}</span>"
                      for f in findings]
        else:
            fits = self.tr("Fits: skills, shift, window, travel and SLA")
            lines.append(f"<span style='color:{GHOST[0]}'>✓ {fits}</span>")
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
        if self.rows_axis.sceneBoundingRect().contains(scene_pos):  # a name: where the technician is, said in words
            row = self.row_geometry.row_at(point.y())
            place = self.rows_axis.places.get(row) if row is not None else None
            self.plot.setToolTip(f"{self.layout_data.rows[row].label}\n{place_text(place)}" if place is not None else "")
            return
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
