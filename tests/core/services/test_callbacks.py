"""Satisfaction callbacks (回访): a dissatisfied answer makes its task in the answer's own unit of
work, due by the rule parameter; a call that does not reach the customer keeps it open and counts;
the remedy follows the call and a supervisor closes it; the overdue ones are the open ones past due."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.core.domain import callbacks as rules
from console.core.domain.callbacks import CallbackOutcome, CallbackRefusal, CallbackState
from console.core.domain.enums import FieldEventKind, OrderStatus, Respondent, Role, SatisfactionRating
from console.core.services.callbacks import (
    CallbackActions,
    CallbackNotAllowed,
    CallbackRefused,
    callback_months,
    overdue_callbacks,
)
from console.core.services.desk import DeskReader
from console.core.services.field import FieldReports
from console.core.store.models import AuditEntry, Callback, FieldEvent, RuleParameter, WorkOrder, callback_id_for, touch
from console.core.store.rows import DeskUser
from tests.fixtures.demo import DEMO_NOW

SURVEY_SYSTEM = DeskUser(None, "survey", "survey", Role.ADMIN, None, None, None)


def as_user(db, username: str, now=DEMO_NOW) -> CallbackActions:
    return CallbackActions(db, DeskReader(db).user(username), lambda: now)


def an_unanswered_closed_order(db) -> WorkOrder:
    """A closed order of the central region nobody has answered the survey about."""
    central = DeskReader(db).user("wang.wei.central").region_id
    with db.reading() as s:
        answered = set(s.scalars(select(FieldEvent.order_id).where(FieldEvent.kind == FieldEventKind.SATISFACTION)))
        order = next(o for o in s.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.CLOSED, WorkOrder.region_id == central)
                                          .order_by(WorkOrder.number)) if o.id not in answered)
        s.expunge(order)
        return order


def answer(db, order_id, rating=SatisfactionRating.DISSATISFIED, respondent=Respondent.CUSTOMER, now=DEMO_NOW) -> Callback | None:
    FieldReports(db, SURVEY_SYSTEM, None, lambda: now).survey(order_id, respondent, rating, "工程师迟到", now - timedelta(minutes=5))
    with db.reading() as s:
        event = s.scalar(select(FieldEvent).where(FieldEvent.order_id == order_id, FieldEvent.respondent == respondent,
                                                  FieldEvent.kind == FieldEventKind.SATISFACTION))
        return s.get(Callback, callback_id_for(event.id))


def test_the_rules_of_a_callback_without_a_database() -> None:
    assert rules.state_after_call(CallbackState.OPEN, CallbackOutcome.NOT_REACHED) is CallbackState.OPEN
    assert rules.state_after_call(CallbackState.OPEN, CallbackOutcome.REFUSED) is CallbackState.CALLED
    assert rules.state_after_call(CallbackState.CALLED, CallbackOutcome.NOT_REACHED) is CallbackState.CALLED  # a follow-up call
    assert rules.may_close(Role.DISPATCHER, CallbackState.CALLED, "整改") is CallbackRefusal.ROLE
    assert rules.may_close(Role.SUPERVISOR, CallbackState.OPEN, "") is CallbackRefusal.NOT_CALLED
    assert rules.may_close(Role.SUPERVISOR, CallbackState.CALLED, "  ") is CallbackRefusal.NO_REMEDY
    assert rules.may_close(Role.SUPERVISOR, CallbackState.CALLED, "整改") is None
    assert rules.may_work(Role.TECHNICIAN, None, None, CallbackState.OPEN) is CallbackRefusal.ROLE
    assert rules.due_hours("6") == 6 and rules.due_hours("soon") == rules.due_hours(-3) == rules.DEFAULT_DUE_HOURS
    due = DEMO_NOW + timedelta(hours=1)
    assert not rules.is_overdue(CallbackState.OPEN, due, DEMO_NOW) and rules.is_overdue(CallbackState.OPEN, due, due)
    assert not rules.is_overdue(CallbackState.CALLED, due, due + timedelta(days=1))


def test_a_dissatisfied_answer_makes_its_callback_due_by_the_rule_and_a_satisfied_one_none(demo_db) -> None:
    with demo_db.unit_of_work() as s:
        row = s.scalar(select(RuleParameter).where(RuleParameter.key == "callbacks.due_hours"))
        row.value = {"value": 6}
        touch(row, DEMO_NOW)
    order = an_unanswered_closed_order(demo_db)
    task = answer(demo_db, order.id)
    assert task is not None and task.state is CallbackState.OPEN and task.order_id == order.id
    assert task.due_at == DEMO_NOW + timedelta(hours=6)  # from when the answer reached the centre
    assert answer(demo_db, order.id, SatisfactionRating.SATISFIED, Respondent.ACCOUNT_MANAGER) is None


def test_a_call_not_reaching_the_customer_keeps_it_open_and_counts_then_remedy_and_close(demo_db) -> None:
    task = answer(demo_db, an_unanswered_closed_order(demo_db).id)
    dispatcher, supervisor = as_user(demo_db, "wang.wei.central"), as_user(demo_db, "supervisor.central")
    dispatcher.take(task.id)
    dispatcher.record_call(task.id, CallbackOutcome.NOT_REACHED)
    dispatcher.record_call(task.id, CallbackOutcome.NOT_REACHED, "关机")
    [listed] = [t for t in dispatcher.tasks(task_region(demo_db, task)) if t.id == task.id]
    assert listed.state is CallbackState.OPEN and listed.attempts == 2 and listed.caller
    with pytest.raises(CallbackRefused) as early:
        dispatcher.record_remedy(task.id, "约谈工程师")
    assert early.value.refusal is CallbackRefusal.NOT_CALLED
    with pytest.raises(CallbackRefused) as silent:
        dispatcher.record_call(task.id, CallbackOutcome.REACHED, "  ")  # reached: what the customer said is wanted
    assert silent.value.refusal is CallbackRefusal.EMPTY and "note" in str(silent.value)
    dispatcher.record_call(task.id, CallbackOutcome.REACHED, "工程师迟到两小时")
    with pytest.raises(CallbackRefused) as no_remedy:
        supervisor.close(task.id)
    assert no_remedy.value.refusal is CallbackRefusal.NO_REMEDY
    dispatcher.record_remedy(task.id, "约谈工程师，纳入考核")
    with pytest.raises(CallbackNotAllowed):
        dispatcher.close(task.id)  # the supervisor signs the remedy off, not the one who made it
    supervisor.close(task.id, "客户认可")
    with demo_db.reading() as s:
        done = s.get(Callback, task.id)
        actions = list(s.scalars(select(AuditEntry.action).where(AuditEntry.entity_id == task.id)))
    assert done.state is CallbackState.CLOSED and done.closed_at == DEMO_NOW and done.attempts == 3
    assert done.closed_by == DeskReader(demo_db).user("supervisor.central").id and done.remedy_by == done.called_by
    assert sorted(actions) == ["callback.called"] * 3 + ["callback.closed", "callback.remedy", "callback.taken"]
    with pytest.raises(CallbackRefused) as again:
        dispatcher.record_call(task.id, CallbackOutcome.REACHED, "再次回访")
    assert again.value.refusal is CallbackRefusal.CLOSED


def task_region(db, task):
    with db.reading() as s:
        return s.get(WorkOrder, task.order_id).region_id


def test_a_dispatcher_works_only_their_own_or_untaken_callbacks_and_a_supervisor_assigns(demo_db) -> None:
    task = answer(demo_db, an_unanswered_closed_order(demo_db).id)
    wang, li = as_user(demo_db, "wang.wei.central"), as_user(demo_db, "li.na.central")
    wang.take(task.id)
    with pytest.raises(CallbackRefused) as taken:
        li.record_call(task.id, CallbackOutcome.REACHED, "说明")
    assert taken.value.refusal is CallbackRefusal.TAKEN
    with pytest.raises(CallbackNotAllowed):
        li.assign(task.id, DeskReader(demo_db).user("li.na.central").id)
    supervisor = as_user(demo_db, "supervisor.central")
    with pytest.raises(CallbackRefused) as elsewhere:  # a dispatcher of another region does not call this customer
        supervisor.assign(task.id, DeskReader(demo_db).user("zhang.min.pudong").id)
    assert elsewhere.value.refusal is CallbackRefusal.NOT_A_CALLER
    supervisor.assign(task.id, DeskReader(demo_db).user("li.na.central").id)
    li.record_call(task.id, CallbackOutcome.REFUSED, "客户不愿多谈")
    with demo_db.reading() as s:
        assert s.get(Callback, task.id).state is CallbackState.CALLED


def test_overdue_callbacks_are_the_open_ones_past_due_of_the_region(demo_db) -> None:
    task = answer(demo_db, an_unanswered_closed_order(demo_db).id)
    region = task_region(demo_db, task)
    later = task.due_at + timedelta(minutes=1)
    assert task.id not in {t.id for t in overdue_callbacks(demo_db, region, task.due_at - timedelta(minutes=1))}
    late = overdue_callbacks(demo_db, region, later)
    assert task.id in {t.id for t in late} and all(t.overdue(later) for t in late)
    with demo_db.reading() as s:  # an open session does as well as the database
        assert {t.id for t in overdue_callbacks(s, region, later)} == {t.id for t in late}
    other = DeskReader(demo_db).user("zhang.min.pudong").region_id
    assert task.id not in {t.id for t in overdue_callbacks(demo_db, other, later)}
    as_user(demo_db, "wang.wei.central").record_call(task.id, CallbackOutcome.REACHED, "已解释")
    assert task.id not in {t.id for t in overdue_callbacks(demo_db, region, later)}


def test_the_demo_has_a_callback_for_every_dissatisfied_answer_and_the_months_count_them(demo_db) -> None:
    with demo_db.reading() as s:
        unhappy = set(s.scalars(select(FieldEvent.id).where(FieldEvent.rating == SatisfactionRating.DISSATISFIED)))
        tasks = s.scalars(select(Callback)).all()
        edges = [DEMO_NOW - timedelta(days=400), DEMO_NOW + timedelta(days=1)]
        [month] = callback_months(s, None, edges)
    assert unhappy and {t.field_event_id for t in tasks} == unhappy
    assert month.dissatisfied == month.callbacks == len(tasks) and month.unrated == 0
    assert month.called_back == sum(t.state is not CallbackState.OPEN for t in tasks)
    assert month.closed == sum(t.state is CallbackState.CLOSED for t in tasks)
    assert overdue_callbacks(demo_db, None, DEMO_NOW)  # the demo's supervisor has one or two to chase
