"""The shift handover (交接班): one signed handover per region and shift, its contents as drafted at
signing, acknowledged once by the incoming supervisor; on the centre's change feed

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-05
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0021"
down_revision = "0020"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "handovers",
        sa.Column("region_id", sa.Uuid(), nullable=False),
        sa.Column("shift_start", sa.DateTime(timezone=True), nullable=False),
        sa.Column("shift_end", sa.DateTime(timezone=True), nullable=False),
        sa.Column("contents", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("signed_by", sa.Uuid(), nullable=False),
        sa.Column("signed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("acknowledged_by", sa.Uuid(), nullable=True),
        sa.Column("acknowledged_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("acknowledgement_note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint("shift_end > shift_start", name=op.f("ck_handovers_shift_ends_after_start")),
        sa.CheckConstraint("(acknowledged_at IS NULL) = (acknowledged_by IS NULL)", name=op.f("ck_handovers_acknowledged_with_whom")),
        sa.ForeignKeyConstraint(["region_id"], ["regions.id"], name=op.f("fk_handovers_region_id_regions")),
        sa.ForeignKeyConstraint(["signed_by"], ["users.id"], name=op.f("fk_handovers_signed_by_users")),
        sa.ForeignKeyConstraint(["acknowledged_by"], ["users.id"], name=op.f("fk_handovers_acknowledged_by_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_handovers")),
        sa.UniqueConstraint("region_id", "shift_start", name=op.f("uq_handovers_region_id_shift_start")),
    )
    op.create_index(op.f("ix_handovers_region_id"), "handovers", ["region_id"], unique=False)
    op.create_index(op.f("ix_handovers_shift_start"), "handovers", ["shift_start"], unique=False)
    if op.get_bind().dialect.name == "postgresql":  # on the centre's change feed (0010)
        for event in ("INSERT", "UPDATE"):
            op.execute(f"CREATE TRIGGER sync_{event.lower()} AFTER {event} ON handovers "
                       f"REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sync_record_changes()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER sync_{event} ON handovers")
    op.drop_index(op.f("ix_handovers_shift_start"), table_name="handovers")
    op.drop_index(op.f("ix_handovers_region_id"), table_name="handovers")
    op.drop_table("handovers")
