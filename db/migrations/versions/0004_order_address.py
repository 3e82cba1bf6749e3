"""The installation address as ordered, on the order itself (address and district)

The queue reads every open order in one pass; carrying the address the order was placed for
saves a join with the sites table (hundreds of thousands of rows) on every load.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("work_orders") as batch:
        batch.add_column(sa.Column("address", sa.String(length=300), nullable=True))
        batch.add_column(sa.Column("district_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(op.f("fk_work_orders_district_id_districts"), "districts", ["district_id"], ["id"])
    op.create_index(op.f("ix_work_orders_replaces_order_id"), "work_orders", ["replaces_order_id"])
    op.execute(
        "UPDATE work_orders SET address = (SELECT sites.address FROM sites WHERE sites.id = work_orders.site_id), "
        "district_id = (SELECT sites.district_id FROM sites WHERE sites.id = work_orders.site_id)"
    )


def downgrade() -> None:
    op.drop_index(op.f("ix_work_orders_replaces_order_id"), table_name="work_orders")
    with op.batch_alter_table("work_orders") as batch:
        batch.drop_constraint(op.f("fk_work_orders_district_id_districts"), type_="foreignkey")
        batch.drop_column("district_id")
        batch.drop_column("address")
