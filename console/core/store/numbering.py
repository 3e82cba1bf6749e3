"""Order numbers from the daily serials table: one number per call, never twice."""

from __future__ import annotations

from datetime import date

from sqlalchemy import bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.core.domain.enums import OrderKind
from console.core.domain.order_number import MAX_DAILY_SERIAL, OrderNumber
from console.core.store.models import NumberSequence, WorkOrder

PROVISIONAL_FROM = 900_000  # a desk's own numbers count down from the top: the centre's count up from 1
# The next serial of a (kind, day), built once (every order taken runs it)
_NEXT_SERIAL = (update(NumberSequence)
                .where(NumberSequence.kind == bindparam("of_kind"), NumberSequence.day == bindparam("of_day"))
                .values(last_serial=NumberSequence.last_serial + 1)
                .returning(NumberSequence.last_serial))


def next_order_number(session: Session, kind: OrderKind, day: date) -> OrderNumber:
    """The next serial of (kind, day), taken inside the caller's transaction: the row is updated
    (and so locked) until it commits, so two writers never get the same number."""
    for _attempt in range(3):
        # (on the transaction's connection: no ORM object holds a serial to keep in step)
        serial = session.connection().execute(_NEXT_SERIAL, {"of_kind": kind, "of_day": day}).scalar()
        if serial is not None:
            return OrderNumber(kind, day, serial)
        first = _highest_held(session, kind, day) + 1
        try:
            with session.begin_nested():
                session.execute(insert(NumberSequence).values(kind=kind, day=day, last_serial=first))
            return OrderNumber(kind, day, first)
        except IntegrityError:
            continue  # another writer created the day's row first: take the next serial
    raise RuntimeError(f"could not number a {kind.value} order for {day}")


def _highest_held(session: Session, kind: OrderKind, day: date) -> int:
    """The day's highest serial among the orders already held: a desk's file has the centre's
    orders but not its serials table, so an order the desk issues (a re-issue after a field
    exception) starts after them, not at 1 (the centre numbers it again when the action arrives)."""
    prefix = f"{kind.code}{day:%Y%m%d}"
    highest = session.scalar(select(func.max(WorkOrder.number)).where(WorkOrder.number.startswith(prefix, autoescape=True),
                                                                       WorkOrder.number < f"{prefix}{PROVISIONAL_FROM:06d}"))
    return OrderNumber.parse(highest).serial if highest else 0


def provisional_order_number(session: Session, kind: OrderKind, day: date) -> OrderNumber:
    """A number a desk gives an order it issues itself (a re-issue after a field exception) until
    the centre, running the action again, gives it its own: counted down from the day's top serial,
    so it never meets a number the centre issues meanwhile (arriving through the feed)."""
    prefix = f"{kind.code}{day:%Y%m%d}"
    lowest = session.scalar(select(func.min(WorkOrder.number)).where(WorkOrder.number.startswith(prefix, autoescape=True),
                                                                     WorkOrder.number >= f"{prefix}{PROVISIONAL_FROM:06d}"))
    return OrderNumber(kind, day, OrderNumber.parse(lowest).serial - 1 if lowest else MAX_DAILY_SERIAL)


def last_serial(session: Session, kind: OrderKind, day: date) -> int:
    return session.scalar(select(NumberSequence.last_serial).where(NumberSequence.kind == kind, NumberSequence.day == day)) or 0
