"""SLA instants cached per order: when it turns amber and red, its limit and measure

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("work_orders") as batch:
        batch.add_column(sa.Column("amber_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("red_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("sla_limit_seconds", sa.Integer(), nullable=True))
        batch.add_column(sa.Column("sla_business", sa.Boolean(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("work_orders") as batch:
        batch.drop_column("sla_business")
        batch.drop_column("sla_limit_seconds")
        batch.drop_column("red_at")
        batch.drop_column("amber_at")
