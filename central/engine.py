"""The centre's connection to PostgreSQL: one engine per service process, its pool within the budget
the deployment gives it (docs/SCALE.md: instances x (pool + overflow + LISTEN) below the server's limit)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine, create_engine, make_url


def centre_engine(url: str, pool_size: int = 10, max_overflow: int = 5, **options: Any) -> Engine:
    """An engine for the centre's database, its connections checked before use (a restarted server)."""
    if make_url(url).get_backend_name() == "postgresql":
        options = {"pool_size": pool_size, "max_overflow": max_overflow, **options}
    return create_engine(url, pool_pre_ping=True, **options)
