"""The order system's account is an intake account: it posts intake orders and reads what it
posted, and every other door of the centre is closed to it (least privilege; it was an administrator)."""

from __future__ import annotations

import uuid

import requests
from sqlalchemy import func, select

from central.users import add_account
from console.core.domain.enums import Role
from console.core.store.models import Customer, Service, WorkOrder
from tests.fixtures.centre import auth, login

INTAKE_PASSWORD = "the order system's long secret"


def test_the_intake_account_posts_orders_and_nothing_else(centre) -> None:
    base, central, _url = centre
    with central.unit_of_work() as s:
        add_account(s, "intake", Role.INTAKE, "上游订单系统", INTAKE_PASSWORD)
    with central.reading() as s:
        service = s.scalars(select(Service)).first()
        customer = s.get(Customer, service.customer_id)
        an_order = s.scalars(select(WorkOrder)).first()
        orders_before = s.scalar(select(func.count()).select_from(WorkOrder))
    headers = auth(login(base, "intake", INTAKE_PASSWORD).json()["token"])
    order = {"upstream_ref": "CRM-INTAKE-1", "kind": "fault", "customer_code": customer.code, "site_id": str(service.site_id),
             "title": "业务中断", "received_at": "2026-11-22T09:55:00+08:00", "circuit_id": service.circuit_id}
    posted = requests.post(f"{base}/intake/orders", json=order, headers=headers, timeout=10)
    assert posted.status_code == 201
    read_back = requests.get(f"{base}/intake/orders/CRM-INTAKE-1", headers=headers, timeout=10)
    assert read_back.status_code == 200 and read_back.json()["number"] == posted.json()["number"]
    assert requests.get(f"{base}/intake/orders/CRM-NONE", headers=headers, timeout=10).status_code == 404

    closed = [
        ("get", "/orders", None), ("get", "/sync/snapshot", None), ("get", "/sync/pull", None),
        ("post", "/sync/push", {"desk_id": "desk-intake", "mutations": []}),
        ("post", f"/orders/{an_order.id}/approve-pause", None),
        ("post", "/appointments", {"order_ids": [str(an_order.id)], "window_start": "2026-11-24T09:00:00+08:00",
                                   "window_end": "2026-11-24T11:00:00+08:00", "contact_method": "phone"}),
        ("put", "/calendar/days/2026-12-24", {"is_working": False, "note": "x"}),
        ("put", "/sla-rules/fault/restoration/AAA", {"amount": "1", "unit": "hours", "reason": "x"}),
        ("post", f"/surveys/{an_order.id}", {"respondent": "customer", "rating": "satisfied", "comment": "", "at": "2026-11-22T10:00:00+08:00"}),
        ("post", f"/field/orders/{an_order.id}/check-in", {"latitude": 31.2, "longitude": 121.4, "at": "2026-11-22T10:00:00+08:00"}),
    ]
    for method, path, body in closed:
        answer = getattr(requests, method)(f"{base}{path}", json=body, headers=headers, timeout=10)
        assert answer.status_code == 403, (path, answer.status_code, answer.text)
    with central.reading() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == orders_before + 1
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    assert requests.get(f"{base}/intake/orders/CRM-INTAKE-1", headers=dispatcher, timeout=10).status_code == 403
    assert uuid.UUID(posted.json()["id"])
