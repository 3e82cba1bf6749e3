"""The monthly report as a printable PDF (A4): a title page with the region, the month and a short
summary, then each section with its table and its chart, page numbers at the foot. Drawn twice:
the first pass counts the pages so the footer can say "page n of N". The words come in from the
desk (`console.ui.report_texts.report_words`, made on the GUI thread); the drawing may run in a
worker. Written beside its place and renamed in, as the workbook is."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QColor, QPdfWriter

from console.core.services.monthly_report import MonthlyReport
from console.report_words import ReportWords
from console.report_xlsx import cause_rows, exception_lines, field_name, region_text, summary_lines
from console.table_files import write_atomically
from console.ui.report_canvas import Canvas, Column, text_layer_fixed

BANDS = (("green", "#2e7d32"), ("amber", "#f9a825"), ("red", "#c62828"), ("breached", "#6a1b9a"), ("paused", "#78909c"))
LISTED_IN_PDF = 60  # breaches and dissatisfied answers printed one by one (the workbook lists more)


def write_report_pdf(path: Path, report: MonthlyReport, words: ReportWords, band_names: dict[str, str] | None = None) -> int:
    """Write the PDF to `path` (raises table_files.ExportError); how many pages it has."""
    pages = _render(report, words, band_names or {}, None)[1]
    data, pages = _render(report, words, band_names or {}, pages)
    data = text_layer_fixed(data)

    def save(handle) -> int:
        handle.write(data)
        return pages
    return write_atomically(path, save)


def _render(report: MonthlyReport, words: ReportWords, band_names: dict[str, str], total: int | None) -> tuple[bytes, int]:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle(f"{words['title']} {words.month(report.month.year, report.month.month)} {region_text(report, words)}")
    writer.setCreator("Dispatch Console")
    canvas = Canvas(writer, words["page"], total)
    try:
        for section in (_title, _sla, _breaches, _load, _field, _exceptions, _satisfaction, _quotas):
            section(canvas, report, words, band_names)
    finally:
        pages = canvas.finish()  # (a painter left painting on the writer would bring the process down when it goes)
        buffer.close()
    return bytes(array.data()), pages


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value:.1%}"


def _when(value: datetime | None, report: MonthlyReport) -> str:
    return "" if value is None else f"{value.astimezone(report.zone):%Y-%m-%d %H:%M}"


def _title(c: Canvas, r: MonthlyReport, w: ReportWords, _b: dict) -> None:
    c.y = 60 * c.pt
    c.text(w["title"], 22, bold=True, gap=10)
    c.text(f"{w['region']}: {region_text(r, w)}", 14, gap=4)
    c.text(f"{w['month']}: {w.month(r.month.year, r.month.month)}", 14, gap=14)
    c.text(f"{w['made_at']}: {_when(r.made_at, r)}    {w['as_of']}: {_when(r.as_of, r)}", 9, gap=2)
    c.text(w["due"], 9, gap=2)
    if not r.complete:
        c.text(w["running"], 9, bold=True, colour=QColor("#c62828"), gap=2)
    c.y += 16 * c.pt
    c.heading(w["summary"])
    rows = [(measure, _number(value, fmt)) for measure, value, fmt in summary_lines(r, w)]
    c.table([Column(w["measure"], 3), Column(w["value"], 1, right=True)], rows, size=10)
    c.new_page()


def _number(value: object, fmt: str | None) -> str:
    if value is None:
        return "—"
    if fmt == "0.0%":
        return _pct(float(value))  # type: ignore[arg-type]
    if isinstance(value, float):
        return f"{value:.1f}"
    return str(value)


def _sla(c: Canvas, r: MonthlyReport, w: ReportWords, bands: dict) -> None:
    c.heading(w["sla_by_kind"])
    columns = [Column(w["kind"], 2), Column(w["finished"], 1, True), Column(w["in_time"], 1, True), Column(w["late"], 1, True),
               Column(w["rate"], 1.2, True)]
    lines = [*r.by_kind, r.overall]
    c.table(columns, [(w.name("kind", x.key) if x.key else w["total"], str(x.finished), str(x.in_time), str(x.late), _pct(x.rate))
                      for x in lines])
    c.bars(w["sla_by_kind"], [(w.name("kind", x.key), x.rate, _pct(x.rate)) for x in r.by_kind if x.finished], 1.0)
    c.heading(w["sla_by_level"])
    c.table([Column(w["level"], 2), *columns[1:]], [(w.name("level", x.key), str(x.finished), str(x.in_time), str(x.late), _pct(x.rate))
                                                   for x in r.by_level])
    c.bars(w["sla_by_level"], [(w.name("level", x.key), x.rate, _pct(x.rate)) for x in r.by_level if x.finished], 1.0)
    series = r.bands
    labels = [datetime.fromtimestamp(s, r.zone).strftime("%d") for s in series.starts]
    top = max((max(v) for v in series.counts.values() if len(v)), default=0)
    c.lines(w["bands"], labels, [(bands.get(k, k), [float(v) for v in series.counts.get(k, [])], QColor(colour)) for k, colour in BANDS],
            max(1.0, float(top)))


def _breaches(c: Canvas, r: MonthlyReport, w: ReportWords, _b: dict) -> None:
    c.heading(f"{w['breaches']} ({r.breach_count})")
    if not r.breach_count:
        c.text(w["nothing"])
        return
    rows = [(b.order.number, b.order.customer, w.name("kind", b.order.kind.value), w.name("level", b.order.level.value),
             w.name("stage", b.order.stage.value if b.order.stage else ""), _when(b.order.due_at, r), f"{b.late_hours:.1f}",
             "、".join([*(w.name("pause", p) for p in b.pauses), *(w.name("exception", e) for e in b.exceptions),
                       *(w.name("step", s) for s, _d in b.late_steps)]) or "—")
            for b in r.breaches[:LISTED_IN_PDF]]
    c.table([Column(w["number"], 1.9), Column(w["customer"], 1.4), Column(w["kind"], 0.9), Column(w["level"], 0.8), Column(w["stage"], 0.9),
             Column(w["due_at"], 1.45), Column(w["hours_late"], 0.7, True), Column(w["cause_type"], 1.6)], rows, size=7.5)
    if r.breach_count > LISTED_IN_PDF:
        c.text(w["listed"].replace("%1", str(min(LISTED_IN_PDF, r.breach_count))).replace("%2", str(r.breach_count)), 8)
    c.heading(w["causes"])
    causes = cause_rows(r, w)
    c.table([Column(w["cause_type"], 1.2), Column(w["cause"], 2), Column(w["count"], 0.8, True)], [(a, b, str(n)) for a, b, n in causes])
    shown = [(f"{a}: {b}", float(n), str(n)) for a, b, n in causes[-_causes_proper(r):] if n]
    c.bars(w["causes"], shown, max((n for _l, n, _t in shown), default=1.0), QColor("#c62828"))


def _causes_proper(r: MonthlyReport) -> int:
    """How many of the cause rows (the last ones) are causes rather than breakdowns (kind, level, district)."""
    c = r.causes
    return len(c.by_stage) + len(c.by_pause) + len(c.by_exception) + len(c.by_department) + 1


def _load(c: Canvas, r: MonthlyReport, w: ReportWords, _b: dict) -> None:
    c.heading(w["load"])
    c.table([Column(w["team"], 1.3), Column(w["technicians"], 0.9, True), Column(w["orders_finished"], 1, True),
             Column(w["booked_hours"], 1, True), Column(w["shift_hours"], 1, True), Column(w["utilisation"], 1, True),
             Column(w["idle"], 0.9, True), Column(w["overbooked"], 0.9, True), Column(w["kept_rate"], 1, True)],
            [(t.team, str(t.technicians), str(t.finished), f"{t.booked_hours:.1f}", f"{t.shift_hours:.1f}", _pct(t.utilisation), str(t.idle),
              str(t.overbooked), _pct(t.kept.rate)) for t in r.teams], size=8)
    c.bars(w["utilisation"], [(t.team, t.utilisation, _pct(t.utilisation)) for t in r.teams], 1.0)


def _field(c: Canvas, r: MonthlyReport, w: ReportWords, _b: dict) -> None:
    c.heading(w["field"])
    c.table([Column(w["measure"], 3), Column(w["met"], 1, True), Column(w["checked"], 1, True), Column(w["share"], 1, True)],
            [(field_name(f.key, w), str(f.met), str(f.checked), _pct(f.rate)) for f in r.field])
    c.bars(w["field"], [(field_name(f.key, w), f.rate, _pct(f.rate)) for f in r.field], 1.0, QColor("#2e7d32"))


def _exceptions(c: Canvas, r: MonthlyReport, w: ReportWords, _b: dict) -> None:
    c.heading(w["exceptions"])
    c.table([Column(w["measure"], 3), Column(w["value"], 1, True)], [(m, _number(v, f)) for m, v, f in exception_lines(r, w)])
    kinds = r.exceptions.by_kind
    c.bars(w["exceptions"], [(w.name("exception", k), float(n), str(n)) for k, n in kinds], max((n for _k, n in kinds), default=1),
           QColor("#f9a825"))


def _satisfaction(c: Canvas, r: MonthlyReport, w: ReportWords, _b: dict) -> None:
    s = r.satisfaction
    c.heading(w["satisfaction"])
    c.table([Column(w["month"], 1), Column(w["answers"], 1, True), Column(w["very_satisfied"], 1, True), Column(w["very_rate"], 1, True)],
            [(w.month(m.month.year, m.month.month), str(m.answers), str(m.very_satisfied), _pct(m.rate)) for m in s.months], size=8)
    c.lines(w["very_rate"], [f"{m.month:%y-%m}" for m in s.months], [(w["very_rate"], [m.rate for m in s.months], QColor("#2f6fb0"))],
            1.0, percent=True)
    c.heading(f"{w['dissatisfied']} ({s.dissatisfied_count})")
    cb = s.callbacks
    c.table([Column(w["measure"], 3), Column(w["value"], 1, True)],
                [(w["callbacks_due"], str(cb.due)), (w["callbacks_called"], str(cb.called)), (w["callbacks_closed"], str(cb.closed)),
                 (w["callbacks_overdue"], str(cb.overdue))])
    if s.dissatisfied:
        c.table([Column(w["number"], 1.3), Column(w["customer"], 2), Column(w["respondent"], 1), Column(w["answered_at"], 1.2)],
                [(d.number, d.customer, w.name("respondent", d.respondent), _when(d.at, r)) for d in s.dissatisfied[:LISTED_IN_PDF]], size=8)


def _quotas(c: Canvas, r: MonthlyReport, w: ReportWords, _b: dict) -> None:
    q = r.quotas
    c.heading(w["quotas"])
    yes, no = w["yes"], w["no"]
    c.table([Column(w["region"], 1.4), Column(w["customers"], 1, True), Column(w["diamond"], 0.8, True), Column(w["diamond_share"], 1, True),
             Column(w["over_quota"], 0.8), Column(w["silver"], 0.8, True), Column(w["silver_share"], 1, True), Column(w["over_quota"], 0.8)],
            [(w.place(x.name, x.name_en), str(x.customers), str(x.diamond), _pct(x.diamond_share), yes if x.diamond_over else no, str(x.silver),
              _pct(x.silver_share), yes if x.silver_over else no) for x in q.regions], size=8)
    red, blue = QColor("#c62828"), QColor("#2f6fb0")
    for key, share, maximum in (("diamond_share", "diamond_share", q.diamond_max), ("silver_share", "silver_share", q.silver_max)):
        items = [(w.place(x.name, x.name_en), getattr(x, share), _pct(getattr(x, share))) for x in q.regions]
        over = any((getattr(x, share) or 0) > maximum for x in q.regions)
        c.bars(f"{w[key]} ({w['diamond_quota' if key == 'diamond_share' else 'silver_quota']} {maximum:.0%})", items,
               max(maximum * 2, max((v or 0 for _n, v, _t in items), default=0)), red if over else blue, reference=maximum)

