"""Every operation a desk may push, by name (importing the services marks their methods)."""

from __future__ import annotations

from console.core.operations import OPERATIONS, Operation
from console.core.services import (  # noqa: F401 - they mark their operations
    alert_list,
    appointments,
    calendar,
    callbacks,
    compliance,
    field_desk,
    handover,
    lifecycle_actions,
    orders,
    report_sends,
    resolutions,
    rules_admin,
    sites,
)

__all__ = ["OPERATIONS", "Operation", "find"]


def find(name: str) -> Operation | None:
    return OPERATIONS.get(name) if isinstance(name, str) else None
