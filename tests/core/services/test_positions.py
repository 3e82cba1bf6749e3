"""Positions as a service on the desk's own file: one report, one changed technician row (no audit
row), its rules; and the candidates' drives starting from a fresh position."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from console.core.domain.enums import OrderStatus
from console.core.services.assigning import assign_choice
from console.core.services.planning import PlanningDesk
from console.core.services.positions import PositionError, Positions
from console.core.store.models import Appointment, AuditEntry, Shift, Site, Technician, WorkOrder
from tests.fixtures.demo import DEMO_NOW

MONDAY_1000 = DEMO_NOW + timedelta(days=1)


def _technician(demo_db) -> Technician:
    with demo_db.reading() as s:
        return s.scalars(select(Technician).where(Technician.active.is_(True)).order_by(Technician.employee_no)).first()


def test_a_report_changes_the_row_once_and_writes_no_audit_row(demo_db) -> None:
    technician = _technician(demo_db)
    clock = [DEMO_NOW]
    positions = Positions(demo_db, technician.id, lambda: clock[0])
    with demo_db.reading() as s:
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    with pytest.raises(PositionError) as old:
        positions.report(technician.home_lat, technician.home_lon, DEMO_NOW - timedelta(hours=3))
    assert old.value.status == 422 and old.value.args[0].startswith("at:")
    clock[0] = DEMO_NOW + timedelta(hours=6)  # long after the demo's last positions
    accepted = positions.report(technician.home_lat, technician.home_lon, clock[0] - timedelta(seconds=20), 15)
    assert accepted.last_seen_at == clock[0] - timedelta(seconds=20)
    with pytest.raises(PositionError) as limited:
        positions.report(technician.home_lat + 0.001, technician.home_lon, clock[0])
    assert limited.value.status == 429 and limited.value.retry_after == 5
    clock[0] += timedelta(seconds=6)
    positions.report(technician.home_lat + 0.001, technician.home_lon, clock[0])
    with demo_db.reading() as s:
        row = s.get(Technician, technician.id)
        assert (row.last_lat, row.last_seen_at, row.version) == (round(technician.home_lat + 0.001, 6), clock[0], technician.version + 2)
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits
    with pytest.raises(PositionError) as nan:
        positions.report(float("nan"), technician.home_lon, clock[0])
    assert nan.value.status == 422 and "latitude" in str(nan.value)


def test_an_account_of_no_technician_is_refused(demo_db) -> None:
    with pytest.raises(PositionError) as refused:
        Positions(demo_db, None, lambda: DEMO_NOW).report(31.2, 121.4, DEMO_NOW)
    assert refused.value.status == 403


def test_candidates_drive_from_a_fresh_position_in_the_shift_under_way(demo_db) -> None:
    """A technician on shift now, seen by the app at the order's site a minute ago, is measured
    from there (the drive about nothing); the same position an hour old drives from elsewhere."""
    with demo_db.reading() as s:
        busy = set(s.scalars(select(Appointment.technician_id).where(  # (a visit ending after the fix would start the drive)
            Appointment.planned_start < MONDAY_1000 + timedelta(hours=2), Appointment.planned_start > MONDAY_1000 - timedelta(hours=10))))
        shift = next(sh for sh in s.scalars(select(Shift).where(Shift.starts_at <= MONDAY_1000, Shift.ends_at > MONDAY_1000 + timedelta(hours=4),
                                                                Shift.deleted.is_(False)).order_by(Shift.technician_id))
                     if sh.technician_id not in busy)
        technician = s.get(Technician, shift.technician_id)
        order = s.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.NEW, WorkOrder.region_id == technician.region_id)
                          .order_by(WorkOrder.number)).first()
        site = s.get(Site, order.site_id)
    with demo_db.unit_of_work() as s:
        row = s.get(Technician, technician.id)
        row.last_lat, row.last_lon, row.last_seen_at = site.latitude, site.longitude, MONDAY_1000 - timedelta(minutes=1)
        for visit in s.scalars(select(Appointment).where(Appointment.technician_id == technician.id,  # a free shift from now on
                                                        Appointment.window_end > MONDAY_1000 - timedelta(hours=2),
                                                        Appointment.window_start < shift.ends_at)):
            visit.deleted = True

    def distance(now):
        listed = PlanningDesk(demo_db).candidates(order.id, now)
        candidate = next(c for c in listed.candidates if c.technician_id == technician.id)
        return next(p for p in candidate.parts if p.name == "distance").detail

    fresh = distance(MONDAY_1000)
    assert fresh["from_position"] and fresh["km"] < 0.01 and fresh["position_at"] == MONDAY_1000 - timedelta(minutes=1), fresh
    assert not distance(MONDAY_1000 + timedelta(hours=1))["from_position"]  # an hour old: not where they are now
    chosen = assign_choice(demo_db, [order.id], MONDAY_1000)  # the assign dialog ranks the same way
    detail = next(p for c in chosen.candidates if c.technician_id == technician.id for p in c.parts if p.name == "distance").detail
    assert detail["from_position"], detail
