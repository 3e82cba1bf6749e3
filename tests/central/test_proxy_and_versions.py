"""Behind a reverse proxy the login limits count the real client; every field report honours If-Match."""

import requests
from sqlalchemy import func, select

from console.core.domain.enums import OrderStatus
from console.core.store.models import FieldEvent, WorkOrder
from tests.fixtures.centre import field_account, login


def test_login_limits_per_address_count_the_client_the_proxy_names(centre) -> None:
    """uvicorn believes X-Forwarded-For from the proxy on 127.0.0.1 (dispatch-central serve --forwarded-allow-ips)."""
    base, _database, _url = centre
    for n in range(20):  # the default per-address limit, each for another user name (the per-user limit is 3 here)
        wrong = requests.post(f"{base}/auth/login", json={"username": f"guess{n}", "password": "wrong password!"},
                              headers={"X-Forwarded-For": "203.0.113.7"}, timeout=10)
        assert wrong.status_code == 401
    blocked = requests.post(f"{base}/auth/login", json={"username": "admin", "password": "correct horse battery"},
                            headers={"X-Forwarded-For": "203.0.113.7"}, timeout=10)
    assert blocked.status_code == 429
    other_client = requests.post(f"{base}/auth/login", json={"username": "admin", "password": "correct horse battery"},
                                 headers={"X-Forwarded-For": "198.51.100.9"}, timeout=10)
    assert other_client.status_code == 200
    assert login(base, "admin").status_code == 200  # the proxy itself is not the one held back


def test_every_field_report_refuses_a_stale_version(centre) -> None:
    base, database, _url = centre
    order_id, _lat, _lon, field = field_account(base, database, OrderStatus.DISPATCHED, "v.")
    with database.reading() as s:
        version = s.get(WorkOrder, order_id).version
        events = s.scalar(select(func.count()).select_from(FieldEvent))
    report = {"at": "2026-11-22T10:40:00+08:00", "results": {"ping_ms": 3}}
    for path, body in (("test-result", report), ("delivery-report", report),
                       ("exception", {"kind": "fiber_port_broken", "at": "2026-11-22T10:40:00+08:00"})):
        stale = requests.post(f"{base}/field/orders/{order_id}/{path}", json=body, headers={**field, "If-Match": str(version - 1)},
                              timeout=10)
        assert stale.status_code == 409 and "reload" in stale.json()["detail"], (path, stale.text)
    with database.reading() as s:
        assert s.scalar(select(func.count()).select_from(FieldEvent)) == events
    fresh = requests.post(f"{base}/field/orders/{order_id}/test-result", json=report, headers={**field, "If-Match": str(version)},
                          timeout=10)
    assert fresh.status_code == 204
