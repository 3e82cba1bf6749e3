"""Satisfaction callbacks (回访): one task per dissatisfied survey answer (console.core.domain.callbacks)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, Text, text
from sqlalchemy.orm import Mapped, mapped_column

from console.core.domain.callbacks import CallbackOutcome, CallbackState
from console.core.store.models.base import Base, Synced, enum_type

# The id of an answer's callback: the same wherever the task is made (the centre taking the answer,
# a desk's demo or simulation, the migration run on the centre and on every desk's file), so two
# places making the task for one answer make one row, not two that collide on the answer.
CALLBACK_NAMESPACE = uuid.UUID("6b1f3c2e-5d0a-4c8e-9a57-0c2d8f1e4b31")


def callback_id_for(field_event_id: uuid.UUID) -> uuid.UUID:
    return uuid.uuid5(CALLBACK_NAMESPACE, field_event_id.hex)


class Callback(Synced, Base):
    """The call back to a dissatisfied customer or account manager, and the remedy (整改) it leads to.

    Who and when (`called_by`, `called_at`, `remedy_by`, ...) are the acting user's and the
    service's clock, never a desk's say. `state` is open until the customer is spoken to.
    """

    __tablename__ = "callbacks"
    __table_args__ = (
        CheckConstraint("attempts >= 0", name="attempts_not_negative"),
        CheckConstraint("state != 'closed' OR closed_at IS NOT NULL", name="closed_has_time"),
        Index("ix_callbacks_open_due", "state", "due_at"),  # the overdue list: open ones by due time
    )
    field_event_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("field_events.id"), unique=True)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("work_orders.id"), index=True)
    due_at: Mapped[datetime]
    state: Mapped[CallbackState] = mapped_column(enum_type(CallbackState), default=CallbackState.OPEN)
    caller_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))  # who calls (took it or was assigned)
    attempts: Mapped[int] = mapped_column(Integer, default=0, server_default=text("0"))
    called_at: Mapped[datetime | None]  # the last call
    called_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    outcome: Mapped[CallbackOutcome | None] = mapped_column(enum_type(CallbackOutcome))
    call_note: Mapped[str] = mapped_column(Text, default="")  # the customer's words
    remedy: Mapped[str] = mapped_column(Text, default="")  # 整改
    remedy_at: Mapped[datetime | None]
    remedy_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    closed_at: Mapped[datetime | None]
    closed_by: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    closing_note: Mapped[str] = mapped_column(Text, default="")
