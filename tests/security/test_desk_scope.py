"""What a desk holds: a dispatcher's snapshot and feed carry only their region (orders and what
hangs from them, the customers, sites, services and technicians of the region) and the reference
data, never a secret; a row that leaves the region leaves the desk through the feed."""

from __future__ import annotations

import requests
from sqlalchemy import func, inspect, select, text

from console.core.domain.enums import PauseReason
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import (
    AuditEntry,
    Customer,
    Region,
    Service,
    Site,
    SlaPause,
    Technician,
    User,
    WorkOrder,
)
from tests.fixtures.centre import auth, login
from tests.fixtures.demo import DEMO_NOW

SCOPED = (WorkOrder, Customer, Site, Service, Technician)
OPEN = ["new", "dispatched", "accepted"]


def regions_held(database, model) -> set:
    with database.reading() as s:
        if model in (WorkOrder, Customer, Technician):
            return set(s.scalars(select(model.region_id).distinct()))
        if model is Site:
            return set(s.scalars(select(Customer.region_id).join(Site, Site.customer_id == Customer.id).distinct()))
        return set(s.scalars(select(Customer.region_id).join(Service, Service.customer_id == Customer.id).distinct()))


def test_a_dispatchers_desk_holds_its_region_and_no_secret(centre, make_desk) -> None:
    _base, central, _url = centre
    desk = make_desk("a")
    for model in SCOPED:
        assert regions_held(desk.database, model) == {desk.user.region_id}, model.__tablename__
    with desk.database.reading() as s, central.reading() as c:
        assert s.scalar(select(func.count()).select_from(Region)) == c.scalar(select(func.count()).select_from(Region))
        assert s.scalar(select(func.count()).select_from(User)) == c.scalar(select(func.count()).select_from(User))
        assert all(hash_ is None for hash_ in s.scalars(select(User.password_hash)))  # names and roles, no secret
        assert c.scalar(select(func.count()).select_from(User).where(User.password_hash.is_not(None))) > 0
        own_orders = set(s.scalars(select(WorkOrder.id)))
        assert {e.order_id for e in s.scalars(select(AuditEntry))} <= own_orders  # the audit rows of its orders only
        assert "api_tokens" not in inspect(desk.database.engine).get_table_names() or \
            s.execute(text("SELECT count(*) FROM api_tokens")).scalar() == 0


def test_the_snapshot_itself_carries_nothing_of_another_region(centre) -> None:
    base, central, _url = centre
    headers = auth(login(base, "wang.wei.central").json()["token"])
    with central.reading() as s:
        mine = s.scalars(select(User.region_id).where(User.username == "wang.wei.central")).one()
        others = {o.hex for o in s.scalars(select(WorkOrder.id).where(WorkOrder.region_id != mine))}
        phones = {c.contact_phone for c in s.scalars(select(Customer).where(Customer.region_id != mine)) if c.contact_phone}
    body = requests.get(f"{base}/sync/snapshot", headers=headers, timeout=30).text
    assert others and not any(order in body for order in others)
    assert phones and not any(phone in body for phone in phones)
    assert "$argon2" not in body and "password_hash" not in body


def test_another_regions_changes_never_reach_the_desk_and_a_moved_order_leaves_it(centre, make_desk) -> None:
    _base, central, _url = centre
    desk = make_desk("a")
    admin = DeskReader(central).user("admin")
    with central.reading() as s:
        north = s.scalars(select(Region).where(Region.code == "pudong")).one()
        theirs = s.scalars(select(WorkOrder).where(WorkOrder.region_id == north.id, WorkOrder.status.in_(OPEN))).first()
        mine = s.scalars(select(WorkOrder).where(WorkOrder.region_id == desk.user.region_id, WorkOrder.status.in_(OPEN),
                                                 WorkOrder.paused_since.is_(None)).order_by(WorkOrder.number)).first()
    actions = OrderActions(central, admin, lambda: DEMO_NOW)
    assert not actions.set_priority([theirs.id], 1).refused
    assert not actions.pause([mine.id], PauseReason.CUSTOMER_NOT_READY, "客户要求").refused
    desk.worker.pull_once()
    with desk.database.reading() as s:
        assert s.get(WorkOrder, theirs.id) is None
        assert s.scalars(select(SlaPause).where(SlaPause.order_id == mine.id)).first() is not None
    with central.unit_of_work() as s:  # the order moves to the other region (a customer changing hands, at the centre)
        s.get(WorkOrder, mine.id).region_id = north.id
        s.get(WorkOrder, mine.id).version += 1
    desk.worker.pull_once()
    with desk.database.reading() as s:
        assert s.get(WorkOrder, mine.id) is None
        assert s.scalars(select(SlaPause).where(SlaPause.order_id == mine.id)).first() is None  # what hung from it too
        assert s.scalars(select(AuditEntry).where(AuditEntry.order_id == mine.id)).first() is None
