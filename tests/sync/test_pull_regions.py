"""A region desk's long poll is woken by its own region's changes, not by every region's: another
region's change (which the desk hears of only as ids it may not hold, "_gone") is gathered while
the poll goes on waiting, and told with the next answer or when the hold ends. Technicians'
positions (quiet feed entries) are gathered a few seconds, then told together; a change someone
made answers at once, with the positions gathered before it (`central.gather`)."""

from __future__ import annotations

import json
import threading
import time
from datetime import UTC, datetime

import requests
from sqlalchemy import create_engine, select, text

from central import gather
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import Region, SyncChange, Technician, User, WorkOrder
from tests.central.test_positions_api import technician_account, time_passes
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
    monkeypatch.setattr(gather, "GONE_HOLD_S", 60.0)  # held for longer than the poll waits
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
    page = answer["page"]  # both: the other region's id, told with the desk's own change
    assert theirs.id.hex in json.dumps(page["tables"]["_gone"]) and theirs.id.hex not in json.dumps(page["tables"]["work_orders"])
    assert own.id.hex in json.dumps(page["tables"]["work_orders"])
    following = requests.get(f"{base}/sync/pull", headers=headers, params={"after": page["cursor"]}, timeout=30).json()
    assert following["tables"] == {}  # nothing told twice


def test_another_regions_change_alone_is_told_when_the_hold_ends(centre, monkeypatch) -> None:
    base, central, _url = centre
    monkeypatch.setattr(gather, "GONE_HOLD_S", 0.3)
    headers = auth(login(base, "wang.wei.central").json()["token"])
    _own, theirs = _orders(central)
    answer: dict = {}
    poll = _poll(base, headers, _cursor(base, headers), 25, answer)
    assert not OrderActions(central, DeskReader(central).user("admin"), lambda: DEMO_NOW).set_priority(
        [theirs.id], 1 if theirs.priority != 1 else 2).refused
    poll.join(20)
    assert not poll.is_alive(), "the held ids were never told"
    assert theirs.id.hex in json.dumps(answer["page"]["tables"]["_gone"])


def _report(base: str, field: dict, technician) -> None:
    answer = requests.post(f"{base}/field/position", headers=field, timeout=10, json={
        "latitude": technician.home_lat, "longitude": technician.home_lon, "at": datetime.now(UTC).isoformat()})
    assert answer.status_code == 200, answer.text


def _in_region(central, region_id) -> Technician:
    with central.reading() as s:
        return s.scalars(select(Technician).where(Technician.region_id == region_id, Technician.active.is_(True))
                         .order_by(Technician.employee_no)).first()


def test_positions_are_told_together_a_little_later_and_a_change_at_once(centre, monkeypatch) -> None:
    """A position alone answers the long poll only when the quiet hold ends (the desk gets its
    technicians' positions a few seconds late, gathered); a change someone made answers at once,
    with the positions gathered before it. The position's feed entry is quiet, the change's not,
    and a pull that does not wait gets the position at once."""
    base, central, _url = centre
    monkeypatch.setattr(gather, "QUIET_HOLD_S", 1.5)
    headers = auth(login(base, "wang.wei.central").json()["token"])
    own, _theirs = _orders(central)
    technician, field = technician_account(base, central, _in_region(central, own.region_id), prefix="quiet.")
    cursor = _cursor(base, headers)
    answer: dict = {}
    poll = _poll(base, headers, cursor, 25, answer)
    time.sleep(0.3)
    started = time.monotonic()
    _report(base, field, technician)
    poll.join(0.9)
    assert poll.is_alive(), f"a position alone answered the long poll at once: {answer}"
    poll.join(20)
    assert not poll.is_alive() and time.monotonic() - started >= 1.4
    assert technician.id.hex in json.dumps(answer["page"]["tables"]["technicians"])
    assert requests.get(f"{base}/sync/pull", headers=headers, params={"after": cursor}, timeout=30).json()["tables"]["technicians"]

    monkeypatch.setattr(gather, "QUIET_HOLD_S", 60.0)
    time_passes(central, technician.id, 10)  # (one report per 5 s)
    answer = {}
    poll = _poll(base, headers, answer_cursor := answer_cursor_of(base, headers, cursor), 25, answer)
    time.sleep(0.3)
    _report(base, field, technician)
    time.sleep(0.5)
    assert poll.is_alive()
    assert not OrderActions(central, DeskReader(central).user("admin"), lambda: DEMO_NOW).set_priority(
        [own.id], 1 if own.priority != 1 else 2).refused
    poll.join(10)
    assert not poll.is_alive(), "a change someone made waited behind the held positions"
    tables = answer["page"]["tables"]
    assert technician.id.hex in json.dumps(tables["technicians"]) and own.id.hex in json.dumps(tables["work_orders"])
    with central.reading() as s:
        quiet = dict(s.execute(select(SyncChange.table_name, SyncChange.quiet).where(
            SyncChange.row_id.in_([technician.id, own.id]), SyncChange.txid > int(answer_cursor.split(":")[0]))).all())
    assert quiet == {"technicians": True, "work_orders": False}


def answer_cursor_of(base: str, headers: dict, cursor: str) -> str:
    """The feed's end, read from `cursor` (what a desk would follow from now)."""
    while True:
        page = requests.get(f"{base}/sync/pull", headers=headers, params={"after": cursor}, timeout=30).json()
        if page["cursor"] == cursor:
            return cursor
        cursor = page["cursor"]


def test_a_change_committed_while_an_older_transaction_is_open_is_answered_at_once(centre, monkeypatch) -> None:
    """A poll holding positions waits for loud notifications only. A change someone made, committed
    while an older transaction is still open (one with an id, as a plan commit of ten seconds has),
    answers it at once: the feed reads every transaction committed in its snapshot and waits only
    for the open one's own rows (tests/sync/test_feed_long_transactions.py)."""
    base, central, url = centre
    monkeypatch.setattr(gather, "QUIET_HOLD_S", 60.0)
    headers = auth(login(base, "wang.wei.central").json()["token"])
    own, _theirs = _orders(central)
    technician, field = technician_account(base, central, _in_region(central, own.region_id), prefix="behind.")
    answer: dict = {}
    poll = _poll(base, headers, _cursor(base, headers), 25, answer)
    time.sleep(0.3)
    _report(base, field, technician)
    time.sleep(0.5)
    older = create_engine(url).connect()
    older.begin()
    older.execute(text("SELECT pg_current_xact_id()"))  # an open transaction with an id, older than the change
    try:
        assert poll.is_alive()
        assert not OrderActions(central, DeskReader(central).user("admin"), lambda: DEMO_NOW).set_priority(
            [own.id], 1 if own.priority != 1 else 2).refused
        poll.join(3.0)
        assert not poll.is_alive(), "the change waited for an older transaction still open"
    finally:
        older.rollback()
        older.close()
    assert own.id.hex in json.dumps(answer["page"]["tables"]["work_orders"])
    assert technician.id.hex in json.dumps(answer["page"]["tables"]["technicians"])
