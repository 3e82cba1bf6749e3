"""What replicates, and how a row travels: the wire format is SQLite's own storage format.

A value on the wire is what SQLAlchemy stores in a desk's SQLite file (UUIDs as 32 hex digits,
instants as 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC, JSON columns as their text, booleans as 0/1).
So a desk writes pulled rows into its file as they come, with no per-value parsing (the initial
sync of 300,000 rows is bound by SQLite, not Python); the centre has PostgreSQL produce the same
text in SQL (`pg_select`), and decodes what desks push with SQLAlchemy's own SQLite result
processors (`from_wire`). Nothing here is hand-written per column.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from sqlalchemy import JSON, Boolean, Date, Numeric, Table, TypeDecorator, Uuid
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import DateTime

from console.core.store.models import Base

_SQLITE = sqlite.dialect()

# Replicated tables in foreign-key order (a referenced table before the tables that refer to it).
_FEED = {
    "regions", "districts", "customers", "sites", "services", "technicians", "shifts", "users",
    "sla_rules", "rule_parameters", "calendar_overrides", "calendar_years", "work_orders", "order_steps",
    "sla_pauses", "appointments", "appointment_orders", "appointment_changes", "field_events", "audit_log",
    "order_claims", "callbacks", "handovers", "report_sends",
}
REPLICATED: tuple[str, ...] = tuple(t.name for t in Base.metadata.sorted_tables if t.name in _FEED)

# What a desk may change. Reference data (customers, sites, services, people) belongs to the
# upstream systems and the centre's administrators; claims go through their own endpoint.
PUSHABLE = frozenset({
    "work_orders", "order_steps", "sla_pauses", "appointments", "appointment_orders", "appointment_changes",
    "field_events", "audit_log", "sla_rules", "rule_parameters", "calendar_overrides", "calendar_years",
    "callbacks", "handovers", "report_sends",
})
RULE_TABLES = frozenset({"sla_rules", "rule_parameters", "calendar_overrides", "calendar_years"})

# Contested fields: a change made on a stale version of one of these is refused (a conflict);
# other fields merge, the last writer winning.
CONTESTED: Mapping[str, frozenset[str]] = {
    "work_orders": frozenset({"assignee_id", "status", "paused_since", "current_step"}),
    "appointments": frozenset({"technician_id", "window_start", "window_end", "planned_start", "status", "locked", "deleted"}),
    "appointment_orders": frozenset({"deleted"}),
    "sla_pauses": frozenset({"ended_at", "approved_by", "deleted"}),
}
# Each replica computes these from the facts and the rules (store.sla_cache); never pushed.
DERIVED: Mapping[str, frozenset[str]] = {
    "work_orders": frozenset({"due_at", "amber_at", "red_at", "sla_limit_seconds", "sla_business", "response_due_at", "sla_stage"}),
}
# Never leaves the centre. (Which account is a technician's app: a desk of another region does not
# hold that technician, and no desk needs it.)
SECRET: Mapping[str, frozenset[str]] = {"users": frozenset({"password_hash", "technician_id"})}
BOOKKEEPING = frozenset({"id", "version", "updated_at"})
MAX_CHANGES = 10000  # rows one user action may change (a supervisor pausing 3,000 orders, with their pauses and audit rows)


@dataclass(frozen=True)
class TableWire:
    name: str
    table: Table
    columns: tuple[str, ...]  # the wire order of a row's values
    _to: Mapping[str, Callable[[Any], Any] | None]
    _from: Mapping[str, Callable[[Any], Any] | None]

    @property
    def column_list(self) -> str:
        """The columns, quoted, for SQL written by hand."""
        return ", ".join(f'"{name}"' for name in self.columns)

    @property
    def synced(self) -> bool:
        return "version" in self.table.c

    def encode(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Python values (as the ORM holds them) → wire values, by column name."""
        out = {}
        for name, value in values.items():
            processor = self._to[name]
            out[name] = processor(value) if processor is not None and value is not None else value
        return out

    def decode(self, values: Mapping[str, Any]) -> dict[str, Any]:
        """Wire values → Python values; raises WireError naming a column it does not know."""
        out = {}
        for name, value in values.items():
            if name not in self._from:
                raise WireError(f"{self.name} has no column {name!r}")
            processor = self._from[name]
            try:
                out[name] = processor(value) if processor is not None and value is not None else value
            except (ValueError, TypeError, LookupError, AttributeError, OverflowError) as exc:
                raise WireError(f"{self.name}.{name}: {value!r} is not a valid value ({exc})") from exc
        return out


class WireError(ValueError):
    """A pushed value or column the centre cannot use."""


@cache
def wire(table_name: str) -> TableWire:
    table = Base.metadata.tables[table_name]
    secret = SECRET.get(table_name, frozenset())
    columns = tuple(c.name for c in table.columns if c.name not in secret)
    types = [table.c[name].type for name in columns]
    return TableWire(
        table_name, table, columns,
        {name: t._cached_bind_processor(_SQLITE) for name, t in zip(columns, types, strict=True)},
        {name: t._cached_result_processor(_SQLITE, None) for name, t in zip(columns, types, strict=True)},
    )


def pg_select(table_name: str, alias: str = "t") -> str:
    """The SQL expressions that make PostgreSQL write a row of this table in the wire format,
    as one JSON array (json_build_array takes at most 100 arguments; the widest table has 36)."""
    parts = []
    for name in wire(table_name).columns:
        column = wire(table_name).table.c[name]
        kind = column.type.impl if isinstance(column.type, TypeDecorator) else column.type
        ref = f'{alias}."{name}"'
        if isinstance(kind, Uuid):
            parts.append(f"replace({ref}::text, '-', '')")
        elif isinstance(kind, DateTime):
            parts.append(f"to_char({ref} AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US')")
        elif isinstance(kind, Date):
            parts.append(f"to_char({ref}, 'YYYY-MM-DD')")
        elif isinstance(kind, JSON):
            parts.append(f"{ref}::text")
        elif isinstance(kind, Numeric) and not isinstance(kind, (Boolean,)):
            parts.append(f"{ref}::float8" if kind.asdecimal else ref)
        else:
            parts.append(ref)
    return "json_build_array(" + ", ".join(parts) + ")"
