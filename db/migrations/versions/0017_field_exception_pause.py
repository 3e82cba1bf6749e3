"""A field exception may pause an order's SLA clock (the rules say which kinds do): a pause reason of its own

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None

REASONS_NEW = "reason IN ('customer_not_ready', 'customer_postponed', 'field_exception')"
REASONS_OLD = "reason IN ('customer_not_ready', 'customer_postponed')"


def _reasons(check: str) -> None:
    name = op.f("ck_sla_pauses_pausereason")  # already the full name: no naming-convention prefix again
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("sla_pauses", recreate="always") as batch:
            batch.drop_constraint(name, type_="check")
            batch.create_check_constraint(name, check)
    else:
        op.drop_constraint(name, "sla_pauses", type_="check")
        op.create_check_constraint(name, "sla_pauses", check)


def upgrade() -> None:
    _reasons(REASONS_NEW)


def downgrade() -> None:
    # A pause a field exception started becomes what it was before the reason existed: the customer's.
    op.execute("UPDATE sla_pauses SET reason = 'customer_not_ready' WHERE reason = 'field_exception'")
    _reasons(REASONS_OLD)
