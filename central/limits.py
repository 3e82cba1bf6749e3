"""What the centre takes at its door, before any endpoint sees it: a body no larger than the limit
(413), and no text PostgreSQL cannot store — a NUL character or a lone surrogate, in the JSON body
or the query — which is a 422 naming the field (it would otherwise reach the database as a 500).

A push's rows are checked value by value by the planner instead (`central.push`), so that one
unusable value refuses its mutation and the desk's outbox moves on; its body is only size-checked.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from itertools import accumulate
from typing import Any
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

CHECKED_BY_THE_PLANNER = ("/sync/push",)
MAX_TEXT = 4000  # characters of one text argument of a pushed operation
MAX_INTEGER = 2**53  # a number beyond this is no value any argument takes


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


# --- a pushed operation's values (central.operations.prepare) -----------------------------------

_LARGE_NUMBER = re.compile(r"\d{16}|\d[eE]")
_STRINGS = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')  # (unrolled: a third of the time of an alternation per character)
_BRACKETS = re.compile(r"[\[\]{}]")


def usable_together(ops: list[Any]) -> bool:
    """Whether the values of every operation of a batch are plainly usable, found in one pass over
    them all (a tenth of the time of a pass per operation); when not, each is looked at alone."""
    parts = [{"args": op.get("args"), "seen": op.get("seen"), "expected": op.get("expected")} for op in ops if isinstance(op, dict)]
    return plainly_usable(parts, depth=14)  # (each op's parts a level down, in the list)


def plainly_usable(value: Any, depth: int = 12) -> bool:
    """The common case decided at C speed: the value written as JSON has no text too long, no NUL, no
    lone surrogate, no number of 16 digits or with an exponent, and no nesting deeper than `depth`
    (a false "no" only means the careful walk below)."""
    try:
        text_ = json.dumps(value, ensure_ascii=False, allow_nan=False)
        text_.encode("utf-8")
    except (ValueError, TypeError, UnicodeEncodeError, RecursionError):
        return False
    if "\\u0000" in text_ or any(len(t) > MAX_TEXT + 2 for t in _STRINGS.findall(text_)):  # (a text's JSON is no shorter than it)
        return False
    skeleton = _STRINGS.sub('""', text_)  # (the numbers and brackets, not the texts)
    if _LARGE_NUMBER.search(skeleton) is not None:
        return False
    return max(accumulate(1 if b in "[{" else -1 for b in _BRACKETS.findall(skeleton)), default=0) <= depth


def walk(value: Any, where: str, depth: int = 0) -> str:
    """Why a pushed JSON value cannot be used as it is ("" when it can): text too long or that
    PostgreSQL cannot store, numbers out of range, nesting too deep."""
    if depth > 12:
        return f"{where}: nested too deep"
    if isinstance(value, str):
        if len(value) > MAX_TEXT:
            return f"{where}: text longer than {MAX_TEXT} characters"
        problem = unstorable(value)
        return f"{where}: {problem}" if problem else ""
    if value is None or isinstance(value, bool):
        return ""
    if isinstance(value, int):
        return "" if -MAX_INTEGER <= value <= MAX_INTEGER else f"{where}: a number out of range"
    if isinstance(value, float):
        return "" if value == value and abs(value) <= 1e15 else f"{where}: a number out of range"
    if isinstance(value, list):
        return next((p for i, v in enumerate(value) if (p := walk(v, f"{where}.{i}", depth + 1))), "")
    if isinstance(value, dict):
        for key, item in value.items():
            problem = walk(key, where, depth + 1) or walk(item, f"{where}.{str(key)[:40]}", depth + 1)
            if problem:
                return problem
        return ""
    return f"{where}: a value of no known kind"
