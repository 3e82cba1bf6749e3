"""Bulk actions from the queue: allowed ones change and are audited, refused ones say why."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from console.core.domain.enums import OrderStatus, PauseReason, Role
from console.core.domain.lifecycle import Refusal
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import AuditEntry, SlaPause, WorkOrder
from tests.fixtures.demo import DEMO_NOW


@pytest.fixture
def reader(demo_db) -> DeskReader:
    return DeskReader(demo_db)


def actions(demo_db, reader, username=None, now=DEMO_NOW) -> OrderActions:
    return OrderActions(demo_db, reader.user(username), lambda: now)


def audit_count(db, action: str) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == action))


def test_assign_dispatches_new_orders_and_refuses_ones_on_site(demo_db, reader) -> None:
    rows = reader.queue()
    new = [r for r in rows if r.status is OrderStatus.NEW][:3]
    on_site = next(r for r in rows if r.status is OrderStatus.IN_PROGRESS)
    tech = reader.technicians()[0]
    outcome = actions(demo_db, reader).assign([r.id for r in new] + [on_site.id], tech.id)
    assert outcome.changed == 3
    assert outcome.refused == {on_site.id: (on_site.number, Refusal.ON_SITE)}
    after = {r.id: r for r in reader.queue()}
    assert all(after[r.id].assignee == tech.name and after[r.id].status is OrderStatus.DISPATCHED for r in new)
    assert audit_count(demo_db, "order.assigned") >= 3
    with demo_db.reading() as s:
        assert {s.get(WorkOrder, r.id).version for r in new} == {2}


def test_pause_needs_a_recorded_reason_and_resume_credits_the_time(demo_db, reader) -> None:
    row = next(r for r in reader.queue() if r.status is OrderStatus.ACCEPTED and not r.paused and r.sla.times.business)
    with pytest.raises(ValueError):
        actions(demo_db, reader).pause([row.id], "because", "")
    outcome = actions(demo_db, reader).pause([row.id], PauseReason.CUSTOMER_NOT_READY, "机房未完工")
    assert outcome.changed == 1
    paused = next(r for r in reader.queue() if r.id == row.id)
    assert paused.paused and paused.sla.paused_since == DEMO_NOW
    again = actions(demo_db, reader).pause([row.id], PauseReason.CUSTOMER_NOT_READY)
    assert again.refused[row.id][1] is Refusal.ALREADY_PAUSED
    later = DEMO_NOW + timedelta(hours=23, minutes=30)  # Monday 09:30 in Shanghai: half a business hour paused
    actions(demo_db, reader, now=later).resume([row.id])
    resumed = next(r for r in reader.queue() if r.id == row.id)
    assert not resumed.paused
    from console.core.domain.calendar import BusinessCalendar

    assert BusinessCalendar().business_time_between(row.due_at, resumed.due_at) == timedelta(minutes=30)
    with demo_db.reading() as s:
        pause = s.scalars(select(SlaPause).where(SlaPause.order_id == row.id, SlaPause.started_at == DEMO_NOW)).one()
    assert pause.reason is PauseReason.CUSTOMER_NOT_READY and pause.note == "机房未完工" and pause.ended_at == later


def test_only_a_supervisor_approves_a_long_pause(demo_db, reader) -> None:
    row = next(r for r in reader.queue() if r.status is OrderStatus.ACCEPTED and not r.paused)
    actions(demo_db, reader, "wang.wei.central").pause([row.id], PauseReason.CUSTOMER_POSTPONED)
    refused = actions(demo_db, reader, "wang.wei.central").approve_pause([row.id])
    assert refused.refused[row.id][1] is Refusal.NOT_SUPERVISOR
    supervisor = reader.user("supervisor.central")
    assert supervisor.role is Role.SUPERVISOR
    approved = OrderActions(demo_db, supervisor, lambda: DEMO_NOW + timedelta(hours=30)).approve_pause([row.id])
    assert approved.changed == 1
    assert next(r for r in reader.queue() if r.id == row.id).sla.pause_approved
    with demo_db.reading() as s:  # each row the action changed: version one up, stamped with the action's time
        pause = s.scalars(select(SlaPause).where(SlaPause.order_id == row.id, SlaPause.ended_at.is_(None))).one()
        assert (pause.version, pause.updated_at) == (2, DEMO_NOW + timedelta(hours=30))
        assert s.get(WorkOrder, row.id).version == row.version + 2  # paused, then approved


def test_priority_outside_the_range_is_refused_and_nothing_changes(demo_db, reader) -> None:
    rows = reader.queue()[:2]
    before = [r.priority for r in rows]
    outcome = actions(demo_db, reader).set_priority([r.id for r in rows], 9)
    assert outcome.changed == 0 and {why for _n, why in outcome.refused.values()} == {Refusal.BAD_PRIORITY}
    assert [r.priority for r in reader.queue()[:2]] == before
    assert actions(demo_db, reader).set_priority([r.id for r in rows], 1).changed == 2


def test_an_inactive_technician_is_refused_for_every_order(demo_db, reader) -> None:
    import uuid

    rows = reader.queue()[:2]
    outcome = actions(demo_db, reader).assign([r.id for r in rows], uuid.uuid4())
    assert outcome.changed == 0 and all(why is Refusal.TECHNICIAN_INACTIVE for _n, why in outcome.refused.values())


def test_a_pause_for_a_field_exception_is_the_exception_rules_not_a_dispatchers(demo_db, reader) -> None:
    row = next(r for r in reader.queue() if r.status is OrderStatus.ACCEPTED and not r.paused)
    with pytest.raises(ValueError, match="exception rules"):
        actions(demo_db, reader).pause([row.id], PauseReason.FIELD_EXCEPTION, "")
    assert not next(r for r in reader.queue() if r.id == row.id).paused
