"""A table as a file a person opens elsewhere: Excel (openpyxl) or CSV (UTF-8 with a byte-order
mark, so Excel on Windows reads Chinese right). Plain Python, no Qt: the desk hands in headers and
typed rows (text, numbers, aware datetimes) and this writes them off the GUI thread.

Nothing is ever half-written: the file is built beside its place under a temporary name and
renamed in at the end; a failure or a cancel removes the temporary file and leaves whatever was
at the path untouched. Failures are `ExportError`s whose `kind` the desk words for a person.
"""

from __future__ import annotations

import csv
import errno
import os
import re
import tempfile
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
DATE_FORMAT = "yyyy-mm-dd"
PROGRESS_EVERY = 2000  # rows between two progress reports
WORK_SECONDS, YIELD_SECONDS = 0.015, 0.002  # the GUI thread's turn at the interpreter while a file is written
_SHEET_NAME_BAD = re.compile(r"[\[\]:*?/\\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # not allowed in an xlsx cell's XML


class ExportFailure(StrEnum):
    UNWRITABLE = "unwritable"  # the folder is missing, read-only, or the name is not a file name
    IN_USE = "in_use"  # the file is open in another program (Excel locks what it has open)
    FULL = "full"  # the disk is full
    CANCELLED = "cancelled"
    FAILED = "failed"  # anything else: the system's own words in `detail`


class ExportError(Exception):
    def __init__(self, kind: ExportFailure, path: Path, detail: str = ""):
        super().__init__(f"{kind.value}: {path}: {detail}")
        self.kind, self.path, self.detail = kind, path, detail


@dataclass(frozen=True)
class RowSource:
    """The rows to write: `rows()` yields one sequence of cell values a row, in the table's order;
    it may run off the GUI thread, so it must not touch a widget or a model. `formats`: an Excel
    number format per column where a number needs one (None: Excel's general format)."""

    count: int
    rows: Callable[[], Iterable[Sequence[Any]]]
    formats: Sequence[str | None] = ()


@dataclass(frozen=True)
class TableFile:
    """What a file says besides its rows: the title (the sheet's name), the desk's region and zone,
    when it was made (aware), the headers as shown and the columns' widths on screen (pixels)."""

    title: str
    region: str
    zone: ZoneInfo
    made_at: datetime
    headers: Sequence[str]
    source: RowSource
    widths: Sequence[int] = field(default_factory=tuple)


Progress = Callable[[int], None]
Cancelled = Callable[[], bool]


def write_table(path: Path, table: TableFile, progress: Progress | None = None, cancelled: Cancelled | None = None) -> int:
    """Write `table` to `path` as its suffix says (.xlsx, else CSV); how many rows were written."""
    writer = _write_xlsx if path.suffix.lower() == ".xlsx" else _write_csv
    return _atomic(path, lambda handle: writer(handle, table, progress or (lambda _n: None), cancelled or (lambda: False)))


def local(value: datetime, zone: ZoneInfo) -> datetime:
    """An instant as the desk's wall clock, without a zone (what Excel can hold)."""
    return value.astimezone(zone).replace(tzinfo=None) if value.tzinfo is not None else value


def csv_text(value: Any, zone: ZoneInfo) -> str:
    """One cell as CSV text: times in ISO 8601 with the desk's offset, numbers as Python writes them."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        aware = value if value.tzinfo is not None else value.replace(tzinfo=zone)
        return aware.astimezone(zone).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, timedelta):
        return str(round(value.total_seconds() / 3600, 2))
    return str(value)


def _atomic(path: Path, write: Callable[[Any], int]) -> int:
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem[:40]}-", suffix=".part")
    except OSError as error:
        raise _failure(error, path, replacing=False) from error
    try:
        with os.fdopen(fd, "wb") as handle:
            written = write(handle)
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.replace(temporary, path)
        except OSError as error:
            raise _failure(error, path, replacing=True) from error
        return written
    except OSError as error:
        raise _failure(error, path, replacing=False) from error
    finally:
        Path(temporary).unlink(missing_ok=True)  # (gone already when renamed in)


write_atomically = _atomic  # (the monthly report's workbook is written the same way: console/report_xlsx.py)


def _failure(error: OSError, path: Path, replacing: bool) -> ExportError:
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ExportError(ExportFailure.FULL, path, error.strerror or "")
    # Windows refuses to replace a file another program holds open (Excel does): access denied
    # (WinError 5) or a sharing violation (32, 33).
    if replacing and (isinstance(error, PermissionError) or getattr(error, "winerror", None) in (5, 32, 33)) and path.exists():
        return ExportError(ExportFailure.IN_USE, path, error.strerror or "")
    if isinstance(error, PermissionError | FileNotFoundError | NotADirectoryError | IsADirectoryError) \
            or error.errno in (errno.EROFS, errno.EINVAL, errno.ENAMETOOLONG):
        return ExportError(ExportFailure.UNWRITABLE, path, error.strerror or str(error))
    return ExportError(ExportFailure.FAILED, path, error.strerror or str(error))


def _each(table: TableFile, progress: Progress, cancelled: Cancelled) -> Iterable[Sequence[Any]]:
    """The rows, with progress every PROGRESS_EVERY rows and a check for a cancel; and a short
    sleep after every WORK_SECONDS of work. The writer runs in a thread of the desk: each Python call the
    GUI thread makes meanwhile (a table's data(), a delegate's paint) would otherwise wait for
    the interpreter's switch interval (5 ms), and a repaint of hundreds of them freezes the
    window for seconds (measured: bench/export_bench.py)."""
    clock = time.perf_counter
    turn = clock() + WORK_SECONDS
    for n, row in enumerate(table.source.rows(), start=1):
        yield row
        if clock() > turn:
            time.sleep(YIELD_SECONDS)
            turn = clock() + WORK_SECONDS
        if n % PROGRESS_EVERY == 0:
            if cancelled():
                raise ExportError(ExportFailure.CANCELLED, Path())
            progress(n)


def _write_csv(handle: Any, table: TableFile, progress: Progress, cancelled: Cancelled) -> int:
    import io

    text = io.TextIOWrapper(handle, encoding="utf-8-sig", newline="")
    writer = csv.writer(text)
    writer.writerow(table.headers)
    zone, count = table.zone, 0
    for row in _each(table, progress, cancelled):
        writer.writerow([csv_text(value, zone) for value in row])
        count += 1
    text.flush()
    text.detach()  # (the handle stays open for the caller to sync and close)
    return count


def _write_xlsx(handle: Any, table: TableFile, progress: Progress, cancelled: Cancelled) -> int:
    from openpyxl import Workbook  # (imported when a workbook is written: the desk starts without it)

    book = Workbook(write_only=True)
    sheet = book.create_sheet(sheet_name(table.title))
    _describe(book, sheet, table)
    cells = _Cells(sheet, table)
    sheet.append(cells.header(table.headers))
    count = 0
    for row in _each(table, progress, cancelled):
        sheet.append(cells.row(row))
        count += 1
    book.save(handle)
    return count


def sheet_name(title: str) -> str:
    """Excel's rules for a sheet's name: at most 31 characters, none of []:*?/\\."""
    name = _SHEET_NAME_BAD.sub(" ", title).strip().strip("'") or "Sheet"
    return name[:31]


def _describe(book: Any, sheet: Any, table: TableFile) -> None:
    """The title, region and time in the workbook's properties and in the page header Excel prints,
    the header row frozen and filterable, the columns as wide as on screen."""
    from openpyxl.utils import get_column_letter

    made = local(table.made_at, table.zone)
    book.properties.title = table.title
    book.properties.subject = table.region
    book.properties.created = made
    sheet.HeaderFooter.oddHeader.left.text = table.title
    sheet.HeaderFooter.oddHeader.center.text = table.region
    sheet.HeaderFooter.oddHeader.right.text = f"{made:%Y-%m-%d %H:%M}"
    sheet.HeaderFooter.oddFooter.center.text = "&[Page] / &N"
    sheet.print_title_rows = "1:1"  # the header row on every printed page
    sheet.freeze_panes = "A2"
    columns = len(table.headers)
    if columns:
        sheet.auto_filter.ref = f"A1:{get_column_letter(columns)}{table.source.count + 1}"
    for column, width in enumerate(table.widths[:columns], start=1):
        sheet.column_dimensions[get_column_letter(column)].width = max(6, min(60, round(width / 7)))


class _Cells:
    """Values to write-only cells: times as the desk's wall clock with a date format, numbers with
    their column's format, text without the control characters XML cannot carry."""

    def __init__(self, sheet: Any, table: TableFile):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.styles import Font

        self._sheet, self._zone, self._cell = sheet, table.zone, WriteOnlyCell
        self._formats = list(table.source.formats) + [None] * (len(table.headers) - len(table.source.formats))
        self._bold = Font(bold=True)

    def header(self, headers: Sequence[str]) -> list[Any]:
        out = []
        for title in headers:
            cell = self._cell(self._sheet, value=_CONTROL.sub("", str(title)))
            cell.font = self._bold
            out.append(cell)
        return out

    def row(self, values: Sequence[Any]) -> list[Any]:
        out: list[Any] = []
        for column, value in enumerate(values):
            if isinstance(value, str):
                out.append(_CONTROL.sub("", value) if _CONTROL.search(value) else value)
            elif isinstance(value, datetime):
                cell = self._cell(self._sheet, value=local(value, self._zone))
                cell.number_format = DATETIME_FORMAT
                out.append(cell)
            elif isinstance(value, date):
                cell = self._cell(self._sheet, value=value)
                cell.number_format = DATE_FORMAT
                out.append(cell)
            elif isinstance(value, timedelta):
                out.append(round(value.total_seconds() / 3600, 2))
            elif isinstance(value, int | float | Decimal) and not isinstance(value, bool) \
                    and column < len(self._formats) and self._formats[column]:
                cell = self._cell(self._sheet, value=value)
                cell.number_format = self._formats[column]
                out.append(cell)
            elif value is None or isinstance(value, int | float | Decimal | bool):
                out.append(value)
            else:
                out.append(str(value))
        return out
