"""The order's life after dispatch, from a desk to the centre and the other desk: each action an
operation the centre runs again as the desk's user (its own time, its own rules), none of them a
conflict, every audit row in the centre's chain."""

from __future__ import annotations

from sqlalchemy import select

from central import audit_chain
from console.core.domain.enums import CancelReason, OrderKind, OrderStatus, ProvisioningStep
from console.core.services.lifecycle_actions import LifecycleActions
from console.core.store.models import AuditEntry, OrderStep, WorkOrder
from tests.fixtures.demo import DEMO_NOW


def _orders(desk, kind: OrderKind, status: OrderStatus, **where) -> list[WorkOrder]:
    with desk.database.reading() as s:
        rows = s.scalars(select(WorkOrder).where(WorkOrder.region_id == desk.user.region_id, WorkOrder.kind == kind,
                                                 WorkOrder.status == status, WorkOrder.paused_since.is_(None),
                                                 *[getattr(WorkOrder, k) == v for k, v in where.items()])
                         .order_by(WorkOrder.number)).all()
        for row in rows:
            s.expunge(row)
        return rows


def test_a_faults_life_and_a_provisioning_step_reach_the_centre_and_the_other_desk(centre, make_desk) -> None:
    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    fault = _orders(a, OrderKind.FAULT, OrderStatus.DISPATCHED)[0]
    survey = _orders(a, OrderKind.SURVEY, OrderStatus.NEW)[0]
    step = next(o for o in _orders(a, OrderKind.PROVISIONING, OrderStatus.ACCEPTED)
                if o.current_step not in (None, ProvisioningStep.TEST_DELIVERY))
    actions = LifecycleActions(a.database, a.user, lambda: DEMO_NOW)
    for act in (lambda: actions.accept([fault.id]), lambda: actions.start([fault.id]),
                lambda: actions.resolve([fault.id], "更换光模块"), lambda: actions.close([fault.id]),
                lambda: actions.return_completion([fault.id]),
                lambda: actions.cancel([survey.id], CancelReason.DUPLICATE, "与另一单重复"),
                lambda: actions.advance_step(step.id, step.current_step, "部门确认"),
                lambda: actions.chase_step([step.id], "请加快")):
        outcome = act()
        assert outcome.changed == 1 and not outcome.refused
    assert a.worker.push_once() and a.replica.counts().pending == 0 and a.replica.counts().conflicts == 0
    with central.reading() as s:
        at_centre = s.get(WorkOrder, fault.id)
        assert at_centre.status == OrderStatus.CLOSED and at_centre.responded_at is not None and at_centre.returned_at is not None
        assert at_centre.responded_at != DEMO_NOW  # the centre's time, not the desk's
        assert (s.get(WorkOrder, survey.id).status, s.get(WorkOrder, survey.id).cancel_reason) == (OrderStatus.CANCELLED, CancelReason.DUPLICATE)
        done = s.scalars(select(OrderStep).where(OrderStep.order_id == step.id, OrderStep.step == step.current_step)).one()
        assert done.completed_at is not None and done.completed_by == a.user.id
        actions_at_centre = set(s.scalars(select(AuditEntry.action).where(AuditEntry.order_id.in_([fault.id, survey.id, step.id]),
                                                                          AuditEntry.user_id == a.user.id)))
    assert {"order.accepted", "order.started", "order.resolved", "order.closed", "order.returned", "order.cancelled",
            "order.step_done", "order.step_chased"} <= actions_at_centre
    with central.reading() as s:
        report = audit_chain.verify(s)
    assert report.intact and report.unchained == 0, report
    b.worker.pull_once()
    with b.database.reading() as s:
        assert s.get(WorkOrder, fault.id).status == OrderStatus.CLOSED
        assert s.get(WorkOrder, step.id).current_step is not step.current_step
