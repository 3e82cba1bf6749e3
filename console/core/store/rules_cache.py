"""The rules in force (the working calendar and the SLA rule book), built again only when they change.

Building them is most of an intake's own work at the centre: the rule parameters read twice, every
SLA rule and calendar day read into Python and assembled, for each order that arrives, when the
rules change a few times a year. On PostgreSQL one statement asks for a digest of the rows they are
built from (every column of every row of the four tables, tombstones and versions included, hashed
by the server) and the built pair is reused while the digest is the same: a change by any writer,
in any instance, is seen by the next read, as a fresh read would see it. On SQLite (a desk's file,
a one-machine trial) they are read each time, as before.

The calendar and rule book are immutable (a frozen dataclass; a rule book only looked up), so one
pair is shared by the threads of the process.
"""

from __future__ import annotations

import threading

from sqlalchemy import text
from sqlalchemy.orm import Session

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.sla import RuleBook
from console.core.store.rules import load_calendar, load_rulebook
from console.core.wire import RULE_TABLES

# What load_calendar and load_rulebook read: the rule tables (a table they come to read belongs there).
_DIGEST = text("SELECT md5(concat_ws('|', " + ", ".join(
    f"(SELECT string_agg(t::text, ',' ORDER BY t.id) FROM {table} t)" for table in sorted(RULE_TABLES)) + "))")


class RulesInForce:
    """The calendar and rule book of a database, read again when their rows' digest changes."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: tuple[str, BusinessCalendar, RuleBook] | None = None

    def read(self, session: Session) -> tuple[BusinessCalendar, RuleBook]:
        """The rules as the session's transaction sees them now."""
        if session.get_bind().dialect.name != "postgresql":
            return load_calendar(session), load_rulebook(session)
        digest = session.scalar(_DIGEST)
        held = self._held
        if held is not None and held[0] == digest:
            return held[1], held[2]
        calendar, book = load_calendar(session), load_rulebook(session)
        if session.scalar(_DIGEST) == digest:  # (not changed while they were read: the pair is the digest's)
            with self._lock:
                self._held = (digest, calendar, book)
        return calendar, book


RULES_IN_FORCE = RulesInForce()  # one per process (the digest tells one database's rules from another's too)
