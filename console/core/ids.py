"""Ids of new rows: random, or, inside an operation, derived from the operation's id.

A desk runs an action on its own file at once and the centre runs the same action again when the
desk pushes it (`console.core.operations`). Both make the action's new rows (a pause, a visit, its
audit rows) with ids drawn in turn from `uuid5(operation id, n)`, so the rows the centre answers
with are the desk's own rows, not copies beside them.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_DRAWN: ContextVar[Iterator[uuid.UUID] | None] = ContextVar("console_ids", default=None)


def new_id() -> uuid.UUID:
    """The next id of the running operation, or a random one outside any."""
    drawn = _DRAWN.get()
    return next(drawn) if drawn is not None else uuid.uuid4()


@contextmanager
def drawn_from(operation_id: uuid.UUID) -> Iterator[None]:
    """New rows made inside take their ids from `operation_id`, in the order they are made."""
    token = _DRAWN.set(uuid.uuid5(operation_id, str(n)) for n in itertools.count())
    try:
        yield
    finally:
        _DRAWN.reset(token)
