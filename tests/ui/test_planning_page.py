"""The schedule board as a dispatcher uses it: drag a visit, read the warning, commit with a reason."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from sqlalchemy import select

from console.core.domain.enums import AppointmentChangeKind, AppointmentStatus
from console.core.store.models import Appointment, AppointmentChange, AppointmentOrder
from console.ui.board_commit_dialog import CommitDialog
from console.ui.schedule_board import ORDER_MIME
from tests.fixtures.demo import DEMO_NOW
from tests.ui.helpers import FakeClock, open_window

MONDAY_0930 = DEMO_NOW + timedelta(hours=23, minutes=30)


@pytest.fixture
def page(qtbot, demo_db, tmp_path):
    window = open_window(qtbot, demo_db, tmp_path, username="admin", english=True, clock=FakeClock(MONDAY_0930))
    window.resize(1500, 900)
    window.tabs.setCurrentWidget(window.planning)
    qtbot.waitUntil(lambda: window.planning.data is not None and window.planning.board.layout_data is not None, timeout=10_000)
    return window.planning


def on_dialog(qtbot, act: Callable[[CommitDialog], None]) -> list:
    """Act on the commit dialog as soon as it is open (it runs modally); a failed check closes
    it, so the test fails instead of waiting on the dialog for ever."""
    seen = []

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, CommitDialog):
            QTimer.singleShot(20, poll)
            return
        seen.append(dialog)
        try:
            act(dialog)
        except BaseException as error:
            seen.append(error)
            dialog.reject()

    QTimer.singleShot(0, poll)
    return seen


def to_widget(board, x: float, y: float) -> QPoint:
    return board.plot.mapFromScene(board.viewbox.mapViewToScene(QPointF(x, y)))


def mouse(widget, kind, pos: QPoint, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(kind, QPointF(pos), QPointF(widget.mapToGlobal(pos)), button, buttons, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(widget, event)


def free_at(page, technician_id, start, minutes: int) -> bool:
    """Whether the technician has no visit within half an hour of this one (time to drive)."""
    margin = timedelta(minutes=30)
    end = start + timedelta(minutes=minutes)
    return all(v.technician_id != technician_id or v.start + timedelta(minutes=v.minutes) + margin <= start or end + margin <= v.start
               for v in page.data.visits)


def on_shift(page, technician_id, start, minutes: int) -> bool:
    end = start + timedelta(minutes=minutes)
    return any(s.technician_id == technician_id and s.start <= start and end <= s.end for s in page.data.shifts)


def a_move_needing_a_skill(page):
    """A visit in view today, and a technician's row (with a shift then) who lacks its skill."""
    data, layout = page.data, page.board.layout_data
    start, end = page.board.viewbox.viewRange()[0]
    for index, visit_id in enumerate(layout.visit_ids):
        visit = page._visit(visit_id)
        x0 = float(layout.visits.x0[index])
        if not (max(start, MONDAY_0930.timestamp() + 3600) < x0 < end - 3 * 3600) or visit.locked or visit.status not in (AppointmentStatus.CONFIRMED, AppointmentStatus.PROPOSED):
            continue
        skills = frozenset().union(*(data.orders[o].skills for o in visit.order_ids if o in data.orders))
        for tech in data.technicians:
            if (tech.id != visit.technician_id and not skills <= tech.skills and page.board.layout_data.row_of[tech.id] < 20
                    and free_at(page, tech.id, visit.start, visit.minutes) and on_shift(page, tech.id, visit.start, visit.minutes)):
                return index, visit, tech
    raise AssertionError("no visit to move in the demo's Monday")


def test_dragging_a_visit_warns_of_a_missing_skill_and_commits_with_a_reason(qtbot, page, demo_db) -> None:
    index, visit, tech = a_move_needing_a_skill(page)
    board, layout = page.board, page.board.layout_data
    row = layout.row_of[tech.id]
    x0, y = float(layout.visits.x0[index]), float(layout.visits.row[index]) + 0.5
    board.viewbox.setYRange(0, max(row, y) + 2, padding=0)
    _x0, _x1, top, height, _s = board.visits.geometry([index])
    y = float(top[0] + height[0] / 2)
    assert board.visits.at(x0 + 300, y) == index
    viewport = board.plot.viewport()
    press, target = to_widget(board, x0 + 300, y), to_widget(board, x0 + 300, row + 0.5)
    mouse(viewport, QEvent.Type.MouseButtonPress, press, Qt.MouseButton.LeftButton)
    for k in range(1, 6):
        step = press + (target - press) * k / 5
        mouse(viewport, QEvent.Type.MouseMove, step, Qt.MouseButton.LeftButton)
        qtbot.wait(40)  # pyqtgraph drops mouse moves that come faster than a screen refresh
    assert board.drop_note.isVisible()
    assert "Missing skill" in board.drop_note.text()

    def commit(dialog: CommitDialog) -> None:
        assert any("Missing skill" in dialog.findings.item(i).text() for i in range(dialog.findings.count()))
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled(), [dialog.findings.item(i).text() for i in range(dialog.findings.count())]  # the administrator may commit over it
        ok.click()
        assert dialog.isVisible() and "Write why" in dialog.problem.text()  # no reason yet: refused, dialog stays
        dialog.reason.setText("唯一有空的人")
        if dialog.reschedule_box.isVisible():
            dialog.reschedule_reason.setCurrentIndex(1)
        ok.click()

    seen = on_dialog(qtbot, commit)
    mouse(viewport, QEvent.Type.MouseButtonRelease, target, Qt.MouseButton.NoButton)
    assert seen, "the commit dialog opened"
    assert not isinstance(seen[-1], BaseException), seen[-1]
    assert not board.drop_note.isVisible()
    def moved_to_tech() -> bool:
        with demo_db.reading() as s:
            return s.get(Appointment, visit.id).technician_id == tech.id

    qtbot.waitUntil(moved_to_tech, timeout=5000)  # the commit is written off the GUI thread
    with demo_db.reading() as s:
        moved = s.scalars(select(AppointmentChange).where(AppointmentChange.appointment_id == visit.id,
                                                          AppointmentChange.kind == AppointmentChangeKind.MOVED)).one()
        assert "missing_skill" in moved.overrides and moved.reason_text == "唯一有空的人"
    qtbot.waitUntil(lambda: page._visit(visit.id) is not None and page._visit(visit.id).technician_id == tech.id, timeout=5000)


def test_an_order_dropped_from_the_waiting_list_becomes_a_proposed_visit(qtbot, page, demo_db) -> None:
    data = page.data
    waiting = [data.orders[o] for o in data.waiting if data.orders[o].appointment_id is None and data.orders[o].position]
    order, tech, when = next((order, t, MONDAY_0930 + timedelta(hours=h)) for order in waiting for h in (5, 4, 6, 3, 7, 1.5, 2.5)
                             for t in data.technicians if order.skills <= t.skills
                             and free_at(page, t.id, MONDAY_0930 + timedelta(hours=h), 120)
                             and on_shift(page, t.id, MONDAY_0930 + timedelta(hours=h), 120))
    board = page.board
    row = board.layout_data.row_of[tech.id]
    board.viewbox.setYRange(max(0, row - 3), row + 10, padding=0)
    mime = QMimeData()
    mime.setData(ORDER_MIME, str(order.id).encode())
    point = to_widget(board, when.timestamp(), row + 0.5)

    def commit(dialog: CommitDialog) -> None:
        if dialog.verdict.needs_reason:
            dialog.reason.setText("试排")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    seen = on_dialog(qtbot, commit)
    drop = QDropEvent(QPointF(point), Qt.DropAction.MoveAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    board.plot.dropEvent(drop)
    assert seen and not isinstance(seen[-1], BaseException), seen

    proposed = (select(Appointment).join(AppointmentOrder, AppointmentOrder.appointment_id == Appointment.id)
                .where(AppointmentOrder.order_id == order.id, Appointment.status == AppointmentStatus.PROPOSED))

    def booked() -> bool:  # the commit is written off the GUI thread (an order in progress may have had a visit before)
        with demo_db.reading() as s:
            return s.scalars(proposed).first() is not None

    qtbot.waitUntil(booked, timeout=5000)
    with demo_db.reading() as s:
        appointment = s.scalars(proposed).one()
        assert appointment.technician_id == tech.id
        assert abs((appointment.planned_start - when).total_seconds()) <= 300
    qtbot.waitUntil(lambda: order.id not in page.data.waiting, timeout=5000)


def test_the_board_shows_every_technician_and_the_waiting_orders(page) -> None:
    layout = page.board.layout_data
    assert {r.technician_id for r in layout.rows if r.technician_id} == {t.id for t in page.data.technicians}
    assert len(layout.visits) > 0 and page.waiting.count() == min(len(page.data.waiting), 400)
    assert page.board.rows_axis.tickStrings([layout.row_of[page.data.technicians[0].id] + 0.5], 1, 1) == [page.data.technicians[0].name]
