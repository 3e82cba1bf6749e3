"""A desk's long poll: what it reads from the feed is gathered until there is something to answer.

A change someone made in the desk's region is answered at once (with whatever was gathered
before it). Two kinds of change may wait, so that a province's desks are woken by their own
region's work and not by everything the centre hears:

- quiet entries only (technicians' position reports, `central.feed.quietly`): gathered for up to
  `QUIET_HOLD_S`, so a desk shows its technicians moving a few seconds late at most, and answers
  a long poll about once per `QUIET_HOLD_S` however many phones report, instead of once per
  report (in bench/province.py 2,000 phones made nine desk answers in ten);
- other regions' changes (the ids a desk may not hold, "_gone": a row may have just left its
  region): gathered until the poll's wait ends (an order moved to another region leaves its old
  region's desks with their next change or within a long poll).

While it holds something, the poll waits for loud notifications only: quiet ones do not wake it.
A notification names its transaction; while the poll's cursor is below the latest one it was told
of (its rows not readable yet where the poll reads: a notification that came before the read's
snapshot could see the commit), it reads again: every 20 ms for 2 s, then every 200 ms.
"""

from __future__ import annotations

import asyncio
import uuid

from central.feed import Cursor, FeedSignal, Page, SharedReads, tables_json
from console.core.wire import REPLICATED

QUIET_HOLD_S = 5.0
GONE_HOLD_S = 30.0  # (the longest wait a poll may ask for)
HOT_S, HOT_EVERY_S, BEHIND_EVERY_S = 2.0, 0.02, 0.2  # reading again while a change told of is not readable yet


class Gathered:
    """What a long poll has read and not yet answered: rows by table and id (a later read's row
    replaces an earlier one's), the ids of rows it may not hold, and the cursor after them."""

    def __init__(self, cursor: Cursor) -> None:
        self.cursor = cursor
        self.rows: dict[str, dict[str, str]] = {}
        self.gone: dict[str, dict[str, None]] = {}
        self.urgent = False
        self._rows_since: float | None = None
        self._gone_since: float | None = None

    def add(self, page: Page, now: float) -> None:
        self.cursor = page.cursor  # (without entries too: the transactions it waits for may have ended with none)
        if not page.count:
            return
        for table, rows in page.rows.items():
            held, gone = self.rows.setdefault(table, {}), self.gone.get(table, {})
            for row_id, row in rows.items():
                held[row_id] = row
                gone.pop(row_id, None)
        for table, ids in page.gone.items():
            held, gone = self.rows.get(table, {}), self.gone.setdefault(table, {})
            for row_id in ids:
                held.pop(row_id, None)
                gone[row_id] = None
        self.urgent |= page.urgent
        if page.rows and self._rows_since is None:
            self._rows_since = now
        if page.gone and self._gone_since is None:
            self._gone_since = now

    @property
    def holding(self) -> bool:
        return self._rows_since is not None or self._gone_since is not None

    def left(self, now: float) -> float:
        """Seconds until what is held must be answered (0: now)."""
        if self.urgent:
            return 0.0
        limits = [since + hold - now for since, hold in ((self._rows_since, QUIET_HOLD_S), (self._gone_since, GONE_HOLD_S))
                  if since is not None]
        return max(0.0, min(limits)) if limits else float("inf")

    def answer(self, more: bool) -> str:
        rows = {table: self.rows[table] for table in REPLICATED if self.rows.get(table)}
        gone = {table: list(ids) for table, ids in self.gone.items() if ids}
        return f'{{"cursor":"{self.cursor}","more":{"true" if more else "false"},"tables":{tables_json(rows, gone)}}}'


async def long_poll(reads: SharedReads, signal: FeedSignal, after: Cursor, limit: int, region: uuid.UUID | None,
                    wait: float) -> str:
    """The answer to a pull: at once when the feed holds a change to answer (or `wait` is 0), else
    when one comes, a held one's time is up, or `wait` seconds have passed (raises CursorTooOld)."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    gathered = Gathered(after)
    woke = loop.time()
    while True:
        page = await reads.read(gathered.cursor, limit, region)
        now = loop.time()
        gathered.add(page, now)
        if page.count >= limit:
            return gathered.answer(more=True)
        left = min(deadline - now, gathered.left(now))
        if left <= 0:
            return gathered.answer(more=False)
        holding = gathered.holding
        if gathered.cursor.txid < (signal.told_loud if holding else signal.told):  # told of, not readable yet
            await asyncio.sleep(min(HOT_EVERY_S if now - woke < HOT_S else BEHIND_EVERY_S, left))
        elif await signal.wait(min(left, 10.0 if signal.listening else 1.0), loud_only=holding):
            woke = loop.time()
