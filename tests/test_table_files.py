"""A table as a file: Excel keeps numbers as numbers and times as the desk's wall clock, CSV is
UTF-8 with a byte-order mark and ISO times; nothing is ever half-written (a refused path, a file
held open by another program, a cancel or a failure leave what was there and no stray file)."""

from __future__ import annotations

import csv
import errno
import os
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import openpyxl
import pytest

from console.table_files import ExportError, ExportFailure, RowSource, TableFile, sheet_name, write_table

SH = ZoneInfo("Asia/Shanghai")
DUE = datetime(2026, 12, 5, 2, 15, tzinfo=UTC)  # 10:15 in Shanghai
ROWS = [["Red", -1.25, DUE, "上海华信生物医药有限公司", 3, None],
        ["Green", 30.5, DUE.replace(hour=20), "Acme, \"quoted\"\nline", 0, "x"]]
HEADERS = ["SLA", "Time left", "Due", "Customer", "Count", "Note"]


def table(rows=ROWS, formats=(None, '0.00" h"')) -> TableFile:
    return TableFile("Work-order queue: today?", "浦东", SH, DUE, HEADERS, RowSource(len(rows), lambda: iter(rows), formats),
                     widths=[50, 70, 120, 240, 50, 80])


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".part"))


def test_excel_holds_numbers_as_numbers_and_times_as_the_desks_wall_clock(tmp_path: Path) -> None:
    path = tmp_path / "queue.xlsx"
    assert write_table(path, table()) == 2
    sheet = openpyxl.load_workbook(path).active
    assert sheet.title == sheet_name("Work-order queue: today?") == "Work-order queue  today"
    assert [c.value for c in sheet[1]] == HEADERS and all(c.font.bold for c in sheet[1])
    first = sheet[2]
    assert [c.value for c in first] == ["Red", -1.25, datetime(2026, 12, 5, 10, 15), "上海华信生物医药有限公司", 3, None]
    assert first[1].data_type == "n" and first[1].number_format == '0.00" h"'
    assert first[2].is_date and first[2].number_format == "yyyy-mm-dd hh:mm"
    assert sheet[3][2].value == datetime(2026, 12, 6, 4, 15)  # (20:15 UTC is the next day in Shanghai)
    assert sheet[3][3].value == "Acme, \"quoted\"\nline"
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:F3"
    assert sheet.oddHeader.center.text == "浦东" and sheet.print_title_rows == "$1:$1"


def test_csv_is_utf8_with_a_bom_and_iso_times_in_the_desks_zone(tmp_path: Path) -> None:
    path = tmp_path / "queue.csv"
    write_table(path, table())
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # Excel on Windows reads the Chinese right only with it
    with path.open(encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert lines == [HEADERS,
                     ["Red", "-1.25", "2026-12-05T10:15:00+08:00", "上海华信生物医药有限公司", "3", ""],
                     ["Green", "30.5", "2026-12-06T04:15:00+08:00", "Acme, \"quoted\"\nline", "0", "x"]]


def test_a_folder_that_is_not_there_or_not_a_folder_is_refused_and_nothing_is_written(tmp_path: Path) -> None:
    (tmp_path / "a file").write_text("x")
    for path in (tmp_path / "missing" / "queue.xlsx", tmp_path / "a file" / "queue.csv"):
        with pytest.raises(ExportError) as refused:
            write_table(path, table())
        assert refused.value.kind is ExportFailure.UNWRITABLE and refused.value.path == path
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a file"]


def test_a_file_open_in_another_program_is_left_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows refuses to replace a file Excel holds open (access denied); Linux never does, so the
    refusal is the operating system's answer played here."""
    path = tmp_path / "queue.xlsx"
    path.write_bytes(b"the workbook someone has open")

    def held_open(_source, _target):
        raise PermissionError(errno.EACCES, "Access is denied")

    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(ExportError) as refused:
        write_table(path, table())
    assert refused.value.kind is ExportFailure.IN_USE
    assert path.read_bytes() == b"the workbook someone has open"
    assert leftovers(tmp_path) == []


def test_a_cancel_or_a_failure_half_way_leaves_the_old_file_and_no_temporary_one(tmp_path: Path) -> None:
    path = tmp_path / "queue.csv"
    path.write_text("before")
    many = [["Red", 1.0, DUE, "x", 1, None]] * 5000
    with pytest.raises(ExportError) as cancelled:
        write_table(path, table(many), cancelled=lambda: True)
    assert cancelled.value.kind is ExportFailure.CANCELLED

    def broken():
        yield ROWS[0]
        raise ValueError("the rows could not be read")

    with pytest.raises(ValueError):
        write_table(path, TableFile("t", "", SH, DUE, HEADERS, RowSource(2, broken)))
    assert path.read_text() == "before" and leftovers(tmp_path) == []


def test_progress_is_reported_as_rows_are_written(tmp_path: Path) -> None:
    seen: list[int] = []
    many = [["Red", 1.0, DUE, "x", n, None] for n in range(4500)]
    assert write_table(tmp_path / "q.xlsx", table(many), progress=seen.append) == 4500
    assert seen == [2000, 4000]
