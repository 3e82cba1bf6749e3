"""The working calendar: public holidays, weekends, make-up working days and the supervisor's
overrides, by year, with the year's overrides listed beside the month."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt, Slot
from PySide6.QtGui import QBrush, QColor, QFont, QTextCharFormat
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCalendarWidget,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.calendar import Coverage
from console.core.services.calendar import CalendarAdmin, NotAllowed, YearView
from console.ui import labels
from console.ui.operations import Operations

HOLIDAY = QColor("#f8c4c4")  # a public holiday (and a day a supervisor made a day off)
WEEKEND = QColor("#e5e7eb")  # an ordinary Saturday or Sunday: grey, not the holidays' red
MAKE_UP = QColor("#93c5fd")  # a Saturday or Sunday that is a working day: strong blue, bold
MAKE_UP_TEXT = QColor("#1e3a8a")


class CalendarDialog(QDialog):
    """Reads a year and saves a change through `Operations` (off the GUI thread); a change is
    published on the desk's bus (the open business-time deadlines were recomputed)."""

    def __init__(self, admin: CalendarAdmin, operations: Operations, can_edit: bool, parent: QWidget | None = None,
                 *, today: date | None = None):
        """`today`: the desk's date (in its zone); the dialog opens on it."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Working calendar"))
        self._admin = admin
        self._can_edit = can_edit
        self._operations = operations
        self._view: YearView | None = None
        self._wanted_year: int | None = None
        self.calendar = QCalendarWidget()
        self.calendar.setGridVisible(True)
        self.calendar.setMinimumSize(460, 280)
        if today is not None:
            self.calendar.setSelectedDate(QDate(today.year, today.month, today.day))
        weekend = QTextCharFormat()
        weekend.setBackground(WEEKEND)
        weekend.setForeground(QColor("#374151"))
        for day in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
            self.calendar.setWeekdayTextFormat(day, weekend)
        self.overrides_title = QLabel()
        self.overrides = QTableWidget(0, 3)
        self.overrides.setHorizontalHeaderLabels([self.tr("Date"), self.tr("Set to"), self.tr("Why")])
        self.overrides.verticalHeader().setVisible(False)
        self.overrides.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.overrides.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.overrides.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.overrides.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.overrides.horizontalHeader().setStretchLastSection(True)
        self.overrides.setMinimumWidth(320)
        self.coverage = QLabel()
        self.coverage.setWordWrap(True)
        self.day_info = QLabel()
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("Why (e.g. the notice this comes from)"))
        self.working = QPushButton(self.tr("Make it a working day"))
        self.off = QPushButton(self.tr("Make it a day off"))
        self.clear = QPushButton(self.tr("Follow the statutory calendar"))
        self.official = QPushButton(self.tr("Mark this year's official schedule as entered…"))
        def unbroken(text: str) -> str:  # the legend wraps between its entries, not inside one
            return text.replace(" ", "&nbsp;")

        legend = QLabel(" ".join(
            f'<span style="background:{colour.name()}">&nbsp;&nbsp;&nbsp;&nbsp;</span>&nbsp;{unbroken(text)}&nbsp;&nbsp;'
            for colour, text in ((HOLIDAY, self.tr("Public holiday")), (WEEKEND, self.tr("Weekend")),
                                 (MAKE_UP, "<b>" + self.tr("Make-up working day") + "</b>"))
        ) + " <b><u>" + unbroken(self.tr("Underlined: set by a supervisor")) + "</u></b>")
        legend.setWordWrap(True)
        buttons = QHBoxLayout()
        for button in (self.working, self.off, self.clear):
            buttons.addWidget(button)
            button.setEnabled(can_edit)
        self.official.setEnabled(can_edit)
        left = QVBoxLayout()
        left.addWidget(self.calendar)
        left.addWidget(legend)
        left.addWidget(self.day_info)
        left.addWidget(self.note)
        left.addLayout(buttons)
        left.addWidget(self.official)
        if not can_edit:
            left.addWidget(QLabel(self.tr("Only a shift supervisor can change the calendar.")))
        right = QVBoxLayout()
        right.addWidget(self.overrides_title)
        right.addWidget(self.overrides, 1)
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.coverage)
        layout.addLayout(columns)
        self.overrides.itemSelectionChanged.connect(self._on_overrides_selection_changed)
        self.calendar.currentPageChanged.connect(self._on_calendar_page_changed)
        self.calendar.selectionChanged.connect(self._show_day)
        self.working.clicked.connect(lambda: self._set(True))
        self.off.clicked.connect(lambda: self._set(False))
        self.clear.clicked.connect(self._on_clear_clicked)
        self.official.clicked.connect(self._on_official_clicked)
        self._load(self.calendar.yearShown())

    def _load(self, year: int) -> None:
        self._wanted_year = year
        admin = self._admin
        self._operations.read(lambda: admin.year(year), self._on_year_loaded, self._on_load_failed)

    def _on_load_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.windowTitle(), self.tr("The calendar could not be read: %1").replace("%1", str(error)))

    def _on_year_loaded(self, view: YearView) -> None:
        if view.year != self._wanted_year:
            return  # the user paged on while this year was read
        year = view.year
        self._view = view
        self.calendar.setDateTextFormat(QDate(), QTextCharFormat())  # clears every format
        for day in view.holidays:
            self._format(day, background=HOLIDAY)
        for day in view.make_up_days:
            self._format(day, background=MAKE_UP, make_up=True)
        for override in view.overrides:
            working_weekend = override.is_working and override.day.weekday() >= 5
            background = (MAKE_UP if working_weekend else QColor("white")) if override.is_working else HOLIDAY
            self._format(override.day, background=background, make_up=working_weekend, underline=True)
        self._list_overrides(view)
        if view.coverage is Coverage.OFFICIAL:
            self.coverage.setText(self.tr("%1: official schedule (holidays and make-up days known).").replace("%1", str(year)))
        else:
            self.coverage.setText(
                "<b>" + self.tr("%1: provisional. Holidays are computed by rule and make-up working days are not known "
                                "until the official schedule is entered; deadlines in %1 are marked provisional.").replace("%1", str(year)) + "</b>"
            )
        self._show_day()

    def _format(self, day: date, background: QColor, make_up: bool = False, underline: bool = False) -> None:
        fmt = QTextCharFormat()
        fmt.setBackground(background)
        fmt.setForeground(QBrush(MAKE_UP_TEXT if make_up else QColor("#111827")))
        if make_up or underline:
            fmt.setFontWeight(QFont.Weight.Bold)
        fmt.setFontUnderline(underline)
        self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), fmt)

    def _list_overrides(self, view: YearView) -> None:
        """The year's overrides beside the month: a row selects its day."""
        self.overrides_title.setText("<b>" + self.tr("Set by a supervisor in %1: %2").replace("%1", str(view.year))
                                     .replace("%2", str(len(view.overrides))) + "</b>")
        self.overrides.blockSignals(True)
        self.overrides.setRowCount(len(view.overrides))
        locale = self.locale()
        for row, override in enumerate(view.overrides):
            day = QDate(override.day.year, override.day.month, override.day.day)
            shown = QTableWidgetItem(f"{override.day.isoformat()} {locale.dayName(day.dayOfWeek(), locale.FormatType.ShortFormat)}")
            shown.setData(Qt.ItemDataRole.UserRole, day)
            kind = QTableWidgetItem(self.tr("working day") if override.is_working else self.tr("day off"))
            kind.setBackground(MAKE_UP if override.is_working else HOLIDAY)
            note = QTableWidgetItem(override.note)
            note.setToolTip(override.note)
            for column, item in enumerate((shown, kind, note)):
                self.overrides.setItem(row, column, item)
        self.overrides.resizeRowsToContents()
        self.overrides.blockSignals(False)

    @Slot()
    def _on_overrides_selection_changed(self) -> None:
        items = self.overrides.selectedItems()
        if items:
            self.calendar.setSelectedDate(self.overrides.item(items[0].row(), 0).data(Qt.ItemDataRole.UserRole))

    def _selected(self) -> date:
        q = self.calendar.selectedDate()
        return date(q.year(), q.month(), q.day())

    @Slot()
    def _show_day(self) -> None:
        day, view = self._selected(), self._view
        if view is None:
            return
        override = next((o for o in view.overrides if o.day == day), None)
        if override is not None:
            kind = self.tr("working day") if override.is_working else self.tr("day off")
            text = self.tr("%1: %2, set by a supervisor (%3)").replace("%1", day.isoformat()).replace("%2", kind).replace("%3", override.note)
        elif day in view.holidays:
            text = self.tr("%1: public holiday").replace("%1", day.isoformat())
        elif day in view.make_up_days:
            text = self.tr("%1: make-up working day").replace("%1", day.isoformat())
        else:
            text = day.isoformat()
        self.day_info.setText(text)

    @Slot(int, int)
    def _on_calendar_page_changed(self, year: int, _month: int) -> None:
        if self._wanted_year != year:
            self._load(year)

    def _run(self, action) -> None:
        """Apply a change in the background: it recomputes every open business-time deadline."""
        self._set_busy(True)
        self._operations.write(action, self._on_change_done, self._on_change_failed, origin=self)

    def _set_busy(self, busy: bool) -> None:
        for button in (self.working, self.off, self.clear, self.official):
            button.setEnabled(not busy and self._can_edit)
        self.day_info.setText(self.tr("Recomputing the deadlines of open orders…") if busy else self.day_info.text())

    def _on_change_done(self, _changes) -> None:
        self._set_busy(False)
        self._load(self.calendar.yearShown())

    def _on_change_failed(self, error: Exception) -> None:
        self._set_busy(False)
        self._show_day()
        if isinstance(error, (NotAllowed, ValueError)):
            QMessageBox.warning(self, self.windowTitle(), labels.saving_failure(error))
        else:
            QMessageBox.warning(self, self.windowTitle(), self.tr("The calendar was not changed: %1").replace("%1", str(error)))

    def _set(self, working: bool) -> None:
        day, note = self._selected(), self.note.text()
        self._run(lambda: self._admin.set_day(day, working, note))

    @Slot()
    def _on_clear_clicked(self) -> None:
        day = self._selected()
        self._run(lambda: self._admin.clear_day(day))

    @Slot()
    def _on_official_clicked(self) -> None:
        year = self.calendar.yearShown()
        source, ok = QInputDialog.getText(self, self.windowTitle(), self.tr("Where does the %1 schedule come from?").replace("%1", str(year)))
        if ok:
            self._run(lambda: self._admin.mark_official(year, source))
        self.calendar.setFocus(Qt.FocusReason.OtherFocusReason)
