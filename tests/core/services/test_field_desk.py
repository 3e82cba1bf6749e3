"""The desk's actions on field events (raise an exception and dispatch, sign off a check-in,
re-send the signature link, the exception rules) and the field view's lists, on the demo file."""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from console.core.domain.enums import (
    ExceptionKind,
    FieldEventKind,
    OrderStatus,
    PauseReason,
    Role,
)
from console.core.services.calendar import NotAllowed
from console.core.services.desk import DeskReader
from console.core.services.field import FieldError, FieldReports
from console.core.services.field_desk import LINK_SENT, SIGNED_OFF, FieldDesk, FieldDeskError
from console.core.services.field_views import FieldViews
from console.core.store.models import AuditEntry, FieldEvent, SlaPause, Technician, WorkOrder
from console.core.store.rows import DeskUser
from tests.fixtures.demo import DEMO_NOW


def a_user(demo_db, role: Role = Role.DISPATCHER) -> DeskUser:
    with demo_db.reading() as s:
        user_id = s.scalar(select(AuditEntry.user_id).where(AuditEntry.user_id.is_not(None)).limit(1))
    return DeskUser(user_id, "u", "Wang Wei", role, None, None, None)


def desk(demo_db, role: Role = Role.DISPATCHER) -> FieldDesk:
    return FieldDesk(demo_db, a_user(demo_db, role), lambda: DEMO_NOW)


def an_order(demo_db, status=OrderStatus.DISPATCHED):
    return next(r for r in DeskReader(demo_db).queue() if r.status is status and r.assignee_id)


def another_technician(demo_db, order_row) -> Technician:
    with demo_db.reading() as s:
        return s.scalars(select(Technician).where(Technician.id != order_row.assignee_id, Technician.active.is_(True),
                                                  Technician.region_id == s.get(WorkOrder, order_row.id).region_id)).first()


def counts(demo_db) -> tuple[int, ...]:
    with demo_db.reading() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (WorkOrder, FieldEvent, AuditEntry, SlaPause))


def test_the_rules_decide_whether_an_exception_re_issues_and_whether_the_clock_pauses(demo_db) -> None:
    supervisor = desk(demo_db, Role.SUPERVISOR)
    supervisor.set_exception_rule(ExceptionKind.FIBER_PORT_BROKEN, False, "pause", "端口修复由客户机房配合")
    row = an_order(demo_db)
    with demo_db.reading() as s:
        technician_id = s.get(WorkOrder, row.id).assignee_id
    technician = DeskUser(None, "t", "t", Role.TECHNICIAN, None, None, None)
    raised = FieldReports(demo_db, technician, technician_id, lambda: DEMO_NOW).report_exception(
        row.id, ExceptionKind.FIBER_PORT_BROKEN, "端口损坏", DEMO_NOW - timedelta(minutes=3))
    assert (raised.reissued, raised.paused, raised.order_id) == (False, True, row.id)
    with demo_db.reading() as s:
        order = s.get(WorkOrder, row.id)
        pause = s.scalars(select(SlaPause).where(SlaPause.order_id == row.id, SlaPause.ended_at.is_(None))).one()
        assert order.status is OrderStatus.DISPATCHED and order.paused_since == DEMO_NOW
        assert pause.reason is PauseReason.FIELD_EXCEPTION and pause.note == "端口损坏"
        assert s.scalar(select(func.count()).select_from(WorkOrder).where(WorkOrder.replaces_order_id == row.id)) == 0
    shown = next(e for e in FieldViews(demo_db).exceptions() if e.order_id == row.id)
    assert (shown.clock, shown.reissued_id, shown.kind) == ("pause", None, ExceptionKind.FIBER_PORT_BROKEN)

    supervisor.set_exception_rule(ExceptionKind.FIBER_PORT_BROKEN, True, "run_on", "同缆改纤")
    other = next(r for r in DeskReader(demo_db).queue() if r.status is OrderStatus.DISPATCHED and r.assignee_id and r.id != row.id)
    with demo_db.reading() as s:
        technician_id = s.get(WorkOrder, other.id).assignee_id
    raised = FieldReports(demo_db, technician, technician_id, lambda: DEMO_NOW).report_exception(
        other.id, ExceptionKind.FIBER_PORT_BROKEN, "端口损坏", DEMO_NOW - timedelta(minutes=3))
    assert raised.reissued and not raised.paused
    shown = next(e for e in FieldViews(demo_db).exceptions() if e.order_id == other.id)
    assert shown.reissued_number == raised.number and shown.clock == "run_on" and shown.minutes_to_reissue == pytest.approx(3)


def test_a_dispatcher_cannot_change_the_exception_rules(demo_db) -> None:
    before = counts(demo_db)
    with pytest.raises(NotAllowed):
        desk(demo_db).set_exception_rule(ExceptionKind.FIBER_PORT_TAKEN, False, "pause", "why not")
    with pytest.raises(FieldDeskError, match="clock must be one of"):
        desk(demo_db, Role.SUPERVISOR).set_exception_rule(ExceptionKind.FIBER_PORT_TAKEN, False, "stop", "x")
    assert counts(demo_db) == before


def test_the_desk_raises_an_exception_and_dispatches_the_new_order_in_one_action(demo_db) -> None:
    row = an_order(demo_db)
    technician = another_technician(demo_db, row)
    changes = desk(demo_db).raise_exception(row.id, ExceptionKind.OPTICAL_BOX_UNUSABLE, "客户光猫损坏，已电话确认", technician.id)
    with demo_db.reading() as s:
        old = s.get(WorkOrder, row.id)
        new = s.scalars(select(WorkOrder).where(WorkOrder.replaces_order_id == row.id)).one()
        event = s.scalars(select(FieldEvent).where(FieldEvent.order_id == row.id, FieldEvent.kind == FieldEventKind.EXCEPTION)).one()
        actions = [a for (a,) in s.execute(select(AuditEntry.action).where(AuditEntry.order_id.in_([old.id, new.id]),
                                                                            AuditEntry.desk_id == "local"))]  # (this desk's)
        assert old.status is OrderStatus.SUPERSEDED and event.technician_id == row.assignee_id  # the technician's exception
        assert (new.status, new.assignee_id) == (OrderStatus.DISPATCHED, technician.id)
        assert new.paused_since == DEMO_NOW  # the default for an optical box: the clock pauses
        assert sorted(actions) == ["order.assigned", "order.created", "order.superseded", "sla.paused"]
    assert changes.orders == {old.id, new.id}


def test_an_exception_for_a_closed_order_is_refused_and_nothing_changes(demo_db) -> None:
    with demo_db.reading() as s:
        closed = s.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.CLOSED)).first()
    before = counts(demo_db)
    with pytest.raises(FieldDeskError, match=f"order {closed.number} is closed: an exception is raised only on an order"):
        desk(demo_db).raise_exception(closed.id, ExceptionKind.FIBER_PORT_TAKEN, "端口占用")
    technician = DeskUser(None, "t", "t", Role.TECHNICIAN, None, None, None)
    with pytest.raises(FieldError, match="the field cannot report on it") as caught:
        FieldReports(demo_db, technician, closed.assignee_id, lambda: DEMO_NOW).report_exception(
            closed.id, ExceptionKind.FIBER_PORT_TAKEN, "x", DEMO_NOW)
    assert caught.value.status == 409
    with pytest.raises(FieldDeskError, match="say what happened"):
        desk(demo_db).raise_exception(an_order(demo_db).id, ExceptionKind.FIBER_PORT_TAKEN, "  ")
    assert counts(demo_db) == before


def test_a_supervisor_signs_off_a_check_in_and_a_dispatcher_cannot(demo_db) -> None:
    views = FieldViews(demo_db)
    check_ins = views.check_ins()
    flagged = next(r for r in check_ins.rows if r.off_site)
    before = counts(demo_db)
    with pytest.raises(NotAllowed):
        desk(demo_db).sign_off_check_in(flagged.order_id, flagged.event_id, "ok")
    with pytest.raises(FieldDeskError, match="no such check-in"):
        desk(demo_db, Role.SUPERVISOR).sign_off_check_in(uuid.uuid4(), flagged.event_id, "ok")  # (not that order's)
    assert counts(demo_db) == before
    desk(demo_db, Role.SUPERVISOR).sign_off_check_in(flagged.order_id, flagged.event_id, "导航定位偏差，已电话核实在现场")
    shown = next(r for r in views.check_ins().rows if r.event_id == flagged.event_id)
    assert shown.signed_off is not None and shown.signed_off.note == "导航定位偏差，已电话核实在现场"
    assert shown.signed_off.by and shown.signed_off.at == DEMO_NOW
    with demo_db.reading() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == SIGNED_OFF)) == 1


def test_the_signature_link_is_sent_again_only_while_the_order_waits_for_it(demo_db) -> None:
    row = an_order(demo_db, OrderStatus.RESOLVED)
    desk(demo_db).resend_signature_link(row.id)
    shown = next(d for d in FieldViews(demo_db).deliveries() if d.order_id == row.id)
    assert shown.signature == "link_sent" and shown.link_sent_at == DEMO_NOW
    with demo_db.reading() as s:
        closed = s.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.CLOSED)).first()
        assert s.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == LINK_SENT)) == 1
    with pytest.raises(FieldDeskError, match="the link is sent once the delivery report is written"):
        desk(demo_db).resend_signature_link(closed.id)


def test_the_lists_show_the_demos_closed_history(demo_db) -> None:
    views = FieldViews(demo_db)
    check_ins, deliveries, surveys = views.check_ins(), views.deliveries(), views.surveys()
    assert check_ins.rows and deliveries and surveys and views.exceptions()
    assert check_ins.kept <= check_ins.visits
    signed = [d for d in deliveries if d.signature in ("on_site", "sms_link")]
    assert signed and all(d.status is OrderStatus.CLOSED for d in signed)
    assert any("ping_ms" in d.tests for d in deliveries)
    assert all(s.rating is not None and s.respondent is not None for s in surveys)


def test_a_survey_for_an_order_not_closed_is_refused_and_nothing_changes(demo_db) -> None:
    row = an_order(demo_db, OrderStatus.RESOLVED)
    before = counts(demo_db)
    system = DeskUser(None, "survey", "survey", Role.ADMIN, None, None, None)
    with pytest.raises(FieldError, match="only a completed order can be rated") as caught:
        FieldReports(demo_db, system, None, lambda: DEMO_NOW).survey(row.id, "customer", "dissatisfied", "还没装好", DEMO_NOW)
    assert caught.value.status == 409 and counts(demo_db) == before


def test_orders_a_desk_re_issues_take_provisional_numbers_from_the_top_of_the_day(demo_db) -> None:
    """The centre numbers them again when the action arrives; counting down, a desk's number never
    meets one the centre issues meanwhile (the centre's count up from 1)."""
    dispatched = [r for r in DeskReader(demo_db).queue() if r.status is OrderStatus.DISPATCHED and r.assignee_id]
    first = dispatched[0]
    second = next(r for r in dispatched[1:] if r.kind is first.kind)  # (numbers count per kind and day)
    field = FieldDesk(demo_db, a_user(demo_db), lambda: DEMO_NOW, provisional_numbers=True)
    field.raise_exception(first.id, ExceptionKind.FIBER_PORT_TAKEN, "端口占用")
    field.raise_exception(second.id, ExceptionKind.FIBER_PORT_TAKEN, "端口占用")
    with demo_db.reading() as s:
        numbers = sorted(s.scalars(select(WorkOrder.number).where(WorkOrder.replaces_order_id.in_([first.id, second.id]))))
    assert [n[-6:] for n in numbers] == ["999998", "999999"]
