"""A provisioning order's departments' steps (全程管控), written when the order is made."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import OrderKind
from console.core.domain.sla import OrderFacts, RuleBook
from console.core.domain.stages import DEPARTMENTS, STEPS, step_due
from console.core.store.models import OrderStep, WorkOrder


def create_steps(session: Session, order: WorkOrder, facts: OrderFacts, book: RuleBook, calendar: BusinessCalendar) -> None:
    """Every step from the rules, the first one running from the order's start with its own limit."""
    if order.kind is not OrderKind.PROVISIONING:
        return
    first = STEPS[0]
    for seq, step in enumerate(STEPS, start=1):
        started = facts.started_at if step is first else None
        session.add(OrderStep(order_id=order.id, step=step, seq=seq, department=DEPARTMENTS[step], started_at=started,
                              due_at=step_due(facts, step, started, book, calendar) if started is not None else None))
    order.current_step = first


def copy_steps(session: Session, old_id: uuid.UUID, new_id: uuid.UUID, now: datetime) -> None:
    """A re-issued order carries its predecessor's steps as they stood (done ones stay done)."""
    for step in session.scalars(select(OrderStep).where(OrderStep.order_id == old_id, OrderStep.deleted.is_(False))):
        session.add(OrderStep(order_id=new_id, step=step.step, seq=step.seq, department=step.department, started_at=step.started_at,
                              due_at=step.due_at, completed_at=step.completed_at, completed_by=step.completed_by, updated_at=now))
