"""Reading an order's stage clocks: each stage of its kind and each provisioning step, at `now`."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.sla import OrderFacts, RuleBook
from console.core.domain.stages import StageState, StepClock, stage_completions, stage_states, step_clock, step_limit
from console.core.store.models import OrderStep, WorkOrder


def stages(session: Session, order_id: uuid.UUID, facts: OrderFacts, book: RuleBook, calendar: BusinessCalendar,
           now: datetime) -> tuple[StageState, ...]:
    row = session.execute(select(WorkOrder.responded_at, WorkOrder.investigated_at, WorkOrder.resolved_at)
                          .where(WorkOrder.id == order_id)).one()
    return stage_states(facts, stage_completions(facts.kind, *row), book, calendar, now)


def steps(session: Session, order_id: uuid.UUID, facts: OrderFacts, book: RuleBook, calendar: BusinessCalendar,
          now: datetime) -> tuple[StepClock, ...]:
    rows = session.scalars(select(OrderStep).where(OrderStep.order_id == order_id, OrderStep.deleted.is_(False)).order_by(OrderStep.seq))
    return tuple(step_clock(r.step, r.started_at, r.due_at, r.completed_at, step_limit(facts, r.step, book, calendar), calendar,
                            book.parameters, now) for r in rows)
