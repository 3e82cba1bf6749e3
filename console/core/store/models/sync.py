"""Sync bookkeeping: the desk's outbox and conflicts; the centre's change feed, desks and claims.

One schema serves both ends: the desk's tables are empty at the centre and the centre's at a desk
(except `order_claims`, which the feed replicates so every desk sees who holds an order).
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, Text, UniqueConstraint, false, func
from sqlalchemy.orm import Mapped, mapped_column

from console.core.store.models.base import Base, Synced


class SyncOutbox(Base):
    """A desk's saved change waiting for the centre: one user action, written in the same
    transaction as the change itself. `mutation` is the desk's own running number."""

    __tablename__ = "sync_outbox"
    __table_args__ = {"sqlite_autoincrement": True}  # a number is never reused, even when the outbox is empty
    mutation: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime]
    user_id: Mapped[uuid.UUID | None] = mapped_column()
    summary: Mapped[str] = mapped_column(String(200), default="")  # the audit actions, for the status and panel
    changes: Mapped[list[Any]] = mapped_column(JSON)  # [{table, id, op, base_version, values, before}]
    # what is pushed: {name, id, args, expected, seen} (console.core.operations); None if saved before operations
    operation: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)
    attempts: Mapped[int] = mapped_column(Integer, default=0)


class SyncOutboxRow(Base):
    """Which rows an outbox entry changes (ids are unique across tables): the entries waiting on a
    row are found by index when the centre answers, not by reading every entry's JSON."""

    __tablename__ = "sync_outbox_rows"
    row_id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the id as stored (32 hex digits)
    mutation: Mapped[int] = mapped_column(ForeignKey("sync_outbox.mutation", ondelete="CASCADE"), primary_key=True, index=True)


class SyncConflict(Base):
    """A change of this desk the centre refused (a stale version on a contested field): kept
    until the dispatcher re-applies it on top of the current version or drops it."""

    __tablename__ = "sync_conflicts"
    __table_args__ = (Index("ix_sync_conflicts_open", "resolved_at"),)
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=uuid.uuid4)
    mutation: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime]  # when the desk saved it
    refused_at: Mapped[datetime]
    user_id: Mapped[uuid.UUID | None] = mapped_column()
    summary: Mapped[str] = mapped_column(String(200), default="")
    reason: Mapped[str] = mapped_column(Text)  # the centre's words (English)
    code: Mapped[str] = mapped_column(String(32), default="")  # their case (MutationResult.code), shown translated
    args: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    order_id: Mapped[uuid.UUID | None] = mapped_column()
    changes: Mapped[list[Any]] = mapped_column(JSON)  # mine: the refused mutation's changes
    theirs: Mapped[dict[str, Any]] = mapped_column(JSON)  # {table: {id: {column: value}}} as the centre had them
    operation: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # the action, run again to re-apply it
    resolved_at: Mapped[datetime | None]
    resolution: Mapped[str] = mapped_column(String(16), default="")  # reapplied | dropped


class SyncChange(Base):
    """The centre's change feed: one entry per written row, ordered by (txid, seq). Triggers on
    PostgreSQL fill it; a reader takes only entries of transactions older than the oldest one
    still open, so a transaction that commits late is never skipped."""

    __tablename__ = "sync_changes"
    txid: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    table_name: Mapped[str] = mapped_column(String(64))
    row_id: Mapped[uuid.UUID] = mapped_column()
    at: Mapped[datetime] = mapped_column(server_default=func.now(), index=True)  # the writing transaction's start
    quiet: Mapped[bool] = mapped_column(server_default=false())  # a machine's report (a position): desks may get it a little later


class SyncFeedFloor(Base):
    """How far the centre has pruned its feed (one row): a desk whose cursor is below it has been
    away longer than the feed is kept and downloads a new snapshot."""

    __tablename__ = "sync_feed_floor"
    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    txid: Mapped[int] = mapped_column(BigInteger)
    seq: Mapped[int] = mapped_column(BigInteger)


class SyncDesk(Base):
    """The last mutation the centre applied for a desk, written in the same transaction as the
    mutation: a retried batch never applies twice."""

    __tablename__ = "sync_desks"
    desk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    last_mutation: Mapped[int] = mapped_column(BigInteger, default=0)
    last_seen_at: Mapped[datetime]


class SyncRefusal(Base):
    """A mutation the centre refused, so that a retry of its batch gets the same answer."""

    __tablename__ = "sync_refusals"
    desk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mutation: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    at: Mapped[datetime]
    reason: Mapped[str] = mapped_column(Text)
    code: Mapped[str] = mapped_column(String(32), default="")  # the reason's case, for the desk's language
    args: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    theirs: Mapped[dict[str, Any]] = mapped_column(JSON)


class SyncMutation(Base):
    """What the centre took from a desk under each of its mutation numbers (applied or refused),
    as a digest: a retry must be the same mutation, and a number used again for another change
    (a desk restored from a backup) is told so instead of being answered for the first one."""

    __tablename__ = "sync_mutations"
    desk_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    mutation: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    digest: Mapped[str] = mapped_column(String(64))
    at: Mapped[datetime] = mapped_column(index=True)
    touched: Mapped[list[Any] | None] = mapped_column(JSON, default=None)  # applied: [[table, id], ...], a retry's answer
    partly: Mapped[dict[str, Any] | None] = mapped_column(JSON, default=None)  # applied: orders the rules refused within it


class OrderClaim(Synced, Base):
    """A dispatcher has an order open for editing: other desks are warned until it expires."""

    __tablename__ = "order_claims"
    __table_args__ = (UniqueConstraint("order_id", "desk_id"),)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("work_orders.id"), index=True)
    desk_id: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("users.id"))
    holder: Mapped[str] = mapped_column(String(64))  # the display name, shown as is
    claimed_at: Mapped[datetime]
    expires_at: Mapped[datetime] = mapped_column(index=True)


class SyncShadow(Base):
    """The centre's state of a row this desk has changed and the centre has not yet answered for
    (wire values; `row` is null for a row the desk created). Pulled rows update the shadow and the
    desk's pending changes are laid over it again; a refused change is undone from it."""

    __tablename__ = "sync_shadows"
    table_name: Mapped[str] = mapped_column(String(64), primary_key=True)
    row_id: Mapped[str] = mapped_column(String(32), primary_key=True)  # the id as stored (32 hex digits)
    row: Mapped[dict[str, Any] | None] = mapped_column(JSON)
