"""Reports from the technician's app, as the order sees them."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from console.core.domain.enums import ExceptionKind, FieldEventKind, OrderKind, OrderStatus, Respondent, Role, SatisfactionRating
from console.core.domain.order_number import OrderNumber
from console.core.services.desk import DeskReader
from console.core.services.field import FieldError, FieldReports
from console.core.store.models import FieldEvent, Service, Site, WorkOrder
from console.core.store.rows import DeskUser
from tests.fixtures.demo import DEMO_NOW


def reports_for(demo_db, order_row) -> FieldReports:
    with demo_db.reading() as s:
        technician_id = s.get(WorkOrder, order_row.id).assignee_id
    user = DeskUser(None, "t", "t", Role.TECHNICIAN, None, None, None)
    return FieldReports(demo_db, user, technician_id, lambda: DEMO_NOW)


def an_order(demo_db, kind=None, status=OrderStatus.DISPATCHED):
    return next(r for r in DeskReader(demo_db).queue()
                if r.status is status and r.assignee_id and (kind is None or r.kind is kind))


def test_a_check_in_measures_the_distance_and_flags_off_site(demo_db) -> None:
    row = an_order(demo_db)
    reports = reports_for(demo_db, row)
    with demo_db.reading() as s:
        site = s.get(Site, s.get(WorkOrder, row.id).site_id)
    near = reports.check_in(row.id, site.latitude + 0.001, site.longitude, DEMO_NOW)
    assert 100 < near["distance_m"] < 120 and not near["off_site"]
    far = reports.check_in(row.id, site.latitude + 0.01, site.longitude, DEMO_NOW)
    assert far["off_site"] and far["distance_m"] > 1000
    with demo_db.reading() as s:
        assert s.get(WorkOrder, row.id).status is OrderStatus.IN_PROGRESS
        events = s.scalars(select(FieldEvent).where(FieldEvent.order_id == row.id, FieldEvent.kind == FieldEventKind.CHECK_IN,
                                                     FieldEvent.occurred_at == DEMO_NOW)).all()
    assert sorted(e.off_site for e in events) == [False, True]
    with pytest.raises(FieldError, match="latitude must be"):
        reports.check_in(row.id, 91, 0, DEMO_NOW)


def test_a_technician_reports_only_on_their_own_orders(demo_db) -> None:
    mine, other = an_order(demo_db), next(r for r in DeskReader(demo_db).queue() if r.status is OrderStatus.NEW)
    with pytest.raises(FieldError) as caught:
        reports_for(demo_db, mine).check_in(other.id, 31.2, 121.5, DEMO_NOW)
    assert caught.value.status == 403


def test_a_field_exception_archives_the_order_and_issues_its_replacement(demo_db) -> None:
    row = an_order(demo_db, OrderKind.PROVISIONING, OrderStatus.ACCEPTED)
    raised = reports_for(demo_db, row).report_exception(row.id, ExceptionKind.FIBER_PORT_TAKEN, "3-12 端口已被占用", DEMO_NOW)
    number, new_id = raised.number, raised.order_id
    assert raised.reissued and not raised.paused  # the default rules for a port taken: re-issue, the clock runs on
    with demo_db.reading() as s:
        old, new = s.get(WorkOrder, row.id), s.get(WorkOrder, new_id)
    assert old.status is OrderStatus.SUPERSEDED and old.closed_at == DEMO_NOW
    assert new.replaces_order_id == old.id and new.status is OrderStatus.NEW and new.sla_started_at == old.sla_started_at
    assert new.due_at == old.due_at  # the SLA clock runs on from the original start
    assert OrderNumber.parse(number).kind is OrderKind.PROVISIONING
    queue = {r.id for r in DeskReader(demo_db).queue()}
    assert new_id in queue and row.id not in queue


def test_signing_completes_the_order_and_starts_billing(demo_db) -> None:
    row = an_order(demo_db, OrderKind.PROVISIONING, OrderStatus.IN_PROGRESS)
    reports = reports_for(demo_db, row)
    reports.test_result(row.id, {"ping_ms": 3.2, "loss_pct": 0, "down_mbps": 98.7}, DEMO_NOW)
    reports.delivery_report(row.id, {"report_no": "DR1"}, DEMO_NOW)
    with demo_db.reading() as s:
        assert s.get(WorkOrder, row.id).status is OrderStatus.RESOLVED
    with pytest.raises(FieldError, match="between the order's receipt and now"):
        reports.sign(row.id, "sms_link", DEMO_NOW - timedelta(days=3650))  # a backdated signature
    reports.sign(row.id, "sms_link", DEMO_NOW - timedelta(minutes=2))
    with demo_db.reading() as s:
        order = s.get(WorkOrder, row.id)
        service = s.get(Service, order.service_id)
    assert order.status is OrderStatus.CLOSED and order.billing_started_at == DEMO_NOW  # the centre's time
    assert service.billing_started_at is not None
    with pytest.raises(FieldError, match="closed"):
        reports.check_in(row.id, 31.2, 121.5, DEMO_NOW)
    reports.survey(row.id, Respondent.CUSTOMER, SatisfactionRating.VERY_SATISFIED, "", DEMO_NOW)
    with pytest.raises(FieldError, match="already answered"):
        reports.survey(row.id, Respondent.CUSTOMER, SatisfactionRating.VERY_SATISFIED, "", DEMO_NOW)
    with pytest.raises(FieldError, match="channel"):
        reports.sign(row.id, "fax", DEMO_NOW)


def test_a_signature_needs_the_delivery_report_first(demo_db) -> None:
    row = an_order(demo_db, None, OrderStatus.IN_PROGRESS)
    with pytest.raises(FieldError, match="send the report first"):
        reports_for(demo_db, row).sign(row.id, "on_site", DEMO_NOW)
