"""Translated names of the domain's vocabularies, and the desk's time formatting."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.core.domain.alerts import AlertKind
from console.core.domain.enums import (
    AppointmentChangeKind,
    AppointmentStatus,
    Assurance,
    CancelReason,
    ContactMethod,
    CustomerLevel,
    ExceptionKind,
    OrderKind,
    OrderStatus,
    PauseReason,
    ProvisioningStep,
    RescheduleReason,
    Role,
    SatisfactionRating,
    ServiceType,
    Skill,
    SlaStage,
)
from console.core.domain.lifecycle import Refusal
from console.core.store.database import DiskFailure
from console.sync.capture import TooLarge

# Pairs, not a dict literal: members of different vocabularies can share a value ("survey").
_PAIRS: list[tuple[StrEnum, str]] = [
    (AlertKind.RED, QT_TRANSLATE_NOOP("Labels", "Red")),
    (AlertKind.BREACHED, QT_TRANSLATE_NOOP("Labels", "Late")),
    (AlertKind.LONG_PAUSE, QT_TRANSLATE_NOOP("Labels", "Long pause")),
    (AlertKind.OFF_SITE, QT_TRANSLATE_NOOP("Labels", "Off-site check-in")),
    (AlertKind.EXCEPTION, QT_TRANSLATE_NOOP("Labels", "Exception waiting")),
    (AlertKind.CALLBACK_OVERDUE, QT_TRANSLATE_NOOP("Labels", "Callback overdue")),
    (OrderKind.SURVEY, QT_TRANSLATE_NOOP("Labels", "Survey")),
    (OrderKind.PROVISIONING, QT_TRANSLATE_NOOP("Labels", "Provisioning")),
    (OrderKind.FAULT, QT_TRANSLATE_NOOP("Labels", "Fault")),
    (OrderKind.COMPLAINT, QT_TRANSLATE_NOOP("Labels", "Complaint")),
    (OrderStatus.NEW, QT_TRANSLATE_NOOP("Labels", "New")),
    (OrderStatus.DISPATCHED, QT_TRANSLATE_NOOP("Labels", "Dispatched")),
    (OrderStatus.ACCEPTED, QT_TRANSLATE_NOOP("Labels", "Accepted")),
    (OrderStatus.IN_PROGRESS, QT_TRANSLATE_NOOP("Labels", "In progress")),
    (OrderStatus.RESOLVED, QT_TRANSLATE_NOOP("Labels", "Resolved")),
    (OrderStatus.CLOSED, QT_TRANSLATE_NOOP("Labels", "Closed")),
    (OrderStatus.CANCELLED, QT_TRANSLATE_NOOP("Labels", "Cancelled")),
    (OrderStatus.SUPERSEDED, QT_TRANSLATE_NOOP("Labels", "Superseded")),
    (CustomerLevel.KEY, QT_TRANSLATE_NOOP("Labels", "Key assurance")),
    (CustomerLevel.DIAMOND, QT_TRANSLATE_NOOP("Labels", "Diamond")),
    (CustomerLevel.GOLD, QT_TRANSLATE_NOOP("Labels", "Gold")),
    (CustomerLevel.SILVER, QT_TRANSLATE_NOOP("Labels", "Silver")),
    (CustomerLevel.BRONZE, QT_TRANSLATE_NOOP("Labels", "Bronze")),
    (Assurance.AAA, QT_TRANSLATE_NOOP("Labels", "AAA")),
    (Assurance.AA, QT_TRANSLATE_NOOP("Labels", "AA")),
    (Assurance.A, QT_TRANSLATE_NOOP("Labels", "A")),
    (Assurance.ORDINARY, QT_TRANSLATE_NOOP("Labels", "Ordinary")),
    (ServiceType.INTERNET_LINE, QT_TRANSLATE_NOOP("Labels", "Dedicated internet line")),
    (ServiceType.DATA_LINE, QT_TRANSLATE_NOOP("Labels", "Data private line")),
    (ServiceType.MPLS_VPN, QT_TRANSLATE_NOOP("Labels", "MPLS VPN")),
    (ServiceType.SD_WAN, QT_TRANSLATE_NOOP("Labels", "SD-WAN")),
    (ServiceType.CLOUD_LINE, QT_TRANSLATE_NOOP("Labels", "Cloud private line")),
    (ServiceType.VOICE_TRUNK, QT_TRANSLATE_NOOP("Labels", "Voice trunk")),
    (ProvisioningStep.RESOURCE_CHECK, QT_TRANSLATE_NOOP("Labels", "Resource check")),
    (ProvisioningStep.CONSTRUCTION, QT_TRANSLATE_NOOP("Labels", "Construction")),
    (ProvisioningStep.CONFIGURATION, QT_TRANSLATE_NOOP("Labels", "Configuration")),
    (ProvisioningStep.INSTALLATION, QT_TRANSLATE_NOOP("Labels", "On-site installation")),
    (ProvisioningStep.TEST_DELIVERY, QT_TRANSLATE_NOOP("Labels", "Test and delivery")),
    (AppointmentStatus.PROPOSED, QT_TRANSLATE_NOOP("Labels", "Proposed")),
    (AppointmentStatus.CONFIRMED, QT_TRANSLATE_NOOP("Labels", "Confirmed")),
    (AppointmentStatus.RECONFIRMED, QT_TRANSLATE_NOOP("Labels", "Reconfirmed on the day")),
    (AppointmentStatus.KEPT, QT_TRANSLATE_NOOP("Labels", "Kept")),
    (AppointmentStatus.MISSED, QT_TRANSLATE_NOOP("Labels", "Missed")),
    (AppointmentStatus.CANCELLED, QT_TRANSLATE_NOOP("Labels", "Cancelled")),
    (AppointmentChangeKind.BOOKED, QT_TRANSLATE_NOOP("Labels", "Booked")),
    (AppointmentChangeKind.CONFIRMED, QT_TRANSLATE_NOOP("Labels", "Confirmed")),
    (AppointmentChangeKind.RESCHEDULED, QT_TRANSLATE_NOOP("Labels", "Rescheduled")),
    (AppointmentChangeKind.RECONFIRMED, QT_TRANSLATE_NOOP("Labels", "Reconfirmed on the day")),
    (AppointmentChangeKind.CANCELLED, QT_TRANSLATE_NOOP("Labels", "Cancelled")),
    (AppointmentChangeKind.MERGED, QT_TRANSLATE_NOOP("Labels", "Merged into one visit")),
    (AppointmentChangeKind.MOVED, QT_TRANSLATE_NOOP("Labels", "Moved on the board")),
    (AppointmentChangeKind.LOCKED, QT_TRANSLATE_NOOP("Labels", "Pinned")),
    (AppointmentChangeKind.UNLOCKED, QT_TRANSLATE_NOOP("Labels", "Unpinned")),
    (ContactMethod.PHONE, QT_TRANSLATE_NOOP("Labels", "Phone")),
    (ContactMethod.SMS, QT_TRANSLATE_NOOP("Labels", "Text message")),
    (ContactMethod.IN_PERSON, QT_TRANSLATE_NOOP("Labels", "In person")),
    (RescheduleReason.CUSTOMER_REQUEST, QT_TRANSLATE_NOOP("Labels", "Customer asked")),
    (RescheduleReason.CUSTOMER_UNREACHABLE, QT_TRANSLATE_NOOP("Labels", "Customer unreachable")),
    (RescheduleReason.SITE_NOT_READY, QT_TRANSLATE_NOOP("Labels", "Site not ready")),
    (RescheduleReason.TECHNICIAN_UNAVAILABLE, QT_TRANSLATE_NOOP("Labels", "Technician unavailable")),
    (RescheduleReason.MATERIAL_MISSING, QT_TRANSLATE_NOOP("Labels", "Material missing")),
    (RescheduleReason.WEATHER, QT_TRANSLATE_NOOP("Labels", "Weather")),
    (RescheduleReason.OTHER, QT_TRANSLATE_NOOP("Labels", "Other")),
    (PauseReason.CUSTOMER_NOT_READY, QT_TRANSLATE_NOOP("Labels", "Customer not ready")),
    (PauseReason.CUSTOMER_POSTPONED, QT_TRANSLATE_NOOP("Labels", "Customer asked to postpone")),
    (PauseReason.FIELD_EXCEPTION, QT_TRANSLATE_NOOP("Labels", "Field exception")),
    (ExceptionKind.FIBER_PORT_BROKEN, QT_TRANSLATE_NOOP("Labels", "Fiber port broken")),
    (ExceptionKind.FIBER_PORT_TAKEN, QT_TRANSLATE_NOOP("Labels", "Fiber port taken")),
    (ExceptionKind.OPTICAL_BOX_UNUSABLE, QT_TRANSLATE_NOOP("Labels", "Optical box unusable")),
    (SatisfactionRating.VERY_SATISFIED, QT_TRANSLATE_NOOP("Labels", "Very satisfied")),
    (SatisfactionRating.SATISFIED, QT_TRANSLATE_NOOP("Labels", "Satisfied")),
    (SatisfactionRating.NEUTRAL, QT_TRANSLATE_NOOP("Labels", "Neutral")),
    (SatisfactionRating.DISSATISFIED, QT_TRANSLATE_NOOP("Labels", "Dissatisfied")),
    (Role.DISPATCHER, QT_TRANSLATE_NOOP("Labels", "Dispatcher")),
    (Role.SUPERVISOR, QT_TRANSLATE_NOOP("Labels", "Supervisor")),
    (Role.ADMIN, QT_TRANSLATE_NOOP("Labels", "Administrator")),
    (Role.TECHNICIAN, QT_TRANSLATE_NOOP("Labels", "Technician")),
    (Skill.SURVEY, QT_TRANSLATE_NOOP("Labels", "Site survey")),
    (Skill.FIBER_SPLICING, QT_TRANSLATE_NOOP("Labels", "Fiber splicing")),
    (Skill.INSTALLATION, QT_TRANSLATE_NOOP("Labels", "Installation")),
    (Skill.DATA_CONFIG, QT_TRANSLATE_NOOP("Labels", "Data configuration")),
    (Skill.TRANSMISSION, QT_TRANSLATE_NOOP("Labels", "Transmission")),
    (Skill.TESTING, QT_TRANSLATE_NOOP("Labels", "Testing")),
    (Skill.FAULT_REPAIR, QT_TRANSLATE_NOOP("Labels", "Fault repair")),
    (Skill.VOICE, QT_TRANSLATE_NOOP("Labels", "Voice")),
    (Refusal.NOT_OPEN, QT_TRANSLATE_NOOP("Labels", "the order is closed")),
    (Refusal.ON_SITE, QT_TRANSLATE_NOOP("Labels", "the technician is on site; hand the order over in the field first")),
    (Refusal.RESOLVED, QT_TRANSLATE_NOOP("Labels", "the order is resolved and waits for the customer's signature")),
    (Refusal.ALREADY_PAUSED, QT_TRANSLATE_NOOP("Labels", "the clock is already paused")),
    (Refusal.NOT_PAUSED, QT_TRANSLATE_NOOP("Labels", "the clock is not paused")),
    (Refusal.ALREADY_APPROVED, QT_TRANSLATE_NOOP("Labels", "the pause is already approved")),
    (Refusal.NOT_SUPERVISOR, QT_TRANSLATE_NOOP("Labels", "only a shift supervisor may approve a long pause")),
    (Refusal.BAD_PRIORITY, QT_TRANSLATE_NOOP("Labels", "the priority must be between 1 and 5")),
    (Refusal.TECHNICIAN_INACTIVE, QT_TRANSLATE_NOOP("Labels", "the technician is no longer active")),
    (Refusal.CHANGED_ELSEWHERE, QT_TRANSLATE_NOOP("Labels", "the order was changed elsewhere; look at it again")),
    (Refusal.NOT_FOUND, QT_TRANSLATE_NOOP("Labels", "the order no longer exists")),
    (Refusal.NOT_ASSIGNED, QT_TRANSLATE_NOOP("Labels", "the order has no technician")),
    (Refusal.ACCEPTED, QT_TRANSLATE_NOOP("Labels", "the technician has accepted the order; hand it over in the field first")),
    (Refusal.NOT_ACCEPTED, QT_TRANSLATE_NOOP("Labels", "the order is not accepted yet")),
    (Refusal.NOT_STARTED, QT_TRANSLATE_NOOP("Labels", "the work has not started yet")),
    (Refusal.ALREADY_STARTED, QT_TRANSLATE_NOOP("Labels", "the work has already started")),
    (Refusal.NOT_RESOLVED, QT_TRANSLATE_NOOP("Labels", "the order is not resolved yet")),
    (Refusal.ALREADY_RETURNED, QT_TRANSLATE_NOOP("Labels", "the completion was already returned to the order system")),
    (Refusal.NEEDS_SIGNATURE, QT_TRANSLATE_NOOP("Labels", "a provisioning order is completed by the delivery report and closed by the customer's signature")),
    (Refusal.NOT_INVESTIGATED, QT_TRANSLATE_NOOP("Labels", "record the network investigation first")),
    (Refusal.ALREADY_INVESTIGATED, QT_TRANSLATE_NOOP("Labels", "the investigation is already recorded")),
    (Refusal.NOT_COMPLAINT, QT_TRANSLATE_NOOP("Labels", "only a complaint has an investigation stage")),
    (Refusal.NO_STEPS, QT_TRANSLATE_NOOP("Labels", "the order has no department step running")),
    (Refusal.STEP_NOT_CURRENT, QT_TRANSLATE_NOOP("Labels", "that step is not the one running")),
    (Refusal.STEP_DONE, QT_TRANSLATE_NOOP("Labels", "that step is already done")),
    (CancelReason.CUSTOMER_WITHDREW, QT_TRANSLATE_NOOP("Labels", "The customer withdrew it")),
    (CancelReason.DUPLICATE, QT_TRANSLATE_NOOP("Labels", "Ordered twice")),
    (CancelReason.UPSTREAM_CANCELLED, QT_TRANSLATE_NOOP("Labels", "Withdrawn by the order system")),
    (CancelReason.NOT_FEASIBLE, QT_TRANSLATE_NOOP("Labels", "No resource can serve the site")),
    (CancelReason.OTHER, QT_TRANSLATE_NOOP("Labels", "Other reason")),
]
_NAMES: dict[tuple[type, str], str] = {(type(member), member.value): text for member, text in _PAIRS}

_STAGES = {
    SlaStage.TOTAL: QT_TRANSLATE_NOOP("Labels", "overall"),
    SlaStage.RESOURCE_CHECK: QT_TRANSLATE_NOOP("Labels", "resource check"),
    SlaStage.CONSTRUCTION: QT_TRANSLATE_NOOP("Labels", "construction"),
    SlaStage.CONFIGURATION: QT_TRANSLATE_NOOP("Labels", "configuration"),
    SlaStage.INSTALLATION: QT_TRANSLATE_NOOP("Labels", "on-site installation"),
    SlaStage.TEST_DELIVERY: QT_TRANSLATE_NOOP("Labels", "test and delivery"),
    SlaStage.RESPONSE: QT_TRANSLATE_NOOP("Labels", "response"),
    SlaStage.RESTORATION: QT_TRANSLATE_NOOP("Labels", "restoration"),
    SlaStage.ACCEPT: QT_TRANSLATE_NOOP("Labels", "acceptance"),
    SlaStage.INVESTIGATE: QT_TRANSLATE_NOOP("Labels", "investigation"),
    SlaStage.FEEDBACK: QT_TRANSLATE_NOOP("Labels", "feedback"),
}

# History actions: audit actions and field events.
_ACTIONS = {
    "order.created": QT_TRANSLATE_NOOP("Labels", "Order received"),
    "order.assigned": QT_TRANSLATE_NOOP("Labels", "Assigned"),
    "order.unassigned": QT_TRANSLATE_NOOP("Labels", "Taken back from the technician"),
    "order.superseded": QT_TRANSLATE_NOOP("Labels", "Archived and re-issued"),
    "order.cancelled": QT_TRANSLATE_NOOP("Labels", "Cancelled"),
    "order.closed": QT_TRANSLATE_NOOP("Labels", "Closed"),
    "order.accepted": QT_TRANSLATE_NOOP("Labels", "Accepted"),
    "order.started": QT_TRANSLATE_NOOP("Labels", "Work started"),
    "order.investigated": QT_TRANSLATE_NOOP("Labels", "Network investigation recorded"),
    "order.resolved": QT_TRANSLATE_NOOP("Labels", "Resolved"),
    "order.returned": QT_TRANSLATE_NOOP("Labels", "Returned to the order system"),
    "order.step_done": QT_TRANSLATE_NOOP("Labels", "Department step done"),
    "order.step_chased": QT_TRANSLATE_NOOP("Labels", "Department chased"),
    "sla.paused": QT_TRANSLATE_NOOP("Labels", "SLA clock paused"),
    "sla.resumed": QT_TRANSLATE_NOOP("Labels", "SLA clock resumed"),
    "sla.pause_approved": QT_TRANSLATE_NOOP("Labels", "Long pause approved"),
    "order.priority": QT_TRANSLATE_NOOP("Labels", "Priority changed"),
    "appointment.booked": QT_TRANSLATE_NOOP("Labels", "Appointment booked"),
    "appointment.rescheduled": QT_TRANSLATE_NOOP("Labels", "Appointment rescheduled"),
    "field.check_in": QT_TRANSLATE_NOOP("Labels", "Check-in on site"),
    "field.exception": QT_TRANSLATE_NOOP("Labels", "Field exception"),
    "field.test_result": QT_TRANSLATE_NOOP("Labels", "Test results"),
    "field.delivery_report": QT_TRANSLATE_NOOP("Labels", "Delivery report"),
    "field.signature": QT_TRANSLATE_NOOP("Labels", "Customer signed"),
    "field.satisfaction": QT_TRANSLATE_NOOP("Labels", "Satisfaction survey"),
    "field.check_in_signed_off": QT_TRANSLATE_NOOP("Labels", "Check-in signed off"),
    "field.signature_link_sent": QT_TRANSLATE_NOOP("Labels", "Signature link sent"),
    "field.exception_rule_changed": QT_TRANSLATE_NOOP("Labels", "Field exception rule changed"),
    "alert.acknowledged": QT_TRANSLATE_NOOP("Labels", "Alert acknowledged"),
    "alert.escalated": QT_TRANSLATE_NOOP("Labels", "Alert escalated to the supervisors"),
    "callback.taken": QT_TRANSLATE_NOOP("Labels", "Satisfaction callback taken"),
    "callback.assigned": QT_TRANSLATE_NOOP("Labels", "Satisfaction callback assigned"),
    "callback.called": QT_TRANSLATE_NOOP("Labels", "Customer called back"),
    "callback.remedy": QT_TRANSLATE_NOOP("Labels", "Callback remedy recorded"),
    "callback.closed": QT_TRANSLATE_NOOP("Labels", "Callback remedy closed"),
}


def name(value: StrEnum | None) -> str:
    """The translated name of a vocabulary value ('' for None)."""
    if value is None:
        return ""
    return QCoreApplication.translate("Labels", _NAMES.get((type(value), value.value), str(value)))


def stage_name(stage: SlaStage) -> str:
    return QCoreApplication.translate("Labels", _STAGES[stage])


def grade_name(grade: str) -> str:
    """A rule's grade: a customer level, an assurance level, or any."""
    for vocabulary in (CustomerLevel, Assurance):
        try:
            return name(vocabulary(grade))
        except ValueError:
            continue
    return QCoreApplication.translate("Labels", "every level")


def action(code: str) -> str:
    return QCoreApplication.translate("Labels", _ACTIONS[code]) if code in _ACTIONS else code


def local_time(instant: datetime | None, zone: ZoneInfo, with_date: bool = True) -> str:
    if instant is None:
        return ""
    local = instant.astimezone(zone)
    return local.strftime("%Y-%m-%d %H:%M" if with_date else "%H:%M")


def local_window(start: datetime | None, end: datetime | None, zone: ZoneInfo) -> str:
    if start is None:
        return ""
    if end is None:
        return local_time(start, zone)
    return f"{local_time(start, zone)}–{local_time(end, zone, with_date=False)}"


def saving_failure(error: Exception) -> str:
    """Why a change was not saved, for a person (an error of a kind with words here, else its message)."""
    if isinstance(error, TooLarge):
        return (QCoreApplication.translate("Labels", "one action may change at most %1 rows, this one would change %2: "
                                                     "do it in smaller parts (fewer orders at a time).")
                .replace("%1", str(error.limit)).replace("%2", str(error.rows)))
    if isinstance(error, DiskFailure):
        return disk_failure_text(error)
    return str(error)


def disk_failure_text(error: DiskFailure) -> str:
    """The desk's disk refused a write (nothing of the action was saved), for a person."""
    if error.kind == "disk_full":
        return QCoreApplication.translate("Labels", "the disk of this computer is full, so nothing was saved. Free some space "
                                                    "(or ask IT to), then do it again: your earlier work is safe.")
    return QCoreApplication.translate("Labels", "the disk of this computer could not write the data file, so nothing was saved. "
                                                "Do it again; if it happens again, ask IT to check the disk: your earlier work is safe.")
