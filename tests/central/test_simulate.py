"""The field simulation against the real centre on loopback: a simulated half hour at full speed
through the HTTP API leaves every invariant intact (no report it says was taken is missing, every
order's history in time order, no order in an impossible state, the audit chain whole); the
command refuses a centre that is not on this machine."""

from __future__ import annotations

import io
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from central import audit_chain, cli
from central.simulate import HttpPort
from central.users import add_account, add_field_accounts
from console.core.domain.enums import OrderStatus, Role
from console.core.simulation.day import FieldDay
from console.core.simulation.port import Settings
from console.core.store.models import AuditEntry, FieldEvent, Technician, User, WorkOrder
from tests.fixtures.centre import PASSWORD

pytestmark = pytest.mark.postgres
FIELD_KINDS = ("check_in", "exception", "test_result", "delivery_report", "signature", "satisfaction")
SLACK = timedelta(minutes=5)  # the centre takes a phone's clock this far off


def accounts(database) -> None:
    with database.unit_of_work() as s:
        add_account(s, "intake", Role.INTAKE, "上游订单系统", PASSWORD)
        add_field_accounts(s, PASSWORD)


def field_event_counts(database) -> Counter:
    with database.reading() as s:
        rows = s.execute(select(FieldEvent.order_id, FieldEvent.kind, func.count()).group_by(FieldEvent.order_id, FieldEvent.kind))
        return Counter({(order_id, kind.value): n for order_id, kind, n in rows})


def test_a_simulated_half_hour_through_the_api_leaves_every_invariant_intact(centre) -> None:
    base, database, _url = centre
    accounts(database)
    before = field_event_counts(database)
    day = FieldDay(HttpPort(base, PASSWORD), Settings(speed=60, minutes=30, seed=11, paced=False, orders_per_hour=60,
                                                      exception_share=0.2, off_site_share=0.2, sms_signature_share=0.2))
    summary = day.run()
    assert summary.stopped == "day over" and not summary.failures, summary.lines()
    assert not [p for p in day.log if p.status == 0 or p.status >= 500], summary.lines()
    taken = {p.kind for p in day.log if p.ok}
    assert {"accept", "check_in", "test_result", "delivery_report", "signature", "intake", "position"} <= taken, summary.lines()

    # no lost report: every field report the day says was taken is one more event of its order
    posted = Counter((p.order_id, p.kind) for p in day.log if p.ok and p.kind in FIELD_KINDS)
    after = field_event_counts(database)
    assert {key: after[key] - before[key] for key in posted} == dict(posted)
    with database.reading() as s:
        accepted = Counter(p.order_id for p in day.log if p.ok and p.kind == "accept")  # (接单: an audit row, the response recorded)
        audited = Counter(s.scalars(select(AuditEntry.order_id).where(AuditEntry.action == "order.accepted",
                                                                      AuditEntry.at >= day.clock.started_at)))
        assert {o: audited[o] for o in accepted} == dict(accepted)
        assert all(s.get(WorkOrder, o).responded_at is not None for o in accepted)
        refs = [p.order_id for p in day.log if p.ok and p.kind == "intake"]
        assert s.scalar(select(func.count()).select_from(WorkOrder).where(WorkOrder.upstream_ref.in_(refs))) == len(refs)
        positions = {p.technician: p.at for p in day.log if p.ok and p.kind == "position"}  # (the last of each)
        seen = dict(s.execute(select(User.username, Technician.last_seen_at).join(Technician, Technician.id == User.technician_id)).all())
        assert all(seen[tech] >= at.replace(microsecond=0) - timedelta(seconds=1) for tech, at in positions.items())
        touched = {p.order_id for p in day.log if p.kind in FIELD_KINDS or p.kind == "accept"}
        ordered_in_time(s, touched, day.clock.started_at)
        possible_states(s, touched)
        report = audit_chain.verify(s)
        assert report.intact, report.problem


def ordered_in_time(s, orders: set, since) -> None:
    """Each order's audit rows, in the chain's order, never go back in time; each field event of the
    day lies between the order's receipt and the moment the centre received it."""
    for order_id in orders:
        stamps = s.scalars(select(AuditEntry.at).where(AuditEntry.order_id == order_id, AuditEntry.seq.is_not(None))
                           .order_by(AuditEntry.seq)).all()
        assert stamps == sorted(stamps), order_id
        order = s.get(WorkOrder, order_id)
        for event in s.scalars(select(FieldEvent).where(FieldEvent.order_id == order_id, FieldEvent.received_at >= since)):
            assert order.received_at - SLACK <= event.occurred_at <= event.received_at + SLACK, (order.number, event.kind)


def possible_states(s, orders: set) -> None:
    """Closed orders were signed after their report; superseded ones archived with their replacement;
    in-progress ones checked in; nothing reported on an order after it closed (but its survey)."""
    for order_id in orders:
        order = s.get(WorkOrder, order_id)
        kinds = {e.kind.value: e for e in s.scalars(select(FieldEvent).where(FieldEvent.order_id == order_id)
                                                    .order_by(FieldEvent.received_at))}
        if order.status is OrderStatus.CLOSED:
            assert order.closed_at is not None and order.resolved_at is not None and order.resolved_at <= order.closed_at
            assert "signature" in kinds and "delivery_report" in kinds, order.number
        if order.status is OrderStatus.RESOLVED:
            assert order.resolved_at is not None and "delivery_report" in kinds and "signature" not in kinds
        if order.status is OrderStatus.SUPERSEDED:
            replacement = s.scalars(select(WorkOrder).where(WorkOrder.replaces_order_id == order_id)).one()
            assert order.closed_at is not None and replacement.status.is_open and "exception" in kinds
            assert replacement.sla_started_at == order.sla_started_at
        if order.status in (OrderStatus.IN_PROGRESS, OrderStatus.RESOLVED) and "check_in" not in kinds:
            pytest.fail(f"{order.number} is {order.status.value} with no check-in")
        if order.closed_at is not None:
            late = s.scalars(select(FieldEvent).where(FieldEvent.order_id == order_id, FieldEvent.kind != "satisfaction",
                                                      FieldEvent.received_at > order.closed_at + timedelta(seconds=1))).all()
            assert not late, order.number


def test_the_command_refuses_a_centre_elsewhere_and_drives_one_here(centre, monkeypatch, capsys) -> None:
    base, database, _url = centre
    accounts(database)
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["simulate", "--url", "http://10.20.30.40:8443", "--minutes", "5"]) == 2
    assert "--allow-remote" in capsys.readouterr().err
    assert cli.main(["simulate", "--url", base, "--speed", "0.5"]) == 2
    assert "speed must be 1 to 60" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("not the password\n"))
    assert cli.main(["simulate", "--url", base, "--minutes", "5"]) == 1
    assert "cannot log in as admin (the survey system's account)" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
    assert cli.main(["simulate", "--url", base, "--speed", "60", "--minutes", "4", "--seed", "2"]) == 0
    out = capsys.readouterr().out
    assert "simulated 4 min" in out and "(day over)" in out, out

