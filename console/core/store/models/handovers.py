"""The shift handover (交接班): what the outgoing supervisor signed over to the incoming one."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import CheckConstraint, ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.core.store.models.base import Base, Synced


class Handover(Synced, Base):
    """One region's handover at the end of one shift, made when it is signed: its contents are the
    sections as the centre drafted them at signing (order ids, numbers and the facts each line
    says), frozen so the record never changes with the orders. Acknowledged once, by another
    supervisor, with a note."""

    __tablename__ = "handovers"
    __table_args__ = (
        UniqueConstraint("region_id", "shift_start"),  # one handover per region and shift
        CheckConstraint("shift_end > shift_start", name="shift_ends_after_start"),
        CheckConstraint("(acknowledged_at IS NULL) = (acknowledged_by IS NULL)", name="acknowledged_with_whom"),
    )
    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("regions.id"), index=True)
    shift_start: Mapped[datetime] = mapped_column(index=True)  # the outgoing shift, UTC
    shift_end: Mapped[datetime]
    contents: Mapped[dict[str, Any]] = mapped_column(default=dict)  # {"drafted_at", "horizon_hours", "sections": [...]}
    notes: Mapped[str] = mapped_column(Text, default="")  # the outgoing supervisor's
    signed_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    signed_at: Mapped[datetime]
    acknowledged_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    acknowledged_at: Mapped[datetime | None]
    acknowledgement_note: Mapped[str] = mapped_column(Text, default="")  # the incoming supervisor's
