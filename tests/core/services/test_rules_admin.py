"""The rule editors' operations: limits, parameters, reason lists; audited; deadlines recomputed after."""


import pytest
from sqlalchemy import func, select

from console.core.domain.compliance import ComplianceRule, enabled_key
from console.core.domain.enums import LimitUnit, OrderKind, SlaStage
from console.core.domain.reasons import ReasonEntry, ReasonKind, default_list
from console.core.services.calendar import NotAllowed
from console.core.services.deadlines import Affected, read_affected, recompute
from console.core.services.desk import DeskReader
from console.core.services.rules_admin import RuleError, RulesAdmin
from console.core.store.models import AuditEntry, WorkOrder
from console.core.store.rules import parameters
from tests.fixtures.demo import DEMO_NOW


def admin(db, username="supervisor.central") -> RulesAdmin:
    return RulesAdmin(db, DeskReader(db).user(username), lambda: DEMO_NOW)


def cached(db, kind=None):
    with db.reading() as s:
        query = select(WorkOrder.id, WorkOrder.due_at, WorkOrder.amber_at, WorkOrder.version, WorkOrder.updated_at).where(
            WorkOrder.due_at.is_not(None))
        if kind is not None:
            query = query.where(WorkOrder.kind == kind)
        return {r.id: r for r in s.execute(query)}


def audits(db, action):
    with db.reading() as s:
        return s.scalars(select(AuditEntry).where(AuditEntry.action == action).order_by(AuditEntry.at)).all()


def test_a_limit_changed_moves_that_kinds_open_orders_once_recomputed(demo_db) -> None:
    before = cached(demo_db, OrderKind.FAULT)
    change = admin(demo_db).set_limit(OrderKind.FAULT, SlaStage.RESTORATION, "ordinary", "12", LimitUnit.HOURS, "2027 年服务协议")
    assert change.affected == Affected(kind=OrderKind.FAULT) and change.changes.empty
    assert cached(demo_db, OrderKind.FAULT) == before  # (the operation writes the rule; the desk recomputes after)
    seen = []
    done = recompute(demo_db, change.affected, lambda: DEMO_NOW, chunk=50, progress=lambda n, total: seen.append((n, total)))
    assert done == len(read_affected(demo_db, Affected(kind=OrderKind.FAULT))) > 50
    assert seen[-1] == (done, done) and len(seen) == -(-done // 50)
    after = cached(demo_db, OrderKind.FAULT)
    moved = [i for i in after if after[i].due_at != before[i].due_at]
    assert moved
    assert all(after[i].version == before[i].version and after[i].updated_at == before[i].updated_at for i in after)
    [row] = audits(demo_db, "sla.rule_changed")
    assert row.before == {"amount": "24.00", "unit": "hours"} and row.after["amount"] == "12.00" and row.reason == "2027 年服务协议"


def test_band_thresholds_move_every_open_orders_amber_instant(demo_db) -> None:
    before = cached(demo_db)
    change = admin(demo_db).set_parameter("sla.band.amber_from", "0.4", "总部通知")
    assert change.affected == Affected()
    recompute(demo_db, change.affected, lambda: DEMO_NOW)
    after = cached(demo_db)
    assert all(after[i].due_at == before[i].due_at for i in after)
    assert sum(after[i].amber_at < before[i].amber_at for i in after) > len(after) // 2
    [row] = audits(demo_db, "rules.parameter_changed")
    assert row.before == {"sla.band.amber_from": "0.5"} and row.after == {"sla.band.amber_from": "0.4"}


def test_business_hours_move_only_orders_counted_in_business_time(demo_db) -> None:
    change = admin(demo_db).set_parameter("calendar.day_end", "17:30", "冬令时")
    assert change.affected == Affected(business_only=True)
    business = read_affected(demo_db, change.affected)
    assert 0 < len(business) < len(read_affected(demo_db, Affected()))
    with demo_db.reading() as s:
        assert parameters(s)["calendar.day_end"] == "17:30"


def test_an_audit_rule_switched_off_moves_no_deadline_and_reloads_the_rules(demo_db) -> None:
    change = admin(demo_db).set_parameter(enabled_key(ComplianceRule.SIGNED), "false", "试点期间不查签字")
    assert change.affected is None and change.changes.everything
    with demo_db.reading() as s:
        assert parameters(s)[enabled_key(ComplianceRule.SIGNED)] is False
    again = admin(demo_db).set_parameter(enabled_key(ComplianceRule.SIGNED), "off", "again")
    assert again.changes.empty and len(audits(demo_db, "rules.parameter_changed")) == 1  # the same value: nothing written


@pytest.mark.parametrize(("call", "message"), [
    (lambda a: a.set_parameter("sla.band.red_from", "0.45", "x"), "amber must start before red"),
    (lambda a: a.set_parameter("planning.speed_kmh", "80", "x"), "not a rule a supervisor changes here"),
    (lambda a: a.set_parameter("sla.band.red_from", "0.95", " "), "say why"),
    (lambda a: a.set_parameter("sla.band.red_from", "0.95", "x" * 501), "longer than 500"),
    (lambda a: a.set_limit(OrderKind.FAULT, SlaStage.RESTORATION, "platinum", "1", LimitUnit.HOURS, "x"), "grade must be one of"),
    (lambda a: a.set_limit(OrderKind.FAULT, SlaStage.RESTORATION, "any", "1e308", LimitUnit.HOURS, "x"), "at most 1,000"),
    (lambda a: a.set_reasons(ReasonKind.PAUSE, [ReasonEntry("customer_not_ready")], "x"), "missing"),
    (lambda a: a.set_reasons(ReasonKind.PAUSE, [ReasonEntry("customer_not_ready")] * 61, "x"), "at most 60 lines"),
])
def test_a_refused_change_names_what_is_wrong_and_writes_nothing(demo_db, call, message) -> None:
    with demo_db.reading() as s:
        count = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(RuleError, match=message):
        call(admin(demo_db))
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == count


@pytest.mark.parametrize("call", [
    lambda a: a.set_parameter("sla.band.red_from", "0.95", "x"),
    lambda a: a.set_limit(OrderKind.FAULT, SlaStage.RESTORATION, "any", "1", LimitUnit.HOURS, "x"),
    lambda a: a.set_reasons(ReasonKind.CANCEL, list(default_list(ReasonKind.CANCEL)), "x"),
])
def test_a_dispatcher_changes_no_rule(demo_db, call) -> None:
    with pytest.raises(NotAllowed, match="supervisor"):
        call(admin(demo_db, "wang.wei.central"))


def test_a_reason_list_is_stored_audited_and_read_back(demo_db) -> None:
    entries = [ReasonEntry("customer_postponed", zh="客户改期", en="Customer postponed"),
               ReasonEntry("customer_postponed", "holiday", "客户放假", "Customer on holiday"),
               ReasonEntry("customer_not_ready", active=False)]
    change = admin(demo_db).set_reasons(ReasonKind.PAUSE, entries, "客户常见原因")
    assert change.changes.everything and change.affected is None
    lists = admin(demo_db, "wang.wei.central").reason_lists()
    assert lists[ReasonKind.PAUSE] == tuple(entries)
    assert lists[ReasonKind.CANCEL] == default_list(ReasonKind.CANCEL)
    [row] = audits(demo_db, "rules.reasons_changed")
    assert row.before == {"reasons.pause": None} and row.after["reasons.pause"][1]["sub"] == "holiday"
    view = admin(demo_db, "wang.wei.central").view()
    assert view.reasons[ReasonKind.PAUSE] == tuple(entries) and view.values["sla.band.red_from"] == "0.8"
    assert any(line.kind is OrderKind.FAULT for line in view.limits)



def test_the_same_limit_again_writes_nothing_and_moves_no_order(demo_db) -> None:
    first = admin(demo_db).set_limit(OrderKind.FAULT, SlaStage.RESTORATION, "ordinary", "12", LimitUnit.HOURS, "协议")
    again = admin(demo_db).set_limit(OrderKind.FAULT, SlaStage.RESTORATION, "ordinary", "12.0", LimitUnit.HOURS, "协议")
    assert first.affected == Affected(kind=OrderKind.FAULT) and again.affected is None and again.changes.empty
    assert len(audits(demo_db, "sla.rule_changed")) == 1
