"""The conflicts panel: each refused change of this desk, mine against theirs; re-apply or drop."""

from __future__ import annotations

from collections.abc import Callable
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.sync.conflicts import ConflictError, ConflictRow, Conflicts
from console.ui import labels
from console.ui.operations import Operations
from console.ui.sync_status import SyncTexts
from console.ui.table_export import EXPORT_ROLE, attach


class ConflictsDialog(QDialog):
    """Each refused change: when, what, why; mine against theirs; re-apply or drop."""

    def __init__(self, conflicts: Conflicts, operations: Operations, zone: ZoneInfo, parent: QWidget | None = None):
        """Reads and resolutions run through `operations` (off the GUI thread); a resolution's
        changes go out on the desk's bus."""
        super().__init__(parent)
        self._conflicts, self._operations, self._zone = conflicts, operations, zone
        self._rows: list[ConflictRow] = []
        self.setWindowTitle(self.tr("Sync conflicts"))
        self.resize(900, 520)
        intro = QLabel(self.tr("The centre refused these changes of this desk because someone changed the same thing first. "
                               "Re-apply yours on top of the current state, or drop it and keep theirs. Both are kept in the audit log."))
        intro.setWordWrap(True)
        self.list = QTableWidget(0, 5)
        self.list.setHorizontalHeaderLabels([self.tr("Saved"), self.tr("Refused"), self.tr("Order"), self.tr("Change"), self.tr("Why")])
        self.list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.list.verticalHeader().hide()
        self.list.itemSelectionChanged.connect(self._show_selected)
        attach(self.list, self.tr("Sync conflicts"))  # Export… and Print… in its context menu
        self.differences = QTableWidget(0, 3)
        self.differences.setHorizontalHeaderLabels([self.tr("Field"), self.tr("Mine"), self.tr("Theirs (the centre's)")])
        self.differences.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.differences.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.differences.verticalHeader().hide()
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.list)
        split.addWidget(self.differences)
        self.reapply_button = QPushButton(self.tr("Re-apply mine"))
        self.drop_button = QPushButton(self.tr("Drop mine, keep theirs"))
        self.reapply_button.clicked.connect(lambda: self._resolve(True))
        self.drop_button.clicked.connect(lambda: self._resolve(False))
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.reapply_button)
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(split, 1)
        self.note = QLabel()  # what went with the last one resolved
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self.reload()

    def reload(self, then: Callable[[], None] | None = None) -> None:
        def shown(rows: list[ConflictRow]) -> None:
            self._show(rows)
            if then is not None:
                then()

        self._operations.read(self._conflicts.open, shown, lambda error: self.note.setText(str(error)))

    def _show(self, rows: list[ConflictRow]) -> None:
        self._rows = rows
        self.list.setRowCount(len(self._rows))
        texts = SyncTexts()
        for r, row in enumerate(self._rows):
            cells = [labels.local_time(row.created_at, self._zone), labels.local_time(row.refused_at, self._zone),
                     row.order_number or "—", texts.summary(row.summary), texts.refusal(row.code, row.args, row.reason)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c < 2:  # (the two times: instants in a file)
                    item.setData(EXPORT_ROLE, row.created_at if c == 0 else row.refused_at)
                self.list.setItem(r, c, item)
        self.list.resizeColumnsToContents()
        if self._rows:
            self.list.selectRow(0)
        self._show_selected()

    def _selected(self) -> ConflictRow | None:
        rows = self.list.selectionModel().selectedRows()
        return self._rows[rows[0].row()] if rows else None

    def _show_selected(self) -> None:
        row = self._selected()
        differences = row.differences if row else ()
        self.differences.setRowCount(len(differences))
        texts = SyncTexts()
        for r, d in enumerate(differences):
            for c, value in enumerate((texts.field(d.table, d.column), texts.value(d.table, d.column, d.mine, self._zone),
                                       texts.value(d.table, d.column, d.theirs, self._zone))):
                self.differences.setItem(r, c, QTableWidgetItem(value))
        self.reapply_button.setEnabled(row is not None)
        self.drop_button.setEnabled(row is not None)

    def _resolve(self, reapply: bool) -> None:
        row = self._selected()
        if row is None:
            return
        before = len(self._rows)
        self.note.clear()
        self.reapply_button.setEnabled(False)
        self.drop_button.setEnabled(False)
        conflicts = self._conflicts
        resolve = (lambda: conflicts.reapply(row.id)) if reapply else (lambda: conflicts.drop(row.id))
        self._operations.write(resolve, lambda _changes: self.reload(lambda: self._say_resolved(before, reapply)),
                               self._on_resolve_failed, origin=self)

    def _on_resolve_failed(self, exc: Exception) -> None:
        if isinstance(exc, ConflictError):
            texts = SyncTexts()
            text = {"resolved": self.tr("This conflict was resolved already."),
                    "already_paused": self.tr("The order's clock is paused already (by someone else): re-applying this pause "
                                              "would count the same time twice. Drop it."),
                    "already_resumed": self.tr("This pause has ended already: there is nothing to resume. Drop it."),
                    "rules": labels.name(exc.refusal) or self.tr("The rules refuse it now: drop it."),
                    "outdated": self.tr("This change was saved by an older Dispatch Console and cannot be re-applied: "
                                        "drop it and do it again."),
                    "gone": self.tr("The %1 is no longer there: this change cannot be re-applied; drop it.").replace(
                        "%1", texts.table(exc.table))}.get(exc.kind, str(exc))
        else:
            text = self.tr("The change could not be saved: %1").replace("%1", labels.saving_failure(exc))
        QMessageBox.warning(self, self.windowTitle(), text)
        self.reload()

    def _say_resolved(self, before: int, reapply: bool) -> None:
        others = before - len(self._rows) - 1
        if others > 0:
            self.note.setText(self.tr("%n earlier change(s) of this desk that made rows it changes were re-applied with it.", "", others)
                               if reapply else
                               self.tr("%n later change(s) of this desk to rows it made were dropped with it.", "", others))
