"""The queue's filter bar on the real window: counts in the menus, and the search."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from console.core.domain.enums import OrderKind
from console.core.services.queue_filter import UNASSIGNED
from console.core.store.models import Service, WorkOrder
from tests.fixtures.demo import off_gui_thread
from tests.ui.helpers import open_window


def counted(qtbot, bar) -> None:
    qtbot.waitUntil(lambda: bar.kinds.count_text(OrderKind.FAULT) != "", timeout=10_000)


def test_each_menu_choice_shows_how_many_orders_it_would_show(request, qtbot, demo_db, tmp_path: Path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    request.getfixturevalue("gui_thread_guard")  # from here on, counting and searching stay off the GUI thread
    bar, model = window.queue.filter_bar, window.model
    counted(qtbot, bar)
    rows = model.all_rows()
    faults = sum(1 for r in rows if r.kind is OrderKind.FAULT)
    assert bar.kinds.count_text(OrderKind.FAULT) == f"{faults:,}"
    assert bar.kinds.text() == "Kind: all"  # the button names the choices, not their counts
    unassigned = sum(1 for r in rows if r.assignee is None)
    assert bar.assignee.itemText(bar.assignee.findData(UNASSIGNED)) == f"Unassigned ({unassigned:,})"

    district = next(r.district_en for r in rows if r.kind is OrderKind.FAULT)
    with qtbot.waitSignal(bar.counts_shown, timeout=10_000):
        bar.kinds.set_selected({OrderKind.FAULT})
        bar.kinds.changed.emit()
    assert model.rowCount() == faults
    assert bar.kinds.text() == f"Kind: {bar.kinds._labels[OrderKind.FAULT]}"
    expected = sum(1 for r in rows if r.kind is OrderKind.FAULT and r.district_en == district)
    assert bar.districts.count_text(district) == f"{expected:,}"
    bar.districts.set_selected({district})
    bar.districts.changed.emit()
    assert model.rowCount() == expected


def test_the_search_finds_a_circuit_id_through_the_store(request, qtbot, demo_db, tmp_path: Path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=False)
    request.getfixturevalue("gui_thread_guard")
    bar, model = window.queue.filter_bar, window.model
    order = model.all_rows()[5]
    circuit = off_gui_thread(lambda: _circuit_of(demo_db, order.id))
    bar.search.setText(circuit.lower())
    sharing = off_gui_thread(lambda: _orders_of_circuit(demo_db, circuit))  # (two open orders may be on one line)
    qtbot.waitUntil(lambda: {model.row_at(r).id for r in range(model.rowCount())} == sharing, timeout=10_000)
    assert order.id in sharing
    bar.search.setText("")
    assert model.rowCount() == len(model.all_rows())


def _circuit_of(database, order_id) -> str:
    with database.reading() as session:
        return session.scalar(select(Service.circuit_id).join(WorkOrder, WorkOrder.service_id == Service.id)
                              .where(WorkOrder.id == order_id))


def test_in_the_english_ui_pudong_finds_the_orders_in_pudong(qtbot, demo_db, tmp_path: Path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, english=True)
    bar, model = window.queue.filter_bar, window.model
    in_pudong = {r.id for r in model.all_rows() if r.district_en == "Pudong"}
    bar.search.setText("Pudong")
    assert in_pudong and in_pudong <= {r.id for r in model.visible_rows()}
    technician = next(r.assignee for r in model.all_rows() if r.assignee)
    bar.search.setText(technician)
    assert {r.assignee for r in model.visible_rows()} == {technician}


def _orders_of_circuit(db, circuit: str) -> set:
    from sqlalchemy import select

    from console.core.domain.enums import OPEN_STATUSES
    from console.core.store.models import Service, WorkOrder

    with db.reading() as s:
        return set(s.scalars(select(WorkOrder.id).join(Service, Service.id == WorkOrder.service_id)
                             .where(Service.circuit_id == circuit, WorkOrder.status.in_(OPEN_STATUSES))))
