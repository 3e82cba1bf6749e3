"""The bar above the queue: text search, filters by kind, level, band, status, district and
assignee with how many orders each choice would show, and the saved views.

The counts and the store's part of the search (circuit ids, customer codes, phones) are worked
out in the background, each at most once at a time: a change made meanwhile is taken up when
the running one ends."""

from __future__ import annotations

import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.enums import OPEN_STATUSES, Band, CustomerLevel, OrderKind
from console.core.services.queue_filter import UNASSIGNED, QueueFilter, facet_counts, searches_store
from console.core.store.rows import QueueRow
from console.saved_views import BUILTIN_FILTERS, SavedView, SavedViewsError, load_views, save_views, with_view
from console.ui import labels, sla_format
from console.ui.background import Background

SETTLE_MS = 300  # the pause after the last change before counting and asking the store

Finder = Callable[[str], frozenset[uuid.UUID]]
"""The store's search: open orders whose circuit id, customer code or phone contains the text."""


class ChoiceButton(QToolButton):
    """A button with a menu of checkable choices; nothing checked means any."""

    changed = Signal()
    """The checked choices changed."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self._title = title
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._actions: dict[Any, QAction] = {}
        self._labels: dict[Any, str] = {}
        self._counts: Counter | None = None
        self._update_text()

    def set_choices(self, choices: Iterable[tuple[Any, str]]) -> None:
        checked = self.selected()
        self._menu.clear()
        self._actions, self._labels = {}, {}
        for value, text in choices:
            action = QAction(text, self._menu, checkable=True, checked=value in checked)
            action.toggled.connect(self._on_action_toggled)
            self._menu.addAction(action)
            self._actions[value] = action
            self._labels[value] = text
        self.set_counts(self._counts)

    def set_counts(self, counts: Counter | None) -> None:
        """How many orders each choice would show, right-aligned in the menu (None: not known)."""
        self._counts = counts
        for value, action in self._actions.items():
            label = self._labels[value]
            action.setText(label if counts is None else f"{label}\t{counts.get(value, 0):,}")
        self._update_text()

    def count_text(self, value: Any) -> str:
        """The count shown beside a choice ("" when not known)."""
        text = self._actions[value].text()
        return text.partition("\t")[2]

    def selected(self) -> frozenset:
        return frozenset(v for v, a in self._actions.items() if a.isChecked())

    def set_selected(self, values: Iterable[Any]) -> None:
        wanted = set(values)
        for value, action in self._actions.items():
            action.blockSignals(True)
            action.setChecked(value in wanted)
            action.blockSignals(False)
        self._update_text()

    def _update_text(self) -> None:
        chosen = [self._labels[v] for v, a in self._actions.items() if a.isChecked()]
        if not chosen:
            shown = self.tr("all")
        elif len(chosen) <= 2:
            shown = ", ".join(chosen)
        else:
            shown = self.tr("%1 chosen").replace("%1", str(len(chosen)))
        self.setText(f"{self._title}: {shown}")

    @Slot(bool)
    def _on_action_toggled(self, _checked: bool) -> None:
        self._update_text()
        self.changed.emit()


class QueueFilterBar(QWidget):
    filter_changed = Signal(object)
    """The filter the queue should show changed (a QueueFilter)."""

    counts_shown = Signal()
    """The menus' counts were brought up to date."""

    def __init__(self, views_file: Path, english: bool = False, parent: QWidget | None = None, *,
                 find: Finder | None = None, background: Background | None = None):
        """`find`, the store's search, runs in `background` (as do the menus' counts)."""
        super().__init__(parent)
        self._views_file = views_file
        self._english = english
        self._quiet = False
        self._find = find
        self._background = background or Background(self)
        self._hits: tuple[str, frozenset[uuid.UUID]] = ("", frozenset())  # the store's answer for a text
        self._finding: str | None = None  # the text being looked up
        self._hits_stale = False
        self._source: tuple[Sequence[QueueRow], Callable, Callable] | None = None
        self._counting = False
        self._count_again = False
        # Counting and the store's search start once the typing or clicking has paused: a worker
        # holding the interpreter would slow the next keystroke's filtering on the GUI thread.
        self._settle = QTimer(self, singleShot=True, interval=SETTLE_MS)
        self._settle.timeout.connect(self._on_settle_timeout)
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search number, customer, address, district, technician, circuit, phone"))
        self.search.setToolTip(self.tr("Finds open orders by order number, customer name or code, address, district, "
                                       "technician, circuit id, or contact phone."))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(220)
        self.kinds = ChoiceButton(self.tr("Kind"))
        self.kinds.set_choices((k, labels.name(k)) for k in OrderKind)
        self.levels = ChoiceButton(self.tr("Level"))
        self.levels.set_choices((v, labels.name(v)) for v in CustomerLevel)
        self.bands = ChoiceButton(self.tr("SLA"))
        self.bands.set_choices((b, sla_format.band_name(b)) for b in reversed(Band))
        self.statuses = ChoiceButton(self.tr("Status"))
        self.statuses.set_choices((s, labels.name(s)) for s in OPEN_STATUSES)
        self.districts = ChoiceButton(self.tr("District"))
        self.assignee = QComboBox()
        self.assignee.setMinimumContentsLength(8)
        self.approval = QToolButton()
        self.approval.setCheckable(True)
        self._approval_count: int | None = None
        self._show_approval_count()
        self.views = QComboBox()
        self.views.setMinimumContentsLength(14)
        self.save_view = QToolButton()
        self.save_view.setText(self.tr("Save view…"))
        self.delete_view = QToolButton()
        self.delete_view.setText(self.tr("Delete view"))
        self._orders: tuple[frozenset[uuid.UUID], str] = (frozenset(), "")  # a dashboard's orders and their name
        self._not_open = 0
        self.orders_note = QLabel()
        self.orders_note.setStyleSheet("QLabel { background: #e0f2fe; border: 1px solid #7dd3fc; border-radius: 3px; padding: 1px 6px; }")
        self.clear_orders = QToolButton()
        self.clear_orders.setText(self.tr("Clear"))
        self.clear_orders.setToolTip(self.tr("Show every order again, not only the dashboard's"))
        self.clear_orders.clicked.connect(lambda: self.show_orders(frozenset(), ""))

        self._lay_out()
        self._show_orders_note()

        self._builtin_names = {
            "all": self.tr("All open orders"),
            "red_and_breached": self.tr("Red and breached"),
            "unassigned_and_breached": self.tr("Unassigned and breached"),
            "pauses_awaiting_approval": self.tr("Pauses awaiting approval"),
        }
        self._user_views: list[SavedView] = []
        self.views_problem: str | None = None
        try:
            self._user_views = load_views(views_file)
        except SavedViewsError as exc:
            self.views_problem = str(exc)  # shown by the window; the file is left as it is
        self._fill_views()
        self.set_assignees([])

        self.search.textChanged.connect(self._on_any_changed)
        for button in (self.kinds, self.levels, self.bands, self.statuses, self.districts):
            button.changed.connect(self._on_any_changed)
        self.assignee.currentIndexChanged.connect(self._on_any_changed)
        self.approval.toggled.connect(self._on_any_changed)
        self.views.activated.connect(self._on_views_activated)
        self.save_view.clicked.connect(self._on_save_view_clicked)
        self.delete_view.clicked.connect(self._on_delete_view_clicked)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.views)
        top.addWidget(self.save_view)
        top.addWidget(self.delete_view)
        top.addWidget(self.search, 1)
        bottom = QHBoxLayout()
        for widget in (self.bands, self.kinds, self.levels, self.statuses, self.districts, self.assignee, self.approval):
            bottom.addWidget(widget)
        bottom.addStretch(1)
        bottom.addWidget(self.orders_note)
        bottom.addWidget(self.clear_orders)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addLayout(bottom)

    # --- choices that depend on the data ------------------------------------------------------

    def set_districts(self, names: Iterable[str]) -> None:
        self.districts.set_choices((n, n) for n in sorted(set(names)))

    def set_assignees(self, names: Iterable[str]) -> None:
        current = self.assignee.currentData()
        self.assignee.blockSignals(True)
        self.assignee.clear()
        self.assignee.addItem(self.tr("Assignee: all"), "")
        self.assignee.addItem(self.tr("Unassigned"), UNASSIGNED)
        for name in sorted(set(names)):
            self.assignee.addItem(name, name)
        self.assignee.setCurrentIndex(max(0, self.assignee.findData(current)))
        self.assignee.blockSignals(False)
        self._show_assignee_counts(None)

    def _show_assignee_counts(self, counts: Counter | None) -> None:
        for index in range(1, self.assignee.count()):
            value = self.assignee.itemData(index)
            label = self.tr("Unassigned") if value == UNASSIGNED else value
            self.assignee.setItemText(index, label if counts is None else f"{label} ({counts.get(value, 0):,})")

    def _show_approval_count(self) -> None:
        text = self.tr("Pauses awaiting approval")
        self.approval.setText(text if self._approval_count is None else f"{text} ({self._approval_count:,})")

    # --- counts and the store's search, in the background ----------------------------------------

    def count_over(self, rows: Sequence[QueueRow], band_of: Callable[[uuid.UUID], Band | None],
                   awaits_approval: Callable[[QueueRow], bool]) -> None:
        """The queue's rows (re)loaded: count the menus' choices over them, and ask the store again
        for the search text (new orders may match it). `band_of` and `awaits_approval` must be
        safe to call from a worker."""
        self._source = (rows, band_of, awaits_approval)
        self._hits_stale = True  # new orders may match the text: the store is asked again, its last answer kept meanwhile
        self._settle.start()

    @Slot()
    def _on_settle_timeout(self) -> None:
        self._recount()
        self._look_up(self.search.text().strip())

    def _recount(self) -> None:
        if self._source is None:
            return
        if self._counting:
            self._count_again = True
            return
        self._counting, self._count_again = True, False
        (rows, band_of, awaits), f, english = self._source, self.current_filter(), self._english
        self._background.run(lambda: facet_counts(rows, f, band_of, awaits, english), self._on_counted, self._on_count_failed)

    def _on_counted(self, counts: dict[str, Counter]) -> None:
        self._counting = False
        if self._count_again:
            self._recount()
            return
        for name, button in (("kinds", self.kinds), ("levels", self.levels), ("bands", self.bands),
                             ("statuses", self.statuses), ("districts", self.districts)):
            button.set_counts(counts[name])
        self._show_assignee_counts(counts["assignee"])
        self._approval_count = counts["awaiting_approval"][True]
        self._show_approval_count()
        self.counts_shown.emit()

    def _on_count_failed(self, _error: Exception) -> None:
        self._counting = False  # logged by the background helper; the menus keep their last counts
        if self._count_again:
            self._recount()

    def _look_up(self, text: str) -> None:
        """Ask the store which open orders the text finds (once at a time; the latest text wins)."""
        if self._find is None or not searches_store(text) or (self._hits[0] == text and not self._hits_stale):
            return
        if self._finding is not None:
            return  # _on_found asks again for the text typed meanwhile
        self._finding, self._hits_stale = text, False
        find = self._find
        self._background.run(lambda: find(text), lambda ids: self._on_found(text, ids), lambda _e: self._on_found(text, frozenset()))

    def _on_found(self, text: str, ids: frozenset[uuid.UUID]) -> None:
        self._finding = None
        before, self._hits = self._hits, (text, ids)
        current = self.search.text().strip()
        if current != text:
            self._look_up(current)
            return
        if ids != (before[1] if before[0] == text else frozenset()):
            self._on_any_changed()

    # --- the filter ---------------------------------------------------------------------------

    def current_filter(self) -> QueueFilter:
        text = self.search.text()
        return QueueFilter(
            kinds=self.kinds.selected(),
            levels=self.levels.selected(),
            bands=self.bands.selected(),
            statuses=self.statuses.selected(),
            districts=self.districts.selected(),
            assignee=self.assignee.currentData() or "",
            text=text,
            awaiting_approval=self.approval.isChecked(),
            hits=self._hits[1] if self._hits[0] == text.strip() else frozenset(),
            orders=self._orders[0],
            orders_label=self._orders[1],
        )

    def show_orders(self, ids: frozenset[uuid.UUID], label: str, not_open: int = 0) -> None:
        """Only these orders (a dashboard figure's), named by `label` beside a Clear button; the
        rest of the filter is cleared so that every one of them that is open shows. `not_open`
        of them are closed or cancelled: the queue holds open orders only, and says so."""
        self._orders = (frozenset(ids), label)
        self._not_open = not_open
        self._show_orders_note()
        if ids:
            self.show_filter(QueueFilter(orders=frozenset(ids), orders_label=label))
        else:
            self._on_any_changed()

    def _show_orders_note(self) -> None:
        ids, label = self._orders
        shown = bool(ids)
        self.orders_note.setVisible(shown)
        self.clear_orders.setVisible(shown)
        if shown:
            text = self.tr("%1: %n order(s)", "", len(ids)).replace("%1", label)
            if self._not_open:
                text += " · " + self.tr("%n no longer open (not in the queue)", "", self._not_open)
            self.orders_note.setText(text)

    def show_filter(self, f: QueueFilter) -> None:
        self._quiet = True
        if f.orders != self._orders[0]:
            self._orders, self._not_open = (f.orders, f.orders_label), 0
            self._show_orders_note()
        self.kinds.set_selected(f.kinds)
        self.levels.set_selected(f.levels)
        self.bands.set_selected(f.bands)
        self.statuses.set_selected(f.statuses)
        self.districts.set_selected(f.districts)
        index = self.assignee.findData(f.assignee)
        if index < 0:
            self.assignee.addItem(f.assignee, f.assignee)
            index = self.assignee.count() - 1
        self.assignee.setCurrentIndex(index)
        self.search.setText(f.text)
        self.approval.setChecked(f.awaiting_approval)
        self._quiet = False
        self._on_any_changed()

    @Slot()
    def _on_any_changed(self, *_args: object) -> None:
        if self._quiet:
            return
        f = self.current_filter()
        matching = next((i for i in range(self.views.count()) if self._view_at(i).filter == f), -1)
        self.views.blockSignals(True)
        self.views.setCurrentIndex(matching)
        self.views.blockSignals(False)
        self.delete_view.setEnabled(matching >= 0 and not self._view_at(matching).builtin)
        self.filter_changed.emit(f)
        self._settle.start()

    # --- saved views --------------------------------------------------------------------------

    def _all_views(self) -> list[SavedView]:
        builtin = [SavedView(self._builtin_names[key], f, True) for key, f in BUILTIN_FILTERS.items()]
        return builtin + self._user_views

    def _view_at(self, index: int) -> SavedView:
        return self._all_views()[index]

    def _fill_views(self, select: str | None = None) -> None:
        self.views.blockSignals(True)
        self.views.clear()
        for view in self._all_views():
            self.views.addItem(view.name if view.builtin else "★ " + view.name, view.name)
        self.views.setCurrentIndex(max(0, self.views.findData(select)) if select else 0)
        self.views.blockSignals(False)
        self.delete_view.setEnabled(not self._view_at(self.views.currentIndex()).builtin)

    @Slot(int)
    def _on_views_activated(self, index: int) -> None:
        view = self._view_at(index)
        self.delete_view.setEnabled(not view.builtin)
        self.show_filter(view.filter)

    @Slot()
    def _on_save_view_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of the view:"))
        if not ok:
            return
        self.save_named_view(name)

    def save_named_view(self, name: str) -> bool:
        try:
            views = with_view(self._all_views(), SavedView(name, self.current_filter()))
            save_views(views, self._views_file)
        except (SavedViewsError, OSError) as exc:
            QMessageBox.warning(self, self.tr("Save view"), self.tr("The view was not saved: %1").replace("%1", str(exc)))
            return False
        self._user_views = [v for v in views if not v.builtin]
        self._fill_views(select=name.strip())
        return True

    @Slot()
    def _on_delete_view_clicked(self) -> None:
        view = self._view_at(self.views.currentIndex())
        if view.builtin:
            return
        remaining = [v for v in self._user_views if v.name != view.name]
        try:
            save_views(remaining, self._views_file)
        except OSError as exc:
            QMessageBox.warning(self, self.tr("Delete view"), self.tr("The view was not deleted: %1").replace("%1", str(exc)))
            return
        self._user_views = remaining
        self._fill_views()
        self.show_filter(QueueFilter())
        self.views.setCurrentIndex(0)
        self.setFocus(Qt.FocusReason.OtherFocusReason)
