"""The supervisor's rule editors: SLA limits, the editable rule parameters (band thresholds, the
pause-approval limit, business hours, the compliance audit's rules) and the reason lists.

Each change is an operation a desk pushes and the centre runs again as the token's user: shift
supervisors and administrators only, checked against a whitelist with a message a person
understands, audited with before and after and the reason given. The rules are centre-wide
reference data (every desk receives them), so a supervisor of any region changes them for all.
A change that moves deadlines says which open orders it moves (`RuleChange.affected`); the desk
recomputes them in the background in chunks (`console.core.services.deadlines`), the centre after
the push (every open order) or, on its HTTP endpoint, in the same transaction.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain.editable_rules import EDITABLE, EditError, Moves, checked_value
from console.core.domain.enums import Assurance, CustomerLevel, LimitUnit, OrderKind, SlaStage
from console.core.domain.reasons import ReasonEntry, ReasonKind, ReasonListError, checked, from_stored, list_key
from console.core.domain.roles import may_supervise
from console.core.domain.sla import ANY_GRADE
from console.core.operations import operation
from console.core.services.calendar import NotAllowed
from console.core.services.deadlines import Affected, RuleChange
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import RuleParameter, SlaRuleRow, touch
from console.core.store.rows import DeskUser
from console.core.store.rules import DEFAULT_PARAMETERS, parameters

MAX_REASON = 500  # characters of the reason a change is made for
MAX_ENTRIES = 60  # lines of one reason list (built-in reasons and sub-reasons)


class RuleError(ValueError):
    """A rule value that cannot be used; the message names it."""


@dataclass(frozen=True)
class LimitLine:
    kind: OrderKind
    stage: SlaStage
    grade: str
    amount: Decimal
    unit: LimitUnit


@dataclass(frozen=True)
class RulesView:
    """What the rules editor shows: the limits, the editable parameters' values, the reason lists."""

    limits: tuple[LimitLine, ...]
    values: dict[str, Any]
    reasons: dict[ReasonKind, tuple[ReasonEntry, ...]]


def read_reason_lists(session: Session) -> dict[ReasonKind, tuple[ReasonEntry, ...]]:
    stored = {row.key: row.value.get("value") for row in session.scalars(
        select(RuleParameter).where(RuleParameter.key.in_([list_key(k) for k in ReasonKind]), RuleParameter.deleted.is_(False)))}
    return {kind: from_stored(kind, stored.get(list_key(kind))) for kind in ReasonKind}


class RulesAdmin:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    @property
    def may_edit(self) -> bool:
        return may_supervise(self._user.role)

    def view(self) -> RulesView:
        """A read, so off the GUI thread."""
        with self._database.reading() as session:
            limits = tuple(sorted((LimitLine(r.kind, r.stage, r.grade, r.amount, r.unit) for r in session.scalars(
                select(SlaRuleRow).where(SlaRuleRow.deleted.is_(False)))), key=_limit_order))
            values = parameters(session)
            return RulesView(limits, {k: values.get(k) for k in EDITABLE}, read_reason_lists(session))

    def reason_lists(self) -> dict[ReasonKind, tuple[ReasonEntry, ...]]:
        with self._database.reading() as session:
            return read_reason_lists(session)

    @operation("rules.set_limit")
    def set_limit(self, kind: OrderKind, stage: SlaStage, grade: str, amount: str, unit: LimitUnit, reason: str) -> RuleChange:
        """One limit; the open orders of that kind move."""
        self._check_allowed("SLA rules")
        value = checked_amount(amount)
        grades = {g.value for g in (Assurance if kind is OrderKind.FAULT else CustomerLevel)} | {ANY_GRADE}
        if grade not in grades:
            raise RuleError(f"grade must be one of {', '.join(sorted(grades))}, not {grade!r}")
        reason = _reason(reason, "say why the limit changes (the notice or agreement it follows)")
        with self._database.unit_of_work() as session:
            now = self._clock()
            row = session.scalars(select(SlaRuleRow).where(SlaRuleRow.kind == kind, SlaRuleRow.stage == stage,
                                                           SlaRuleRow.grade == grade)).first()
            before = None if row is None or row.deleted else {"amount": str(row.amount), "unit": row.unit.value}
            if before is not None and row.amount == value and row.unit is LimitUnit(unit):
                return RuleChange(Changes())  # (the same limit again: nothing written, no deadline moves)
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
                         reason=reason)
            return RuleChange(Changes(), Affected(kind=kind))

    @operation("rules.set_parameter")
    def set_parameter(self, key: str, value: str, reason: str) -> RuleChange:
        """One editable rule parameter (a band threshold, business hours, an audit rule...)."""
        self._check_allowed("the rules")
        reason = _reason(reason, "say why the rule changes (the notice or agreement it follows)")
        with self._database.unit_of_work() as session:
            now = self._clock()
            try:
                typed = checked_value(key, value, parameters(session))
            except EditError as error:
                raise RuleError(str(error)) from None
            before = self._put(session, now, key, typed, DEFAULT_PARAMETERS[key][1])
            moves = EDITABLE[key].moves
            if before == typed:
                return RuleChange(Changes())
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="rules.parameter_changed",
                         entity="rule_parameter", entity_id=self._row_id(session, key), order_id=None,
                         before={key: before}, after={key: typed}, reason=reason)
        if moves is Moves.NONE:
            return RuleChange(Changes(everything=True))
        return RuleChange(Changes(), Affected(business_only=moves is Moves.BUSINESS_TIME))

    @operation("rules.set_reasons")
    def set_reasons(self, kind: ReasonKind, entries: list[ReasonEntry], reason: str) -> RuleChange:
        """A dialog's reason list: order, words, on/off of the built-in reasons, and sub-reasons."""
        self._check_allowed("the reason lists")
        reason = _reason(reason, "say why the list changes")
        if len(entries) > MAX_ENTRIES:
            raise RuleError(f"a reason list holds at most {MAX_ENTRIES} lines")
        try:
            stored = [e.as_json() for e in checked(ReasonKind(kind), entries)]
        except ReasonListError as error:
            raise RuleError(str(error)) from None
        key = list_key(ReasonKind(kind))
        with self._database.unit_of_work() as session:
            now = self._clock()
            before = self._put(session, now, key, stored, f"The {kind} reasons offered, in order, with their words")
            if before == stored:
                return RuleChange(Changes())
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="rules.reasons_changed",
                         entity="rule_parameter", entity_id=self._row_id(session, key), order_id=None,
                         before={key: before}, after={key: stored}, reason=reason)
            return RuleChange(Changes(everything=True))

    # --- helpers ------------------------------------------------------------------------------

    def _check_allowed(self, what: str) -> None:
        if not may_supervise(self._user.role):
            raise NotAllowed(f"only a shift supervisor or an administrator may change {what}")

    @staticmethod
    def _put(session: Session, now: datetime, key: str, value: Any, description: str) -> Any:
        """Store the value; returns the one in force before (the default when none was stored)."""
        row = session.scalars(select(RuleParameter).where(RuleParameter.key == key)).first()
        default = DEFAULT_PARAMETERS[key][0] if key in DEFAULT_PARAMETERS else None
        before = default if row is None or row.deleted else row.value.get("value")
        if before == value:
            return before
        if row is None:
            session.add(RuleParameter(key=key, value={"value": value}, description=description))
        else:
            row.value, row.deleted = {"value": value}, False
            touch(row, now)
        session.flush()
        return before

    @staticmethod
    def _row_id(session: Session, key: str):
        return session.scalars(select(RuleParameter.id).where(RuleParameter.key == key)).one()


_ORDER = {v: i for i, v in enumerate([*OrderKind, *SlaStage, *CustomerLevel, *Assurance, ANY_GRADE])}


def _limit_order(line: LimitLine) -> tuple[int, int, int]:
    """Kinds, stages and grades in the vocabularies' order (Diamond before Bronze, AAA before ordinary)."""
    return _ORDER[line.kind], _ORDER[line.stage], _ORDER.get(line.grade, len(_ORDER))


def checked_amount(amount: str) -> Decimal:
    """A limit's amount as stored, or RuleError (the editor checks what is typed with it too)."""
    try:
        value = Decimal(amount)
    except (InvalidOperation, TypeError) as exc:
        raise RuleError(f"amount must be a number, not {str(amount)[:40]!r}") from exc
    if not value.is_finite():
        raise RuleError(f"amount must be a number, not {amount!r}")
    if not Decimal("0") < value <= Decimal("1000"):  # before rounding: 1e308 has no hundredths to round to
        raise RuleError("amount must be at least 0.01 and at most 1,000")
    value = value.quantize(Decimal("0.01"))
    if not Decimal("0") < value:
        raise RuleError("amount must be at least 0.01 and at most 1,000")
    return value


def _reason(text: str, missing: str) -> str:
    text = text.strip()
    if not text:
        raise RuleError(missing)
    if len(text) > MAX_REASON:
        raise RuleError(f"the reason is longer than {MAX_REASON} characters")
    return text

