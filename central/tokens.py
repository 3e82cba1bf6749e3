"""The accounts of tokens this process checked, kept while it hears of every change to tokens and
accounts: a long poll's token is looked up once, not at every pull (each lookup was a database read
and a hop to a worker thread and back: in a province's instance, the hops were a third of the
samples holding the GIL).

PostgreSQL tells every instance of a change (migration 0025: a statement on `api_tokens`, `users`
or `regions` notifies `dispatch_auth`, read by the feed's listener), and a session of this process
that changed one of them empties this cache at its commit itself, so a revoked token, a new password,
an account made inactive or moved to another region take effect at once here and within the
notification's delivery (milliseconds) elsewhere. While the listener is not connected nothing is
kept (a notification could be missed): every request looks its token up. An entry is used only
until its token expires.
"""

from __future__ import annotations

import threading
from datetime import datetime

from sqlalchemy import event
from sqlalchemy.orm import Session, sessionmaker

from console.core.store.models import ApiToken, Region, User
from console.core.store.rows import DeskUser

CHANNEL = "dispatch_auth"
MAX_ENTRIES = 50_000  # (emptied when full: a lookup each refills it)
_AUTH = (ApiToken, User, Region)
_CHANGED = "central.tokens.changed"


class TokenCache:
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._users: dict[str, tuple[DeskUser, datetime]] = {}
        self.generation = 0  # emptied so often: a lookup begun before is not kept
        self.live = False  # the listener is connected: no change goes unheard

    def get(self, digest: str, at: datetime) -> DeskUser | None:
        found = self._users.get(digest) if self.live else None
        return found[0] if found is not None and found[1] > at else None

    def put(self, digest: str, user: DeskUser, expires_at: datetime, generation: int) -> None:
        """Keep a lookup's answer, unless the cache was emptied since the lookup began (it may have
        read the token before the change that emptied it)."""
        with self._lock:
            if not self.live or generation != self.generation:
                return
            if len(self._users) >= MAX_ENTRIES:
                self._users.clear()
            self._users[digest] = (user, expires_at)

    def clear(self, live: bool | None = None) -> None:
        with self._lock:
            self.generation += 1
            self._users.clear()
            if live is not None:
                self.live = live


def install(sessions: sessionmaker, cache: TokenCache) -> None:
    """A session of these that changes a token, an account or a region empties the cache at its commit."""

    def flushing(session: Session, _context, _instances) -> None:
        if any(isinstance(obj, _AUTH) for obj in (*session.dirty, *session.deleted)):
            session.info[_CHANGED] = True

    def executing(state) -> None:
        if (state.is_update or state.is_delete) and state.bind_mapper is not None and state.bind_mapper.class_ in _AUTH:
            state.session.info[_CHANGED] = True

    def committed(session: Session) -> None:
        if session.info.pop(_CHANGED, False):
            cache.clear()

    event.listen(sessions, "before_flush", flushing)
    event.listen(sessions, "do_orm_execute", executing)
    event.listen(sessions, "after_commit", committed)
    event.listen(sessions, "after_rollback", lambda session: session.info.pop(_CHANGED, None))
