"""The batch optimiser on the demo centre: what it plans, what it keeps, what it writes, and what it refuses."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from console.domain.booking_rules import verdict
from console.domain.enums import AppointmentChangeKind, Role
from console.services.appointments import AppointmentBook
from console.services.desk import DeskReader
from console.services.optimiser import LineKind, Optimiser
from console.store.models import Appointment, AppointmentChange, AuditEntry, RuleParameter, User
from tests.conftest import DEMO_NOW

SH = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 11, 23, tzinfo=SH)  # the day after the demo's "now"
SECONDS = 4


def optimiser_for(demo_db, username=None) -> Optimiser:
    user = DeskReader(demo_db).user(username)
    return Optimiser(demo_db, AppointmentBook(demo_db, user, lambda: DEMO_NOW), user)


@pytest.fixture
def run(demo_db):
    """A proposal for the busiest region's Monday, made once per test."""
    optimiser = optimiser_for(demo_db)
    region_id = optimiser.regions()[0][0]
    job = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    return optimiser, job, optimiser.run(job, SECONDS)


def test_every_job_is_planned_or_reported_with_its_reason(run) -> None:
    _optimiser, job, proposal = run
    keys = {line.key for line in proposal.lines}
    assert {j.id for j in job.problem.jobs} - {f"a:{v}" for v in job.pinned} <= keys
    for line in proposal.lines:
        if line.kind is LineKind.UNPLANNED:
            assert line.reason is not None
        elif line.changes_plan:
            assert line.technician_id is not None and line.start is not None
    assert proposal.counts()[LineKind.NEW] > 0


def test_the_plan_honours_skills_shifts_and_windows(run) -> None:
    """What the booking rules find against the whole plan is never a missing skill, a shift, a break or a window."""
    _optimiser, _job, proposal = run
    found = {f.conflict.value for line in proposal.lines if line.changes_plan for f in line.findings}
    assert found <= {"sla_breach", "overlap", "travel_infeasible"}, found
    for line in proposal.lines:
        if line.changes_plan and line.window and line.appointment_id:
            assert line.window[0] <= line.start <= line.window[1]


def test_pinned_visits_never_appear_as_changes(run) -> None:
    _optimiser, job, proposal = run
    changed = {line.appointment_id for line in proposal.lines if line.changes_plan}
    assert not changed & job.pinned


def test_what_can_be_committed_together_holds_and_is_written_with_history(demo_db, run) -> None:
    optimiser, _job, proposal = run
    keys, findings = proposal.selectable(Role.ADMIN)
    assert keys and all(verdict(list(findings[k]), Role.ADMIN).allowed for k in keys)
    lines = [proposal.line(k) for k in keys]
    before = _count(demo_db, Appointment)
    result = optimiser.commit(proposal, lines, "plan for Monday")
    assert result.ok, (result.stale, result.refused)
    new = sum(1 for line in lines if line.kind is LineKind.NEW)
    assert _count(demo_db, Appointment) == before + new
    with demo_db.reading() as s:
        for line in lines:
            if line.appointment_id is None:
                continue
            appointment = s.get(Appointment, line.appointment_id)
            assert (appointment.technician_id, appointment.planned_start) == (line.technician_id, line.start)
            assert s.scalar(select(func.count()).select_from(AppointmentChange).where(
                AppointmentChange.appointment_id == line.appointment_id, AppointmentChange.kind == AppointmentChangeKind.MOVED)) >= 1
        planned_by = s.scalars(select(AuditEntry.after).where(AuditEntry.action.in_(["appointment.moved", "appointment.booked"]))).all()
        assert sum(1 for after in planned_by if (after or {}).get("planned_by") == "optimiser") >= len(lines)
    assert proposal.applied == keys
    assert not proposal.selectable(Role.ADMIN, keys)[0]  # written lines are no longer offered


def test_a_part_is_judged_as_it_stands_without_the_rest(run) -> None:
    """A new visit in the slot a moved visit leaves does not hold once the move is left out."""
    _optimiser, _job, proposal = run
    everything, _ = proposal.selectable(Role.ADMIN)
    moves = [k for k in everything if proposal.line(k).kind in (LineKind.MOVED, LineKind.REASSIGNED)]
    assert moves
    for move in moves:
        rest, _ = proposal.selectable(Role.ADMIN, everything - {move})
        assert rest <= everything - {move}
        findings = proposal.judge(rest)
        assert all(verdict(list(findings[k]), Role.ADMIN).allowed for k in rest)


def test_a_plan_made_before_someone_else_changed_it_is_not_written(demo_db, run) -> None:
    optimiser, _job, proposal = run
    keys, _ = proposal.selectable(Role.ADMIN)
    moved = next(proposal.line(k) for k in keys if proposal.line(k).appointment_id)
    with demo_db.unit_of_work() as s:  # another desk (or the centre) changes a visit the plan read
        s.execute(update(Appointment).where(Appointment.id == moved.appointment_id).values(version=Appointment.version + 1))
    before = _count(demo_db, Appointment), _count(demo_db, AppointmentChange)
    result = optimiser.commit(proposal, [proposal.line(k) for k in keys], "plan for Monday")
    assert moved.appointment_id in result.stale and not result.ok
    assert (_count(demo_db, Appointment), _count(demo_db, AppointmentChange)) == before
    assert not proposal.applied


def test_a_dispatcher_plans_only_their_region(demo_db) -> None:
    with demo_db.reading() as s:
        dispatcher = s.scalar(select(User).where(User.role == Role.DISPATCHER, User.region_id.is_not(None)))
    optimiser = optimiser_for(demo_db, dispatcher.username)
    other = next(r for r, _name, _en in optimiser.regions() if r != dispatcher.region_id)
    with pytest.raises(PermissionError):
        optimiser.read(other, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    with pytest.raises(ValueError, match="3 days"):
        optimiser.read(dispatcher.region_id, MONDAY, MONDAY + timedelta(days=5), DEMO_NOW)


def test_level_and_band_weights_are_rule_parameters(demo_db) -> None:
    optimiser = optimiser_for(demo_db)
    region_id = optimiser.regions()[0][0]
    base = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    with demo_db.unit_of_work() as s:
        s.execute(update(RuleParameter).where(RuleParameter.key == "planning.miss_km").values(value={"value": 100}))
    doubled = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    pairs = [(a.miss_penalty, b.miss_penalty) for a, b in zip(base.problem.jobs, doubled.problem.jobs, strict=True) if a.miss_penalty]
    assert pairs and all(b == 2 * a for a, b in pairs)
    with demo_db.unit_of_work() as s:
        s.execute(update(RuleParameter).where(RuleParameter.key == "planning.miss_km").values(value={"value": "lots"}))
    with pytest.raises(ValueError, match="planning"):
        optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)


def _count(db, model) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model))
