"""Satisfaction callbacks (回访): one task per dissatisfied survey answer, with the call, the remedy
(整改) and its closure; the answers already stored get theirs (due `callbacks.due_hours` after the
answer reached the centre, with the id that answer's task takes everywhere: the centre and each
desk's file make the same rows)

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-05
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from alembic import op

revision = "0020"
down_revision = "0019"
branch_labels = None
depends_on = None

NAMESPACE = uuid.UUID("6b1f3c2e-5d0a-4c8e-9a57-0c2d8f1e4b31")  # console.core.store.models.callbacks.CALLBACK_NAMESPACE
DEFAULT_DUE_HOURS = 24.0
BATCH = 2000


def _user(column: str) -> sa.Column:
    return sa.Column(column, sa.Uuid(), sa.ForeignKey("users.id", name=op.f(f"fk_callbacks_{column}_users")), nullable=True)


def _create() -> None:
    op.create_table(
        "callbacks",
        sa.Column("field_event_id", sa.Uuid(), nullable=False),
        sa.Column("order_id", sa.Uuid(), nullable=False),
        sa.Column("due_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("state", sa.Enum("open", "called", "closed", name="callbackstate", native_enum=False, create_constraint=True,
                                   length=14), nullable=False),
        _user("caller_id"),
        sa.Column("attempts", sa.Integer(), server_default=sa.text("0"), nullable=False),
        sa.Column("called_at", sa.DateTime(timezone=True), nullable=True),
        _user("called_by"),
        sa.Column("outcome", sa.Enum("reached", "not_reached", "refused", name="callbackoutcome", native_enum=False,
                                     create_constraint=True, length=19), nullable=True),
        sa.Column("call_note", sa.Text(), nullable=False),
        sa.Column("remedy", sa.Text(), nullable=False),
        sa.Column("remedy_at", sa.DateTime(timezone=True), nullable=True),
        _user("remedy_by"),
        sa.Column("closed_at", sa.DateTime(timezone=True), nullable=True),
        _user("closed_by"),
        sa.Column("closing_note", sa.Text(), nullable=False),
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("deleted", sa.Boolean(), server_default=sa.false(), nullable=False),
        sa.CheckConstraint("state != 'closed' OR closed_at IS NOT NULL", name=op.f("ck_callbacks_closed_has_time")),
        sa.CheckConstraint("attempts >= 0", name=op.f("ck_callbacks_attempts_not_negative")),
        sa.ForeignKeyConstraint(["field_event_id"], ["field_events.id"], name=op.f("fk_callbacks_field_event_id_field_events")),
        sa.ForeignKeyConstraint(["order_id"], ["work_orders.id"], name=op.f("fk_callbacks_order_id_work_orders")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_callbacks")),
        sa.UniqueConstraint("field_event_id", name=op.f("uq_callbacks_field_event_id")),
    )
    op.create_index("ix_callbacks_open_due", "callbacks", ["state", "due_at"], unique=False)
    op.create_index(op.f("ix_callbacks_order_id"), "callbacks", ["order_id"], unique=False)


def _due_hours(conn: sa.Connection) -> float:
    params = sa.table("rule_parameters", sa.column("key", sa.String), sa.column("value", sa.JSON), sa.column("deleted", sa.Boolean))
    value = conn.execute(sa.select(params.c.value).where(params.c.key == "callbacks.due_hours", params.c.deleted.is_(False))).scalar()
    try:
        hours = float((value or {}).get("value", DEFAULT_DUE_HOURS))
    except (TypeError, ValueError, AttributeError):
        return DEFAULT_DUE_HOURS
    return hours if 0 < hours <= 24 * 31 else DEFAULT_DUE_HOURS


def _aware(at: datetime) -> datetime:
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def _tasks_for_stored_answers() -> None:
    """Every dissatisfied answer already stored gets its open callback (100 % callback from the start)."""
    conn = op.get_bind()
    events = sa.table("field_events", sa.column("id", sa.Uuid), sa.column("order_id", sa.Uuid), sa.column("kind", sa.String),
                      sa.column("rating", sa.String), sa.column("received_at", sa.DateTime(timezone=True)),
                      sa.column("deleted", sa.Boolean))
    moment = sa.DateTime(timezone=True)
    tasks = sa.table("callbacks", sa.column("id", sa.Uuid), sa.column("field_event_id", sa.Uuid), sa.column("order_id", sa.Uuid),
                     sa.column("due_at", moment), sa.column("state", sa.String), sa.column("attempts", sa.Integer),
                     *(sa.column(c, sa.Text) for c in ("call_note", "remedy", "closing_note")), sa.column("version", sa.Integer),
                     sa.column("updated_at", moment), sa.column("deleted", sa.Boolean))
    hours, now = timedelta(hours=_due_hours(conn)), datetime.now(UTC)
    if conn.dialect.name == "sqlite":  # (stored naive, as the models' UtcDateTime writes them there)
        now = now.replace(tzinfo=None)
    rows = conn.execute(sa.select(events.c.id, events.c.order_id, events.c.received_at)
                        .where(events.c.kind == "satisfaction", events.c.rating == "dissatisfied", events.c.deleted.is_(False))).all()
    values = []
    for event_id, order_id, received in rows:
        due = _aware(received) + hours
        values.append({"id": uuid.uuid5(NAMESPACE, event_id.hex), "field_event_id": event_id, "order_id": order_id,
                       "due_at": due.replace(tzinfo=None) if conn.dialect.name == "sqlite" else due, "state": "open",
                       "attempts": 0, "call_note": "", "remedy": "", "closing_note": "", "version": 1, "updated_at": now,
                       "deleted": False})
    for start in range(0, len(values), BATCH):
        conn.execute(sa.insert(tasks), values[start : start + BATCH])


def upgrade() -> None:
    _create()
    if op.get_bind().dialect.name == "postgresql":  # on the centre's change feed (0010), before its first rows
        for event in ("INSERT", "UPDATE"):
            op.execute(f"CREATE TRIGGER sync_{event.lower()} AFTER {event} ON callbacks "
                       f"REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION sync_record_changes()")
    _tasks_for_stored_answers()


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for event in ("insert", "update"):
            op.execute(f"DROP TRIGGER sync_{event} ON callbacks")
    op.drop_index(op.f("ix_callbacks_order_id"), table_name="callbacks")
    op.drop_index("ix_callbacks_open_due", table_name="callbacks")
    op.drop_table("callbacks")
