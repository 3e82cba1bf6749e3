"""The order's life after dispatch, each stage timed: cases computed by hand on the 2026 calendar
(Shanghai time; 09:00-18:00 working hours; off 25-27 Sep and 1-7 Oct, make-up working Sun 20 Sep
and Sat 10 Oct)."""

from __future__ import annotations

import uuid
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from console.core.domain.enums import (
    Assurance,
    Band,
    CancelReason,
    CustomerLevel,
    OrderKind,
    OrderStatus,
    ProvisioningStep,
    SlaStage,
)
from console.core.domain.lifecycle import Refusal
from console.core.services.desk import DeskReader
from console.core.services.intake import OrderIntake, UpstreamOrder
from console.core.services.lifecycle_actions import LifecycleActions
from console.core.store.models import AuditEntry, Customer, OrderStep, Service, Technician, WorkOrder

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=SHANGHAI)


class Desk:
    """A dispatcher's actions with a clock the test moves."""

    def __init__(self, db, now: datetime):
        self.db, self.now, self.reader = db, now, DeskReader(db)
        self.user = self.reader.user(None)

    def actions(self) -> LifecycleActions:
        return LifecycleActions(self.db, self.user, lambda: self.now)

    def order(self, order_id: uuid.UUID) -> WorkOrder:
        with self.db.reading() as s:
            order = s.get(WorkOrder, order_id)
            s.expunge(order)
            return order

    def take(self, kind: OrderKind, received: datetime, *, level: CustomerLevel | None = None,
             assurance: Assurance | None = None) -> uuid.UUID:
        with self.db.unit_of_work() as s:
            service = s.scalars(select(Service).where(*([Service.assurance == assurance] if assurance else []))).first()
            customer = s.get(Customer, service.customer_id)
            if level is not None:
                customer.level = level
            code, site, circuit = customer.code, service.site_id, service.circuit_id
        taken = OrderIntake(self.db, self.user, lambda: self.now).take(UpstreamOrder(
            f"CRM-{uuid.uuid4().hex[:10]}", kind, code, site, "测试", received,
            circuit_id=circuit if kind is OrderKind.FAULT else None))
        return taken.order_id

    def assign(self, order_id: uuid.UUID) -> uuid.UUID:
        from console.core.services.orders import OrderActions

        with self.db.reading() as s:
            tech = s.scalars(select(Technician).where(Technician.active.is_(True))).first().id
        OrderActions(self.db, self.user, lambda: self.now).assign([order_id], tech)
        return tech


@pytest.fixture
def desk(demo_db) -> Desk:
    return Desk(demo_db, at("2026-12-05T20:00"))


def test_a_faults_response_is_recorded_when_accepted_and_measured_against_15_minutes(desk) -> None:
    desk.now = at("2026-10-01T10:05")  # National Day: a fault's limits run on the clock, 24x7
    order_id = desk.take(OrderKind.FAULT, at("2026-10-01T10:00"), assurance=Assurance.AAA)
    order = desk.order(order_id)
    assert order.response_due_at == at("2026-10-01T10:15") and order.due_at == at("2026-10-01T12:00")
    assert order.sla_stage is SlaStage.RESTORATION
    assert desk.actions().accept([order_id]).refused == {order_id: (order.number, Refusal.NOT_ASSIGNED)}
    desk.assign(order_id)
    desk.now = at("2026-10-01T10:20")
    assert desk.actions().accept([order_id]).changed == 1
    accepted = desk.order(order_id)
    assert accepted.status is OrderStatus.ACCEPTED and accepted.responded_at == desk.now
    with desk.db.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order_id, AuditEntry.action == "order.accepted")).one()
    assert entry.after["response_late"] is True  # five minutes past its 15
    assert desk.actions().accept([order_id]).refused[order_id][1] is Refusal.ACCEPTED


def test_a_complaints_three_clocks_run_one_after_another_from_its_start(desk) -> None:
    desk.now = at("2026-12-05T20:03")  # a Saturday evening: complaints run 24x7 too
    order_id = desk.take(OrderKind.COMPLAINT, at("2026-12-05T20:00"))
    first = desk.order(order_id)
    assert (first.sla_stage, first.due_at) == (SlaStage.ACCEPT, at("2026-12-05T20:10"))
    assert first.amber_at == at("2026-12-05T20:05") and first.red_at == at("2026-12-05T20:08")
    actions = desk.actions()
    assert actions.record_investigation([order_id]).refused[order_id][1] is Refusal.NOT_ACCEPTED
    desk.now = at("2026-12-05T20:06")
    assert actions.accept([order_id]).changed == 1  # the desk accepts a complaint itself, no technician needed
    second = desk.order(order_id)
    assert (second.sla_stage, second.due_at, second.status) == (SlaStage.INVESTIGATE, at("2026-12-05T20:30"), OrderStatus.ACCEPTED)
    assert actions.resolve([order_id]).refused[order_id][1] is Refusal.NOT_INVESTIGATED
    desk.now = at("2026-12-05T20:25")
    assert actions.record_investigation([order_id], "光缆中断已定位").changed == 1
    third = desk.order(order_id)
    assert (third.sla_stage, third.due_at) == (SlaStage.FEEDBACK, at("2026-12-05T21:00"))
    assert actions.record_investigation([order_id]).refused[order_id][1] is Refusal.ALREADY_INVESTIGATED
    desk.now = at("2026-12-05T20:50")
    assert actions.resolve([order_id], "已回复客户").changed == 1
    assert desk.order(order_id).status is OrderStatus.RESOLVED
    detail = desk.reader.detail(order_id, desk.now)
    stages = {s.stage: s for s in detail.stages}
    assert [s.stage for s in detail.stages] == [SlaStage.ACCEPT, SlaStage.INVESTIGATE, SlaStage.FEEDBACK]
    assert stages[SlaStage.ACCEPT].done_at == at("2026-12-05T20:06") and stages[SlaStage.ACCEPT].band is Band.AMBER
    assert stages[SlaStage.FEEDBACK].done_at == at("2026-12-05T20:50") and stages[SlaStage.FEEDBACK].band is Band.RED


def test_provisioning_steps_are_made_at_intake_and_each_department_runs_its_own_limit(desk) -> None:
    desk.now = at("2026-09-18T16:30")
    order_id = desk.take(OrderKind.PROVISIONING, at("2026-09-18T16:00"), level=CustomerLevel.GOLD)
    with desk.db.reading() as s:
        steps = {st.step: st for st in s.scalars(select(OrderStep).where(OrderStep.order_id == order_id))}
    assert list(steps) == list(ProvisioningStep) and desk.order(order_id).current_step is ProvisioningStep.RESOURCE_CHECK
    # Gold's resource check is one working day (9 h): Fri 16-18 (2 h), Sat off, Sun 20 Sep is worked (调休) 09-16.
    assert steps[ProvisioningStep.RESOURCE_CHECK].due_at == at("2026-09-20T16:00")
    assert all(steps[s].started_at is None for s in list(ProvisioningStep)[1:])
    desk.now = at("2026-09-21T10:00")  # done on Monday: late
    outcome = desk.actions().advance_step(order_id, ProvisioningStep.RESOURCE_CHECK, "资源满足")
    assert outcome.changed == 1
    again = desk.actions().advance_step(order_id, ProvisioningStep.RESOURCE_CHECK)
    assert again.refused[order_id][1] is Refusal.STEP_DONE
    skipped = desk.actions().advance_step(order_id, ProvisioningStep.CONFIGURATION)
    assert skipped.refused[order_id][1] is Refusal.STEP_NOT_CURRENT
    with desk.db.reading() as s:
        steps = {st.step: st for st in s.scalars(select(OrderStep).where(OrderStep.order_id == order_id))}
        done = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order_id, AuditEntry.action == "order.step_done")).one()
    assert steps[ProvisioningStep.RESOURCE_CHECK].completed_by == desk.user.id and done.after["late"] is True
    # Construction, 3 working days (27 h) from Mon 10:00: Mon 8 h, Tue 9, Wed 9, Thu 1 -> Thu 24 Sep 10:00 (25-27 Sep off after).
    assert steps[ProvisioningStep.CONSTRUCTION].started_at == desk.now
    assert steps[ProvisioningStep.CONSTRUCTION].due_at == at("2026-09-24T10:00")
    assert desk.order(order_id).current_step is ProvisioningStep.CONSTRUCTION
    desk.now = at("2026-09-30T17:00")
    desk.actions().advance_step(order_id, ProvisioningStep.CONSTRUCTION)
    with desk.db.reading() as s:
        configuration = s.scalars(select(OrderStep).where(OrderStep.order_id == order_id,
                                                          OrderStep.step == ProvisioningStep.CONFIGURATION)).one()
    # One working day from Wed 30 Sep 17:00: 1 h, then 1-7 Oct off: Thu 8 Oct 09:00 + 8 h.
    assert configuration.due_at == at("2026-10-08T17:00")
    chased = desk.actions().chase_step([order_id], "请加快配置")
    assert chased.changed == 1
    with desk.db.reading() as s:
        chase = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order_id, AuditEntry.action == "order.step_chased")).one()
    assert chase.after == {"step": "configuration", "department": "传输/数据室", "late": False} and chase.reason == "请加快配置"
    detail = desk.reader.detail(order_id, desk.now)
    clocks = {c.step: c for c in detail.step_clocks}
    assert clocks[ProvisioningStep.RESOURCE_CHECK].late and clocks[ProvisioningStep.CONFIGURATION].band is Band.GREEN


def test_a_fault_runs_from_start_to_close_and_is_returned_the_same_day(desk) -> None:
    desk.now = at("2026-12-05T09:10")
    order_id = desk.take(OrderKind.FAULT, at("2026-12-05T09:00"), assurance=Assurance.AA)
    actions = desk.actions()
    assert actions.start([order_id]).refused[order_id][1] is Refusal.NOT_ACCEPTED
    assert actions.resolve([order_id]).refused[order_id][1] is Refusal.NOT_STARTED
    assert actions.return_completion([order_id]).refused[order_id][1] is Refusal.NOT_RESOLVED
    desk.assign(order_id)
    actions.accept([order_id])
    assert actions.start([order_id]).changed == 1 and desk.order(order_id).status is OrderStatus.IN_PROGRESS
    assert actions.start([order_id]).refused[order_id][1] is Refusal.ALREADY_STARTED
    desk.now = at("2026-12-05T11:00")
    assert actions.resolve([order_id], "更换光模块").changed == 1
    assert actions.cancel([order_id], CancelReason.DUPLICATE).refused[order_id][1] is Refusal.RESOLVED
    assert actions.close([order_id]).changed == 1 and desk.order(order_id).closed_at == desk.now
    desk.now = at("2026-12-05T23:30")
    assert actions.return_completion([order_id]).changed == 1
    assert actions.return_completion([order_id]).refused[order_id][1] is Refusal.ALREADY_RETURNED
    with desk.db.reading() as s:
        returned = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order_id, AuditEntry.action == "order.returned")).one()
    assert returned.after["same_day"] is True
    assert desk.order(order_id).returned_at == desk.now


def test_a_provisioning_order_closes_only_by_the_customers_signature(desk) -> None:
    desk.now = at("2026-12-04T10:00")
    order_id = desk.take(OrderKind.PROVISIONING, at("2026-12-04T09:30"))
    desk.assign(order_id)
    actions = desk.actions()
    actions.accept([order_id])
    actions.start([order_id])
    assert actions.resolve([order_id]).refused[order_id][1] is Refusal.NEEDS_SIGNATURE


def test_a_cancelled_order_needs_a_reason_ends_its_pause_and_says_why(desk) -> None:
    from console.core.domain.enums import PauseReason
    from console.core.services.orders import OrderActions

    desk.now = at("2026-12-04T10:00")
    order_id = desk.take(OrderKind.SURVEY, at("2026-12-04T09:30"))
    OrderActions(desk.db, desk.user, lambda: desk.now).pause([order_id], PauseReason.CUSTOMER_POSTPONED, "客户搬迁")
    with pytest.raises(ValueError, match="say why"):
        desk.actions().cancel([order_id], CancelReason.OTHER, "  ")
    assert desk.order(order_id).status is OrderStatus.NEW  # nothing written
    with pytest.raises(ValueError):
        desk.actions().cancel([order_id], "changed_my_mind", "")
    assert desk.actions().cancel([order_id], CancelReason.CUSTOMER_WITHDREW, "客户取消需求").changed == 1
    order = desk.order(order_id)
    assert (order.status, order.cancel_reason, order.paused_since) == (OrderStatus.CANCELLED, CancelReason.CUSTOMER_WITHDREW, None)
    assert desk.actions().cancel([order_id], CancelReason.DUPLICATE).refused[order_id][1] is Refusal.NOT_OPEN
    with desk.db.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order_id, AuditEntry.action == "order.cancelled")).one()
    assert entry.reason == "客户取消需求" and entry.after["cancel_reason"] == "customer_withdrew"
