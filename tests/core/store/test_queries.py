from sqlalchemy import select

from console.core.domain.enums import OPEN_STATUSES, Role
from console.core.store import queries
from console.core.store.models import User, WorkOrder


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
