"""What the field-view sync tests share: an order of the desk's region with its technician, the
technician's app account logged in, a report posted."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import select

from central.users import set_password
from console.core.domain.enums import OrderKind, OrderStatus, Role
from console.core.store.models import Technician, User, WorkOrder
from tests.fixtures.centre import PASSWORD, auth, login


def now() -> datetime:
    return datetime.now(UTC)


def at(minutes_ago: float = 0) -> str:
    return (now() - timedelta(minutes=minutes_ago)).isoformat()


def an_assigned_order(central, region_id: uuid.UUID, status: OrderStatus, *, kind: OrderKind | None = None,
                       not_in: tuple = ()) -> WorkOrder:
    with central.reading() as s:
        query = select(WorkOrder).where(WorkOrder.region_id == region_id, WorkOrder.status == status,
                                        WorkOrder.assignee_id.is_not(None), WorkOrder.id.not_in(not_in or [uuid.uuid4()]))
        if kind is not None:
            query = query.where(WorkOrder.kind == kind)
        return s.scalars(query.order_by(WorkOrder.number)).first()


def technician_headers(base: str, central, technician_id: uuid.UUID) -> dict[str, str]:
    """The technician's app account (made once), logged in."""
    with central.unit_of_work() as s:
        technician = s.get(Technician, technician_id)
        username = f"app-{technician.employee_no}"
        made = s.scalar(select(User.id).where(User.username == username)) is None
        if made:
            s.add(User(username=username, display_name=technician.name, role=Role.TECHNICIAN, region_id=technician.region_id,
                       technician_id=technician.id, active=True))
    if made:  # (a new password would end the tokens given before: one technician may serve two of a test's orders)
        with central.unit_of_work() as s:
            set_password(s, username, PASSWORD)
    return auth(login(base, username).json()["token"])


def post(base: str, headers: dict, path: str, body: dict) -> requests.Response:
    answer = requests.post(f"{base}{path}", json=body, headers=headers, timeout=20)
    assert answer.status_code in (200, 204), (path, answer.status_code, answer.text)
    return answer
