"""Sync: the desk's outbox and conflicts; the centre's change feed (triggers on PostgreSQL),
desks' last mutations, refusals, and claims on orders

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-02
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None

# Every replicated table: a write to one of them is an entry of the change feed.
FEED_TABLES = (
    "regions", "districts", "customers", "sites", "services", "technicians", "shifts", "users",
    "sla_rules", "rule_parameters", "calendar_overrides", "calendar_years", "work_orders", "order_steps",
    "sla_pauses", "appointments", "appointment_orders", "appointment_changes", "field_events", "audit_log",
    "order_claims",
)

# Statement-level triggers with transition tables: one INSERT ... SELECT per statement, so a
# bulk recompute of 100,000 deadlines costs one statement here, not 100,000. The transaction id
# is the feed's first ordering key; pg_notify wakes the long-polling readers at commit
# (PostgreSQL folds identical notifications of one transaction into one).
RECORD_FUNCTION = """
CREATE FUNCTION sync_record_changes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO sync_changes (txid, seq, table_name, row_id)
        SELECT pg_current_xact_id()::text::bigint, nextval('sync_change_seq'), TG_TABLE_NAME, id FROM changed_rows;
    PERFORM pg_notify('sync_changes', '');
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    op.create_table('sync_changes',
    sa.Column('txid', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('seq', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.Uuid(), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
    sa.PrimaryKeyConstraint('txid', 'seq', name=op.f('pk_sync_changes'))
    )
    with op.batch_alter_table('sync_changes', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sync_changes_at'), ['at'], unique=False)
    op.create_table('sync_feed_floor',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('txid', sa.BigInteger(), nullable=False),
    sa.Column('seq', sa.BigInteger(), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_feed_floor'))
    )
    op.create_table('sync_conflicts',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('mutation', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('refused_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('summary', sa.String(length=200), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('order_id', sa.Uuid(), nullable=True),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('theirs', sa.JSON(), nullable=False),
    sa.Column('resolved_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('resolution', sa.String(length=16), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sync_conflicts'))
    )
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.create_index('ix_sync_conflicts_open', ['resolved_at'], unique=False)

    op.create_table('sync_outbox',
    sa.Column('mutation', sa.Integer(), autoincrement=True, nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('summary', sa.String(length=200), nullable=False),
    sa.Column('changes', sa.JSON(), nullable=False),
    sa.Column('attempts', sa.Integer(), nullable=False),
    sa.PrimaryKeyConstraint('mutation', name=op.f('pk_sync_outbox')),
    sqlite_autoincrement=True,  # never reuse a number, even when the outbox is empty
    )
    op.create_table('sync_shadows',
    sa.Column('table_name', sa.String(length=64), nullable=False),
    sa.Column('row_id', sa.String(length=32), nullable=False),
    sa.Column('row', sa.JSON(), nullable=True),
    sa.PrimaryKeyConstraint('table_name', 'row_id', name=op.f('pk_sync_shadows'))
    )
    op.create_table('sync_refusals',
    sa.Column('desk_id', sa.String(length=64), nullable=False),
    sa.Column('mutation', sa.BigInteger(), autoincrement=False, nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('reason', sa.Text(), nullable=False),
    sa.Column('theirs', sa.JSON(), nullable=False),
    sa.PrimaryKeyConstraint('desk_id', 'mutation', name=op.f('pk_sync_refusals'))
    )
    op.create_table('sync_desks',
    sa.Column('desk_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('last_mutation', sa.BigInteger(), nullable=False),
    sa.Column('last_seen_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_sync_desks_user_id_users')),
    sa.PrimaryKeyConstraint('desk_id', name=op.f('pk_sync_desks'))
    )
    op.create_table('order_claims',
    sa.Column('order_id', sa.Uuid(), nullable=False),
    sa.Column('desk_id', sa.String(length=64), nullable=False),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('holder', sa.String(length=64), nullable=False),
    sa.Column('claimed_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('expires_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('deleted', sa.Boolean(), server_default=sa.false(), nullable=False),
    sa.ForeignKeyConstraint(['order_id'], ['work_orders.id'], name=op.f('fk_order_claims_order_id_work_orders')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_order_claims_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_order_claims')),
    sa.UniqueConstraint('order_id', 'desk_id', name=op.f('uq_order_claims_order_id_desk_id'))
    )
    with op.batch_alter_table('order_claims', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_order_claims_expires_at'), ['expires_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_order_claims_order_id'), ['order_id'], unique=False)

    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE sync_change_seq")
        op.execute(RECORD_FUNCTION)
        for table in FEED_TABLES:
            for event in ("INSERT", "UPDATE"):
                op.execute(f"CREATE TRIGGER sync_{event.lower()} AFTER {event} ON {table} "
                           f"REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sync_record_changes()")
        # the rows that exist before sync started are in the snapshot a new desk downloads



def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in FEED_TABLES:
            for event in ("insert", "update"):
                op.execute(f"DROP TRIGGER sync_{event} ON {table}")
        op.execute("DROP FUNCTION sync_record_changes()")
        op.execute("DROP SEQUENCE sync_change_seq")
    with op.batch_alter_table('order_claims', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_order_claims_order_id'))
        batch_op.drop_index(batch_op.f('ix_order_claims_expires_at'))

    op.drop_table('order_claims')
    op.drop_table('sync_desks')
    op.drop_table('sync_refusals')
    op.drop_table('sync_shadows')
    op.drop_table('sync_outbox')
    with op.batch_alter_table('sync_conflicts', schema=None) as batch_op:
        batch_op.drop_index('ix_sync_conflicts_open')

    op.drop_table('sync_conflicts')
    op.drop_table('sync_feed_floor')
    with op.batch_alter_table('sync_changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sync_changes_at'))
    op.drop_table('sync_changes')
