"""Quiet feed entries: a transaction may mark its changes as a machine's report (a technician's
position), which desks may get a few seconds later, gathered (central.gather)

The feed's trigger function reads the transaction's `dispatch.feed_quiet` setting (made by the
centre itself, `central.feed.quietly`) and marks its entries. Its notification says the
transaction's id, after "q" for a quiet one: a long poll that already holds something to answer is
not woken by a quiet one, and a poll woken by a change it cannot read yet (behind an older open
transaction) knows to read again until its cursor reaches that transaction.

Revision ID: 0024
Revises: 0023
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0024"
down_revision = "0023"
branch_labels = None
depends_on = None

RECORD_FUNCTION = """
CREATE OR REPLACE FUNCTION sync_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    quiet boolean := coalesce(current_setting('dispatch.feed_quiet', true), '') = 'on';
BEGIN
    INSERT INTO sync_changes (txid, seq, table_name, row_id, quiet)
        SELECT pg_current_xact_id()::text::bigint, nextval('sync_change_seq'), TG_TABLE_NAME, id, quiet FROM changed_rows;
    PERFORM pg_notify('sync_changes', CASE WHEN quiet THEN 'q' ELSE '' END || pg_current_xact_id()::text);
    RETURN NULL;
END $$
"""

LOUD_FUNCTION = """
CREATE OR REPLACE FUNCTION sync_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sync_changes (txid, seq, table_name, row_id)
        SELECT pg_current_xact_id()::text::bigint, nextval('sync_change_seq'), TG_TABLE_NAME, id FROM changed_rows;
    PERFORM pg_notify('sync_changes', '');
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    with op.batch_alter_table("sync_changes", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quiet", sa.Boolean(), server_default=sa.false(), nullable=False))
    if op.get_bind().dialect.name == "postgresql":
        op.execute(RECORD_FUNCTION)


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(LOUD_FUNCTION)
    with op.batch_alter_table("sync_changes", schema=None) as batch_op:
        batch_op.drop_column("quiet")
