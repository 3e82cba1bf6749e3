"""The assign dialog as a dispatcher uses it: the orders named, technicians ranked as the candidates
panel ranks them, those who cannot take it greyed with why, and the visit booked with the assignment
in one step (one synced operation)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from console.core.domain.enums import Band, OrderKind, OrderStatus, Role
from console.core.services.assigning import assign_choice
from console.core.store.models import Appointment, AppointmentOrder, SyncOutbox, WorkOrder
from console.sync import capture
from console.ui.assign_dialog import AssignDialog, OrderLine
from tests.core.domain.booking_cases import NOW, VISIT, at
from tests.fixtures.demo import off_gui_thread
from tests.ui.assign_cases import hand_built_choice
from tests.ui.helpers import SH, FakeClock, open_window


def hand_built_dialog(qtbot, books_visit: bool = True, visit=VISIT) -> tuple[AssignDialog, dict[str, uuid.UUID]]:
    line = OrderLine(uuid.uuid4(), "SD-20261123-0001", "Acme", OrderKind.PROVISIONING, "3:10:00", Band.AMBER)
    dialog = AssignDialog([line], SH, True, Role.DISPATCHER)
    qtbot.addWidget(dialog)
    choice, ids = hand_built_choice(books_visit, visit)
    with qtbot.waitSignal(dialog.ranked):
        dialog.show_choice(choice)
    return dialog, ids


def shown_names(dialog: AssignDialog) -> list[str]:
    return [dialog.table.item(r, 0).text() for r in range(dialog.table.rowCount())]


def greyed(dialog: AssignDialog) -> dict[str, str]:
    """Rows that cannot be chosen: name -> the reason the row gives."""
    last = len(AssignDialog.COLUMNS) - 1
    return {dialog.table.item(r, 0).text(): dialog.table.item(r, last).text() for r in range(dialog.table.rowCount())
            if not dialog.table.item(r, 0).flags() & Qt.ItemFlag.ItemIsSelectable}


def test_the_dialog_ranks_by_earliest_start_then_the_drive_and_greys_who_cannot_take_it(qtbot) -> None:
    dialog, _ids = hand_built_dialog(qtbot)
    names = shown_names(dialog)
    assert names[:3] == ["Near", "Far", "Busy"]  # 14:00 near, 14:00 a long drive, 14:05 after a visit
    assert greyed(dialog) == {
        "Unskilled": "no skill: Installation",
        "Elsewhere": "other region (Minhang)",
        "Off": "off shift in the next days",
        "Full": "booked full: no free slot",
    }
    assert set(names[3:]) == set(greyed(dialog))
    assert dialog.chosen_technician() == _ids["Near"] and dialog.chosen_start() == at(14)
    assert dialog.ok.text() == "Assign and book" and dialog.ok.isEnabled()
    assert "Books Near at 11-23 14:00" in dialog.verdict.text()
    assert dialog.table.item(0, 3).text() == "11-23 14:00"
    assert "km by road from home" in dialog.table.item(0, 4).toolTip()


def test_a_greyed_row_cannot_be_chosen_and_assigning_only_lets_a_full_technician_take_it(qtbot) -> None:
    dialog, ids = hand_built_dialog(qtbot)
    full_row = shown_names(dialog).index("Full")
    dialog.table.selectRow(full_row)
    assert dialog.chosen_technician() != ids["Full"]
    dialog.book.setChecked(False)  # assign only: being booked full is no reason any more
    assert "Full" not in greyed(dialog)
    dialog.table.selectRow(shown_names(dialog).index("Full"))
    assert dialog.chosen_technician() == ids["Full"] and dialog.chosen_start() is None
    assert dialog.ok.text() == "Assign"


def test_a_slot_only_a_supervisor_may_book_says_so_and_assigning_only_is_still_possible(qtbot) -> None:
    dialog, ids = hand_built_dialog(qtbot, visit=replace(VISIT, due_at=at(14.5)))  # every slot finishes after the deadline
    assert not dialog.ok.isEnabled() and "Only a shift supervisor can book this" in dialog.verdict.text()
    assert "Finishes 30 min after the SLA deadline" in dialog.verdict.text()
    dialog.book.setChecked(False)
    assert dialog.ok.isEnabled() and not dialog.reason.isVisible() and dialog.verdict.text() == ""
    assert dialog.chosen_technician() == ids["Near"]


def test_orders_with_nothing_to_book_are_assigned_only_and_say_why(qtbot) -> None:
    dialog, _ids = hand_built_dialog(qtbot, books_visit=False)
    assert not dialog.book.isVisible() and not dialog.booking
    assert "assigns only" in dialog.no_booking.text()
    assert dialog.ok.text() == "Assign"


def test_the_dialog_names_the_orders_it_assigns(qtbot) -> None:
    lines = [OrderLine(uuid.uuid4(), f"SD-{i}", f"Customer {i}", OrderKind.FAULT, "overdue 0:20:00", Band.BREACHED) for i in range(2)]
    dialog = AssignDialog(lines, SH, True, Role.DISPATCHER)
    qtbot.addWidget(dialog)
    cells = [[dialog.orders.item(r, c).text() for c in range(4)] for r in range(2)]
    assert cells[0] == ["SD-0", "Customer 0", "Fault", "overdue 0:20:00"]
    assert dialog.status.text() == "Ranking the technicians…" and not dialog.ok.isEnabled()


# --- from the queue, on the demo desk ---------------------------------------------------------------

MONDAY_0930 = NOW.replace(day=23, hour=1, minute=30)  # 09:30 in Shanghai on a working day


def bookable(window, demo_db, now):
    """A new order waiting for a visit and the first technician who can take it with nothing to write."""
    rows = [window.model.row_at(r) for r in range(window.model.rowCount())]
    for row in rows:
        if row.status is not OrderStatus.NEW or row.appointment_start is not None:
            continue
        choice = off_gui_thread(lambda row=row: assign_choice(demo_db, [row.id], now))
        if choice is None or not choice.books_visit:
            continue
        fit = [c for c in choice.candidates if c.slot is not None and not c.flags and not choice.findings[c.technician_id]]
        if fit:
            return row, choice
    pytest.skip("no order in the demo with a technician free for it")


def open_for(window, qtbot, row) -> AssignDialog:
    r = window.model.row_of(row.id)
    window.queue.table.selectRow(r)
    window.queue.assign_action.trigger()
    dialog = window.queue.assigner.dialog
    assert dialog is not None
    if dialog.choice is None:
        with qtbot.waitSignal(dialog.ranked, timeout=10_000):
            pass
    return dialog


def test_assign_and_book_in_one_step_writes_the_assignment_and_the_visit_as_one_synced_operation(
        qtbot, demo_db, tmp_path, request) -> None:
    capture.install(demo_db.sessions)
    clock = FakeClock(MONDAY_0930)
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock)
    row, _choice = bookable(window, demo_db, clock.now)
    request.getfixturevalue("gui_thread_guard")  # from here a statement on the GUI thread fails the test
    dialog = open_for(window, qtbot, row)  # ranked and written off the GUI thread
    assert dialog.orders.item(0, 0).text() == row.number and dialog.orders.item(0, 1).text() == row.customer
    candidate = dialog.chosen_candidate()
    assert candidate is not None and dialog.booking and dialog.ok.isEnabled()
    with qtbot.waitSignal(window.queue.assigner.answered, timeout=10_000) as answered:
        dialog.ok.click()
    assert answered.args[0].ok

    def look():
        with demo_db.reading() as s:
            order = s.get(WorkOrder, row.id)
            appointment = s.scalars(select(Appointment).join(AppointmentOrder, AppointmentOrder.appointment_id == Appointment.id)
                                    .where(AppointmentOrder.order_id == row.id)).one()
            entries = s.scalars(select(SyncOutbox)).all()
            return order.assignee_id, order.status, appointment.technician_id, appointment.planned_start, entries

    assignee, status, visit_tech, start, entries = off_gui_thread(look)
    assert assignee == visit_tech == candidate.technician_id and status is OrderStatus.DISPATCHED
    assert start == candidate.slot
    assert [e.operation["name"] for e in entries] == ["appointments.book"]
    tables = {c["t"] for c in entries[0].changes}
    assert {"work_orders", "appointments", "appointment_orders"} <= tables


def test_assigning_only_goes_the_queue_way_and_undo_can_put_it_back(qtbot, demo_db, tmp_path) -> None:
    capture.install(demo_db.sessions)
    clock = FakeClock(MONDAY_0930)
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=clock)
    row, _choice = bookable(window, demo_db, clock.now)
    dialog = open_for(window, qtbot, row)
    dialog.book.setChecked(False)
    technician = dialog.chosen_technician()
    with qtbot.waitSignal(window.bus.changed, timeout=10_000):
        dialog.ok.click()
    with demo_db.reading() as s:
        assert s.get(WorkOrder, row.id).assignee_id == technician
        assert [e.operation["name"] for e in s.scalars(select(SyncOutbox))] == ["orders.assign"]
        assert s.scalars(select(AppointmentOrder).where(AppointmentOrder.order_id == row.id)).first() is None
    assert window.queue.undo_action.isEnabled()


def test_a_late_answer_after_the_dialog_closed_is_dropped(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True, clock=FakeClock(MONDAY_0930 + timedelta(minutes=1)))
    window.queue.table.selectRow(0)
    window.queue.assign_action.trigger()
    dialog = window.queue.assigner.dialog
    dialog.reject()
    qtbot.waitUntil(lambda: window.operations.running == 0, timeout=10_000)
