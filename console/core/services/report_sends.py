"""Whether a month's operational analysis report went out, and the reminder until it has: from the
1st of a month the previous month's report is due, by the 5th (seed 002); after the 5th it is
overdue. A supervisor marks a region's report sent (`reports.mark_sent`, synced: a row of
`report_sends` in that region, and an audit row); the centre runs it again as the token's user at
its own time, so who and when are the centre's."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.roles import may_supervise
from console.core.operations import operation
from console.core.services.calendar import NotAllowed
from console.core.services.monthly_report import month_span, previous_month
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import Region, ReportSend, User
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar

DUE_DAY = 5  # the report of a month is due by the 5th of the next (seed 002)
MAX_NOTE = 500
SENT_ACTION = "report.sent"


@dataclass(frozen=True)
class Sent:
    region_id: uuid.UUID
    month: date
    at: datetime
    by: str
    note: str


@dataclass(frozen=True)
class Reminder:
    """The previous month's report, not yet marked sent for these regions."""

    month: date
    due: date  # the 5th of this month
    overdue: bool  # past the 5th
    regions: tuple[tuple[uuid.UUID, str, str], ...]  # (id, name, English name)


class ReportSends:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    def sent(self, month: date) -> list[Sent]:
        """The regions whose report of `month` is marked sent (of the user's region, or every region)."""
        with self._database.reading() as session:
            query = (select(ReportSend.region_id, ReportSend.month, ReportSend.sent_at, User.display_name, ReportSend.note)
                     .outerjoin(User, User.id == ReportSend.sent_by)
                     .where(ReportSend.deleted.is_(False), ReportSend.month == month.replace(day=1)).order_by(ReportSend.sent_at))
            if self._user.region_id is not None:
                query = query.where(ReportSend.region_id == self._user.region_id)
            return [Sent(r, m, at, who or "", note) for r, m, at, who, note in session.execute(query)]

    def reminder(self) -> Reminder | None:
        """For a supervisor: the previous month's report while a region of theirs has not sent it (None otherwise)."""
        if not may_supervise(self._user.role):
            return None
        with self._database.reading() as session:
            today = self._clock().astimezone(load_calendar(session).zone).date()
            month = previous_month(today)
            query = select(Region.id, Region.name, Region.name_en).where(Region.deleted.is_(False)).order_by(Region.code)
            if self._user.region_id is not None:
                query = query.where(Region.id == self._user.region_id)
            regions = session.execute(query).all()
            done = set(session.scalars(select(ReportSend.region_id).where(ReportSend.deleted.is_(False), ReportSend.month == month)))
        waiting = tuple((i, n, e) for i, n, e in regions if i not in done)
        if not waiting:
            return None
        return Reminder(month, today.replace(day=DUE_DAY), today.day > DUE_DAY, waiting)

    @operation("reports.mark_sent")
    def mark_sent(self, region_id: uuid.UUID, month: date, note: str = "") -> Changes:
        """A supervisor's record that the region's report of `month` went out (once; a month that is over)."""
        if not may_supervise(self._user.role):
            raise NotAllowed("only a shift supervisor or an administrator marks the monthly report sent")
        if self._user.region_id is not None and region_id != self._user.region_id:
            raise NotAllowed("a supervisor marks only their own region's report sent")
        note = note.strip()
        if len(note) > MAX_NOTE:
            raise ValueError(f"note: at most {MAX_NOTE} characters")
        month = month.replace(day=1)
        with self._database.unit_of_work() as session:
            now = self._clock()
            if month_span(month, load_calendar(session).zone)[1] > now:
                raise ValueError(f"month: {month:%Y-%m} is not over yet; its report is sent in the month after")
            region = session.get(Region, region_id)
            if region is None or region.deleted:
                raise LookupError("region: no such region")
            if session.scalars(select(ReportSend.id).where(ReportSend.region_id == region_id, ReportSend.month == month)).first():
                raise ValueError(f"month: the report of {month:%Y-%m} is marked sent already")
            row = ReportSend(region_id=region_id, month=month, sent_at=now, sent_by=self._user.id, note=note)
            session.add(row)
            session.flush()
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=SENT_ACTION, entity="report_send",
                         entity_id=row.id, order_id=None, before=None,
                         after={"region_id": region_id.hex, "month": month.isoformat(), "note": note})
            return Changes()
