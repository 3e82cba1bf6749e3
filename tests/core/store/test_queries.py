from sqlalchemy import select

from console.core.domain.enums import OPEN_STATUSES, Role
from console.core.store import queries
from console.core.store.models import AppointmentOrder, User, WorkOrder


def test_the_queue_holds_every_open_order(demo_db) -> None:
    with demo_db.reading() as s:
        rows = queries.open_queue(s)
        expected = s.scalars(select(WorkOrder.number).where(WorkOrder.status.in_(OPEN_STATUSES))).all()
    assert sorted(r.number for r in rows) == sorted(expected)
    assert any(r.appointment_start for r in rows) and any(r.assignee for r in rows) and any(r.paused for r in rows)
    assert all(r.due_at.tzinfo is not None and r.received_at.tzinfo is not None for r in rows)


def test_the_first_screen_holds_the_most_urgent_orders(demo_db) -> None:
    with demo_db.reading() as s:
        everything = queries.open_queue(s)
        first = queries.open_queue(s, limit=50)
    most_urgent = sorted(everything, key=lambda r: r.due_at)[:50]
    assert [r.id for r in first] == [r.id for r in most_urgent]
    by_id = {r.id: r for r in everything}
    assert all(r == by_id[r.id] for r in first)  # the same rows, appointments and pauses included


def test_the_queue_can_be_scoped_to_a_region(demo_db) -> None:
    with demo_db.reading() as s:
        user = s.scalars(select(User).where(User.role == Role.DISPATCHER)).first()
        mine = queries.open_queue(s, user.region_id)
        everything = queries.open_queue(s)
        in_region = s.scalars(select(WorkOrder.id).where(WorkOrder.region_id == user.region_id, WorkOrder.status.in_(OPEN_STATUSES))).all()
    assert 0 < len(mine) < len(everything)
    assert {r.id for r in mine} == set(in_region)


def test_an_order_detail_has_customer_site_service_appointment_and_history(demo_db) -> None:
    with demo_db.reading() as s:
        rows = queries.open_queue(s)
        with_appointment = next(r for r in rows if r.appointment_start is not None)
        detail = queries.order_detail(s, with_appointment.id)
    assert detail.number == with_appointment.number
    assert detail.customer_name and detail.address and detail.district
    assert detail.appointments and detail.appointments[0].changes
    assert detail.history[0].action == "order.created"
    assert [e.at for e in detail.history] == sorted(e.at for e in detail.history)


def test_an_unknown_desk_user_is_none_and_no_user_means_the_administrator(demo_db) -> None:
    with demo_db.reading() as s:
        assert queries.desk_user(s, "nobody") is None
        admin = queries.desk_user(s, None)
        dispatcher = queries.desk_user(s, "wang.wei.central")
    assert admin.role is Role.ADMIN and admin.region_id is None
    assert dispatcher.role is Role.DISPATCHER and dispatcher.region == "中心城区"


def test_a_plan_read_narrowed_to_a_technician_is_the_whole_read_filtered(demo_db) -> None:
    """A booking's check reads one technician's days (and its visit's orders) in SQL, not the whole city's
    and then filtered: the same technicians, shifts, visits and orders either way."""
    from datetime import timedelta

    from console.core.store.models import Appointment
    from console.core.store.planning_query import plan_data

    with demo_db.reading() as s:
        visit = s.scalars(select(Appointment).where(Appointment.technician_id.is_not(None), Appointment.deleted.is_(False))
                          .order_by(Appointment.window_start)).first()
        start, end = visit.window_start - timedelta(days=1), visit.window_start + timedelta(days=1)
        other = s.scalars(select(Appointment).where(Appointment.technician_id.is_not(None),
                                                    Appointment.technician_id != visit.technician_id,
                                                    Appointment.window_start < end, Appointment.window_end > start)).first()
        also = {order_id for order_id in s.scalars(select(AppointmentOrder.order_id).where(AppointmentOrder.appointment_id == other.id))}
        everything = plan_data(s, None, start, end, waiting=False, also_orders=also)
        narrowed = plan_data(s, None, start, end, technicians={visit.technician_id}, also_orders=also, waiting=False)
    mine = {visit.technician_id}
    assert [t.id for t in narrowed.technicians] == [visit.technician_id]
    assert narrowed.shifts == tuple(x for x in everything.shifts if x.technician_id in mine)
    expected = tuple(v for v in everything.visits if v.technician_id in mine or also & set(v.order_ids))
    assert narrowed.visits == expected and visit.id in {v.id for v in expected} and other.id in {v.id for v in expected}
    wanted = {o for v in expected for o in v.order_ids} | also
    assert narrowed.orders == {k: order for k, order in everything.orders.items() if k in wanted}
