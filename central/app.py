"""The centre's HTTP API (FastAPI): health, login, region-scoped orders and appointments, field reports,
rules and sync, one router per area (`central.routers`).

`create_app` builds the centre's state (`central.state.Centre`, on `app.state.centre`), installs
the database hooks (the audit chain, the outbox) and runs the background threads
(`central.background`) while the app runs.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI

from central import audit_chain, feed, outbound, tokens, unavailable, validation
from central.background import Background
from central.config import CentralConfig
from central.engine import centre_engine
from central.limits import RequestLimits
from central.routers import appointments, auth, field, field_visits, health, orders, positions, rules, sync
from central.schemas import Unprocessable
from central.state import Centre
from console.core.store.database import Database


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    background = Background(app.state.centre)
    background.start()
    yield
    background.stop()


def create_app(config: CentralConfig) -> FastAPI:
    database = Database(centre_engine(config.database_url, config.pool_size, config.pool_overflow))
    audit_chain.install(database.sessions)  # first: its flush hook holds the audit rows back to the commit,
    outbound.install(database.sessions)  # where this one's sees them, once (a notice per row)
    feed.install(database.sessions)
    app = FastAPI(title="Dispatch Console central service", version="0.1.0", lifespan=_lifespan,
                  responses={422: {"model": Unprocessable, "description": "The request cannot be used: what is wrong with it"}})
    app.state.centre = Centre(config, database)
    tokens.install(database.sessions, app.state.centre.tokens)
    app.add_middleware(RequestLimits, max_body=config.max_body_mb * 1024 * 1024)
    validation.install(app)
    unavailable.install(app)
    for area in (health, auth, orders, field, field_visits, positions, rules, appointments, sync):
        app.include_router(area.router)
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of `dispatch-central serve --workers N` (uvicorn starts each
    worker from this factory; the configuration comes from the environment, as the parent's did)."""
    from console.core import gc_pause

    log_to_stderr()
    app = create_app(CentralConfig.from_env())
    gc_pause.settle()  # the app made: what the service holds from now on is frozen out of the collector's walks
    return app


def log_to_stderr() -> None:
    """The service's own log lines (the feed, the outbox, escalation, the connection budget) on
    standard error beside uvicorn's, at INFO."""
    logging.basicConfig(level=logging.INFO, format="%(levelname)s:     %(name)s: %(message)s")
