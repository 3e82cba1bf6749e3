"""PostgreSQL out of reach (restarting, failing over, the network to it cut): the request is answered
503 with Retry-After, never a 500. Nothing was written (the transaction did not commit), so the caller
(a desk's worker, a phone, the order system) sends it again later and gets its answer then.

A session that lost its connection mid-transaction and was used again raises PendingRollbackError
instead of the driver's error: the same case, answered the same way."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy.exc import DBAPIError, OperationalError, PendingRollbackError

log = logging.getLogger("central.unavailable")
RETRY_AFTER_SECONDS = 2
# SQLSTATE classes and codes of a server going away: connection exceptions, admin / crash shutdown, cannot connect now
_GONE_CLASSES = ("08",)
_GONE_CODES = frozenset({"57P01", "57P02", "57P03"})


def unavailable(exc: BaseException) -> bool:
    """Whether this error means the database could not be reached (not that it refused something)."""
    if isinstance(exc, PendingRollbackError):
        return True
    if not isinstance(exc, DBAPIError):
        return False
    if exc.connection_invalidated:
        return True
    state = getattr(exc.orig, "sqlstate", None) or ""
    return state.startswith(_GONE_CLASSES) or state in _GONE_CODES or (isinstance(exc, OperationalError) and not state)


async def _answer(request: Request, exc: Exception) -> JSONResponse:
    if not unavailable(exc):
        raise exc  # any other database error stays a server error, logged with its traceback
    log.warning("the database is out of reach (%s %s): %s", request.method, request.url.path, str(exc).splitlines()[0][:200])
    return JSONResponse(status_code=503, headers={"Retry-After": str(RETRY_AFTER_SECONDS)},
                        content={"detail": "the centre's database is out of reach: try again shortly"})


def install(app: FastAPI) -> None:
    app.add_exception_handler(DBAPIError, _answer)
    app.add_exception_handler(PendingRollbackError, _answer)
