"""A dispatcher's way out of a refused change, as operations the centre runs too.

Re-apply runs the refused action again, on the rows as they are now (no "changed since you saw
it" check: the dispatcher has seen both values), and records that it was re-applied; drop records
that the dispatcher keeps the centre's state. Both are audited as the user, at the centre too.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any

from console.core.operations import OPERATIONS, Unusable, decode, operation
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.rows import DeskUser


class Resolutions:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    @operation("sync.reapply")
    def reapply(self, mutation: int, action: dict[str, Any], order_id: uuid.UUID | None = None, reason: str = "") -> Any:
        """Run `action` (a refused operation as recorded) again; the rules' answer is its answer."""
        name = action.get("name")
        inner = OPERATIONS.get(name) if isinstance(name, str) and not name.startswith("sync.") else None
        if inner is None:
            raise Unusable(f"args.action.name: no operation {str(name)[:64]!r} to re-apply")
        args = decode(inner.name, action.get("args", {}))
        result = inner.method(inner.service(self._database, self._user, self._clock, self._desk_id), **args)
        self._audit("sync.reapplied", mutation, order_id, {"operation": name}, reason)  # undone with it if the rules refuse it
        return result

    @operation("sync.drop")
    def drop(self, mutation: int, order_id: uuid.UUID | None = None, reason: str = "") -> None:
        """Keep the centre's state."""
        self._audit("sync.dropped", mutation, order_id, None, reason)

    def _audit(self, action: str, mutation: int, order_id: uuid.UUID | None, after: dict | None, reason: str) -> None:
        with self._database.unit_of_work() as session:
            audit.record(session, at=self._clock(), user_id=self._user.id, desk_id=self._desk_id, action=action,
                         entity="sync_mutation", entity_id=uuid.uuid5(uuid.NAMESPACE_OID, f"{self._desk_id}:{mutation}"),
                         order_id=order_id, before=None, after={"mutation": mutation, **(after or {})}, reason=reason[:500])
