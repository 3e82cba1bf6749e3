"""Field events reach the desk's field view: a technician reports through the real centre (their own
account, over HTTP), the desk pulls, and the row is in its list. The desk's own actions on them
(the exception rules, raising an exception and dispatching, a sign-off, the signature link) are
pushed and run again at the centre."""

from __future__ import annotations

import uuid

import requests
from sqlalchemy import func, select

from console.core.domain.enums import ExceptionKind, OrderKind, OrderStatus, PauseReason
from console.core.services.field_desk import FieldDesk
from console.core.services.field_views import FieldViews
from console.core.store.models import Customer, OutboxMessage, Site, SlaPause, Technician, WorkOrder
from tests.fixtures.centre import auth, login
from tests.sync.field_helpers import an_assigned_order, at, now, post, technician_headers


def test_each_report_from_the_field_appears_in_the_desks_field_view(centre, make_desk) -> None:
    base, central, _url = centre
    desk = make_desk("a")  # a dispatcher of the central region
    views = FieldViews(desk.database, desk.user.region_id)
    order = (an_assigned_order(central, desk.user.region_id, OrderStatus.DISPATCHED, kind=OrderKind.PROVISIONING)
             or an_assigned_order(central, desk.user.region_id, OrderStatus.DISPATCHED))
    headers = technician_headers(base, central, order.assignee_id)
    with central.reading() as s:
        site = s.get(Site, order.site_id)
    post(base, headers, f"/field/orders/{order.id}/check-in",
          {"latitude": site.latitude + 900 / 111_195, "longitude": site.longitude, "at": at(30)})
    post(base, headers, f"/field/orders/{order.id}/test-result", {"at": at(20), "results": {"ping_ms": 3.4, "down_mbps": 98.2}})
    post(base, headers, f"/field/orders/{order.id}/delivery-report", {"at": at(10), "results": {"report_no": "DR-SYNC-1"}})
    desk.worker.pull_once()
    check_in = next(r for r in views.check_ins().rows if r.order_id == order.id)
    assert check_in.off_site and 880 < check_in.distance_m < 920 and check_in.flagged
    delivery = next(r for r in views.deliveries() if r.order_id == order.id)
    assert (delivery.status, delivery.signature, delivery.report, delivery.tests["ping_ms"]) == (OrderStatus.RESOLVED, "awaiting", "DR-SYNC-1", 3.4)

    post(base, headers, f"/field/orders/{order.id}/signature", {"channel": "on_site", "at": at(5)})
    admin = auth(login(base, "admin").json()["token"])
    post(base, admin, f"/surveys/{order.id}", {"respondent": "customer", "rating": "dissatisfied", "comment": "装机拖了两天", "at": at(1)})
    desk.worker.pull_once()
    delivery = next(r for r in views.deliveries() if r.order_id == order.id)
    assert (delivery.status, delivery.signature) == (OrderStatus.CLOSED, "on_site")
    assert (delivery.billing_started_at is not None) == (order.kind is OrderKind.PROVISIONING)
    survey = next(r for r in views.surveys() if r.order_id == order.id)
    assert (survey.rating.value, survey.comment) == ("dissatisfied", "装机拖了两天")

    other = an_assigned_order(central, desk.user.region_id, OrderStatus.DISPATCHED, not_in=(order.id,))
    other_headers = technician_headers(base, central, other.assignee_id)
    reissued = post(base, other_headers, f"/field/orders/{other.id}/exception",
                     {"kind": "fiber_port_taken", "note": "3-12 端口已被占用", "at": at(3)}).json()
    desk.worker.pull_once()
    row = next(r for r in views.exceptions() if r.order_id == other.id)
    assert (row.reissued_number, row.reissued_id, row.clock) == (reissued["number"], uuid.UUID(reissued["id"]), "run_on")
    assert 2.5 < row.minutes_to_reissue < 4  # seed 003: about 3 minutes from the report to the re-issued order
    assert row.note == "3-12 端口已被占用" and row.status is OrderStatus.NEW


def _counts(central) -> tuple[int, ...]:
    from console.core.store.models import AuditEntry, FieldEvent

    with central.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (WorkOrder, FieldEvent, AuditEntry, SlaPause))


def test_a_survey_for_an_order_not_closed_and_an_exception_for_a_closed_one_are_refused_at_the_centre(centre, make_desk) -> None:
    base, central, _url = centre
    desk = make_desk("a")
    order = an_assigned_order(central, desk.user.region_id, OrderStatus.DISPATCHED)
    closed = an_assigned_order(central, desk.user.region_id, OrderStatus.CLOSED)
    headers = technician_headers(base, central, closed.assignee_id)
    admin = auth(login(base, "admin").json()["token"])
    before = _counts(central)
    answer = requests.post(f"{base}/surveys/{order.id}", json={"respondent": "customer", "rating": "satisfied", "at": at()},
                           headers=admin, timeout=10)
    assert answer.status_code == 409 and "only a completed order can be rated" in answer.json()["detail"]
    answer = requests.post(f"{base}/field/orders/{closed.id}/exception", json={"kind": "fiber_port_taken", "note": "x", "at": at()},
                           headers=headers, timeout=10)
    assert answer.status_code == 409 and "the order is closed: the field cannot report on it" in answer.json()["detail"]
    assert _counts(central) == before


def test_the_supervisors_rules_decide_what_a_reported_exception_does(centre, make_desk) -> None:
    base, central, _url = centre
    supervisor = make_desk("s", "supervisor.central")
    FieldDesk(supervisor.database, supervisor.user, now).set_exception_rule(
        ExceptionKind.FIBER_PORT_BROKEN, False, "pause", "本季度端口损坏先修复再施工，不改派")
    assert supervisor.worker.push_once() and supervisor.replica.counts().conflicts == 0
    order = an_assigned_order(central, supervisor.user.region_id, OrderStatus.DISPATCHED)
    headers = technician_headers(base, central, order.assignee_id)
    kept = post(base, headers, f"/field/orders/{order.id}/exception", {"kind": "fiber_port_broken", "note": "端口损坏", "at": at(1)}).json()
    assert (uuid.UUID(kept["id"]), kept["created"]) == (order.id, False)  # kept, not re-issued
    with central.reading() as s:
        assert s.get(WorkOrder, order.id).status is OrderStatus.DISPATCHED
        pause = s.scalars(select(SlaPause).where(SlaPause.order_id == order.id, SlaPause.ended_at.is_(None))).one()
        assert pause.reason is PauseReason.FIELD_EXCEPTION
    supervisor.worker.pull_once()
    row = next(r for r in FieldViews(supervisor.database, supervisor.user.region_id).exceptions() if r.order_id == order.id)
    assert (row.reissued_id, row.clock) == (None, "pause")


def test_the_desk_raises_an_exception_and_re_dispatches_in_one_action_run_again_at_the_centre(centre, make_desk) -> None:
    _base, central, _url = centre
    desk = make_desk("a")
    order = an_assigned_order(central, desk.user.region_id, OrderStatus.DISPATCHED)
    with desk.database.reading() as s:
        technician = s.scalars(select(Technician).where(Technician.region_id == desk.user.region_id, Technician.active.is_(True),
                                                        Technician.id != order.assignee_id).order_by(Technician.name)).first()
    FieldDesk(desk.database, desk.user, now, provisional_numbers=True).raise_exception(  # (as the desk's services build it)
        order.id, ExceptionKind.OPTICAL_BOX_UNUSABLE, "客户光猫损坏", technician.id)
    with desk.database.reading() as s:
        provisional = s.scalars(select(WorkOrder.number).where(WorkOrder.replaces_order_id == order.id)).one()
    assert provisional.endswith("999999")  # the desk's own number until the centre's arrives
    assert desk.worker.push_once() and desk.replica.counts().conflicts == 0 and desk.replica.counts().pending == 0
    with central.reading() as s:
        new = s.scalars(select(WorkOrder).where(WorkOrder.replaces_order_id == order.id)).one()
        assert s.get(WorkOrder, order.id).status is OrderStatus.SUPERSEDED
        assert (new.status, new.assignee_id, new.paused_since is not None) == (OrderStatus.DISPATCHED, technician.id, True)
        assert s.scalar(select(func.count()).select_from(OutboxMessage)
                        .where(OutboxMessage.dedupe_key.startswith(f"dispatch:{new.id}:"))) == 1  # the technician's notice
    desk.worker.pull_once()
    row = next(r for r in FieldViews(desk.database, desk.user.region_id).exceptions() if r.order_id == order.id)
    assert (row.reissued_id, row.reissued_number, row.clock) == (new.id, new.number, "pause")  # the centre's number


def test_a_sign_off_and_a_signature_link_sent_again_reach_the_centre_and_the_other_desk(centre, make_desk) -> None:
    base, central, _url = centre
    supervisor, dispatcher = make_desk("s", "supervisor.central"), make_desk("d")
    order = an_assigned_order(central, supervisor.user.region_id, OrderStatus.DISPATCHED)
    headers = technician_headers(base, central, order.assignee_id)
    with central.reading() as s:
        site = s.get(Site, order.site_id)
    post(base, headers, f"/field/orders/{order.id}/check-in", {"latitude": site.latitude + 0.01, "longitude": site.longitude, "at": at(9)})
    post(base, headers, f"/field/orders/{order.id}/delivery-report", {"at": at(5), "results": {"report_no": "DR-2"}})
    supervisor.worker.pull_once()
    check_in = next(r for r in FieldViews(supervisor.database, supervisor.user.region_id).check_ins().rows if r.order_id == order.id)
    field = FieldDesk(supervisor.database, supervisor.user, now)
    field.sign_off_check_in(order.id, check_in.event_id, "电话核实在现场")
    field.resend_signature_link(order.id)
    assert supervisor.worker.push_once() and supervisor.replica.counts().conflicts == 0
    with central.reading() as s:
        phone = s.get(Customer, order.customer_id).contact_phone
        sms = s.scalars(select(OutboxMessage).where(OutboxMessage.dedupe_key.startswith(f"signature:{order.id}:"))).all()
    assert [(m.channel, m.recipient) for m in sms] == [("sms", phone)] and order.number in sms[0].body
    dispatcher.worker.pull_once()
    views = FieldViews(dispatcher.database, dispatcher.user.region_id)
    signed = next(r for r in views.check_ins().rows if r.event_id == check_in.event_id).signed_off
    assert signed is not None and signed.note == "电话核实在现场" and signed.by
    assert next(r for r in views.deliveries() if r.order_id == order.id).signature == "link_sent"
