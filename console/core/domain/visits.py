"""What a visit to a site needs: the technician's skills and the time on site, by kind of order."""

from __future__ import annotations

from collections.abc import Iterable

from console.core.domain.enums import OrderKind, ProvisioningStep, Skill

# The skill an order of each kind needs on site; a provisioning order's step can need more.
KIND_SKILL: dict[OrderKind, Skill] = {
    OrderKind.SURVEY: Skill.SURVEY,
    OrderKind.PROVISIONING: Skill.INSTALLATION,
    OrderKind.FAULT: Skill.FAULT_REPAIR,
    OrderKind.COMPLAINT: Skill.FAULT_REPAIR,
}
STEP_SKILL: dict[ProvisioningStep, Skill] = {
    ProvisioningStep.CONSTRUCTION: Skill.FIBER_SPLICING,
    ProvisioningStep.CONFIGURATION: Skill.DATA_CONFIG,
    ProvisioningStep.TEST_DELIVERY: Skill.TESTING,
}
# Minutes on site for one access point; each further access point adds a share of it.
BASE_MINUTES: dict[OrderKind, int] = {
    OrderKind.SURVEY: 60,
    OrderKind.PROVISIONING: 120,
    OrderKind.FAULT: 90,
    OrderKind.COMPLAINT: 60,
}
EXTRA_ACCESS_POINT_SHARE = 0.25
MAX_VISIT_MINUTES = 8 * 60


def required_skills(kind: OrderKind, step: ProvisioningStep | None = None) -> frozenset[str]:
    skills = {KIND_SKILL[OrderKind(kind)].value}
    if step is not None and ProvisioningStep(step) in STEP_SKILL:
        skills.add(STEP_SKILL[ProvisioningStep(step)].value)
    return frozenset(skills)


def visit_minutes(kind: OrderKind, access_points: int = 1) -> int:
    """Time on site, rounded up to 5 minutes."""
    base = BASE_MINUTES[OrderKind(kind)]
    minutes = base * (1 + EXTRA_ACCESS_POINT_SHARE * max(0, access_points - 1))
    return min(MAX_VISIT_MINUTES, -(-int(minutes) // 5) * 5)


def joint_visit_minutes(parts: Iterable[tuple[OrderKind, int]]) -> int:
    """One visit covering several orders at a site: the longest job, plus half of each other one
    (the team is already there: one trip, one customer contact, shared set-up)."""
    minutes = sorted((visit_minutes(kind, points) for kind, points in parts), reverse=True)
    if not minutes:
        return BASE_MINUTES[OrderKind.FAULT]
    total = minutes[0] + sum(m // 2 for m in minutes[1:])
    return min(MAX_VISIT_MINUTES, -(-total // 5) * 5)
