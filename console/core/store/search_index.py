"""The desk's order search index: one line of text per order in an FTS5 trigram table, newest first.

Desk data files only (SQLite, FTS5 with the trigram tokenizer, SQLite 3.34 or later); created when
the desk opens its file (`console.data_file`), not by a migration: FTS5 keeps shadow tables the
shared schema knows nothing of, and the centre searches nothing this way.

Each order's line joins what a dispatcher searches it by: its number, upstream reference and
address, the customer's name, code and contact phone, the circuit id, the technician's name, the
district and the phones of the people its appointments name. Every field is wrapped in « », so
every place two letters occur starts a trigram (the vocabulary, `TERMS`, lists them for a
two-letter search, shorter than a trigram). Triggers
keep the line when any of these change, however the row is written (a desk action, the sync
replica's raw writes, a snapshot). Tombstoned orders have no line.

The line's rowid is a sort key, the instant the order was received (seconds) in the high bits and
its row number in the low 24: FTS5 walks a match in rowid order, so "newest first, the first 200"
stops after 200 rows instead of sorting every match. (Row numbers change only under VACUUM, which
the desk never runs; `rebuild` builds the lines again from the orders.)
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection

TABLE = "order_search"
TERMS = "order_search_terms"  # its vocabulary (fts5vocab): the trigrams the lines hold
STATS = "order_search_stats"  # how many lines held each trigram when the index was built (counting a common one live takes 0.1 s)
VERSION = 2  # bumped when the line's make-up or its triggers change: the index is built again at open
_META = "order_search_meta"

KEY = "((CAST(strftime('%s', {w}.received_at) AS INTEGER) << 24) | ({w}.rowid & 16777215))"

LINE = """'«' || w.number || '»«' || coalesce(w.upstream_ref, '') || '»«' || coalesce(w.address, '')
 || '»«' || coalesce(c.name, '') || '»«' || coalesce(c.code, '') || '»«' || coalesce(c.contact_phone, '')
 || '»«' || coalesce(s.circuit_id, '') || '»«' || coalesce(t.name, '') || '»«' || coalesce(d.name, '')
 || '»«' || coalesce((SELECT group_concat(a.contact_phone, '»«') FROM appointment_orders ao
                      JOIN appointments a ON a.id = ao.appointment_id
                      WHERE ao.order_id = w.id AND ao.deleted = 0 AND a.contact_phone != ''), '') || '»'"""

SOURCE = f"""SELECT {KEY.format(w='w')} AS key, w.id AS order_id, {LINE} AS line
FROM work_orders w
LEFT JOIN customers c ON c.id = w.customer_id
LEFT JOIN services s ON s.id = w.service_id
LEFT JOIN technicians t ON t.id = w.assignee_id
LEFT JOIN districts d ON d.id = w.district_id
WHERE w.deleted = 0"""


def _refresh(where: str) -> str:
    """Trigger body: the lines of the orders `where` selects (a condition on `w`) made again."""
    return (f"DELETE FROM {TABLE} WHERE rowid IN (SELECT {KEY.format(w='w')} FROM work_orders w WHERE {where});\n"
            f"  INSERT OR REPLACE INTO {TABLE} (rowid, order_id, line) {SOURCE} AND {where};")


def _changed(*columns: str) -> str:
    """A trigger's WHEN: one of these columns holds another value (a statement that sets a column to
    the value it had, as the replica's upsert of a pulled row does, fires an UPDATE OF trigger too:
    a technician's position rebuilt the lines of every order of theirs)."""
    return " OR ".join(f"old.{c} IS NOT new.{c}" for c in columns)


_ORDER_COLUMNS = ("number", "upstream_ref", "address", "customer_id", "service_id", "assignee_id", "district_id", "received_at", "deleted")

TRIGGERS = {
    "order_search_insert": f"AFTER INSERT ON work_orders BEGIN {_refresh('w.id = new.id')} END",
    "order_search_update": (
        f"AFTER UPDATE OF {', '.join(_ORDER_COLUMNS)} ON work_orders WHEN {_changed(*_ORDER_COLUMNS)} "
        f"BEGIN DELETE FROM {TABLE} WHERE rowid = {KEY.format(w='old')}; {_refresh('w.id = new.id')} END"
    ),
    "order_search_delete": f"AFTER DELETE ON work_orders BEGIN DELETE FROM {TABLE} WHERE rowid = {KEY.format(w='old')}; END",
    "order_search_customer": (f"AFTER UPDATE OF name, code, contact_phone ON customers WHEN {_changed('name', 'code', 'contact_phone')} "
                              f"BEGIN {_refresh('w.customer_id = new.id')} END"),
    "order_search_service": f"AFTER UPDATE OF circuit_id ON services WHEN {_changed('circuit_id')} BEGIN {_refresh('w.service_id = new.id')} END",
    "order_search_technician": f"AFTER UPDATE OF name ON technicians WHEN {_changed('name')} BEGIN {_refresh('w.assignee_id = new.id')} END",
    "order_search_district": f"AFTER UPDATE OF name ON districts WHEN {_changed('name')} BEGIN {_refresh('w.district_id = new.id')} END",
    "order_search_link_insert": f"AFTER INSERT ON appointment_orders BEGIN {_refresh('w.id = new.order_id')} END",
    "order_search_link_update": (f"AFTER UPDATE OF deleted ON appointment_orders WHEN {_changed('deleted')} "
                                 f"BEGIN {_refresh('w.id = new.order_id')} END"),
    "order_search_link_delete": f"AFTER DELETE ON appointment_orders BEGIN {_refresh('w.id = old.order_id')} END",
    "order_search_contact": (
        f"AFTER UPDATE OF contact_phone ON appointments WHEN {_changed('contact_phone')} BEGIN "
        f"{_refresh('w.id IN (SELECT order_id FROM appointment_orders WHERE appointment_id = new.id)')} END"
    ),
}


def supported() -> bool:
    """Whether this SQLite has FTS5's trigram tokenizer (3.34 and later, built with FTS5)."""
    if sqlite3.sqlite_version_info < (3, 34):
        return False
    probe = sqlite3.connect(":memory:")
    try:
        probe.execute("CREATE VIRTUAL TABLE t USING fts5(x, tokenize='trigram')")
        return True
    except sqlite3.OperationalError:
        return False
    finally:
        probe.close()


def present(conn: Connection | sqlite3.Connection) -> bool:
    """Whether the file has the index (a desk file opened by this version, on a capable SQLite)."""
    if isinstance(conn, Connection) and conn.dialect.name != "sqlite":
        return False
    return _execute(conn)(f"SELECT 1 FROM sqlite_master WHERE name = '{TABLE}'").fetchone() is not None


def ensure(conn: Connection) -> bool:
    """Create the index, its triggers and its lines when missing or of another version (in the
    caller's transaction); whether the index is there. Seconds for a million orders, once."""
    if conn.dialect.name != "sqlite" or not supported():
        return False
    has_meta = conn.exec_driver_sql(f"SELECT 1 FROM sqlite_master WHERE name = '{_META}'").first() is not None
    found = conn.exec_driver_sql(f"SELECT version FROM {_META}").scalar() if has_meta else None
    if found == VERSION and present(conn):
        conn.exec_driver_sql(f"CREATE VIRTUAL TABLE IF NOT EXISTS {TERMS} USING fts5vocab({TABLE}, 'row')")
        if _counts_stale(conn):
            _count_terms(conn)
        return True
    drop(conn)
    conn.exec_driver_sql(f"CREATE TABLE {_META} (id INTEGER PRIMARY KEY CHECK (id = 1), version INTEGER NOT NULL)")
    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE {TABLE} USING fts5(line, order_id UNINDEXED, tokenize='trigram')")
    conn.exec_driver_sql(f"CREATE VIRTUAL TABLE {TERMS} USING fts5vocab({TABLE}, 'row')")
    _make_triggers(conn)
    rebuild(conn)
    conn.exec_driver_sql(f"INSERT INTO {_META} (id, version) VALUES (1, {VERSION})")
    return True


def drop(conn: Connection) -> None:
    """The index, its triggers and its version gone (before migrations, which rebuild the tables
    the triggers name; `ensure` makes them again at the next open)."""
    _drop_triggers(conn)
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TERMS}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {STATS}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {TABLE}")
    conn.exec_driver_sql(f"DROP TABLE IF EXISTS {_META}")


def rebuild(conn: Connection | sqlite3.Connection) -> None:
    """Every order's line built again from the orders (after a bulk load that bypassed nothing,
    this is not needed: the triggers keep the lines)."""
    run = _execute(conn)
    run(f"DELETE FROM {TABLE}")
    run(f"INSERT OR REPLACE INTO {TABLE} (rowid, order_id, line) {SOURCE}")
    run(f"INSERT INTO {TABLE} ({TABLE}) VALUES ('optimize')")
    _count_terms(conn)


@contextmanager
def suspended(conn: sqlite3.Connection) -> Iterator[None]:
    """A bulk load in the caller's transaction on the desk's raw connection (a snapshot): the
    triggers are off while the rows are written, then every line is built at once and the triggers
    are back (keeping each line as its order is written took three times as long). Nothing is left
    half-done: the caller's transaction keeps or drops it all."""
    if not present(conn):
        yield
        return
    _drop_triggers(conn)
    yield
    _make_triggers(conn)
    rebuild(conn)


def _make_triggers(conn: Connection | sqlite3.Connection) -> None:
    run = _execute(conn)
    for name, body in TRIGGERS.items():
        run(f"CREATE TRIGGER {name} {body}")


def _drop_triggers(conn: Connection | sqlite3.Connection) -> None:
    run = _execute(conn)
    for name in TRIGGERS:
        run(f"DROP TRIGGER IF EXISTS {name}")


def _execute(conn: Connection | sqlite3.Connection) -> Callable[[str], Any]:
    """How to run a statement on a SQLAlchemy connection or on the desk's raw sqlite3 one."""
    return conn.exec_driver_sql if isinstance(conn, Connection) else conn.execute


def _lines(conn: Connection | sqlite3.Connection) -> int:
    return _execute(conn)("SELECT count(*) FROM work_orders WHERE deleted = 0").fetchone()[0] or 0


def _counts_stale(conn: Connection) -> bool:
    """The counts are missing, or the orders more than doubled since (a desk filled by its first
    download after the file was made): counted again at open, a few seconds for a million."""
    if conn.exec_driver_sql(f"SELECT 1 FROM sqlite_master WHERE name = '{STATS}'").first() is None:
        return True
    counted = conn.exec_driver_sql(f"SELECT doc FROM {STATS} WHERE term = ''").scalar()
    return counted is None or _lines(conn) > 2 * counted + 1000


def _count_terms(conn: Connection | sqlite3.Connection) -> None:
    """Each trigram's count of lines, kept to choose the rarest trigrams of a search (a count gone
    stale only makes a choice less good, never an answer wrong); under '' the lines counted."""
    run = _execute(conn)
    run(f"CREATE TABLE IF NOT EXISTS {STATS} (term TEXT PRIMARY KEY, doc INTEGER NOT NULL) WITHOUT ROWID")
    run(f"DELETE FROM {STATS}")
    run(f"INSERT INTO {STATS} (term, doc) SELECT term, doc FROM {TERMS}")
    run(f"INSERT INTO {STATS} (term, doc) VALUES ('', {_lines(conn)})")
