"""The rules of an appointment's life: booking, confirmation, reschedule (改约), cancellation, merging."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from console.core.domain.enums import AppointmentStatus, RescheduleReason

OPEN = frozenset({AppointmentStatus.PROPOSED, AppointmentStatus.CONFIRMED, AppointmentStatus.RECONFIRMED})
MIN_WINDOW = timedelta(minutes=30)
MAX_WINDOW = timedelta(hours=12)
FREE_TEXT_LIMIT = 500


class AppointmentRefusal(StrEnum):
    NOT_FOUND = "not_found"
    NOT_OPEN = "not_open"  # kept, missed or cancelled: nothing more to do with it
    ALREADY_CONFIRMED = "already_confirmed"
    NOT_CONFIRMED = "not_confirmed"  # a reconfirmation needs the customer's confirmation first
    NOT_THE_DAY = "not_the_day"  # the technician reconfirms on the day of the visit
    NO_REASON = "no_reason"  # a reschedule needs a reason from the list
    NO_REASON_TEXT = "no_reason_text"  # "other" needs words
    REASON_TOO_LONG = "reason_too_long"
    BAD_WINDOW = "bad_window"  # ends before it starts, too short or too long
    WINDOW_IN_PAST = "window_in_past"
    SAME_WINDOW = "same_window"
    DIFFERENT_SITES = "different_sites"
    SAME_APPOINTMENT = "same_appointment"
    NO_ORDERS = "no_orders"
    ALREADY_BOOKED = "already_booked"  # the order already has an open appointment
    ORDER_NOT_OPEN = "order_not_open"
    ORDERS_AT_OTHER_SITES = "orders_at_other_sites"
    LOCKED = "locked"  # unlock before moving a pinned booking
    CHANGED_ELSEWHERE = "changed_elsewhere"
    RULES = "rules"  # the booking rules stop it (see the findings)
    UNDER_WAY = "under_way"  # the visit starts now or has started: a plan does not move it


def window_refusal(start: datetime, end: datetime, now: datetime) -> AppointmentRefusal | None:
    if start.tzinfo is None or end.tzinfo is None or not (MIN_WINDOW <= end - start <= MAX_WINDOW):
        return AppointmentRefusal.BAD_WINDOW
    if end <= now:
        return AppointmentRefusal.WINDOW_IN_PAST
    return None


def confirm_refusal(status: AppointmentStatus) -> AppointmentRefusal | None:
    if status not in OPEN:
        return AppointmentRefusal.NOT_OPEN
    if status is not AppointmentStatus.PROPOSED:
        return AppointmentRefusal.ALREADY_CONFIRMED
    return None


def reconfirm_refusal(status: AppointmentStatus, window_start: datetime, now: datetime, zone: ZoneInfo) -> AppointmentRefusal | None:
    if status not in OPEN:
        return AppointmentRefusal.NOT_OPEN
    if status is AppointmentStatus.PROPOSED:
        return AppointmentRefusal.NOT_CONFIRMED
    if status is AppointmentStatus.RECONFIRMED:
        return AppointmentRefusal.ALREADY_CONFIRMED
    if _local_day(window_start, zone) != _local_day(now, zone):
        return AppointmentRefusal.NOT_THE_DAY
    return None


def reschedule_refusal(status: AppointmentStatus, reason: RescheduleReason | str | None, text: str,
                       old: tuple[datetime, datetime], new: tuple[datetime, datetime], now: datetime) -> AppointmentRefusal | None:
    if status not in OPEN:
        return AppointmentRefusal.NOT_OPEN
    refusal = reason_refusal(reason, text)
    if refusal:
        return refusal
    refusal = window_refusal(*new, now)
    if refusal:
        return refusal
    if tuple(old) == tuple(new):
        return AppointmentRefusal.SAME_WINDOW
    return None


def reason_refusal(reason: RescheduleReason | str | None, text: str) -> AppointmentRefusal | None:
    if reason is None or reason == "" or str(reason) not in RescheduleReason._value2member_map_:
        return AppointmentRefusal.NO_REASON
    if len(text) > FREE_TEXT_LIMIT:
        return AppointmentRefusal.REASON_TOO_LONG
    if RescheduleReason(reason) is RescheduleReason.OTHER and not text.strip():
        return AppointmentRefusal.NO_REASON_TEXT
    return None


def cancel_refusal(status: AppointmentStatus, text: str) -> AppointmentRefusal | None:
    if status not in OPEN:
        return AppointmentRefusal.NOT_OPEN
    if not text.strip():
        return AppointmentRefusal.NO_REASON_TEXT
    if len(text) > FREE_TEXT_LIMIT:
        return AppointmentRefusal.REASON_TOO_LONG
    return None


def may_pause_sla(reason: RescheduleReason | str) -> bool:
    """Only the customer's own request stops the clock (through the pause rules, never silently)."""
    return RescheduleReason(reason) is RescheduleReason.CUSTOMER_REQUEST


@dataclass(frozen=True)
class VisitFacts:
    appointment_id: uuid.UUID
    site_id: uuid.UUID
    window_start: datetime
    status: AppointmentStatus


@dataclass(frozen=True)
class MergeSuggestion:
    keep: uuid.UUID
    absorb: uuid.UUID
    site_id: uuid.UUID
    day: date


def merge_suggestions(visits: list[VisitFacts], zone: ZoneInfo) -> list[MergeSuggestion]:
    """Open visits to the same site on the same local day that could be one visit: two teams
    about to call on the same customer separately. The earlier booking is kept."""
    by_key: dict[tuple[uuid.UUID, date], list[VisitFacts]] = {}
    for v in visits:
        if v.status in OPEN:
            by_key.setdefault((v.site_id, _local_day(v.window_start, zone)), []).append(v)
    found = []
    for (site_id, day), group in sorted(by_key.items(), key=lambda kv: (kv[0][1], str(kv[0][0]))):
        group.sort(key=lambda v: (v.window_start, str(v.appointment_id)))
        keep = group[0]
        found.extend(MergeSuggestion(keep.appointment_id, other.appointment_id, site_id, day) for other in group[1:])
    return found


def _local_day(moment: datetime, zone: ZoneInfo) -> date:
    return moment.astimezone(zone).date()
