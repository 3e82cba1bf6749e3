"""A list item delegate whose rows are as tall as their wrapped text is drawn."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QTextLayout, QTextOption
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem


class WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text really is: Qt's own size counts lines of the list's
    font, while Chinese text is drawn from a taller fallback font, so the last line got cut."""

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:  # noqa: N802 - Qt's name
        base = super().sizeHint(option, index)
        view = self.parent()
        style = view.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        width = view.viewport().width() - 2 * margin
        layout = QTextLayout(str(index.data() or ""), option.font)
        text_option = QTextOption()
        text_option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(text_option)
        height = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            height += line.height()
        layout.endLayout()
        return QSize(base.width(), max(base.height(), int(height + 0.999) + 2 * margin))
