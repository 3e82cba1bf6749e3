"""How SLA facts read on the desk: band names and colours, time left, the deadline explained."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale
from PySide6.QtGui import QColor

from console.core.domain.enums import Band, LimitUnit
from console.core.domain.sla_explain import Explanation, date_ranges, hours_for_people
from console.ui import labels

BAND_COLOURS = {
    Band.GREEN: QColor("#2e7d32"),
    Band.AMBER: QColor("#d97706"),
    Band.RED: QColor("#dc2626"),
    Band.BREACHED: QColor("#7f1d1d"),
}
PAUSED_COLOUR = QColor("#6b7280")
_BAND_NAMES = {
    Band.GREEN: QT_TRANSLATE_NOOP("Sla", "Green"),
    Band.AMBER: QT_TRANSLATE_NOOP("Sla", "Amber"),
    Band.RED: QT_TRANSLATE_NOOP("Sla", "Red"),
    Band.BREACHED: QT_TRANSLATE_NOOP("Sla", "Breached"),
}


def band_name(band: Band) -> str:
    return QCoreApplication.translate("Sla", _BAND_NAMES[band])


def duration(delta: timedelta) -> str:
    """'2:05:09' under a day, '3d 04:10' beyond; negative with a minus sign."""
    seconds = int(delta.total_seconds())
    sign = "-" if seconds < 0 else ""
    seconds = abs(seconds)
    days, rest = divmod(seconds, 86400)
    hours, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return sign + QCoreApplication.translate("Sla", "%1d %2").replace("%1", str(days)).replace("%2", f"{hours:02d}:{minutes:02d}")
    return f"{sign}{hours}:{minutes:02d}:{secs:02d}"


def time_left_text(left: timedelta, business: bool, hours_per_day: timedelta) -> str:
    """Clock limits count in days of 24 hours; business limits in working days ("wd") of business
    hours. Past the deadline it says so in words ("overdue 2 wd 3:10"), the same in the queue and
    the order's details."""
    if left < timedelta(0):
        return QCoreApplication.translate("Sla", "overdue %1").replace("%1", time_left_text(-left, business, hours_per_day))
    if not business:
        return duration(left)
    days, rest = divmod(int(left.total_seconds()), int(hours_per_day.total_seconds()))
    hours_, rest = divmod(rest, 3600)
    minutes, secs = divmod(rest, 60)
    if days:
        return QCoreApplication.translate("Sla", "%1 wd %2").replace("%1", str(days)).replace("%2", f"{hours_}:{minutes:02d}")
    return f"{hours_}:{minutes:02d}:{secs:02d}"


def hours(delta: timedelta) -> str:
    """'3.04', '7.5', '64': hours to the hundredth, no trailing zeros."""
    return _number(hours_for_people(delta))


def _day(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), QCoreApplication.translate("Sla", "d MMM"))


def _moment(instant: datetime, zone: ZoneInfo) -> str:
    local = instant.astimezone(zone)
    qdate = QDate(local.year, local.month, local.day)
    return QLocale().toString(qdate, QCoreApplication.translate("Sla", "ddd d MMM yyyy")) + f" {local:%H:%M}"


def _number(value: Decimal) -> str:
    return f"{value.normalize():f}"


def explanation_lines(e: Explanation, zone: ZoneInfo) -> list[str]:
    """The deadline in words, step by step, in the desk's language."""
    unit = {
        LimitUnit.WORKING_DAYS: QCoreApplication.translate("Sla", "working days"),
        LimitUnit.HOURS: QCoreApplication.translate("Sla", "hours"),
        LimitUnit.MINUTES: QCoreApplication.translate("Sla", "minutes"),
    }[e.unit]
    grade = labels.grade_name(e.grade)
    lines = [
        QCoreApplication.translate("Sla", "%1 %2 limit for %3: %4 %5").replace("%1", labels.name(e.kind)).replace("%2", labels.stage_name(e.stage))
        .replace("%3", grade).replace("%4", _number(e.rule_amount)).replace("%5", unit)
    ]
    if e.exact is not None:
        lines.append(
            QCoreApplication.translate("Sla", "%1 access points, more than %2: %3 x %1/%2 = %4 -> %5 %6 (rounded up to the next half day)")
            .replace("%1", str(e.access_points)).replace("%2", str(e.per_unit)).replace("%3", _number(e.rule_amount))
            .replace("%4", _number(e.exact.quantize(Decimal("0.01")))).replace("%5", _number(e.amount)).replace("%6", unit)
        )
    if e.hours_per_day is not None:
        lines.append(
            QCoreApplication.translate("Sla", "%1 working days = %2 business hours (%3 hours a working day)")
            .replace("%1", _number(e.amount)).replace("%2", hours(e.limit)).replace("%3", hours(e.hours_per_day))
        )
    else:
        lines.append(QCoreApplication.translate("Sla", "Counted on the clock, 24 hours a day, 7 days a week"))
    lines.append(QCoreApplication.translate("Sla", "Clock started %1").replace("%1", _moment(e.started_at, zone)))
    for first, last in date_ranges(e.days_off):
        span = _day(first) if first == last else f"{_day(first)}–{_day(last)}"
        lines.append(QCoreApplication.translate("Sla", "%1: public holiday, not counted").replace("%1", span))
    for day in e.make_up_days:
        lines.append(QCoreApplication.translate("Sla", "%1 (%2): make-up working day, counted").replace("%1", _day(day)).replace("%2", QLocale().dayName(day.isoweekday())))
    if e.paused > timedelta(0):
        lines.append(QCoreApplication.translate("Sla", "Paused %1 h, added back").replace("%1", hours(e.paused)))
    if e.uncredited_pause > timedelta(0):
        lines.append(QCoreApplication.translate("Sla", "Paused %1 h beyond the approval limit without a supervisor's approval: counted").replace("%1", hours(e.uncredited_pause)))
    lines.append(QCoreApplication.translate("Sla", "Due %1").replace("%1", _moment(e.due_at, zone)))
    for year in e.provisional_years:
        lines.append(QCoreApplication.translate("Sla", "The official %1 holiday schedule is not known yet: this deadline is provisional until it is imported").replace("%1", str(year)))
    return lines
