"""Help → Keyboard shortcuts: every menu action with its key, read from the menus themselves (so
the list is always what the keys do), and the keys of the queue that no menu shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMenu,
    QMenuBar,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)


def _walk(bar: QMenuBar) -> list[tuple[str, QAction]]:
    """Every action of the menus (submenus' too), with the path of menus it sits in."""
    found: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} › {_plain(action.text())}")
            elif not action.isSeparator():
                found.append((path, action))

    for top in bar.actions():
        if top.menu() is not None:
            walk(top.menu(), _plain(top.text()))
    return found


def menu_shortcuts(bar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, action, key as the user's system writes it) for every shown action of the menus that has a key."""
    return [(path, _plain(action.text()), action.shortcut().toString(QKeySequence.SequenceFormat.NativeText))
            for path, action in _walk(bar) if not action.shortcut().isEmpty() and action.isVisible()]


def actions_with_keys(bar: QMenuBar) -> list[QAction]:
    """The menus' actions that have a key (for the tests: each triggers what it says)."""
    return [action for _path, action in _walk(bar) if not action.shortcut().isEmpty()]


def _plain(text: str) -> str:
    """A menu text without its mnemonic mark ("&File", "文件(&F)") and ellipsis."""
    for mark in ("(&", "（&"):
        if mark in text:
            text = text[: text.index(mark)]
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").strip()


class ShortcutsDialog(QDialog):
    def __init__(self, bar: QMenuBar, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        queue = self.tr("Work-order queue")
        rows = menu_shortcuts(bar) + [
            (queue, self.tr("Open the selected order's details"), QKeySequence(Qt.Key.Key_Return).toString(QKeySequence.SequenceFormat.NativeText)),
            (queue, self.tr("Move between orders; Shift to select several"), self.tr("Up / Down, Page Up / Page Down")),
        ]
        self.table = QTableWidget(len(rows), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Where"), self.tr("Action"), self.tr("Key")])
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                item = QTableWidgetItem(value)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                self.table.setItem(r, c, item)
        self.table.verticalHeader().setVisible(False)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # (a list to read: no cell frame)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(640, min(720, 80 + 30 * len(rows)))
