"""The satisfaction callbacks' dock: the region's callbacks, open ones first and overdue ones in red;
a call recorded from its dialog (what is missing said before anything is sent), and a supervisor's
actions shown to a supervisor only."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from console.core.domain.callbacks import CallbackOutcome, CallbackState
from console.core.domain.enums import FieldEventKind, OrderStatus, Respondent, Role, SatisfactionRating
from console.core.services.desk import DeskReader
from console.core.services.field import FieldReports
from console.core.store.models import FieldEvent, WorkOrder
from console.core.store.rows import DeskUser, TimelineEntry
from console.ui import timeline_text
from console.ui.callback_dialogs import CallDialog
from console.ui.callbacks_dock import RED
from console.ui.table_export import TITLE_PROPERTY
from tests.fixtures.demo import DEMO_NOW
from tests.ui.helpers import SH, open_window


def dissatisfied_answers(db, username: str, count: int) -> None:
    """Dissatisfied customers on closed orders of the user's region: one answered now, the others two days ago (overdue)."""
    region = DeskReader(db).user(username).region_id
    with db.reading() as s:
        answered = set(s.scalars(select(FieldEvent.order_id).where(FieldEvent.kind == FieldEventKind.SATISFACTION)))
        orders = [o for o in s.scalars(select(WorkOrder.id).where(WorkOrder.status == OrderStatus.CLOSED, WorkOrder.region_id == region)
                                       .order_by(WorkOrder.number)) if o not in answered][:count]
    survey = DeskUser(None, "survey", "survey", Role.ADMIN, None, None, None)
    for n, order_id in enumerate(orders):
        now = DEMO_NOW - (timedelta(days=2) if n else timedelta(0))
        FieldReports(db, survey, None, lambda now=now: now).survey(order_id, Respondent.CUSTOMER, SatisfactionRating.DISSATISFIED,
                                                                   "工程师迟到", now - timedelta(minutes=5))


def row_of(panel, state_text: str) -> int:
    return next(r for r in range(panel.table.rowCount()) if panel.table.item(r, 5).text() == state_text)


def test_a_dispatcher_sees_overdue_callbacks_in_red_and_records_a_call(qtbot, demo_db, tmp_path) -> None:
    dissatisfied_answers(demo_db, "wang.wei.central", 2)
    window = open_window(qtbot, demo_db, tmp_path, username="wang.wei.central", english=True)
    panel = window.callbacks
    window.callbacks_dock.show()
    qtbot.waitUntil(lambda: panel.table.rowCount() >= 2, timeout=10_000)
    assert not panel.close_remedy.isVisible() and not panel.assign.isVisible()  # a supervisor's
    overdue = row_of(panel, "Overdue")
    assert panel.table.item(overdue, 0).foreground().color() == RED and "overdue" in panel.summary.text()
    fresh = row_of(panel, "To call")
    panel.table.selectRow(fresh)
    assert panel.call.isEnabled() and not panel.remedy.isEnabled()  # no remedy before the customer is reached
    number = panel.table.item(fresh, 1).text()
    refused: list[str] = []

    def answer() -> None:
        dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, CallDialog) and w.isVisible())
        QTimer.singleShot(0, lambda: _dismiss_warning(refused))
        dialog.accept()  # reached (the first outcome) with nothing written: refused in words, the dialog stays
        assert dialog.isVisible()
        dialog.note.setPlainText("工程师迟到两小时，未提前通知")
        dialog.accept()

    QTimer.singleShot(0, answer)
    panel.record_call()
    qtbot.waitUntil(lambda: any(panel.table.item(r, 1).text() == number and panel.table.item(r, 9).text() == "Reached"
                                for r in range(panel.table.rowCount())), timeout=10_000)
    assert refused and "what the customer said" in refused[0]
    [task] = [t for t in panel.tasks if t.order_number == number]
    assert task.state is CallbackState.CALLED and task.outcome is CallbackOutcome.REACHED and task.caller


def _dismiss_warning(texts: list[str]) -> None:
    box = next(w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible())
    texts.append(box.text())
    box.accept()


def test_a_supervisor_has_assign_and_close_and_the_table_exports(qtbot, demo_db, tmp_path) -> None:
    dissatisfied_answers(demo_db, "supervisor.central", 1)
    window = open_window(qtbot, demo_db, tmp_path, username="supervisor.central", english=True)
    panel = window.callbacks
    window.callbacks_dock.show()
    qtbot.waitUntil(lambda: panel.table.rowCount() >= 1, timeout=10_000)
    assert panel.assign.isVisible() and panel.close_remedy.isVisible()
    panel.table.selectRow(row_of(panel, "To call"))
    assert panel.assign.isEnabled() and not panel.close_remedy.isEnabled()  # nothing to close before the call and the remedy
    panel.filter.setCurrentIndex(panel.filter.findData("closed"))
    assert all(panel.table.item(r, 5).text() == "Closed" for r in range(panel.table.rowCount()))
    assert panel.table.property("exportAttached") and panel.table.property(TITLE_PROPERTY) == "Satisfaction callbacks"


def test_a_callbacks_steps_read_in_the_orders_history(qapp) -> None:
    called = TimelineEntry(DEMO_NOW, "callback.called", "王伟", {"outcome": "reached", "call_note": "工程师迟到", "attempts": 1})
    assert timeline_text.what("callback.called") == "Customer called back"
    assert timeline_text.details(called, SH) == "Reached · 工程师迟到"
    closed = TimelineEntry(DEMO_NOW, "callback.closed", "马霞", {"state": "closed", "closing_note": "客户认可"})
    assert timeline_text.details(closed, SH) == "客户认可"
