"""Satisfaction callbacks against a hostile desk: each callback action on another region's callback
is refused by region before it runs (even a supervisor's), one beyond the user's role is refused as
such, and in both cases the centre writes nothing but its record of the refusal. A desk cannot say
who called or when: the centre runs the action as the token's user at its own time."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from console.core.domain.callbacks import CallbackOutcome, CallbackState
from console.core.domain.enums import FieldEventKind, Respondent, SatisfactionRating
from console.core.services.callbacks import CallbackActions, open_callback
from console.core.services.desk import DeskReader
from console.core.store.models import Callback, FieldEvent, WorkOrder
from tests.security.push_helpers import (
    MINE,
    THEIRS,
    feed_mark,
    mentions,
    op,
    push,
    region,
    results,
    state,
    token,
    user,
    written_since,
)


def a_callback(central, code: str) -> Callback:
    """A dissatisfied answer on an order of the region, and its callback, made at the centre."""
    now = datetime.now(UTC)
    with central.unit_of_work() as s:
        order = s.scalars(select(WorkOrder).where(WorkOrder.region_id == region(central, code).id).order_by(WorkOrder.number)).first()
        event = FieldEvent(order_id=order.id, kind=FieldEventKind.SATISFACTION, occurred_at=now, received_at=now,
                           rating=SatisfactionRating.DISSATISFIED, respondent=Respondent.CUSTOMER, payload={"comment": "太慢"})
        s.add(event)
        s.flush()
        task = open_callback(s, event)
        s.flush()
        s.expunge(task)
        return task


def called_back(central, task: Callback) -> None:
    """The customer reached and a remedy written, by the region's supervisor at the centre."""
    actions = CallbackActions(central, DeskReader(central).user("supervisor.central"), lambda: datetime.now(UTC))
    actions.record_call(task.id, CallbackOutcome.REACHED, "说明情况")
    actions.record_remedy(task.id, "约谈工程师")


ON_THEIR_CALLBACK: dict[str, Callable[[Callback, uuid.UUID], dict]] = {
    "take it": lambda c, _u: op("callbacks.take", callback_id=str(c.id)),
    "assign it to me": lambda c, me: op("callbacks.assign", callback_id=str(c.id), caller_id=str(me)),
    "record a call": lambda c, _u: op("callbacks.record_call", callback_id=str(c.id), outcome="reached", note="mine"),
    "record a remedy": lambda c, _u: op("callbacks.record_remedy", callback_id=str(c.id), remedy="mine"),
    "close it": lambda c, _u: op("callbacks.close", callback_id=str(c.id), note="mine"),
}


@pytest.mark.parametrize("attack", list(ON_THEIR_CALLBACK))
def test_another_regions_callback_cannot_be_acted_on_even_by_a_supervisor(centre, attack) -> None:
    base, central, _url = centre
    theirs = a_callback(central, THEIRS)
    before, mark = state(central, Callback, theirs.id), feed_mark(central)
    me = user(central, "supervisor.central").id
    answer = push(base, token(base, "supervisor.central"), [{"m": 1, "op": ON_THEIR_CALLBACK[attack](theirs, me)}])
    refused = results(answer)[0]
    assert (refused["ok"], refused["code"]) == (False, "region")
    assert state(central, Callback, theirs.id) == before and written_since(central, mark) == set()
    assert not mentions(answer.text, theirs)


@pytest.mark.parametrize("attack", ["assign it to me", "close it"])
def test_a_dispatcher_neither_assigns_nor_closes_a_callback(centre, attack) -> None:
    base, central, _url = centre
    mine = a_callback(central, MINE)
    called_back(central, mine)
    before, mark = state(central, Callback, mine.id), feed_mark(central)
    me = user(central, "wang.wei.central").id
    refused = results(push(base, token(base), [{"m": 1, "op": ON_THEIR_CALLBACK[attack](mine, me)}]))[0]
    assert (refused["ok"], refused["code"]) == (False, "rules_role")
    assert state(central, Callback, mine.id) == before and written_since(central, mark) == set()


def test_the_centre_runs_a_call_as_the_tokens_user_at_its_own_time(centre) -> None:
    base, central, _url = centre
    mine = a_callback(central, MINE)
    wang = user(central, "wang.wei.central").id
    forged = op("callbacks.record_call", callback_id=str(mine.id), outcome="reached", note="x",
                called_by=str(user(central, "supervisor.central").id))
    unusable = results(push(base, token(base), [{"m": 1, "op": forged}]))[0]
    assert unusable["code"] == "unusable" and "called_by" in unusable["reason"]
    started = datetime.now(UTC)
    call = op("callbacks.record_call", callback_id=str(mine.id), outcome="reached", note="工程师迟到")
    assert results(push(base, token(base), [{"m": 2, "op": call}]))[0]["ok"]
    after = state(central, Callback, mine.id)
    assert after["called_by"] == after["caller_id"] == wang and after["state"] is CallbackState.CALLED
    assert started - timedelta(seconds=1) <= after["called_at"] <= datetime.now(UTC) + timedelta(seconds=1)
    close = op("callbacks.close", callback_id=str(mine.id))
    early = results(push(base, token(base, "supervisor.central"), [{"m": 1, "op": close}], desk="desk-supervisor"))[0]
    assert early["code"] == "unusable" and "remedy" in early["reason"]  # the supervisor's close before the remedy: named


def test_a_dispatcher_cannot_work_a_callback_someone_else_took(centre) -> None:
    base, central, _url = centre
    mine = a_callback(central, MINE)
    supervisor = DeskReader(central).user("supervisor.central")
    CallbackActions(central, supervisor, lambda: datetime.now(UTC)).take(mine.id)
    before, mark = state(central, Callback, mine.id), feed_mark(central)
    for m, attempt in enumerate((ON_THEIR_CALLBACK["record a call"](mine, None), ON_THEIR_CALLBACK["take it"](mine, None)), start=1):
        refused = results(push(base, token(base), [{"m": m, "op": attempt}]))[0]
        assert refused["code"] == "unusable" and "another person took this callback" in refused["reason"]
    assert state(central, Callback, mine.id) == before and written_since(central, mark) == set()
