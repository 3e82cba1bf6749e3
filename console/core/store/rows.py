"""Frozen rows the UI is handed: plain values, never live ORM objects."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, NamedTuple

from console.core.domain.enums import (
    AppointmentChangeKind,
    AppointmentStatus,
    Assurance,
    ContactMethod,
    CustomerLevel,
    OrderKind,
    OrderStatus,
    PauseReason,
    ProvisioningStep,
    RescheduleReason,
    Role,
    ServiceType,
    SlaStage,
)
from console.core.domain.sla_clock import SlaClock
from console.core.domain.sla_explain import Explanation


class QueueRow(NamedTuple):
    """One line of the work-order queue, with the SLA instants the countdown ticks on.
    (A named tuple: immutable, and cheap to build 100,000 at a time.)"""

    id: uuid.UUID
    number: str
    kind: OrderKind
    status: OrderStatus
    priority: int
    customer: str
    level: CustomerLevel
    district: str
    district_en: str
    address: str
    assignee_id: uuid.UUID | None
    assignee: str | None
    appointment_start: datetime | None
    appointment_end: datetime | None
    received_at: datetime
    current_step: ProvisioningStep | None
    region_id: uuid.UUID
    sla: SlaClock
    version: int = 0  # the row's version when read: an action sends it, so a change made since is refused
    stage: SlaStage | None = None  # the stage the countdown is of (a complaint's acceptance, investigation or feedback)

    @property
    def paused(self) -> bool:
        return self.sla.paused_since is not None

    @property
    def due_at(self) -> datetime:
        return self.sla.times.due_at


@dataclass(frozen=True)
class AppointmentChangeRow:
    kind: AppointmentChangeKind
    changed_at: datetime
    changed_by: str | None
    contact_method: ContactMethod | None
    reason: RescheduleReason | None
    reason_text: str
    old_start: datetime | None
    new_start: datetime | None


@dataclass(frozen=True)
class AppointmentRow:
    id: uuid.UUID
    window_start: datetime
    window_end: datetime
    status: AppointmentStatus
    technician: str | None
    contact_name: str
    contact_phone: str
    contact_method: ContactMethod
    order_numbers: tuple[str, ...]
    changes: tuple[AppointmentChangeRow, ...]


@dataclass(frozen=True)
class HistoryEntry:
    """One line of an order's history: a person's change (audit) or a field event."""

    at: datetime
    who: str | None
    action: str  # an audit action ("order.assigned") or "field.<kind>"
    details: dict[str, Any] = field(default_factory=dict)
    reason: str = ""


@dataclass(frozen=True)
class TimelineEntry:
    """One moment of an order's story (`console.core.services.history`): `kind` is an audit action
    ("order.assigned"), "field.<kind>", "appointment.<kind>", "step.started"/"step.done", or a
    deadline the order passed ("sla.turned_amber", "sla.turned_red", "sla.breached", "sla.response_late")."""

    at: datetime
    kind: str
    who: str | None = None
    details: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
    linked: tuple[uuid.UUID, str] | None = None  # (id, number) of the order this moment points to
    derived: bool = False  # computed from the order's cached deadline, not recorded


@dataclass(frozen=True)
class PauseRow:
    reason: PauseReason
    note: str
    started_at: datetime
    ended_at: datetime | None


@dataclass(frozen=True)
class StepRow:
    step: ProvisioningStep
    department: str
    due_at: datetime | None
    completed_at: datetime | None


@dataclass(frozen=True)
class OrderDetail:
    id: uuid.UUID
    number: str
    kind: OrderKind
    status: OrderStatus
    priority: int
    title: str
    received_at: datetime
    sla_started_at: datetime
    due_at: datetime | None
    response_due_at: datetime | None
    paused_since: datetime | None
    current_step: ProvisioningStep | None
    assignee: str | None
    assignee_phone: str | None
    access_points: int
    customer_name: str
    customer_code: str
    level: CustomerLevel
    industry: str
    contact_name: str
    contact_phone: str
    account_manager: str
    site_name: str
    address: str
    district: str
    district_en: str
    latitude: float | None
    longitude: float | None
    optical_box: str
    optical_port: str
    service_type: ServiceType | None
    circuit_id: str | None
    assurance: Assurance | None
    bandwidth_mbps: int | None
    replaces_number: str | None
    replaced_by_number: str | None
    appointments: tuple[AppointmentRow, ...]
    pauses: tuple[PauseRow, ...]
    steps: tuple[StepRow, ...]
    history: tuple[HistoryEntry, ...]
    explanation: Explanation | None = None  # filled by the service, which knows the rules
    stages: tuple = ()  # domain.stages.StageState per stage of the order's kind (filled by the service)
    step_clocks: tuple = ()  # domain.stages.StepClock per provisioning step (filled by the service)
    timeline: tuple[TimelineEntry, ...] = ()  # the whole story, in time order (services.history)
    sla: SlaClock | None = None  # the cached instants the queue ticks on (an open order's): the detail's live time left
    resolved_at: datetime | None = None
    closed_at: datetime | None = None


@dataclass(frozen=True)
class DeskUser:
    """Who sits at the desk."""

    id: uuid.UUID | None
    username: str
    display_name: str
    role: Role
    region_id: uuid.UUID | None
    region: str | None
    region_en: str | None


@dataclass(frozen=True)
class TechnicianRow:
    id: uuid.UUID
    employee_no: str
    name: str
    phone: str
    team: str
    region_id: uuid.UUID
    region: str
    region_en: str
    skills: tuple[str, ...]


@dataclass(frozen=True)
class SiteOfOrder:
    order_id: uuid.UUID
    site_id: uuid.UUID
    name: str
    address: str
    latitude: float | None
    longitude: float | None
