"""The field and the order system of `bench/province.py`, in a process of their own: the
technicians' phones report positions, accept the orders dispatched to them and check in at the site
(through the field API, each with the technician's own token), and the upstream order system posts
new orders (POST /intake/orders). Each call's latency and outcome is counted; a 5xx or a failed
connection is an error, a rule's refusal (409: the order changed, already accepted; 429: a
position too soon) is counted apart.

Which orders were dispatched is what a phone learns from its push notification; here it is read
from the centre's database once a second (the bench is the operator).
"""

from __future__ import annotations

import random
import threading
import time
import traceback
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import requests
from sqlalchemy import create_engine, text
from sqlalchemy.exc import OperationalError

REFUSALS = (403, 404, 409, 422, 429)


@dataclass
class FieldSpec:
    base: str
    database_url: str
    technicians: dict[str, tuple[str, float, float]]  # technician id (hex) -> (token, latitude, longitude)
    intake_token: str
    intake_sites: list[tuple[str, str, str | None]]  # (customer code, site id, circuit id)
    positions_per_s: float
    intake_per_s: float
    seconds: float
    seed: int


class _Calls:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: dict[str, list[float]] = defaultdict(list)
        self.outcomes: Counter[str] = Counter()
        self.errors: list[str] = []

    def call(self, kind: str, session: requests.Session, method: str, url: str, **kwargs: Any) -> requests.Response | None:
        started = time.monotonic()
        try:
            answer = session.request(method, url, timeout=30, **kwargs)
        except requests.RequestException as exc:
            with self.lock:
                self.outcomes[f"{kind}:failed"] += 1
                self.errors.append(f"{kind}: {type(exc).__name__}")
            return None
        with self.lock:
            self.latencies[kind].append(time.monotonic() - started)
            if answer.status_code >= 500:
                self.errors.append(f"{kind}: {answer.status_code} {answer.text[:200]}")
            self.outcomes[f"{kind}:{answer.status_code if answer.status_code in REFUSALS or answer.status_code >= 500 else 'ok'}"] += 1
        return answer


def serve(spec: FieldSpec, pipe) -> None:
    """The process's body (a `multiprocessing` target): ready, then on "go" the shift, then the report."""
    try:
        calls = _Calls()
        pipe.send({"ready": len(spec.technicians)})
        pipe.recv()
        stop = threading.Event()
        threads = [threading.Thread(target=_positions, args=(spec, calls, stop, n, 4), daemon=True) for n in range(4)]
        threads += [threading.Thread(target=_intake, args=(spec, calls, stop), daemon=True),
                    threading.Thread(target=_dispatched, args=(spec, calls, stop), daemon=True)]
        for thread in threads:
            thread.start()
        time.sleep(spec.seconds)
        stop.set()
        for thread in threads:
            thread.join(60)
        pipe.send({"latencies": dict(calls.latencies), "outcomes": dict(calls.outcomes), "errors": calls.errors})
    except Exception:  # noqa: BLE001 - the main process reports it
        pipe.send({"failed": traceback.format_exc()})


def _positions(spec: FieldSpec, calls: _Calls, stop: threading.Event, part: int, parts: int) -> None:
    """This thread's share of the technicians, round and round, at its share of the rate."""
    rng = random.Random(spec.seed + part)
    mine = sorted(spec.technicians)[part::parts]
    session = requests.Session()
    every = parts / spec.positions_per_s
    due = time.monotonic()
    n = 0
    where = {t: spec.technicians[t][1:] for t in mine}  # each phone moves a little between reports (a walk, not a jump)
    while not stop.is_set() and mine:
        technician = mine[n % len(mine)]
        token = spec.technicians[technician][0]
        lat, lon = where[technician] = (where[technician][0] + rng.uniform(-0.0003, 0.0003),
                                        where[technician][1] + rng.uniform(-0.0003, 0.0003))
        n += 1
        calls.call("position", session, "POST", f"{spec.base}/field/position", headers={"Authorization": f"Bearer {token}"},
                   json={"latitude": lat, "longitude": lon, "at": datetime.now(UTC).isoformat(), "accuracy_m": 15})
        due += every
        stop.wait(max(0.0, due - time.monotonic()))


def _intake(spec: FieldSpec, calls: _Calls, stop: threading.Event) -> None:
    rng = random.Random(spec.seed)
    session = requests.Session()
    headers = {"Authorization": f"Bearer {spec.intake_token}"}
    due = time.monotonic()
    n = 0
    while not stop.is_set():
        code, site, circuit = rng.choice(spec.intake_sites)
        n += 1
        calls.call("intake", session, "POST", f"{spec.base}/intake/orders", headers=headers, json={
            "upstream_ref": f"PROV-{spec.seed}-{n}", "kind": rng.choice(["fault", "fault", "provisioning"]), "customer_code": code,
            "site_id": site, "title": "专线业务中断" if n % 3 else "新装专线", "received_at": datetime.now(UTC).isoformat(),
            "circuit_id": circuit})
        due += rng.expovariate(spec.intake_per_s)
        stop.wait(max(0.0, due - time.monotonic()))


def _dispatched(spec: FieldSpec, calls: _Calls, stop: threading.Event) -> None:
    """The phones of technicians given an order in the shift accept it, and check in at the site a little later."""
    engine = create_engine(spec.database_url)
    since = datetime.now(UTC)
    session = requests.Session()
    accepted: set[str] = set()
    checked: set[str] = set()
    rng = random.Random(spec.seed + 99)
    try:
        while not stop.wait(1.0):
            try:
                rows = _dispatched_rows(engine, since)
            except OperationalError:  # the database restarting (a fault injected): the phones wait
                continue
            for order, technician, status, lat, lon in rows:
                account = spec.technicians.get(technician)
                if account is None:
                    continue
                headers = {"Authorization": f"Bearer {account[0]}"}
                if status == "dispatched" and order not in accepted and rng.random() < 0.5:
                    accepted.add(order)
                    calls.call("accept", session, "POST", f"{spec.base}/field/orders/{order}/accept", headers=headers)
                elif status == "accepted" and order not in checked and lat is not None and rng.random() < 0.3:
                    checked.add(order)
                    calls.call("check_in", session, "POST", f"{spec.base}/field/orders/{order}/check-in", headers=headers,
                               json={"latitude": lat, "longitude": lon, "at": datetime.now(UTC).isoformat()})
    finally:
        engine.dispose()


def _dispatched_rows(engine, since: datetime) -> list:
    with engine.connect() as conn:
        return conn.execute(text(
            "SELECT replace(o.id::text, '-', ''), replace(o.assignee_id::text, '-', ''), o.status, s.latitude, s.longitude "
            "FROM work_orders o JOIN sites s ON s.id = o.site_id WHERE o.status IN ('dispatched', 'accepted') "
            "AND o.assignee_id IS NOT NULL AND o.updated_at > :since"), {"since": since}).all()
