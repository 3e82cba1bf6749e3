"""The work-order queue as a table model: cached frozen rows, filtered and sorted in the model.

Countdown and band cells are computed from each row's cached SLA instants when they are painted
(see SlaDelegate); `tick()` only tells the view which visible cells to repaint.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Band, CustomerLevel, OrderKind
from console.core.domain.sla import SlaParameters
from console.core.domain.sla_clock import band_at, pause_awaits_approval, time_left, urgency_instant
from console.core.services.queue_filter import QueueFilter, row_matcher
from console.core.store.rows import QueueRow
from console.table_files import RowSource
from console.ui import labels, sla_format

_Index = QModelIndex | QPersistentModelIndex


def runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive row numbers grouped: [1, 2, 3, 7] -> [(1, 3), (7, 7)]."""
    runs: list[tuple[int, int]] = []
    for r in rows:
        if runs and r == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    return runs


class WorkOrderTableModel(QAbstractTableModel):
    (BAND, TIME_LEFT, DUE, NUMBER, KIND, CUSTOMER, LEVEL, DISTRICT, STATUS, STEP, ASSIGNEE, APPOINTMENT,
     RECEIVED) = range(13)
    COLUMN_COUNT = 13
    ID_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(
        self,
        zone: ZoneInfo,
        calendar: BusinessCalendar,
        params: SlaParameters,
        clock: Callable[[], datetime],
        english: bool = False,
        parent: Any = None,
    ):
        super().__init__(parent)
        self.zone, self.calendar, self.params, self.clock = zone, calendar, params, clock
        self._english = english
        self._all: list[QueueRow] = []
        self._rows: list[QueueRow] = []
        self._filter = QueueFilter()
        self._shown: dict[uuid.UUID, tuple] = {}  # what each row's SLA cells showed at the last tick
        self._claims: dict[uuid.UUID, list] = {}  # order -> other desks' live claims (sync: conflicts.Claim)
        self._claim_text: Callable[[list, datetime], str] | None = None
        self._claim_icon: Any = None
        self._bold = QFont()
        self._bold.setBold(True)
        self._sort_column, self._sort_order = self.TIME_LEFT, Qt.SortOrder.AscendingOrder

    # --- contents -----------------------------------------------------------------------------

    def set_rows(self, rows: list[QueueRow], presorted: bool = False) -> None:
        """Show these rows; `presorted` rows come from presorted() and need no sort here."""
        self.beginResetModel()
        self._shown.clear()
        self._all = list(rows)
        if not presorted:
            self._sort_all()
        self._apply_filter()
        self.endResetModel()

    def presorted(self, rows: list[QueueRow], now: datetime) -> list[QueueRow]:
        """These rows in the model's current order (pure: may run off the GUI thread)."""
        return _sorted(rows, now, self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder, self.params)

    def set_filter(self, queue_filter: QueueFilter) -> None:
        self.beginResetModel()
        self._filter = queue_filter
        self._apply_filter()
        self.endResetModel()

    def refilter(self) -> None:
        """Apply the filter again (a band filter changes with the clock)."""
        self.set_filter(self._filter)

    @property
    def queue_filter(self) -> QueueFilter:
        return self._filter

    def show_claims_with(self, text: Callable[[list, datetime], str], icon: Any) -> None:
        """How orders other desks have open are marked: `icon` in the number cell, `text(claims, now)` its tooltip."""
        self._claim_text, self._claim_icon = text, icon

    def set_claims(self, claims: dict[uuid.UUID, list]) -> None:
        """The orders other desks have open now, with their claims."""
        changed = self._claims.keys() ^ claims.keys() | {k for k in claims.keys() & self._claims.keys() if claims[k] != self._claims[k]}
        self._claims = claims
        positions = {r.id: n for n, r in enumerate(self._rows)} if changed else {}
        rows = sorted(positions[order_id] for order_id in changed if order_id in positions)
        for start, end in runs(rows):
            self.dataChanged.emit(self.index(start, self.NUMBER), self.index(end, self.NUMBER),
                                  [Qt.ItemDataRole.DecorationRole, Qt.ItemDataRole.ToolTipRole])

    def claims_on(self, order_id: uuid.UUID) -> list:
        return self._claims.get(order_id, [])

    def all_rows(self) -> list[QueueRow]:
        return self._all

    def visible_rows(self) -> list[QueueRow]:
        """The rows shown, in order (after filter and sort)."""
        return self._rows

    def row_at(self, row: int) -> QueueRow:
        return self._rows[row]

    def row_of(self, order_id: uuid.UUID) -> int | None:
        return next((i for i, r in enumerate(self._rows) if r.id == order_id), None)

    def _apply_filter(self) -> None:
        if self._filter.is_empty():
            self._rows = list(self._all)
            return
        matches = row_matcher(self._filter, self.calendar, self.params, self.clock(), self._english)
        self._rows = [r for r in self._all if matches(r)]  # _all is sorted, so the result is too

    def tick(self, first: int, last: int) -> int:
        """Repaint the band and countdown cells of rows first..last (the visible ones) whose text
        changed since they were last shown: a day-long countdown changes once a minute, an
        out-of-hours business countdown not at all. Returns how many rows were repainted."""
        if not self._rows or first > last:
            return 0
        now = self.clock()
        changed: list[int] = []
        shown = self._shown
        for r in range(first, min(last, len(self._rows) - 1) + 1):
            row = self._rows[r]
            state = self.cell_state(row, now)
            if shown.get(row.id) != state:
                shown[row.id] = state
                changed.append(r)
        for start, end in runs(changed):
            self.dataChanged.emit(self.index(start, self.BAND), self.index(end, self.TIME_LEFT), [Qt.ItemDataRole.DisplayRole])
        return len(changed)

    def cell_state(self, row: QueueRow, now: datetime) -> tuple:
        """What the band and countdown cells of a row show now: (band, countdown text, paused)."""
        left = sla_format.time_left_text(self.time_left(row, now), row.sla.times.business, self.calendar.hours_per_day)
        return self.band(row, now), left, row.paused

    # --- the SLA of a row, now ----------------------------------------------------------------

    def band(self, row: QueueRow, now: datetime):
        return band_at(row.sla, self.calendar, self.params, now)

    def time_left(self, row: QueueRow, now: datetime):
        return time_left(row.sla, self.calendar, self.params, now)

    def awaiting_approval(self, row: QueueRow, now: datetime) -> bool:
        return pause_awaits_approval(row.sla, self.params, now)

    # --- Qt's model interface -----------------------------------------------------------------

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole and section == self.TIME_LEFT:
            return self.tr("Time to the deadline. A limit in working time (small calendar) counts working days (wd) of business "
                           "hours and stops outside them; a limit in clock time (small clock) counts hours round the clock. "
                           "Past the deadline: overdue.")
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            self.tr("SLA"), self.tr("Time left"), self.tr("Due"), self.tr("Order no."), self.tr("Kind"),
            self.tr("Customer"), self.tr("Level"), self.tr("District"), self.tr("Status"), self.tr("Step"),
            self.tr("Assignee"), self.tr("Appointment"), self.tr("Received"),
        )
        return titles[section] if 0 <= section < len(titles) else None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, column)
        if role == Qt.ItemDataRole.DecorationRole:
            return self._claim_icon if column == self.NUMBER and row.id in self._claims else None
        if role == Qt.ItemDataRole.FontRole and column == self.LEVEL and row.level in (CustomerLevel.KEY, CustomerLevel.DIAMOND):
            return self._bold
        if role == self.ID_ROLE:
            return row.id
        return None

    def _display(self, row: QueueRow, column: int) -> str:
        match column:
            case self.BAND:
                return sla_format.band_name(self.band(row, self.clock()))
            case self.TIME_LEFT:
                return sla_format.time_left_text(self.time_left(row, self.clock()), row.sla.times.business, self.calendar.hours_per_day)
            case self.DUE:
                return labels.local_time(row.due_at, self.zone)
            case self.NUMBER:
                return row.number
            case self.KIND:
                return labels.name(row.kind)
            case self.CUSTOMER:
                return row.customer
            case self.LEVEL:
                return labels.name(row.level)
            case self.DISTRICT:
                return row.district_en if self._english else row.district
            case self.STATUS:
                status = labels.name(row.status)
                return self.tr("%1 (paused)").replace("%1", status) if row.paused else status
            case self.STEP:
                if row.kind is OrderKind.COMPLAINT and row.stage is not None:
                    return labels.stage_name(row.stage)  # the complaint's running clock: acceptance, investigation, feedback
                return labels.name(row.current_step)
            case self.ASSIGNEE:
                return row.assignee or ""
            case self.APPOINTMENT:
                return labels.local_window(row.appointment_start, row.appointment_end, self.zone)
            case self.RECEIVED:
                return labels.local_time(row.received_at, self.zone)
        return ""

    def _tooltip(self, row: QueueRow, column: int) -> str | None:
        if column == self.NUMBER and row.id in self._claims and self._claim_text is not None:
            return self._claim_text(self._claims[row.id], self.clock())
        if column == self.CUSTOMER:
            return f"{row.customer}\n{row.address}"
        if column == self.TIME_LEFT:
            hours = f"{self.calendar.day_start:%H:%M}-{self.calendar.day_end:%H:%M}"  # rule data, not a constant
            measure = (self.tr("business hours (working days, %1)").replace("%1", hours) if row.sla.times.business
                       else self.tr("clock time, 24x7"))
            text = self.tr("Counted in %1").replace("%1", measure)
            if row.paused:
                text += "\n" + self.tr("Clock paused since %1").replace("%1", labels.local_time(row.sla.paused_since, self.zone))
                if self.awaiting_approval(row, self.clock()):
                    text += "\n" + self.tr("The pause is past its approval limit: the clock runs until a supervisor approves it")
            return text
        return None

    # --- a file of the rows shown (console.ui.table_export) ---------------------------------

    def export_rows(self, columns: list[int]) -> RowSource:
        """The rows shown now as typed values for a file, read in the worker from this snapshot:
        times as instants, the countdown as hours left at this moment (negative once overdue),
        the band by its name, the rest as shown."""
        rows, now = list(self._rows), self.clock()
        cells = [self._export_cell(c, now) for c in columns]
        return RowSource(len(rows), lambda: ([cell(row) for cell in cells] for row in rows),
                         ['0.00" h"' if c == self.TIME_LEFT else None for c in columns])

    def _export_cell(self, column: int, now: datetime) -> Callable[[QueueRow], Any]:
        """One column's value as a function of the row; a translated name is looked up once per value."""
        if column == self.BAND:
            names = {band: sla_format.band_name(band) for band in Band}
            return lambda row: names[self.band(row, now)]
        if column == self.TIME_LEFT:
            return lambda row: round(self.time_left(row, now).total_seconds() / 3600, 2)
        if column in _PLAIN:
            return _PLAIN[column] if column != self.DISTRICT or not self._english else (lambda row: row.district_en or None)
        key = _NAMED.get(column)
        if key is None:
            return lambda row: self._display(row, column) or None
        memo: dict[Any, Any] = {}

        def cell(row: QueueRow) -> Any:
            found = memo.get(key(row), memo)
            if found is memo:
                found = memo[key(row)] = self._display(row, column) or None
            return found

        return cell

    # --- sorting ------------------------------------------------------------------------------

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        before = self.persistentIndexList()
        ids = [self._rows[i.row()].id for i in before]
        self._sort_column, self._sort_order = column, order
        self._sort_all()
        self._apply_filter()
        positions = {r.id: n for n, r in enumerate(self._rows)}
        after = [self.index(positions[i], old.column()) if i in positions else QModelIndex() for i, old in zip(ids, before, strict=True)]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sort_all(self) -> None:
        self._all = _sorted(self._all, self.clock(), self._sort_column, self._sort_order == Qt.SortOrder.DescendingOrder,
                            self.params)


_NAMED: dict[int, Callable[[QueueRow], Any]] = {  # columns shown as a name of the row's values: one translation each
    WorkOrderTableModel.KIND: lambda r: r.kind,
    WorkOrderTableModel.LEVEL: lambda r: r.level,
    WorkOrderTableModel.STATUS: lambda r: (r.status, r.paused),
    WorkOrderTableModel.STEP: lambda r: (r.kind, r.stage, r.current_step),
    WorkOrderTableModel.APPOINTMENT: lambda r: (r.appointment_start, r.appointment_end),  # (few windows, much strftime)
}
_PLAIN: dict[int, Callable[[QueueRow], Any]] = {  # columns that are the row's own value
    WorkOrderTableModel.DUE: lambda r: r.due_at,
    WorkOrderTableModel.RECEIVED: lambda r: r.received_at,
    WorkOrderTableModel.NUMBER: lambda r: r.number,
    WorkOrderTableModel.CUSTOMER: lambda r: r.customer or None,
    WorkOrderTableModel.DISTRICT: lambda r: r.district or None,
    WorkOrderTableModel.ASSIGNEE: lambda r: r.assignee or None,
}

_PRIMARY: dict[int, Callable[[QueueRow], Any]] = {
    WorkOrderTableModel.NUMBER: lambda r: r.number,
    WorkOrderTableModel.KIND: lambda r: r.kind.value,
    WorkOrderTableModel.CUSTOMER: lambda r: r.customer,
    WorkOrderTableModel.LEVEL: lambda r: r.level.rank,
    WorkOrderTableModel.DISTRICT: lambda r: r.district,
    WorkOrderTableModel.STATUS: lambda r: r.status.value,
    WorkOrderTableModel.STEP: lambda r: r.current_step.value if r.current_step else (r.stage.value if r.kind is OrderKind.COMPLAINT and r.stage else ""),
    WorkOrderTableModel.ASSIGNEE: lambda r: r.assignee or "",
    WorkOrderTableModel.APPOINTMENT: lambda r: (r.appointment_start is None, r.appointment_start or r.received_at),
    WorkOrderTableModel.RECEIVED: lambda r: r.received_at,
}


def _sorted(rows: list[QueueRow], now: datetime, column: int, descending: bool, params: SlaParameters) -> list[QueueRow]:
    """Rows by a column, ties by urgency; SLA, time left and due sort by urgency itself: breached
    first, then least time left. Keys are flat lists, so the sorts run at C speed."""
    urgency = [r.sla.times.due_at if r.sla.paused_since is None else urgency_instant(r.sla, params, now) for r in rows]
    primary = _PRIMARY.get(column)
    order = sorted(range(len(rows)), key=urgency.__getitem__, reverse=descending and primary is None)
    if primary is not None:  # a second, stable sort: by the column, ties staying in urgency order
        values = list(map(primary, rows))
        order.sort(key=values.__getitem__, reverse=descending)
    return [rows[i] for i in order]
