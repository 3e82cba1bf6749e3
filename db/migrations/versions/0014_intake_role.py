"""An intake role for the upstream order system's account (least privilege: it was an administrator)

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

revision = "0014"
down_revision = "0013"
branch_labels = None
depends_on = None

ROLES_NEW = "role IN ('dispatcher', 'supervisor', 'admin', 'technician', 'intake')"
ROLES_OLD = "role IN ('dispatcher', 'supervisor', 'admin', 'technician')"


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


def downgrade() -> None:
    op.execute("DELETE FROM api_tokens WHERE user_id IN (SELECT id FROM users WHERE role = 'intake')")
    op.execute("DELETE FROM login_attempts WHERE username IN (SELECT username FROM users WHERE role = 'intake')")
    op.execute("DELETE FROM users WHERE role = 'intake'")
    _roles(ROLES_OLD)
