"""The satisfaction dashboard's months count the dissatisfied answers and their callbacks (回访) from
the answers themselves (tests/core/services/dashboard_cases.py, built by hand): an answer whose
task is missing shows as not called back, and nothing is left out of a month."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from console.core.domain.callbacks import CallbackOutcome
from console.core.domain.enums import FieldEventKind, Role, SatisfactionRating
from console.core.services.callbacks import CallbackActions, open_callback
from console.core.services.dashboard_figures import Period
from console.core.services.dashboards import Dashboards
from console.core.store.models import FieldEvent
from console.core.store.rows import DeskUser
from tests.core.services.dashboard_cases import NOW, Centre, build


@pytest.fixture
def centre(tmp_path) -> Centre:
    built = build(tmp_path / "desk.sqlite")
    yield built
    built.database.close()


def test_each_month_counts_the_dissatisfied_answers_called_back_and_closed(centre) -> None:
    before = {m.month: m for m in Dashboards(centre.database).compute(centre.r1, Period.DAY, NOW).satisfaction.months}
    november = before[date(2026, 11, 1)]
    assert (november.answers, november.very_satisfied, november.dissatisfied, november.callbacks, november.called_back) == (2, 1, 1, 0, 0)
    with centre.database.unit_of_work() as s:  # the hand-built answer (O4's) gets its task, and it is called back
        event = s.scalars(select(FieldEvent).where(FieldEvent.order_id == centre.orders["O4"], FieldEvent.kind == FieldEventKind.SATISFACTION,
                                                   FieldEvent.rating == SatisfactionRating.DISSATISFIED)).one()
        task_id = open_callback(s, event).id
    supervisor = DeskUser(None, "sup", "sup", Role.SUPERVISOR, None, None, None)
    CallbackActions(centre.database, supervisor, lambda: NOW).record_call(task_id, CallbackOutcome.REACHED, "客户说明情况")
    after = {m.month: m for m in Dashboards(centre.database).compute(centre.r1, Period.DAY, NOW).satisfaction.months}
    november = after[date(2026, 11, 1)]
    assert (november.dissatisfied, november.callbacks, november.called_back, november.closed, november.unrated) == (1, 1, 1, 0, 0)
    assert november.answers == 2 and november.rate == 0.5  # the dissatisfied answer is in the rate's denominator
