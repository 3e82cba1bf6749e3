"""The supervisor's working calendar: override days, official schedules, and what they move.

Every change is audited and recomputes the deadlines of the open orders whose limits run in
business time, in the same unit of work.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from console.core.changes import Changes
from console.core.domain.calendar import BusinessCalendar, Coverage
from console.core.domain.enums import OPEN_STATUSES
from console.core.domain.roles import may_supervise
from console.core.operations import operation
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import CalendarOverride, CalendarYear, WorkOrder, touch
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, load_rulebook
from console.core.store.sla_cache import refresh_sla


class NotAllowed(PermissionError):
    """The desk's user may not do this; the message says who may."""


@dataclass(frozen=True)
class OverrideRow:
    day: date
    is_working: bool
    note: str


@dataclass(frozen=True)
class YearView:
    year: int
    coverage: Coverage
    holidays: tuple[date, ...]
    make_up_days: tuple[date, ...]
    overrides: tuple[OverrideRow, ...]


class CalendarAdmin:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    def year(self, year: int) -> YearView:
        with self._database.reading() as session:
            calendar = load_calendar(session)
            overrides = session.scalars(
                select(CalendarOverride)
                .where(CalendarOverride.deleted.is_(False), CalendarOverride.day >= date(year, 1, 1), CalendarOverride.day <= date(year, 12, 31))
                .order_by(CalendarOverride.day)
            ).all()
        first, last = date(year, 1, 1), date(year, 12, 31)
        return YearView(
            year, calendar.coverage(year), tuple(calendar.holidays_between(first, last)),
            tuple(calendar.make_up_days_between(first, last)),
            tuple(OverrideRow(o.day, o.is_working, o.note) for o in overrides),
        )

    @operation("calendar.set_day")
    def set_day(self, day: date, is_working: bool, note: str) -> Changes:
        """Make `day` a working day or a day off, whatever the holiday library says."""
        self._check_allowed()
        _check_year(day.year)
        with self._database.unit_of_work() as session:
            now = self._clock()
            row = session.scalars(select(CalendarOverride).where(CalendarOverride.day == day)).first()
            before = None if row is None or row.deleted else {"is_working": row.is_working, "note": row.note}
            if row is None:
                row = CalendarOverride(day=day, is_working=is_working, note=note.strip())
                session.add(row)
            else:
                row.is_working, row.note, row.deleted = is_working, note.strip(), False
                touch(row, now)
            session.flush()
            self._audit(session, now, "calendar.day_set", row.id, before, {"day": day.isoformat(), "is_working": is_working, "note": note.strip()}, note)
            return self._recompute(session, now)

    @operation("calendar.clear_day")
    def clear_day(self, day: date) -> Changes:
        """Remove the override: the day follows the holiday library again."""
        self._check_allowed()
        _check_year(day.year)
        with self._database.unit_of_work() as session:
            now = self._clock()
            row = session.scalars(select(CalendarOverride).where(CalendarOverride.day == day, CalendarOverride.deleted.is_(False))).first()
            if row is None:
                return Changes()
            row.deleted = True
            touch(row, now)
            self._audit(session, now, "calendar.day_cleared", row.id, {"day": day.isoformat(), "is_working": row.is_working}, None, "")
            return self._recompute(session, now)

    @operation("calendar.mark_official")
    def mark_official(self, year: int, source: str) -> Changes:
        """Record that `year`'s official schedule (holidays and make-up days) is entered."""
        self._check_allowed()
        _check_year(year)
        if not source.strip():
            raise ValueError("say where the schedule comes from (e.g. the State Council's notice and its date)")
        with self._database.unit_of_work() as session:
            now = self._clock()
            row = session.scalars(select(CalendarYear).where(CalendarYear.year == year)).first()
            if row is None:
                row = CalendarYear(year=year, source=source.strip(), imported_at=now, imported_by=self._user.id)
                session.add(row)
            else:
                row.source, row.imported_at, row.imported_by, row.deleted = source.strip(), now, self._user.id, False
                touch(row, now)
            session.flush()
            self._audit(session, now, "calendar.year_official", row.id, None, {"year": year, "source": source.strip()}, source)
            return Changes(everything=True)

    # --- helpers ------------------------------------------------------------------------------

    def _check_allowed(self) -> None:
        if not may_supervise(self._user.role):
            raise NotAllowed("only a shift supervisor or an administrator may change the working calendar")

    def _audit(self, session: Session, now: datetime, action: str, entity_id: uuid.UUID, before, after, reason: str) -> None:
        audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=action, entity="calendar",
                     entity_id=entity_id, order_id=None, before=before, after=after, reason=reason.strip())

    def _recompute(self, session: Session, now: datetime) -> Changes:
        """Deadlines in business time move with the calendar: recompute every open one."""
        session.flush()
        ids = set(session.scalars(
            select(WorkOrder.id).where(WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.deleted.is_(False), WorkOrder.sla_business.is_(True))
        ))
        calendar: BusinessCalendar = load_calendar(session)
        refresh_sla(session, ids, load_rulebook(session), calendar, now)
        return Changes(orders=frozenset(ids), everything=True)


def _check_year(year: int) -> None:
    """The calendar covers the years a work order can fall in, not any date a form or a desk sends."""
    if not 2000 <= year <= 2100:
        raise ValueError(f"the calendar covers the years 2000 to 2100, not {year}")
