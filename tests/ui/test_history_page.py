"""The History page and the detail's time line and live time left, offscreen on the demo centre,
with the GUI thread refused any statement on the data file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from PySide6.QtCore import QUrl
from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.enums import OrderKind, OrderStatus
from console.core.services.desk import DeskReader
from console.core.services.order_search import OrderSearch
from console.core.store.models import District, WorkOrder
from tests.fixtures.demo import off_gui_thread
from tests.ui import helpers


def _window(request, qtbot, demo_db, tmp_path: Path, clock: helpers.FakeClock | None = None):
    """The desk's window as the composition root builds it; from then on the GUI thread's statements are refused."""
    window = helpers.desk_window(demo_db, DeskReader(demo_db).user(None), clock or helpers.FakeClock(), english=True,
                                 views_file=tmp_path / "views.json")
    qtbot.addWidget(window)
    request.getfixturevalue("gui_thread_guard")
    window.show()
    window.refresh()
    qtbot.waitUntil(lambda: window._complete and window.model.rowCount() > 0, timeout=10_000)
    return window


def test_pudong_typed_in_english_lists_closed_and_open_orders_in_浦东(request, qtbot, demo_db, tmp_path: Path) -> None:
    window = _window(request, qtbot, demo_db, tmp_path)
    window.history_action.trigger()
    page = window.history
    assert window.tabs.currentWidget() is page and page.search.hasFocus()
    qtbot.keyClicks(page.search, "Pudong")
    qtbot.waitUntil(lambda: page._running is None and page.model.rowCount() > 0, timeout=10_000)
    qtbot.waitUntil(lambda: page._running is None and not page._debounce.isActive(), timeout=10_000)
    rows = [page.model.order(r) for r in range(page.model.rowCount())]
    assert all("Pudong" in page.model.index(r, page.model.ADDRESS).data() or "浦东" in rows[r].customer for r in range(len(rows)))
    assert {OrderStatus.CLOSED} <= {r.status for r in rows} and any(r.status.is_open for r in rows)
    assert [r.received_at for r in rows] == sorted((r.received_at for r in rows), reverse=True)
    assert "newest first" in page.summary.text()


def test_a_closed_order_chosen_shows_its_whole_story(request, qtbot, demo_db, tmp_path: Path) -> None:
    def closed() -> WorkOrder:
        with demo_db.reading() as session:
            return session.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.CLOSED, WorkOrder.kind == OrderKind.PROVISIONING)
                                   .order_by(WorkOrder.number)).first()

    order = off_gui_thread(closed)
    window = _window(request, qtbot, demo_db, tmp_path)
    window.history_action.trigger()
    page = window.history
    qtbot.keyClicks(page.search, order.number)
    qtbot.waitUntil(lambda: page.model.row_of(order.id) is not None and page.search.text() == order.number, timeout=10_000)
    page.table.selectRow(page.model.row_of(order.id))
    qtbot.waitUntil(lambda: order.number in page.detail.toPlainText(), timeout=10_000)
    text = page.detail.toPlainText()
    for words in ("History", "Order received", "Check-in on site", "m from the site", "Customer signed", "Closed"):
        assert words in text, words
    assert "Time left" not in text and "resolved" in text
    bar = page.detail.verticalScrollBar()
    assert bar.value() > 0  # (opened at its time line)
    bar.setValue(bar.value() // 2)
    kept = bar.value()
    page.detail.show_detail(page.detail.detail)  # (the same order again, as after a change from the feed)
    assert bar.value() == kept


def test_a_stale_answer_is_dropped(request, qtbot, demo_db, tmp_path: Path) -> None:
    window = _window(request, qtbot, demo_db, tmp_path)
    page = window.history
    older = off_gui_thread(lambda: OrderSearch(demo_db).find("上海"))
    page.search.setText("Pudong")
    page._debounce.stop()
    page._running = "上海"
    page._on_found(older, 0.01)
    assert page.model.rowCount() == 0  # (the box says Pudong: the answer to 上海 is not shown)


def test_the_detail_counts_down_live_from_the_clock(request, qtbot, demo_db, tmp_path: Path) -> None:
    clock = helpers.FakeClock()
    window = _window(request, qtbot, demo_db, tmp_path, clock)
    row = next(window.model.row_at(r) for r in range(window.model.rowCount())
               if window.model.row_at(r).sla.paused_since is None and not window.model.row_at(r).sla.times.business)
    window.select_order(row.id)
    qtbot.waitUntil(lambda: row.number in window.detail.toPlainText() and "●" in window.detail.toPlainText(), timeout=10_000)
    def live_line() -> str:
        return next(line for line in window.detail.toPlainText().splitlines() if line.startswith("●"))

    before = window.detail.live_text()
    assert before.startswith(("Time left", "overdue")) and live_line() == "● " + before
    clock.now += timedelta(minutes=7, seconds=3)
    window.detail.tick()  # (what its one-second timer does; no statement: the GUI thread is guarded)
    after = window.detail.live_text()
    assert after != before and live_line() == "● " + after


def test_a_linked_order_opens_on_the_history_page(request, qtbot, demo_db, tmp_path: Path) -> None:
    def pair() -> tuple[WorkOrder, WorkOrder]:
        with demo_db.reading() as session:
            old = session.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.SUPERSEDED)).first()
            return old, session.scalars(select(WorkOrder).where(WorkOrder.replaces_order_id == old.id)).one()

    old, new = off_gui_thread(pair)
    window = _window(request, qtbot, demo_db, tmp_path)
    page = window.history
    page.open_order(old.id)
    qtbot.waitUntil(lambda: old.number in page.detail.toPlainText() and new.number in page.detail.toPlainText(), timeout=10_000)
    assert "carried on as" in page.detail.toPlainText()
    window.detail.anchorClicked.emit(QUrl(f"order:{new.id}"))  # (a link in the queue's detail)
    assert window.tabs.currentWidget() is page
    qtbot.waitUntil(lambda: page.detail.detail is not None and page.detail.detail.id == new.id, timeout=10_000)
    assert "re-issued from" in page.detail.toPlainText()


def test_districts_exist_for_the_english_search(demo_db) -> None:
    with demo_db.reading() as session:
        assert session.scalar(select(District.name).where(District.name_en.like("Pudong%"))) == "浦东新区"


def test_a_change_to_the_order_shown_is_read_again_once_the_page_is_on_screen(request, qtbot, demo_db, tmp_path: Path) -> None:
    window = _window(request, qtbot, demo_db, tmp_path)
    page = window.history
    order = window.model.row_at(0)
    window.tabs.setCurrentWidget(page)
    with qtbot.waitSignal(page.order_shown, timeout=10_000):
        page.open_order(order.id)
    window.tabs.setCurrentIndex(0)  # (hidden: nothing read)
    window.bus.publish(Changes(orders={order.id}), None)
    assert page._stale
    with qtbot.waitSignal(page.order_shown, timeout=10_000):
        window.tabs.setCurrentWidget(page)
    assert not page._stale
