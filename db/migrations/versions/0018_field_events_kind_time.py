"""The newest field events of a kind, read in order: the desk's field view lists the latest
check-ins, exceptions, tests and surveys without sorting every event of the kind

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0018"
down_revision = "0017"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_field_events_kind_time", "field_events", ["kind", "occurred_at"])


def downgrade() -> None:
    op.drop_index("ix_field_events_kind_time", table_name="field_events")
