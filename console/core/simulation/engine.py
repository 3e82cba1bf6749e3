"""The simulation's clock and event queue: simulated time runs `speed` times real time, the day's
events wait their turn, and the run stops by itself at the end of the day (or when told, or when a
slow centre has kept it past twice its real length).

The stamps the reports carry are the centre's kind of time: never ahead of the real clock (the
centre refuses a report from the future). A day faster than real time is therefore stamped from
a start in the past and gains on the real clock until it reaches it: the head start is at most
`MAX_LAG` (the centre takes a technician's positions up to an hour old: the first half minute's
are left out), so a day of an hour or less runs at its speed throughout and ends on the real clock; a longer one runs at its speed for
its first hour or so, then in real time (its stamps and positions stay consistent: a technician
never appears to drive faster than the city allows).

Unpaced (a bench: as fast as the centre answers), the day is stamped from `MAX_LAG` back at most,
and a stamp that would pass the real clock is the real time (positions are then left out).
"""

from __future__ import annotations

import heapq
import itertools
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

MAX_LAG = timedelta(minutes=59, seconds=30)
POSITION_AGE = timedelta(minutes=59)  # the centre takes positions up to an hour old


def utc_now() -> datetime:
    return datetime.now(UTC)


class SimClock:
    def __init__(self, speed: float, minutes: float, paced: bool, wall: Callable[[], datetime] = utc_now):
        self.speed, self.paced, self._wall = speed, paced, wall
        self._started = time.monotonic()
        self.started_at = wall()
        day = timedelta(minutes=minutes)
        self.lag = min(day if not paced else day * (1 - 1 / speed), MAX_LAG)
        self.anchor = self.started_at - self.lag
        self.real_length = (day.total_seconds() / speed if day * (1 - 1 / speed) <= self.lag
                            else day.total_seconds() - self.lag.total_seconds())  # paced: the day's real seconds

    def real_elapsed(self) -> float:
        return time.monotonic() - self._started

    def simulated_elapsed(self) -> float:
        """Simulated seconds since the start, by the real clock (paced runs): `speed` times real
        time until the head start is used up, then real time."""
        real = self.real_elapsed()
        return min(real * self.speed, real + self.lag.total_seconds())

    def stamp(self, offset: float) -> datetime:
        """The report time of simulated second `offset`: never later than now."""
        return min(self.anchor + timedelta(seconds=offset), self._wall())

    def positions_off(self, offset: float) -> bool:
        """Positions at simulated second `offset` would be refused: older than the centre takes, or
        (unpaced) past the real clock, where stamps are now and the drive would look impossible."""
        at, now = self.anchor + timedelta(seconds=offset), self._wall()
        return at < now - POSITION_AGE or (not self.paced and at > now)


@dataclass(frozen=True)
class Posted:
    """One report the simulation sent and how the centre answered it."""

    kind: str  # check_in, exception, test_result, delivery_report, signature, satisfaction, intake, accept, position
    order_id: object | None
    status: int
    at: datetime
    detail: str = ""
    technician: str = ""  # the technician's key in the port (the app account's user name over HTTP)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


class EventQueue:
    """The day's events by simulated second; `run` plays them at the clock's pace."""

    def __init__(self, clock: SimClock, end: float, stop: threading.Event | None = None):
        self.clock, self.end = clock, end
        self.stop = stop or threading.Event()
        self.now = 0.0  # the simulated second of the event being played
        self._heap: list[tuple[float, int, Callable[[], None]]] = []
        self._order = itertools.count()
        real_day = clock.real_length if clock.paced else end / 60
        self.real_deadline = 2 * real_day + 60  # a centre slower than the day is left behind, not waited for
        self.failures: list[str] = []

    def at(self, offset: float, action: Callable[[], None]) -> None:
        if offset <= self.end:
            heapq.heappush(self._heap, (offset, next(self._order), action))

    def after(self, seconds: float, action: Callable[[], None]) -> None:
        self.at(self.now + max(seconds, 0.0), action)

    def run(self) -> str:
        """Play the events until the day ends; why it stopped: "day over", "stopped" or "too slow"."""
        while self._heap:
            offset = self._heap[0][0]
            if self.clock.paced and not self._wait_for(offset):
                return "stopped"
            if self.stop.is_set():
                return "stopped"
            if self.clock.real_elapsed() > self.real_deadline:
                return "too slow"
            _offset, _n, action = heapq.heappop(self._heap)
            self.now = offset
            try:
                action()
            except Exception as exc:  # noqa: BLE001 - one event's bug or a dropped connection never ends the day
                self.failures.append(f"{type(exc).__name__}: {exc}")
        return "day over"

    def late_by(self) -> float:
        """How far (simulated seconds) the played events trail the clock."""
        return max(0.0, self.clock.simulated_elapsed() - self.now) if self.clock.paced else 0.0

    def _wait_for(self, offset: float) -> bool:
        while (ahead := offset - self.clock.simulated_elapsed()) > 0:
            if self.stop.wait(min(ahead / self.clock.speed, 0.25)):  # (at most 0.25 s: the pace may change)
                return False
        return True
