"""The centre's change feed: what a desk reads, from where, and what wakes a waiting reader.

The feed is `sync_changes`, filled by statement-level triggers (migration 0010) with the writing
transaction's id and a sequence number. A reader takes, in one snapshot, the entries of every
transaction committed in it; the older transactions still running then (`pg_snapshot_xip`) are
named in the cursor it is given, and their entries read once they have ended: no entry is skipped
however late its transaction commits, and a long one holds back only its own rows. Rows go out
in their current state, written by PostgreSQL itself in the wire format (`console.core.wire`).

`FeedSignal` wakes long-polling readers: one thread per process LISTENs on the `sync_changes`
channel and fires the readers of every event loop; without it (or while it reconnects) readers
fall back to polling.

A transaction written `quietly()` (a technician's position report: machine reports that come by the
thousand and that a desk shows as they are, not as a change someone made) marks its entries quiet.
Each notification's payload is the transaction's id ("q" before it for a quiet one): a reader that
already holds something to answer is not woken by a quiet one, a page of quiet entries only may wait
a little for more (`central.gather`), and a reader knows a change it was told of is not readable
yet while its cursor is below that transaction.
"""

from __future__ import annotations

import asyncio
import json
import logging
import threading
import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime

import psycopg
from psycopg.conninfo import make_conninfo
from sqlalchemy import Connection, Engine, event, text
from sqlalchemy.engine import make_url
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker
from starlette.concurrency import run_in_threadpool

from central import tokens
from central.scope import REFERENCE, scope_filter
from central.tokens import TokenCache
from console.core.wire import REPLICATED, pg_select, wire

log = logging.getLogger("central.feed")

_XMIN = "pg_snapshot_xmin(pg_current_snapshot())::text::bigint"
SNAPSHOT_PAGE = 5000


_BIGINT = 2**63 - 1
MAX_PENDING = 200  # transactions a cursor waits for (more running at once: the feed reads only up to the oldest)


@dataclass(frozen=True)
class Cursor:
    """A place in the feed: after the entry (txid, seq), except the entries of the transactions in
    `pending` (below txid, still running when the cursor was made: read when they have ended)."""

    txid: int = 0
    seq: int = 0
    pending: tuple[int, ...] = ()

    @classmethod
    def parse(cls, value: str) -> Cursor:
        parts = value.split(":")
        numbers = [parts[0], *parts[1:2]] if len(parts) in (2, 3) else []
        waiting = parts[2].split(",") if len(parts) == 3 else []
        if not numbers or not all(p.isascii() and p.isdigit() and len(p) <= 19 for p in (*numbers, *waiting)):
            raise ValueError(f"a cursor is txid:seq (such as 0:0), or txid:seq:pending,ids as the centre gave it, not {value[:100]!r}")
        txid, seq = int(numbers[0]), int(numbers[1])
        pending = tuple(sorted({int(p) for p in waiting}))
        if txid > _BIGINT or seq > _BIGINT or len(pending) > MAX_PENDING or any(p >= txid for p in pending):
            raise ValueError(f"not a cursor the centre gives: {value[:100]!r}")
        return cls(txid, seq, pending)

    @property
    def position(self) -> tuple[int, int]:
        return self.txid, self.seq

    def __str__(self) -> str:
        return f"{self.txid}:{self.seq}" + (":" + ",".join(map(str, self.pending)) if self.pending else "")


_QUIET: ContextVar[bool] = ContextVar("central_feed_quiet", default=False)
_SET_QUIET = "SET LOCAL dispatch.feed_quiet = 'on'"


@contextmanager
def quietly() -> Iterator[None]:
    """The transactions begun inside write quiet feed entries (the centre's own choice: nothing a
    client sends sets it)."""
    token = _QUIET.set(True)
    try:
        yield
    finally:
        _QUIET.reset(token)


def _mark_quiet(_session: Session, _transaction: SessionTransaction, connection: Connection) -> None:
    if _QUIET.get() and connection.dialect.name == "postgresql":
        connection.exec_driver_sql(_SET_QUIET)


def install(sessions: sessionmaker) -> None:
    """Transactions of these sessions begun `quietly()` write quiet feed entries."""
    event.listen(sessions, "after_begin", _mark_quiet)


@dataclass(frozen=True)
class Page:
    """What a read of the feed found: the entries' rows a desk may hold (JSON arrays of wire values,
    by table in the order a desk applies them, then by id), the ids of the changed rows it may not
    hold (`gone`: rows that left its region, or never were in it), and whether any entry that is not
    quiet is a row it holds (`urgent`: a change to answer at once)."""

    cursor: Cursor
    count: int
    rows: dict[str, dict[str, str]]
    gone: dict[str, list[str]]
    urgent: bool


def _rows_json(conn: Connection, table: str, ids: list[str], region: uuid.UUID | None) -> tuple[dict[str, str], list[str]]:
    """The current rows of `table` with these ids that a desk of `region` may hold, by id, each as a
    JSON array of wire values; and the ids of the others (rows that left the region, or never were
    in it: a desk holding one removes it)."""
    scoped = region is not None and table not in REFERENCE
    params: dict = {"ids": ids, **({"region": region.hex} if scoped else {})}
    sql = (f"SELECT replace(t.id::text, '-', ''), ({pg_select(table)})::text FROM {table} t "
           f"WHERE t.id = ANY(CAST(:ids AS uuid[])) AND {scope_filter(table, region) if scoped else 'true'}")
    rows = {row_id: row for row_id, row in conn.execute(text(sql), params)}
    return rows, [i for i in ids if i not in rows] if scoped else []


def tables_json(tables: dict[str, dict[str, str]], gone: dict[str, list[str]] | None = None) -> str:
    """The answer's "tables": {table: {"columns", "rows"}}, and "_gone" {table: [ids]} when there are any."""
    parts = []
    for table, rows in tables.items():
        if rows:
            columns = json.dumps(list(wire(table).columns))
            parts.append(f'"{table}":{{"columns":{columns},"rows":[{",".join(rows.values())}]}}')
    if gone:
        parts.append(f'"_gone":{json.dumps(gone)}')
    return "{" + ",".join(parts) + "}"


class CursorTooOld(Exception):
    """The feed no longer holds what follows this cursor: the desk needs a new snapshot."""


def _floor(conn: Connection) -> Cursor:
    found = conn.execute(text("SELECT txid, seq FROM sync_feed_floor WHERE id = 1")).first()
    return Cursor(*found) if found else Cursor()


# Several service instances each run a pruner; one prunes at a time (the lock ends with its transaction)
_ONE_PRUNER = text("SELECT pg_try_advisory_xact_lock(hashtext('dispatch.sync_feed_prune'))")


def prune(engine: Engine, before: datetime) -> int:
    """Forget feed entries of transactions that started before `before` (and have ended); the
    floor remembers how far, so a desk behind it is told to start again. Entries pruned."""
    with engine.begin() as conn:
        if not conn.execute(_ONE_PRUNER).scalar_one():  # another instance is pruning: its round does it
            return 0
        last = conn.execute(text(f"SELECT txid, seq FROM sync_changes WHERE at < :before AND txid < {_XMIN} "
                                 "ORDER BY txid DESC, seq DESC LIMIT 1"), {"before": before}).first()
        if last is None:
            return 0
        deleted = conn.execute(text("DELETE FROM sync_changes WHERE (txid, seq) <= (:txid, :seq)"),
                               {"txid": last[0], "seq": last[1]}).rowcount
        conn.execute(text("INSERT INTO sync_feed_floor (id, txid, seq) VALUES (1, :txid, :seq) ON CONFLICT (id) DO UPDATE "
                          "SET txid = excluded.txid, seq = excluded.seq WHERE (excluded.txid, excluded.seq) > "
                          "(sync_feed_floor.txid, sync_feed_floor.seq)"), {"txid": last[0], "seq": last[1]})
    return deleted


_ENTRIES = "SELECT txid, seq, table_name, replace(row_id::text, '-', ''), quiet FROM sync_changes "
_RUNNING = text("SELECT ARRAY(SELECT x::text::bigint FROM pg_snapshot_xip(pg_current_snapshot()) x ORDER BY 1)")


def read(engine: Engine, after: Cursor, limit: int, region: uuid.UUID | None = None) -> Page:
    """The feed after the cursor, at most `limit` entries; CursorTooOld when the feed was pruned
    past it. For a desk of one region, only that region's rows, and the others' ids as gone.

    Read in one snapshot: every transaction committed in it is read, however many older ones are
    still running; those are named in the new cursor, and read once they have ended. (Reading only
    up to the oldest one running, a plan commit of ten seconds held back every desk's feed.)"""
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            running = conn.execute(_RUNNING).scalar_one()  # (the snapshot's first statement: what it does not see)
            floor = _floor(conn)
            if after.position < floor.position or (after.pending and after.pending[0] <= floor.txid):
                raise CursorTooOld(str(after))
            ended = [t for t in after.pending if t not in running]
            entries = conn.execute(text(_ENTRIES + "WHERE txid = ANY(:ended) ORDER BY txid, seq LIMIT :limit"),
                                   {"ended": ended, "limit": limit + 1}).all() if ended else []
            if len(entries) > limit:  # a bulk transaction ended: from inside it on, what follows is read (again)
                entries = entries[:limit]
                last = (entries[-1][0], entries[-1][1])
            else:
                entries += conn.execute(text(_ENTRIES + "WHERE (txid, seq) > (:txid, :seq) ORDER BY txid, seq LIMIT :limit"),
                                        {"txid": after.txid, "seq": after.seq, "limit": limit - len(entries)}).all()
                last = _after(after, entries)
            below = [t for t in running if t < last[0]]
            if len(below) > MAX_PENDING:  # (that many writers at once: read up to the one past the most a cursor names)
                entries = [e for e in entries if e[0] < below[MAX_PENDING]]
                last = _after(after, entries)
                below = [t for t in running if t < last[0]]
            page = _page(conn, entries, region) if entries else ({}, {}, False)
    return Page(Cursor(*last, tuple(below)), len(entries), *page)


def _after(after: Cursor, entries: list) -> tuple[int, int]:
    """The position after these entries (read in order after `after`'s, its pending ones first)."""
    return max(after.position, (entries[-1][0], entries[-1][1])) if entries else after.position


def _page(conn: Connection, entries: list, region: uuid.UUID | None) -> tuple[dict[str, dict[str, str]], dict[str, list[str]], bool]:
    """The entries' rows a desk of `region` may hold, the others' ids, and whether any loud entry is a row it holds."""
    ids: dict[str, dict[str, None]] = defaultdict(dict)
    loud: set[tuple[str, str]] = set()
    for _txid, _seq, table, row_id, quiet in entries:
        ids[table][row_id] = None
        if not quiet:
            loud.add((table, row_id))
    tables, gone = {}, {}
    for table in REPLICATED:
        if table in ids:
            tables[table], left = _rows_json(conn, table, list(ids[table]), region)
            if left:
                gone[table] = left
    urgent = any(row_id in tables.get(table, ()) for table, row_id in loud)
    return {t: r for t, r in tables.items() if r}, gone, urgent


def snapshot(engine: Engine, region: uuid.UUID | None = None) -> Iterator[str]:
    """Every replicated row a desk of `region` may hold (None: every region) as NDJSON lines, from one
    consistent snapshot: first a header with the cursor to follow the feed from and the row count of
    each table, then pages of rows ({"t": table, "rows": [...]}), then {"end": true}. Feed entries
    after the cursor may repeat rows the snapshot already holds; applying a row twice is harmless."""
    params = {"region": region.hex} if region is not None else {}
    with engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            last = conn.execute(text(f"SELECT txid, seq FROM sync_changes WHERE txid < {_XMIN} "
                                     "ORDER BY txid DESC, seq DESC LIMIT 1")).first()
            cursor = max(Cursor(*last) if last else Cursor(), _floor(conn), key=lambda c: c.position)
            counts = {t: conn.execute(text(f"SELECT count(*) FROM {t} t WHERE {scope_filter(t, region)}"), params).scalar_one()
                      for t in REPLICATED}
            header = {"cursor": str(cursor), "tables": {t: {"columns": list(wire(t).columns), "count": counts[t]} for t in REPLICATED}}
            yield json.dumps(header) + "\n"
            for table in REPLICATED:
                if not counts[table]:
                    continue
                result = conn.execution_options(stream_results=True, max_row_buffer=SNAPSHOT_PAGE).execute(
                    text(f"SELECT ({pg_select(table)})::text FROM {table} t WHERE {scope_filter(table, region)}"), params)
                for page in result.scalars().partitions(SNAPSHOT_PAGE):
                    yield f'{{"t":"{table}","rows":[{",".join(page)}]}}\n'
    yield '{"end":true}\n'


class FeedSignal:
    """Wakes the readers waiting on any event loop when the feed may have new entries."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future]] = set()
        self._loud_waiters: set[tuple[asyncio.AbstractEventLoop, asyncio.Future]] = set()
        self.listening = False
        self.generation = 0  # notifications so far
        self.told = 0  # the latest transaction notified
        self.told_loud = 0  # the latest transaction notified that is not quiet

    def fire(self, quiet: bool = False, txid: int = 0) -> None:
        """Transaction `txid` committed feed entries (`quiet`: quiet ones only, which wake only the
        readers waiting for any change)."""
        with self._lock:
            self.generation += 1
            self.told = max(self.told, txid)
            if not quiet:
                self.told_loud = max(self.told_loud, txid)
            waiters, self._waiters = self._waiters, set()
            if not quiet:
                waiters |= self._loud_waiters
                self._loud_waiters = set()
        for loop, future in waiters:
            loop.call_soon_threadsafe(_resolve, future)

    async def wait(self, timeout: float, loud_only: bool = False) -> bool:
        """Whether a notification came within `timeout` seconds (`loud_only`: one that is not quiet)."""
        loop = asyncio.get_running_loop()
        future = loop.create_future()
        entry = (loop, future)
        with self._lock:
            (self._loud_waiters if loud_only else self._waiters).add(entry)
        try:
            await asyncio.wait_for(future, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            with self._lock:
                self._waiters.discard(entry)
                self._loud_waiters.discard(entry)


class SharedReads:
    """Readers at the same cursor share one database read: 50 desks woken by one change cost one
    query, and no more than `at_once` reads hold a database connection at a time.

    A reader joins a read in flight only when no notification came since that read began, so the
    read cannot have missed a change the reader was told of (a change the read missed notifies
    later and wakes the reader again)."""

    def __init__(self, engine: Engine, signal: FeedSignal, at_once: int = 4):
        self._engine, self._signal, self._at_once = engine, signal, at_once
        self._slots: asyncio.Semaphore | None = None
        self._flying: dict[tuple[Cursor, int, uuid.UUID | None], tuple[int, asyncio.Future]] = {}

    async def read(self, after: Cursor, limit: int, region: uuid.UUID | None = None) -> Page:
        key, generation = (after, limit, region), self._signal.generation
        flying = self._flying.get(key)
        if flying is not None and flying[0] == generation:
            try:
                return await asyncio.shield(flying[1])
            except asyncio.CancelledError:
                task = asyncio.current_task()
                if not flying[1].cancelled() or (task is not None and task.cancelling()):
                    raise
                # the read joined was given up by its reader: this one reads for itself
        if self._slots is None:
            self._slots = asyncio.Semaphore(self._at_once)
        future = asyncio.get_running_loop().create_future()
        self._flying[key] = (generation, future)
        try:
            async with self._slots:
                result = await run_in_threadpool(read, self._engine, after, limit, region)
        except asyncio.CancelledError:
            future.cancel()  # the reader went away: those who joined it read again
            raise
        except Exception as exc:
            future.set_exception(exc)
            future.exception()  # retrieved: a read nobody joined does not warn
            raise
        finally:
            if self._flying.get(key, (None, None))[1] is future:
                del self._flying[key]
        future.set_result(result)
        return result


def _resolve(future: asyncio.Future) -> None:
    if not future.done():
        future.set_result(None)


def told(payload: str) -> tuple[bool, int]:
    """A notification's payload as (quiet, transaction id); (False, 0) when it says neither."""
    quiet = payload.startswith("q")
    number = payload[1:] if quiet else payload
    return quiet, int(number) if number.isdigit() and len(number) <= 20 else 0


class Listener:
    """One LISTEN connection for the process, reconnecting after a lost connection: the feed's
    notifications wake its readers; changes to tokens and accounts empty `tokens` (kept only while
    connected)."""

    def __init__(self, database_url: str, signal: FeedSignal, token_cache: TokenCache | None = None) -> None:
        url = make_url(database_url)
        # libpq's keywords, each quoted by psycopg: a URL rendered back to text leaves a password's
        # spaces as they are, and libpq refuses it (the LISTEN thread never connected: polls only)
        self._dsn = make_conninfo(**{k: v for k, v in {"host": url.host, "port": url.port, "user": url.username,
                                                        "password": url.password, "dbname": url.database,
                                                        **url.query}.items() if v is not None})
        self._signal, self._tokens = signal, token_cache or TokenCache()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="feed-listener", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(5)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with psycopg.connect(self._dsn, autocommit=True, connect_timeout=5) as conn:
                    conn.execute("LISTEN sync_changes")
                    conn.execute(f"LISTEN {tokens.CHANNEL}")
                    self._tokens.clear(live=True)  # (what changed while not listening is unheard)
                    self._signal.listening = True
                    self._signal.fire()  # what was written while not listening is read now
                    while not self._stop.is_set():
                        for notice in conn.notifies(timeout=1.0, stop_after=1):
                            if notice.channel == tokens.CHANNEL:
                                self._tokens.clear()
                            else:
                                self._signal.fire(*told(notice.payload))
            except psycopg.Error as exc:
                log.warning("the feed listener lost its connection (%s); readers poll until it is back", exc)
            finally:
                self._signal.listening = False
                self._tokens.clear(live=False)
            self._stop.wait(2.0)
