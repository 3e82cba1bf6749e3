"""What the centre takes at its door, before any endpoint sees it: a body no larger than the limit
(413), and no text PostgreSQL cannot store — a NUL character or a lone surrogate, in the JSON body
or the query — which is a 422 naming the field (it would otherwise reach the database as a 500).

A push's rows are checked value by value by the planner instead (`central.push`), so that one
unusable value refuses its mutation and the desk's outbox moves on; its body is only size-checked.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CHECKED_BY_THE_PLANNER = ("/sync/push",)


def unstorable(value: str) -> str:
    """Why PostgreSQL would refuse this text ("" if it would not)."""
    if "\x00" in value:
        return "text with a NUL character"
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return "text that is not valid Unicode (a lone surrogate)"
    return ""


def _problems(value: Any, where: tuple) -> Iterator[tuple[tuple, str]]:
    if isinstance(value, str):
        problem = unstorable(value)
        if problem:
            yield where, problem
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _problems(key, where)
            yield from _problems(item, (*where, key))
    elif isinstance(value, list):
        for n, item in enumerate(value):
            yield from _problems(item, (*where, n))


class RequestLimits:
    def __init__(self, app: ASGIApp, max_body: int):
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        query = scope.get("query_string", b"").decode("utf-8", "surrogateescape")
        for name, value in parse_qsl(query, keep_blank_values=True, errors="surrogateescape"):
            problem = unstorable(value) or unstorable(name)
            if problem:
                await _answer(send, 422, [{"loc": ["query", name], "msg": problem, "type": "value_error"}])
                return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_body:
            await _answer(send, 413, f"the request is larger than {self.max_body:,} bytes")
            return
        body, more = bytearray(), True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > self.max_body:
                await _answer(send, 413, f"the request is larger than {self.max_body:,} bytes")
                return
        if body and scope["path"] not in CHECKED_BY_THE_PLANNER and _is_json(scope):
            try:
                parsed = json.loads(body)
            except (ValueError, RecursionError):
                parsed = None  # the endpoint's own validation says what is wrong with it
            found = next(_problems(parsed, ("body",)), None)
            if found is not None:
                where, problem = found
                await _answer(send, 422, [{"loc": list(where), "msg": problem, "type": "value_error"}])
                return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": bytes(body), "more_body": False}

        await self.app(scope, replay, send)


def _is_json(scope: Scope) -> bool:
    kind = dict(scope.get("headers") or []).get(b"content-type", b"")
    return kind.startswith(b"application/json") or not kind


async def _answer(send: Send, status: int, detail: Any) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})
