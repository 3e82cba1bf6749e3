"""FastAPI's 422 for a body it cannot use, made safe to send.

The default answer echoes each refused value; a float JSON cannot carry (NaN, Infinity, which
Python's parser reads from a body) would make the answer itself fail, a 500. Here such a value is
named as text ("nan"), so `{"latitude": NaN}` is a 422 naming `latitude` like any other bad value.
"""

from __future__ import annotations

import math
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse


def _json_safe(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_safe(v) for v in value]
    return value


async def _refused(_request: Request, exc: RequestValidationError) -> JSONResponse:
    return JSONResponse(status_code=422, content={"detail": _json_safe(jsonable_encoder(exc.errors()))})


def install(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _refused)
