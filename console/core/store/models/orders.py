"""Work orders and everything that happens to them: steps, pauses, appointments, field events."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Float,
    ForeignKey,
    Index,
    Integer,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    false,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column

from console.core.domain.enums import (
    OPEN_STATUSES,
    AppointmentChangeKind,
    AppointmentStatus,
    CancelReason,
    ContactMethod,
    ExceptionKind,
    FieldEventKind,
    OrderKind,
    OrderStatus,
    PauseReason,
    ProvisioningStep,
    RescheduleReason,
    Respondent,
    SatisfactionRating,
    SlaStage,
)
from console.core.store.models.base import Base, Synced, enum_type

# Open statuses as literal SQL: a partial index is only used when the query states the same
# condition with the same literals (bound parameters cannot prove it).
OPEN_STATUS_SQL = "status IN ({})".format(", ".join(f"'{s.value}'" for s in OPEN_STATUSES))


class WorkOrder(Synced, Base):
    """A survey, provisioning, fault or complaint order (工单).

    `due_at`, `amber_at`, `red_at`, `sla_limit_seconds` and `sla_business` are the SLA of the
    order's primary stage as last computed (closed pauses credited; see domain.sla_clock);
    `paused_since` is set while the clock is stopped. They cache the rules applied to the order's
    facts and pause rows, so the queue can sort and count 100,000 orders without recomputing.
    """

    __tablename__ = "work_orders"
    __table_args__ = (
        CheckConstraint("access_points >= 1", name="access_points_positive"),
        CheckConstraint("priority BETWEEN 1 AND 5", name="priority_range"),
        CheckConstraint("kind != 'fault' OR service_id IS NOT NULL", name="fault_has_service"),
        CheckConstraint("replaces_order_id IS NULL OR replaces_order_id != id", name="not_replacing_itself"),
        Index("ix_work_orders_open_due", "status", "due_at"),
        # The desk's queue reads open orders from this index alone (migrations 0005, 0012; SQLite only).
        Index(
            "ix_work_orders_queue", "status", "due_at", "deleted", "id", "number", "kind", "priority", "customer_id",
            "district_id", "address", "assignee_id", "received_at", "current_step", "region_id", "amber_at", "red_at",
            "sla_limit_seconds", "sla_business", "paused_since", "version", "sla_stage",
            sqlite_where=text(OPEN_STATUS_SQL),
        ).ddl_if(dialect="sqlite"),
        # The centre's GET /orders reads a region's page of open orders from this index, in order,
        # however many orders are closed (migration 0023; PostgreSQL only).
        Index("ix_work_orders_open_by_region", "region_id", "due_at", "number",
              postgresql_where=text(f"{OPEN_STATUS_SQL} AND deleted IS FALSE")).ddl_if(dialect="postgresql"),
    )
    number: Mapped[str] = mapped_column(String(16), unique=True)
    kind: Mapped[OrderKind] = mapped_column(enum_type(OrderKind), index=True)
    status: Mapped[OrderStatus] = mapped_column(enum_type(OrderStatus))
    priority: Mapped[int] = mapped_column(SmallInteger, default=3)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id"), index=True)
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sites.id"), index=True)
    address: Mapped[str | None] = mapped_column(String(300))  # as ordered; the queue shows and searches it
    district_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("districts.id"))
    service_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("services.id"), index=True)
    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("regions.id"), index=True)
    access_points: Mapped[int] = mapped_column(Integer, default=1)
    received_at: Mapped[datetime] = mapped_column(index=True)
    sla_started_at: Mapped[datetime]
    due_at: Mapped[datetime | None] = mapped_column(index=True)
    amber_at: Mapped[datetime | None]
    red_at: Mapped[datetime | None]
    sla_limit_seconds: Mapped[int | None] = mapped_column(Integer)
    sla_business: Mapped[bool | None]
    response_due_at: Mapped[datetime | None]
    responded_at: Mapped[datetime | None]  # a fault's response (接单), a complaint's acceptance (受理)
    investigated_at: Mapped[datetime | None]  # a complaint's network investigation done (排查)
    sla_stage: Mapped[SlaStage | None] = mapped_column(enum_type(SlaStage))  # the stage the cached instants count down
    paused_since: Mapped[datetime | None]
    current_step: Mapped[ProvisioningStep | None] = mapped_column(enum_type(ProvisioningStep))
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"), index=True)
    replaces_order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("work_orders.id"), index=True)
    upstream_ref: Mapped[str | None] = mapped_column(String(64), unique=True)
    resolved_at: Mapped[datetime | None]
    closed_at: Mapped[datetime | None]
    billing_started_at: Mapped[datetime | None]
    returned_at: Mapped[datetime | None]  # the completion returned to the order system (回单), due the day it was resolved
    cancel_reason: Mapped[CancelReason | None] = mapped_column(enum_type(CancelReason))


class OrderStep(Synced, Base):
    """One department's step of a provisioning order, tracked against its own limit."""

    __tablename__ = "order_steps"
    __table_args__ = (UniqueConstraint("order_id", "step"),)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("work_orders.id"), index=True)
    step: Mapped[ProvisioningStep] = mapped_column(enum_type(ProvisioningStep))
    seq: Mapped[int] = mapped_column(SmallInteger)
    department: Mapped[str] = mapped_column(String(64))
    started_at: Mapped[datetime | None]
    due_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    completed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


class SlaPause(Synced, Base):
    """A stop of an order's SLA clock, always with a recorded reason."""

    __tablename__ = "sla_pauses"
    __table_args__ = (CheckConstraint("ended_at IS NULL OR ended_at >= started_at", name="ends_after_start"),)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("work_orders.id"), index=True)
    reason: Mapped[PauseReason] = mapped_column(enum_type(PauseReason))
    note: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime]
    started_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    ended_at: Mapped[datetime | None]
    ended_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    approved_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


class Appointment(Synced, Base):
    """A visit window agreed with the customer; may cover several orders at one site."""

    __tablename__ = "appointments"
    __table_args__ = (
        CheckConstraint("window_end > window_start", name="window_ends_after_start"),
        CheckConstraint("duration_minutes BETWEEN 5 AND 1440", name="duration_range"),
    )
    site_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("sites.id"), index=True)
    technician_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"), index=True)
    window_start: Mapped[datetime] = mapped_column(index=True)  # agreed with the customer
    window_end: Mapped[datetime]
    planned_start: Mapped[datetime | None] = mapped_column(index=True)  # the visit on the board, normally inside the window
    duration_minutes: Mapped[int] = mapped_column(Integer, default=90, server_default="90")
    locked: Mapped[bool] = mapped_column(default=False, server_default=false())  # pinned: the optimiser never moves it
    status: Mapped[AppointmentStatus] = mapped_column(enum_type(AppointmentStatus))
    contact_name: Mapped[str] = mapped_column(String(64), default="")
    contact_phone: Mapped[str] = mapped_column(String(32), default="")
    contact_method: Mapped[ContactMethod] = mapped_column(enum_type(ContactMethod))
    booked_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    booked_at: Mapped[datetime]
    reconfirmed_at: Mapped[datetime | None]


class AppointmentOrder(Synced, Base):
    __tablename__ = "appointment_orders"
    __table_args__ = (UniqueConstraint("appointment_id", "order_id"),)
    appointment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appointments.id"), index=True)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("work_orders.id"), index=True)


class AppointmentChange(Synced, Base):
    """Every booking, confirmation, reschedule (改约) and cancellation, with who, when, why, how."""

    __tablename__ = "appointment_changes"
    __table_args__ = (
        CheckConstraint("kind != 'rescheduled' OR reason IS NOT NULL", name="reschedule_has_reason"),
    )
    appointment_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("appointments.id"), index=True)
    kind: Mapped[AppointmentChangeKind] = mapped_column(enum_type(AppointmentChangeKind))
    changed_at: Mapped[datetime]
    changed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    contact_method: Mapped[ContactMethod | None] = mapped_column(enum_type(ContactMethod))
    reason: Mapped[RescheduleReason | None] = mapped_column(enum_type(RescheduleReason))
    reason_text: Mapped[str] = mapped_column(Text, default="")
    old_start: Mapped[datetime | None]
    old_end: Mapped[datetime | None]
    new_start: Mapped[datetime | None]
    new_end: Mapped[datetime | None]
    old_technician_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"))
    new_technician_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"))
    overrides: Mapped[list[str]] = mapped_column(default=list, server_default="[]")  # rule warnings committed over, with reason_text


class FieldEvent(Synced, Base):
    """What the technician's app reports from the field: check-in, exception, tests, delivery."""

    __tablename__ = "field_events"
    __table_args__ = (
        CheckConstraint("kind != 'check_in' OR (latitude IS NOT NULL AND longitude IS NOT NULL)", name="check_in_has_position"),
        CheckConstraint("kind != 'exception' OR exception_kind IS NOT NULL", name="exception_has_kind"),
        CheckConstraint("kind != 'satisfaction' OR rating IS NOT NULL", name="satisfaction_has_rating"),
        Index("ix_field_events_order_time", "order_id", "occurred_at"),
        Index("ix_field_events_kind_time", "kind", "occurred_at"),  # the desk's field view: the newest of a kind first
    )
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("work_orders.id"))
    technician_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("technicians.id"))
    kind: Mapped[FieldEventKind] = mapped_column(enum_type(FieldEventKind), index=True)
    occurred_at: Mapped[datetime]
    received_at: Mapped[datetime]
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    distance_m: Mapped[float | None] = mapped_column(Float)
    off_site: Mapped[bool] = mapped_column(default=False)
    exception_kind: Mapped[ExceptionKind | None] = mapped_column(enum_type(ExceptionKind))
    rating: Mapped[SatisfactionRating | None] = mapped_column(enum_type(SatisfactionRating))
    respondent: Mapped[Respondent | None] = mapped_column(enum_type(Respondent))
    payload: Mapped[dict[str, Any]] = mapped_column(default=dict)
