"""Declarative base, naming convention and the column types every table shares."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, DateTime, Enum, Integer, MetaData, TypeDecorator, Uuid, event, false
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from console.core.ids import new_id

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(UTC)


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC instant on every engine; SQLite would otherwise hand back naive values."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError(f"naive datetime {value!r} given where a UTC instant is stored")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def enum_type(enum_cls: type[StrEnum]) -> Enum:
    """A portable enum column stored by value with a CHECK constraint (no native PostgreSQL type)."""
    return Enum(
        enum_cls,
        name=enum_cls.__name__.lower(),
        native_enum=False,
        create_constraint=True,
        length=max(len(m.value) for m in enum_cls) + 8,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {datetime: UtcDateTime(), dict[str, Any]: JSON(), list[str]: JSON(), uuid.UUID: Uuid()}


@event.listens_for(Base, "init", propagate=True)
def _id_when_made(target: Any, _args: tuple, kwargs: dict[str, Any]) -> None:
    """A row an operation makes takes its id when it is made, in the order the code makes rows (the
    same at the desk and at the centre), not when it is flushed (in an order of tables that differs
    from one process to another)."""
    if getattr(target, "ids_from_operation", False) and kwargs.get("id") is None:
        kwargs["id"] = new_id()


class Synced:
    """Columns every replicated row carries: a client-made UUID, a version, a UTC stamp, a tombstone."""

    ids_from_operation = True  # console.core.ids
    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    version: Mapped[int] = mapped_column(Integer, default=1, nullable=False)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow, nullable=False)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false(), nullable=False)


def touch(row: Synced, now: datetime) -> None:
    """A replicated row an action changed: its version one up and its stamp the action's time
    (without it the ORM would stamp the wall clock on update). The desk's outbox capture sends
    the raised version and keeps the stamp from before the change for the shadow."""
    row.version += 1
    row.updated_at = now
