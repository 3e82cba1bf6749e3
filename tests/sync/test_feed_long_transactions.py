"""A long write transaction holds back only its own rows: the feed reads every transaction committed
in the reader's snapshot, names in the cursor the older ones still running, and reads their rows
once they have ended (a late commit is never skipped, and a plan commit of ten seconds no longer
holds back every desk's feed)."""

from __future__ import annotations

import time

import pytest
import requests
from sqlalchemy import create_engine, select, text

from central.feed import Cursor
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import WorkOrder
from tests.fixtures.centre import auth, login
from tests.fixtures.demo import DEMO_NOW

OPEN = ["new", "dispatched", "accepted"]


def _to_the_end(base: str, headers: dict, cursor: str = "0:0") -> str:
    while True:
        body = requests.get(f"{base}/sync/pull", params={"after": cursor, "limit": 5000}, headers=headers, timeout=30).json()
        if not body["more"] and body["cursor"] == cursor:
            return cursor
        cursor = body["cursor"]


def _priorities(body: dict) -> dict[str, int]:
    rows = body["tables"].get("work_orders", {"columns": ["id", "priority"], "rows": []})
    key, priority = rows["columns"].index("id"), rows["columns"].index("priority")
    return {r[key]: r[priority] for r in rows["rows"]}


def test_a_change_committed_behind_a_long_transaction_is_read_and_the_long_one_later(centre) -> None:
    base, central, url = centre
    headers = auth(login(base, "admin").json()["token"])  # (every region: both orders are the desk's)
    with central.reading() as s:
        slow_order, quick_order = s.scalars(select(WorkOrder).where(WorkOrder.status.in_(OPEN)).order_by(WorkOrder.number).limit(2)).all()
    cursor = _to_the_end(base, headers)
    engine = create_engine(url)
    slow = engine.connect()
    slow.begin()
    slow.execute(text("UPDATE work_orders SET priority = 5, version = version + 1 WHERE id = :id"), {"id": slow_order.id})  # open, with its id
    try:
        assert not OrderActions(central, DeskReader(central).user("admin"), lambda: DEMO_NOW).set_priority(
            [quick_order.id], 1 if quick_order.priority != 1 else 2).refused
        started = time.monotonic()
        body = requests.get(f"{base}/sync/pull", params={"after": cursor, "wait": 5}, headers=headers, timeout=10).json()
        assert time.monotonic() - started < 2.0
        seen = _priorities(body)
        assert quick_order.id.hex in seen and slow_order.id.hex not in seen  # the quick one now, the open one not yet
        waiting = Cursor.parse(body["cursor"])
        assert waiting.pending and all(t < waiting.txid for t in waiting.pending)
        again = requests.get(f"{base}/sync/pull", params={"after": body["cursor"]}, headers=headers, timeout=10).json()
        assert again["tables"] == {} and again["cursor"] == body["cursor"]  # nothing twice, still waiting for it
        slow.commit()
    finally:
        slow.close()
        engine.dispose()
    late = requests.get(f"{base}/sync/pull", params={"after": body["cursor"], "wait": 5}, headers=headers, timeout=10).json()
    assert _priorities(late).get(slow_order.id.hex) == 5  # the late commit, not skipped
    assert not Cursor.parse(late["cursor"]).pending


@pytest.mark.parametrize("cursor", ["1:2:", "1:2:3,x", "1:2:5", "1:2:1:1", "a:b", "+1:2", "1:99999999999999999999", "1:2:" + ",".join(
    str(n) for n in range(1, 300))])
def test_a_cursor_the_centre_did_not_give_is_a_422(centre, cursor: str) -> None:
    base, _central, _url = centre
    headers = auth(login(base, "admin").json()["token"])
    answer = requests.get(f"{base}/sync/pull", params={"after": cursor}, headers=headers, timeout=10)
    assert answer.status_code == 422, answer.text
