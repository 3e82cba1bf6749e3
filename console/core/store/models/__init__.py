"""The one schema both the console and the centre use (migrations in db/)."""

from console.core.store.models.access import ApiToken, AuditHead, LoginAttempt, OutboxMessage
from console.core.store.models.audit import AuditEntry
from console.core.store.models.base import Base, Synced, UtcDateTime, touch, utcnow
from console.core.store.models.callbacks import Callback, callback_id_for
from console.core.store.models.handovers import Handover
from console.core.store.models.orders import (
    Appointment,
    AppointmentChange,
    AppointmentOrder,
    FieldEvent,
    OrderStep,
    SlaPause,
    WorkOrder,
)
from console.core.store.models.reference import Customer, District, Region, Service, Shift, Site, Technician, User
from console.core.store.models.reports import ReportSend
from console.core.store.models.rules import (
    CalendarOverride,
    CalendarYear,
    LocalMeta,
    NumberSequence,
    RuleParameter,
    SlaRuleRow,
)
from console.core.store.models.sync import (
    OrderClaim,
    SyncChange,
    SyncConflict,
    SyncDesk,
    SyncFeedFloor,
    SyncMutation,
    SyncOutbox,
    SyncOutboxRow,
    SyncRefusal,
    SyncShadow,
)

__all__ = [
    "ApiToken", "AuditHead", "LoginAttempt", "OutboxMessage",
    "Appointment", "AppointmentChange", "AppointmentOrder", "AuditEntry", "Base", "CalendarOverride", "Callback", "callback_id_for",
    "CalendarYear", "Customer", "District", "FieldEvent", "Handover", "LocalMeta", "NumberSequence", "OrderStep",
    "Region", "ReportSend", "RuleParameter", "Service", "Shift", "Site", "SlaPause", "SlaRuleRow", "Synced",
    "Technician", "User", "UtcDateTime", "WorkOrder", "touch", "utcnow",
    "OrderClaim", "SyncChange", "SyncConflict", "SyncDesk", "SyncFeedFloor", "SyncMutation", "SyncOutbox", "SyncOutboxRow", "SyncRefusal", "SyncShadow",
]
