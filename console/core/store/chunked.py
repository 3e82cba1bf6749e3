"""Ids in lists short enough for one statement's `IN (...)`."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

T = TypeVar("T")

IN_LIST = 900
"""Values one `IN (...)` names by default: SQLite binds at most 999 in one statement unless built for more."""


def chunks(values: Sequence[T], size: int = IN_LIST) -> Iterator[list[T]]:
    """`values` in lists of at most `size`, in order."""
    for start in range(0, len(values), size):
        yield list(values[start:start + size])
