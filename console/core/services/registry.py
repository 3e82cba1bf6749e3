"""Every operation a desk may push, by name (importing the services marks their methods)."""

from __future__ import annotations

from console.core.operations import OPERATIONS, Operation
from console.core.services import appointments, calendar, compliance, field_desk, lifecycle_actions, orders, resolutions, rules_admin, sites  # noqa: F401 - they mark their operations

__all__ = ["OPERATIONS", "Operation", "find"]


def find(name: str) -> Operation | None:
    return OPERATIONS.get(name) if isinstance(name, str) else None
