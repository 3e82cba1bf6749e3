"""What one running centre holds: its configuration, database, clock, change-feed signal and token cache.

`create_app` builds one `Centre` and keeps it on `app.state.centre`; the routers reach it through
`central.dependencies`, the background threads are handed it at start-up.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from central.config import CentralConfig
from central.feed import FeedSignal, SharedReads
from central.tokens import TokenCache
from console.core.store.database import Database


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Centre:
    config: CentralConfig
    database: Database
    signal: FeedSignal = field(default_factory=FeedSignal)  # wakes the long-polling feed readers
    clock: Callable[[], datetime] = utc_now  # the services read the time as they go
    reads: SharedReads = field(init=False)  # the feed's reads, shared by readers at the same cursor
    tokens: TokenCache = field(default_factory=TokenCache)  # accounts of checked tokens (while the listener hears every change)

    def __post_init__(self) -> None:
        self.reads = SharedReads(self.database.engine, self.signal)

    @property
    def on_postgresql(self) -> bool:
        return self.database.engine.dialect.name == "postgresql"
