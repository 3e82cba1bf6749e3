"""The reason lists as the supervisor edited them, for the dialogs that pick a reason.

The lists are centre-wide reference data: read off the GUI thread when the window opens and again
whenever the rules change (`install`), and kept here for every dialog of the desk, as the language
is. A combo box filled by `fill` carries the built-in reason as its item data (what the order
records, what the callers always read) and a sub-reason's words in `RECORDED_ROLE`; `note_for`
puts those words on the note's first line (`console.core.domain.reasons.note_with`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from console.core.changes import Changes
from console.core.domain.reasons import Offered, ReasonEntry, ReasonKind, default_list, note_with, offered
from console.ui import labels

if TYPE_CHECKING:
    from console.core.services.rules_admin import RulesAdmin
    from console.ui.main_window import MainWindow

RECORDED_ROLE = Qt.ItemDataRole.UserRole + 1

_lists: dict[ReasonKind, tuple[ReasonEntry, ...]] = {kind: default_list(kind) for kind in ReasonKind}
_english = False


def use(lists: dict[ReasonKind, tuple[ReasonEntry, ...]], english: bool | None = None) -> None:
    """The lists from now on (read in a worker; handed over on the GUI thread)."""
    global _english
    _lists.update(lists)
    if english is not None:
        _english = english


def choices(kind: ReasonKind) -> list[Offered]:
    return offered(kind, _lists[kind], _english)


def text_of(choice: Offered) -> str:
    """The words a dialog shows: the list's own, or the desk's name of the built-in reason."""
    return choice.label or labels.name(choice.reason)


def fill(combo: QComboBox, kind: ReasonKind, placeholder: str | None = None) -> None:
    """The list's reasons in its order; `placeholder` first (its data None) when a choice is required."""
    combo.clear()
    if placeholder is not None:
        combo.addItem(placeholder, None)
    for choice in choices(kind):
        text = f"{labels.name(choice.reason)} › {text_of(choice)}" if choice.recorded else text_of(choice)
        combo.addItem(text, choice.reason)
        combo.setItemData(combo.count() - 1, choice.recorded, RECORDED_ROLE)


def note_for(combo: QComboBox, note: str) -> str:
    """The note the order records: a chosen sub-reason's words first."""
    return note_with(combo.currentData(RECORDED_ROLE) or "", note)


def install(window: MainWindow, admin: RulesAdmin, english: bool) -> None:
    """Read the lists now and after every change of the rules (this desk's or the centre's)."""

    def read() -> None:
        window.operations.read(admin.reason_lists, lambda lists: use(lists, english), lambda _error: None)

    def on_changed(changes: Changes, _origin: object) -> None:
        if changes.everything:
            read()

    use({}, english)
    window.bus.changed.connect(on_changed)
    read()
