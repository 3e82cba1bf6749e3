"""The queue's covering index carries the order's version (SQLite data files only)

A desk action sends the versions of the rows the dispatcher saw, so the queue reads each open
order's version; with it in the covering index the queue still reads the index alone.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None

QUEUE_INDEX = "ix_work_orders_queue"
OPEN = "status IN ('new', 'dispatched', 'accepted', 'in_progress', 'resolved')"
BEFORE = [
    "status", "due_at", "deleted", "id", "number", "kind", "priority", "customer_id", "district_id", "address",
    "assignee_id", "received_at", "current_step", "region_id", "amber_at", "red_at", "sla_limit_seconds",
    "sla_business", "paused_since",
]


def _index(columns: list[str]) -> None:
    op.drop_index(QUEUE_INDEX, table_name="work_orders")
    op.create_index(QUEUE_INDEX, "work_orders", columns, sqlite_where=sa.text(OPEN))


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index([*BEFORE, "version"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index(BEFORE)
