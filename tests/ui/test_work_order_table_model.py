import sys
from datetime import timedelta

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QTableView

from console.core.domain.enums import Band, OrderKind
from console.core.services.queue_filter import QueueFilter
from console.ui.work_order_table_model import WorkOrderTableModel
from tests.ui.helpers import SH, FakeClock, make_model

M = WorkOrderTableModel


def test_the_queue_model_passes_qtmodeltester(qtmodeltester, demo_db) -> None:
    qtmodeltester.check(make_model(demo_db), force_py=True)


def test_cells_show_what_a_dispatcher_reads(demo_db) -> None:
    model = make_model(demo_db)
    first = model.row_at(0)
    assert model.data(model.index(0, M.NUMBER)) == first.number
    assert model.data(model.index(0, M.DISTRICT)) == first.district_en
    assert model.data(model.index(0, M.DUE)) == first.due_at.astimezone(SH).strftime("%Y-%m-%d %H:%M")
    assert model.data(model.index(0, M.BAND)) == "Breached"
    assert model.data(model.index(0, M.TIME_LEFT)).startswith("overdue ")
    assert model.data(model.index(0, 0), M.ID_ROLE) == first.id
    assert model.headerData(M.TIME_LEFT, Qt.Orientation.Horizontal) == "Time left"


def test_urgency_order_puts_breached_first_then_least_time_left(demo_db) -> None:
    clock = FakeClock()
    model = make_model(demo_db, clock)
    bands = [model.band(model.row_at(r), clock.now) for r in range(model.rowCount())]
    first_not_breached = bands.index(next(b for b in bands if b is not Band.BREACHED))
    assert set(bands[:first_not_breached]) == {Band.BREACHED}
    running = [model.row_at(r) for r in range(first_not_breached, model.rowCount()) if not model.row_at(r).paused]
    dues = [r.due_at for r in running]
    assert dues == sorted(dues)


def test_with_an_injected_clock_the_countdown_advances_and_the_colour_changes(demo_db) -> None:
    clock = FakeClock()
    model = make_model(demo_db, clock)
    row = next(model.row_at(r) for r in range(model.rowCount())
               if model.row_at(r).kind is OrderKind.FAULT and not model.row_at(r).paused
               and model.band(model.row_at(r), clock.now) is Band.GREEN)
    r = model.row_of(row.id)
    left = model.time_left(row, clock.now)
    clock.now += timedelta(seconds=1)
    assert model.time_left(row, clock.now) == left - timedelta(seconds=1)
    seen = []
    for instant, band in ((row.sla.times.amber_at, Band.AMBER), (row.sla.times.red_at, Band.RED),
                          (row.sla.times.due_at + timedelta(seconds=1), Band.BREACHED)):
        clock.now = instant - timedelta(seconds=1)
        before = model.data(model.index(r, M.BAND))
        clock.now = instant
        after = model.data(model.index(r, M.BAND))
        seen.append((before != after, after))
        assert model.band(row, clock.now) is band
    assert [changed for changed, _ in seen] == [True, True, True]


def test_filters_by_kind_band_text_and_assignee(demo_db) -> None:
    clock = FakeClock()
    model = make_model(demo_db, clock)
    total = model.rowCount()
    model.set_filter(QueueFilter(kinds=frozenset({OrderKind.FAULT})))
    assert 0 < model.rowCount() < total and {model.row_at(r).kind for r in range(model.rowCount())} == {OrderKind.FAULT}
    model.set_filter(QueueFilter(bands=frozenset({Band.RED})))
    assert all(model.band(model.row_at(r), clock.now) is Band.RED for r in range(model.rowCount()))
    target = model.all_rows()[10]
    model.set_filter(QueueFilter(text=target.number[-8:].lower()))
    assert target.id in {model.row_at(r).id for r in range(model.rowCount())}
    model.set_filter(QueueFilter(text=target.customer))
    assert all(model.row_at(r).customer == target.customer for r in range(model.rowCount()))
    model.set_filter(QueueFilter(assignee="-"))
    assert model.rowCount() > 0 and all(model.row_at(r).assignee is None for r in range(model.rowCount()))
    model.set_filter(QueueFilter())
    assert model.rowCount() == total


def test_sorting_in_the_model_keeps_the_selection_on_its_order(qtbot, demo_db) -> None:
    model = make_model(demo_db)
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    chosen = model.row_at(5)
    view.selectionModel().select(model.index(5, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    model.sort(M.CUSTOMER, Qt.SortOrder.DescendingOrder)
    customers = [model.row_at(r).customer for r in range(model.rowCount())]
    assert customers == sorted(customers, reverse=True)
    assert [model.row_at(i.row()).id for i in view.selectionModel().selectedRows()] == [chosen.id]


def test_painting_the_queue_does_not_lose_references(qtbot, demo_db) -> None:
    """Guards against the PySide6 6.12.0 refcount bug that crashed the console at exit."""
    from console.ui.queue_panel import WorkOrderTable

    table = WorkOrderTable(make_model(demo_db))
    qtbot.addWidget(table)
    table.resize(1200, 800)
    table.show()
    before = sys.getrefcount(None)
    for _ in range(10):
        table.grab()
    assert sys.getrefcount(None) - before > -50


def test_a_paused_order_past_its_approval_limit_sorts_by_its_running_clock(demo_db) -> None:
    from console.core.domain.sla_clock import SlaClock

    clock = FakeClock()
    model = make_model(demo_db, clock)
    rows = model.all_rows()
    running = next(r for r in rows if not r.paused and model.band(r, clock.now) is Band.GREEN)
    # Paused 48 h ago with 10 h left, never approved: the clock ran again after 24 h, so it is breached.
    paused_since = clock.now - timedelta(hours=48)
    sla = SlaClock(running.sla.times._replace(due_at=paused_since + timedelta(hours=10), business=False), paused_since, False)
    breached = running._replace(id=running.id.__class__(int=running.id.int ^ 1), sla=sla)
    model.set_rows([*rows, breached])
    assert model.band(breached, clock.now) is Band.BREACHED
    position = model.row_of(breached.id)
    assert position < model.row_of(running.id)


def test_the_time_left_tooltip_names_the_business_hours_of_the_rules(demo_db) -> None:
    from dataclasses import replace as changed
    from datetime import time

    from PySide6.QtCore import Qt

    model = make_model(demo_db)
    model.calendar = changed(model.calendar, day_start=time(8, 30), day_end=time(17, 30))  # a supervisor's hours
    row = next(r for r in range(model.rowCount()) if model.row_at(r).sla.times.business)
    tip = model.data(model.index(row, model.TIME_LEFT), Qt.ItemDataRole.ToolTipRole)
    assert "08:30-17:30" in tip and "09:00" not in tip


def test_working_time_and_clock_time_limits_are_told_apart_at_a_glance(qtbot, demo_db) -> None:
    """The time left cell of a working-time order starts with a small calendar, of a clock-time one
    with a small clock: the two marks differ, the same kind's marks are the same."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from console.ui.sla_delegate import SlaDelegate

    model = make_model(demo_db)
    delegate = SlaDelegate(model)

    def mark(r: int) -> QImage:
        image = QImage(160, 24, QImage.Format.Format_ARGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        option = QStyleOptionViewItem()
        option.rect = QRect(0, 0, 160, 24)
        delegate.paint(painter, option, model.index(r, M.TIME_LEFT))
        painter.end()
        return image.copy(QRect(0, 0, 18, 24))  # the mark, left of the right-aligned text

    business = [r for r in range(model.rowCount()) if model.row_at(r).sla.times.business]
    clock = [r for r in range(model.rowCount()) if not model.row_at(r).sla.times.business]
    assert business and clock
    assert mark(business[0]) == mark(business[-1])
    assert mark(clock[0]) == mark(clock[-1])
    assert mark(business[0]) != mark(clock[0])
    assert "small calendar" in model.headerData(M.TIME_LEFT, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
