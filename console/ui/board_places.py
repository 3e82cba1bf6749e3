"""Where each technician is against their plan, as a small mark beside their name on the board:
on site, on the way, late, free, or no (fresh) position (`console.core.domain.positions.plan_place`).

The marks follow the technicians' rows as they change through the feed (a position every few
seconds): only those technicians' positions are read, off the GUI thread, and only the names'
axis is painted again; the plan itself is not read again. Each minute the marks are judged again
(a planned start passing makes a technician late without any row changing).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPointF, QRectF, Qt, QTimer, Slot
from PySide6.QtGui import QColor, QPainter, QPen, QPolygonF

from console.core.changes import Changes
from console.core.domain.positions import Fix, PlannedStop, PlanPlace, plan_place
from console.core.services.planning import PlanningDesk
from console.core.store.planning_query import PlanData
from console.ui.operations import Operations

MARK_PX = 12  # the mark's box, left of the technician's name
REJUDGE_MS = 60_000
MOVES_MS = 1000  # technicians' moves gathered this long, then read together

COLOURS = {
    PlanPlace.ON_SITE: QColor("#2e7d32"),
    PlanPlace.ON_THE_WAY: QColor("#1d4ed8"),
    PlanPlace.LATE: QColor("#dc2626"),
    PlanPlace.FREE: QColor("#2e7d32"),
    PlanPlace.NO_POSITION: QColor("#9e9e9e"),
}
_NAMES = {
    PlanPlace.ON_SITE: QT_TRANSLATE_NOOP("BoardPlaces", "On site: at the visit under way, or early at the next"),
    PlanPlace.ON_THE_WAY: QT_TRANSLATE_NOOP("BoardPlaces", "On the way: between visits"),
    PlanPlace.LATE: QT_TRANSLATE_NOOP("BoardPlaces", "Late: a visit has started and they are not at its site"),
    PlanPlace.FREE: QT_TRANSLATE_NOOP("BoardPlaces", "Free: nothing more planned today"),
    PlanPlace.NO_POSITION: QT_TRANSLATE_NOOP("BoardPlaces", "No position from the field app for 15 minutes"),
}


def place_text(place: PlanPlace) -> str:
    """What a mark means, in the desk's language (the legend's and the tooltip's words)."""
    return QCoreApplication.translate("BoardPlaces", _NAMES[place])


def paint_place(p: QPainter, rect: QRectF, place: PlanPlace) -> None:
    """The mark in `rect` (a square): a dot on site, an arrow on the way, a square with '!' late,
    a ring free, a grey dashed ring with no position."""
    colour = COLOURS[place]
    box = rect.adjusted(1.5, 1.5, -1.5, -1.5)
    p.save()
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if place is PlanPlace.ON_SITE:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawEllipse(box)
    elif place is PlanPlace.ON_THE_WAY:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawPolygon(QPolygonF([box.topLeft(), QPointF(box.right(), box.center().y()), box.bottomLeft()]))
    elif place is PlanPlace.LATE:
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(colour)
        p.drawRect(box)
        p.setPen(QPen(QColor("white"), 1.6))
        x = box.center().x()
        p.drawLine(QPointF(x, box.top() + 2), QPointF(x, box.bottom() - 3.5))
        p.drawPoint(QPointF(x, box.bottom() - 1.5))
    else:
        pen = QPen(colour, 1.6)
        if place is PlanPlace.NO_POSITION:
            pen.setStyle(Qt.PenStyle.DotLine)
        p.setPen(pen)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawEllipse(box.adjusted(0.5, 0.5, -0.5, -0.5))
    p.restore()


def plan_places(data: PlanData, positions: dict[uuid.UUID, Fix | None], now: datetime) -> dict[uuid.UUID, PlanPlace]:
    """Each technician of the plan against their visits of the day around `now`."""
    stops: dict[uuid.UUID, list[PlannedStop]] = {t.id: [] for t in data.technicians}
    horizon = now + timedelta(hours=16)
    for visit in data.visits:
        end = visit.start + timedelta(minutes=visit.minutes)
        if visit.technician_id in stops and end > now - timedelta(hours=12) and visit.start < horizon:
            lat, lon = visit.position if visit.position else (None, None)
            stops[visit.technician_id].append(PlannedStop(visit.start, end, lat, lon))
    return {t.id: plan_place(positions.get(t.id, t.last), stops[t.id], now) for t in data.technicians}


class BoardPlaces(QObject):
    """Keeps the board's marks: from the plan when it loads, then from technicians' changed rows."""

    def __init__(self, show: Callable[[dict[uuid.UUID, PlanPlace]], None], planning: PlanningDesk, operations: Operations,
                 clock: Callable[[], datetime], parent: QObject | None = None):
        super().__init__(parent)
        self._show, self._planning, self._background, self._clock = show, planning, operations.background, clock
        self.data: PlanData | None = None
        self.positions: dict[uuid.UUID, Fix | None] = {}  # newer than the plan's read
        self.places: dict[uuid.UUID, PlanPlace] = {}
        self._moved: set[uuid.UUID] = set()
        self._reading = False
        self._moves = QTimer(self, singleShot=True, interval=MOVES_MS)
        self._moves.timeout.connect(self._read_moves)
        self._rejudge = QTimer(self, interval=REJUDGE_MS)
        self._rejudge.timeout.connect(self.judge)
        self._rejudge.start()
        operations.bus.changed.connect(self._on_bus_changed)

    def plan_loaded(self, data: PlanData) -> None:
        self.data, self.positions, self.places = data, {}, {}  # (rows may have moved: shown again)
        self.judge()

    @Slot()
    def judge(self) -> None:
        if self.data is None:
            return
        places = plan_places(self.data, self.positions, self._clock())
        if places != self.places:
            self.places = places
            self._show(places)

    @Slot(object, object)
    def _on_bus_changed(self, changes: Changes, _origin: object | None) -> None:
        if self.data is not None and changes.technicians:
            self._moved |= changes.technicians
            if not self._moves.isActive() and not self._reading:
                self._moves.start()

    def _read_moves(self) -> None:
        ids, self._moved = self._moved, set()
        if not ids or self.data is None:
            return
        self._reading = True
        planning = self._planning
        self._background.run(lambda: planning.positions(ids), lambda found: self._on_moves_read(ids, found), self._on_failed)

    def _on_moves_read(self, asked: set[uuid.UUID], found: dict[uuid.UUID, Fix]) -> None:
        self._reading = False
        for technician_id in asked:
            self.positions[technician_id] = found.get(technician_id)
        self.judge()
        if self._moved:
            self._moves.start()

    def _on_failed(self, _error: Exception) -> None:
        self._reading = False  # the marks stay as they were; the next change reads again
