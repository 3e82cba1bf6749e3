"""A table on paper, printed to a PDF through QPrinter offscreen: every page has the title, the
desk's region, the time printed in the desk's zone, the column titles again and its number; the
columns fit the page's width; Chinese text comes out as text. And the columns' fitting alone."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest
from PySide6.QtGui import QPageSize
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog

from console.ui import labels
from console.ui.table_export import screen_columns
from console.ui.table_print import _Layout, fit_widths, new_printer, paint_table, preview_dialog, sheet_of
from tests.ui.helpers import SH, open_window

pypdf = pytest.importorskip("pypdf")


def _nfkc(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _printed(name: str, text: str) -> bool:
    """Whether `name` is in a PDF's text, where a character may come out as the CJK radical its font
    draws with the same glyph (长 as ⻓: the PDF's text map names the radical), and a name wrapped in
    its cell has a line break in it."""
    return re.search(" ?".join(f"[{re.escape(c)}\u2e80-\u2fdf]" for c in name), text) is not None


def _text(page) -> str:
    """A page's text, its fonts' radicals as the characters they are (⼝ is 口) and spaces as spaces."""
    return _nfkc(page.extract_text())


def _pdf_printer(sheet, path: Path) -> QPrinter:
    printer = new_printer(sheet)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    return printer


def test_the_queue_prints_with_title_region_time_page_numbers_and_headers_on_every_page(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    table, model = window.queue.table, window.model
    table.horizontalHeader().setSectionHidden(model.APPOINTMENT, True)
    sheet = sheet_of(table, window.table_exports)
    assert "Appointment" not in sheet.headers and len(sheet.rows) == model.rowCount()
    assert sheet.printed == "2026-11-22 10:00 UTC+08:00"  # (the test's clock, in the desk's zone)
    path = tmp_path / "queue.pdf"
    printer = _pdf_printer(sheet, path)
    assert printer.pageLayout().orientation().name == "Landscape"  # (twelve columns: wider than tall)
    pages = paint_table(printer, sheet)
    reader = pypdf.PdfReader(str(path))
    assert len(reader.pages) == pages > 1
    for number, page in enumerate(reader.pages, start=1):
        text = _text(page)
        assert "Work-order queue" in text and sheet.region in text and "Printed 2026-11-22 10:00" in text
        assert f"Page {number} of {pages}" in text
        assert all(title in text for title in ("Order no.", "Time left", "Customer")), number
        assert "Appointment" not in text
    first = _text(reader.pages[0])
    assert model.row_at(0).number in first and _printed(model.row_at(0).customer[:6], first)  # (a number whole, not wrapped)
    assert labels.local_time(model.row_at(0).due_at, SH) in first  # (a date and time on one line)
    assert model.row_at(model.rowCount() - 1).number in _text(reader.pages[-1])


def test_chinese_text_prints_as_text_and_a_page_range_prints_only_those_pages(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, username="supervisor.central", english=False)
    table = window.queue.table
    sheet = sheet_of(table, window.table_exports)
    path = tmp_path / "队列.pdf"
    printer = _pdf_printer(sheet, path)
    printer.setFromTo(2, 3)
    pages = paint_table(printer, sheet)
    reader = pypdf.PdfReader(str(path))
    assert pages > 3 and len(reader.pages) == 2
    text = _text(reader.pages[0])  # (the second page)
    start, end, _heights = _Layout(printer, sheet).pages()[1]
    customer = screen_columns(table).index(window.model.CUSTOMER)
    chinese = [row[customer] for row in sheet.rows[start:end] if not row[customer].isascii()]
    assert chinese and all(_printed(name[:6], text) for name in chinese)
    assert window._user.region and window._user.region in text and sheet.region == window._user.region
    assert sheet.headers[customer] in text


def test_the_preview_dialog_paints_the_same_pages(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    sheet = sheet_of(window.alerts.table, window.table_exports)
    dialog = preview_dialog(sheet, new_printer(sheet), window)
    qtbot.addWidget(dialog)
    painted: list[int] = []
    dialog.paintRequested.connect(lambda _printer: painted.append(1))
    dialog.show()
    qtbot.waitUntil(lambda: bool(painted), timeout=10_000)
    assert isinstance(dialog, QPrintPreviewDialog) and "Alerts" in dialog.windowTitle()


def test_columns_fit_the_page_words_whole_and_wrapping_ones_sharing_the_rest() -> None:
    assert fit_widths([10, 20, 30], [5, 5, 5], 120) == [20, 40, 60]  # (all fit: stretched alike)
    widths = fit_widths([40, 20, 300, 600], [40, 20, 50, 50], 330)  # (a number, a time, two long texts)
    assert widths[:2] == [40, 20] and abs(sum(widths) - 330) < 1e-9
    assert widths[2] - 50 == pytest.approx((widths[3] - 50) * 250 / 550)  # (the room shared as wrapping takes it)
    assert fit_widths([100, 300], [100, 300], 200) == [50, 150]  # (not even the words fit: all shrink alike)
    assert fit_widths([], [], 100) == []
