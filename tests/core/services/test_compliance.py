"""The compliance audit over the desk's file: the facts read for each closed order are the ones the
rules need (a signature removed, a late return: exactly those breaches), tallies per technician,
and a supervisor's finding kept with who and when."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import delete, select

from console.core.domain.compliance import ComplianceRule
from console.core.domain.enums import FieldEventKind, OrderKind, OrderStatus
from console.core.services.calendar import NotAllowed
from console.core.services.compliance import ComplianceAudit
from console.core.services.desk import DeskReader
from console.core.store.models import AppointmentOrder, FieldEvent, WorkOrder
from tests.fixtures.demo import DEMO_NOW

START, END = DEMO_NOW - timedelta(days=120), DEMO_NOW + timedelta(days=1)


def audit_as(db, username=None) -> ComplianceAudit:
    return ComplianceAudit(db, DeskReader(db).user(username), lambda: DEMO_NOW)


def a_compliant_installation(db) -> WorkOrder:
    report = audit_as(db).review(START, END, None)
    failing = {line.order.id for line in report.lines}
    with db.reading() as s:
        visited = set(s.scalars(select(AppointmentOrder.order_id)))
        order = next(o for o in s.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.CLOSED,
                                                                  WorkOrder.kind == OrderKind.PROVISIONING).order_by(WorkOrder.number))
                     if o.id not in failing and o.id in visited)
        s.expunge(order)
        return order


def test_a_removed_signature_and_a_return_the_next_day_are_exactly_what_the_audit_finds(demo_db) -> None:
    order = a_compliant_installation(demo_db)
    with demo_db.unit_of_work() as s:
        s.execute(delete(FieldEvent).where(FieldEvent.order_id == order.id, FieldEvent.kind == FieldEventKind.SIGNATURE))
        s.get(WorkOrder, order.id).returned_at = order.resolved_at + timedelta(days=1)
    report = audit_as(demo_db).review(START, END, None)
    line = next(line for line in report.lines if line.order.id == order.id)
    assert {b.rule: b.detail for b in line.breaches} == {ComplianceRule.SIGNED: {"missing": True},
                                                         ComplianceRule.RETURNED_SAME_DAY: {"days_late": 1}}
    mine = report.by_technician[line.order.technician]
    assert mine.non_compliant >= 1 and mine.by_rule[ComplianceRule.SIGNED] >= 1
    assert report.overall.audited == report.audited == sum(t.audited for t in report.by_team.values())
    assert 0.5 < report.overall.rate < 1  # the demo's desk: most orders compliant, some not


def test_a_finding_is_a_supervisors_and_is_kept_with_who_and_when(demo_db) -> None:
    order = a_compliant_installation(demo_db)
    with pytest.raises(NotAllowed):
        audit_as(demo_db, "wang.wei.central").record_finding(order.id, ComplianceRule.SIGNED, "未签字", "补签")
    supervisor = audit_as(demo_db, "supervisor.central")
    with pytest.raises(ValueError, match="finding"):
        supervisor.record_finding(order.id, None, "   ")
    supervisor.record_finding(order.id, ComplianceRule.SIGNED, "客户未在现场签字", "三日内补签并回访")
    with demo_db.unit_of_work() as s:
        s.execute(delete(FieldEvent).where(FieldEvent.order_id == order.id, FieldEvent.kind == FieldEventKind.SIGNATURE))
    line = next(line for line in supervisor.review(START, END, None).lines if line.order.id == order.id)
    (finding,) = line.findings
    assert (finding.rule, finding.finding, finding.remedy, finding.at) == (ComplianceRule.SIGNED, "客户未在现场签字", "三日内补签并回访", DEMO_NOW)
    assert finding.by


def test_the_audit_keeps_to_the_region_asked_for(demo_db) -> None:
    everyone = audit_as(demo_db).review(START, END, None)
    user = DeskReader(demo_db).user("wang.wei.central")
    mine = audit_as(demo_db).review(START, END, user.region_id)
    assert 0 < mine.audited < everyone.audited
    with demo_db.reading() as s:
        regions = {s.get(WorkOrder, line.order.id).region_id for line in mine.lines}
    assert regions == {user.region_id}
