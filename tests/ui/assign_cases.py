"""A hand-built assign choice: the ranking tests' technicians as the assign dialog and the candidates panel get them."""

from __future__ import annotations

import uuid
from dataclasses import replace

from console.core.domain.booking_rules import ProposedVisit, check_visit
from console.core.domain.candidates import rank
from console.core.domain.enums import CustomerLevel, OrderKind, OrderStatus
from console.core.services.assigning import AssignChoice, NoBooking
from console.core.store.planning_query import PlanOrder, PlanTechnician
from tests.core.domain.booking_cases import NOW, TRAVEL, VISIT
from tests.core.domain.candidate_cases import NAMES, hand_built_days


def hand_built_choice(books_visit: bool = True, visit: ProposedVisit = VISIT) -> tuple[AssignChoice, dict[str, uuid.UUID]]:
    days = hand_built_days()
    ids = {name: day.technician_id for name, day in zip(NAMES, days, strict=True)}
    ranked = rank(visit, list(days), TRAVEL, NOW)
    by_id = {d.technician_id: d for d in days}
    techs = {d.technician_id: PlanTechnician(d.technician_id, name, "Team A", d.region_id, "浦东", "Pudong" if name != "Elsewhere" else "Minhang",
                                             d.skills, True, d.home) for name, d in zip(NAMES, days, strict=True)}
    order = PlanOrder(uuid.uuid4(), "SD-20261123-0001", OrderKind.PROVISIONING, OrderStatus.NEW, CustomerLevel.GOLD, "Acme", uuid.uuid4(),
                      "Acme HQ", "1 Road", visit.position, visit.region_id, visit.skills, 1, None, None, 1, None)
    findings = {c.technician_id: tuple(check_visit(replace(visit, start=c.slot), by_id[c.technician_id], TRAVEL, NOW))
                for c in ranked if c.slot is not None}
    choice = AssignChoice((order,), (), visit, tuple(ranked), techs, findings, None if books_visit else NoBooking.NOT_WAITING, None)
    return choice, ids
