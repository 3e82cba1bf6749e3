"""The field view's four tables as models (cells made when painted): exceptions, check-ins,
delivery and surveys. Texts in the FieldPanel's translation context; times in the desk's zone."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from console.core.domain.enums import OrderStatus, Respondent, SatisfactionRating
from console.core.domain.field import PAUSE
from console.core.services.field_views import CheckInRow, DeliveryRow, ExceptionRow, SurveyRow
from console.ui import labels

RED, AMBER, GREY, GREEN = QColor("#b91c1c"), QColor("#b45309"), QColor("#6b7280"), QColor("#15803d")
ORDER_ROLE = Qt.ItemDataRole.UserRole  # the order a row opens (double click)


def short_time(instant: datetime | None, zone: ZoneInfo) -> str:
    return "" if instant is None else f"{instant.astimezone(zone):%m-%d %H:%M}"


class FieldModel(QAbstractTableModel):
    """One list: `columns` are (title, cell text) pairs; a row's order is its ORDER_ROLE."""

    def __init__(self, zone: ZoneInfo, parent=None):
        super().__init__(parent)
        self.zone = zone
        self.rows: list[Any] = []
        self._bold = QFont()
        self._bold.setBold(True)

    TITLES: tuple[str, ...] = ()

    def titles(self) -> Sequence[str]:
        return [QCoreApplication.translate("FieldPanel", title) for title in self.TITLES]

    def cell(self, row: Any, column: int) -> str:
        raise NotImplementedError

    def order_of(self, row: Any) -> uuid.UUID:
        return row.order_id

    def colour(self, row: Any, column: int) -> QColor | None:
        return None

    def tip(self, row: Any, column: int) -> str:
        return ""

    def reset(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == ORDER_ROLE:
            return self.order_of(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self.colour(row, column)
        if role == Qt.ItemDataRole.FontRole and self.colour(row, column) == RED:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tip(row, column) or self.cell(row, column) or None
        return None


class ExceptionsModel(FieldModel):
    REPORTED, REASON, ARCHIVED, REISSUED, MINUTES, CLOCK, TECHNICIAN, NOTE = range(8)

    TITLES = (QT_TRANSLATE_NOOP("FieldPanel", "Reported"), QT_TRANSLATE_NOOP("FieldPanel", "Reason"),
              QT_TRANSLATE_NOOP("FieldPanel", "Order"), QT_TRANSLATE_NOOP("FieldPanel", "Re-issued as"),
              QT_TRANSLATE_NOOP("FieldPanel", "To re-issue"), QT_TRANSLATE_NOOP("FieldPanel", "SLA clock"),
              QT_TRANSLATE_NOOP("FieldPanel", "Technician"), QT_TRANSLATE_NOOP("FieldPanel", "Note"))
    def order_of(self, row: ExceptionRow) -> uuid.UUID:
        return row.carried_id

    def cell(self, row: ExceptionRow, column: int) -> str:
        if column == self.REPORTED:
            return short_time(row.reported_at, self.zone)
        if column == self.REASON:
            return labels.name(row.kind)
        if column == self.ARCHIVED:
            return row.number
        if column == self.REISSUED:
            return row.reissued_number or QCoreApplication.translate("FieldPanel", "kept (not re-issued)")
        if column == self.MINUTES:
            minutes = row.minutes_to_reissue
            if minutes is None:
                return ""
            return QCoreApplication.translate("FieldPanel", "%1 min").replace("%1", f"{minutes:.0f}" if minutes >= 10 else f"{minutes:.1f}")
        if column == self.CLOCK:
            if row.clock == PAUSE:
                return QCoreApplication.translate("FieldPanel", "Paused")
            return QCoreApplication.translate("FieldPanel", "Ran on")
        return row.technician if column == self.TECHNICIAN else row.note

    def colour(self, row: ExceptionRow, column: int) -> QColor | None:
        if column == self.CLOCK:
            return AMBER if row.clock == PAUSE else None
        if column == self.MINUTES and (row.minutes_to_reissue or 0) > 30:
            return RED  # slower than the old manual re-issue (seed 003: 15-30 minutes)
        return GREY if column == self.REISSUED and not row.reissued_number else None

    def tip(self, row: ExceptionRow, column: int) -> str:
        if column == self.REISSUED and row.reissued_number:
            text = QCoreApplication.translate("FieldPanel", "%1 re-issued as %2 (now %3); double-click to open it")
            return text.replace("%1", row.number).replace("%2", row.reissued_number).replace("%3", labels.name(row.status))
        return ""


class CheckInsModel(FieldModel):
    TIME, ORDER, CUSTOMER, TECHNICIAN, DISTANCE, PUNCTUALITY, SIGNED_OFF = range(7)

    TITLES = (QT_TRANSLATE_NOOP("FieldPanel", "Checked in"), QT_TRANSLATE_NOOP("FieldPanel", "Order"),
              QT_TRANSLATE_NOOP("FieldPanel", "Customer"), QT_TRANSLATE_NOOP("FieldPanel", "Technician"),
              QT_TRANSLATE_NOOP("FieldPanel", "Distance"), QT_TRANSLATE_NOOP("FieldPanel", "Against the window"),
              QT_TRANSLATE_NOOP("FieldPanel", "Signed off"))
    def cell(self, row: CheckInRow, column: int) -> str:
        if column == self.TIME:
            return short_time(row.at, self.zone)
        if column == self.ORDER:
            return row.number
        if column == self.CUSTOMER:
            return row.customer
        if column == self.TECHNICIAN:
            return row.technician
        if column == self.DISTANCE:
            if row.distance_m is None:
                return QCoreApplication.translate("FieldPanel", "no site position")
            text = QCoreApplication.translate("FieldPanel", "%1 m").replace("%1", f"{row.distance_m:,.0f}")
            return QCoreApplication.translate("FieldPanel", "%1, off site").replace("%1", text) if row.off_site else text
        if column == self.PUNCTUALITY:
            return punctuality_text(row)
        signed = row.signed_off
        return "" if signed is None else f"✓ {signed.by} {short_time(signed.at, self.zone)}: {signed.note}"

    def colour(self, row: CheckInRow, column: int) -> QColor | None:
        if row.signed_off is not None and column in (self.DISTANCE, self.PUNCTUALITY):
            return GREY  # looked at by a supervisor
        if column == self.DISTANCE and row.off_site:
            return RED
        if column == self.PUNCTUALITY and row.punctuality is not None:
            return RED if row.late else GREEN if row.punctuality.kept else AMBER
        return None

    def tip(self, row: CheckInRow, column: int) -> str:
        if column == self.SIGNED_OFF and row.signed_off is not None:
            return f"{row.signed_off.by}, {labels.local_time(row.signed_off.at, self.zone)}: {row.signed_off.note}"
        if column == self.PUNCTUALITY and row.window is not None:
            return QCoreApplication.translate("FieldPanel", "Appointment window %1").replace("%1", labels.local_window(*row.window, self.zone))
        return ""


def punctuality_text(row: CheckInRow) -> str:
    on_time = row.punctuality
    if on_time is None:
        return QCoreApplication.translate("FieldPanel", "no appointment")
    if on_time.kept:
        return QCoreApplication.translate("FieldPanel", "on time (kept)")
    if on_time.late_minutes:
        return QCoreApplication.translate("FieldPanel", "late by %1").replace("%1", _duration(on_time.late_minutes))
    return QCoreApplication.translate("FieldPanel", "early by %1").replace("%1", _duration(on_time.early_minutes))


def _duration(minutes: int) -> str:
    """"25 min" up to two hours, then "3 h", then "2 d"."""
    if minutes < 120:
        return QCoreApplication.translate("FieldPanel", "%1 min").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("FieldPanel", "%1 h").replace("%1", str(round(minutes / 60)))
    return QCoreApplication.translate("FieldPanel", "%1 d").replace("%1", str(round(minutes / 1440)))


class DeliveryModel(FieldModel):
    ORDER, CUSTOMER, STATUS, PING, SPEED, REPORT, SIGNATURE, BILLING = range(8)

    TITLES = (QT_TRANSLATE_NOOP("FieldPanel", "Order"), QT_TRANSLATE_NOOP("FieldPanel", "Customer"),
              QT_TRANSLATE_NOOP("FieldPanel", "Status"), QT_TRANSLATE_NOOP("FieldPanel", "Ping"),
              QT_TRANSLATE_NOOP("FieldPanel", "Speed"), QT_TRANSLATE_NOOP("FieldPanel", "Delivery report"),
              QT_TRANSLATE_NOOP("FieldPanel", "Signature"), QT_TRANSLATE_NOOP("FieldPanel", "Billing start"))
    def cell(self, row: DeliveryRow, column: int) -> str:
        if column == self.ORDER:
            return row.number
        if column == self.CUSTOMER:
            return row.customer
        if column == self.STATUS:
            return labels.name(row.status)
        if column == self.PING:
            return _number(row.tests.get("ping_ms"), QCoreApplication.translate("FieldPanel", "%1 ms"))
        if column == self.SPEED:
            down, up = _number(row.tests.get("down_mbps"), "%1"), _number(row.tests.get("up_mbps"), "%1")
            if not (down or up):
                return ""
            return QCoreApplication.translate("FieldPanel", "↓%1 ↑%2 Mbps").replace("%1", down or "–").replace("%2", up or "–")
        if column == self.REPORT:
            return row.report
        if column == self.SIGNATURE:
            return signature_text(row, self.zone)
        return short_time(row.billing_started_at, self.zone)

    def colour(self, row: DeliveryRow, column: int) -> QColor | None:
        if column == self.SIGNATURE:
            return GREEN if row.signature in ("on_site", "sms_link") else AMBER if row.signature in ("awaiting", "link_sent") else None
        if column == self.STATUS and row.status is OrderStatus.RESOLVED:
            return AMBER
        return None

    def tip(self, row: DeliveryRow, column: int) -> str:
        if column in (self.PING, self.SPEED) and row.tests:
            return ", ".join(f"{key}: {value}" for key, value in sorted(row.tests.items()))
        return ""


def signature_text(row: DeliveryRow, zone: ZoneInfo) -> str:
    if row.signature == "on_site":
        return QCoreApplication.translate("FieldPanel", "signed on site")
    if row.signature == "sms_link":
        return QCoreApplication.translate("FieldPanel", "signed through the link")
    if row.signature == "link_sent":
        return QCoreApplication.translate("FieldPanel", "link sent %1").replace("%1", short_time(row.link_sent_at, zone))
    return QCoreApplication.translate("FieldPanel", "awaiting the signature") if row.signature == "awaiting" else ""


class SurveysModel(FieldModel):
    ANSWERED, ORDER, CUSTOMER, RESPONDENT, RATING, COMMENT = range(6)

    TITLES = (QT_TRANSLATE_NOOP("FieldPanel", "Answered"), QT_TRANSLATE_NOOP("FieldPanel", "Order"),
              QT_TRANSLATE_NOOP("FieldPanel", "Customer"), QT_TRANSLATE_NOOP("FieldPanel", "From"),
              QT_TRANSLATE_NOOP("FieldPanel", "Rating"), QT_TRANSLATE_NOOP("FieldPanel", "Comment"))

    def cell(self, row: SurveyRow, column: int) -> str:
        if column == self.ANSWERED:
            return short_time(row.at, self.zone)
        if column == self.ORDER:
            return row.number
        if column == self.CUSTOMER:
            return row.customer
        if column == self.RESPONDENT:
            return respondent_text(row.respondent)
        return labels.name(row.rating) if column == self.RATING else row.comment

    def colour(self, row: SurveyRow, column: int) -> QColor | None:
        if column in (self.RATING, self.COMMENT, self.ORDER):
            return RED if row.rating is SatisfactionRating.DISSATISFIED else AMBER if row.rating is SatisfactionRating.NEUTRAL else None
        return None


def respondent_text(respondent: Respondent | None) -> str:
    if respondent is Respondent.CUSTOMER:
        return QCoreApplication.translate("FieldPanel", "Customer")
    return QCoreApplication.translate("FieldPanel", "Account manager") if respondent is Respondent.ACCOUNT_MANAGER else ""


def _number(value: Any, template: str) -> str:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return ""
    return template.replace("%1", f"{value:g}")


# The sizes the columns open at (sample texts), per model: thousands of rows are not measured.
SAMPLES: dict[type, dict[int, str]] = {
    ExceptionsModel: {0: "12-04 15:16", 1: "Optical box unusable", 2: "PR20261205000280", 3: "PR20261205000280", 4: "12.5 min",
                      5: "Paused", 6: "王建国"},
    CheckInsModel: {0: "12-04 15:16", 1: "PR20261205000280", 2: "上海华信生物医药有限公司", 3: "王建国", 4: "1,234 m, off site",
                    5: "on time (kept)"},
    DeliveryModel: {0: "PR20261205000280", 1: "上海华信生物医药有限公司", 2: "In progress", 3: "12.5 ms", 4: "↓98.5 ↑97.3 Mbps",
                    5: "DR0000000000", 6: "signed through the link"},
    SurveysModel: {0: "12-04 15:16", 1: "PR20261205000280", 2: "上海华信生物医药有限公司", 3: "Account manager", 4: "Very satisfied"},
}
