"""Every stage of an order timed: a complaint's investigation, the stage the cached deadline counts
down (the queue shows a complaint's running stage), the return to the order system (回单), the
reason an order was cancelled, and who completed a provisioning step

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0016"
down_revision = "0015"
branch_labels = None
depends_on = None

QUEUE_INDEX = "ix_work_orders_queue"
OPEN = "status IN ('new', 'dispatched', 'accepted', 'in_progress', 'resolved')"
BEFORE = [
    "status", "due_at", "deleted", "id", "number", "kind", "priority", "customer_id", "district_id", "address",
    "assignee_id", "received_at", "current_step", "region_id", "amber_at", "red_at", "sla_limit_seconds",
    "sla_business", "paused_since", "version",
]
STAGES = ("total", "resource_check", "construction", "configuration", "installation", "test_delivery", "response",
          "restoration", "accept", "investigate", "feedback")
CANCEL_REASONS = ("customer_withdrew", "duplicate", "upstream_cancelled", "not_feasible", "other")


def _in(column: str, values: tuple[str, ...]) -> str:
    return "{} IN ({})".format(column, ", ".join(f"'{v}'" for v in values))


def _index(columns: list[str]) -> None:
    op.drop_index(QUEUE_INDEX, table_name="work_orders")
    op.create_index(QUEUE_INDEX, "work_orders", columns, sqlite_where=sa.text(OPEN))


def upgrade() -> None:
    with op.batch_alter_table("work_orders") as batch:
        batch.add_column(sa.Column("investigated_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("sla_stage", sa.String(22), nullable=True))
        batch.add_column(sa.Column("returned_at", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("cancel_reason", sa.String(26), nullable=True))
        batch.create_check_constraint("slastage", _in("sla_stage", STAGES))
        batch.create_check_constraint("cancelreason", _in("cancel_reason", CANCEL_REASONS))
    with op.batch_alter_table("order_steps") as batch:
        batch.add_column(sa.Column("completed_by", sa.Uuid(), nullable=True))
        batch.create_foreign_key("fk_order_steps_completed_by_users", "users", ["completed_by"], ["id"])
    if op.get_bind().dialect.name == "sqlite":
        _index([*BEFORE, "sla_stage"])


def downgrade() -> None:
    if op.get_bind().dialect.name == "sqlite":
        _index(BEFORE)
    with op.batch_alter_table("order_steps") as batch:
        batch.drop_constraint("fk_order_steps_completed_by_users", type_="foreignkey")
        batch.drop_column("completed_by")
    with op.batch_alter_table("work_orders") as batch:
        batch.drop_constraint("slastage", type_="check")
        batch.drop_constraint("cancelreason", type_="check")
        batch.drop_column("cancel_reason")
        batch.drop_column("returned_at")
        batch.drop_column("sla_stage")
        batch.drop_column("investigated_at")
