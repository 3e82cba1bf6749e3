"""The live side of the SLA: cached deadline instants, time left, bands, and band crossings.

`sla_times` turns an order's facts into the instants the store caches (due, amber from, red from,
with closed pauses credited). The queue ticks on `SlaClock` (those instants plus the open pause):
`band_at` is a few comparisons, so counting 100,000 orders stays cheap; `time_left` measures
business time only for the rows on screen. `sla_status` is the whole computation for one order.
"""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import NamedTuple

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Band, SlaStage
from console.core.domain.sla import OrderFacts, RuleBook, SlaParameters, due_at, limit_for, paused_time


class SlaTimes(NamedTuple):
    """What the store keeps per order: recomputed whenever the facts or the rules change.
    (Named tuples: the queue builds 100,000 of them at a time.)"""

    due_at: datetime
    amber_at: datetime
    red_at: datetime
    limit: timedelta  # in business time when `business`, else clock time
    business: bool


class SlaClock(NamedTuple):
    """`SlaTimes` plus the open pause, if any: all the queue needs to tick an order."""

    times: SlaTimes
    paused_since: datetime | None = None
    pause_approved: bool = False


def _back(calendar: BusinessCalendar, business: bool, instant: datetime, amount: timedelta) -> datetime:
    return calendar.subtract_business_time(instant, amount) if business else instant - amount


def _measure(calendar: BusinessCalendar, business: bool, start: datetime, end: datetime) -> timedelta:
    return calendar.business_time_between(start, end) if business else end - start


def sla_times(facts: OrderFacts, stage: SlaStage, book: RuleBook, calendar: BusinessCalendar) -> SlaTimes:
    """Deadline and band instants with the closed pauses credited (an open pause is the clock's)."""
    limit = limit_for(facts, stage, book)
    business = limit.in_business_time
    duration = limit.duration(calendar)
    credited = paused_time(facts, limit, calendar, book.parameters, facts.started_at, open_pauses=False)
    allowed = duration + credited
    due = calendar.add_business_time(facts.started_at, allowed) if business else facts.started_at + allowed
    params = book.parameters
    # Valid for any `now` after the closed pauses, which is the only `now` the queue asks about.
    amber = _back(calendar, business, due, duration * float(1 - params.amber_from))
    red = _back(calendar, business, due, duration * float(1 - params.red_from))
    return SlaTimes(due, amber, red, duration, business)


def time_left(clock: SlaClock, calendar: BusinessCalendar, params: SlaParameters, now: datetime) -> timedelta:
    """Time left before the deadline (negative once breached), frozen while a credited pause runs."""
    times = clock.times
    if clock.paused_since is None:
        return _measure(calendar, times.business, now, times.due_at)
    left = _measure(calendar, times.business, clock.paused_since, times.due_at)
    if not clock.pause_approved:
        credit_until = clock.paused_since + params.pause_approval_after
        if now > credit_until:
            left -= _measure(calendar, times.business, credit_until, now)
    return left


def band_at(clock: SlaClock, calendar: BusinessCalendar, params: SlaParameters, now: datetime) -> Band:
    times = clock.times
    if clock.paused_since is not None:
        if times.limit <= timedelta(0):
            return Band.BREACHED
        share = 1 - time_left(clock, calendar, params, now) / times.limit
        return params.band(share)
    if now > times.due_at:
        return Band.BREACHED
    if now >= times.red_at:
        return Band.RED
    if now >= times.amber_at:
        return Band.AMBER
    return Band.GREEN


def urgency_instant(clock: SlaClock, params: SlaParameters, now: datetime) -> datetime:
    """Where an order stands in the urgency order (breached first, then least time left): its
    deadline; for a paused order, now plus its time left, frozen while the pause is credited and
    running again past the approval limit (measured on the clock, for a cheap 100,000-row sort)."""
    times = clock.times
    if clock.paused_since is None:
        return times.due_at
    left = times.due_at - clock.paused_since
    if not clock.pause_approved:
        credit_until = clock.paused_since + params.pause_approval_after
        if now > credit_until:
            left -= now - credit_until
    return now + left


def running_deadline(clock: SlaClock, params: SlaParameters) -> datetime | None:
    """When the order misses its limit if nothing else pauses it: its deadline; for a paused order,
    None while an approved pause holds the clock, or the deadline once the pause's credit runs
    out (an unapproved pause counts only up to the approval limit)."""
    times = clock.times
    if clock.paused_since is None:
        return times.due_at
    if clock.pause_approved:
        return None
    return clock.paused_since + params.pause_approval_after + (times.due_at - clock.paused_since)


def pause_awaits_approval(clock: SlaClock, params: SlaParameters, now: datetime) -> bool:
    return clock.paused_since is not None and not clock.pause_approved and now - clock.paused_since > params.pause_approval_after


@dataclass(frozen=True)
class SlaStatus:
    times: SlaTimes
    due_at: datetime  # with the open pause credited up to now
    time_left: timedelta
    share_used: float
    band: Band
    paused: bool


def sla_status(facts: OrderFacts, stage: SlaStage, book: RuleBook, calendar: BusinessCalendar, now: datetime) -> SlaStatus:
    """One order's deadline and time left from its facts: the whole computation, pure."""
    times = sla_times(facts, stage, book, calendar)
    open_pause = next((p for p in facts.pauses if p.end is None), None)
    clock = SlaClock(times, open_pause.start if open_pause else None, open_pause.approved if open_pause else False)
    left = time_left(clock, calendar, book.parameters, now)
    share = 1 - left / times.limit if times.limit > timedelta(0) else 2.0
    return SlaStatus(
        times=times,
        due_at=due_at(facts, stage, book, calendar, now),
        time_left=left,
        share_used=share,
        band=band_at(clock, calendar, book.parameters, now),
        paused=open_pause is not None,
    )


_JUST_AFTER = timedelta(microseconds=1)


@dataclass(frozen=True)
class BandCrossing:
    order_id: uuid.UUID
    band: Band
    at: datetime
    previous: Band | None = None


class BandWatch:
    """The next threshold instant of every running order, in a heap: `advance(now)` returns the
    crossings since the last call in time order, and keeps the per-band counts current."""

    def __init__(self, calendar: BusinessCalendar, params: SlaParameters):
        self._calendar = calendar
        self._params = params
        self._heap: list[tuple[datetime, int, uuid.UUID]] = []
        self._state: dict[uuid.UUID, tuple[SlaClock, Band]] = {}
        self._serial = 0
        self.counts: dict[Band, int] = dict.fromkeys(Band, 0)
        self.restarted: list[uuid.UUID] = []

    def reset(self, clocks: Iterable[tuple[uuid.UUID, SlaClock]], now: datetime) -> None:
        """Start over with these orders: one pass and one heapify, with band_at and
        _next_instant inlined for running clocks (this loop runs over every open order)."""
        green = amber = red = breached = 0
        paused_bands: list[Band] = []
        state: dict[uuid.UUID, tuple[SlaClock, Band]] = {}
        heap = []
        append = heap.append
        serial = 0
        just_after = _JUST_AFTER
        for order_id, clock in clocks:
            serial += 1
            if clock.paused_since is None:
                times = clock.times
                if now < times.amber_at:
                    green += 1
                    state[order_id] = (clock, Band.GREEN)
                    append((times.amber_at, serial, order_id))
                elif now < times.red_at:
                    amber += 1
                    state[order_id] = (clock, Band.AMBER)
                    append((times.red_at, serial, order_id))
                elif now <= times.due_at:
                    red += 1
                    state[order_id] = (clock, Band.RED)
                    append((times.due_at + just_after, serial, order_id))
                else:
                    breached += 1
                    state[order_id] = (clock, Band.BREACHED)
                continue
            band = band_at(clock, self._calendar, self._params, now)
            paused_bands.append(band)
            state[order_id] = (clock, band)
            instant = self._next_instant(clock, now)
            if instant is not None:
                append((instant, serial, order_id))
        heapq.heapify(heap)
        counts = {Band.GREEN: green, Band.AMBER: amber, Band.RED: red, Band.BREACHED: breached}
        for band in paused_bands:
            counts[band] += 1
        self._heap, self._state, self.counts, self._serial = heap, state, counts, serial

    def band(self, order_id: uuid.UUID) -> Band | None:
        entry = self._state.get(order_id)
        return entry[1] if entry else None

    def _next_instant(self, clock: SlaClock, now: datetime) -> datetime | None:
        if clock.paused_since is not None:
            if clock.pause_approved:
                return None  # frozen until someone resumes it, which reloads the row
            restart = clock.paused_since + self._params.pause_approval_after
            return restart if restart > now else now + timedelta(minutes=1)  # the unapproved clock runs again
        times = clock.times
        if now < times.amber_at:
            return times.amber_at
        if now < times.red_at:
            return times.red_at
        if now <= times.due_at:
            return times.due_at + _JUST_AFTER
        return None

    def next_instant(self) -> datetime | None:
        return self._heap[0][0] if self._heap else None

    def advance(self, now: datetime) -> list[BandCrossing]:
        """Crossings since the last call; `self.restarted` lists the paused orders whose clock
        started running again (their pause passed the approval limit unapproved)."""
        crossings = []
        self.restarted: list[uuid.UUID] = []
        while self._heap and self._heap[0][0] <= now:
            _instant, _serial, order_id = heapq.heappop(self._heap)
            entry = self._state.get(order_id)
            if entry is None:
                continue
            clock, old = entry
            if clock.paused_since is not None and not clock.pause_approved:
                self.restarted.append(order_id)
            band = band_at(clock, self._calendar, self._params, now)
            if band is not old:
                self.counts[old] -= 1
                self.counts[band] += 1
                self._state[order_id] = (clock, band)
                crossings.append(BandCrossing(order_id, band, now, old))
            instant = self._next_instant(clock, now)
            if instant is not None:
                self._serial += 1
                heapq.heappush(self._heap, (instant, self._serial, order_id))
        return crossings
