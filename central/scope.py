"""Which desk may hold which row (PowerSync's buckets): given a row, the region it belongs to;
given a user, the regions they get.

Reference data (regions, districts, the rules, the calendar, users' names and roles; never a
secret) goes to every desk. Every other replicated row belongs to one region: directly (an
order, a customer, a technician) or through the row it hangs from (a site through its customer,
a pause through its order, an appointment through its site...). A dispatcher, and a supervisor
or administrator tied to a region, get that region; one tied to none gets every region.
Audit rows go with their order's region; audit rows of no order (rules, calendar, sync
bookkeeping) only to desks that see every region.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from console.core.store.rows import DeskUser

REFERENCE = frozenset({"regions", "districts", "users", "sla_rules", "rule_parameters", "calendar_overrides", "calendar_years"})
DIRECT = {"work_orders": "region_id", "customers": "region_id", "technicians": "region_id", "handovers": "region_id",
          "report_sends": "region_id"}
# region through the row a row hangs from: (its column, the parent's table)
PARENT = {
    "sites": ("customer_id", "customers"),  # a site is its customer's (as the customer's orders are), wherever it stands
    "services": ("customer_id", "customers"),
    "shifts": ("technician_id", "technicians"),
    "order_steps": ("order_id", "work_orders"),
    "sla_pauses": ("order_id", "work_orders"),
    "field_events": ("order_id", "work_orders"),
    "appointment_orders": ("order_id", "work_orders"),
    "appointments": ("site_id", "sites"),
    "appointment_changes": ("appointment_id", "appointments"),
    "audit_log": ("order_id", "work_orders"),
    "order_claims": ("order_id", "work_orders"),
    "callbacks": ("order_id", "work_orders"),  # a satisfaction callback goes with its order
}
# rows that hang from two others: each must be in the region (a link of an appointment to an order)
ALSO = {"appointment_orders": ("appointment_id", "appointments")}


def region_of_user(user: DeskUser) -> uuid.UUID | None:
    """The region a user's desk holds, or None: every region."""
    return user.region_id


def scope_filter(table: str, region: uuid.UUID | None, alias: str = "t", depth: int = 0) -> str:
    """A WHERE condition keeping the rows of `table` a desk of `region` may hold (with a `:region`
    parameter to bind as 32 hex digits' UUID), or "true". Written as semi-joins (`column IN (SELECT
    id FROM parent WHERE ...)`), which PostgreSQL hashes once, not a subquery per row."""
    if region is None or (table in REFERENCE and not depth):
        return "true"
    if table in DIRECT:
        return f'{alias}."{DIRECT[table]}" = CAST(:region AS uuid)'
    if table == "districts":
        return f'{alias}."region_id" = CAST(:region AS uuid)'
    if table not in PARENT:
        return "false"
    column, parent = PARENT[table]
    inner = f"s{depth}"
    return f'{alias}."{column}" IN (SELECT {inner}.id FROM {parent} {inner} WHERE {scope_filter(parent, region, inner, depth + 1)})'


def named_region_sql() -> str:
    """A statement giving (id, region) of every row, of any table a desk's action may name, whose
    id is in `:ids` (a uuid[] parameter), written from the buckets above so a table added there is
    checked too. Each id probes each table's primary key (a lateral join): a few microseconds a
    probe whatever the tables' sizes and statistics, where a join of the ids to each table let
    the planner scan and hash whole tables (20-30 ms for a push of 200 actions)."""
    parts = [f'SELECT t."{column}" AS region FROM {table} t WHERE t.id = n.id'
             for table, column in (*DIRECT.items(), ("districts", "region_id"))]
    for table in PARENT:
        if table in ("audit_log", "order_claims"):  # (never named by an action: their own rows, not a desk's subject)
            continue
        joins, alias, current = [], "t", table
        while current in PARENT:
            column, parent = PARENT[current]
            nxt = f"p{len(joins)}"
            joins.append(f'JOIN {parent} {nxt} ON {nxt}.id = {alias}."{column}"')
            alias, current = nxt, parent
        parts.append(f'SELECT {alias}."{DIRECT[current]}" FROM {table} t {" ".join(joins)} WHERE t.id = n.id')
    return ("SELECT n.id, r.region FROM (SELECT DISTINCT unnest(CAST(:ids AS uuid[])) AS id) n CROSS JOIN LATERAL (\n    "
            + "\n    UNION ALL ".join(parts) + ") r")


def row_region(table: str, row: dict[str, Any], lookup: Callable[[str, str], dict[str, Any] | None]) -> str | None:
    """The region (32 hex digits) of a row in the wire format, its parents found by `lookup(table, id)`;
    None for reference data or a row hanging from nothing."""
    if table in DIRECT:
        return row.get(DIRECT[table])
    if table == "districts":
        return row.get("region_id")
    if table not in PARENT:
        return None
    column, parent = PARENT[table]
    parent_id = row.get(column)
    if not isinstance(parent_id, str):
        return None
    found = lookup(parent, parent_id)
    return row_region(parent, found, lookup) if found is not None else None


def row_regions(table: str, row: dict[str, Any], lookup: Callable[[str, str], dict[str, Any] | None]) -> set[str | None]:
    """Every region a row touches: its own, and for a link the region of each end."""
    regions = {row_region(table, row, lookup)}
    if table in ALSO:
        column, parent = ALSO[table]
        parent_id = row.get(column)
        found = lookup(parent, parent_id) if isinstance(parent_id, str) else None
        if found is not None:
            regions.add(row_region(parent, found, lookup))
    return regions
