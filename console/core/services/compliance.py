"""The compliance audit (稽核) at the desk: the orders closed in a period checked rule by rule
(`console.core.domain.compliance`), the non-compliant ones listed with the rules they broke, the
tallies per technician and team, and a supervisor's finding and remedy recorded on an order
(an audited operation, synced; read back from the audit log with who and when).
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.compliance import AuditRules, Breach, ComplianceRule, Tally, check, tally
from console.core.domain.roles import may_supervise
from console.core.operations import operation
from console.core.services.calendar import NotAllowed
from console.core.store import audit
from console.core.store.compliance_query import AuditedOrder, closed_orders
from console.core.store.database import Database
from console.core.store.models import AuditEntry, User, WorkOrder
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, parameters

FINDING_ACTION = "compliance.finding"
MAX_TEXT = 1000


@dataclass(frozen=True)
class Finding:
    """A supervisor's finding on an order: what was wrong, the remedy (整改), who and when."""

    rule: ComplianceRule | None
    finding: str
    remedy: str
    by: str
    at: datetime


@dataclass(frozen=True)
class AuditLine:
    order: AuditedOrder
    breaches: tuple[Breach, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class AuditReport:
    start: datetime
    end: datetime
    audited: int
    lines: tuple[AuditLine, ...]  # the non-compliant orders, latest closed first
    by_technician: dict[str, Tally]
    by_team: dict[str, Tally]
    overall: Tally
    teams: dict[str, str]  # technician -> team


class ComplianceAudit:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    def review(self, start: datetime, end: datetime, region_id: uuid.UUID | None) -> AuditReport:
        """The audit of the orders closed in [start, end): a read, run off the GUI thread."""
        with self._database.reading() as session:
            rules = AuditRules.from_parameters(parameters(session))
            zone = load_calendar(session).zone
            orders = closed_orders(session, start, end, region_id)
            findings = _findings(session, [o.id for o in orders])
        checked = [(o, tuple(check(o.facts, rules, zone))) for o in orders]
        per_technician: dict[str, list] = defaultdict(list)
        per_team: dict[str, list] = defaultdict(list)
        for order, breaches in checked:
            per_technician[order.technician].append(list(breaches))
            per_team[order.team].append(list(breaches))
        lines = tuple(AuditLine(o, b, findings.get(o.id, ())) for o, b in sorted(checked, key=lambda c: c[0].closed_at, reverse=True) if b)
        return AuditReport(start, end, len(orders), lines, {k: tally(v) for k, v in per_technician.items()},
                           {k: tally(v) for k, v in per_team.items()}, tally([list(b) for _o, b in checked]),
                           {o.technician: o.team for o in orders})

    @operation("compliance.record_finding")
    def record_finding(self, order_id: uuid.UUID, rule: ComplianceRule | None, finding: str, remedy: str = "") -> Changes:
        """A supervisor's finding on a closed order and the remedy asked for: an audit row (the order
        is unchanged, so a finding never conflicts with another desk)."""
        if not may_supervise(self._user.role):
            raise NotAllowed("only a shift supervisor or an administrator records audit findings")
        finding, remedy = finding.strip(), remedy.strip()
        if not finding:
            raise ValueError("finding: say what was found")
        if len(finding) > MAX_TEXT or len(remedy) > MAX_TEXT:
            raise ValueError(f"finding, remedy: at most {MAX_TEXT} characters each")
        rule = ComplianceRule(rule) if rule is not None else None
        with self._database.unit_of_work() as session:
            order = session.get(WorkOrder, order_id)
            if order is None or order.deleted:
                raise LookupError("no such order")
            audit.record(session, at=self._clock(), user_id=self._user.id, desk_id=self._desk_id, action=FINDING_ACTION,
                         entity="work_order", entity_id=order.id, order_id=order.id, before=None,
                         after={"rule": rule.value if rule else None, "finding": finding, "remedy": remedy})
            return Changes(orders=frozenset({order.id}))


def _findings(session, order_ids: list[uuid.UUID]) -> dict[uuid.UUID, tuple[Finding, ...]]:
    out: dict[uuid.UUID, list[Finding]] = defaultdict(list)
    for start in range(0, len(order_ids), 5000):
        rows = session.execute(
            select(AuditEntry.order_id, AuditEntry.after, AuditEntry.at, User.display_name)
            .outerjoin(User, User.id == AuditEntry.user_id)
            .where(AuditEntry.action == FINDING_ACTION, AuditEntry.order_id.in_(order_ids[start : start + 5000]))
            .order_by(AuditEntry.at))
        for order_id, after, at, who in rows:
            after = after or {}
            rule = after.get("rule")
            out[order_id].append(Finding(ComplianceRule(rule) if rule in ComplianceRule._value2member_map_ else None,
                                         str(after.get("finding", "")), str(after.get("remedy", "")), who or "", at))
    return {k: tuple(v) for k, v in out.items()}
