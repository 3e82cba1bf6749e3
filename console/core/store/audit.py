"""Writing the audit log: one row per change a person makes, with before and after."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy.orm import Session

from console.core.store.models import AuditEntry


def record(
    session: Session,
    *,
    at: datetime,
    user_id: uuid.UUID | None,
    desk_id: str,
    action: str,
    entity: str,
    entity_id: uuid.UUID,
    order_id: uuid.UUID | None,
    before: dict[str, Any] | None,
    after: dict[str, Any] | None,
    reason: str = "",
) -> None:
    session.add(
        AuditEntry(
            at=at, user_id=user_id, desk_id=desk_id, action=action, entity=entity, entity_id=entity_id,
            order_id=order_id, before=before, after=after, reason=reason,
        )
    )
