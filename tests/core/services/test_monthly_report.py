"""The monthly report's figures against orders built by hand (tests/core/services/dashboard_cases.py,
November 2026, with a pause, a late department step and an exception added to the breaches), and
the workbook opened with openpyxl: each section's sheet, the numbers as numbers."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from sqlalchemy import select

from console.core.domain.callbacks import CallbackState
from console.core.domain.enums import ExceptionKind, FieldEventKind, PauseReason, ProvisioningStep
from console.core.services.callbacks import open_callback
from console.core.services.monthly_report import MonthlyReport, MonthlyReports, month_span, previous_month
from console.core.store.models import FieldEvent, OrderStep, SlaPause
from console.report_words import ReportWords
from console.report_xlsx import write_report_xlsx
from tests.core.services.dashboard_cases import SH, Centre, at, build

AFTER = datetime(2026, 12, 2, 10, 0, tzinfo=SH)  # the report made on 2 December


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Centre:
    built = build(tmp_path_factory.mktemp("report") / "desk.sqlite")
    with built.database.unit_of_work() as s:  # what the breaches met: O3's pause and late construction step, O2's exception
        s.add(SlaPause(order_id=built.orders["O3"], reason=PauseReason.CUSTOMER_NOT_READY, started_at=at(9), ended_at=at(9.5)))
        s.add(OrderStep(order_id=built.orders["O3"], step=ProvisioningStep.CONSTRUCTION, seq=2, department="工程施工",
                        started_at=at(8), due_at=at(9), completed_at=at(10.5)))
        s.add(FieldEvent(order_id=built.orders["O2"], technician_id=built.technicians["T1"], kind=FieldEventKind.EXCEPTION,
                         occurred_at=at(9), received_at=at(9), payload={}, exception_kind=ExceptionKind.FIBER_PORT_BROKEN))
        for event in s.scalars(select(FieldEvent).where(FieldEvent.kind == FieldEventKind.SATISFACTION)):
            task = open_callback(s, event)  # O4's answer called back; O1's (and region two's O7, the 2025 one) not
            if task is not None and event.order_id == built.orders["O4"]:
                task.state = CallbackState.CALLED
    yield built
    built.database.close()


@pytest.fixture(scope="module")
def report(centre: Centre) -> MonthlyReport:
    return MonthlyReports(centre.database).build(centre.r1, date(2026, 11, 1), AFTER)


def test_the_month_is_the_desks_calendar_month_and_the_one_due_is_the_month_before() -> None:
    assert month_span(date(2026, 11, 17), SH) == (at(0, day=1), at(0, day=1, month=12))
    assert previous_month(date(2026, 12, 1)) == date(2026, 11, 1) and previous_month(date(2027, 1, 31)) == date(2026, 12, 1)


def test_sla_compliance_counts_the_orders_finished_in_the_month_by_kind_and_level(report) -> None:
    assert (report.overall.finished, report.overall.in_time, report.overall.late) == (4, 3, 1)  # O3 late; O4, O9, O11; not O10 (superseded)
    assert report.overall.rate == 0.75
    kinds = {line.key: (line.finished, line.in_time) for line in report.by_kind}
    assert kinds == {"survey": (2, 2), "provisioning": (2, 1), "fault": (0, 0), "complaint": (0, 0)}
    levels = {line.key: (line.finished, line.in_time) for line in report.by_level}
    assert levels == {"key": (0, 0), "diamond": (0, 0), "gold": (0, 0), "silver": (1, 0), "bronze": (3, 3)}
    assert next(line for line in report.by_kind if line.key == "fault").rate is None


def test_breaches_are_the_late_finished_and_the_unfinished_past_a_deadline_in_the_month_with_what_they_met(centre, report) -> None:
    by_number = {b.order.id: b for b in report.breaches}
    assert set(by_number) == set(centre.ids("O1", "O2", "O3", "O5", "O8"))  # not O6 (paused before its deadline), O7 (region two)
    assert report.breach_count == 5
    o3 = by_number[centre.orders["O3"]]
    assert (o3.late_hours, o3.unfinished, o3.pauses, o3.late_steps) == (1.0, False, ("customer_not_ready",), (("construction", "工程施工"),))
    o8 = by_number[centre.orders["O8"]]
    assert (o8.late_hours, o8.unfinished) == (204.0, True)  # due 22 Nov 12:00, open when the month ended
    assert by_number[centre.orders["O2"]].exceptions == ("fiber_port_broken",)
    c = report.causes
    assert c.by_kind == [("survey", 2), ("provisioning", 1), ("complaint", 2)]
    assert c.by_level == [("diamond", 1), ("silver", 2), ("bronze", 2)]
    assert c.by_stage == [("total", 3), ("accept", 1), ("feedback", 1)]
    assert c.by_district == [("黄浦区", "Huangpu", 5)]
    assert (c.by_pause, c.by_exception, c.by_department) == ([("customer_not_ready", 1)], [("fiber_port_broken", 1)], [("construction", 1)])
    assert c.unexplained == 3  # O1, O5, O8


def test_load_per_team_is_the_months_booked_and_shift_hours_and_the_orders_its_technicians_finished(report) -> None:
    teams = {t.team: t for t in report.teams}
    a, b = teams["A"], teams["B"]
    assert (a.technicians, a.finished, a.booked_hours, a.shift_hours, a.idle, a.overbooked) == (2, 3, 4.5, 8.5, 0, 1)
    assert a.utilisation == pytest.approx(4.5 / 8.5)
    assert (a.kept.hits, a.kept.total) == (3, 5)  # O3, O4's second, O9 kept; O4's first missed, O1's not kept
    assert (b.technicians, b.finished, b.shift_hours, b.idle, b.utilisation, b.kept.rate) == (1, 1, 8.0, 1, 0.0, None)


def test_field_compliance_is_kept_visits_on_site_check_ins_and_the_audit_of_the_closed_orders_rule_by_rule(report) -> None:
    lines = {f.key: (f.met, f.checked) for f in report.field}
    assert lines == {
        "kept_appointments": (3, 5), "check_ins_on_site": (2, 3),
        "appointment_recorded": (2, 2), "check_in_on_site": (1, 2), "check_in_on_time": (2, 2),  # O4 and O9 closed in November
        "tests_present": (0, 1), "report_present": (0, 1), "signed": (0, 1), "closed_in_time": (2, 2),
        "returned_same_day": (1, 2), "first_visit": (1, 3)}


def test_exceptions_count_the_reported_by_kind_the_orders_they_met_and_the_minutes_to_reissue(report) -> None:
    e = report.exceptions
    assert (e.reported, e.by_kind) == (2, [("fiber_port_broken", 1), ("fiber_port_taken", 1)])
    assert (e.orders_met.hits, e.orders_met.total) == (2, 5)  # O2 and O10 of O2, O3, O4, O9, O10
    assert (e.reissue_minutes, e.median_minutes, e.p90_minutes) == ([3.0], 3.0, 3.0)


def test_satisfaction_is_the_months_very_satisfied_rate_over_twelve_months_and_its_dissatisfied_answers(centre, report) -> None:
    s = report.satisfaction
    assert (s.month.month, s.month.very_satisfied, s.month.answers) == (date(2026, 11, 1), 1, 3)  # O3 very; O4, O1 dissatisfied
    assert [(m.month, m.very_satisfied, m.answers) for m in s.months if m.answers] == [
        (date(2025, 12, 1), 1, 1), (date(2026, 10, 1), 1, 2), (date(2026, 11, 1), 1, 3)]
    assert s.dissatisfied_count == 2 and [d.order_id for d in s.dissatisfied] == [centre.orders["O1"], centre.orders["O4"]]
    cb = s.callbacks  # O4's called back; O1's open, due 24 hours after the answer: overdue when the month ended
    assert (cb.due, cb.called, cb.closed, cb.overdue) == (2, 1, 0, 1)


def test_the_quota_check_flags_the_regions_over_the_diamond_and_silver_shares(report) -> None:
    (one,) = report.quotas.regions
    assert (one.name, one.customers, one.diamond, one.silver, one.diamond_over, one.silver_over) == ("一区", 10, 2, 2, True, False)
    assert (report.quotas.diamond_max, report.quotas.silver_max) == (0.1, 0.2)


def test_every_regions_report_counts_both_and_a_month_under_way_is_marked_as_running(centre) -> None:
    everything = MonthlyReports(centre.database).build(None, date(2026, 11, 1), AFTER)
    assert everything.region == "" and len(everything.quotas.regions) == 2 and everything.complete
    assert everything.breach_count == 6  # O7 of region two too
    running = MonthlyReports(centre.database).build(centre.r1, date(2026, 11, 1), at(14))
    assert not running.complete and running.as_of == at(14)
    assert running.overall.finished == 4


def test_a_month_not_begun_or_an_unknown_region_is_refused(centre) -> None:
    with pytest.raises(ValueError, match="month"):
        MonthlyReports(centre.database).build(centre.r1, date(2027, 1, 1), AFTER)
    with pytest.raises(LookupError, match="region"):
        MonthlyReports(centre.database).build(uuid.uuid4(), date(2026, 11, 1), AFTER)


def test_the_workbook_holds_one_sheet_per_section_with_numbers_as_numbers(report, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report_xlsx(path, report, ReportWords())
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == ["Summary", "SLA compliance", "Breaches", "Causes of breaches", "Load and utilisation", "Field compliance",
                               "Exceptions", "Satisfaction", "Dissatisfied answers", "Customer-level quotas"]
    assert all(sheet.freeze_panes == "A2" and sheet["A1"].font.bold for sheet in book)
    summary = {row[0]: row[1] for row in book["Summary"].iter_rows(min_row=2, values_only=True)}
    assert summary["Region"] == "一区" and summary["Month"] == "2026-11" and summary["Made at"] == datetime(2026, 12, 2, 10, 0)
    assert summary["SLA compliance of the orders finished in the month"] == 0.75
    sla = book["SLA compliance"]
    assert [c.value for c in sla[3]] == ["provisioning", 2, 1, 1, 0.5] and sla["E3"].number_format == "0.0%"
    assert [c.value for c in sla[6]] == ["Total", 4, 3, 1, 0.75]
    breaches = list(book["Breaches"].iter_rows(min_row=2, values_only=True))
    o3 = next(r for r in breaches if r[0].startswith("PR"))
    assert o3[1:6] == ("客户a2", "provisioning", "silver", "黄浦区", "total") and o3[6] == datetime(2026, 11, 23, 10, 0)
    assert (o3[8], o3[10], o3[12]) == (1, "customer not ready", "construction (工程施工)")
    load = list(book["Load and utilisation"].iter_rows(min_row=2, values_only=True))
    assert load[0][:6] == ("A", 2, 3, 4.5, 4.5, 8.5) and load[0][6] == pytest.approx(4.5 / 8.5)
    assert book["Load and utilisation"]["G2"].number_format == "0.0%"
    quotas = list(book["Customer-level quotas"].iter_rows(min_row=2, values_only=True))
    assert quotas == [("一区", 10, 2, 0.2, 0.1, "yes", 2, 0.2, 0.2, "no")]
    assert book["Breaches"].column_dimensions["A"].width >= 16


def test_a_workbook_that_cannot_be_written_leaves_nothing_behind(report, tmp_path: Path) -> None:
    from console.table_files import ExportError

    with pytest.raises(ExportError):
        write_report_xlsx(tmp_path / "missing" / "report.xlsx", report, ReportWords())
    assert not (tmp_path / "missing").exists()


def test_an_english_desks_workbook_names_the_places_in_english(report, tmp_path: Path) -> None:
    path = tmp_path / "report.xlsx"
    write_report_xlsx(path, report, ReportWords(english=True))
    book = openpyxl.load_workbook(path)
    assert book["Summary"]["B2"].value == "One" and book["Breaches"]["E2"].value == "Huangpu"
    assert book["Customer-level quotas"]["A2"].value == "One"
