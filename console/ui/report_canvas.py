"""Drawing the monthly report's pages with QPainter on a QPdfWriter: A4, a cursor running down the
page, headings, paragraphs, tables (header repeated after a page break, long text elided) and two
kinds of chart (bars, lines), a footer with the page number. Every word is set in one Latin family
with a Chinese one behind it (DejaVu Sans, then Noto Sans CJK SC where installed): the PDF carries
both (subsets) and prints the same anywhere. The Latin family comes first because Qt's text layer
(ToUnicode) loses the digits and spaces of Noto CJK's glyphs: with it first, numbers copy and search
as numbers. Usable off the GUI thread (a QPdfWriter is not a widget)."""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QFontMetricsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QRawFont,
)

RESOLUTION = 300  # dots per inch of the page's coordinates
MARGIN_MM = 16
LATIN = ("DejaVu Sans", "Liberation Sans", "Arial", "Segoe UI")
CHINESE = ("Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "SimHei", "WenQuanYi Micro Hei")
INK, GREY, RULE, SHADE = QColor("#1f2933"), QColor("#616e7c"), QColor("#cbd2d9"), QColor("#f0f4f8")
BAR = QColor("#2f6fb0")


def report_families() -> list[str]:
    """The first installed family of LATIN and of CHINESE (the default family where none is)."""
    installed = set(QFontDatabase.families())
    found = [next((f for f in names if f in installed), None) for names in (LATIN, CHINESE)]
    return [f for f in found if f] or [QFont().family()]


@dataclass(frozen=True)
class Column:
    title: str
    weight: float = 1.0  # share of the table's width
    right: bool = False  # numbers: right-aligned


class Canvas:
    """A painter on an A4 PDF with a cursor; `total_pages` (from a first pass) makes "page n of N"."""

    def __init__(self, writer: QPdfWriter, footer: str, total_pages: int | None):
        writer.setResolution(RESOLUTION)
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                         QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter))
        self.writer, self.footer_text, self.total = writer, footer, total_pages
        self.painter = QPainter(writer)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.pt = RESOLUTION / 72.0
        rect = writer.pageLayout().paintRectPixels(RESOLUTION)
        self.width, self.height = float(rect.width()), float(rect.height())
        self.bottom = self.height - 24 * self.pt  # the footer's room below
        self.families = report_families()
        self.y, self.page = 0.0, 1

    def font(self, size: float, bold: bool = False) -> QFont:
        font = QFont()
        font.setFamilies(self.families)
        font.setFeature(QFont.Tag("liga"), 0)  # "fi" stays two letters in the text layer: a reader's search finds "finished"
        font.setPointSizeF(size)
        font.setBold(bold)
        return font

    def finish(self) -> int:
        self._footer()
        self.painter.end()
        return self.page

    def new_page(self) -> None:
        self._footer()
        self.writer.newPage()
        self.page += 1
        self.y = 0.0

    def room(self, height: float) -> None:
        """A new page unless `height` fits below the cursor."""
        if self.y + height > self.bottom and self.y > 0:
            self.new_page()

    def _footer(self) -> None:
        p = self.painter
        p.setFont(self.font(8))
        p.setPen(GREY)
        text = self.footer_text.replace("%1", str(self.page)).replace("%2", str(self.total or "…"))
        p.drawText(QRectF(0, self.height - 14 * self.pt, self.width, 14 * self.pt), Qt.AlignmentFlag.AlignCenter, text)

    def text(self, text: str, size: float = 10, bold: bool = False, colour: QColor = INK, gap: float = 4) -> None:
        """A paragraph wrapped to the page's width."""
        font = self.font(size, bold)
        fm = QFontMetricsF(font, self.writer)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap
        bound = fm.boundingRect(QRectF(0, 0, self.width, 10000), int(flags), text)
        self.room(bound.height())
        self.painter.setFont(font)
        self.painter.setPen(colour)
        self.painter.drawText(QRectF(0, self.y, self.width, bound.height()), flags, text)
        self.y += bound.height() + gap * self.pt

    def heading(self, text: str) -> None:
        self.room(160 * self.pt)  # a heading never ends a page: its table or chart starts below it
        self.y += 6 * self.pt
        self.text(text, 14, bold=True, gap=2)
        self.painter.setPen(QPen(BAR, 1.2 * self.pt))
        self.painter.drawLine(QPointF(0, self.y), QPointF(self.width, self.y))
        self.y += 6 * self.pt

    def table(self, columns: Sequence[Column], rows: Sequence[Sequence[str]], size: float = 8.5) -> None:
        """Rows under a header that wraps to two lines where a title is long; a cell too long is elided."""
        font = self.font(size)
        fm = QFontMetricsF(font, self.writer)
        height = fm.height() * 1.5
        total = sum(c.weight for c in columns)
        widths = [self.width * c.weight / total for c in columns]
        pad = 3 * self.pt
        bold, fm_bold = self._header_font(columns, widths, size, pad)
        lines = max((2 if fm_bold.horizontalAdvance(c.title) > w - 2 * pad else 1 for c, w in zip(columns, widths, strict=True)), default=1)
        header = fm_bold.height() * lines + fm_bold.height() * 0.5
        self.room(header + height * 2)
        titles = [c.title for c in columns]
        self._row(titles, columns, widths, header, bold, header=True)
        for n, row in enumerate(rows):
            if self.y + height > self.bottom:
                self.new_page()
                self._row(titles, columns, widths, header, bold, header=True)
            self._row(row, columns, widths, height, font, shade=n % 2 == 1)
        self.y += 8 * self.pt

    def _header_font(self, columns: Sequence[Column], widths: list[float], size: float, pad: float) -> tuple[QFont, QFontMetricsF]:
        """The header's bold type, made smaller (down to 6 pt) until each title's longest word fits its column."""
        while True:
            bold = self.font(size, bold=True)
            fm = QFontMetricsF(bold, self.writer)
            if size <= 6 or all(max((fm.horizontalAdvance(word) for word in c.title.split()), default=0) <= w - 2 * pad
                                for c, w in zip(columns, widths, strict=True)):
                return bold, fm
            size -= 0.5

    def _row(self, cells: Sequence[str], columns: Sequence[Column], widths: list[float], height: float, font: QFont,
             header: bool = False, shade: bool = False) -> None:
        p = self.painter
        if header or shade:
            p.fillRect(QRectF(0, self.y, self.width, height), QColor("#d9e2ec") if header else SHADE)
        p.setFont(font)
        p.setPen(INK)
        fm = QFontMetricsF(font, self.writer)
        pad, x = 3 * self.pt, 0.0
        for text, column, width in zip(cells, columns, widths, strict=False):
            side = Qt.AlignmentFlag.AlignRight if column.right else Qt.AlignmentFlag.AlignLeft
            box = QRectF(x + pad, self.y, width - 2 * pad, height)
            if header:
                p.drawText(box, int(side | Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap), str(text))
            else:
                p.drawText(box, side | Qt.AlignmentFlag.AlignVCenter, fm.elidedText(str(text), Qt.TextElideMode.ElideRight, width - 2 * pad))
            x += width
        p.setPen(QPen(RULE, 0.5 * self.pt))
        p.drawLine(QPointF(0, self.y + height), QPointF(self.width, self.y + height))
        self.y += height

    def bars(self, title: str, items: Sequence[tuple[str, float | None, str]], maximum: float, colour: QColor = BAR,
             reference: float | None = None) -> None:
        """A horizontal bar a label: (label, value or None, the value's text); a dashed line at `reference`."""
        if not items:
            return
        row = 15 * self.pt
        height = row * len(items) + 26 * self.pt
        self.room(height)
        p = self.painter
        self._chart_title(title)
        label_w, text_w = self.width * 0.32, 60 * self.pt
        plot = self.width - label_w - text_w
        font = self.font(8)
        p.setFont(font)
        top = self.y
        for n, (label, value, text) in enumerate(items):
            y = top + n * row
            p.setPen(INK)
            p.drawText(QRectF(0, y, label_w - 6 * self.pt, row), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       QFontMetricsF(font, self.writer).elidedText(label, Qt.TextElideMode.ElideRight, label_w - 8 * self.pt))
            p.fillRect(QRectF(label_w, y + 2 * self.pt, plot, row - 4 * self.pt), SHADE)
            if value is not None and maximum > 0:
                p.fillRect(QRectF(label_w, y + 2 * self.pt, plot * max(0.0, min(1.0, value / maximum)), row - 4 * self.pt), colour)
            p.drawText(QRectF(label_w + plot + 4 * self.pt, y, text_w, row), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
        if reference is not None and maximum > 0:
            x = label_w + plot * min(1.0, reference / maximum)
            p.setPen(QPen(QColor("#c62828"), 1 * self.pt, Qt.PenStyle.DashLine))
            p.drawLine(QPointF(x, top), QPointF(x, top + row * len(items)))
        self.y = top + row * len(items) + 10 * self.pt

    def lines(self, title: str, labels: Sequence[str], series: Sequence[tuple[str, Sequence[float | None], QColor]],
              maximum: float, percent: bool = False) -> None:
        """A line per series over `labels` (x), from 0 to `maximum`; a legend below; gaps where a value is None."""
        height = 150 * self.pt
        maximum = maximum if percent else _nice(maximum)
        self.room(height + 40 * self.pt)
        self._chart_title(title)
        p = self.painter
        left, top = 40 * self.pt, self.y
        plot = QRectF(left, top, self.width - left - 8 * self.pt, height)
        font = self.font(7)
        p.setFont(font)
        for k in range(5):
            y = plot.bottom() - plot.height() * k / 4
            p.setPen(QPen(RULE, 0.5 * self.pt))
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            value = maximum * k / 4
            p.setPen(GREY)
            p.drawText(QRectF(0, y - 6 * self.pt, left - 4 * self.pt, 12 * self.pt), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{value:.0%}" if percent else f"{value:.0f}")
        n = max(1, len(labels) - 1)
        step = max(1, len(labels) // 12)
        for i, label in enumerate(labels):
            if i % step == 0 or i == len(labels) - 1:
                x = plot.left() + plot.width() * i / n
                p.drawText(QRectF(x - 30 * self.pt, plot.bottom() + 2 * self.pt, 60 * self.pt, 12 * self.pt), Qt.AlignmentFlag.AlignHCenter, label)
        for _name, values, colour in series:
            p.setPen(QPen(colour, 1.4 * self.pt))
            last = None
            for i, value in enumerate(values):
                if value is None or maximum <= 0:
                    last = None
                    continue
                point = QPointF(plot.left() + plot.width() * i / n, plot.bottom() - plot.height() * min(1.0, value / maximum))
                if last is not None:
                    p.drawLine(last, point)
                p.drawEllipse(point, 1.2 * self.pt, 1.2 * self.pt)
                last = point
        x, y = plot.left(), plot.bottom() + 16 * self.pt
        fm = QFontMetricsF(font, self.writer)
        for name, _values, colour in series:
            p.fillRect(QRectF(x, y + 3 * self.pt, 10 * self.pt, 6 * self.pt), colour)
            p.setPen(INK)
            p.drawText(QPointF(x + 13 * self.pt, y + 9 * self.pt), name)
            x += 22 * self.pt + fm.horizontalAdvance(name)
        self.y = y + 22 * self.pt

    def _chart_title(self, title: str) -> None:
        self.text(title, 9, bold=True, colour=GREY, gap=3)


def _nice(top: float) -> float:
    """The axis' top: four steps of 1, 2 or 5 times a power of ten, at least `top`."""
    step = max(top, 1.0) / 4
    power = 10 ** math.floor(math.log10(step))
    return 4 * next(m * power for m in (1, 2, 5, 10) if m * power >= step)


# --- the PDF's text layer ---------------------------------------------------------------------------
# Qt writes each font's ToUnicode map (what a reader copies or searches) from the font's own map,
# taking the lowest code point of the characters that share a glyph: in Noto CJK an ideograph shares
# its glyph with its Kangxi radical (户 and ⼾, 一 and ⼀), and the space with the tab. The maps are
# written uncompressed, four hex digits a code point, so the radicals are put back as the ideographs
# they stand for (same length: the file's offsets hold).
_BLOCK = re.compile(rb"beginbf(range|char)(.*?)endbf(range|char)", re.S)
_CODE = re.compile(rb"<([0-9A-F]{4})>")
_TAB = 0x0009
_LOCK = threading.Lock()
_IDEOGRAPHS: dict[int, int] | None = None


def _ideographs() -> dict[int, int]:
    """Radical (U+2E80-U+2FDF) -> the ideograph with the same glyph in the Chinese family, read from the font once."""
    global _IDEOGRAPHS
    with _LOCK:
        if _IDEOGRAPHS is None:
            chinese = next((f for f in CHINESE if f in set(QFontDatabase.families())), None)
            _IDEOGRAPHS = {}
            if chinese is not None:
                raw = QRawFont.fromFont(QFont(chinese))
                radicals = "".join(chr(c) for c in range(0x2E80, 0x2FE0))
                unified = "".join(chr(c) for c in range(0x4E00, 0xA000))
                first: dict[int, int] = {}
                for ch, glyph in zip(unified, raw.glyphIndexesForString(unified), strict=True):
                    first.setdefault(glyph, ord(ch))
                _IDEOGRAPHS = {ord(r): first[g] for r, g in zip(radicals, raw.glyphIndexesForString(radicals), strict=True)
                               if g and g in first}
        return _IDEOGRAPHS


def text_layer_fixed(pdf: bytes) -> bytes:
    """The PDF with its ToUnicode maps naming ideographs rather than radicals, and spaces rather than tabs."""
    ideographs = _ideographs()

    def code(m: re.Match) -> bytes:
        value = int(m.group(1), 16)
        value = 0x20 if value == _TAB else ideographs.get(value, value)
        return b"<%04X>" % value

    def line(raw: bytes, sources: int) -> bytes:
        """Only the target side of a line: after its first `sources` codes."""
        cut = 0
        for _ in range(sources):
            end = raw.find(b">", cut)
            if end < 0:
                return raw
            cut = end + 1
        return raw[:cut] + _CODE.sub(code, raw[cut:])

    def block(m: re.Match) -> bytes:
        sources = 2 if m.group(1) == b"range" else 1
        body = b"\n".join(line(raw, sources) for raw in m.group(2).split(b"\n"))
        return b"beginbf" + m.group(1) + body + b"endbf" + m.group(3)

    return _BLOCK.sub(block, pdf)
