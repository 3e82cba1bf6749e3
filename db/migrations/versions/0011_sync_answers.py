"""The desk's outbox indexed by the rows it changes; a refusal's case and particulars kept with it
(at the centre, for a retry's answer; at the desk, in its conflicts) so the desk says it in its language

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-03
"""

from __future__ import annotations

import json

import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('sync_outbox_rows',
    sa.Column('row_id', sa.String(length=32), nullable=False),
    sa.Column('mutation', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['mutation'], ['sync_outbox.mutation'], name=op.f('fk_sync_outbox_rows_mutation_sync_outbox'),
                            ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('row_id', 'mutation', name=op.f('pk_sync_outbox_rows'))
    )
    op.create_index(op.f('ix_sync_outbox_rows_mutation'), 'sync_outbox_rows', ['mutation'], unique=False)
    for table in ('sync_refusals', 'sync_conflicts'):
        with op.batch_alter_table(table) as batch:
            batch.add_column(sa.Column('code', sa.String(length=32), nullable=False, server_default=''))
            batch.add_column(sa.Column('args', sa.JSON(), nullable=True))
    # what already waits in a desk's outbox (the centre's is empty)
    bind = op.get_bind()
    rows = [{"row_id": row_id, "mutation": mutation}
            for mutation, changes in bind.execute(sa.text("SELECT mutation, changes FROM sync_outbox"))
            for row_id in dict.fromkeys(c["id"] for c in (json.loads(changes) if isinstance(changes, str) else changes))]
    if rows:
        bind.execute(sa.text("INSERT INTO sync_outbox_rows (row_id, mutation) VALUES (:row_id, :mutation)"), rows)


def downgrade() -> None:
    for table in ('sync_refusals', 'sync_conflicts'):
        with op.batch_alter_table(table) as batch:
            batch.drop_column('args')
            batch.drop_column('code')
    op.drop_index(op.f('ix_sync_outbox_rows_mutation'), table_name='sync_outbox_rows')
    op.drop_table('sync_outbox_rows')
