"""The words the monthly report's files say, handed in by the desk in its language (no Qt here: the
Excel writer runs in a worker and in tests without a window). `PHRASES` holds the English; the desk
translates every one through Qt (`console/ui/report_texts.py`) and names the vocabularies' values
(kinds, levels, stages, rules, reasons) with its own labels."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

PHRASES: Mapping[str, str] = {
    "title": "Monthly operational analysis report",
    "all_regions": "All regions",
    "region": "Region",
    "month": "Month",
    "made_at": "Made at",
    "as_of": "Figures as of",
    "running": "The month is not over: the figures are as of the time above.",
    "due": "Due by the 5th of the next month",
    "page": "Page %1 of %2",
    "contents": "Contents",
    "summary": "Summary",
    "measure": "Measure",
    "value": "Value",
    # sections
    "sla": "SLA compliance",
    "sla_by_kind": "SLA compliance by kind",
    "sla_by_level": "SLA compliance by customer level",
    "breaches": "Breaches",
    "causes": "Causes of breaches",
    "load": "Load and utilisation",
    "field": "Field compliance",
    "exceptions": "Exceptions",
    "satisfaction": "Satisfaction",
    "dissatisfied": "Dissatisfied answers",
    "quotas": "Customer-level quotas",
    "bands": "Open orders by band at each day's end",
    # columns
    "kind": "Kind",
    "level": "Customer level",
    "finished": "Finished",
    "in_time": "In time",
    "late": "Late",
    "rate": "Compliance rate",
    "total": "Total",
    "number": "Order",
    "customer": "Customer",
    "district": "District",
    "stage": "Stage",
    "due_at": "Due",
    "finished_at": "Finished at",
    "hours_late": "Hours late",
    "unfinished": "Unfinished at month end",
    "pauses": "Pauses",
    "exceptions_met": "Exceptions met",
    "late_departments": "Late departments",
    "cause_type": "Cause",
    "cause": "Which",
    "count": "Breaches",
    "none_recorded": "late at the desk or in the field",
    "team": "Team",
    "technicians": "Technicians",
    "orders_finished": "Orders finished",
    "booked_hours": "Hours booked",
    "busy_hours": "Hours on visits and driving",
    "shift_hours": "Shift hours",
    "utilisation": "Utilisation",
    "idle": "Idle technicians",
    "overbooked": "Overbooked technicians",
    "kept_rate": "Appointments kept",
    "met": "Met",
    "checked": "Checked",
    "share": "Rate",
    "reported": "Exceptions reported",
    "orders_met": "Orders that met an exception",
    "orders_on_site": "Orders met on site",
    "exception_rate": "Exception rate",
    "reissued": "Orders re-issued",
    "median_minutes": "Median minutes to re-issue",
    "p90_minutes": "90th percentile minutes to re-issue",
    "answers": "Answers",
    "very_satisfied": "Very satisfied",
    "very_rate": "Very-satisfied rate",
    "respondent": "Respondent",
    "answered_at": "Answered at",
    "dissatisfied_count": "Dissatisfied answers",
    "callbacks_due": "Callbacks due",
    "callbacks_called": "Called back",
    "callbacks_closed": "Remedies closed",
    "callbacks_overdue": "Callbacks overdue",
    "customers": "Customers",
    "diamond": "Diamond",
    "diamond_share": "Diamond share",
    "diamond_quota": "Diamond quota",
    "silver": "Silver",
    "silver_share": "Silver share",
    "silver_quota": "Silver quota",
    "over_quota": "Over quota",
    "yes": "yes",
    "no": "no",
    "breach_count": "Breaches",
    "listed": "The first %1 of %2 are listed.",
    "nothing": "Nothing in this month.",
    # summary lines
    "s_compliance": "SLA compliance of the orders finished in the month",
    "s_breaches": "Breaches (finished late, or unfinished past a deadline in the month)",
    "s_utilisation": "Utilisation of the technicians",
    "s_kept": "Appointments kept",
    "s_exceptions": "Field exceptions reported",
    "s_very": "Very-satisfied rate",
    "s_dissatisfied": "Dissatisfied answers",
    "s_called_back": "Dissatisfied answers called back",
    "s_quota": "Regions over a level quota",
    # cause types
    "c_kind": "Kind",
    "c_level": "Customer level",
    "c_stage": "Stage",
    "c_district": "District",
    "c_pause": "Clock paused for",
    "c_exception": "Field exception",
    "c_department": "Department late",
    "c_none": "No recorded cause",
    # field measures beside the audit's rules
    "kept_appointments": "Appointments kept (every visit due)",
    "check_ins_on_site": "Check-ins on site (every check-in)",
    "audit": "Audit of the closed orders",
    "first_visit": "Resolved at the first visit",
}

VOCABULARIES = ("kind", "level", "stage", "rule", "pause", "exception", "step", "respondent")


def _english(vocabulary: str, value: str) -> str:
    return value.replace("_", " ") if value else "—"


@dataclass(frozen=True)
class ReportWords:
    """Phrases by key (PHRASES's keys; English where the desk gave none) and the names of values:
    `name("kind", "fault")`, `name("rule", "signed")`..."""

    phrases: Mapping[str, str] = field(default_factory=dict)
    names: Callable[[str, str], str] = _english
    english: bool = False  # places (regions, districts) by their English names

    def place(self, name: str, name_en: str) -> str:
        return (name_en if self.english else name) or name or "—"

    def __getitem__(self, key: str) -> str:
        return self.phrases.get(key) or PHRASES[key]

    def name(self, vocabulary: str, value: str) -> str:
        return self.names(vocabulary, value)

    def month(self, year: int, month: int) -> str:
        return f"{year}-{month:02d}"
