"""The centre's open orders by region, in due order (PostgreSQL only)

GET /orders reads a region's page of open orders soonest due first. Through the region's index it
read every order the region ever had, closed ones included, and sorted the open ones; through this
partial index it reads the page alone, in order, however long the history.

Revision ID: 0023
Revises: 0022
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0023"
down_revision = "0022"
branch_labels = None
depends_on = None

INDEX = "ix_work_orders_open_by_region"
OPEN = "status IN ('new', 'dispatched', 'accepted', 'in_progress', 'resolved')"


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.create_index(INDEX, "work_orders", ["region_id", "due_at", "number"], postgresql_where=sa.text(f"{OPEN} AND deleted IS FALSE"))


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.drop_index(INDEX, table_name="work_orders")
