"""Upstream orders: validated, idempotent on the upstream id, numbered, SLA computed, audited."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.core.domain.enums import OrderKind, OrderStatus
from console.core.domain.order_number import OrderNumber
from console.core.services.desk import DeskReader
from console.core.services.intake import IntakeError, OrderIntake, UpstreamOrder
from console.core.store.models import AuditEntry, Customer, Service, Site, WorkOrder
from tests.fixtures.demo import DEMO_NOW


@pytest.fixture
def intake(demo_db) -> OrderIntake:
    return OrderIntake(demo_db, DeskReader(demo_db).user(None), lambda: DEMO_NOW)


def a_fault(demo_db, ref: str = "CRM-1") -> UpstreamOrder:
    with demo_db.reading() as s:
        service = s.scalars(select(Service)).first()
        customer = s.get(Customer, service.customer_id)
    return UpstreamOrder(ref, OrderKind.FAULT, customer.code, service.site_id, "业务中断", DEMO_NOW - timedelta(minutes=5),
                         circuit_id=service.circuit_id)


def test_an_order_is_taken_once_numbered_and_due(intake, demo_db) -> None:
    upstream = a_fault(demo_db)
    taken = intake.take(upstream)
    again = intake.take(upstream)
    assert taken.created and not again.created and again.number == taken.number
    number = OrderNumber.parse(taken.number)
    assert number.kind is OrderKind.FAULT and number.day.isoformat() == "2026-11-22"
    with demo_db.reading() as s:
        order = s.get(WorkOrder, taken.order_id)
        assert order.status is OrderStatus.NEW and order.due_at > order.received_at and order.amber_at is not None
        assert s.scalar(select(AuditEntry.action).where(AuditEntry.order_id == order.id)) == "order.created"
    assert taken.order_id in {r.id for r in DeskReader(demo_db).queue()}
    second = intake.take(a_fault(demo_db, "CRM-2"))
    assert OrderNumber.parse(second.number).serial == number.serial + 1


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"customer_code": "C9999999"}, "no customer"),
        ({"circuit_id": None}, "needs circuit_id"),
        ({"received_at": DEMO_NOW + timedelta(hours=1)}, "in the future"),
        ({"received_at": DEMO_NOW.replace(tzinfo=None)}, "needs a time zone"),
        ({"priority": 9}, "priority"),
    ],
)
def test_an_order_that_cannot_be_taken_is_refused_and_nothing_is_written(intake, demo_db, change, message) -> None:
    from dataclasses import replace

    with demo_db.reading() as s:
        before = s.query(WorkOrder).count()
    with pytest.raises(IntakeError, match=message):
        intake.take(replace(a_fault(demo_db), **change))
    with demo_db.reading() as s:
        assert s.query(WorkOrder).count() == before


def test_a_site_of_another_customer_is_refused(intake, demo_db) -> None:
    from dataclasses import replace

    with demo_db.reading() as s:
        other_site = s.scalars(select(Site)).all()[-1]
    upstream = a_fault(demo_db)
    with pytest.raises(IntakeError, match="is not a site of customer"):
        intake.take(replace(upstream, site_id=other_site.id, kind=OrderKind.SURVEY, circuit_id=None))
