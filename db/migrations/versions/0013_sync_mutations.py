"""The digest of every mutation the centre took from a desk: a retry must be the same mutation

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0013"
down_revision = "0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_mutations",
        sa.Column("desk_id", sa.String(length=64), nullable=False),
        sa.Column("mutation", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("desk_id", "mutation", name=op.f("pk_sync_mutations")),
    )
    op.create_index(op.f("ix_sync_mutations_at"), "sync_mutations", ["at"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_sync_mutations_at"), table_name="sync_mutations")
    op.drop_table("sync_mutations")
