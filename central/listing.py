"""Lists the centre answers as the database writes them: each row one JSON object made by the query
itself, joined into the answer as text, with no ORM object, no Python value per column and no
pydantic model per row.

A region's 500 open orders cost more to turn into objects, validate and encode again than to read;
written by PostgreSQL (`json_build_object`) they cost the query (bench/central_bench.py measures it).
A one-machine trial on SQLite gets the same text from `json_object`. The objects keep the shapes of
the endpoints' response models (declared with `response_model`, so the OpenAPI schema still
describes them) and the way pydantic writes their values: a UUID with its dashes, an instant in UTC
as `2026-11-22T02:00:00Z` (`.123456` before the Z when it has microseconds), booleans and numbers as
JSON's own. tests/central/test_listing.py compares them with the models' own JSON for the same rows.
"""

from __future__ import annotations

from typing import Any

from fastapi.responses import Response
from sqlalchemy import Boolean, Select, Text, TypeDecorator, Uuid, literal_column
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Session
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ColumnElement
from sqlalchemy.sql.functions import FunctionElement
from sqlalchemy.types import DateTime


class JsonObject(FunctionElement[str]):
    """One row as a JSON object's text: its arguments are name, value, name, value... (`json_object`)."""

    type = Text()
    inherit_cache = True
    name = "json_object"


def json_object(**fields: ColumnElement[Any]) -> JsonObject:
    """A JSON object of these columns or expressions, its keys in this order (the response model's).
    The names are our code's, never a request's: they are written into the statement."""
    return JsonObject(*(part for name, column in fields.items() for part in (literal_column(f"'{name}'"), column)))


def _kind(column: ColumnElement[Any]) -> Any:
    return column.type.impl if isinstance(column.type, TypeDecorator) else column.type


def _pairs(element: JsonObject, compiler: SQLCompiler, value: Any, **kw: Any) -> str:
    parts = list(element.clauses)
    return ", ".join(f"{compiler.process(name, **kw)}, {value(_kind(column), compiler.process(column, **kw))}"
                     for name, column in zip(parts[::2], parts[1::2], strict=True))


def _postgresql_value(kind: Any, sql: str) -> str:
    if isinstance(kind, DateTime):  # UTC, the fraction only when there is one (one to_char, not three: a third faster)
        return f"""replace(to_char(({sql}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '.000000Z', 'Z')"""
    return sql  # (a uuid's text has its dashes; numbers, booleans and text are JSON's own)


def _sqlite_value(kind: Any, sql: str) -> str:
    if isinstance(kind, DateTime):  # stored as 'YYYY-MM-DD HH:MM:SS.ffffff', in UTC
        return (f"replace(substr({sql}, 1, 19), ' ', 'T') || CASE WHEN coalesce(substr({sql}, 21, 6), '') "
                f"IN ('', '000000') THEN '' ELSE '.' || substr({sql}, 21, 6) END || 'Z'")
    if isinstance(kind, Uuid):  # stored as 32 hex digits
        return (f"lower(substr({sql}, 1, 8) || '-' || substr({sql}, 9, 4) || '-' || substr({sql}, 13, 4) || '-' || "
                f"substr({sql}, 17, 4) || '-' || substr({sql}, 21, 12))")
    if isinstance(kind, Boolean):
        return f"json(CASE WHEN ({sql}) THEN 'true' WHEN NOT ({sql}) THEN 'false' END)"
    return sql


@compiles(JsonObject, "postgresql")
def _postgresql(element: JsonObject, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_build_object({_pairs(element, compiler, _postgresql_value, **kw)})::text"


@compiles(JsonObject, "sqlite")
def _sqlite(element: JsonObject, compiler: SQLCompiler, **kw: Any) -> str:
    return f"json_object({_pairs(element, compiler, _sqlite_value, **kw)})"


def json_list(session: Session, statement: Select[tuple[str]], parameters: dict[str, Any] | None = None) -> Response:
    """The rows of a statement selecting one `json_object` each, as a JSON array answer. Read through
    the session's connection (Core: the ORM's per-statement work is not needed for text rows)."""
    rows = session.connection().execute(statement, parameters).scalars().all()
    return Response("[" + ",".join(rows) + "]", media_type="application/json")
