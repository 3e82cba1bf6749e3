"""The centre escalates a red or late order's alert nobody acknowledged within the limit: once, an
audit row by no user, a text message to each supervisor of the order's region through the outbox;
not an acknowledged one, not a paused one; two instances at once escalate it once. Run as the
service's role, as deployed."""

from __future__ import annotations

import threading
from datetime import timedelta

from sqlalchemy import create_engine, select

from central import audit_chain
from central.cli import main
from central.outbound import SMS_ZONE, enqueue_sms
from console.core.domain.alerts import ESCALATED, AlertKind
from console.core.domain.enums import OrderStatus, Role
from console.core.services.alert_list import AlertDesk
from console.core.services.desk import DeskReader
from console.core.services.escalation import escalate_due
from console.core.store.database import Database
from console.core.store.models import AuditEntry, OutboxMessage, User, WorkOrder
from tests.fixtures.demo import DEMO_NOW
from tests.fixtures.postgres import as_service


def service_database(url: str) -> Database:
    database = Database(create_engine(as_service(url)))
    audit_chain.install(database.sessions)
    return database


def quiet_orders(database: Database, count: int) -> list[WorkOrder]:
    """Running open orders with no alert history, made red 40 minutes ago."""
    with database.unit_of_work() as s:
        handled = set(s.scalars(select(AuditEntry.order_id).where(AuditEntry.action.like("alert.%"))))
        orders = [o for o in s.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.DISPATCHED,
                                                               WorkOrder.paused_since.is_(None)).order_by(WorkOrder.number))
                  if o.id not in handled][:count]
        for order in orders:
            order.red_at, order.due_at = DEMO_NOW - timedelta(minutes=40), DEMO_NOW + timedelta(hours=2)
        s.flush()
        for order in orders:
            s.expunge(order)
    assert len(orders) == count
    return orders


def escalations(database: Database, order_id) -> list[AuditEntry]:
    with database.reading() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.order_id == order_id, AuditEntry.action == ESCALATED)))
        for row in rows:
            s.expunge(row)
        return rows


def test_an_unacknowledged_red_order_is_escalated_once_with_a_text_to_its_regions_supervisors(centre) -> None:
    _base, owner, url = centre
    escalate_due(owner, DEMO_NOW, enqueue_sms, SMS_ZONE)  # (whatever the demo left due)
    red, acknowledged, paused = quiet_orders(owner, 3)
    with owner.unit_of_work() as s:
        s.get(WorkOrder, paused.id).paused_since = DEMO_NOW - timedelta(minutes=10)
    dispatcher = DeskReader(owner).user("wang.wei.central")
    AlertDesk(owner, dispatcher, lambda: DEMO_NOW - timedelta(minutes=5)).acknowledge(AlertKind.RED, [acknowledged.id], "已联系")
    database = service_database(url)
    done = escalate_due(database, DEMO_NOW, enqueue_sms, SMS_ZONE)
    assert [(e.order_number, e.band.value) for e in done] == [(red.number, "red")]
    [row] = escalations(owner, red.id)
    assert row.user_id is None and row.at == DEMO_NOW and row.after["band"] == "red" and row.after["minutes"] == 40
    assert row.hash  # in the audit chain
    assert not escalations(owner, acknowledged.id) and not escalations(owner, paused.id)
    with owner.reading() as s:
        phones = {u.phone for u in s.scalars(select(User).where(User.role == Role.SUPERVISOR, User.phone != ""))
                  if u.region_id in (None, red.region_id)}
        texts = list(s.scalars(select(OutboxMessage).where(OutboxMessage.dedupe_key.like(f"escalation:{red.id}:%"))))
    assert phones and {t.recipient for t in texts} == phones
    assert all(red.number in t.body and "40 分钟" in t.body for t in texts)
    assert not escalate_due(database, DEMO_NOW + timedelta(minutes=5), enqueue_sms, SMS_ZONE)  # once
    later = escalate_due(database, DEMO_NOW + timedelta(hours=2, minutes=31), enqueue_sms, SMS_ZONE)  # late now: a new alert
    assert {(e.order_number, e.band.value) for e in later} >= {(red.number, "breached")}
    database.engine.dispose()


def test_two_instances_escalating_at_once_escalate_each_alert_once(centre) -> None:
    _base, owner, url = centre
    escalate_due(owner, DEMO_NOW, enqueue_sms, SMS_ZONE)
    orders = quiet_orders(owner, 4)
    instances = [service_database(url) for _ in range(3)]
    start = threading.Barrier(len(instances))
    results: list[list] = []

    def round_of(database: Database) -> None:
        start.wait()
        results.append(escalate_due(database, DEMO_NOW, enqueue_sms, SMS_ZONE))

    threads = [threading.Thread(target=round_of, args=(d,)) for d in instances]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(e.order_number for done in results for e in done) == sorted(o.number for o in orders)
    assert all(len(escalations(owner, o.id)) == 1 for o in orders)
    for database in instances:
        database.engine.dispose()


def test_a_supervisors_work_phone_is_set_from_the_command_line_and_a_bad_one_is_refused(centre, capsys) -> None:
    _base, owner, url = centre
    assert main(["set-phone", "supervisor.central", "+86 139-1600-0042", "--database-url", url]) == 0
    assert main(["set-phone", "supervisor.central", "call me maybe", "--database-url", url]) == 1
    assert "is not a phone number" in capsys.readouterr().err
    assert main(["set-phone", "nobody.here", "13916000042", "--database-url", url]) == 1
    with owner.reading() as s:
        assert s.scalars(select(User.phone).where(User.username == "supervisor.central")).one() == "+86 139-1600-0042"
