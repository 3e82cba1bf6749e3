"""The survey system's dissatisfied answer makes its callback at the centre, in the answer's own
transaction (over real PostgreSQL); the task reaches the region's desk through the feed, and the
desk's actions on it are run again at the centre as the desk's user."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import func, select

from console.core.domain.callbacks import CallbackOutcome, CallbackState
from console.core.domain.enums import FieldEventKind, OrderStatus, Respondent
from console.core.services.callbacks import CallbackActions, overdue_callbacks
from console.core.store.models import Callback, FieldEvent, WorkOrder, callback_id_for, touch
from tests.fixtures.centre import auth, login
from tests.fixtures.desks import make_desk  # noqa: F401 - a fixture, used by name


def an_unanswered_closed_order(central, region_id) -> WorkOrder:
    """An order of the region nobody answered about, completed (the centre's small demo has few closed ones)."""
    with central.unit_of_work() as s:
        answered = select(FieldEvent.order_id).where(FieldEvent.kind == FieldEventKind.SATISFACTION)
        order = s.scalars(select(WorkOrder).where(WorkOrder.region_id == region_id, WorkOrder.id.not_in(answered))
                          .order_by(WorkOrder.number)).first()
        if order.status is not OrderStatus.CLOSED:
            order.status, order.closed_at = OrderStatus.CLOSED, datetime.now(UTC) - timedelta(hours=1)
            touch(order, datetime.now(UTC))
        s.flush()
        s.expunge(order)
        return order


def survey(base: str, order_id, rating: str, respondent: str = "customer") -> requests.Response:
    admin = auth(login(base, "admin").json()["token"])
    at = (datetime.now(UTC) - timedelta(minutes=2)).isoformat()
    return requests.post(f"{base}/surveys/{order_id}", json={"respondent": respondent, "rating": rating, "comment": "装机拖了两天", "at": at},
                         headers=admin, timeout=10)


def test_a_dissatisfied_answer_makes_its_callback_at_the_centre_and_the_desk_works_it(centre, make_desk) -> None:  # noqa: F811
    base, central, _url = centre
    desk = make_desk("a")  # a dispatcher of the central region
    order = an_unanswered_closed_order(central, desk.user.region_id)
    assert survey(base, order.id, "dissatisfied").status_code == 204
    with central.reading() as s:
        event = s.scalars(select(FieldEvent).where(FieldEvent.order_id == order.id, FieldEvent.respondent == Respondent.CUSTOMER)).one()
        task = s.get(Callback, callback_id_for(event.id))
    assert task is not None and task.state is CallbackState.OPEN and task.order_id == order.id
    assert task.due_at == event.received_at + timedelta(hours=24)
    assert survey(base, order.id, "dissatisfied").status_code == 409  # answered once: still one task
    assert survey(base, order.id, "satisfied", "account_manager").status_code == 204  # a satisfied answer: none
    with central.reading() as s:
        assert s.scalar(select(func.count()).select_from(Callback).where(Callback.order_id == order.id)) == 1
    assert task.id in {t.id for t in overdue_callbacks(central, desk.user.region_id, task.due_at + timedelta(seconds=1))}

    desk.worker.pull_once()
    actions = CallbackActions(desk.database, desk.user, lambda: datetime.now(UTC))
    [mine] = [t for t in actions.tasks(desk.user.region_id) if t.id == task.id]
    assert mine.order_number == order.number and mine.comment == "装机拖了两天"
    actions.record_call(task.id, CallbackOutcome.NOT_REACHED, "无人接听")
    desk.worker.push_once()
    with central.reading() as s:
        at_centre = s.get(Callback, task.id)
    assert (at_centre.state, at_centre.attempts, at_centre.called_by) == (CallbackState.OPEN, 1, desk.user.id)
