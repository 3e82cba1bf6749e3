"""The demo centre's invariants: quotas, determinism, every kind, status and band present."""

import hashlib
from collections import Counter, defaultdict
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.core.demo.centre import DemoParameterError, DemoParameters, generate_demo
from console.core.domain.enums import OPEN_STATUSES, AppointmentStatus, Band, CustomerLevel, OrderKind, OrderStatus, ShiftKind
from console.core.domain.order_number import OrderNumber
from console.core.store.models import Appointment, Customer, Region, Shift, Site, Technician, WorkOrder
from console.core.store.rules import load_calendar, load_rulebook
from console.data_file import open_data_file
from tests.fixtures.demo import DEMO_NOW, SMALL_DEMO


@pytest.fixture(scope="module")
def full_demo(tmp_path_factory: pytest.TempPathFactory):
    """The default centre a new desk gets: 1,600 customers, 5,000 sites, 2,000 open orders."""
    database, _ = open_data_file(tmp_path_factory.mktemp("full") / "demo.sqlite")
    counts = generate_demo(database, DemoParameters(), DEMO_NOW)
    yield database, counts
    database.close()


def test_the_default_centre_has_the_sizes_of_a_city_centre(full_demo) -> None:
    database, counts = full_demo
    assert counts["customers"] == 1600
    assert counts["sites"] == 5000
    assert counts["technicians"] == 80
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder).where(WorkOrder.status.in_(OPEN_STATUSES))) == 2000


def test_levels_respect_the_quotas_in_every_region(full_demo) -> None:
    database, _ = full_demo
    with database.reading() as s:
        rows = s.execute(select(Region.code, Customer.level).join(Region, Region.id == Customer.region_id)).all()
    per_region: dict[str, Counter] = defaultdict(Counter)
    for region, level in rows:
        per_region[region][level] += 1
    per_region["all"] = Counter(level for _r, level in rows)
    for region, levels in per_region.items():
        total = sum(levels.values())
        assert (levels[CustomerLevel.DIAMOND] + levels[CustomerLevel.KEY]) / total <= 0.10, region
        assert levels[CustomerLevel.SILVER] / total <= 0.20, region
        assert levels[CustomerLevel.KEY] > 0 and levels[CustomerLevel.GOLD] > 0, region
        assert levels[CustomerLevel.BRONZE] / total > 0.5, region


def test_every_kind_status_and_band_is_present_among_open_orders(full_demo) -> None:
    database, _ = full_demo
    with database.reading() as s:
        book, calendar = load_rulebook(s), load_calendar(s)
        orders = s.execute(
            select(WorkOrder.kind, WorkOrder.status, WorkOrder.sla_started_at, WorkOrder.due_at, WorkOrder.number)
            .where(WorkOrder.status.in_(OPEN_STATUSES))
        ).all()
    assert {o.kind for o in orders} == set(OrderKind)
    assert {o.status for o in orders} == set(OPEN_STATUSES)
    bands = Counter()
    for kind, _status, started, due, _number in orders:
        business = kind in (OrderKind.SURVEY, OrderKind.PROVISIONING)
        measure = calendar.business_time_between if business else (lambda a, b: b - a)
        allowed = measure(started, due)
        used = measure(started, DEMO_NOW)
        bands[book.parameters.band(used / allowed if allowed > timedelta(0) else 2.0)] += 1
    assert set(bands) == set(Band)
    # a desk's ordinary day: a few percent red or late, not a wall of breaches; enough of each to show them
    assert 0.02 <= (bands[Band.RED] + bands[Band.BREACHED]) / len(orders) <= 0.08, bands
    assert bands[Band.BREACHED] >= 20 and bands[Band.RED] >= 40 and bands[Band.AMBER] >= 200, bands


def test_the_board_has_no_overlaps_and_busy_but_possible_days(full_demo) -> None:
    """Each technician's visits of a day: none over another (with half an hour to drive), at most six,
    none on a day the technician is on call that night instead; and most booked visits got a slot."""
    database, _ = full_demo
    with database.reading() as s:
        zone = load_calendar(s).zone
        visits = s.execute(select(Appointment.technician_id, Appointment.planned_start, Appointment.duration_minutes)
                           .where(Appointment.status != AppointmentStatus.CANCELLED)).all()
        on_call = {(t, start.astimezone(zone).date()) for t, start in s.execute(
            select(Shift.technician_id, Shift.starts_at).where(Shift.kind == ShiftKind.ON_CALL))}
    days: dict[tuple, list[tuple]] = defaultdict(list)
    for technician, start, minutes in visits:
        days[(technician, start.astimezone(zone).date())].append((start, start + timedelta(minutes=minutes + 30)))
    for key, booked in days.items():
        booked.sort()
        assert len(booked) <= 6, key
        assert all(later[0] >= earlier[1] for earlier, later in zip(booked, booked[1:], strict=False)), (key, booked)
        assert key not in on_call, key
    today = DEMO_NOW.astimezone(zone).date()
    per_day = Counter(len(b) for (_t, day), b in days.items() if day >= today)  # (the plan ahead; past days hold closed orders' visits)
    assert sum(n for count, n in per_day.items() if count >= 2) / sum(per_day.values()) >= 0.7, per_day
    assert len(visits) >= 1000


def test_order_numbers_follow_the_seed_format_with_daily_serials(full_demo) -> None:
    database, _ = full_demo
    with database.reading() as s:
        numbers = s.scalars(select(WorkOrder.number)).all()
    parsed = [OrderNumber.parse(n) for n in numbers]
    assert len(set(numbers)) == len(numbers)
    by_day = defaultdict(list)
    for number in parsed:
        by_day[(number.kind, number.day)].append(number.serial)
    for serials in by_day.values():
        assert sorted(serials) == list(range(1, len(serials) + 1))


def test_sites_sit_in_shanghai_except_the_few_left_unplaced(full_demo) -> None:
    database, _ = full_demo
    with database.reading() as s:
        positions = s.execute(select(Site.latitude, Site.longitude)).all()
        technicians = s.scalars(select(Technician)).all()
    placed = [(lat, lon) for lat, lon in positions if lat is not None and abs(lat) > 1]
    assert 0.98 * len(positions) <= len(placed) < len(positions)
    inside = [p for p in placed if 30.5 < p[0] < 31.95 and 120.8 < p[1] < 122.1]
    assert len(inside) / len(placed) > 0.97
    assert all(set(t.skills) and t.home_lat for t in technicians)


def _fingerprint(path: Path) -> str:
    database, _ = open_data_file(path)
    with database.reading() as s:
        rows = s.execute(select(WorkOrder.id, WorkOrder.number, WorkOrder.due_at, WorkOrder.assignee_id).order_by(WorkOrder.id)).all()
        rows += s.execute(select(Customer.id, Customer.name, Customer.level).order_by(Customer.id)).all()
    database.close()
    return hashlib.sha256(repr(rows).encode()).hexdigest()


def test_the_same_seed_gives_the_same_centre(tmp_path: Path, demo_file: Path) -> None:
    again = tmp_path / "again.sqlite"
    database, _ = open_data_file(again)
    generate_demo(database, SMALL_DEMO, DEMO_NOW)
    database.close()
    assert _fingerprint(again) == _fingerprint(demo_file)
    other = tmp_path / "other.sqlite"
    database, _ = open_data_file(other)
    generate_demo(database, DemoParameters(seed=8, customers=300, sites=700, technicians=24, open_orders=400, closed_orders=100), DEMO_NOW)
    database.close()
    assert _fingerprint(other) != _fingerprint(demo_file)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"customers": 0}, "customers must be between"),
        ({"sites": 5, "customers": 10}, "sites must be between"),
        ({"customers": 500, "sites": 100}, "must be at least customers"),
        ({"open_orders": -1}, "open_orders must be between"),
        ({"technicians": 10_001}, "technicians must be between"),
        ({"seed": "x"}, "seed must be a whole number"),
    ],
)
def test_parameters_out_of_range_give_a_clear_error(changes: dict, message: str) -> None:
    with pytest.raises(DemoParameterError, match=message):
        DemoParameters(**changes)


def test_a_database_with_orders_is_not_filled_again(demo_db) -> None:
    with pytest.raises(DemoParameterError, match="already holds work orders"):
        generate_demo(demo_db, SMALL_DEMO, DEMO_NOW)


def test_superseded_orders_link_to_their_replacement(full_demo) -> None:
    database, _ = full_demo
    with database.reading() as s:
        replaced = s.execute(select(WorkOrder.status, WorkOrder.id).where(WorkOrder.id.in_(
            select(WorkOrder.replaces_order_id).where(WorkOrder.replaces_order_id.is_not(None))
        ))).all()
    assert replaced and all(status is OrderStatus.SUPERSEDED for status, _ in replaced)


def test_last_months_reports_are_sent_once_due_and_the_reminder_shows_before(full_demo, tmp_path: Path) -> None:
    """A first start after the 5th greets no supervisor with an overdue report (each region's was marked
    sent by its supervisor, with its audit row, by the 5th); from the 1st to the 5th the reminder shows."""
    from datetime import UTC, datetime

    from console.core.services.desk import DeskReader
    from console.core.services.report_sends import SENT_ACTION, ReportSends
    from console.core.store.models import AuditEntry, ReportSend, User

    database, _counts = full_demo
    admin = DeskReader(database).user("admin")
    assert ReportSends(database, admin, lambda: DEMO_NOW).reminder() is None
    with database.reading() as s:
        sent = s.execute(select(ReportSend.region_id, ReportSend.month, ReportSend.sent_at, User.role)
                         .join(User, User.id == ReportSend.sent_by)).all()
        regions = set(s.scalars(select(Region.id)))
        audited = s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == SENT_ACTION))
        calendar = load_calendar(s)
    assert {r for r, *_ in sent} == regions and len(sent) == len(regions) == audited
    assert all(month.isoformat() == "2026-10-01" and datetime(2026, 10, 31, 16, tzinfo=UTC) < at <= datetime(2026, 11, 5, 16, tzinfo=UTC)
               and role.value == "supervisor" for _r, month, at, role in sent)
    assert all(calendar.is_working_day(at.astimezone(calendar.zone).date()) for _r, _m, at, _role in sent)
    early = datetime(2026, 12, 2, 2, 0, tzinfo=UTC)  # 2 December in Shanghai: November's report not due yet
    fresh, _ = open_data_file(tmp_path / "early.sqlite")
    generate_demo(fresh, SMALL_DEMO, early)
    reminder = ReportSends(fresh, DeskReader(fresh).user("admin"), lambda: early).reminder()
    fresh.close()
    assert reminder is not None and not reminder.overdue and reminder.month.isoformat() == "2026-11-01"
