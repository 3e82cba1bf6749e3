"""Technicians' accounts for the field app: a technician role and the user's technician

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-22
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

ROLES_NEW = "role IN ('dispatcher', 'supervisor', 'admin', 'technician')"
ROLES_OLD = "role IN ('dispatcher', 'supervisor', 'admin')"


def _roles(check: str) -> None:
    name = op.f("ck_users_role")  # already the full name: no naming-convention prefix again
    if op.get_bind().dialect.name == "sqlite":
        with op.batch_alter_table("users", recreate="always") as batch:
            batch.drop_constraint(name, type_="check")
            batch.create_check_constraint(name, check)
    else:
        op.drop_constraint(name, "users", type_="check")
        op.create_check_constraint(name, "users", check)


def upgrade() -> None:
    _roles(ROLES_NEW)
    with op.batch_alter_table("users") as batch:
        batch.add_column(sa.Column("technician_id", sa.Uuid(), nullable=True))
        batch.create_foreign_key(op.f("fk_users_technician_id_technicians"), "technicians", ["technician_id"], ["id"])


def downgrade() -> None:
    with op.batch_alter_table("users") as batch:
        batch.drop_constraint(op.f("fk_users_technician_id_technicians"), type_="foreignkey")
        batch.drop_column("technician_id")
    op.execute("DELETE FROM users WHERE role = 'technician'")
    _roles(ROLES_OLD)
