"""The monthly report's words in the desk's language: every phrase of `console.report_words.PHRASES`
written out as a translation call (so lupdate finds it), and the vocabularies' values named with
the desk's labels."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from console.core.domain.compliance import ComplianceRule
from console.core.domain.enums import (
    CustomerLevel,
    ExceptionKind,
    OrderKind,
    PauseReason,
    ProvisioningStep,
    Respondent,
    SlaStage,
)
from console.report_words import ReportWords
from console.ui import labels
from console.ui.compliance_dock import rule_name
from console.ui.field_tables import respondent_text


def report_words(english: bool = False) -> ReportWords:
    """The phrases and names as the desk's language says them now (call on the GUI thread, hand to the writers)."""
    phrases = {
        "title": QCoreApplication.translate("MonthlyReport", "Monthly operational analysis report"),
        "all_regions": QCoreApplication.translate("MonthlyReport", "All regions"),
        "region": QCoreApplication.translate("MonthlyReport", "Region"),
        "month": QCoreApplication.translate("MonthlyReport", "Month"),
        "made_at": QCoreApplication.translate("MonthlyReport", "Made at"),
        "as_of": QCoreApplication.translate("MonthlyReport", "Figures as of"),
        "running": QCoreApplication.translate("MonthlyReport", "The month is not over: the figures are as of the time above."),
        "due": QCoreApplication.translate("MonthlyReport", "Due by the 5th of the next month"),
        "page": QCoreApplication.translate("MonthlyReport", "Page %1 of %2"),
        "contents": QCoreApplication.translate("MonthlyReport", "Contents"),
        "summary": QCoreApplication.translate("MonthlyReport", "Summary"),
        "measure": QCoreApplication.translate("MonthlyReport", "Measure"),
        "value": QCoreApplication.translate("MonthlyReport", "Value"),
        "sla": QCoreApplication.translate("MonthlyReport", "SLA compliance"),
        "sla_by_kind": QCoreApplication.translate("MonthlyReport", "SLA compliance by kind"),
        "sla_by_level": QCoreApplication.translate("MonthlyReport", "SLA compliance by customer level"),
        "breaches": QCoreApplication.translate("MonthlyReport", "Breaches"),
        "causes": QCoreApplication.translate("MonthlyReport", "Causes of breaches"),
        "load": QCoreApplication.translate("MonthlyReport", "Load and utilisation"),
        "field": QCoreApplication.translate("MonthlyReport", "Field compliance"),
        "exceptions": QCoreApplication.translate("MonthlyReport", "Exceptions"),
        "satisfaction": QCoreApplication.translate("MonthlyReport", "Satisfaction"),
        "dissatisfied": QCoreApplication.translate("MonthlyReport", "Dissatisfied answers"),
        "quotas": QCoreApplication.translate("MonthlyReport", "Customer-level quotas"),
        "bands": QCoreApplication.translate("MonthlyReport", "Open orders by band at each day's end"),
        "kind": QCoreApplication.translate("MonthlyReport", "Kind"),
        "level": QCoreApplication.translate("MonthlyReport", "Customer level"),
        "finished": QCoreApplication.translate("MonthlyReport", "Finished"),
        "in_time": QCoreApplication.translate("MonthlyReport", "In time"),
        "late": QCoreApplication.translate("MonthlyReport", "Late"),
        "rate": QCoreApplication.translate("MonthlyReport", "Compliance rate"),
        "total": QCoreApplication.translate("MonthlyReport", "Total"),
        "number": QCoreApplication.translate("MonthlyReport", "Order"),
        "customer": QCoreApplication.translate("MonthlyReport", "Customer"),
        "district": QCoreApplication.translate("MonthlyReport", "District"),
        "stage": QCoreApplication.translate("MonthlyReport", "Stage"),
        "due_at": QCoreApplication.translate("MonthlyReport", "Due"),
        "finished_at": QCoreApplication.translate("MonthlyReport", "Finished at"),
        "hours_late": QCoreApplication.translate("MonthlyReport", "Hours late"),
        "unfinished": QCoreApplication.translate("MonthlyReport", "Unfinished at month end"),
        "pauses": QCoreApplication.translate("MonthlyReport", "Pauses"),
        "exceptions_met": QCoreApplication.translate("MonthlyReport", "Exceptions met"),
        "late_departments": QCoreApplication.translate("MonthlyReport", "Late departments"),
        "cause_type": QCoreApplication.translate("MonthlyReport", "Cause"),
        "cause": QCoreApplication.translate("MonthlyReport", "Which"),
        "count": QCoreApplication.translate("MonthlyReport", "Breaches"),
        "none_recorded": QCoreApplication.translate("MonthlyReport", "late at the desk or in the field"),
        "team": QCoreApplication.translate("MonthlyReport", "Team"),
        "technicians": QCoreApplication.translate("MonthlyReport", "Technicians"),
        "orders_finished": QCoreApplication.translate("MonthlyReport", "Orders finished"),
        "booked_hours": QCoreApplication.translate("MonthlyReport", "Hours booked"),
        "busy_hours": QCoreApplication.translate("MonthlyReport", "Hours on visits and driving"),
        "shift_hours": QCoreApplication.translate("MonthlyReport", "Shift hours"),
        "utilisation": QCoreApplication.translate("MonthlyReport", "Utilisation"),
        "idle": QCoreApplication.translate("MonthlyReport", "Idle technicians"),
        "overbooked": QCoreApplication.translate("MonthlyReport", "Overbooked technicians"),
        "kept_rate": QCoreApplication.translate("MonthlyReport", "Appointments kept"),
        "met": QCoreApplication.translate("MonthlyReport", "Met"),
        "checked": QCoreApplication.translate("MonthlyReport", "Checked"),
        "share": QCoreApplication.translate("MonthlyReport", "Rate"),
        "reported": QCoreApplication.translate("MonthlyReport", "Exceptions reported"),
        "orders_met": QCoreApplication.translate("MonthlyReport", "Orders that met an exception"),
        "orders_on_site": QCoreApplication.translate("MonthlyReport", "Orders met on site"),
        "exception_rate": QCoreApplication.translate("MonthlyReport", "Exception rate"),
        "reissued": QCoreApplication.translate("MonthlyReport", "Orders re-issued"),
        "median_minutes": QCoreApplication.translate("MonthlyReport", "Median minutes to re-issue"),
        "p90_minutes": QCoreApplication.translate("MonthlyReport", "90th percentile minutes to re-issue"),
        "answers": QCoreApplication.translate("MonthlyReport", "Answers"),
        "very_satisfied": QCoreApplication.translate("MonthlyReport", "Very satisfied"),
        "very_rate": QCoreApplication.translate("MonthlyReport", "Very-satisfied rate"),
        "respondent": QCoreApplication.translate("MonthlyReport", "Respondent"),
        "answered_at": QCoreApplication.translate("MonthlyReport", "Answered at"),
        "dissatisfied_count": QCoreApplication.translate("MonthlyReport", "Dissatisfied answers"),
        "callbacks_due": QCoreApplication.translate("MonthlyReport", "Callbacks due"),
        "callbacks_called": QCoreApplication.translate("MonthlyReport", "Called back"),
        "callbacks_closed": QCoreApplication.translate("MonthlyReport", "Remedies closed"),
        "callbacks_overdue": QCoreApplication.translate("MonthlyReport", "Callbacks overdue"),
        "customers": QCoreApplication.translate("MonthlyReport", "Customers"),
        "diamond": QCoreApplication.translate("MonthlyReport", "Diamond"),
        "diamond_share": QCoreApplication.translate("MonthlyReport", "Diamond share"),
        "diamond_quota": QCoreApplication.translate("MonthlyReport", "Diamond quota"),
        "silver": QCoreApplication.translate("MonthlyReport", "Silver"),
        "silver_share": QCoreApplication.translate("MonthlyReport", "Silver share"),
        "silver_quota": QCoreApplication.translate("MonthlyReport", "Silver quota"),
        "over_quota": QCoreApplication.translate("MonthlyReport", "Over quota"),
        "yes": QCoreApplication.translate("MonthlyReport", "yes"),
        "no": QCoreApplication.translate("MonthlyReport", "no"),
        "breach_count": QCoreApplication.translate("MonthlyReport", "Breaches"),
        "listed": QCoreApplication.translate("MonthlyReport", "The first %1 of %2 are listed."),
        "nothing": QCoreApplication.translate("MonthlyReport", "Nothing in this month."),
        "s_compliance": QCoreApplication.translate("MonthlyReport", "SLA compliance of the orders finished in the month"),
        "s_breaches": QCoreApplication.translate("MonthlyReport", "Breaches (finished late, or unfinished past a deadline in the month)"),
        "s_utilisation": QCoreApplication.translate("MonthlyReport", "Utilisation of the technicians"),
        "s_kept": QCoreApplication.translate("MonthlyReport", "Appointments kept"),
        "s_exceptions": QCoreApplication.translate("MonthlyReport", "Field exceptions reported"),
        "s_very": QCoreApplication.translate("MonthlyReport", "Very-satisfied rate"),
        "s_dissatisfied": QCoreApplication.translate("MonthlyReport", "Dissatisfied answers"),
        "s_called_back": QCoreApplication.translate("MonthlyReport", "Dissatisfied answers called back"),
        "s_quota": QCoreApplication.translate("MonthlyReport", "Regions over a level quota"),
        "c_kind": QCoreApplication.translate("MonthlyReport", "Kind"),
        "c_level": QCoreApplication.translate("MonthlyReport", "Customer level"),
        "c_stage": QCoreApplication.translate("MonthlyReport", "Stage"),
        "c_district": QCoreApplication.translate("MonthlyReport", "District"),
        "c_pause": QCoreApplication.translate("MonthlyReport", "Clock paused for"),
        "c_exception": QCoreApplication.translate("MonthlyReport", "Field exception"),
        "c_department": QCoreApplication.translate("MonthlyReport", "Department late"),
        "c_none": QCoreApplication.translate("MonthlyReport", "No recorded cause"),
        "kept_appointments": QCoreApplication.translate("MonthlyReport", "Appointments kept (every visit due)"),
        "check_ins_on_site": QCoreApplication.translate("MonthlyReport", "Check-ins on site (every check-in)"),
        "audit": QCoreApplication.translate("MonthlyReport", "Audit of the closed orders"),
        "first_visit": QCoreApplication.translate("MonthlyReport", "Resolved at the first visit"),
    }
    return ReportWords(phrases, _names(), english)


_VOCABULARIES = {"kind": OrderKind, "level": CustomerLevel, "pause": PauseReason, "exception": ExceptionKind,
                 "step": ProvisioningStep}


def _names():
    """(vocabulary, value) -> the desk's name for it, resolved now (a worker must not call Qt's translator)."""
    table: dict[tuple[str, str], str] = {}
    for vocabulary, enum in _VOCABULARIES.items():
        for member in enum:
            table[(vocabulary, member.value)] = labels.name(member)
    for stage in SlaStage:
        table[("stage", stage.value)] = labels.stage_name(stage)
    for respondent in Respondent:
        table[("respondent", respondent.value)] = respondent_text(respondent)
    for rule in ComplianceRule:
        table[("rule", rule.value)] = rule_name(rule)
    dash = QCoreApplication.translate("MonthlyReport", "none given")

    def name(vocabulary: str, value: str) -> str:
        return table.get((vocabulary, value)) or (dash if not value else value)
    return name
