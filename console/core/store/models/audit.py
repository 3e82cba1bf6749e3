"""The append-only audit log: who changed what, when and why, chained by hashes."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import BigInteger, ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from console.core.ids import new_id
from console.core.store.models.base import Base


class AuditEntry(Base):
    """One change a person (or the system, with no user) made. Never updated, never deleted."""

    __tablename__ = "audit_log"
    ids_from_operation = True  # console.core.ids
    __table_args__ = (Index("ix_audit_log_order_at", "order_id", "at"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    at: Mapped[datetime] = mapped_column(index=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    desk_id: Mapped[str] = mapped_column(String(64), default="")
    action: Mapped[str] = mapped_column(String(64))
    entity: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[uuid.UUID]
    order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("work_orders.id"))
    before: Mapped[dict[str, Any] | None] = mapped_column()
    after: Mapped[dict[str, Any] | None] = mapped_column()
    reason: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")
    seq: Mapped[int | None] = mapped_column(BigInteger, unique=True)  # place in the centre's chain
