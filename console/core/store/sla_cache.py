"""Keeping each order's cached SLA instants true to its facts and the rules in force."""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import OrderKind
from console.core.domain.sla import OrderFacts, Pause, RuleBook, SlaStage, due_at
from console.core.domain.sla_clock import sla_times
from console.core.domain.stages import running_stage, stages_done
from console.core.store.models import Customer, Service, SlaPause, WorkOrder

CHUNK = 5000  # ids per IN (...): well under SQLite's 32,766 bound variables


def order_facts(session: Session, order_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, OrderFacts]:
    ids = list(order_ids)
    if len(ids) > CHUNK:
        out: dict[uuid.UUID, OrderFacts] = {}
        for start in range(0, len(ids), CHUNK):
            out.update(order_facts(session, ids[start : start + CHUNK]))
        return out
    pauses: dict[uuid.UUID, list[Pause]] = defaultdict(list)
    for row in session.execute(
        select(SlaPause.order_id, SlaPause.started_at, SlaPause.ended_at, SlaPause.approved_by)
        .where(SlaPause.order_id.in_(ids), SlaPause.deleted.is_(False))
        .order_by(SlaPause.started_at)
    ):
        pauses[row.order_id].append(Pause(row.started_at, row.ended_at, row.approved_by is not None))
    rows = session.execute(
        select(WorkOrder.id, WorkOrder.kind, Customer.level, Service.assurance, WorkOrder.sla_started_at, WorkOrder.access_points,
               WorkOrder.responded_at, WorkOrder.investigated_at, WorkOrder.resolved_at)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .outerjoin(Service, Service.id == WorkOrder.service_id)
        .where(WorkOrder.id.in_(ids))
    )
    return {
        r.id: OrderFacts(r.kind, r.level, r.assurance, r.sla_started_at, r.access_points, tuple(pauses[r.id]),
                         stages_done(r.kind, r.responded_at, r.investigated_at, r.resolved_at))
        for r in rows
    }


def sla_columns(facts: OrderFacts, book: RuleBook, calendar: BusinessCalendar, now: datetime) -> dict[str, object]:
    """The cached columns of one order, from its facts: the running stage's instants."""
    stage = running_stage(facts.kind, facts.done)
    times = sla_times(facts, stage, book, calendar)
    values: dict[str, object] = {
        "sla_stage": stage,
        "due_at": times.due_at,
        "amber_at": times.amber_at,
        "red_at": times.red_at,
        "sla_limit_seconds": int(times.limit.total_seconds()),
        "sla_business": times.business,
    }
    if facts.kind is OrderKind.FAULT:
        values["response_due_at"] = due_at(facts, SlaStage.RESPONSE, book, calendar, now)
    return values


def refresh_sla(session: Session, order_ids: Iterable[uuid.UUID], book: RuleBook, calendar: BusinessCalendar, now: datetime) -> None:
    """Recompute the cached SLA of these orders (after a pause, a resume, a level or rule change).
    Derived columns only: each replica recomputes them, so the row's version does not change."""
    values = [{"id": order_id, **sla_columns(facts, book, calendar, now)} for order_id, facts in order_facts(session, order_ids).items()]
    fields = {"id", "due_at", "amber_at", "red_at", "sla_limit_seconds", "sla_business", "sla_stage"}
    plain = [{k: v for k, v in row.items() if k in fields} for row in values]
    faults = [row for row in values if "response_due_at" in row]
    if plain:
        session.execute(update(WorkOrder), plain)  # one executemany, by primary key
    if faults:
        session.execute(update(WorkOrder), [{"id": r["id"], "response_due_at": r["response_due_at"]} for r in faults])
