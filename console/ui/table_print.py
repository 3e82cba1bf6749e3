"""A table on paper: Qt's print preview and print dialog, and the pages painted by hand so that
every page carries the title, the desk's region and the time printed (in the desk's zone), the
column titles again, and its number; the columns share the page's width (text wraps in a narrow
one), and Chinese text prints with the system's fonts."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QPageLayout, QPainter, QPen, QTextLayout, QTextOption
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QApplication, QMessageBox, QTableView, QWidget

if TYPE_CHECKING:
    from console.ui.table_export import TableExports

ASK_OVER_ROWS = 2000  # a longer table is printed only when the person says so (pages, not a glance)
BODY_POINTS, SMALLEST_POINTS = 8.5, 6.5  # the table's type, and how small a wide one may go
WORDS_SHARE = 0.9  # the columns' longest words take at most this much of the width; the rest goes to wrapping text
MAX_LINES = 6  # a cell's text wraps to at most this many lines on paper
MEASURED_ROWS = 3000  # rows measured to find a column's natural width
_DATE_TIME = re.compile(r"(\d{2}-\d{2}) (\d{2}:\d{2})")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]")
SHORT_TERM = 6  # a Chinese word up to this long is kept on one line
_SPACES = re.compile(r"[ \t\n]+")  # (not the no-break space that holds a date to its time)
_GRID, _HEAD_FILL, _STRIPE = QColor("#9ca3af"), QColor("#e5e7eb"), QColor("#f3f4f6")



@dataclass(frozen=True)
class PrintSheet:
    """What is printed: texts as shown, whether each column is right-aligned (numbers)."""

    title: str
    region: str
    printed: str  # the time printed, in the desk's zone, as text
    headers: Sequence[str]
    rows: Sequence[Sequence[str]]
    right: Sequence[bool]


def sheet_of(view: QTableView, exports: TableExports) -> PrintSheet:
    """The table as it is on screen now: its shown columns and rows, their texts."""
    from console.ui.table_export import headers_of, screen_columns, shown_rows, title_of

    model, columns = view.model(), screen_columns(view)
    rows = shown_rows(view)
    texts = [[_text(model.data(model.index(r, c))) for c in columns] for r in rows]
    right = []
    for c in columns:
        first = model.index(rows[0], c) if rows else None
        align = model.data(first, Qt.ItemDataRole.TextAlignmentRole) if first is not None else None
        value = model.data(first) if first is not None else None
        flags = int(align.value if hasattr(align, "value") else align or 0)
        right.append(bool(flags & Qt.AlignmentFlag.AlignRight.value) or isinstance(value, int | float) and not isinstance(value, bool))
    local = exports.clock().astimezone(exports.zone)
    offset = local.strftime("%z")
    printed = f"{local:%Y-%m-%d %H:%M} UTC{offset[:3]}:{offset[3:]}"
    return PrintSheet(title_of(view), exports.region, printed, headers_of(view, columns), texts, right)


def _text(value: object) -> str:
    """A cell's text; a date and time held together (a no-break space: they wrap as one)."""
    text = "" if value is None else str(value)
    return _DATE_TIME.sub("\\1\u00a0\\2", text) if _DATE_TIME.search(text) else text


def print_view(view: QTableView, exports: TableExports, preview: bool = True) -> None:
    """Preview (whose Print button opens the print dialog) or the print dialog, modal over the table's window."""
    rows = view.model().rowCount()
    parent = view.window()
    question = QCoreApplication.translate("TableExports", "This table has %1 rows: about %2 pages. Print them all?")
    question = question.replace("%1", f"{rows:,}").replace("%2", f"{rows // 40 + 1:,}")
    if rows > ASK_OVER_ROWS and QMessageBox.question(
            parent, QCoreApplication.translate("TableExports", "Print"), question) != QMessageBox.StandardButton.Yes:
        return
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        sheet = sheet_of(view, exports)
    finally:
        QApplication.restoreOverrideCursor()
    printer = new_printer(sheet)
    if preview:
        preview_dialog(sheet, printer, parent).exec()
    elif QPrintDialog(printer, parent).exec() == QPrintDialog.DialogCode.Accepted:
        paint_table(printer, sheet)


def new_printer(sheet: PrintSheet) -> QPrinter:
    """A printer at its best resolution, turned to landscape when the table is wider than tall pages."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(sheet.title)
    layout = _Layout(printer, sheet)
    if sum(layout.natural) > layout.width * 1.15:
        printer.setPageOrientation(QPageLayout.Orientation.Landscape)
    return printer


def preview_dialog(sheet: PrintSheet, printer: QPrinter, parent: QWidget | None) -> QPrintPreviewDialog:
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.kept_printer = printer  # (the dialog does not own its printer: kept alive with it)
    dialog.setWindowTitle(QCoreApplication.translate("TableExports", "Print preview: %1").replace("%1", sheet.title))
    dialog.paintRequested.connect(lambda device: paint_table(device, sheet))
    dialog.resize(1100, 720)
    return dialog


def fit_widths(natural: Sequence[float], least: Sequence[float], room: float) -> list[float]:
    """Columns across `room` (a browser's automatic table layout): stretched alike when all fit
    at their natural width; else each gets its `least` (its longest word: a number or a time
    stays whole) and the rest of the room goes to the columns that wrap, in proportion to what
    wrapping takes from them; when even the words do not fit, all shrink alike."""
    if not natural:
        return []
    total = sum(natural)
    if total <= room:
        return [w * room / total for w in natural]
    floor = [min(low, high) for low, high in zip(least, natural, strict=True)]
    if sum(floor) >= room:
        return [w * room / sum(floor) for w in floor]
    give = [high - low for low, high in zip(floor, natural, strict=True)]
    spare = room - sum(floor)
    return [low + spare * extra / sum(give) for low, extra in zip(floor, give, strict=True)]


class _Layout:
    """Fonts, column widths, row heights and page breaks for one printer's page."""

    def __init__(self, printer: QPrinter, sheet: PrintSheet):
        self.sheet, self.device = sheet, printer
        self._heights: dict[str, float] = {}
        page = printer.pageLayout().paintRectPixels(printer.resolution())
        self.width, self.height = float(page.width()), float(page.height())
        mm = printer.resolution() / 25.4
        self.pad, self.gap, self.line = 1.0 * mm, 3 * mm, 0.15 * mm
        self.big, self.small = QFont(), QFont()
        self.big.setPointSizeF(13)
        self.big.setBold(True)
        self.small.setPointSizeF(8)
        self.fm_big, self.fm_small = QFontMetricsF(self.big, printer), QFontMetricsF(self.small, printer)
        least = self._measure(BODY_POINTS)
        room = self.width * WORDS_SHARE
        if sum(least) > room:  # a wide table: a smaller type before words break and wrapped text runs long
            text = sum(least) - 2 * self.pad * len(least)
            points = BODY_POINTS * (room - 2 * self.pad * len(least)) / text if text > 0 else SMALLEST_POINTS
            least = self._measure(max(SMALLEST_POINTS, int(points * 4) / 4))
        self.widths = fit_widths(self.natural, least, self.width)
        self.head_height = self.fm_big.lineSpacing() + self.gap
        self.foot_height = self.fm_small.lineSpacing() + self.gap
        self.header_height = self._row_height(sheet.headers, self.bold, self.fm_bold)

    def _measure(self, points: float) -> list[float]:
        """The body's type at `points`; each column's natural width; returns its least (its longest word)."""
        self.points = points
        self.body, self.bold = QFont(), QFont()
        self.body.setPointSizeF(points)
        self.bold.setPointSizeF(points)
        self.bold.setBold(True)
        self.fm, self.fm_bold = QFontMetricsF(self.body, self.device), QFontMetricsF(self.bold, self.device)
        measured, pad = self.sheet.rows[:MEASURED_ROWS], 2 * self.pad
        self.natural = [max([self.fm_bold.horizontalAdvance(title)] + [self.fm.horizontalAdvance(r[c]) for r in measured]) + pad
                        for c, title in enumerate(self.sheet.headers)]
        return [max([self._word(title, self.fm_bold)] + [self._word(r[c], self.fm) for r in measured]) + pad
                for c, title in enumerate(self.sheet.headers)]

    @staticmethod
    def _word(text: str, fm: QFontMetricsF) -> float:
        """The widest piece of `text` that should not wrap: a word, or a short Chinese term (绿色, 处理人);
        a long Chinese name wraps between its characters."""
        widest = fm.horizontalAdvance("国")
        for word in _SPACES.split(text):
            if len(word) > SHORT_TERM and _CJK.search(word):
                word = word[:2]
            widest = max(widest, fm.horizontalAdvance(word))
        return widest

    def _lines(self, text: str, width: float, font: QFont, fm: QFontMetricsF) -> int:
        if "\n" not in text and fm.horizontalAdvance(text) <= width:
            return 1
        layout = QTextLayout(text, font, self.device)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        count = 0
        while count < MAX_LINES and (line := layout.createLine()).isValid():
            line.setLineWidth(width)
            count += 1
        layout.endLayout()
        return max(count, 1)

    def _row_height(self, cells: Sequence[str], font: QFont, fm: QFontMetricsF) -> float:
        lines = max((self._lines(text, w - 2 * self.pad, font, fm) for text, w in zip(cells, self.widths, strict=False)), default=1)
        return lines * self._line_height(font, fm) + 2 * self.pad * 0.6

    def _line_height(self, font: QFont, fm: QFontMetricsF) -> float:
        """A line's height as laid out: Chinese comes from a fallback font with taller lines."""
        key = font.toString()
        if key not in self._heights:
            layout = QTextLayout("国Ag", font, self.device)
            layout.beginLayout()
            line = layout.createLine()
            line.setLineWidth(1e6)
            layout.endLayout()
            self._heights[key] = max(fm.lineSpacing(), line.height())
        return self._heights[key]

    def pages(self) -> list[tuple[int, int, list[float]]]:
        """(first row, row after the last, the rows' heights) per page."""
        room = self.height - self.head_height - self.foot_height - self.header_height
        pages, start, used, heights = [], 0, 0.0, []
        for n, row in enumerate(self.sheet.rows):
            height = self._row_height(row, self.body, self.fm)
            if heights and used + height > room:
                pages.append((start, n, heights))
                start, used, heights = n, 0.0, []
            heights.append(height)
            used += height
        pages.append((start, len(self.sheet.rows), heights))
        return pages


def paint_table(printer: QPrinter, sheet: PrintSheet) -> int:
    """Paint the sheet's pages on `printer` (its page range, when one was chosen); how many pages it has."""
    layout = _Layout(printer, sheet)
    pages = layout.pages()
    first, last = printer.fromPage(), printer.toPage()
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("the printer could not start a page")
    try:
        started = False
        for number, (start, end, heights) in enumerate(pages, start=1):
            if first and not first <= number <= (last or number):
                continue
            if started:
                printer.newPage()
            started = True
            _paint_page(painter, layout, number, len(pages), start, end, heights)
    finally:
        painter.end()
    return len(pages)


def _paint_page(painter: QPainter, layout: _Layout, number: int, pages: int, start: int, end: int, heights: list[float]) -> None:
    sheet, width = layout.sheet, layout.width
    painter.setFont(layout.big)
    title_box = QRectF(0, 0, width * 0.6, layout.fm_big.lineSpacing())
    painter.drawText(title_box, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     layout.fm_big.elidedText(sheet.title, Qt.TextElideMode.ElideRight, title_box.width()))
    painter.setFont(layout.small)
    printed = QCoreApplication.translate("TableExports", "Printed %1").replace("%1", sheet.printed)
    count_text = QCoreApplication.translate("TableExports", "%1 rows").replace("%1", f"{len(sheet.rows):,}")
    about = " · ".join(part for part in (sheet.region, printed, count_text) if part)
    painter.drawText(QRectF(width * 0.3, 0, width * 0.7, layout.fm_big.lineSpacing()),
                     int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), about)
    y = layout.head_height
    _paint_row(painter, layout, sheet.headers, y, layout.header_height, layout.bold, _HEAD_FILL)
    y += layout.header_height
    for n, (row, height) in enumerate(zip(sheet.rows[start:end], heights, strict=True)):
        _paint_row(painter, layout, row, y, height, layout.body, _STRIPE if n % 2 else None)
        y += height
    painter.setFont(layout.small)
    painter.drawText(QRectF(0, layout.height - layout.fm_small.lineSpacing(), width, layout.fm_small.lineSpacing()),
                     int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter),
                     QCoreApplication.translate("TableExports", "Page %1 of %2").replace("%1", str(number)).replace("%2", str(pages)))


def _paint_row(painter: QPainter, layout: _Layout, cells: Sequence[str], y: float, height: float, font: QFont,
               fill: QColor | None) -> None:
    painter.setFont(font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    if fill is not None:
        painter.fillRect(QRectF(0, y, layout.width, height), fill)
    grid = QPen(_GRID, layout.line)
    painter.setPen(grid)
    painter.drawLine(QPointF(0, y + height), QPointF(layout.width, y + height))
    x = 0.0
    for c, (text, w) in enumerate(zip(cells, layout.widths, strict=False)):
        right = layout.sheet.right[c] if c < len(layout.sheet.right) else False
        option.setAlignment((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignTop)
        box = QRectF(x + layout.pad, y + layout.pad * 0.6, w - 2 * layout.pad, height - layout.pad * 1.2)
        painter.setPen(Qt.GlobalColor.black)
        painter.save()
        painter.setClipRect(QRectF(x, y, w, height))
        painter.drawText(box, text, option)
        painter.restore()
        x += w
        painter.setPen(grid)
        edge = min(x, layout.width - layout.line)
        painter.drawLine(QPointF(edge, y), QPointF(edge, y + height))
    painter.drawLine(QPointF(layout.line, y), QPointF(layout.line, y + height))
    painter.drawLine(QPointF(0, y), QPointF(layout.width, y))
