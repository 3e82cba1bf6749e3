"""The rules editor (Orders ▸ Rules…): SLA limits, bands and pauses, business hours, reason lists
and the compliance audit's rules, in tabs.

Everyone may open it and read the rules in force; only a shift supervisor or an administrator may
change them (the fields are read-only for others, and the operations refuse them anyway). Apply
sends the current tab's changes, one operation each, through the desk's operations bus with the
reason typed below (it goes into the audit log); a refusal is shown under the tabs and what was
typed stays. A change that moves deadlines starts their recomputation in the background
(`DeadlineRecompute`, progress in the status bar); the editor may be closed meanwhile.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.editable_rules import EditError, Section
from console.core.domain.reasons import ReasonListError
from console.core.services.deadlines import RuleChange
from console.core.services.rules_admin import MAX_REASON, RulesAdmin, RulesView
from console.ui import labels, reason_choices
from console.ui.deadline_recompute import DeadlineRecompute
from console.ui.operations import Operations
from console.ui.reason_lists_tab import ReasonListsTab
from console.ui.rules_editor_tabs import PROBLEM, Change, LimitsTab, ParameterTab

if TYPE_CHECKING:
    from console.desk import DeskServices
    from console.ui.main_window import MainWindow


class RulesEditor(QDialog):
    saved = Signal()
    """Every change of an Apply was made."""

    def __init__(self, admin: RulesAdmin, operations: Operations, recompute: DeadlineRecompute, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Rules"))
        self._admin, self._operations, self._recompute = admin, operations, recompute
        self._queue: list[Change] = []
        self._why = ""
        self.limits = LimitsTab()
        self.bands, self.hours, self.audit = ParameterTab(Section.BANDS), ParameterTab(Section.HOURS), ParameterTab(Section.AUDIT)
        self.reasons = ReasonListsTab()
        self.tabs = QTabWidget()
        for tab, name in ((self.limits, self.tr("SLA limits")), (self.bands, self.tr("Bands and pauses")),
                          (self.hours, self.tr("Business hours")), (self.reasons, self.tr("Reason lists")),
                          (self.audit, self.tr("Audit rules"))):
            self.tabs.addTab(tab, name)
        self.why = QLineEdit()
        self.why.setPlaceholderText(self.tr("Why the rules change (the notice or agreement they follow): kept in the audit log"))
        self.why.setMaxLength(MAX_REASON)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.apply = QPushButton(self.tr("Apply the changes on this tab"))
        self.apply.clicked.connect(self._on_apply_clicked)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Reason:")))
        bottom.addWidget(self.why, 1)
        bottom.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        layout.addWidget(self.problem)
        layout.addWidget(buttons)
        self._set_editable(False)
        if not admin.may_edit:
            self._say(self.tr("You may read the rules. Only a shift supervisor or an administrator may change them."), problem=False)
        self.resize(980, 640)
        self.load()

    @property
    def editable(self) -> bool:
        return self._admin.may_edit

    def load(self) -> None:
        self._operations.read(self._admin.view, self._on_view_read, self._on_read_failed)

    def _on_view_read(self, view: RulesView) -> None:
        for tab in (self.limits, self.bands, self.hours, self.audit, self.reasons):
            tab.show_view(view)
        self._set_editable(self.editable)

    def _on_read_failed(self, error: Exception) -> None:
        self._say(self.tr("The rules could not be read: %1").replace("%1", str(error)))

    def _set_editable(self, editable: bool) -> None:
        for tab in (self.limits, self.bands, self.hours, self.audit, self.reasons):
            tab.set_editable(editable)
        self.why.setEnabled(editable)
        self.apply.setEnabled(editable)

    def _say(self, text: str, problem: bool = True) -> None:
        self.problem.setStyleSheet(PROBLEM if problem else "color: #374151;")
        self.problem.setText(text)

    def _on_apply_clicked(self) -> None:
        try:
            changes = self.tabs.currentWidget().pending()
        except (EditError, ReasonListError) as error:
            self._say(str(error))
            return
        if not changes:
            self._say(self.tr("Nothing on this tab has changed."), problem=False)
            return
        why = self.why.text().strip()
        if not why:
            self._say(self.tr("Say why the rules change: the reason goes into the audit log with the change."))
            self.why.setFocus()
            return
        self._queue, self._why = list(changes), why
        self.apply.setEnabled(False)
        self._next()

    def _next(self) -> None:
        if not self._queue:
            self.apply.setEnabled(self.editable)
            self.why.clear()
            self._say(self.tr("Saved. Deadlines are recomputed in the background when a change moves them."), problem=False)
            self.saved.emit()
            self.load()
            return
        what, call = self._queue.pop(0)
        admin, why = self._admin, self._why
        self._say(self.tr("Saving: %1…").replace("%1", what), problem=False)
        self._operations.write(lambda: call(admin, why), self._on_change_done,
                               lambda error: self._on_change_failed(what, error), origin=self)

    def _on_change_done(self, change: RuleChange) -> None:
        if change.affected is not None:
            self._recompute.start(change.affected)
        self._next()

    def _on_change_failed(self, what: str, error: Exception) -> None:
        self._queue = []
        self.apply.setEnabled(self.editable)
        self._say(self.tr("Not saved: %1: %2").replace("%1", what).replace("%2", labels.saving_failure(error)))
        # (what was typed stays, to be put right and applied again; Close and open again shows the rules in force)


def install(window: MainWindow, desk: DeskServices, english: bool) -> None:
    """Orders ▸ Rules… and the reason lists the desk's dialogs offer; the recomputation in the status bar."""
    admin = RulesAdmin(desk.database, desk.user, desk.clock)
    window.deadline_recompute = DeadlineRecompute(desk.database, desk.clock, window.operations, window.statusBar(), parent=window)
    reason_choices.install(window, admin, english)
    action = QAction(QCoreApplication.translate("MainWindow", "&Rules…"), window)
    action.triggered.connect(lambda: open_editor(window, admin))
    window.orders_menu.addAction(action)
    window.rules_action = action


def open_editor(window: MainWindow, admin: RulesAdmin) -> RulesEditor:
    """The one editor of the window, kept for its life (an answer on its way never finds it gone):
    raised if open, the rules read again when opened anew."""
    editor: RulesEditor | None = getattr(window, "rules_editor", None)
    if editor is None:
        editor = window.rules_editor = RulesEditor(admin, window.operations, window.deadline_recompute, window)
    elif not editor.isVisible():
        editor.load()
    editor.show()
    editor.raise_()
    return editor
