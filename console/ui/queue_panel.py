"""The queue: filter bar, table with live countdowns, bulk actions, and the per-second tick."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QPoint, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.enums import Band
from console.core.domain.roles import may_supervise
from console.core.domain.sla_clock import BandCrossing, BandWatch, pause_awaits_approval
from console.core.domain.visits import KIND_SKILL
from console.core.gc_pause import paused_gc
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions, Outcome
from console.core.services.queue_filter import find_orders
from console.core.services.undo import Undo, Undoable, run_undo, undo_of
from console.core.store.rows import DeskUser, QueueRow
from console.ui import labels, table_export
from console.ui.operations import Operations
from console.ui.order_action_dialogs import PauseDialog, TechnicianPickerDialog
from console.ui.queue_filter_bar import QueueFilterBar
from console.ui.work_order_table import WorkOrderTable
from console.ui.work_order_table_model import WorkOrderTableModel, runs


@dataclass(frozen=True)
class PreparedQueue:
    """Rows ready to show: in the model's order, with their band watch and filter choices."""

    rows: list[QueueRow]
    watch: BandWatch
    numbers: dict[uuid.UUID, str]
    districts: set[str]
    assignees: set[str]
    by_id: dict[uuid.UUID, QueueRow]
    alerts: dict[uuid.UUID, tuple[QueueRow, Band]]  # the orders red or late now, with their band


class QueuePanel(QWidget):
    selection_changed = Signal(list)
    """The selected orders changed (a list of order ids, first selected first)."""
    band_counts_changed = Signal(dict)
    """Open orders per band changed (a dict Band -> count)."""
    sla_alert = Signal(list)
    """Orders just turned red or breached (a list of (order number, Band))."""
    crossings = Signal(list)
    """Orders changed band (a list of order ids)."""
    alerts_changed = Signal(set)
    """Orders turned red or late, or stopped being so (a set of the ids that just turned red or late)."""
    rows_shown = Signal(bool)
    """The table shows another set of rows: True when they were (re)loaded, False when filtered."""

    def __init__(self, reader: DeskReader, actions: OrderActions, user: DeskUser, model: WorkOrderTableModel,
                 views_file: Path, operations: Operations, english: bool = False, parent: QWidget | None = None):
        """An action runs through `operations` with the versions of the rows the dispatcher saw, so
        an order changed since (a pull landed meanwhile) is refused at once as changed elsewhere."""
        super().__init__(parent)
        self._reader, self._actions, self._user = reader, actions, user
        self._operations = operations
        self._english = english
        self.assigner = None  # an AssignFlow, set by the window; without one a plain technician picker opens
        self.context_menus: list[QMenu] = []  # more menus for the table's context menu (the order's progress), set by the window
        self.model = model
        self.watch = BandWatch(model.calendar, model.params)
        region_id = user.region_id
        self.filter_bar = QueueFilterBar(views_file, english, find=lambda text: find_orders(reader.database, text, region_id),
                                         background=operations.background)
        self.table = WorkOrderTable(model)
        self.title = QLabel()
        self.toolbar = QToolBar()
        self._build_actions()
        header = QHBoxLayout()
        header.addWidget(self.title)
        header.addStretch(1)
        header.addWidget(self.toolbar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.table, 1)
        self.filter_bar.filter_changed.connect(self._on_filter_bar_filter_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_table_selection_changed)
        self.table.customContextMenuRequested.connect(self._on_table_context_menu)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self.tick)
        self._complete = True
        self._numbers: dict[uuid.UUID, str] = {}
        self._by_id: dict[uuid.UUID, QueueRow] = {}
        self._alert_map: dict[uuid.UUID, tuple[QueueRow, Band]] = {}
        self._update_title()

    # --- actions ------------------------------------------------------------------------------

    def _build_actions(self) -> None:
        self.assign_action = QAction(self.tr("Assign…"), self)
        self.assign_action.triggered.connect(self.assign_selected)
        self.pause_action = QAction(self.tr("Pause clock…"), self)
        self.pause_action.triggered.connect(self.pause_selected)
        self.resume_action = QAction(self.tr("Resume clock"), self)
        self.resume_action.triggered.connect(lambda: self._run(lambda actions, ids: actions.resume(ids), undo=Undoable.RESUME))
        self.approve_action = QAction(self.tr("Approve long pause"), self)
        self.approve_action.triggered.connect(lambda: self._run(lambda actions, ids: actions.approve_pause(ids)))
        self.approve_action.setVisible(may_supervise(self._user.role))
        self.priority_menu = QMenu(self.tr("Priority"), self)
        for priority in range(1, 6):
            action = self.priority_menu.addAction(self.tr("%1 (1 is the most urgent)").replace("%1", str(priority)) if priority == 1 else str(priority))
            action.triggered.connect(lambda _checked=False, p=priority: self._run(lambda actions, ids: actions.set_priority(ids, p),
                                                                                 undo=Undoable.PRIORITY))
        for action in (self.assign_action, self.pause_action, self.resume_action, self.approve_action):
            self.toolbar.addAction(action)
        self.toolbar.addAction(self.priority_menu.menuAction())
        self._build_keys()
        self._enable_actions([])

    def _build_keys(self) -> None:
        """Keyboard-first: every order action has a shortcut, shown in the menus and in Help's list."""
        keys = ((self.assign_action, "Ctrl+D"), (self.pause_action, "Ctrl+P"), (self.resume_action, "Ctrl+Shift+P"),
                (self.approve_action, "Ctrl+Shift+A"))
        for action, key in keys:
            action.setShortcut(QKeySequence(key))
        for priority, action in enumerate(self.priority_menu.actions(), start=1):
            action.setShortcut(QKeySequence(f"Ctrl+{priority}"))
        self.next_urgent_action = QAction(self.tr("&Next red or late order"), self, shortcut=QKeySequence("F8"))
        self.next_urgent_action.triggered.connect(lambda: self.select_urgent(forward=True))
        self.previous_urgent_action = QAction(self.tr("Pre&vious red or late order"), self, shortcut=QKeySequence("Shift+F8"))
        self.previous_urgent_action.triggered.connect(lambda: self.select_urgent(forward=False))
        self.copy_numbers_action = QAction(self.tr("&Copy order numbers"), self, shortcut=QKeySequence.StandardKey.Copy)
        self.copy_numbers_action.triggered.connect(self.copy_numbers)
        self.copy_rows_action = QAction(self.tr("Copy &rows"), self, shortcut=QKeySequence("Ctrl+Shift+C"))
        self.copy_rows_action.triggered.connect(self.copy_rows)
        self.undo_action = QAction(self.tr("&Undo"), self, shortcut=QKeySequence.StandardKey.Undo, enabled=False)
        self.undo_action.triggered.connect(self.undo_last)
        self._undo: Undo | None = None

    def select_urgent(self, forward: bool = True) -> bool:
        """Select the next (or previous) red or late order after the current one, round the end of the
        queue; whether there was one."""
        rows, now = self.model.visible_rows(), self.model.clock()
        if not rows:
            return False
        current = self.table.currentIndex().row()
        start = current if current >= 0 else (-1 if forward else len(rows))
        step = 1 if forward else -1
        for offset in range(1, len(rows) + 1):
            index = (start + step * offset) % len(rows)
            if self.model.band(rows[index], now) in (Band.RED, Band.BREACHED):
                self.table.selectRow(index)
                self.table.scrollTo(self.model.index(index, 0))
                return True
        return False

    def copy_numbers(self) -> None:
        """The selected orders' numbers, one a line, to the clipboard."""
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if rows:
            QGuiApplication.clipboard().setText("\n".join(self.model.row_at(r).number for r in rows))

    def copy_rows(self) -> None:
        """The selected rows as the table shows them (its columns in their order, tab-separated, with a header line)."""
        header = self.table.horizontalHeader()
        columns = [header.logicalIndex(v) for v in range(header.count()) if not header.isSectionHidden(header.logicalIndex(v))]
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows:
            return
        lines = ["\t".join(str(self.model.headerData(c, Qt.Orientation.Horizontal) or "") for c in columns)]
        for r in rows:
            lines.append("\t".join(str(self.model.data(self.model.index(r, c)) or "") for c in columns))
        QGuiApplication.clipboard().setText("\n".join(lines))

    def _enable_actions(self, ids: list[uuid.UUID]) -> None:
        for action in (self.assign_action, self.pause_action, self.resume_action, self.approve_action, self.priority_menu.menuAction(),
                       self.copy_numbers_action, self.copy_rows_action):
            action.setEnabled(bool(ids))

    @property
    def actions(self) -> OrderActions:
        return self._actions

    def alert_rows(self) -> list[tuple[QueueRow, Band]]:
        """Every loaded order red or late now (whatever the filter shows), with its band: found with
        the rows (off the GUI thread), then kept by the band crossings."""
        return list(self._alert_map.values())

    def alert_band(self, order_id: uuid.UUID) -> Band | None:
        """The order's band if it is red or late now."""
        found = self._alert_map.get(order_id)
        return found[1] if found is not None else None

    def _follow_alerts(self, crossings: list[BandCrossing]) -> None:
        entered: set[uuid.UUID] = set()
        changed = False
        for c in crossings:
            row = self._by_id.get(c.order_id)
            if c.band in (Band.RED, Band.BREACHED) and row is not None:
                before = self._alert_map.get(c.order_id)
                if before is None or before[1] is not c.band:  # newly red, or red turned late
                    entered.add(c.order_id)
                    changed = True
                self._alert_map[c.order_id] = (row, c.band)
            elif self._alert_map.pop(c.order_id, None) is not None:
                changed = True
        if changed:
            self.alerts_changed.emit(entered)

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r).id for r in rows]

    def selected_rows(self) -> list[QueueRow]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.model.row_at(r) for r in rows]

    @Slot()
    def assign_selected(self) -> None:
        rows = self.selected_rows()
        if not rows:
            return
        if self.assigner is not None:  # the assign dialog: technicians ranked, the visit booked in the same step
            self.assigner.open(rows, lambda technician: self._run(lambda actions, ids: actions.assign(ids, technician), rows,
                                                                  undo=Undoable.ASSIGN))
            return

        def pick(technicians: list) -> None:
            dialog = TechnicianPickerDialog(technicians, {r.region_id for r in rows}, {KIND_SKILL[r.kind] for r in rows},
                                            self._english, self)
            if dialog.exec() and dialog.chosen is not None:
                technician = dialog.chosen
                self._run(lambda actions, ids: actions.assign(ids, technician), rows, undo=Undoable.ASSIGN)

        self._operations.read(self._reader.technicians, pick, self._on_action_failed)

    @Slot()
    def pause_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        dialog = PauseDialog(len(ids), self)
        if dialog.exec():
            reason, note = dialog.reason.currentData(), dialog.recorded_note()
            self._run(lambda actions, chosen: actions.pause(chosen, reason, note), undo=Undoable.PAUSE)

    def _run(self, act: Callable[[OrderActions, list[uuid.UUID]], Outcome], rows: list[QueueRow] | None = None,
             undo: Undoable | None = None) -> None:
        """`act` on the selected rows (or `rows`, the ones a dialog was opened for), as the dispatcher
        saw them; an `undo` kind makes it the action Undo puts back."""
        rows = self.selected_rows() if rows is None else rows
        if rows:
            actions, ids = self._actions.seen({r.id: r.version for r in rows}), [r.id for r in rows]

            def done(outcome: Outcome) -> None:
                if undo is not None:
                    self._set_undo(undo_of(undo, rows, outcome))
                self._on_action_done(outcome)

            self._operations.write(lambda: act(actions, ids), done, self._on_action_failed, origin=self,
                                   progress=(self, self.tr("Saving…")) if len(ids) > 50 else None)

    def act(self, act: Callable[[OrderActions, list[uuid.UUID]], Outcome], rows: list[QueueRow] | None = None) -> None:
        """Run an action of another menu (the order's progress) on the selection, as `_run` does."""
        self._run(act, rows)

    @Slot()
    def undo_last(self) -> None:
        """Put back what the last action changed: a new action, refused for orders changed since."""
        undo, self._undo = self._undo, None
        self._set_undo(None)
        if undo is not None:
            actions = self._actions
            self._operations.write(lambda: run_undo(undo, actions, actions.database), self._on_action_done,
                                   self._on_action_failed, origin=self)

    def _set_undo(self, undo: Undo | None) -> None:
        self._undo = undo
        self.undo_action.setEnabled(undo is not None)
        what = {Undoable.ASSIGN: self.tr("assignment"), Undoable.PAUSE: self.tr("pause"), Undoable.RESUME: self.tr("resumption"),
                Undoable.PRIORITY: self.tr("priority")}
        self.undo_action.setText(self.tr("&Undo %1 (%n order(s))", "", undo.orders).replace("%1", what[undo.action])
                                 if undo is not None else self.tr("&Undo"))

    def _on_action_done(self, outcome: Outcome) -> None:
        if outcome.refused:
            lines = [f"{number or '?'}: {labels.name(why)}" for number, why in outcome.refused.values()]
            QMessageBox.information(
                self, self.tr("Some orders were not changed"),
                self.tr("%1 changed, %2 not changed:").replace("%1", str(outcome.changed)).replace("%2", str(len(lines)))
                + "\n" + "\n".join(lines[:20]) + ("\n…" if len(lines) > 20 else ""),
            )

    def _on_action_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Nothing was changed"), self.tr("The change could not be saved: %1").replace("%1", labels.saving_failure(error)))

    @Slot(QPoint)
    def _on_table_context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        if self.selected_ids():
            for action in (self.assign_action, self.pause_action, self.resume_action, self.approve_action):
                if action.isVisible():
                    menu.addAction(action)
            menu.addMenu(self.priority_menu)
            for extra in self.context_menus:
                menu.addMenu(extra)
            menu.addSeparator()
        table_export.menu_actions(self.table, menu)  # the queue as shown, to a file or paper
        if not menu.isEmpty():
            menu.exec(self.table.viewport().mapToGlobal(position))
        menu.deleteLater()

    # --- rows ---------------------------------------------------------------------------------

    def prepare(self, rows: list[QueueRow], now: datetime) -> PreparedQueue:
        """The work of showing rows that needs no widget: safe to run off the GUI thread."""
        with paused_gc(freeze=True):
            watch = BandWatch(self.model.calendar, self.model.params)
            watch.reset(((r.id, r.sla) for r in rows), now)
            band = watch.band
            return PreparedQueue(
                rows=self.model.presorted(rows, now),
                watch=watch,
                by_id={r.id: r for r in rows},
                alerts={r.id: (r, b) for r in rows if (b := band(r.id)) in (Band.RED, Band.BREACHED)},
                numbers={r.id: r.number for r in rows},
                districts={r.district_en if self._english else r.district for r in rows},
                assignees={r.assignee for r in rows if r.assignee},
            )

    def show_rows(self, rows: list[QueueRow] | PreparedQueue, now: datetime, complete: bool = True) -> None:
        """Show these rows; `complete` is False for the first screen shown while the rest loads."""
        prepared = rows if isinstance(rows, PreparedQueue) else self.prepare(rows, now)
        self._complete = complete
        selected = self.selected_ids()
        self.model.set_rows(prepared.rows, presorted=True)
        self.filter_bar.set_districts(prepared.districts)
        self.filter_bar.set_assignees(prepared.assignees)
        params = self.model.params
        self.filter_bar.count_over(prepared.rows, prepared.watch.band, lambda row: pause_awaits_approval(row.sla, params, now))
        self.watch = prepared.watch
        self._numbers = prepared.numbers
        self._by_id, self._alert_map = prepared.by_id, prepared.alerts
        self._emit_band_counts()
        self.table.fit_columns_once()
        self.reselect(selected)
        self._update_title()
        self.rows_shown.emit(True)
        if not self.timer.isActive():
            self.timer.start()

    def reselect(self, ids: list[uuid.UUID]) -> None:
        """Select these orders (those shown) with one selection change, not one per row."""
        wanted = set(ids)
        rows = sorted(r for r, row in enumerate(self.model.visible_rows()) if row.id in wanted) if wanted else []
        chosen = QItemSelection()
        for start, end in runs(rows):
            chosen.select(self.model.index(start, 0), self.model.index(end, self.model.columnCount() - 1))
        flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        self.table.selectionModel().select(chosen, flags)
        if rows:
            self.table.selectionModel().setCurrentIndex(self.model.index(rows[0], 0), QItemSelectionModel.SelectionFlag.NoUpdate)

    def select_order(self, order_id: uuid.UUID) -> bool:
        row = self.model.row_of(order_id)
        if row is None:
            return False
        index = self.model.index(row, 0)  # this order alone (selectRow would add to it while Ctrl is held)
        self.table.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.table.scrollTo(index)
        return True

    def _update_title(self) -> None:
        shown, total = self.model.rowCount(), len(self.model.all_rows())
        if not self._complete:
            self.title.setText("<b>" + self.tr("Work-order queue (the %1 most urgent; loading the rest…)").replace("%1", f"{total:,}") + "</b>")
            return
        text = self.tr("Work-order queue (%1 open)").replace("%1", f"{total:,}")
        if shown != total:
            text += " · " + self.tr("%1 shown").replace("%1", f"{shown:,}")
        self.title.setText(f"<b>{text}</b>")

    # --- the clock ----------------------------------------------------------------------------

    @Slot()
    def tick(self) -> None:
        """Once a second: note band crossings, repaint the visible countdowns, nothing more."""
        now = self.model.clock()
        crossings = self.watch.advance(now)
        f = self.model.queue_filter
        if f.awaiting_approval and self.watch.restarted and not crossings:
            self._refilter()
        if crossings:
            self._follow_alerts(crossings)
            self._emit_band_counts()
            self.crossings.emit([c.order_id for c in crossings])
            alerts = self._alerts(crossings)
            if alerts:
                self.sla_alert.emit(alerts)
            if f.awaiting_approval or (f.bands and any(c.band in f.bands or c.previous in f.bands for c in crossings)):
                self._refilter()
        self.model.tick(*self.table.visible_rows())

    def _refilter(self) -> None:
        selected = self.selected_ids()
        self.model.refilter()
        self.reselect(selected)
        self._update_title()
        self._emit_band_counts()
        self.rows_shown.emit(False)

    def _emit_band_counts(self) -> None:
        """Open orders per band, of those the filter shows (the watch's own counts when it shows all)."""
        shown = self.model.visible_rows()
        if len(shown) == len(self.model.all_rows()):
            self.band_counts_changed.emit(dict(self.watch.counts))
            return
        counts, band = dict.fromkeys(Band, 0), self.watch.band
        for row in shown:
            found = band(row.id)
            if found is not None:
                counts[found] += 1
        self.band_counts_changed.emit(counts)

    def _alerts(self, crossings: list[BandCrossing]) -> list[tuple[str, Band]]:
        numbers = self._numbers
        return [
            (numbers[c.order_id], c.band)
            for c in crossings
            if c.band in (Band.RED, Band.BREACHED) and c.order_id in numbers
        ]

    # --- slots --------------------------------------------------------------------------------

    @Slot(object)
    def _on_filter_bar_filter_changed(self, queue_filter) -> None:
        selected = self.selected_ids()
        self.model.set_filter(queue_filter)
        self.reselect(selected)
        self._update_title()
        self._emit_band_counts()
        self.rows_shown.emit(False)

    @Slot(QItemSelection, QItemSelection)
    def _on_table_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        ids = self.selected_ids()
        self._enable_actions(ids)
        self.selection_changed.emit(ids)
