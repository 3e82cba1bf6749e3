"""An index on work_orders.due_at, so the most urgent orders come first without a sort

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-22
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_work_orders_due_at", "work_orders", ["due_at"])


def downgrade() -> None:
    op.drop_index("ix_work_orders_due_at", table_name="work_orders")
