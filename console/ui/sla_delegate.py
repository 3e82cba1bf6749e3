"""Paints the band and countdown cells straight from the row's cached SLA instants.

This is the queue's hot path: a tick repaints these two columns for the visible rows only, and
each cell costs a few comparisons (band) or one business-time measure (time left), without
going through the model's data() roles.
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QPainter
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

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        hint = super().sizeHint(option, index)
        hint.setWidth(hint.width() + 26)  # the chip, the pause mark, bold text
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
