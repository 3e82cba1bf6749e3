"""Orders ▸ Progress: the order's life after dispatch from the queue, each entry enabled when the
rules allow it for the selection, a note or reason asked where one is needed, refusals named."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from console.core.domain.enums import CancelReason, OrderKind, OrderStatus, ProvisioningStep
from console.ui.lifecycle_menu import NoteDialog
from tests.ui.helpers import open_window


def select(window, order_id) -> None:
    assert window.queue.select_order(order_id)  # (that order alone)


def answer_dialog(note: str, reason: object = None) -> None:
    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, NoteDialog) and w.isVisible())
        if reason is not None:
            dialog.reason.setCurrentIndex(dialog.reason.findData(reason))
        dialog.note.setPlainText(note)
        dialog.accept()
    QTimer.singleShot(0, answer)


def status_of(window, order_id) -> OrderStatus | None:
    row = next((r for r in window.model.all_rows() if r.id == order_id), None)
    return row.status if row is not None else None


def a_new_complaint(db):
    from datetime import timedelta

    from sqlalchemy import select as query

    from console.core.services.desk import DeskReader
    from console.core.services.intake import OrderIntake, UpstreamOrder
    from console.core.store.models import Customer, Site
    from tests.fixtures.demo import DEMO_NOW

    with db.reading() as s:
        site = s.scalars(query(Site)).first()
        code = s.get(Customer, site.customer_id).code
    taken = OrderIntake(db, DeskReader(db).user(None), lambda: DEMO_NOW).take(
        UpstreamOrder("CRM-COMPLAINT-1", OrderKind.COMPLAINT, code, site.id, "客户投诉：网速慢", DEMO_NOW - timedelta(minutes=2)))
    return taken.order_id


def test_a_new_complaint_is_accepted_then_investigated_from_the_progress_menu(qtbot, demo_db, tmp_path) -> None:
    complaint_id = a_new_complaint(demo_db)
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    menu = window.progress
    complaint = next(r for r in window.model.all_rows() if r.id == complaint_id)
    select(window, complaint.id)
    qtbot.waitUntil(lambda: menu.accept_action.isEnabled(), timeout=3000)
    assert not menu.start_action.isEnabled() and not menu.close_action.isEnabled() and not menu.step_action.isEnabled()
    menu.accept_action.trigger()
    qtbot.waitUntil(lambda: status_of(window, complaint.id) is OrderStatus.ACCEPTED, timeout=5000)
    select(window, complaint.id)
    qtbot.waitUntil(lambda: menu.investigate_action.isEnabled(), timeout=3000)
    answer_dialog("基站光缆中断，已定位")
    menu.investigate_action.trigger()
    qtbot.waitUntil(lambda: next(r for r in window.model.all_rows() if r.id == complaint.id).version == complaint.version + 2, timeout=5000)
    assert window.progress.menu in window.queue.context_menus


def test_a_cancel_needs_a_reason_and_the_order_leaves_the_queue(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    order = next(r for r in window.model.all_rows() if r.status is OrderStatus.NEW and r.kind is OrderKind.SURVEY)
    select(window, order.id)
    qtbot.waitUntil(lambda: window.progress.cancel_action.isEnabled(), timeout=3000)
    answer_dialog("客户来电取消", CancelReason.CUSTOMER_WITHDREW)
    window.progress.cancel_action.trigger()
    qtbot.waitUntil(lambda: status_of(window, order.id) is None, timeout=5000)  # closed orders leave the open queue


def test_a_provisioning_step_is_done_for_one_order_and_its_department_is_chased(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    order = next(r for r in window.model.all_rows() if r.kind is OrderKind.PROVISIONING and r.status is OrderStatus.ACCEPTED
                 and r.current_step not in (None, ProvisioningStep.TEST_DELIVERY))
    select(window, order.id)
    qtbot.waitUntil(lambda: window.progress.step_action.isEnabled(), timeout=3000)
    answer_dialog("资源中心确认")
    window.progress.step_action.trigger()
    qtbot.waitUntil(lambda: next(r for r in window.model.all_rows() if r.id == order.id).current_step is not order.current_step,
                    timeout=5000)
    select(window, order.id)
    qtbot.waitUntil(lambda: window.progress.chase_action.isEnabled(), timeout=3000)
    answer_dialog("工程部答应明天完成")
    window.progress.chase_action.trigger()
    qtbot.waitUntil(lambda: chased(demo_db, order.id), timeout=5000)


def chased(db, order_id) -> bool:
    from sqlalchemy import select as query

    from console.core.store.models import AuditEntry

    with db.reading() as s:
        return s.scalar(query(AuditEntry.reason).where(AuditEntry.order_id == order_id, AuditEntry.action == "order.step_chased")) \
            == "工程部答应明天完成"


def test_the_detail_counts_a_complaints_running_stage_on_by_the_minute(qtbot, demo_db, tmp_path) -> None:
    from datetime import timedelta

    from tests.ui.helpers import FakeClock

    complaint_id = a_new_complaint(demo_db)  # received two minutes before the demo's now: 8 minutes to accept
    clock = FakeClock()
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock)
    select(window, complaint_id)
    qtbot.waitUntil(lambda: "acceptance" in window.detail.toPlainText(), timeout=5000)
    assert "0:08:00 left" in window.detail.toPlainText()
    clock.now += timedelta(minutes=3)
    window.detail.tick()
    assert "0:05:00 left" in window.detail.toPlainText()
    clock.now += timedelta(minutes=4)
    window.detail.tick()
    assert "0:01:00 left · Red" in window.detail.toPlainText()
