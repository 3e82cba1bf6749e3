from zoneinfo import ZoneInfo

from PySide6.QtCore import QItemSelectionModel, Qt

from console.domain.enums import OrderKind
from console.services.desk import DeskReader
from console.ui.work_order_table_model import WorkOrderTableModel

SH = ZoneInfo("Asia/Shanghai")


def test_the_queue_model_passes_qtmodeltester(qtmodeltester, demo_db) -> None:
    model = WorkOrderTableModel(SH)
    model.set_rows(DeskReader(demo_db).queue())
    qtmodeltester.check(model, force_py=True)


def test_cells_show_what_a_dispatcher_reads(demo_db) -> None:
    model = WorkOrderTableModel(SH, english=True)
    rows = DeskReader(demo_db).queue()
    model.set_rows(rows)
    first = model.row_at(0)
    assert model.data(model.index(0, WorkOrderTableModel.NUMBER)) == first.number
    assert model.data(model.index(0, WorkOrderTableModel.DISTRICT)) == first.district_en
    assert model.data(model.index(0, WorkOrderTableModel.DUE)) == first.due_at.astimezone(SH).strftime("%Y-%m-%d %H:%M")
    assert model.data(model.index(0, 0), WorkOrderTableModel.ID_ROLE) == first.id
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Order no."


def test_sorting_in_the_model_keeps_the_selection_on_its_order(qtbot, demo_db) -> None:
    from PySide6.QtWidgets import QTableView

    model = WorkOrderTableModel(SH, english=True)
    model.set_rows(DeskReader(demo_db).queue())
    view = QTableView()
    qtbot.addWidget(view)
    view.setModel(model)
    chosen = model.row_at(5)
    view.selectionModel().select(model.index(5, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
    model.sort(WorkOrderTableModel.CUSTOMER, Qt.SortOrder.DescendingOrder)
    customers = [model.row_at(r).customer for r in range(model.rowCount())]
    assert customers == sorted(customers, reverse=True)
    selected = view.selectionModel().selectedRows()
    assert [model.row_at(i.row()).id for i in selected] == [chosen.id]
    model.sort(WorkOrderTableModel.KIND)
    kinds = [model.row_at(r).kind.value for r in range(model.rowCount())]
    assert kinds == sorted(kinds) and OrderKind.FAULT.value in kinds
