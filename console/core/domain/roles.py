"""What a desk user's role lets them do beyond a dispatcher's work."""

from __future__ import annotations

from console.core.domain.enums import Role

SUPERVISING_ROLES = frozenset({Role.SUPERVISOR, Role.ADMIN})


def may_supervise(role: Role | str) -> bool:
    """A shift supervisor or an administrator: approves long pauses, overrides what only a
    supervisor may, changes the SLA rules and the working calendar."""
    return role in SUPERVISING_ROLES
