"""Paints the band and countdown cells straight from the row's cached SLA instants.

This is the queue's hot path: a tick repaints these two columns for the visible rows only, and
each cell costs a few comparisons (band) or one business-time measure (time left), without
going through the model's data() roles.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from console.core.domain.enums import Band
from console.ui import sla_format
from console.ui.work_order_table_model import WorkOrderTableModel


class SlaDelegate(QStyledItemDelegate):
    def __init__(self, model: WorkOrderTableModel, parent=None):
        super().__init__(parent)
        self._model = model
        self._bold = QFont()
        self._bold.setBold(True)
        self._marks: dict[tuple[bool, int], QPixmap] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        hint.setWidth(hint.width() + 40)  # the chip or the time basis mark, the pause mark, bold text
        return hint

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        column = index.column()
        model = self._model
        row = model.row_at(index.row())
        band, text, paused = model.cell_state(row, model.clock())
        colour = sla_format.BAND_COLOURS[band]
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        if selected:
            painter.fillRect(option.rect, option.palette.highlight())
        rect: QRect = option.rect.adjusted(4, 0, -4, 0)
        if column == WorkOrderTableModel.BAND:
            chip = QRect(rect.left(), rect.center().y() - 6, 12, 12)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(sla_format.PAUSED_COLOUR if paused else colour)
            painter.drawRoundedRect(chip, 3, 3)
            painter.setPen(option.palette.highlightedText().color() if selected else colour)
            if band is Band.BREACHED:
                painter.setFont(self._bold)
            painter.drawText(rect.adjusted(18, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, sla_format.band_name(band))
        else:
            self._basis_mark(painter, rect, row.sla.times.business, option.palette.mid().color() if not selected
                             else option.palette.highlightedText().color())
            if paused:
                text = "‖ " + text
            if not selected:
                painter.setPen(colour if band in (Band.RED, Band.BREACHED) else option.palette.text().color())
            else:
                painter.setPen(option.palette.highlightedText().color())
            if band is Band.BREACHED:
                painter.setFont(self._bold)
            painter.drawText(rect, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight, text)
        painter.restore()

    def _basis_mark(self, painter: QPainter, rect: QRect, business: bool, colour: QColor) -> None:
        """A small calendar for a limit in working time, a small clock for one round the clock: told
        apart at a glance (the column's tooltip says which is which). Drawn once per colour and
        kept: a tick repaints these cells every second."""
        key = (business, colour.rgba())
        mark = self._marks.get(key)
        if mark is None:
            mark = self._marks[key] = _mark(business, colour)
        painter.drawPixmap(rect.left(), rect.center().y() - 6, mark)


def _mark(business: bool, colour: QColor) -> QPixmap:
    mark = QPixmap(13, 13)
    mark.fill(Qt.GlobalColor.transparent)
    painter = QPainter(mark)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(colour, 1.2))
    if business:
        painter.drawRect(QRectF(0.5, 2.5, 10, 9))
        painter.drawLine(QPointF(0.5, 5.5), QPointF(10.5, 5.5))
        painter.drawLine(QPointF(3.5, 1), QPointF(3.5, 3.5))
        painter.drawLine(QPointF(7.5, 1), QPointF(7.5, 3.5))
    else:
        centre = QPointF(6, 6.5)
        painter.drawEllipse(centre, 5, 5)
        painter.drawLine(centre, QPointF(6, 3))
        painter.drawLine(centre, QPointF(8.5, 6.5))
    painter.end()
    return mark
