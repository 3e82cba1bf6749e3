"""The centre's sync endpoints as a desk and a careless or hostile client meet them: a retried
batch applies once and is answered the same, what a desk may not do is refused by mutation (the
ones after it still apply), bad input is a 422."""

from __future__ import annotations

import uuid

import requests
from sqlalchemy import func, select

from central.schemas import MAX_MUTATIONS
from console.core.store.models import AuditEntry, Region, SyncDesk, SyncRefusal, User, WorkOrder
from tests.fixtures.centre import auth, field_account, login


def _token(base: str, username: str = "wang.wei.central") -> dict[str, str]:
    return auth(login(base, username).json()["token"])


def _order(central, region_code: str = "central", status: tuple[str, ...] = ("new", "accepted", "dispatched", "in_progress")) -> WorkOrder:
    with central.reading() as s:
        region = s.scalars(select(Region).where(Region.code == region_code)).one()
        return s.scalars(select(WorkOrder).where(WorkOrder.region_id == region.id, WorkOrder.status.in_(status))
                         .order_by(WorkOrder.number)).first()


def _op(name: str, **args) -> dict:
    """An operation as a desk sends it: JSON arguments, ids as text."""
    return {"name": name, "id": uuid.uuid4().hex, "args": args}


def _priority(order: WorkOrder, priority: int) -> dict:
    return _op("orders.set_priority", order_ids=[str(order.id)], priority=priority)


def _push(base: str, headers: dict, desk_id: str, mutations: list[dict]) -> list[dict]:
    answer = requests.post(f"{base}/sync/push", json={"desk_id": desk_id, "mutations": mutations}, headers=headers, timeout=10)
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def test_a_retried_batch_applies_once_and_gets_the_same_answers(centre) -> None:
    base, central, _url = centre
    headers = _token(base)
    order = _order(central)
    mutations = [{"m": 1, "op": _priority(order, 1)}, {"m": 2, "op": _priority(_order(central, "pudong"), 1)}]
    first = _push(base, headers, "desk-test", mutations)
    again = _push(base, headers, "desk-test", mutations)
    assert [r["ok"] for r in first] == [True, False]
    assert first[1]["code"] == "region" and "region" in first[1]["reason"]
    assert again == first  # the refusal as stored, the applied one with its rows
    written = first[0]["rows"]
    assert (written["work_orders"][order.id.hex]["priority"], written["work_orders"][order.id.hex]["version"]) == (1, order.version + 1)
    with central.reading() as s:
        row = s.get(WorkOrder, order.id)
        assert (row.priority, row.version) == (1, order.version + 1)
        entry = s.scalars(select(AuditEntry).where(AuditEntry.order_id == order.id, AuditEntry.action == "order.priority")).one()
        me = s.scalars(select(User).where(User.username == "wang.wei.central")).one()
        assert (entry.desk_id, entry.user_id) == ("desk-test", me.id) and entry.seq is not None  # from the token, chained
        assert set(written["audit_log"]) == {entry.id.hex}
        assert s.scalar(select(func.count()).select_from(SyncRefusal)) == 1
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "sync.refused")) == 1
        assert s.get(SyncDesk, "desk-test").last_mutation == 2


def test_a_retried_batch_says_again_which_orders_the_rules_refused_within_an_action(centre) -> None:
    base, central, _url = centre
    headers = _token(base)
    open_, closed = _order(central), _order(central, status=("closed",))
    mutations = [{"m": 1, "op": _op("orders.set_priority", order_ids=[str(open_.id), str(closed.id)], priority=1)}]
    first = _push(base, headers, "desk-test", mutations)
    assert first[0]["ok"] and first[0]["partly"][closed.id.hex]["refusal"] == "not_open"
    again = _push(base, headers, "desk-test", mutations)
    assert again[0]["rows"] == first[0]["rows"]
    assert again[0]["partly"] == first[0]["partly"]


def test_what_a_dispatcher_may_not_do_is_refused_by_mutation(centre) -> None:
    base, central, _url = centre
    headers = _token(base)
    other, mine = _order(central, "pudong"), _order(central)
    answer = _push(base, headers, "desk-x", [
        {"m": 1, "op": _priority(other, 1)},
        {"m": 2, "op": _op("rules.set_limit", kind="fault", stage="total", grade="any", amount="1", unit="hours", reason="x")},
        {"m": 3, "op": _priority(mine, 2)},
        {"m": 4, "op": {**_priority(mine, 3), "args": {"order_ids": [str(mine.id)], "priority": 3, "no_such": 1}}},
        {"m": 5, "op": _op("orders.set_priority", order_ids=[str(uuid.uuid4())], priority=1)},
        {"m": 6, "op": _op("orders.undo_everything")},
    ])
    assert [r["ok"] for r in answer] == [False, False, True, False, False, False]
    assert [r["code"] for r in answer] == ["region", "rules_role", "", "unusable", "rules", "operation"]  # for the desk to say
    assert "region" in answer[0]["reason"] and "supervisor" in answer[1]["reason"]
    assert "no_such" in answer[3]["reason"] and "no_such" in answer[3]["args"]["detail"]
    assert answer[4]["args"] == {"kind": "order", "refusal": "not_found", "detail": ""}
    assert answer[5]["args"] == {"name": "orders.undo_everything"}
    with central.reading() as s:
        assert s.get(WorkOrder, other.id).version == other.version
        assert s.get(WorkOrder, mine.id).priority == 2
        refused = {r.after["mutation"]: r for r in s.scalars(select(AuditEntry).where(AuditEntry.action == "sync.refused"))}
    assert sorted(refused) == [1, 2, 4, 5, 6] and all(r.desk_id == "desk-x" for r in refused.values())
    assert refused[1].order_id == other.id  # in that order's history, for its own region to see


def test_bad_requests_are_a_422_and_a_technician_cannot_sync(centre) -> None:
    base, central, _url = centre
    headers = _token(base)
    for params in ({"after": "x"}, {"after": "1:-1"}, {"wait": 99}):
        answer = requests.get(f"{base}/sync/pull", params=params, headers=headers, timeout=10)
        assert answer.status_code == 422, params
    order = _order(central)
    one = _priority(order, 1)
    for body in ({"desk_id": "a b", "mutations": []},
                 {"desk_id": "d", "mutations": [{"m": 2, "op": one}, {"m": 1, "op": _priority(order, 2)}]},  # out of order
                 {"desk_id": "d", "mutations": [{"m": 1, "op": one}, {"m": 1, "op": one}]},  # a number twice
                 {"desk_id": "d", "mutations": [{"m": 0, "op": one}]},
                 {"desk_id": "d", "mutations": [{"m": 1}]},
                 {"desk_id": "d", "mutations": [{"m": 1, "changes": [{"t": "work_orders", "id": order.id.hex, "op": "update",
                                                                      "v": order.version, "set": {"priority": 1}}]}]},
                 {"desk_id": "d", "mutations": [{"m": n, "op": one} for n in range(1, MAX_MUTATIONS + 2)]}):
        assert requests.post(f"{base}/sync/push", json=body, headers=headers, timeout=10).status_code == 422, body
    with central.reading() as s:
        assert s.get(WorkOrder, order.id).version == order.version
        assert s.scalar(select(func.count()).select_from(SyncDesk)) == 0
    assert requests.get(f"{base}/sync/pull", timeout=10).status_code == 401
    assert requests.post(f"{base}/sync/push", json={"desk_id": "d", "mutations": [{"m": 1, "op": one}]}, timeout=10).status_code == 401
    from console.core.domain.enums import OrderStatus

    *_rest, technician = field_account(base, central, OrderStatus.DISPATCHED, "app.")
    assert requests.get(f"{base}/sync/pull", headers=technician, timeout=10).status_code == 403
    pushed = requests.post(f"{base}/sync/push", json={"desk_id": "d", "mutations": [{"m": 1, "op": one}]}, headers=technician, timeout=10)
    assert pushed.status_code == 403


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
    assert _push(base, headers, "desk-y", [{"m": 1, "op": _priority(order, 1)}])[0]["ok"]
    news = requests.get(f"{base}/sync/pull", params={"after": cursor, "wait": 5}, headers=headers, timeout=10).json()
    rows = news["tables"]["work_orders"]
    index, key = rows["columns"].index("priority"), rows["columns"].index("id")
    assert [r[index] for r in rows["rows"] if r[key] == order.id.hex] == [1]
