"""The shift handover's words: section titles and each line said from the facts the draft (or the
signed record) keeps, in the desk's language and zone."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.core.domain.enums import Band, ExceptionKind
from console.core.services.handover_draft import Item
from console.ui import labels, sla_format

CONTEXT = "HandoverPage"
TITLES = {
    "at_risk": QT_TRANSLATE_NOOP("HandoverPage", "Orders at risk"),
    "exceptions": QT_TRANSLATE_NOOP("HandoverPage", "Field exceptions waiting"),
    "approvals": QT_TRANSLATE_NOOP("HandoverPage", "Long pauses to approve"),
    "alerts": QT_TRANSLATE_NOOP("HandoverPage", "Alerts nobody acknowledged"),
    "callbacks": QT_TRANSLATE_NOOP("HandoverPage", "Callbacks due"),
}


def title(key: str) -> str:
    return QCoreApplication.translate(CONTEXT, TITLES[key]) if key in TITLES else key


def shift_name(start: datetime, end: datetime, zone: ZoneInfo) -> str:
    """"Day shift 2026-11-23 08:00–20:00" (a shift starting between 06:00 and 18:00 is a day shift)."""
    local_start, local_end = start.astimezone(zone), end.astimezone(zone)
    if 6 <= local_start.hour < 18:
        name = QCoreApplication.translate("HandoverPage", "Day shift")
    else:
        name = QCoreApplication.translate("HandoverPage", "Night shift")
    return f"{name} {local_start:%Y-%m-%d %H:%M}–{local_end:%H:%M}"


def _when(value: object, zone: ZoneInfo, now: datetime | None = None) -> str:
    try:
        instant = datetime.fromisoformat(str(value))
    except ValueError:
        return ""
    local = instant.astimezone(zone)
    if now is not None and local.date() == now.astimezone(zone).date():
        return f"{local:%H:%M}"
    return f"{local:%m-%d %H:%M}"


def _enum_name(enum: type, value: str) -> str:
    try:
        return labels.name(enum(value))
    except ValueError:
        return value


def line(section: str, item: Item, zone: ZoneInfo, now: datetime | None = None) -> str:
    """What the line says of its order, in one line."""
    f = item.facts
    if section == "exceptions":
        parts = _exception_parts(f, zone, now)
    elif section == "approvals":
        parts = _approval_parts(f, zone, now)
    elif section == "callbacks":
        due = _when(f.get("due_at"), zone, now)
        if f.get("overdue"):
            parts = [QCoreApplication.translate("HandoverPage", "overdue since %1").replace("%1", due)]
        else:
            parts = [QCoreApplication.translate("HandoverPage", "due %1").replace("%1", due)]
        if f.get("comment"):
            parts.append(f"“{f['comment']}”")
    else:
        parts = _sla_parts(f, zone, now, section == "alerts")
    if section != "callbacks":
        parts.append(str(f.get("assignee") or "") or QCoreApplication.translate("HandoverPage", "no technician"))
    return " · ".join(p for p in parts if p)


def _exception_parts(f: dict, zone: ZoneInfo, now: datetime | None) -> list[str]:
    parts = [_enum_name(ExceptionKind, f.get("exception_kind", "")) or QCoreApplication.translate("HandoverPage", "exception"),
             QCoreApplication.translate("HandoverPage", "reported %1").replace("%1", _when(f.get("reported_at"), zone, now))]
    if f.get("reported_on"):
        parts.append(QCoreApplication.translate("HandoverPage", "re-issued from %1").replace("%1", str(f["reported_on"])))
    if f.get("paused"):
        parts.append(QCoreApplication.translate("HandoverPage", "clock paused"))
    else:
        parts.append(QCoreApplication.translate("HandoverPage", "not dispatched yet"))
    return parts


def _approval_parts(f: dict, zone: ZoneInfo, now: datetime | None) -> list[str]:
    parts = [QCoreApplication.translate("HandoverPage", "paused since %1").replace("%1", _when(f.get("paused_since"), zone, now))]
    when = _when(f.get("needs_approval_from"), zone, now)
    if f.get("awaiting"):
        parts.append(QCoreApplication.translate("HandoverPage", "awaits approval since %1").replace("%1", when))
    else:
        parts.append(QCoreApplication.translate("HandoverPage", "needs approval from %1").replace("%1", when))
    return parts


def _sla_parts(f: dict, zone: ZoneInfo, now: datetime | None, alert: bool) -> list[str]:
    parts = []
    try:
        parts.append(sla_format.band_name(Band(f.get("band"))))
    except ValueError:
        pass
    if f.get("paused"):
        parts.append(QCoreApplication.translate("HandoverPage", "paused"))
    if f.get("due_at"):
        due = _when(f["due_at"], zone, now)
        if f.get("band") == Band.BREACHED.value:
            parts.append(QCoreApplication.translate("HandoverPage", "was due %1").replace("%1", due))
        else:
            parts.append(QCoreApplication.translate("HandoverPage", "due %1").replace("%1", due))
    if alert:
        parts.append(QCoreApplication.translate("HandoverPage", "not acknowledged"))
    return parts


def band_of(item: Item) -> Band | None:
    try:
        return Band(item.facts.get("band"))
    except ValueError:
        return None
