"""The monthly report as an Excel workbook: one sheet per section, the figures as numbers (rates
as fractions with a percentage format, hours with one decimal, times as the desk's wall clock),
a bold frozen header on every sheet, columns as wide as their text. Plain Python (openpyxl), run in
a worker; written beside its place and renamed in (`console.table_files.write_atomically`), so a
failure leaves what was there."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from console.core.services.monthly_report import MonthlyReport
from console.report_words import ReportWords
from console.table_files import local, sheet_name, write_atomically

PERCENT, HOURS, MINUTES, WHEN = "0.0%", "0.0", "0.0", "yyyy-mm-dd hh:mm"


class _Sheet:
    """One section's sheet: a header row, typed rows, widths from the longest text."""

    def __init__(self, book: Any, title: str, headers: Sequence[str], formats: Sequence[str | None] = ()):
        from openpyxl.styles import Font

        self.sheet = book.create_sheet(sheet_name(title))
        self.formats = list(formats) + [None] * (len(headers) - len(formats))
        self.widths = [_width(h) for h in headers]
        self.sheet.append(list(headers))
        for cell in self.sheet[1]:
            cell.font = Font(bold=True)
        self.sheet.freeze_panes = "A2"
        self.sheet.print_title_rows = "1:1"
        self.rows = 1

    def add(self, values: Sequence[Any], formats: Sequence[str | None] | None = None, zone: Any = None) -> None:
        self.rows += 1
        wanted = list(formats) if formats is not None else self.formats
        for column, value in enumerate(values, start=1):
            if isinstance(value, datetime):
                value = local(value, zone)
            cell = self.sheet.cell(row=self.rows, column=column, value=value)
            fmt = wanted[column - 1] if column - 1 < len(wanted) else None
            if isinstance(value, datetime):
                cell.number_format = WHEN
            elif fmt and isinstance(value, int | float) and not isinstance(value, bool):
                cell.number_format = fmt
            if column - 1 < len(self.widths):
                self.widths[column - 1] = max(self.widths[column - 1], _width(value))

    def finish(self, title: str, region: str) -> None:
        from openpyxl.utils import get_column_letter

        for column, width in enumerate(self.widths, start=1):
            self.sheet.column_dimensions[get_column_letter(column)].width = max(8, min(60, width + 2))
        self.sheet.HeaderFooter.oddHeader.left.text = title
        self.sheet.HeaderFooter.oddHeader.center.text = region
        self.sheet.HeaderFooter.oddFooter.center.text = "&[Page] / &N"


def _width(value: Any) -> int:
    """Characters of a cell's text; a Chinese character is two wide."""
    if value is None:
        return 0
    if isinstance(value, datetime):
        return 16
    if isinstance(value, float):
        return 8
    text = str(value)
    return sum(2 if ord(ch) > 0x2E7F else 1 for ch in text)


def region_text(report: MonthlyReport, words: ReportWords) -> str:
    return words.place(report.region, report.region_en) if report.region_id is not None else words["all_regions"]


def write_report_xlsx(path: Path, report: MonthlyReport, words: ReportWords) -> None:
    """Write the workbook to `path` (raises table_files.ExportError)."""
    write_atomically(path, lambda handle: _save(handle, report, words))


def _save(handle: Any, report: MonthlyReport, words: ReportWords) -> int:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    region = region_text(report, words)
    book.properties.title = f"{words['title']} {words.month(report.month.year, report.month.month)}"
    book.properties.subject = region
    book.properties.created = local(report.made_at, report.zone)
    sheets = [_summary(book, report, words), _sla(book, report, words), _breaches(book, report, words), _causes(book, report, words),
              _load(book, report, words), _field(book, report, words), _exceptions(book, report, words),
              _satisfaction(book, report, words), _dissatisfied(book, report, words), _quotas(book, report, words)]
    for sheet in sheets:
        sheet.finish(book.properties.title, region)
    book.save(handle)
    return len(sheets)


def summary_lines(report: MonthlyReport, words: ReportWords) -> list[tuple[str, Any, str | None]]:
    """(measure, value, number format) of the summary: the writers' first page."""
    teams = report.teams
    busy, shift = sum(t.busy_hours for t in teams), sum(t.shift_hours for t in teams)
    kept = next((f for f in report.field if f.key == "kept_appointments"), None)
    over = sum(r.diamond_over or r.silver_over for r in report.quotas.regions)
    cb = report.satisfaction.callbacks
    return [
        (words["s_compliance"], report.overall.rate, PERCENT),
        (words["finished"], report.overall.finished, None),
        (words["s_breaches"], report.breach_count, None),
        (words["s_utilisation"], busy / shift if shift > 0 else None, PERCENT),
        (words["s_kept"], kept.rate if kept else None, PERCENT),
        (words["s_exceptions"], report.exceptions.reported, None),
        (words["s_very"], report.satisfaction.month.rate, PERCENT),
        (words["s_dissatisfied"], report.satisfaction.dissatisfied_count, None),
        (words["s_called_back"], cb.called / cb.due if cb.due else None, PERCENT),
        (words["callbacks_overdue"], cb.overdue, None),
        (words["s_quota"], over, None),
    ]


def _summary(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["summary"], [words["measure"], words["value"]])
    sheet.add([words["region"], region_text(report, words)])
    sheet.add([words["month"], words.month(report.month.year, report.month.month)])
    sheet.add([words["made_at"], report.made_at], zone=report.zone)
    sheet.add([words["as_of"], report.as_of], zone=report.zone)
    for measure, value, fmt in summary_lines(report, words):
        sheet.add([measure, value], [None, fmt])
    if not report.complete:
        sheet.add([words["running"]])
    return sheet


def _sla(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["sla"], [words["kind"], words["finished"], words["in_time"], words["late"], words["rate"]],
                   [None, None, None, None, PERCENT])
    for line in report.by_kind:
        sheet.add([words.name("kind", line.key), line.finished, line.in_time, line.late, line.rate])
    sheet.add([words["total"], report.overall.finished, report.overall.in_time, report.overall.late, report.overall.rate])
    sheet.add([])
    sheet.add([words["level"], words["finished"], words["in_time"], words["late"], words["rate"]])
    from openpyxl.styles import Font

    for cell in sheet.sheet[sheet.rows]:
        cell.font = Font(bold=True)
    for line in report.by_level:
        sheet.add([words.name("level", line.key), line.finished, line.in_time, line.late, line.rate])
    return sheet


def _breaches(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["breaches"], [words["number"], words["customer"], words["kind"], words["level"], words["district"],
                                             words["stage"], words["due_at"], words["finished_at"], words["hours_late"], words["unfinished"],
                                             words["pauses"], words["exceptions_met"], words["late_departments"]],
                   [None] * 8 + [HOURS])
    for b in report.breaches:
        o = b.order
        sheet.add([o.number, o.customer, words.name("kind", o.kind.value), words.name("level", o.level.value),
                   words.place(o.district, o.district_en),
                   words.name("stage", o.stage.value if o.stage else ""), o.due_at, o.finished_at, round(b.late_hours, 2),
                   words["yes"] if b.unfinished else words["no"],
                   "、".join(words.name("pause", p) for p in b.pauses), "、".join(words.name("exception", e) for e in b.exceptions),
                   "、".join(f"{words.name('step', s)} ({d})" for s, d in b.late_steps)], zone=report.zone)
    if report.breach_count > len(report.breaches):
        sheet.add([words["listed"].replace("%1", str(len(report.breaches))).replace("%2", str(report.breach_count))])
    return sheet


def cause_rows(report: MonthlyReport, words: ReportWords) -> list[tuple[str, str, int]]:
    """(cause type, which, breaches): the breakdowns (kind, level, district), then the causes met (stage, pause
    reason, exception, late department, none recorded)."""
    c = report.causes
    rows = [(words["c_kind"], words.name("kind", k), n) for k, n in c.by_kind]
    rows += [(words["c_level"], words.name("level", k), n) for k, n in c.by_level]
    rows += [(words["c_district"], words.place(d, e), n) for d, e, n in c.by_district]
    rows += [(words["c_stage"], words.name("stage", k), n) for k, n in c.by_stage]
    rows += [(words["c_pause"], words.name("pause", k), n) for k, n in c.by_pause]
    rows += [(words["c_exception"], words.name("exception", k), n) for k, n in c.by_exception]
    rows += [(words["c_department"], words.name("step", k), n) for k, n in c.by_department]
    rows.append((words["c_none"], words["none_recorded"], c.unexplained))
    return rows


def _causes(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["causes"], [words["cause_type"], words["cause"], words["count"]])
    for row in cause_rows(report, words):
        sheet.add(list(row))
    return sheet


def _load(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["load"], [words["team"], words["technicians"], words["orders_finished"], words["booked_hours"],
                                         words["busy_hours"], words["shift_hours"], words["utilisation"], words["idle"], words["overbooked"],
                                         words["kept_rate"]],
                   [None, None, None, HOURS, HOURS, HOURS, PERCENT, None, None, PERCENT])
    for t in report.teams:
        sheet.add([t.team, t.technicians, t.finished, t.booked_hours, t.busy_hours, t.shift_hours, t.utilisation, t.idle, t.overbooked,
                   t.kept.rate])
    return sheet


def field_name(key: str, words: ReportWords) -> str:
    if key in ("kept_appointments", "check_ins_on_site", "first_visit"):
        return words[key]
    return f"{words['audit']}: {words.name('rule', key)}"


def _field(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["field"], [words["measure"], words["met"], words["checked"], words["share"]], [None, None, None, PERCENT])
    for line in report.field:
        sheet.add([field_name(line.key, words), line.met, line.checked, line.rate])
    return sheet


def exception_lines(report: MonthlyReport, words: ReportWords) -> list[tuple[str, Any, str | None]]:
    e = report.exceptions
    lines: list[tuple[str, Any, str | None]] = [(words["reported"], e.reported, None)]
    lines += [(f"    {words.name('exception', k)}", n, None) for k, n in e.by_kind]
    lines += [(words["orders_met"], e.orders_met.hits, None), (words["orders_on_site"], e.orders_met.total, None),
              (words["exception_rate"], e.orders_met.rate, PERCENT), (words["reissued"], len(e.reissue_minutes), None),
              (words["median_minutes"], e.median_minutes, MINUTES), (words["p90_minutes"], e.p90_minutes, MINUTES)]
    return lines


def _exceptions(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["exceptions"], [words["measure"], words["value"]])
    for measure, value, fmt in exception_lines(report, words):
        sheet.add([measure, value], [None, fmt])
    return sheet


def _satisfaction(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["satisfaction"], [words["month"], words["answers"], words["very_satisfied"], words["very_rate"]],
                   [None, None, None, PERCENT])
    for m in report.satisfaction.months:
        sheet.add([words.month(m.month.year, m.month.month), m.answers, m.very_satisfied, m.rate])
    sheet.add([])
    sheet.add([words["dissatisfied_count"], report.satisfaction.dissatisfied_count])
    cb = report.satisfaction.callbacks
    for key, value in (("callbacks_due", cb.due), ("callbacks_called", cb.called), ("callbacks_closed", cb.closed),
                       ("callbacks_overdue", cb.overdue)):
        sheet.add([words[key], value])
    return sheet


def _dissatisfied(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    sheet = _Sheet(book, words["dissatisfied"], [words["number"], words["customer"], words["respondent"], words["answered_at"]])
    for d in report.satisfaction.dissatisfied:
        sheet.add([d.number, d.customer, words.name("respondent", d.respondent), d.at], zone=report.zone)
    return sheet


def _quotas(book: Any, report: MonthlyReport, words: ReportWords) -> _Sheet:
    q = report.quotas
    sheet = _Sheet(book, words["quotas"], [words["region"], words["customers"], words["diamond"], words["diamond_share"], words["diamond_quota"],
                                           words["over_quota"], words["silver"], words["silver_share"], words["silver_quota"], words["over_quota"]],
                   [None, None, None, PERCENT, PERCENT, None, None, PERCENT, PERCENT])
    for r in q.regions:
        sheet.add([words.place(r.name, r.name_en), r.customers, r.diamond, r.diamond_share, q.diamond_max, words["yes"] if r.diamond_over else words["no"],
                   r.silver, r.silver_share, q.silver_max, words["yes"] if r.silver_over else words["no"]])
    return sheet
