"""The outbox carries operations: the action a desk took (name, arguments, versions it saw), pushed
instead of its rows; a conflict keeps it, to run again when the dispatcher re-applies it

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0015"
down_revision = "0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Entries saved before (rows, no operation) are not pushed: the desk turns each into a conflict
    # to redo (console.sync.worker), since the centre no longer takes rows.
    with op.batch_alter_table("sync_outbox") as batch:
        batch.add_column(sa.Column("operation", sa.JSON(), nullable=True))
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.add_column(sa.Column("operation", sa.JSON(), nullable=True))
    with op.batch_alter_table("sync_mutations") as batch:  # the centre's: the rows an applied one wrote, for a retry's answer
        batch.add_column(sa.Column("touched", sa.JSON(), nullable=True))
        batch.add_column(sa.Column("partly", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("sync_mutations") as batch:
        batch.drop_column("partly")
        batch.drop_column("touched")
    with op.batch_alter_table("sync_conflicts") as batch:
        batch.drop_column("operation")
    with op.batch_alter_table("sync_outbox") as batch:
        batch.drop_column("operation")
