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
    tr = QCoreApplication.translate
    phrases = {
        "title": tr("MonthlyReport", "Monthly operational analysis report"),
        "all_regions": tr("MonthlyReport", "All regions"),
        "region": tr("MonthlyReport", "Region"),
        "month": tr("MonthlyReport", "Month"),
        "made_at": tr("MonthlyReport", "Made at"),
        "as_of": tr("MonthlyReport", "Figures as of"),
        "running": tr("MonthlyReport", "The month is not over: the figures are as of the time above."),
        "due": tr("MonthlyReport", "Due by the 5th of the next month"),
        "page": tr("MonthlyReport", "Page %1 of %2"),
        "contents": tr("MonthlyReport", "Contents"),
        "summary": tr("MonthlyReport", "Summary"),
        "measure": tr("MonthlyReport", "Measure"),
        "value": tr("MonthlyReport", "Value"),
        "sla": tr("MonthlyReport", "SLA compliance"),
        "sla_by_kind": tr("MonthlyReport", "SLA compliance by kind"),
        "sla_by_level": tr("MonthlyReport", "SLA compliance by customer level"),
        "breaches": tr("MonthlyReport", "Breaches"),
        "causes": tr("MonthlyReport", "Causes of breaches"),
        "load": tr("MonthlyReport", "Load and utilisation"),
        "field": tr("MonthlyReport", "Field compliance"),
        "exceptions": tr("MonthlyReport", "Exceptions"),
        "satisfaction": tr("MonthlyReport", "Satisfaction"),
        "dissatisfied": tr("MonthlyReport", "Dissatisfied answers"),
        "quotas": tr("MonthlyReport", "Customer-level quotas"),
        "bands": tr("MonthlyReport", "Open orders by band at each day's end"),
        "kind": tr("MonthlyReport", "Kind"),
        "level": tr("MonthlyReport", "Customer level"),
        "finished": tr("MonthlyReport", "Finished"),
        "in_time": tr("MonthlyReport", "In time"),
        "late": tr("MonthlyReport", "Late"),
        "rate": tr("MonthlyReport", "Compliance rate"),
        "total": tr("MonthlyReport", "Total"),
        "number": tr("MonthlyReport", "Order"),
        "customer": tr("MonthlyReport", "Customer"),
        "district": tr("MonthlyReport", "District"),
        "stage": tr("MonthlyReport", "Stage"),
        "due_at": tr("MonthlyReport", "Due"),
        "finished_at": tr("MonthlyReport", "Finished at"),
        "hours_late": tr("MonthlyReport", "Hours late"),
        "unfinished": tr("MonthlyReport", "Unfinished at month end"),
        "pauses": tr("MonthlyReport", "Pauses"),
        "exceptions_met": tr("MonthlyReport", "Exceptions met"),
        "late_departments": tr("MonthlyReport", "Late departments"),
        "cause_type": tr("MonthlyReport", "Cause"),
        "cause": tr("MonthlyReport", "Which"),
        "count": tr("MonthlyReport", "Breaches"),
        "none_recorded": tr("MonthlyReport", "late at the desk or in the field"),
        "team": tr("MonthlyReport", "Team"),
        "technicians": tr("MonthlyReport", "Technicians"),
        "orders_finished": tr("MonthlyReport", "Orders finished"),
        "booked_hours": tr("MonthlyReport", "Hours booked"),
        "busy_hours": tr("MonthlyReport", "Hours on visits and driving"),
        "shift_hours": tr("MonthlyReport", "Shift hours"),
        "utilisation": tr("MonthlyReport", "Utilisation"),
        "idle": tr("MonthlyReport", "Idle technicians"),
        "overbooked": tr("MonthlyReport", "Overbooked technicians"),
        "kept_rate": tr("MonthlyReport", "Appointments kept"),
        "met": tr("MonthlyReport", "Met"),
        "checked": tr("MonthlyReport", "Checked"),
        "share": tr("MonthlyReport", "Rate"),
        "reported": tr("MonthlyReport", "Exceptions reported"),
        "orders_met": tr("MonthlyReport", "Orders that met an exception"),
        "orders_on_site": tr("MonthlyReport", "Orders met on site"),
        "exception_rate": tr("MonthlyReport", "Exception rate"),
        "reissued": tr("MonthlyReport", "Orders re-issued"),
        "median_minutes": tr("MonthlyReport", "Median minutes to re-issue"),
        "p90_minutes": tr("MonthlyReport", "90th percentile minutes to re-issue"),
        "answers": tr("MonthlyReport", "Answers"),
        "very_satisfied": tr("MonthlyReport", "Very satisfied"),
        "very_rate": tr("MonthlyReport", "Very-satisfied rate"),
        "respondent": tr("MonthlyReport", "Respondent"),
        "answered_at": tr("MonthlyReport", "Answered at"),
        "dissatisfied_count": tr("MonthlyReport", "Dissatisfied answers"),
        "callbacks_due": tr("MonthlyReport", "Callbacks due"),
        "callbacks_called": tr("MonthlyReport", "Called back"),
        "callbacks_closed": tr("MonthlyReport", "Remedies closed"),
        "callbacks_overdue": tr("MonthlyReport", "Callbacks overdue"),
        "customers": tr("MonthlyReport", "Customers"),
        "diamond": tr("MonthlyReport", "Diamond"),
        "diamond_share": tr("MonthlyReport", "Diamond share"),
        "diamond_quota": tr("MonthlyReport", "Diamond quota"),
        "silver": tr("MonthlyReport", "Silver"),
        "silver_share": tr("MonthlyReport", "Silver share"),
        "silver_quota": tr("MonthlyReport", "Silver quota"),
        "over_quota": tr("MonthlyReport", "Over quota"),
        "yes": tr("MonthlyReport", "yes"),
        "no": tr("MonthlyReport", "no"),
        "breach_count": tr("MonthlyReport", "Breaches"),
        "listed": tr("MonthlyReport", "The first %1 of %2 are listed."),
        "nothing": tr("MonthlyReport", "Nothing in this month."),
        "s_compliance": tr("MonthlyReport", "SLA compliance of the orders finished in the month"),
        "s_breaches": tr("MonthlyReport", "Breaches (finished late, or unfinished past a deadline in the month)"),
        "s_utilisation": tr("MonthlyReport", "Utilisation of the technicians"),
        "s_kept": tr("MonthlyReport", "Appointments kept"),
        "s_exceptions": tr("MonthlyReport", "Field exceptions reported"),
        "s_very": tr("MonthlyReport", "Very-satisfied rate"),
        "s_dissatisfied": tr("MonthlyReport", "Dissatisfied answers"),
        "s_called_back": tr("MonthlyReport", "Dissatisfied answers called back"),
        "s_quota": tr("MonthlyReport", "Regions over a level quota"),
        "c_kind": tr("MonthlyReport", "Kind"),
        "c_level": tr("MonthlyReport", "Customer level"),
        "c_stage": tr("MonthlyReport", "Stage"),
        "c_district": tr("MonthlyReport", "District"),
        "c_pause": tr("MonthlyReport", "Clock paused for"),
        "c_exception": tr("MonthlyReport", "Field exception"),
        "c_department": tr("MonthlyReport", "Department late"),
        "c_none": tr("MonthlyReport", "No recorded cause"),
        "kept_appointments": tr("MonthlyReport", "Appointments kept (every visit due)"),
        "check_ins_on_site": tr("MonthlyReport", "Check-ins on site (every check-in)"),
        "audit": tr("MonthlyReport", "Audit of the closed orders"),
        "first_visit": tr("MonthlyReport", "Resolved at the first visit"),
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
