"""The supervisor's SLA rule table: change one limit, audited, and recompute the open orders."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from decimal import Decimal, InvalidOperation

from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.enums import OPEN_STATUSES, Assurance, CustomerLevel, LimitUnit, OrderKind, SlaStage
from console.core.domain.roles import may_supervise
from console.core.domain.sla import ANY_GRADE
from console.core.operations import operation
from console.core.services.calendar import NotAllowed
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import SlaRuleRow, WorkOrder, touch
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import refresh_sla


class RuleError(ValueError):
    """A rule value that cannot be used; the message names it."""


class RulesAdmin:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    @operation("rules.set_limit")
    def set_limit(self, kind: OrderKind, stage: SlaStage, grade: str, amount: str, unit: LimitUnit, reason: str) -> Changes:
        if not may_supervise(self._user.role):
            raise NotAllowed("only a shift supervisor or an administrator may change SLA rules")
        try:
            value = Decimal(amount)
        except InvalidOperation as exc:
            raise RuleError(f"amount must be a number, not {amount!r}") from exc
        if not value.is_finite():
            raise RuleError(f"amount must be a number, not {amount!r}")
        if not Decimal("0") < value <= Decimal("1000"):  # before rounding: 1e308 has no hundredths to round to
            raise RuleError("amount must be at least 0.01 and at most 1,000")
        value = value.quantize(Decimal("0.01"))
        if not Decimal("0") < value:
            raise RuleError("amount must be at least 0.01 and at most 1,000")
        grades = {g.value for g in (Assurance if kind is OrderKind.FAULT else CustomerLevel)} | {ANY_GRADE}
        if grade not in grades:
            raise RuleError(f"grade must be one of {', '.join(sorted(grades))}, not {grade!r}")
        if not reason.strip():
            raise RuleError("say why the limit changes (the notice or agreement it follows)")
        with self._database.unit_of_work() as session:
            now = self._clock()
            row = session.scalars(select(SlaRuleRow).where(SlaRuleRow.kind == kind, SlaRuleRow.stage == stage,
                                                           SlaRuleRow.grade == grade)).first()
            before = None if row is None else {"amount": str(row.amount), "unit": row.unit.value}
            if row is None:
                row = SlaRuleRow(kind=kind, stage=stage, grade=grade, amount=value, unit=unit)
                session.add(row)
            else:
                row.amount, row.unit, row.deleted = value, unit, False
                touch(row, now)
            session.flush()
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="sla.rule_changed", entity="sla_rule",
                         entity_id=row.id, order_id=None, before=before,
                         after={"kind": kind.value, "stage": stage.value, "grade": grade, "amount": str(value), "unit": unit.value},
                         reason=reason.strip())
            ids = set(session.scalars(select(WorkOrder.id).where(WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.kind == kind,
                                                                 WorkOrder.deleted.is_(False))))
            refresh_sla(session, ids, load_rulebook(session), load_calendar(session), now)
            return Changes(orders=frozenset(ids), everything=True)
