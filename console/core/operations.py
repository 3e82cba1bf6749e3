"""Operations: a desk's action as it travels to the centre, and as the centre runs it again.

A service method marked `@operation("orders.assign")` is one action a person takes. Called at the
top (not from inside another operation), it is recorded while it runs: its name, its arguments in
JSON, an operation id, and the versions the caller said it saw (`OrderActions.seen`). The desk's
outbox capture (`console.sync.capture`) stores the record with the rows the action changed, and the
push sends the record, never the rows. The centre decodes the arguments with the method's own type
hints (`decode`), builds the same service as the token's user and runs the method again with the
operation's id drawing the new rows' ids (`console.core.ids.drawn_from`), so the rows the action
makes get the ids the desk gave them. What the centre writes is what its rules decide: derived values, who and when
are never the desk's to say.
"""

from __future__ import annotations

import functools
import inspect
import sys
import typing
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter, ValidationError

from console.core.ids import drawn_from


@dataclass(frozen=True)
class Recorded:
    """One action as it is pushed."""

    name: str
    id: uuid.UUID
    args: dict[str, Any]  # JSON values
    expected: dict[str, int]  # order id (hex) -> the version the caller saw (empty: no check asked for)

    def wire(self) -> dict[str, Any]:
        return {"name": self.name, "id": self.id.hex, "args": self.args, "expected": self.expected}


@dataclass(frozen=True)
class Operation:
    name: str
    method: Callable[..., Any]  # the undecorated method

    @functools.cached_property
    def service(self) -> type:
        """The class the method belongs to (found once its module has run)."""
        return getattr(sys.modules[self.method.__module__], self.method.__qualname__.split(".")[0])

    @functools.cached_property
    def parameters(self) -> dict[str, TypeAdapter]:
        hints = typing.get_type_hints(self.method, vars(sys.modules[self.method.__module__]))
        names = [n for n in inspect.signature(self.method).parameters if n != "self"]
        return {n: TypeAdapter(_as_list(hints[n])) for n in names}

    @functools.cached_property
    def required(self) -> tuple[str, ...]:
        """The arguments without a default."""
        return tuple(n for n, p in inspect.signature(self.method).parameters.items()
                     if n != "self" and p.default is inspect.Parameter.empty)


OPERATIONS: dict[str, Operation] = {}
_RECORDING: ContextVar[Recorded | None] = ContextVar("console_operation", default=None)


class Unusable(ValueError):
    """Arguments an operation cannot run with; the message names the argument."""


def operation(name: str) -> Callable[[Callable[..., Any]], Callable[..., Any]]:
    """Mark a service method as an operation a desk pushes."""
    def mark(method: Callable[..., Any]) -> Callable[..., Any]:
        OPERATIONS[name] = Operation(name, method)
        signature = inspect.signature(method)

        @functools.wraps(method)
        def run(self, *args: Any, **kwargs: Any) -> Any:
            if _RECORDING.get() is not None:  # a step of the operation already running
                return method(self, *args, **kwargs)
            bound = signature.bind(self, *args, **kwargs)
            bound.apply_defaults()
            arguments = {k: _materialised(v) for k, v in bound.arguments.items() if k != "self"}
            op_id = uuid.uuid4()
            expected = {k.hex: v for k, v in (getattr(self, "_expected", None) or {}).items()}
            token = _RECORDING.set(Recorded(name, op_id, encode(name, arguments), expected))
            try:
                with drawn_from(op_id):
                    return method(self, **arguments)
            finally:
                _RECORDING.reset(token)

        return run
    return mark


def recorded() -> Recorded | None:
    """The operation running now, if any."""
    return _RECORDING.get()


def encode(name: str, arguments: Mapping[str, Any]) -> dict[str, Any]:
    adapters = OPERATIONS[name].parameters
    return {k: adapters[k].dump_python(v, mode="json") for k, v in arguments.items()}


def decode(name: str, arguments: Any) -> dict[str, Any]:
    """The arguments as the method takes them; Unusable naming the argument that is not."""
    if not isinstance(arguments, dict):
        raise Unusable("args: an object of named arguments is expected")
    adapters = OPERATIONS[name].parameters
    unknown = sorted(set(arguments) - set(adapters))
    if unknown:
        raise Unusable(f"args.{unknown[0]}: no such argument of {name}")
    out: dict[str, Any] = {}
    for key, value in arguments.items():
        try:
            out[key] = adapters[key].validate_python(value)
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in (key, *first["loc"]))
            raise Unusable(f"args.{where}: {first['msg']}") from None
        naive = _naive_time(out[key])
        if naive:
            raise Unusable(f"args.{key}: {naive}")
    missing = [n for n in OPERATIONS[name].required if n not in out]
    if missing:
        raise Unusable(f"args.{missing[0]}: missing")
    return out


def _naive_time(value: Any) -> str:
    if isinstance(value, datetime):
        if value.tzinfo is None:
            return "a time needs its time zone"
        if not 2000 <= value.year <= 2100:
            return "a time between the years 2000 and 2100"
        return ""
    if isinstance(value, (list, tuple, set, frozenset)):
        return next((p for v in value if (p := _naive_time(v))), "")
    if isinstance(value, dict):
        return next((p for v in value.values() if (p := _naive_time(v))), "")
    if hasattr(value, "__dataclass_fields__"):
        return next((p for f in value.__dataclass_fields__ if (p := _naive_time(getattr(value, f)))), "")
    return ""


def _materialised(value: Any) -> Any:
    """An iterator argument as a list: it is read twice (recorded, then run)."""
    if isinstance(value, (str, bytes, dict, list, tuple, set, frozenset)) or not isinstance(value, Iterable):
        return value
    return list(value)


def _as_list(hint: Any) -> Any:
    """`Iterable[X]` and `Sequence[X]` as `list[X]`: a value pydantic reads and writes as it is."""
    origin = typing.get_origin(hint)
    if origin in (Iterable, Sequence, typing.Iterable, typing.Sequence):
        return list[typing.get_args(hint)[0]] if typing.get_args(hint) else list
    return hint
