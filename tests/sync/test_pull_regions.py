"""A region desk's long poll is woken by its own region's changes, not by every region's: another
region's change (which the desk hears of only as ids it may not hold, "_gone") is gathered while
the poll goes on waiting, and told with the next answer or when the hold ends."""

from __future__ import annotations

import json
import threading

import requests
from sqlalchemy import select

from central.routers import sync as sync_router
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import Region, User, WorkOrder
from tests.fixtures.centre import auth, login
from tests.fixtures.demo import DEMO_NOW

OPEN = ["new", "dispatched", "accepted"]


def _orders(central) -> tuple[WorkOrder, WorkOrder]:
    with central.reading() as s:
        mine = s.scalars(select(User.region_id).where(User.username == "wang.wei.central")).one()
        pudong = s.scalars(select(Region.id).where(Region.code == "pudong")).one()
        theirs = s.scalars(select(WorkOrder).where(WorkOrder.region_id == pudong, WorkOrder.status.in_(OPEN)).order_by(WorkOrder.number)).first()
        own = s.scalars(select(WorkOrder).where(WorkOrder.region_id == mine, WorkOrder.status.in_(OPEN)).order_by(WorkOrder.number)).first()
    return own, theirs


def _cursor(base: str, headers: dict) -> str:
    with requests.get(f"{base}/sync/snapshot", headers=headers, stream=True, timeout=30) as answer:
        return json.loads(next(answer.iter_lines()))["cursor"]


def _poll(base: str, headers: dict, cursor: str, wait: float, into: dict) -> threading.Thread:
    def run() -> None:
        into["page"] = requests.get(f"{base}/sync/pull", headers=headers, params={"after": cursor, "wait": wait}, timeout=wait + 30).json()

    thread = threading.Thread(target=run)
    thread.start()
    return thread


def test_another_regions_change_does_not_answer_the_long_poll_its_own_does(centre, monkeypatch) -> None:
    base, central, _url = centre
    monkeypatch.setattr(sync_router._HeldGone, "HOLD", 60.0)  # held for longer than the poll waits
    headers = auth(login(base, "wang.wei.central").json()["token"])
    own, theirs = _orders(central)
    actions = OrderActions(central, DeskReader(central).user("admin"), lambda: DEMO_NOW)
    answer: dict = {}
    poll = _poll(base, headers, _cursor(base, headers), 25, answer)
    assert not actions.set_priority([theirs.id], 1 if theirs.priority != 1 else 2).refused
    poll.join(1.5)
    assert poll.is_alive(), f"another region's change answered the long poll: {answer}"
    assert not actions.set_priority([own.id], 1 if own.priority != 1 else 2).refused
    poll.join(20)
    assert not poll.is_alive(), "the desk's own region's change did not answer the long poll"
    page = answer["page"]
    assert theirs.id.hex in json.dumps(page["tables"].get("_gone", {})) and "work_orders" not in {t for t in page["tables"] if t != "_gone"}
    following = requests.get(f"{base}/sync/pull", headers=headers, params={"after": page["cursor"]}, timeout=30).json()
    assert own.id.hex in json.dumps(following["tables"]["work_orders"])  # read by the next pull


def test_another_regions_change_alone_is_told_when_the_hold_ends(centre, monkeypatch) -> None:
    base, central, _url = centre
    monkeypatch.setattr(sync_router._HeldGone, "HOLD", 0.3)
    headers = auth(login(base, "wang.wei.central").json()["token"])
    _own, theirs = _orders(central)
    answer: dict = {}
    poll = _poll(base, headers, _cursor(base, headers), 25, answer)
    assert not OrderActions(central, DeskReader(central).user("admin"), lambda: DEMO_NOW).set_priority(
        [theirs.id], 1 if theirs.priority != 1 else 2).refused
    poll.join(20)
    assert not poll.is_alive(), "the held ids were never told"
    assert theirs.id.hex in json.dumps(answer["page"]["tables"]["_gone"])
