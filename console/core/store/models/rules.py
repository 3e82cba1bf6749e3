"""Rules as data: SLA limits, their parameters, calendar overrides, order-number serials."""

from __future__ import annotations

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from sqlalchemy import CheckConstraint, Date, ForeignKey, Integer, Numeric, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.core.domain.enums import LimitUnit, OrderKind, SlaStage
from console.core.store.models.base import Base, Synced, enum_type


class SlaRuleRow(Synced, Base):
    """One limit: (kind, stage, grade) -> amount in a unit. Grade is a level, an assurance, or 'any'."""

    __tablename__ = "sla_rules"
    __table_args__ = (
        UniqueConstraint("kind", "stage", "grade"),
        CheckConstraint("amount > 0", name="amount_positive"),
    )
    kind: Mapped[OrderKind] = mapped_column(enum_type(OrderKind))
    stage: Mapped[SlaStage] = mapped_column(enum_type(SlaStage))
    grade: Mapped[str] = mapped_column(String(16))
    amount: Mapped[Decimal] = mapped_column(Numeric(10, 2))
    unit: Mapped[LimitUnit] = mapped_column(enum_type(LimitUnit))


class RuleParameter(Synced, Base):
    """A named number of the rules (band thresholds, check-in distance, business hours...)."""

    __tablename__ = "rule_parameters"
    key: Mapped[str] = mapped_column(String(64), unique=True)
    value: Mapped[dict[str, Any]] = mapped_column()
    description: Mapped[str] = mapped_column(Text, default="")


class CalendarOverride(Synced, Base):
    """A day whose working status differs from what the holiday library says."""

    __tablename__ = "calendar_overrides"
    day: Mapped[date] = mapped_column(Date, unique=True)
    is_working: Mapped[bool]
    note: Mapped[str] = mapped_column(String(200), default="")


class CalendarYear(Synced, Base):
    """A year whose official schedule (holidays and make-up days) a supervisor imported."""

    __tablename__ = "calendar_years"
    year: Mapped[int] = mapped_column(Integer, unique=True)
    source: Mapped[str] = mapped_column(String(200))
    imported_at: Mapped[datetime]
    imported_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))


class NumberSequence(Base):
    """The last daily serial used per (kind, local date); local to the database that numbers."""

    __tablename__ = "number_sequences"
    kind: Mapped[OrderKind] = mapped_column(enum_type(OrderKind), primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_serial: Mapped[int] = mapped_column(Integer)


class LocalMeta(Base):
    """Facts about this data file itself (which demo seed made it, the desk's id)."""

    __tablename__ = "local_meta"
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
