"""Strange input at the centre's door gets a 4xx naming the field, never a 500, and nothing is written."""

from __future__ import annotations

import requests
from sqlalchemy import func, select

from console.core.store.models import AuditEntry, Customer, Service, SlaRuleRow, WorkOrder
from tests.fixtures.centre import auth, login


def counts(central) -> tuple[int, ...]:
    with central.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (WorkOrder, AuditEntry, SlaRuleRow))


def test_nul_and_lone_surrogates_are_a_422_naming_the_field(centre) -> None:
    base, central, _url = centre
    before = counts(central)
    admin = auth(login(base, "admin").json()["token"])
    with central.reading() as s:
        service = s.scalars(select(Service)).first()
        customer = s.get(Customer, service.customer_id)
    order = {"upstream_ref": "CRM-NUL", "kind": "fault", "customer_code": customer.code, "site_id": str(service.site_id),
             "title": "a\x00b", "received_at": "2026-11-22T09:55:00+08:00", "circuit_id": service.circuit_id}
    answer = requests.post(f"{base}/intake/orders", json=order, headers=admin, timeout=10)
    assert answer.status_code == 422 and "title" in answer.text and "NUL" in answer.text
    lone = requests.post(f"{base}/auth/login", data='{"username": "\\ud800x", "password": "whatever it is"}',
                         headers={"Content-Type": "application/json"}, timeout=10)
    assert lone.status_code == 422 and "username" in lone.text and "surrogate" in lone.text
    query = requests.get(f"{base}/sync/pull", params={"after": "0:0\x00"}, headers=admin, timeout=10)
    assert query.status_code == 422 and "after" in query.text
    assert counts(central) == before


def test_huge_numbers_are_a_422(centre) -> None:
    base, central, _url = centre
    before = counts(central)
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    admin = auth(login(base, "admin").json()["token"])
    rule = requests.put(f"{base}/sla-rules/fault/restoration/AAA", json={"amount": "1e308", "unit": "hours", "reason": "x"},
                        headers=supervisor, timeout=10)
    assert rule.status_code == 422 and "amount" in rule.text
    for offset in ("100000000000000000000", "1e20", "-1"):
        answer = requests.get(f"{base}/orders", params={"offset": offset}, headers=admin, timeout=10)
        assert answer.status_code == 422 and "offset" in answer.text, (offset, answer.text)
    assert counts(central) == before


def test_an_oversized_body_is_a_413_before_anything_is_read(centre) -> None:
    base, central, _url = centre
    before = counts(central)
    admin = auth(login(base, "admin").json()["token"])
    big = b'{"desk_id": "desk-big", "mutations": [], "pad": "' + b"x" * (33 * 1024 * 1024) + b'"}'
    answer = requests.post(f"{base}/sync/push", data=big, headers={**admin, "Content-Type": "application/json"}, timeout=60)
    assert answer.status_code == 413
    assert counts(central) == before
