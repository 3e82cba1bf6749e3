"""The monthly operational analysis report marked sent: one row per region and month, who and when
the centre's; on the centre's change feed

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0022"
down_revision = "0021"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "report_sends",
        sa.Column("region_id", sa.Uuid(), nullable=False),
        sa.Column("month", sa.Date(), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_by", sa.Uuid(), nullable=False),
        sa.Column("note", sa.String(500), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name=op.f("fk_report_sends_region_id_regions")),
        sa.ForeignKeyConstraint(["sent_by"], ["users.id"], name=op.f("fk_report_sends_sent_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_report_sends")),
        sa.UniqueConstraint("region_id", "month", name=op.f("uq_report_sends_region_id_month")),
    )
    op.create_index(op.f("ix_report_sends_region_id"), "report_sends", ["region_id"], unique=False)
    if op.get_bind().dialect.name == "postgresql":  # on the centre's change feed (0010)
        for event in ("INSERT", "UPDATE"):
            op.execute(f"CREATE TRIGGER sync_{event.lower()} AFTER {event} ON report_sends "
                       f"REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sync_record_changes()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER sync_{event} ON report_sends")
    op.drop_index(op.f("ix_report_sends_region_id"), table_name="report_sends")
    op.drop_table("report_sends")
