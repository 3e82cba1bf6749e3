"""How the board's marks look: one place for the layers and the legend that explains them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from console.core.domain.enums import OrderKind
from console.ui import sla_format
from console.ui.board_layout import style_parts

KIND_EDGE = {
    OrderKind.SURVEY: QColor("#6a4c93"),
    OrderKind.PROVISIONING: QColor("#1565c0"),
    OrderKind.FAULT: QColor("#b23a48"),
    OrderKind.COMPLAINT: QColor("#e07a00"),
}
SHIFT = "#eef6ee"
BREAK = "#d6d6d6"
TRAVEL = "#8d99ae"
NOW = "#c62828"
GHOST = {0: "#2e7d32", 1: "#f9a825", 2: "#c62828"}  # fits, needs a reason, cannot be committed


def visit_style(code: int) -> tuple[QBrush, QPen]:
    """Fill by SLA band (paler when only proposed), edge by order kind (dashed when proposed)."""
    band, kind, proposed, _locked = style_parts(code)
    fill = QColor(sla_format.BAND_COLOURS[band])
    fill.setAlpha(110 if proposed else 200)
    pen = QPen(KIND_EDGE[kind], 0)
    pen.setCosmetic(True)
    pen.setWidthF(1.8)
    if proposed:
        pen.setStyle(Qt.PenStyle.DashLine)
    return QBrush(fill), pen


def flat(colour: str, pattern=Qt.BrushStyle.SolidPattern):
    brush, pen = QBrush(QColor(colour), pattern), QPen(Qt.PenStyle.NoPen)
    return lambda _code: (brush, pen)


def ghost_style(code: int) -> tuple[QBrush, QPen]:
    colour = QColor(GHOST[code])
    fill = QColor(colour)
    fill.setAlpha(70)
    pen = QPen(colour, 0, Qt.PenStyle.DashLine)
    pen.setCosmetic(True)
    pen.setWidthF(2)
    return QBrush(fill), pen


def text_colour(code: int) -> QColor:
    """Dark text on a bar, light on the darkest fills (breached), as the fill shows over white."""
    brush, _pen = visit_style(code)
    fill = brush.color()
    alpha = fill.alphaF()
    r, g, b = ((c * alpha + 255 * (1 - alpha)) for c in (fill.red(), fill.green(), fill.blue()))
    return QColor("#ffffff") if (0.299 * r + 0.587 * g + 0.114 * b) / 255 < 0.45 else QColor("#1b1b1b")
