"""`POST /field/orders/{id}/accept` (the technician's 接单): only the technician the order was
dispatched to accepts it, from their own account, at the centre's time; anyone else is refused and
nothing changes."""

from __future__ import annotations

import uuid

import requests
from sqlalchemy import select

from central.users import set_password
from console.core.domain.enums import OrderStatus, Role
from console.core.store.models import Technician, User, WorkOrder
from tests.fixtures.centre import PASSWORD, auth, field_account, login


def other_technicians_headers(base: str, database, not_this: uuid.UUID) -> dict[str, str]:
    with database.unit_of_work() as s:
        tech = s.scalars(select(Technician).where(Technician.id != not_this, Technician.active.is_(True))).first()
        s.add(User(username="other." + tech.employee_no, display_name=tech.name, role=Role.TECHNICIAN,
                   region_id=tech.region_id, technician_id=tech.id, active=True))
        username = "other." + tech.employee_no
    with database.unit_of_work() as s:
        set_password(s, username, PASSWORD)
    return auth(login(base, username).json()["token"])


def state(database, order_id: uuid.UUID) -> tuple:
    with database.reading() as s:
        order = s.get(WorkOrder, order_id)
        return order.status, order.responded_at, order.version


def test_only_the_assigned_technician_accepts_and_the_centre_sets_the_time(centre) -> None:
    base, database, _url = centre
    order_id, _lat, _lon, mine = field_account(base, database, OrderStatus.DISPATCHED, "")
    before = state(database, order_id)
    with database.reading() as s:
        assignee = s.get(WorkOrder, order_id).assignee_id
    url = f"{base}/field/orders/{order_id}/accept"
    other = other_technicians_headers(base, database, assignee)
    assert requests.post(url, headers=other, timeout=10).status_code == 403
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    assert requests.post(url, headers=dispatcher, timeout=10).status_code == 403
    stale = requests.post(url, headers={**mine, "If-Match": str(before[2] - 1)}, timeout=10)
    assert stale.status_code == 409 and "reload" in stale.json()["detail"]
    assert state(database, order_id) == before
    assert requests.post(f"{base}/field/orders/not-a-uuid/accept", headers=mine, timeout=10).status_code == 422
    assert requests.post(f"{base}/field/orders/{uuid.uuid4()}/accept", headers=mine, timeout=10).status_code == 404
    answer = requests.post(url, headers={**mine, "If-Match": str(before[2])}, json={"responded_at": "2001-01-01T00:00:00Z"}, timeout=10)
    assert answer.status_code == 200, answer.text
    status, responded, version = state(database, order_id)
    assert status is OrderStatus.ACCEPTED and responded.year > 2001 and version == before[2] + 1
    assert answer.json()["version"] == version
    again = requests.post(url, headers=mine, timeout=10)
    assert again.status_code == 409 and "already accepted" in again.json()["detail"]
