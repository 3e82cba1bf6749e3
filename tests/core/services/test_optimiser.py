"""The batch optimiser on the demo centre: what it plans, what it keeps, what it writes, and what it refuses."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, update

from console.core.domain.booking_rules import verdict
from console.core.domain.enums import AppointmentChangeKind, OrderStatus, Role
from console.core.services.appointments import AppointmentBook
from console.core.services.desk import DeskReader
from console.core.services.optimiser import LineKind, Optimiser
from console.core.services.optimiser_setup import MOVABLE
from console.core.store.models import Appointment, AppointmentChange, AuditEntry, RuleParameter, User, WorkOrder
from tests.fixtures.demo import DEMO_NOW

SH = ZoneInfo("Asia/Shanghai")
MONDAY = datetime(2026, 11, 23, tzinfo=SH)  # the day after the demo's "now"
SECONDS = 4


def optimiser_for(demo_db, username=None, clock=lambda: DEMO_NOW) -> Optimiser:
    user = DeskReader(demo_db).user(username)
    return Optimiser(demo_db, AppointmentBook(demo_db, user, clock), user)


@pytest.fixture
def run(demo_db):
    """A proposal for the busiest region's Monday, made once per test."""
    optimiser = optimiser_for(demo_db)
    region_id = optimiser.regions()[0][0]
    job = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    return optimiser, job, optimiser.run(job, SECONDS)


def test_every_order_is_planned_or_reported_with_its_reason(run) -> None:
    """Every open order of the region the run read is on a line (planned, or why not), or on a
    visit that stays as it is (pinned, under way, the technician on site)."""
    _optimiser, job, proposal = run
    run_setup, data = proposal.setup, proposal.setup.data
    on_lines = {o for line in proposal.lines for o in line.order_ids}
    staying = {o for v in data.visits if v.id in run_setup.pinned or v.status not in MOVABLE for o in v.order_ids}
    ours = {o for o in data.waiting if data.orders[o].region_id == job.region_id and data.orders[o].appointment_id is None}
    ours |= {o for v in data.visits for o in v.order_ids if o in data.orders and data.orders[o].region_id == job.region_id}
    assert ours and ours - staying <= on_lines
    for line in proposal.lines:
        if line.kind is LineKind.UNPLANNED:
            assert line.reason is not None
        elif line.changes_plan:
            assert line.technician_id is not None and line.start is not None
    assert proposal.counts()[LineKind.NEW] > 0


def test_the_plan_honours_skills_shifts_and_windows(run) -> None:
    """What the booking rules find against the whole plan is never a missing skill, a shift, a break or
    a window (an overlap only where the data already double-books a technician: that line is not
    committable, see selectable)."""
    _optimiser, _job, proposal = run
    found = {f.conflict.value for line in proposal.lines if line.changes_plan for f in line.findings}
    assert found <= {"sla_breach", "overlap", "travel_infeasible"}, found
    for line in proposal.lines:
        if line.changes_plan and line.window and line.appointment_id:
            assert line.window[0] <= line.start <= line.window[1]


def test_pinned_visits_and_visits_about_to_start_are_never_moved(demo_db) -> None:
    """One visit pinned, another starting in ten minutes: neither is a line, and after the whole
    committable plan is written both are where they were."""
    optimiser = optimiser_for(demo_db)
    region_id = optimiser.regions()[0][0]
    first = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    booked = sorted((v for v, _orders in first.sources.values() if v is not None and v.technician_id), key=lambda v: v.start)
    pinned, soon = booked[0], booked[-1]
    with demo_db.unit_of_work() as s:
        s.get(Appointment, pinned.id).locked = True
    now = soon.start - timedelta(minutes=10)
    optimiser = optimiser_for(demo_db, clock=lambda: now)
    job = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), now)
    proposal = optimiser.run(job, SECONDS)
    assert {pinned.id, soon.id} <= job.pinned
    assert not {pinned.id, soon.id} & {line.appointment_id for line in proposal.lines if line.changes_plan}
    keys, _ = proposal.selectable(Role.ADMIN)
    assert optimiser.commit(proposal, [proposal.line(k) for k in keys], "plan for Monday").ok
    with demo_db.reading() as s:
        for visit in (pinned, soon):
            row = s.get(Appointment, visit.id)
            assert (row.technician_id, row.planned_start or row.window_start) == (visit.technician_id, visit.start)


def test_a_visit_with_an_order_resolved_stays_and_the_plan_can_be_written(demo_db) -> None:
    """Its order may not go to another technician (resolved: the work is done); moving its visit
    would refuse the whole plan, every time the dispatcher made it again."""
    optimiser = optimiser_for(demo_db)
    region_id = optimiser.regions()[0][0]
    first = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    visit = min((v for v, _orders in first.sources.values() if v is not None and v.technician_id), key=lambda v: v.start)
    with demo_db.unit_of_work() as s:
        s.execute(update(WorkOrder).where(WorkOrder.id == visit.order_ids[0]).values(status=OrderStatus.RESOLVED))
    job = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    proposal = optimiser.run(job, SECONDS)
    assert visit.id in job.pinned
    keys, _ = proposal.selectable(Role.ADMIN)
    assert optimiser.commit(proposal, [proposal.line(k) for k in keys], "plan for Monday").ok
    with demo_db.reading() as s:
        row = s.get(Appointment, visit.id)
        assert (row.technician_id, row.planned_start or row.window_start) == (visit.technician_id, visit.start)


def test_a_visit_that_started_meanwhile_is_not_moved(demo_db) -> None:
    clock = [DEMO_NOW]
    optimiser = optimiser_for(demo_db, clock=lambda: clock[0])
    job = optimiser.read(optimiser.regions()[0][0], MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    proposal = optimiser.run(job, SECONDS)
    keys, _ = proposal.selectable(Role.ADMIN)
    moved = min((proposal.line(k) for k in keys if proposal.line(k).appointment_id), key=lambda line: line.old_start)
    clock[0] = moved.old_start - timedelta(minutes=5)  # its technician is about to arrive when the dispatcher commits
    result = optimiser.commit(proposal, [moved], "plan for Monday")
    assert not result.ok and result.refused[moved.key].refusal.value == "under_way"
    with demo_db.reading() as s:
        assert s.get(Appointment, moved.appointment_id).technician_id == moved.old_technician_id


def test_a_warning_that_appears_only_at_commit_refuses_the_write(demo_db, run) -> None:
    """The reason the dispatcher gave covered the warnings shown; a shift shortened meanwhile is not among them."""
    optimiser, _job, proposal = run
    keys, findings = proposal.selectable(Role.ADMIN)
    # clean when committed on its own (a line clean beside the others may overlap a visit they move away)
    clean = next(proposal.line(k) for k in sorted(keys) if not findings[k] and proposal.line(k).kind is LineKind.NEW
                 and not proposal.judge({k})[k])
    with demo_db.unit_of_work() as s:
        from console.core.store.models import Shift

        shift = s.scalars(select(Shift).where(Shift.technician_id == clean.technician_id, Shift.starts_at <= clean.start,
                                              Shift.ends_at > clean.start)).one()
        shift.ends_at = clean.start  # another desk shortens the technician's day
    before = _count(demo_db, Appointment)
    result = optimiser.commit(proposal, [clean], "SLA accepted on other lines")
    assert not result.ok and result.refused[clean.key].refusal.value == "changed_elsewhere"
    assert {f.conflict.value for f in result.refused[clean.key].findings} == {"outside_shift"}
    assert _count(demo_db, Appointment) == before


def test_orders_dispatched_to_a_technician_stay_with_them(demo_db) -> None:
    """Waiting orders dispatched to someone: planned only for that technician, or reported."""
    optimiser = optimiser_for(demo_db)
    region_id = optimiser.regions()[0][0]
    before = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    shifted = {v for v in before.vehicles.values()}
    with demo_db.unit_of_work() as s:
        from console.core.store.models import Technician, WorkOrder

        chosen = []
        for order_id in before.data.waiting:
            order = before.data.orders[order_id]
            if order.region_id != region_id or order.assignee_id or order.appointment_id or order.position is None:
                continue
            tech = next((t for t in before.data.technicians if t.id in shifted and order.skills <= t.skills), None)
            if tech is not None:
                row = s.get(WorkOrder, order_id)
                row.assignee_id, row.status = tech.id, row.status.__class__("dispatched")
                chosen.append((order_id, tech.id))
            if len(chosen) == 5:
                break
        assert chosen and all(s.get(Technician, t) for _o, t in chosen)
    job = optimiser.read(region_id, MONDAY, MONDAY + timedelta(days=1), DEMO_NOW)
    proposal = optimiser.run(job, SECONDS)
    for order_id, tech_id in chosen:
        line = next(line for line in proposal.lines if order_id in line.order_ids)
        assert line.old_technician_id == tech_id  # shown as theirs already
        if line.changes_plan:
            assert line.technician_id == tech_id
        else:
            assert line.reason is not None


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


def test_a_shift_that_would_start_inside_its_break_starts_after_it() -> None:
    """A technician on site until 12:30 with lunch 12:00-13:00: planning starts at 13:00 (a start
    inside a break made OR-Tools' start plan spin for ever)."""
    import uuid

    from console.core.services.optimiser_setup import _Shift

    hour = 3600
    shift = _Shift("T/0", uuid.uuid4(), 12 * hour + 1800, 17 * hour, (31.2, 121.5), [(12 * hour, 13 * hour)], (31.2, 121.5))
    vehicle = shift.vehicle(frozenset({"survey"}))
    assert vehicle.shift == (13 * hour, 17 * hour) and vehicle.breaks == ()
