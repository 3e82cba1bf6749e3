"""A desk's plan (`appointments.apply_plan`, the optimiser's commit) pushed to the centre: written as
the token's user, every step or none. A plan with one step on another region's visit, order or
technician is refused whole (the well-formed steps beside it are not written either), and so is a
plan made from a visit changed since; the answer names nothing of the other region.

The centre reads a plan's technicians, visits and orders once for all its steps
(`console.core.services.plan_reads`); these run that at the centre, on PostgreSQL, as deployed.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import select

from console.core.store.models import Appointment, AppointmentChange, AuditEntry, WorkOrder
from tests.security.push_helpers import (
    MINE,
    THEIRS,
    a_technician,
    a_visit,
    an_order,
    feed_mark,
    mentions,
    op,
    push,
    results,
    state,
    technicians,
    token,
    user,
    written_since,
)


def _step(key: str, visit: Appointment, technician_id, hours: float = 1.0) -> dict:
    return {"key": key, "technician_id": str(technician_id), "start": (visit.window_start + timedelta(hours=hours)).isoformat(),
            "appointment_id": str(visit.id)}


def _plan(steps: list[dict], visits: list[Appointment], orders: list[WorkOrder]) -> dict:
    return op("appointments.apply_plan", steps=steps, reason="区域优化",
              basis={"appointments": {str(v.id): v.version for v in visits}, "orders": {str(o.id): o.version for o in orders}})


def _fresh(central, model, row_id):
    with central.reading() as s:
        return s.get(model, row_id)


def test_a_plan_is_written_at_the_centre_as_the_token_user(centre) -> None:
    base, central, _url = centre
    technician = a_technician(central, MINE)
    order = an_order(central, MINE, unbooked=True)
    visit = a_visit(central, order, technician)
    order = _fresh(central, WorkOrder, order.id)
    answer = results(push(base, token(base, "supervisor.central"),
                          [{"m": 1, "op": _plan([_step("a", visit, technician.id)], [visit], [order])}]))
    assert answer[0]["ok"], json.dumps(answer[0], ensure_ascii=False)
    moved = _fresh(central, Appointment, visit.id)
    assert (moved.technician_id, moved.planned_start, moved.version) == (
        technician.id, visit.window_start + timedelta(hours=1), visit.version + 1)
    supervisor = user(central, "supervisor.central")
    with central.reading() as s:
        change = s.scalars(select(AppointmentChange).where(AppointmentChange.appointment_id == visit.id)
                           .order_by(AppointmentChange.changed_at.desc(), AppointmentChange.kind)).first()
        audited = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order.id, AuditEntry.action == "appointment.moved")
                            .order_by(AuditEntry.seq)).all()
    assert change.changed_by == supervisor.id
    assert (audited[-1].user_id, audited[-1].desk_id, audited[-1].after["planned_by"]) == (supervisor.id, "desk-attacker", "optimiser")


PLANTED = {
    "their visit": lambda mine, theirs, tech, stranger: [_step("a", mine, tech.id), _step("b", theirs, stranger.id)],
    "my visit to their technician": lambda mine, theirs, tech, stranger: [_step("a", mine, stranger.id)],
    "their order in a new visit": lambda mine, theirs, tech, stranger: [
        _step("a", mine, tech.id),
        {"key": "b", "technician_id": str(tech.id), "start": (mine.window_start + timedelta(hours=3)).isoformat(),
         "order_ids": [str(o) for o in theirs.order_ids],
         "window": [mine.window_start.isoformat(), mine.window_end.isoformat()]}],
}


@pytest.mark.parametrize("attack", list(PLANTED))
def test_a_plan_with_a_step_in_another_region_is_refused_whole(centre, attack) -> None:
    base, central, _url = centre
    technician, stranger = a_technician(central, MINE), a_technician(central, THEIRS)
    mine = a_visit(central, an_order(central, MINE, unbooked=True, skip=1), technician)
    their_order = an_order(central, THEIRS, unbooked=True, skip=1)
    theirs = a_visit(central, their_order, stranger)
    theirs.order_ids = [their_order.id]
    before, mark = (state(central, Appointment, mine.id), state(central, Appointment, theirs.id)), feed_mark(central)
    plan = _plan(PLANTED[attack](mine, theirs, technician, stranger), [mine, theirs], [])
    answer = push(base, token(base), [{"m": 1, "op": plan}])
    assert results(answer)[0]["code"] == "region", answer.text
    assert (state(central, Appointment, mine.id), state(central, Appointment, theirs.id)) == before
    assert written_since(central, mark) == set() and not mentions(answer.text, theirs, their_order, stranger)


def test_a_plan_made_from_a_visit_changed_since_is_refused_whole(centre) -> None:
    base, central, _url = centre
    technician, other = technicians(central, MINE, 2)
    first = a_visit(central, an_order(central, MINE, unbooked=True, skip=2), technician)
    second = a_visit(central, an_order(central, MINE, unbooked=True, skip=3), other)
    stale = _plan([_step("a", first, technician.id), _step("b", second, other.id, 2)], [first, second], [])
    stale["args"]["basis"]["appointments"][str(second.id)] = second.version - 1
    before, mark = (state(central, Appointment, first.id), state(central, Appointment, second.id)), feed_mark(central)
    assert results(push(base, token(base), [{"m": 1, "op": stale}]))[0]["code"] == "plan_stale"
    assert (state(central, Appointment, first.id), state(central, Appointment, second.id)) == before
    assert written_since(central, mark) == set()
