"""The field view at the desk: four tabs filled from the desk's file off the GUI thread, a double
click showing the order in the queue, and the actions from it (raise an exception and dispatch,
sign off a check-in, send the signature link again, the exception rules)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.core.changes import Changes
from console.core.domain.enums import ExceptionKind, OrderStatus, Role
from console.core.domain.field import PAUSE
from console.core.services.field import FieldReports
from console.core.services.field_views import FieldViews
from console.core.store.models import Site, WorkOrder
from console.core.store.rows import DeskUser
from console.ui.field_dialogs import ExceptionRulesDialog, RaiseExceptionDialog, SignOffDialog
from console.ui.field_tables import ORDER_ROLE
from tests.fixtures.demo import DEMO_NOW, off_gui_thread
from tests.ui.helpers import open_window


def _shown(qtbot, window, tab: int = 0) -> None:
    """The view shown, each tab read (a tab is read when it is shown), then `tab` in front."""
    window.field_dock.show()
    panel = window.field
    for each in (*range(len(panel.models)), tab):
        panel.tabs.setCurrentIndex(each)
        qtbot.waitUntil(lambda each=each: panel.models[each].rowCount() > 0 and not panel._loading, timeout=10_000)


def test_the_four_tabs_list_the_demos_field_history_and_a_double_click_shows_the_order(qtbot, demo_db, tmp_path, request) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    request.getfixturevalue("gui_thread_guard")  # from here on, every read off the GUI thread
    assert window.field_dock.isHidden() and window.field_dock.toggleViewAction().shortcut().toString() == "F7"
    _shown(qtbot, window)
    panel = window.field
    lists = off_gui_thread(lambda: (panel.views.exceptions(), panel.views.surveys()))
    assert panel.views.region_id is not None  # (the desk's region, as the queue)
    assert panel.models[panel.EXCEPTIONS].rowCount() == len(lists[0]) and panel.models[panel.SURVEYS].rowCount() == len(lists[1])
    assert "Kept appointments:" in panel.summaries[panel.CHECK_INS].text()
    exceptions = panel.models[panel.EXCEPTIONS]
    row = next(r for r in range(exceptions.rowCount()) if exceptions.rows[r].status.is_open)
    assert exceptions.index(row, exceptions.REISSUED).data() == exceptions.rows[row].reissued_number
    assert exceptions.index(row, exceptions.MINUTES).data().endswith(" min")
    panel.tables[panel.EXCEPTIONS].doubleClicked.emit(exceptions.index(row, 0))
    assert window.queue.selected_ids() == [exceptions.rows[row].reissued_id]  # the order that carries on
    delivery = panel.models[panel.DELIVERY]
    texts = {delivery.index(r, delivery.SIGNATURE).data() for r in range(delivery.rowCount())}
    assert {"signed on site", "awaiting the signature"} <= texts
    flagged = panel.models[panel.CHECK_INS]
    off = next(r for r in range(flagged.rowCount()) if flagged.rows[r].off_site)
    assert flagged.index(off, flagged.DISTANCE).data().endswith("off site")
    assert flagged.index(off, flagged.DISTANCE).data(Qt.ItemDataRole.ForegroundRole).name() == "#b91c1c"


def test_the_desk_raises_an_exception_and_dispatches_the_new_order_from_the_orders_menu(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "wang.wei.central", english=True)
    _shown(qtbot, window)
    panel = window.field
    order = next(r for r in window.model.all_rows() if r.status is OrderStatus.DISPATCHED and r.assignee_id)
    assert window.select_order(order.id)
    before = panel.models[panel.EXCEPTIONS].rowCount()

    def answer(dialog) -> bool:
        assert isinstance(dialog, RaiseExceptionDialog)
        dialog.reason.setCurrentIndex(dialog.reason.findData(ExceptionKind.OPTICAL_BOX_UNUSABLE))
        assert "pauses" in dialog.effect.text()  # the default rule for a customer's optical box
        dialog.note.setPlainText("客户光猫无法使用，客户更换后再上门")
        dialog.technician.setCurrentIndex(1)
        dialog._accept()
        return dialog.result() == 1

    panel.ask = answer
    window.raise_exception_action.trigger()
    qtbot.waitUntil(lambda: panel.models[panel.EXCEPTIONS].rowCount() == before + 1, timeout=10_000)
    raised = next(r for r in panel.models[panel.EXCEPTIONS].rows if r.order_id == order.id)
    assert raised.reissued_number and raised.clock == PAUSE and raised.note == "客户光猫无法使用，客户更换后再上门"
    qtbot.waitUntil(lambda: window.model.row_of(raised.reissued_id) is not None, timeout=10_000)
    new = window.model.row_at(window.model.row_of(raised.reissued_id))
    assert new.status is OrderStatus.DISPATCHED and new.assignee_id is not None and new.paused
    assert window.model.row_of(order.id) is None  # archived: out of the queue


def test_a_note_is_required_and_a_dispatcher_cannot_sign_off(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "wang.wei.central", english=True)
    _shown(qtbot, window)
    panel = window.field
    panel.tabs.setCurrentIndex(panel.CHECK_INS)
    model = panel.models[panel.CHECK_INS]
    panel.tables[panel.CHECK_INS].selectRow(next(r for r in range(model.rowCount()) if model.rows[r].off_site))
    assert not panel.sign_off_button.isEnabled() and "supervisor" in panel.sign_off_button.toolTip()
    dialog = RaiseExceptionDialog("FT1", [], {}, None)
    qtbot.addWidget(dialog)
    dialog.note.setPlainText("   ")
    dialog._accept()
    assert dialog.result() == 0 and "note" in dialog.problem.text()


def test_a_supervisor_signs_off_a_flagged_check_in_and_sends_a_signature_link_again(qtbot, demo_db, tmp_path, request) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    request.getfixturevalue("gui_thread_guard")  # the writes too
    _shown(qtbot, window, tab=1)
    panel = window.field
    model = panel.models[panel.CHECK_INS]
    row = next(r for r in range(model.rowCount()) if model.rows[r].off_site)
    event_id = model.rows[row].event_id
    panel.tables[panel.CHECK_INS].selectRow(row)
    assert panel.sign_off_button.isEnabled()

    def answer(dialog) -> bool:
        assert isinstance(dialog, SignOffDialog)
        dialog.note.setPlainText("电话核实：定位漂移，人在现场")
        dialog._accept()
        return dialog.result() == 1

    panel.ask = answer
    panel.sign_off_button.click()
    qtbot.waitUntil(lambda: any(r.event_id == event_id and r.signed_off for r in model.rows), timeout=10_000)
    shown = next(n for n, r in enumerate(model.rows) if r.event_id == event_id)
    assert model.index(shown, model.SIGNED_OFF).data().startswith("✓ ")
    assert "定位漂移" in model.index(shown, model.SIGNED_OFF).data(Qt.ItemDataRole.ToolTipRole)
    assert not panel.sign_off_button.isEnabled()  # signed off once

    delivery = panel.models[panel.DELIVERY]
    panel.tabs.setCurrentIndex(panel.DELIVERY)  # (read again once shown: the sign-off changed an order)
    qtbot.waitUntil(lambda: not panel._loading and panel.DELIVERY not in panel._stale, timeout=10_000)
    waiting = next(r for r in range(delivery.rowCount()) if delivery.rows[r].signature == "awaiting")
    order_id = delivery.rows[waiting].order_id
    panel.tables[panel.DELIVERY].selectRow(waiting)
    panel.resend_button.click()
    qtbot.waitUntil(lambda: any(r.order_id == order_id and r.signature == "link_sent" for r in delivery.rows), timeout=10_000)
    shown = next(n for n, r in enumerate(delivery.rows) if r.order_id == order_id)
    assert delivery.index(shown, delivery.SIGNATURE).data().startswith("link sent ")


def test_a_supervisor_changes_the_exception_rules_in_their_editor(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    panel = window.field

    def answer(dialog) -> bool:
        assert isinstance(dialog, ExceptionRulesDialog)
        dialog.reissue[ExceptionKind.FIBER_PORT_TAKEN].setChecked(False)
        dialog.clock[ExceptionKind.FIBER_PORT_TAKEN].setCurrentIndex(dialog.clock[ExceptionKind.FIBER_PORT_TAKEN].findData(PAUSE))
        dialog._accept()
        assert dialog.result() == 0 and "why" in dialog.problem.text()  # a reason is required
        dialog.why.setText("2026年12月通知：端口占用先协调再改派")
        dialog._accept()
        return dialog.result() == 1

    panel.ask = answer
    window.exception_rules_action.trigger()
    rule = lambda: FieldViews(demo_db).exception_rules()[ExceptionKind.FIBER_PORT_TAKEN]  # noqa: E731
    qtbot.waitUntil(lambda: not rule().reissue and rule().pauses, timeout=10_000)


def test_raising_an_exception_needs_an_order(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "wang.wei.central", english=True)
    window.queue.table.clearSelection()
    window.raise_exception_action.trigger()
    assert "Select an order" in window.statusBar().currentMessage()
    assert window.field.models[0].index(0, 0).data(ORDER_ROLE) is None  # (nothing read while the view is hidden)
    assert window.field._stale == {0, 1, 2, 3}


def test_a_report_arriving_through_the_feed_shows_while_the_view_is_open(qtbot, demo_db, tmp_path, request) -> None:
    """The feed writes the centre's rows into the file and publishes what changed (origin None):
    the view reads again, off the GUI thread."""
    window = open_window(qtbot, demo_db, tmp_path, "wang.wei.central", english=True)
    request.getfixturevalue("gui_thread_guard")
    _shown(qtbot, window, tab=1)  # the check-ins in front
    panel = window.field
    order = next(r for r in window.model.all_rows() if r.status is OrderStatus.DISPATCHED and r.assignee_id)
    technician = DeskUser(None, "t", "t", Role.TECHNICIAN, None, None, None)

    def arrive() -> None:  # (as the replica applies a pulled field event)
        with demo_db.reading() as s:
            site = s.get(Site, s.get(WorkOrder, order.id).site_id)
        FieldReports(demo_db, technician, order.assignee_id, lambda: DEMO_NOW).check_in(order.id, site.latitude + 0.02, site.longitude, DEMO_NOW)

    off_gui_thread(arrive)
    window.bus.publish(Changes(orders=frozenset({order.id})))
    model = panel.models[panel.CHECK_INS]
    qtbot.waitUntil(lambda: any(r.order_id == order.id and r.off_site for r in model.rows), timeout=10_000)


def test_from_the_exceptions_tab_an_exception_is_raised_on_the_order_that_carries_on(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "wang.wei.central", english=True)
    _shown(qtbot, window)
    panel = window.field
    model = panel.models[panel.EXCEPTIONS]
    row = next(n for n, r in enumerate(model.rows) if r.reissued_number)
    panel.tables[panel.EXCEPTIONS].selectRow(row)
    asked = []
    panel.ask = lambda dialog: asked.append(dialog.order.text()) or False  # (the order it names; cancelled)
    panel.raise_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=10_000)
    assert asked == [model.rows[row].reissued_number]
