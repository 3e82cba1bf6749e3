"""A plan's reads, read once for all its steps, are at every step what `plan_data` reads then: the
optimiser's plan for the demo's busiest region is written with each step's data compared with the
database's (the plan's earlier steps flushed), new visits and moved ones alike; and the plan is
written with a statement count that no longer grows with its steps."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import event, select

from console.core.domain.enums import Role
from console.core.services import plan_commit
from console.core.services.optimiser import LineKind
from console.core.services.plan_reads import PlanReads
from console.core.store.models import Appointment, AppointmentOrder
from console.core.store.planning_query import plan_data
from tests.core.services.test_optimiser import MONDAY, optimiser_for
from tests.fixtures.demo import DEMO_NOW


class _Compared(PlanReads):
    """The plan's reads, each step's data checked against the database's at that point."""

    compared: list[int] = []

    def __init__(self, session, *args, **kwargs):
        super().__init__(session, *args, **kwargs)
        self._session = session

    def data_for(self, technician_id, start, end, also_orders):
        mine = super().data_for(technician_id, start, end, also_orders)
        self._session.flush()
        theirs = plan_data(self._session, None, start, end, technicians={technician_id}, also_orders=set(also_orders), waiting=False)
        assert mine == theirs
        self.compared.append(len(mine.visits))
        return mine


@pytest.fixture
def proposal(demo_db):
    optimiser = optimiser_for(demo_db)
    job = optimiser.read(optimiser.regions()[0][0], MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    return optimiser, optimiser.run(job, 4)


def test_each_steps_data_is_what_the_database_holds_then(demo_db, proposal, monkeypatch) -> None:
    optimiser, planned = proposal
    keys, _findings = planned.selectable(Role.ADMIN)
    lines = [planned.line(k) for k in keys]
    assert {LineKind.NEW, LineKind.MOVED} <= {line.kind for line in lines}  # new visits and moved ones
    monkeypatch.setattr(plan_commit, "PlanReads", _Compared)
    _Compared.compared = []
    result = optimiser.commit(planned, lines, "plan for Monday")
    assert result.ok, (result.stale, result.refused)
    assert len(_Compared.compared) == len(lines) and sum(_Compared.compared) > len(lines)  # (days with other visits)


def test_a_plans_statements_do_not_grow_with_its_steps(demo_db, proposal) -> None:
    """(Each step read about twenty statements, and wrote its rows in as many more.)"""
    optimiser, planned = proposal
    keys, _findings = planned.selectable(Role.ADMIN)
    lines = [planned.line(k) for k in keys]
    statements: list[str] = []
    event.listen(demo_db.engine, "before_cursor_execute", lambda *args: statements.append(args[2]))
    result = optimiser.commit(planned, lines, "plan for Monday")
    assert result.ok, (result.stale, result.refused)
    assert len(lines) >= 15 and len(statements) < 60, (len(lines), len(statements))


class _Uncovered(PlanReads):
    """The plan's reads, not covering its fourth step (as for a visit outside what was read)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.asked = 0

    def covers(self, *args) -> bool:
        self.asked += 1
        return self.asked != 4 and super().covers(*args)


def test_a_step_the_reads_do_not_cover_and_every_later_one_read_the_database(demo_db, proposal, monkeypatch) -> None:
    optimiser, planned = proposal
    keys, _findings = planned.selectable(Role.ADMIN)
    lines = [planned.line(k) for k in keys]
    monkeypatch.setattr(plan_commit, "PlanReads", _Uncovered)
    result = optimiser.commit(planned, lines, "plan for Monday")
    assert result.ok, (result.stale, result.refused)
    with demo_db.reading() as s:
        for line in lines:
            if line.appointment_id is not None:
                row = s.get(Appointment, line.appointment_id)
                assert (row.technician_id, row.planned_start) == (line.technician_id, line.start)
        assert len(s.scalars(select(AppointmentOrder.appointment_id).where(
            AppointmentOrder.order_id.in_([o for line in lines for o in line.order_ids]), AppointmentOrder.deleted.is_(False))).all()) \
            == sum(len(line.order_ids) for line in lines)
