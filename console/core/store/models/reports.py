"""The monthly operational analysis report's sending (seed 002: due by the 5th of the next month)."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from console.core.store.models.base import Base, Synced


class ReportSend(Synced, Base):
    """A region's report of one month marked sent by a supervisor: who and when are the centre's
    (the operation `reports.mark_sent` run again as the token's user at the centre's time)."""

    __tablename__ = "report_sends"
    __table_args__ = (UniqueConstraint("region_id", "month"),)  # one sending per region and month
    region_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("regions.id"), index=True)
    month: Mapped[date] = mapped_column(Date)  # the month's first day
    sent_at: Mapped[datetime]
    sent_by: Mapped[uuid.UUID] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(String(500), default="")  # to whom, how (e.g. "mailed to the network department")
