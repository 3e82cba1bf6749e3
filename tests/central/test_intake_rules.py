"""The centre's intake keeps the rules in force while it reuses them between orders: an order taken
after a supervisor changed a limit is due by the new limit at once; each order numbered once, in
turn, and audited in the chain, also when eight arrive at once."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import select

from central import audit_chain
from console.core.domain.order_number import OrderNumber
from console.core.store.models import AuditEntry, Customer, Service, WorkOrder
from tests.fixtures.centre import auth, login

pytestmark = pytest.mark.postgres


def a_fault(database, ref: str) -> dict:
    with database.reading() as s:
        service = s.scalars(select(Service).where(Service.circuit_id.is_not(None)).order_by(Service.circuit_id)).first()
        customer = s.get(Customer, service.customer_id)
        return {"upstream_ref": ref, "kind": "fault", "customer_code": customer.code, "site_id": str(service.site_id),
                "title": "业务中断", "received_at": (datetime.now(UTC) - timedelta(minutes=1)).isoformat(),
                "circuit_id": service.circuit_id}


def limit_of(database, order_id: str) -> int:
    with database.reading() as s:
        return s.scalar(select(WorkOrder.sla_limit_seconds).where(WorkOrder.id == order_id))


def test_an_order_after_a_limit_changed_is_due_by_the_new_limit(centre) -> None:
    base, database, _url = centre
    admin = auth(login(base, "admin").json()["token"])
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    first = requests.post(f"{base}/intake/orders", json=a_fault(database, "CRM-RULE-1"), headers=admin, timeout=10)
    assert first.status_code == 201, first.text
    before = limit_of(database, first.json()["id"])
    with database.reading() as s:
        grade = s.scalars(select(Service.assurance).where(Service.circuit_id == a_fault(database, "x")["circuit_id"])).one().value
    hours = before // 3600 + 3
    rule = {"amount": str(hours), "unit": "hours", "reason": "新的服务协议"}
    assert requests.put(f"{base}/sla-rules/fault/restoration/{grade}", json=rule, headers=supervisor, timeout=30).status_code == 204
    second = requests.post(f"{base}/intake/orders", json=a_fault(database, "CRM-RULE-2"), headers=admin, timeout=10)
    assert second.status_code == 201, second.text
    assert limit_of(database, second.json()["id"]) == hours * 3600 != before


def test_eight_at_once_are_numbered_in_turn_and_chained(centre) -> None:
    base, database, _url = centre
    admin = auth(login(base, "admin").json()["token"])
    with ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(lambda n: requests.post(f"{base}/intake/orders", json=a_fault(database, f"CRM-AT-ONCE-{n}"),
                                                        headers=admin, timeout=30), range(8)))
        again = requests.post(f"{base}/intake/orders", json=a_fault(database, "CRM-AT-ONCE-3"), headers=admin, timeout=30)
    assert [a.status_code for a in answers] == [201] * 8 and again.status_code == 200
    serials = sorted(OrderNumber.parse(a.json()["number"]).serial for a in answers)
    assert serials == list(range(serials[0], serials[0] + 8))
    assert again.json()["number"] == answers[3].json()["number"]
    with database.reading() as s:
        audited = s.scalars(select(AuditEntry.order_id).where(AuditEntry.action == "order.created",
                                                              AuditEntry.order_id.in_([a.json()["id"] for a in answers]))).all()
        assert len(audited) == 8
        assert audit_chain.verify(s).intact
