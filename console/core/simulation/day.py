"""A simulated field day through a `FieldPort`: technicians drive between their booked visits at city
speeds, report where they are, accept (接单), check in (mostly on site), now and then meet an
exception, run the tests, send the delivery report and get the customer's signature (on site or
later through the text-message link); customers and account managers answer the survey; the order
system raises new orders at its rate.

Each report carries the order's version from the technician's work list (`If-Match`); a 409 is
answered by reading the list again and trying once more, an order gone from the list (re-assigned,
cancelled at the desk) is left, a 429 drops that report. Nothing a centre answers ends the day.
"""

from __future__ import annotations

import math
import random
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from console.core.domain.geo import great_circle_m
from console.core.simulation.engine import EventQueue, Posted, SimClock
from console.core.simulation.port import Answer, FieldPort, Settings, TechnicianRef, Visit

MINUTE = 60.0
ROAD_FACTOR = 1.3  # streets against the straight line
FAR_M = 100_000  # a site's position farther than this is a bad geocode, not a drive
CITY_KMH = (20.0, 35.0)  # Shanghai traffic
POSITION_EVERY = 2 * MINUTE  # simulated, while driving
POSITION_GAP_S = 5.5  # real seconds between one technician's positions (the centre takes one per 5 s)
WORKABLE = ("dispatched", "accepted", "in_progress")
EXCEPTIONS = {
    "fiber_port_broken": "分纤箱端口损坏，需同缆改纤",
    "fiber_port_taken": "分纤箱端口已被占用",
    "optical_box_unusable": "客户光交箱不可用，需更换光交箱",
}
RATINGS = (("very_satisfied", 0.88), ("satisfied", 0.07), ("neutral", 0.03), ("dissatisfied", 0.02))
KINDS = (("fault", 0.45), ("provisioning", 0.25), ("complaint", 0.15), ("survey", 0.15))
TITLES = {
    "fault": ("专线业务中断", "专线时断时续", "互联网专线丢包严重", "语音中继无法呼出"),
    "provisioning": ("互联网专线新装", "数据专线新装", "专线带宽扩容", "SD-WAN 开通"),
    "complaint": ("投诉：装机进度慢", "投诉：故障处理不及时", "投诉：网速不达标"),
    "survey": ("新建专线资源勘查", "多点组网资源勘查"),
}


@dataclass
class Crew:
    """One technician on the road."""

    tech: TechnicianRef
    latitude: float
    longitude: float
    visits: dict[uuid.UUID, Visit] = field(default_factory=dict)
    done: set[uuid.UUID] = field(default_factory=set)  # worked, or left
    accepted: set[uuid.UUID] = field(default_factory=set)
    last_position: float = -math.inf  # real (monotonic) seconds
    seen_at: datetime | None = None  # the stamp of the last position the centre holds


@dataclass(frozen=True)
class Summary:
    stopped: str  # day over, stopped, too slow, could not start: ...
    simulated_minutes: float
    real_seconds: float
    technicians: int
    posted: Counter  # taken reports by kind
    refused: Counter  # (kind, status) of the others
    failures: tuple[str, ...]
    late_by_s: float

    @property
    def events(self) -> int:
        return sum(self.posted.values()) + sum(self.refused.values())

    def lines(self) -> list[str]:
        rate = self.events / self.real_seconds if self.real_seconds else 0.0
        out = [f"simulated {self.simulated_minutes:.0f} min in {self.real_seconds:.1f} s ({self.stopped}); "
               f"{self.technicians} technicians; {self.events} reports, {rate:.1f} a second"]
        out.append("taken: " + (", ".join(f"{k} {n}" for k, n in sorted(self.posted.items())) or "none"))
        if self.refused:
            out.append("refused: " + ", ".join(f"{k} {s} x{n}" for (k, s), n in sorted(self.refused.items())))
        if self.failures:
            out.append(f"{len(self.failures)} failures, the first: {self.failures[0]}")
        return out


class FieldDay:
    def __init__(self, port: FieldPort, settings: Settings, stop: threading.Event | None = None,
                 on_posted: Callable[[Posted], None] | None = None):
        self.port, self.settings = port, settings
        self.rng = random.Random(settings.seed)
        self.stop = stop or threading.Event()
        self._new_clock()
        self.log: list[Posted] = []
        self._on_posted = on_posted
        self._crews: list[Crew] = []
        self._sites = []
        self._intake_serial = 0
        self._run_tag = uuid.uuid4().hex[:8]  # upstream references of this run, never another run's

    # --- the day ----------------------------------------------------------------------------------

    def run(self) -> Summary:
        try:
            self.port.prepare()
            technicians = self.port.technicians()
            self._sites = self.port.intake_sites()
        except (ConnectionError, ValueError) as exc:
            return self.summary(f"could not start: {exc}")
        self._new_clock()  # (the day starts once the accounts are logged in)
        if self.settings.technicians:
            technicians = self.rng.sample(technicians, min(self.settings.technicians, len(technicians)))
        for tech in technicians:
            lat, lon = (tech.latitude, tech.longitude) if tech.latitude is not None else (31.23, 121.47)
            crew = Crew(tech, lat, lon, seen_at=tech.seen_at)
            self._crews.append(crew)
            self.queue.at(self.rng.uniform(0, 10 * MINUTE), lambda c=crew: self._start(c))
        self.queue.at(self.queue.end, lambda: None)  # (the day lasts its length, however quiet its end)
        if self._sites and self.settings.orders_per_hour:
            self.queue.at(self._next_arrival(), self._new_order)
        try:
            stopped = self.queue.run()
        finally:
            self.port.close()
        return self.summary(stopped)

    def _new_clock(self) -> None:
        self.clock = SimClock(self.settings.speed, self.settings.minutes, self.settings.paced)
        self.queue = EventQueue(self.clock, self.settings.minutes * MINUTE, self.stop)

    def summary(self, stopped: str) -> Summary:
        taken = Counter(p.kind for p in self.log if p.ok)
        refused = Counter((p.kind, p.status) for p in self.log if not p.ok)
        minutes = self.settings.minutes if stopped == "day over" else self.queue.now / MINUTE
        return Summary(stopped, minutes, self.clock.real_elapsed(), len(self._crews), taken, refused,
                       tuple(self.queue.failures), self.queue.late_by())

    def _record(self, kind: str, order_id: Any, answer: Answer, at, technician: str = "") -> Answer:
        posted = Posted(kind, order_id, answer.status, at, answer.detail, technician)
        self.log.append(posted)
        if self._on_posted is not None:
            self._on_posted(posted)
        return answer

    def _stamp(self):
        return self.clock.stamp(self.queue.now)

    # --- a technician's day -----------------------------------------------------------------------

    def _start(self, crew: Crew) -> None:
        """The day is under way: a technician at work on an order is on its site and finishes it, one
        with a visit to make is a few kilometres from it; reports waiting for the customer's
        signature may be signed through the link during the day."""
        self._refresh(crew)
        first = next((v for v in crew.visits.values() if v.status in WORKABLE and v.latitude is not None
                      and great_circle_m(crew.latitude, crew.longitude, v.latitude, v.longitude) < FAR_M), None)
        if first is not None:
            on_site = first.status == "in_progress"
            lat, lon = _offset(self.rng, first.latitude, first.longitude,
                               self.rng.uniform(3, 80) if on_site else self.rng.uniform(2000, 6000))
            if self._could_be_there(crew, lat, lon):
                crew.latitude, crew.longitude = lat, lon
            elif on_site:
                first = None  # (seen far from it just now: not on its site after all; the day takes them there)
        self._position(crew, crew.latitude, crew.longitude)
        self._accept_new(crew)
        for visit in crew.visits.values():
            if visit.status == "resolved" and self.rng.random() < 0.5:
                self.queue.after(self.rng.uniform(5, 120) * MINUTE, lambda o=visit.order_id: self._signature(crew, o, "sms_link"))
        if first is not None and first.status == "in_progress":
            crew.done.add(first.order_id)
            self.queue.after(self.rng.uniform(5, 30) * MINUTE, lambda: self._tests(crew, first.order_id))
        else:
            self.queue.after(self.rng.uniform(1, 5) * MINUTE, lambda: self._next_visit(crew))

    def _could_be_there(self, crew: Crew, lat: float, lon: float) -> bool:
        """Whether the technician, last seen where the centre saw them, could be here by now at city speed."""
        if crew.seen_at is None:
            return True
        hours = max((self._stamp() - crew.seen_at).total_seconds(), 0) / 3600
        return great_circle_m(crew.latitude, crew.longitude, lat, lon) / 1000 * ROAD_FACTOR <= hours * CITY_KMH[1]

    def _refresh(self, crew: Crew) -> None:
        visits = self.port.visits(crew.tech)
        if visits is not None:
            crew.visits = {v.order_id: v for v in visits}

    def _accept_new(self, crew: Crew) -> None:
        """A dispatched order reaching the phone is accepted (接单) within minutes."""
        if not self.port.accepts:
            return
        for visit in crew.visits.values():
            if visit.status == "dispatched" and visit.order_id not in crew.accepted:
                crew.accepted.add(visit.order_id)
                self.queue.after(self.rng.uniform(1, 6) * MINUTE, lambda o=visit.order_id: self._accept(crew, o))

    def _accept(self, crew: Crew, order_id: uuid.UUID) -> None:
        visit = crew.visits.get(order_id)
        if visit is not None and visit.status == "dispatched":
            self._report(crew, order_id, "accept", lambda v, at: self.port.accept(crew.tech, v, at), refresh=True)

    def _next_visit(self, crew: Crew) -> None:
        self._refresh(crew)
        self._accept_new(crew)
        todo = [v for v in crew.visits.values() if v.status in WORKABLE and v.order_id not in crew.done]
        if not todo or len(crew.done) >= self.settings.most_visits:
            self.queue.after(20 * MINUTE, lambda: self._next_visit(crew))  # the desk may dispatch more
            return
        visit = todo[0]
        crew.done.add(visit.order_id)
        if visit.latitude is not None and visit.longitude is not None and \
                great_circle_m(crew.latitude, crew.longitude, visit.latitude, visit.longitude) < FAR_M:
            to_lat, to_lon = visit.latitude, visit.longitude
        else:  # a site with no position, or a bad one (out of the city): the technician finds it nearby
            to_lat, to_lon = _offset(self.rng, crew.latitude, crew.longitude, self.rng.uniform(1000, 3000))
        self._drive(crew, to_lat, to_lon, lambda: self._arrive(crew, visit.order_id, to_lat, to_lon))

    def _drive(self, crew: Crew, to_lat: float, to_lon: float, then: Callable[[], None]) -> None:
        """On the road at city speed, a position every few minutes, then `then` on arrival."""
        km = great_circle_m(crew.latitude, crew.longitude, to_lat, to_lon) / 1000 * ROAD_FACTOR
        seconds = km / self.rng.uniform(*CITY_KMH) * 3600 + self.rng.uniform(1, 5) * MINUTE  # and parking
        every = max(POSITION_EVERY, POSITION_GAP_S * self.settings.speed if self.settings.paced else POSITION_EVERY)
        from_lat, from_lon = crew.latitude, crew.longitude
        steps = int(seconds // every)
        for step in range(1, steps + 1):
            share = min(step * every / seconds, 1.0)
            lat, lon = from_lat + (to_lat - from_lat) * share, from_lon + (to_lon - from_lon) * share
            self.queue.after(step * every, lambda la=lat, lo=lon: self._position(crew, la, lo))
        self.queue.after(seconds, then)

    def _position(self, crew: Crew, lat: float, lon: float) -> None:
        crew.latitude, crew.longitude = lat, lon
        if not self.port.takes_positions or self.clock.positions_off(self.queue.now):
            return
        if time.monotonic() - crew.last_position < POSITION_GAP_S:
            return  # (the centre takes one every 5 s: the next one says it better)
        at = self._stamp()
        if crew.seen_at is not None and at <= crew.seen_at:
            return  # (the day's head start is older than where the centre last saw them)
        crew.last_position = time.monotonic()
        if self._record("position", None, self.port.position(crew.tech, lat, lon, at), at, crew.tech.key).ok:
            crew.seen_at = at

    def _arrive(self, crew: Crew, order_id: uuid.UUID, lat: float, lon: float) -> None:
        off_site = self.rng.random() < self.settings.off_site_share
        metres = self.rng.uniform(350, 1500) if off_site else self.rng.uniform(3, 120)
        at_lat, at_lon = _offset(self.rng, lat, lon, metres)
        crew.latitude, crew.longitude = lat, lon
        answer = self._report(crew, order_id, "check_in",
                              lambda v, at: self.port.check_in(crew.tech, v, at_lat, at_lon, at), refresh=True)
        if answer is None or not answer.ok:
            self.queue.after(2 * MINUTE, lambda: self._next_visit(crew))
        elif self.rng.random() < self.settings.exception_share:
            self.queue.after(self.rng.uniform(8, 25) * MINUTE, lambda: self._exception(crew, order_id))
        else:
            visit = crew.visits.get(order_id)
            minutes = (visit.duration_minutes if visit and visit.duration_minutes else 60) * self.rng.uniform(0.5, 0.9)
            self.queue.after(minutes * MINUTE, lambda: self._tests(crew, order_id))

    def _exception(self, crew: Crew, order_id: uuid.UUID) -> None:
        kind = self.rng.choice(sorted(EXCEPTIONS))
        self._report(crew, order_id, "exception", lambda v, at: self.port.exception(crew.tech, v, kind, EXCEPTIONS[kind], at))
        self.queue.after(self.rng.uniform(2, 5) * MINUTE, lambda: self._next_visit(crew))

    def _tests(self, crew: Crew, order_id: uuid.UUID) -> None:
        ping = {"test": "ping", "target": "114.114.114.114", "rtt_ms": round(self.rng.uniform(2, 15), 1), "loss_pct": 0}
        answer = self._report(crew, order_id, "test_result", lambda v, at: self.port.test_result(crew.tech, v, ping, at))
        if answer is None or not answer.ok:
            self.queue.after(MINUTE, lambda: self._next_visit(crew))
            return
        self.queue.after(self.rng.uniform(2, 4) * MINUTE, lambda: self._speed_test(crew, order_id))

    def _speed_test(self, crew: Crew, order_id: uuid.UUID) -> None:
        down = round(self.rng.choice((50, 100, 200, 500, 1000)) * self.rng.uniform(0.93, 0.99), 1)
        speed = {"test": "speed", "down_mbps": down, "up_mbps": round(down * self.rng.uniform(0.9, 1.0), 1)}
        self._report(crew, order_id, "test_result", lambda v, at: self.port.test_result(crew.tech, v, speed, at))
        self.queue.after(self.rng.uniform(3, 8) * MINUTE, lambda: self._delivery(crew, order_id))

    def _delivery(self, crew: Crew, order_id: uuid.UUID) -> None:
        report = {"report": "电子交付报告", "pages": self.rng.randint(2, 5)}
        answer = self._report(crew, order_id, "delivery_report",
                              lambda v, at: self.port.delivery_report(crew.tech, v, report, at), refresh=True)
        if answer is not None and answer.ok and self.rng.random() < self.settings.sms_signature_share:
            self.queue.after(self.rng.uniform(15, 120) * MINUTE, lambda: self._signature(crew, order_id, "sms_link"))
        elif answer is not None and answer.ok:
            self.queue.after(self.rng.uniform(1, 4) * MINUTE, lambda: self._signature(crew, order_id, "on_site"))
            self.queue.after(self.rng.uniform(5, 8) * MINUTE, lambda: self._next_visit(crew))
            return
        self.queue.after(self.rng.uniform(2, 5) * MINUTE, lambda: self._next_visit(crew))

    def _signature(self, crew: Crew, order_id: uuid.UUID, channel: str) -> None:
        self._refresh(crew)
        answer = self._report(crew, order_id, "signature", lambda v, at: self.port.signature(crew.tech, v, channel, at))
        if answer is not None and answer.ok:
            self._surveys(order_id)

    def _report(self, crew: Crew, order_id: uuid.UUID, kind: str, call: Callable[[Visit, Any], Answer],
                refresh: bool = False) -> Answer | None:
        """One report on the order as the work list last showed it; a 409 reads the list and tries once
        more. None: the order is no longer on the technician's list (the desk moved it)."""
        for attempt in (1, 2):
            visit = crew.visits.get(order_id)
            if visit is None:
                return None
            at = self._stamp()
            if visit.received_at is not None and at < visit.received_at:
                at = visit.received_at  # (an order received after the day's head start: reported on once it exists)
            answer = self._record(kind, order_id, call(visit, at), at, crew.tech.key)
            if answer.ok:
                if refresh:
                    self._refresh(crew)
                return answer
            if answer.status != 409 or attempt == 2:
                return answer
            self._refresh(crew)
        return None

    # --- customers, account managers and the order system -----------------------------------------

    def _surveys(self, order_id: uuid.UUID) -> None:
        for respondent, share, hours in (("customer", self.settings.customer_survey_share, (0.5, 4)),
                                         ("account_manager", self.settings.manager_survey_share, (1, 8))):
            if self.rng.random() < share:
                self.queue.after(self.rng.uniform(*hours) * 60 * MINUTE, lambda r=respondent: self._survey(order_id, r))

    def _survey(self, order_id: uuid.UUID, respondent: str) -> None:
        rating = self.rng.choices([r for r, _ in RATINGS], weights=[w for _, w in RATINGS])[0]
        comment = {"very_satisfied": "师傅很专业，非常满意", "dissatisfied": "上门迟到，沟通不畅"}.get(rating, "")
        at = self._stamp()
        self._record("satisfaction", order_id, self.port.survey(order_id, respondent, rating, comment, at), at)

    def _next_arrival(self) -> float:
        return self.queue.now + self.rng.expovariate(self.settings.orders_per_hour / 3600)

    def _new_order(self) -> None:
        kind = self.rng.choices([k for k, _ in KINDS], weights=[w for _, w in KINDS])[0]
        sites = [s for s in self._sites if s.circuit_id] if kind == "fault" else self._sites
        if sites:
            site = self.rng.choice(sites)
            self._intake_serial += 1
            at = self._stamp()
            order = {"upstream_ref": f"SIM-{self._run_tag}-{self._intake_serial:06d}", "kind": kind,
                     "customer_code": site.customer_code, "site_id": str(site.site_id),
                     "title": self.rng.choice(TITLES[kind]), "received_at": at.isoformat(),
                     "circuit_id": site.circuit_id if kind in ("fault", "complaint") else None,
                     "priority": self.rng.choices((1, 2, 3, 4), weights=(1, 3, 10, 2))[0]}
            answer = self.port.intake(order)
            self._record("intake", order["upstream_ref"], answer, at)
        self.queue.at(self._next_arrival(), self._new_order)


def _offset(rng: random.Random, lat: float, lon: float, metres: float) -> tuple[float, float]:
    """A point `metres` away in a random direction (a degree of latitude is 111 km, of longitude 95 km here)."""
    bearing = rng.uniform(0, 2 * math.pi)
    return (round(lat + metres * math.cos(bearing) / 111_000, 6), round(lon + metres * math.sin(bearing) / 95_000, 6))
