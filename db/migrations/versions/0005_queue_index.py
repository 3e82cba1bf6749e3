"""A covering index of open orders for the desk's queue (SQLite data files only)

The queue reads every open order; with every column it shows in one partial index, SQLite
reads the index alone, in order, instead of looking each row up (about 2.5x faster at 100,000).
The central PostgreSQL database does not load queues this way and does not get it.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

QUEUE_INDEX = "ix_work_orders_queue"
OPEN = "status IN ('new', 'dispatched', 'accepted', 'in_progress', 'resolved')"
COLUMNS = [
    "status", "due_at", "deleted", "id", "number", "kind", "priority", "customer_id", "district_id", "address",
    "assignee_id", "received_at", "current_step", "region_id", "amber_at", "red_at", "sla_limit_seconds",
    "sla_business", "paused_since",
]


def upgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.create_index(QUEUE_INDEX, "work_orders", COLUMNS, sqlite_where=sa.text(OPEN))


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.drop_index(QUEUE_INDEX, table_name="work_orders")
