"""The centre's sync endpoints as a desk and a careless or hostile client meet them: a retried
batch applies once, what a desk may not change is refused by mutation, bad input is a 422."""

from __future__ import annotations

import uuid

import requests
from sqlalchemy import func, select

from console.core.store.models import AuditEntry, SyncRefusal, WorkOrder
from tests.fixtures.centre import auth, field_account, login


def _token(base: str, username: str = "wang.wei.central") -> dict[str, str]:
    return auth(login(base, username).json()["token"])


def _order(central, region_code: str = "central") -> WorkOrder:
    from console.core.store.models import Region

    with central.reading() as s:
        region = s.scalars(select(Region).where(Region.code == region_code)).one()
        return s.scalars(select(WorkOrder).where(WorkOrder.region_id == region.id, WorkOrder.status.in_(["new", "accepted", "dispatched", "in_progress"]))
                         .order_by(WorkOrder.number)).first()


def _priority_change(order: WorkOrder, priority: int) -> dict:
    return {"t": "work_orders", "id": order.id.hex, "op": "update", "v": order.version,
            "set": {"priority": priority}, "was": {"priority": order.priority}}


def test_a_retried_batch_applies_once_and_gets_the_same_answers(centre) -> None:
    base, central, _url = centre
    headers = _token(base)
    order = _order(central)
    audit_id = uuid.uuid4().hex
    audit_row = {"t": "audit_log", "id": audit_id, "op": "insert", "set": {
        "id": audit_id, "at": "2026-11-22 02:00:00.000000", "user_id": None, "desk_id": "", "action": "order.priority_set",
        "entity": "work_order", "entity_id": order.id.hex, "order_id": order.id.hex, "before": None, "after": None,
        "reason": "", "prev_hash": "", "hash": "", "seq": None}}
    body = {"desk_id": "desk-test", "mutations": [
        {"m": 1, "changes": [_priority_change(order, 1), audit_row]},
        {"m": 2, "changes": [{"t": "customers", "id": order.customer_id.hex, "op": "update", "v": 1, "set": {"name": "x"}, "was": {}}]},
    ]}
    first = requests.post(f"{base}/sync/push", json=body, headers=headers, timeout=10).json()["results"]
    again = requests.post(f"{base}/sync/push", json=body, headers=headers, timeout=10).json()["results"]
    assert [r["ok"] for r in first] == [True, False]
    assert "customers" in first[1]["reason"]
    assert (first[1]["code"], first[1]["args"]) == ("table", {"table": "customers"})
    assert [(r["ok"], r["reason"], r["code"], r["args"]) for r in again] == [(r["ok"], r["reason"], r["code"], r["args"]) for r in first]
    with central.reading() as s:
        row = s.get(WorkOrder, order.id)
        assert (row.priority, row.version) == (1, order.version + 1)
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.id == uuid.UUID(audit_id))) == 1
        pushed = s.get(AuditEntry, uuid.UUID(audit_id))
        assert pushed.desk_id == "desk-test" and pushed.user_id is not None and pushed.seq is not None  # from the token, chained
        assert s.scalar(select(func.count()).select_from(SyncRefusal)) == 1
    assert first[0]["versions"]["work_orders"][order.id.hex] == order.version + 1


def test_what_a_dispatcher_may_not_change_is_refused_by_mutation(centre) -> None:
    base, central, _url = centre
    headers = _token(base)
    other = _order(central, "pudong")
    mine = _order(central)
    rule_id = uuid.uuid4().hex
    answer = requests.post(f"{base}/sync/push", headers=headers, timeout=10, json={"desk_id": "desk-x", "mutations": [
        {"m": 1, "changes": [_priority_change(other, 1)]},
        {"m": 2, "changes": [{"t": "rule_parameters", "id": rule_id, "op": "insert", "set": {"key": "x", "value": "1"}}]},
        {"m": 3, "changes": [_priority_change(mine, 2)]},
        {"m": 4, "changes": [{"t": "work_orders", "id": mine.id.hex, "op": "update", "v": mine.version, "set": {"no_such": 1}, "was": {}}]},
        {"m": 5, "changes": [{"t": "work_orders", "id": uuid.uuid4().hex, "op": "update", "v": 1, "set": {"priority": 1}, "was": {}}]},
    ]}).json()["results"]
    assert [r["ok"] for r in answer] == [False, False, True, False, False]
    assert "region" in answer[0]["reason"]
    assert "supervisor" in answer[1]["reason"]
    assert "no_such" in answer[3]["reason"]
    assert "unknown" in answer[4]["reason"]
    assert [r["code"] for r in answer] == ["region", "rules_role", "", "unusable", "unknown"]  # for the desk to say in its language
    assert answer[4]["args"] == {"table": "work_orders"} and "no_such" in answer[3]["args"]["detail"]
    with central.reading() as s:
        assert s.get(WorkOrder, other.id).version == other.version
        refused = s.scalars(select(AuditEntry).where(AuditEntry.action == "sync.refused")).all()
    assert len(refused) == 4 and all(r.desk_id == "desk-x" for r in refused)


def test_bad_requests_are_a_422_and_a_technician_cannot_sync(centre) -> None:
    base, central, _url = centre
    headers = _token(base)
    for params in ({"after": "x"}, {"after": "1:-1"}, {"wait": 99}):
        answer = requests.get(f"{base}/sync/pull", params=params, headers=headers, timeout=10)
        assert answer.status_code == 422, params
    for body in ({"desk_id": "a b", "mutations": []},
                 {"desk_id": "d", "mutations": [{"m": 2, "changes": [{"t": "x", "id": "1" * 32, "op": "update", "set": {}}]},
                                                {"m": 1, "changes": [{"t": "x", "id": "1" * 32, "op": "update", "set": {}}]}]},
                 {"desk_id": "d", "mutations": [{"m": 1, "changes": [{"t": "x", "id": "not-hex", "op": "update", "set": {}}]}]}):
        assert requests.post(f"{base}/sync/push", json=body, headers=headers, timeout=10).status_code == 422
    assert requests.get(f"{base}/sync/pull", timeout=10).status_code == 401
    from console.core.domain.enums import OrderStatus

    *_rest, technician = field_account(base, central, OrderStatus.DISPATCHED, "app.")
    assert requests.get(f"{base}/sync/pull", headers=technician, timeout=10).status_code == 403


def test_the_feed_follows_a_cursor_and_waits_for_news(centre) -> None:
    base, central, _url = centre
    headers = _token(base)
    cursor, more = "0:0", True
    while more:
        body = requests.get(f"{base}/sync/pull", params={"after": cursor, "limit": 500}, headers=headers, timeout=30).json()
        cursor, more = body["cursor"], body["more"]
    empty = requests.get(f"{base}/sync/pull", params={"after": cursor, "wait": 0.5}, headers=headers, timeout=10).json()
    assert empty == {"cursor": cursor, "more": False, "tables": {}}
    order = _order(central)
    requests.post(f"{base}/sync/push", headers=headers, timeout=10, json={"desk_id": "desk-y", "mutations": [
        {"m": 1, "changes": [_priority_change(order, 1)]}]})
    news = requests.get(f"{base}/sync/pull", params={"after": cursor, "wait": 5}, headers=headers, timeout=10).json()
    rows = news["tables"]["work_orders"]
    index, key = rows["columns"].index("priority"), rows["columns"].index("id")
    assert [r[index] for r in rows["rows"] if r[key] == order.id.hex] == [1]
