"""The centre keeps its change feed for a while (feed_days); a desk away longer than that is told
so (410) and downloads the centre's data again, after sending what it saved meanwhile."""

from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import func, select, text

from central import feed
from console.core.services.orders import OrderActions
from console.core.store.models import SyncChange, Technician, WorkOrder
from tests.fixtures.centre import auth, login
from tests.fixtures.demo import DEMO_NOW


def test_a_desk_behind_the_pruned_feed_starts_again_and_loses_nothing(centre, make_desk) -> None:
    base, central, _url = centre
    desk = make_desk("a")
    old_cursor = desk.replica.cursor()
    with desk.database.reading() as s:
        order = s.scalars(select(WorkOrder).where(WorkOrder.status == "new", WorkOrder.region_id == desk.user.region_id)).first()
        technician = s.scalars(select(Technician).where(Technician.region_id == order.region_id)).first()
    OrderActions(desk.database, desk.user, lambda: DEMO_NOW).assign([order.id], technician.id)  # saved while "away"
    headers = auth(login(base, "supervisor.central").json()["token"])
    meanwhile = {"name": "orders.set_priority", "id": uuid.uuid4().hex, "args": {"order_ids": [str(order.id)], "priority": 1}}
    other = requests.post(f"{base}/sync/push", headers=headers, timeout=10, json={"desk_id": "desk-other", "mutations": [
        {"m": 1, "op": meanwhile}]}).json()  # another desk's action, while this one is away
    assert other["results"][0]["ok"]
    with central.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncChange)) > 0
    assert feed.prune(central.engine, datetime.now(UTC) + timedelta(seconds=1)) > 0
    with central.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncChange)) == 0
        assert s.execute(text("SELECT count(*) FROM sync_feed_floor")).scalar() == 1

    answer = requests.get(f"{base}/sync/pull", params={"after": old_cursor}, headers=headers, timeout=10)
    assert answer.status_code == 410 and "away longer" in answer.json()["detail"]

    def state(database):
        with database.reading() as s:
            row = s.get(WorkOrder, order.id)
            return row.assignee_id, row.priority, row.version

    desk.worker.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not (desk.replica.counts().pending == 0 and desk.replica.cursor() not in (None, old_cursor)
                                               and state(desk.database) == state(central)):
        time.sleep(0.1)
    assert desk.replica.counts().pending == 0 and desk.replica.cursor() not in (None, old_cursor)
    assert state(central)[:2] == (technician.id, 1)
    assert state(desk.database) == state(central)
    fresh = requests.get(f"{base}/sync/pull", params={"after": desk.replica.cursor()}, headers=headers, timeout=10)
    assert fresh.status_code == 200
