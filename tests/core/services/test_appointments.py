"""Booking, rescheduling, merging and moving appointments on the demo centre."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from console.core.domain.appointments import AppointmentRefusal
from console.core.domain.booking_rules import Conflict
from console.core.domain.enums import AppointmentChangeKind, AppointmentStatus, ContactMethod, OrderStatus, RescheduleReason, Role
from console.core.services.appointments import AppointmentBook, BookingRequest, Reschedule
from console.core.services.desk import DeskReader
from console.core.services.planning import PlanningDesk
from console.core.store.models import Appointment, AppointmentChange, AppointmentOrder, AuditEntry, SlaPause, User, WorkOrder
from tests.fixtures.demo import DEMO_NOW

MONDAY_10 = datetime(2026, 11, 30, 2, 0, tzinfo=UTC)  # 10:00 in Shanghai, a working day past the demo's bookings


@pytest.fixture
def reader(demo_db) -> DeskReader:
    return DeskReader(demo_db)


def book_as(demo_db, reader, username=None, now=DEMO_NOW) -> AppointmentBook:
    return AppointmentBook(demo_db, reader.user(username), lambda: now)


def count(db, model, *where) -> int:
    with db.reading() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def waiting_order(demo_db, kind=None):
    data = PlanningDesk(demo_db).plan(None, MONDAY_10 - timedelta(hours=4), MONDAY_10 + timedelta(hours=12))
    for order_id in data.waiting:
        order = data.orders[order_id]
        if order.appointment_id is None and order.status is OrderStatus.NEW and order.position and (kind is None or order.kind is kind):
            return data, order
    raise AssertionError("the demo has no waiting order")


def technician(data, order, skilled: bool):
    """One with a free Monday morning (the demo books some technicians then), of the order's
    region if there is one."""
    shifted = {s.technician_id for s in data.shifts if s.start <= MONDAY_10 - timedelta(hours=1) and s.end >= MONDAY_10 + timedelta(hours=3)}
    busy = {v.technician_id for v in data.visits if v.start < MONDAY_10 + timedelta(hours=5) and v.end > MONDAY_10 - timedelta(hours=2)}
    free = [t for t in data.technicians if t.id in shifted - busy and (order.skills <= t.skills) is skilled]
    return min(free, key=lambda t: t.region_id != order.region_id)


def test_booking_records_who_when_and_how(demo_db, reader) -> None:
    _data, order = waiting_order(demo_db)
    window = (MONDAY_10, MONDAY_10 + timedelta(hours=2))
    booking = book_as(demo_db, reader).book([order.id], window, ContactMethod.PHONE, "王先生", "13800000000")
    assert booking.ok, booking
    with demo_db.reading() as s:
        appointment = s.get(Appointment, booking.appointment_id)
        assert appointment.status is AppointmentStatus.CONFIRMED and appointment.planned_start == window[0]
        change = s.scalars(select(AppointmentChange).where(AppointmentChange.appointment_id == appointment.id)).one()
        assert (change.kind, change.contact_method, change.changed_at) == (AppointmentChangeKind.BOOKED, ContactMethod.PHONE, DEMO_NOW)
        assert change.changed_by == reader.user(None).id
    again = book_as(demo_db, reader).book([order.id], window, ContactMethod.SMS)
    assert again.refusal is AppointmentRefusal.ALREADY_BOOKED and again.detail == order.number


def test_a_booking_request_in_the_callers_unit_of_work_is_moved_to_its_technician(demo_db, reader) -> None:
    data, order = waiting_order(demo_db)
    skilled = technician(data, order, skilled=True)
    request = BookingRequest((order.id,), (MONDAY_10, MONDAY_10 + timedelta(hours=2)), ContactMethod.PHONE, confirmed=False,
                             technician_id=skilled.id, reason="x", origin="optimiser")
    with demo_db.unit_of_work() as session:
        booking = book_as(demo_db, reader, "admin").book_within(session, request, DEMO_NOW)
    assert booking.ok, booking
    with demo_db.reading() as s:
        appointment = s.get(Appointment, booking.appointment_id)
        assert (appointment.status, appointment.technician_id, appointment.planned_start) == (
            AppointmentStatus.PROPOSED, skilled.id, MONDAY_10)
        planned_by = s.scalars(select(AuditEntry.after).where(AuditEntry.order_id == order.id, AuditEntry.action == "appointment.booked")).one()
        assert planned_by["planned_by"] == "optimiser"


def test_bad_booking_windows_write_nothing(demo_db, reader) -> None:
    _data, order = waiting_order(demo_db)
    before = count(demo_db, Appointment)
    assert book_as(demo_db, reader).book([order.id], (MONDAY_10, MONDAY_10 - timedelta(hours=1)), ContactMethod.PHONE).refusal \
        is AppointmentRefusal.BAD_WINDOW
    assert book_as(demo_db, reader).book([order.id], (DEMO_NOW - timedelta(hours=5), DEMO_NOW - timedelta(hours=3)),
                                         ContactMethod.PHONE).refusal is AppointmentRefusal.WINDOW_IN_PAST
    assert book_as(demo_db, reader).book([], (MONDAY_10, MONDAY_10 + timedelta(hours=2)), ContactMethod.PHONE).refusal \
        is AppointmentRefusal.NO_ORDERS
    assert count(demo_db, Appointment) == before


def test_reschedule_without_a_reason_is_refused_and_changes_nothing(demo_db, reader) -> None:
    _data, order = waiting_order(demo_db)
    booking = book_as(demo_db, reader).book([order.id], (MONDAY_10, MONDAY_10 + timedelta(hours=2)), ContactMethod.PHONE)
    changes = count(demo_db, AppointmentChange)
    new = (MONDAY_10 + timedelta(days=1), MONDAY_10 + timedelta(days=1, hours=2))
    refused = book_as(demo_db, reader).reschedule(booking.appointment_id, new, Reschedule("", "", ContactMethod.PHONE))
    assert refused.refusal is AppointmentRefusal.NO_REASON
    other = book_as(demo_db, reader).reschedule(booking.appointment_id, new, Reschedule(RescheduleReason.OTHER, " ", ContactMethod.PHONE))
    assert other.refusal is AppointmentRefusal.NO_REASON_TEXT
    assert count(demo_db, AppointmentChange) == changes
    with demo_db.reading() as s:
        assert s.get(Appointment, booking.appointment_id).window_start == MONDAY_10


def test_a_customers_reschedule_can_pause_the_clock_and_keeps_the_history(demo_db, reader) -> None:
    _data, order = waiting_order(demo_db)
    booking = book_as(demo_db, reader).book([order.id], (MONDAY_10, MONDAY_10 + timedelta(hours=2)), ContactMethod.PHONE)
    new = (MONDAY_10 + timedelta(days=2), MONDAY_10 + timedelta(days=2, hours=3))
    done = book_as(demo_db, reader).reschedule(booking.appointment_id, new,
                                               Reschedule(RescheduleReason.CUSTOMER_REQUEST, "客户出差", ContactMethod.PHONE, pause_sla=True))
    assert done.ok
    with demo_db.reading() as s:
        kinds = [c.kind for c in s.scalars(select(AppointmentChange).where(
            AppointmentChange.appointment_id == booking.appointment_id).order_by(AppointmentChange.changed_at, AppointmentChange.kind))]
        assert kinds == [AppointmentChangeKind.BOOKED, AppointmentChangeKind.RESCHEDULED]
        change = s.scalars(select(AppointmentChange).where(AppointmentChange.kind == AppointmentChangeKind.RESCHEDULED,
                                                           AppointmentChange.appointment_id == booking.appointment_id)).one()
        assert (change.reason, change.reason_text, change.old_start, change.new_start) == (
            RescheduleReason.CUSTOMER_REQUEST, "客户出差", MONDAY_10, new[0])
        pause = s.scalars(select(SlaPause).where(SlaPause.order_id == order.id, SlaPause.ended_at.is_(None))).one()
        assert pause.note == "客户出差"
        assert s.get(WorkOrder, order.id).paused_since == DEMO_NOW


def test_a_dispatcher_cannot_commit_over_a_missing_skill_but_a_supervisor_can_with_a_reason(demo_db, reader) -> None:
    data, order = waiting_order(demo_db)
    unskilled = technician(data, order, skilled=False)
    booking = book_as(demo_db, reader).book([order.id], (MONDAY_10, MONDAY_10 + timedelta(hours=3)), ContactMethod.PHONE)
    with demo_db.reading() as s:
        dispatcher = s.scalars(select(User.username).where(User.role == Role.DISPATCHER, User.region_id == order.region_id)).first()
    refused = book_as(demo_db, reader, dispatcher).move(booking.appointment_id, unskilled.id, MONDAY_10)
    assert refused.refusal is AppointmentRefusal.RULES
    assert Conflict.MISSING_SKILL in {f.conflict for f in refused.findings}
    supervisor = book_as(demo_db, reader, "admin")
    assert supervisor.move(booking.appointment_id, unskilled.id, MONDAY_10).refusal is AppointmentRefusal.NO_REASON_TEXT
    moved = supervisor.move(booking.appointment_id, unskilled.id, MONDAY_10, reason="唯一在附近的人, 远程指导")
    assert moved.ok, moved
    with demo_db.reading() as s:
        change = s.scalars(select(AppointmentChange).where(AppointmentChange.appointment_id == booking.appointment_id,
                                                           AppointmentChange.kind == AppointmentChangeKind.MOVED)).one()
        assert "missing_skill" in change.overrides and change.new_technician_id == unskilled.id
        assert s.get(WorkOrder, order.id).assignee_id == unskilled.id
        assert s.get(WorkOrder, order.id).status is OrderStatus.DISPATCHED
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(
            AuditEntry.order_id == order.id, AuditEntry.action == "appointment.moved")) == 1


def test_moving_outside_the_window_is_a_reschedule(demo_db, reader) -> None:
    data, order = waiting_order(demo_db)
    skilled = technician(data, order, skilled=True)
    booking = book_as(demo_db, reader).book([order.id], (MONDAY_10, MONDAY_10 + timedelta(hours=2)), ContactMethod.PHONE)
    later = MONDAY_10 + timedelta(hours=4)
    refused = book_as(demo_db, reader, "admin").move(booking.appointment_id, skilled.id, later, reason="x")
    assert refused.refusal is AppointmentRefusal.NO_REASON
    assert Conflict.OUTSIDE_WINDOW in {f.conflict for f in refused.findings}
    change = Reschedule(RescheduleReason.TECHNICIAN_UNAVAILABLE, "", ContactMethod.PHONE)
    done = book_as(demo_db, reader, "admin").move(booking.appointment_id, skilled.id, later, reason="x", reschedule=change)
    assert done.ok, done
    with demo_db.reading() as s:
        appointment = s.get(Appointment, booking.appointment_id)
        assert (appointment.window_start, appointment.window_end, appointment.planned_start) == (later, later + timedelta(hours=2), later)


def test_stale_versions_and_locked_bookings_are_refused(demo_db, reader) -> None:
    data, order = waiting_order(demo_db)
    skilled = technician(data, order, skilled=True)
    booking = book_as(demo_db, reader).book([order.id], (MONDAY_10, MONDAY_10 + timedelta(hours=2)), ContactMethod.PHONE)
    assert book_as(demo_db, reader).set_locked(booking.appointment_id, True, expected_version=1).ok
    stale = book_as(demo_db, reader).move(booking.appointment_id, skilled.id, MONDAY_10, expected_version=1)
    assert stale.refusal is AppointmentRefusal.CHANGED_ELSEWHERE
    locked = book_as(demo_db, reader, "admin").move(booking.appointment_id, skilled.id, MONDAY_10, reason="x")
    assert locked.refusal is AppointmentRefusal.RULES and Conflict.LOCKED in {f.conflict for f in locked.findings}


def test_two_visits_to_one_site_merge_into_one(demo_db, reader) -> None:
    data, _order = waiting_order(demo_db)
    by_site = {}
    pair = None
    for order_id in data.waiting:
        o = data.orders[order_id]
        if o.appointment_id is None and o.status is OrderStatus.NEW:
            if o.site_id in by_site:
                pair = (by_site[o.site_id], o)
                break
            by_site[o.site_id] = o
    assert pair, "the demo has two waiting orders at one site"
    first = book_as(demo_db, reader).book([pair[0].id], (MONDAY_10, MONDAY_10 + timedelta(hours=2)), ContactMethod.PHONE)
    second = book_as(demo_db, reader).book([pair[1].id], (MONDAY_10 + timedelta(hours=4), MONDAY_10 + timedelta(hours=6)), ContactMethod.SMS)
    merged = book_as(demo_db, reader).merge(first.appointment_id, second.appointment_id, "设备与业务一次上门")
    assert merged.ok
    with demo_db.reading() as s:
        links = set(s.scalars(select(AppointmentOrder.order_id).where(AppointmentOrder.appointment_id == first.appointment_id,
                                                                      AppointmentOrder.deleted.is_(False))))
        assert links == {pair[0].id, pair[1].id}
        assert s.get(Appointment, second.appointment_id).status is AppointmentStatus.CANCELLED
        assert s.get(Appointment, first.appointment_id).duration_minutes >= max(
            s.get(Appointment, first.appointment_id).duration_minutes, 60)
