"""The assign dialog's read: the orders still open, every technician ranked as the candidates panel
ranks them, and whether the visit can be booked in the same step."""

from __future__ import annotations

import uuid
from datetime import timedelta

from sqlalchemy import select

from console.core.domain.enums import OrderStatus
from console.core.services.assigning import NoBooking, assign_choice
from console.core.services.planning import PlanningDesk
from console.core.store.models import WorkOrder
from tests.fixtures.demo import DEMO_NOW

MONDAY_0930 = DEMO_NOW + timedelta(hours=23, minutes=30)


def _orders(demo_db, status: OrderStatus) -> list[WorkOrder]:
    with demo_db.reading() as s:
        return list(s.scalars(select(WorkOrder).where(WorkOrder.status == status).order_by(WorkOrder.number)))


def test_one_order_is_ranked_as_the_candidates_panel_ranks_it(demo_db) -> None:
    order = _orders(demo_db, OrderStatus.NEW)[0]
    choice = assign_choice(demo_db, [order.id], MONDAY_0930)
    panel = PlanningDesk(demo_db).candidates(order.id, MONDAY_0930)
    assert [c.technician_id for c in choice.candidates] == [c.technician_id for c in panel.candidates]
    assert [o.id for o in choice.orders] == [order.id] and choice.gone == ()
    assert set(choice.findings) == {c.technician_id for c in choice.candidates if c.slot is not None}


def test_orders_at_several_sites_or_under_way_are_assigned_only(demo_db) -> None:
    new = _orders(demo_db, OrderStatus.NEW)
    first = new[0]
    elsewhere = next(o for o in new if o.site_id != first.site_id)
    assert assign_choice(demo_db, [first.id, elsewhere.id], MONDAY_0930).no_booking is NoBooking.SEVERAL_SITES
    on_site = _orders(demo_db, OrderStatus.IN_PROGRESS)[0]
    choice = assign_choice(demo_db, [on_site.id], MONDAY_0930)
    assert choice.no_booking is NoBooking.NOT_WAITING and not choice.books_visit


def test_orders_no_longer_open_are_left_out_and_none_open_gives_none(demo_db) -> None:
    order = _orders(demo_db, OrderStatus.NEW)[0]
    gone = uuid.uuid4()
    choice = assign_choice(demo_db, [gone, order.id], MONDAY_0930)
    assert choice.gone == (gone,) and [o.id for o in choice.orders] == [order.id]
    assert assign_choice(demo_db, [gone], MONDAY_0930) is None
