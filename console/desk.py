"""The desk's services, built once by the composition root (`console.app`) and handed to the window.

No Qt here: the window and its views take the services they need from a `DeskServices`; nothing
below the window builds a service of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.sla import RuleBook
from console.core.services.alert_list import AlertDesk
from console.core.services.appointments import AppointmentBook
from console.core.services.calendar import CalendarAdmin
from console.core.services.callbacks import CallbackActions
from console.core.services.compliance import ComplianceAudit
from console.core.services.desk import DeskReader
from console.core.services.field_desk import FieldDesk
from console.core.services.handover import Handovers
from console.core.services.lifecycle_actions import LifecycleActions
from console.core.services.optimiser import Optimiser
from console.core.services.planning import PlanningDesk
from console.core.services.sites import SiteActions
from console.core.store.database import Database
from console.core.store.rows import DeskUser


@dataclass(frozen=True)
class DeskRules:
    """What the window needs of the rules before its first paint (read off the GUI thread)."""

    book: RuleBook
    calendar: BusinessCalendar
    technician_stale: timedelta


@dataclass(frozen=True)
class DeskServices:
    database: Database
    user: DeskUser
    clock: Callable[[], datetime]
    reader: DeskReader
    orders: LifecycleActions  # the queue's actions and the order's life after dispatch
    book: AppointmentBook
    planning: PlanningDesk
    optimiser: Optimiser
    calendar: CalendarAdmin
    sites: SiteActions
    field: FieldDesk
    compliance: ComplianceAudit
    alerts: AlertDesk
    callbacks: CallbackActions
    handovers: Handovers  # the shift handover: its draft, signing, acknowledging, the past ones

    @classmethod
    def build(cls, database: Database, user: DeskUser, clock: Callable[[], datetime]) -> DeskServices:
        book = AppointmentBook(database, user, clock)
        return cls(database, user, clock, DeskReader(database), LifecycleActions(database, user, clock), book,
                   PlanningDesk(database), Optimiser(database, book, user), CalendarAdmin(database, user, clock),
                   SiteActions(database, user, clock), FieldDesk(database, user, clock, provisional_numbers=True),
                   ComplianceAudit(database, user, clock), AlertDesk(database, user, clock), CallbackActions(database, user, clock),
                   handovers=Handovers(database, user, clock))

    def read_rules(self) -> DeskRules:
        """The rules and the map's staleness limit: a read, so off the GUI thread."""
        book, calendar = self.reader.rules()
        stale = timedelta(minutes=float(self.reader.parameter("map.technician_stale_minutes")))
        return DeskRules(book, calendar, stale)
