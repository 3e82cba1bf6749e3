"""Planning appointments: the visit's planned start and duration, locked bookings, moves with overrides

Revision ID: 0009
Revises: 0008
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

KINDS_OLD = ("booked", "confirmed", "rescheduled", "reconfirmed", "cancelled", "merged")
KINDS_NEW = KINDS_OLD + ("moved", "locked", "unlocked")


def _kinds(kinds: tuple[str, ...]) -> None:
    name = op.f("ck_appointment_changes_appointmentchangekind")
    check = "kind IN ({})".format(", ".join(f"'{k}'" for k in kinds))
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("appointment_changes", recreate="always") as batch:
            batch.drop_constraint(name, type_="check")
            batch.create_check_constraint(name, check)
    else:
        op.drop_constraint(name, "appointment_changes", type_="check")
        op.create_check_constraint(name, "appointment_changes", check)


def upgrade() -> None:
    with op.batch_alter_table("appointments") as batch:
        batch.add_column(sa.Column("planned_start", sa.DateTime(timezone=True), nullable=True))
        batch.add_column(sa.Column("duration_minutes", sa.Integer(), nullable=False, server_default="90"))
        batch.add_column(sa.Column("locked", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.create_check_constraint(op.f("ck_appointments_duration_range"), "duration_minutes BETWEEN 5 AND 1440")
    op.create_index(op.f("ix_appointments_planned_start"), "appointments", ["planned_start"])
    _kinds(KINDS_NEW)
    with op.batch_alter_table("appointment_changes") as batch:
        batch.add_column(sa.Column("old_technician_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("new_technician_id", sa.Uuid(), nullable=True))
        batch.add_column(sa.Column("overrides", sa.JSON(), nullable=False, server_default="[]"))
        batch.create_foreign_key(op.f("fk_appointment_changes_old_technician_id_technicians"), "technicians", ["old_technician_id"], ["id"])
        batch.create_foreign_key(op.f("fk_appointment_changes_new_technician_id_technicians"), "technicians", ["new_technician_id"], ["id"])
    # Visits booked before planning existed start at their window's start.
    op.execute("UPDATE appointments SET planned_start = window_start WHERE planned_start IS NULL")


def downgrade() -> None:
    with op.batch_alter_table("appointment_changes") as batch:
        batch.drop_constraint(op.f("fk_appointment_changes_new_technician_id_technicians"), type_="foreignkey")
        batch.drop_constraint(op.f("fk_appointment_changes_old_technician_id_technicians"), type_="foreignkey")
        batch.drop_column("overrides")
        batch.drop_column("new_technician_id")
        batch.drop_column("old_technician_id")
    op.execute("DELETE FROM appointment_changes WHERE kind IN ('moved', 'locked', 'unlocked')")
    _kinds(KINDS_OLD)
    op.drop_index(op.f("ix_appointments_planned_start"), "appointments")
    with op.batch_alter_table("appointments") as batch:
        batch.drop_constraint(op.f("ck_appointments_duration_range"), type_="check")
        batch.drop_column("locked")
        batch.drop_column("duration_minutes")
        batch.drop_column("planned_start")
