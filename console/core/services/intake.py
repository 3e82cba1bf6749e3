"""Orders arriving from the upstream order system: validated, idempotent on the upstream id,
numbered in the seed format, with their SLA computed and an audit row."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from console.core.domain.enums import OrderKind, OrderStatus
from console.core.domain.sla import MissingRuleError, OrderFacts
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import Customer, Service, Site, WorkOrder
from console.core.store.numbering import next_order_number
from console.core.store.rows import DeskUser
from console.core.store.rules_cache import RULES_IN_FORCE
from console.core.store.sla_cache import sla_columns
from console.core.store.steps import create_steps


class IntakeError(ValueError):
    """An upstream order that cannot be taken; the message says which field and why."""


@dataclass(frozen=True)
class UpstreamOrder:
    upstream_ref: str
    kind: OrderKind
    customer_code: str
    site_id: uuid.UUID
    title: str
    received_at: datetime
    circuit_id: str | None = None
    access_points: int = 1
    priority: int = 3
    description: str = ""


@dataclass(frozen=True)
class Taken:
    order_id: uuid.UUID
    number: str
    created: bool  # False: the same upstream id was taken before, nothing changed


# What an intake reads, built once (not per order) and read as columns through the transaction's connection.
_EXISTING = select(WorkOrder.id, WorkOrder.number).where(WorkOrder.upstream_ref == bindparam("ref"))
_CUSTOMER = select(Customer.id, Customer.level, Customer.region_id).where(Customer.code == bindparam("code"), Customer.deleted.is_(False))
_SITE = select(Site.id, Site.address, Site.district_id).where(Site.id == bindparam("site_id"), Site.customer_id == bindparam("customer_id"),
                                                              Site.deleted.is_(False))
_SERVICE = select(Service.id, Service.customer_id, Service.assurance).where(Service.circuit_id == bindparam("circuit_id"))


class OrderIntake:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "intake"):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    def take(self, upstream: UpstreamOrder) -> Taken:
        try:
            with self._database.unit_of_work() as session:
                existing = self._existing(session, upstream.upstream_ref)
                return existing or self._create(session, upstream)
        except IntegrityError:
            # The same upstream order arrived twice at once and the other request won: answer its order.
            with self._database.reading() as session:
                existing = self._existing(session, upstream.upstream_ref)
            if existing is None:
                raise
            return existing

    @staticmethod
    def _existing(session: Session, upstream_ref: str) -> Taken | None:
        row = session.connection().execute(_EXISTING, {"ref": upstream_ref}).first()
        return Taken(row.id, row.number, False) if row is not None else None

    def _create(self, session: Session, upstream: UpstreamOrder) -> Taken:
        now = self._clock()
        if upstream.received_at.tzinfo is None:
            raise IntakeError("received_at needs a time zone (e.g. 2026-11-22T10:00:00+08:00)")
        if upstream.received_at > now:
            raise IntakeError("received_at is in the future")
        if upstream.received_at.year < 2000:
            raise IntakeError("received_at is before 2000")
        if not upstream.title.strip():
            raise IntakeError("title is empty")
        if not 1 <= upstream.priority <= 5:
            raise IntakeError("priority must be between 1 and 5")
        if not 1 <= upstream.access_points <= 500:
            raise IntakeError("access_points must be between 1 and 500")
        # the columns the order needs, not whole rows; the rules from the process's cache while unchanged
        reading = session.connection()
        customer = reading.execute(_CUSTOMER, {"code": upstream.customer_code}).first()
        if customer is None:
            raise IntakeError(f"no customer {upstream.customer_code!r}")
        site = reading.execute(_SITE, {"site_id": upstream.site_id, "customer_id": customer.id}).first()
        if site is None:
            raise IntakeError(f"site {upstream.site_id} is not a site of customer {upstream.customer_code}")
        service = None
        if upstream.circuit_id:
            service = reading.execute(_SERVICE, {"circuit_id": upstream.circuit_id}).first()
            if service is None or service.customer_id != customer.id:
                raise IntakeError(f"circuit {upstream.circuit_id!r} is not a service of customer {upstream.customer_code}")
        if upstream.kind is OrderKind.FAULT and service is None:
            raise IntakeError("a fault order needs circuit_id: its limits follow the service's assurance level")
        calendar, book = RULES_IN_FORCE.read(session)
        facts = OrderFacts(upstream.kind, customer.level, service.assurance if service else None, upstream.received_at,
                           upstream.access_points)
        try:
            sla = sla_columns(facts, book, calendar, now)
        except MissingRuleError as exc:
            raise IntakeError(str(exc)) from exc
        # Numbered last: the day's serial stays locked until the commit, and every intake of the day waits
        # for it; from here on only the order's rows are written.
        number = next_order_number(session, upstream.kind, upstream.received_at.astimezone(calendar.zone).date())
        order = WorkOrder(
            number=str(number), kind=upstream.kind, status=OrderStatus.NEW, priority=upstream.priority,
            title=upstream.title.strip(), description=upstream.description, customer_id=customer.id, site_id=site.id,
            address=site.address, district_id=site.district_id, service_id=service.id if service else None,
            region_id=customer.region_id, access_points=upstream.access_points, received_at=upstream.received_at,
            sla_started_at=upstream.received_at, upstream_ref=upstream.upstream_ref, **sla,
        )
        session.add(order)
        session.flush()  # (the steps and the audit row refer to it; the unit of work knows no relationships)
        create_steps(session, order, facts, book, calendar)
        audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action="order.created", entity="work_order",
                     entity_id=order.id, order_id=order.id, before=None,
                     after={"number": order.number, "kind": order.kind.value, "upstream_ref": upstream.upstream_ref})
        return Taken(order.id, order.number, True)
