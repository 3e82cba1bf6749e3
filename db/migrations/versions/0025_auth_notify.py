"""Changes to tokens, accounts and regions notify `dispatch_auth` (PostgreSQL only)

Each service instance keeps the accounts of the tokens it checked (`central.tokens`) while it
listens; a statement that updates or deletes a token, an account or a region tells every instance
to forget them.

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0025"
down_revision = "0024"
branch_labels = None
depends_on = None

TABLES = ("api_tokens", "users", "regions")

FUNCTION = """
CREATE FUNCTION dispatch_auth_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('dispatch_auth', '');
    RETURN NULL;
END $$
"""


def upgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(FUNCTION)
        for table in TABLES:
            op.execute(f"CREATE TRIGGER {table}_auth_changed AFTER UPDATE OR DELETE OR TRUNCATE ON {table} "
                       "FOR EACH STATEMENT EXECUTE FUNCTION dispatch_auth_changed()")


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in TABLES:
            op.execute(f"DROP TRIGGER {table}_auth_changed ON {table}")
        op.execute("DROP FUNCTION dispatch_auth_changed()")
