"""The booking rules' findings and refusals in words, for the board, the dialogs and the candidates."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.core.domain.appointments import AppointmentRefusal
from console.core.domain.booking_rules import Conflict, Finding, Override
from console.core.domain.candidates import Flag
from console.core.domain.enums import Skill
from console.ui import labels

CONFLICTS = {
    Conflict.TECHNICIAN_INACTIVE: QT_TRANSLATE_NOOP("Findings", "The technician is not active."),
    Conflict.ORDER_CLOSED: QT_TRANSLATE_NOOP("Findings", "The visit has no open order left."),
    Conflict.LOCKED: QT_TRANSLATE_NOOP("Findings", "The booking is pinned: unpin it before moving it."),
    Conflict.IN_PAST: QT_TRANSLATE_NOOP("Findings", "The start is in the past."),
    Conflict.OVERLAP: QT_TRANSLATE_NOOP("Findings", "Overlaps %1 (%2–%3) of the same technician."),
    Conflict.MISSING_SKILL: QT_TRANSLATE_NOOP("Findings", "Missing skill: %1."),
    Conflict.SLA_BREACH: QT_TRANSLATE_NOOP("Findings", "Finishes %1 min after the SLA deadline (%2)."),
    Conflict.OUTSIDE_SHIFT: QT_TRANSLATE_NOOP("Findings", "Outside the technician's shift."),
    Conflict.ON_BREAK: QT_TRANSLATE_NOOP("Findings", "During the technician's break (%1–%2)."),
    Conflict.TRAVEL_INFEASIBLE: QT_TRANSLATE_NOOP("Findings", "Travel needs %1 min, only %2 min free."),
    Conflict.OTHER_REGION: QT_TRANSLATE_NOOP("Findings", "The technician belongs to another region."),
    Conflict.OUTSIDE_WINDOW: QT_TRANSLATE_NOOP("Findings", "Outside the customer's window (%1–%2): a reschedule."),
}
OVERRIDES = {
    Override.NEVER: QT_TRANSLATE_NOOP("Findings", "cannot be committed"),
    Override.DISPATCHER: QT_TRANSLATE_NOOP("Findings", "needs a reason"),
    Override.SUPERVISOR: QT_TRANSLATE_NOOP("Findings", "a supervisor, with a reason"),
    Override.RESCHEDULE: QT_TRANSLATE_NOOP("Findings", "agree a new window with the customer"),
}
FLAGS = {
    Flag.MISSING_SKILL: QT_TRANSLATE_NOOP("Findings", "missing skill"),
    Flag.NO_SLOT: QT_TRANSLATE_NOOP("Findings", "no free slot"),
    Flag.SLA_BREACH: QT_TRANSLATE_NOOP("Findings", "would breach"),
    Flag.OTHER_REGION: QT_TRANSLATE_NOOP("Findings", "other region"),
    Flag.BUSY_DAY: QT_TRANSLATE_NOOP("Findings", "busy day"),
}
REFUSALS = {
    AppointmentRefusal.NOT_FOUND: QT_TRANSLATE_NOOP("Findings", "The appointment no longer exists."),
    AppointmentRefusal.NOT_OPEN: QT_TRANSLATE_NOOP("Findings", "The appointment is already kept, missed or cancelled."),
    AppointmentRefusal.ALREADY_CONFIRMED: QT_TRANSLATE_NOOP("Findings", "It is already confirmed."),
    AppointmentRefusal.NOT_CONFIRMED: QT_TRANSLATE_NOOP("Findings", "The customer has not confirmed it yet."),
    AppointmentRefusal.NOT_THE_DAY: QT_TRANSLATE_NOOP("Findings", "The technician reconfirms on the day of the visit."),
    AppointmentRefusal.NO_REASON: QT_TRANSLATE_NOOP("Findings", "Choose the reason for the reschedule from the list."),
    AppointmentRefusal.NO_REASON_TEXT: QT_TRANSLATE_NOOP("Findings", "Write the reason."),
    AppointmentRefusal.REASON_TOO_LONG: QT_TRANSLATE_NOOP("Findings", "The reason is longer than 500 characters."),
    AppointmentRefusal.BAD_WINDOW: QT_TRANSLATE_NOOP("Findings", "The window must last between 30 minutes and 12 hours."),
    AppointmentRefusal.WINDOW_IN_PAST: QT_TRANSLATE_NOOP("Findings", "The window is already over."),
    AppointmentRefusal.SAME_WINDOW: QT_TRANSLATE_NOOP("Findings", "That is the window it already has."),
    AppointmentRefusal.DIFFERENT_SITES: QT_TRANSLATE_NOOP("Findings", "Only visits to the same site can be merged."),
    AppointmentRefusal.SAME_APPOINTMENT: QT_TRANSLATE_NOOP("Findings", "Choose two different appointments."),
    AppointmentRefusal.NO_ORDERS: QT_TRANSLATE_NOOP("Findings", "Choose the orders the visit is for."),
    AppointmentRefusal.ALREADY_BOOKED: QT_TRANSLATE_NOOP("Findings", "Order %1 already has an open appointment."),
    AppointmentRefusal.ORDER_NOT_OPEN: QT_TRANSLATE_NOOP("Findings", "Order %1 is resolved or closed."),
    AppointmentRefusal.ORDERS_AT_OTHER_SITES: QT_TRANSLATE_NOOP("Findings", "One visit covers orders of one site only."),
    AppointmentRefusal.LOCKED: QT_TRANSLATE_NOOP("Findings", "The booking is pinned: unpin it first."),
    AppointmentRefusal.CHANGED_ELSEWHERE: QT_TRANSLATE_NOOP("Findings", "Someone else changed it meanwhile; look again."),
    AppointmentRefusal.RULES: QT_TRANSLATE_NOOP("Findings", "The booking rules do not allow it."),
    AppointmentRefusal.UNDER_WAY: QT_TRANSLATE_NOOP("Findings", "The visit starts now or has started: it stays where it is."),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("Findings", text)


def _hm(moment: datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def describe(finding: Finding, zone: ZoneInfo) -> str:
    d = finding.details
    text = _t(CONFLICTS[finding.conflict])
    if finding.conflict is Conflict.OVERLAP:
        text = text.replace("%1", d.get("other") or "—").replace("%2", _hm(d["start"], zone)).replace("%3", _hm(d["end"], zone))
    elif finding.conflict is Conflict.MISSING_SKILL:
        text = text.replace("%1", "、".join(labels.name(Skill(s)) for s in d["skills"] if s in Skill._value2member_map_))
    elif finding.conflict is Conflict.SLA_BREACH:
        text = text.replace("%1", str(d["late_minutes"])).replace("%2", d["due_at"].astimezone(zone).strftime("%m-%d %H:%M"))
    elif finding.conflict is Conflict.ON_BREAK:
        text = text.replace("%1", _hm(d["start"], zone)).replace("%2", _hm(d["end"], zone))
    elif finding.conflict is Conflict.TRAVEL_INFEASIBLE:
        text = text.replace("%1", str(d["needed_minutes"])).replace("%2", str(d["gap_minutes"]))
    elif finding.conflict is Conflict.OUTSIDE_WINDOW:
        text = text.replace("%1", _hm(d["window_start"], zone)).replace("%2", _hm(d["window_end"], zone))
    return text


def override_text(finding: Finding) -> str:
    return _t(OVERRIDES[finding.override])


def flag_text(flag: Flag) -> str:
    return _t(FLAGS[flag])


def refusal_text(refusal: AppointmentRefusal, detail: str = "") -> str:
    return _t(REFUSALS[refusal]).replace("%1", detail)
