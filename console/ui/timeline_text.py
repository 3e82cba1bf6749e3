"""An order's time line in words: one line of HTML per moment (what, the details that matter, who),
an order it points to as a link (`order:<id>`), derived deadline moments marked as such."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.core.domain.callbacks import CallbackOutcome
from console.core.domain.enums import (
    AppointmentChangeKind,
    Band,
    CancelReason,
    ContactMethod,
    ExceptionKind,
    PauseReason,
    ProvisioningStep,
    RescheduleReason,
    SatisfactionRating,
    SlaStage,
)
from console.core.store.rows import TimelineEntry
from console.ui import labels, sla_format
from console.ui.callback_dialogs import outcome_name

_KINDS = {
    "sla.turned_amber": QT_TRANSLATE_NOOP("Timeline", "Turned amber"),
    "sla.turned_red": QT_TRANSLATE_NOOP("Timeline", "Turned red"),
    "sla.breached": QT_TRANSLATE_NOOP("Timeline", "Time limit passed"),
    "sla.response_late": QT_TRANSLATE_NOOP("Timeline", "Response limit passed"),
    "step.started": QT_TRANSLATE_NOOP("Timeline", "Department step reached"),
    "step.done": QT_TRANSLATE_NOOP("Timeline", "Department step done"),
    "order.billing_started": QT_TRANSLATE_NOOP("Timeline", "Billing started"),
    "order.accepted": QT_TRANSLATE_NOOP("Timeline", "Accepted"),
    "order.investigated": QT_TRANSLATE_NOOP("Timeline", "Network investigation recorded"),
    "order.resolved": QT_TRANSLATE_NOOP("Timeline", "Resolved"),
    "order.returned": QT_TRANSLATE_NOOP("Timeline", "Returned to the order system"),
}
_RESPONDENTS = {
    "customer": QT_TRANSLATE_NOOP("Timeline", "the customer"),
    "account_manager": QT_TRANSLATE_NOOP("Timeline", "the account manager"),
}
_CHANNELS = {
    "on_site": QT_TRANSLATE_NOOP("Timeline", "on site"),
    "sms_link": QT_TRANSLATE_NOOP("Timeline", "through the text-message link"),
}
_BANDS = {"sla.turned_amber": Band.AMBER, "sla.turned_red": Band.RED, "sla.breached": Band.BREACHED}


def _tr(text: str) -> str:
    return QCoreApplication.translate("Timeline", text)


def what(kind: str) -> str:
    """The name of a moment's kind in the desk's language."""
    if kind in _KINDS and labels.action(kind) == kind:
        return _tr(_KINDS[kind])
    if kind.startswith("appointment."):
        try:
            change = AppointmentChangeKind(kind.split(".", 1)[1])
        except ValueError:
            return labels.action(kind)
        return _tr("Appointment: %1").replace("%1", labels.name(change))
    return labels.action(kind)


def _enum_name(vocabulary, value: Any) -> str:
    try:
        return labels.name(vocabulary(value))
    except ValueError:
        return str(value)


def details(entry: TimelineEntry, zone: ZoneInfo) -> str:
    """The details that matter for this kind of moment, as plain text."""
    d, kind = entry.details, entry.kind
    if kind == "order.assigned":
        return str(d.get("assignee", ""))
    if kind == "order.created" and d.get("upstream_ref"):
        return _tr("order system ref. %1").replace("%1", str(d["upstream_ref"]))
    if kind == "order.cancelled" and d.get("cancel_reason"):
        return _enum_name(CancelReason, d["cancel_reason"])
    if kind == "field.check_in" and "distance_m" in d:
        return _tr("%1 m from the site").replace("%1", f"{float(d['distance_m']):.0f}")
    if kind == "field.exception":
        parts = [_enum_name(ExceptionKind, d["exception_kind"])] if d.get("exception_kind") else []
        if d.get("old_port") and d.get("new_port"):
            parts.append(_tr("port %1 → %2").replace("%1", str(d["old_port"])).replace("%2", str(d["new_port"])))
        return ", ".join(parts)
    if kind == "field.test_result" and "ping_ms" in d:
        return _tr("ping %1 ms, loss %2 %").replace("%1", str(d["ping_ms"])).replace("%2", str(d.get("loss_pct", 0)))
    if kind == "field.delivery_report" and d.get("report_no"):
        return str(d["report_no"])
    if kind == "field.signature" and d.get("channel") in _CHANNELS:
        return _tr(_CHANNELS[d["channel"]])
    if kind == "field.satisfaction" and d.get("rating"):
        who = _tr(_RESPONDENTS[d["respondent"]]) if d.get("respondent") in _RESPONDENTS else ""
        return " · ".join(x for x in (_enum_name(SatisfactionRating, d["rating"]), who) if x)
    if kind == "sla.paused" and d.get("reason"):
        parts = [_enum_name(PauseReason, d["reason"]), str(d.get("note", ""))]
        if d.get("approved_by"):
            parts.append(_tr("approved by %1").replace("%1", str(d["approved_by"])))
        return " · ".join(p for p in parts if p)
    if kind in ("step.started", "step.done") and d.get("step"):
        return f"{_enum_name(ProvisioningStep, d['step'])} · {d.get('department', '')}".rstrip(" ·")
    if kind in ("sla.turned_amber", "sla.turned_red", "sla.breached") and d.get("stage"):
        return labels.stage_name(SlaStage(d["stage"])) if d["stage"] in SlaStage._value2member_map_ else ""
    if kind.startswith("appointment."):
        return _appointment(d, zone)
    if kind.startswith("callback."):
        return _callback(d)
    return ""


def _callback(d: dict) -> str:
    """A satisfaction callback's step: the call's outcome and the customer's words, the remedy, the closing note."""
    outcome = outcome_name(CallbackOutcome(d["outcome"])) if d.get("outcome") in CallbackOutcome._value2member_map_ else ""
    return " · ".join(str(x) for x in (outcome, d.get("call_note"), d.get("remedy"), d.get("closing_note")) if x)


def _appointment(d: dict, zone: ZoneInfo) -> str:
    parts = []
    if d.get("new_start"):
        window = labels.local_window(d["new_start"], d.get("new_end"), zone)
        if d.get("old_start"):
            parts.append(f"{labels.local_time(d['old_start'], zone)} → {window}")
        else:
            parts.append(window)
    if d.get("old_technician") != d.get("new_technician") and d.get("new_technician"):
        parts.append(f"{d.get('old_technician') or ''} → {d['new_technician']}".lstrip(" →"))
    if d.get("reason"):
        parts.append(_enum_name(RescheduleReason, d["reason"]))
    if d.get("reason_text"):
        parts.append(str(d["reason_text"]))
    if d.get("contact_method"):
        parts.append(_enum_name(ContactMethod, d["contact_method"]))
    return " · ".join(parts)


def line(entry: TimelineEntry, zone: ZoneInfo) -> str:
    """One moment as HTML: what (coloured for a band), the details, the linked order, who."""
    title = escape(what(entry.kind))
    band = _BANDS.get(entry.kind)
    if band is not None:
        title = f"<span style='color: {sla_format.BAND_COLOURS[band].name()}'>{title}</span>"
    elif entry.kind == "field.check_in" and entry.details.get("off_site"):
        title = f"<span class='warn'>{title} · {escape(_tr('off site'))}</span>"
    elif entry.kind == "field.exception":
        title = f"<b>{title}</b>"
    text = details(entry, zone)
    html = title + (f" — {escape(text)}" if text else "")
    if entry.linked is not None:
        order_id, number = entry.linked
        word = _tr("re-issued from %1") if entry.kind == "order.created" else _tr("carried on as %1")
        html += " · " + escape(word).replace("%1", f"<a href='order:{order_id}'>{escape(number)}</a>")
    if entry.reason:
        html += f" <i>({escape(entry.reason)})</i>"
    who = entry.who
    if entry.kind == "field.satisfaction":
        who = None  # (the respondent is in the details; the technician only carried the survey)
    if who:
        html += f" <span class='muted' style='white-space: nowrap'>{escape(who)}</span>"  # (a name never split)
    if entry.derived:
        html += " <span class='muted'>" + escape(_tr("(from the deadline)")) + "</span>"
    return html


def time(instant: datetime, zone: ZoneInfo) -> str:
    return labels.local_time(instant, zone)
