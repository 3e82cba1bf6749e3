"""Running the batch optimiser for a region's days, reviewing its proposal against the current
plan, and committing all of it or the ticked part. The solver runs off the GUI thread with a
progress bar and can be stopped (the best plan so far is kept); a commit is refused whole when
the plan it was made from changed meanwhile, and the dialog offers to run again."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from console.core.changes import Changes
from console.core.domain.booking_rules import verdict
from console.core.domain.enums import Role
from console.core.services.appointments import PlanCommit
from console.core.services.optimiser import MAX_DAYS, LineKind, NotYourRegion, Optimiser, Proposal, WeightsError
from console.sync.capture import TooLarge
from console.ui import labels
from console.ui.finding_text import describe, refusal_text
from console.ui.operations import Operations
from console.ui.proposal_table import ProposalTable

DEFAULT_SECONDS = 30
log = logging.getLogger(__name__)


class OptimiserDialog(QDialog):
    plan_written = Signal(datetime)
    """Lines of the plan were written (what they changed went out on the bus): the planned days' start."""
    _progressed = Signal(float, float, object)
    """From the solver's thread: elapsed seconds, fraction done, best cost so far."""

    def __init__(self, optimiser: Optimiser, zone: ZoneInfo, clock: Callable[[], datetime], operations: Operations,
                 english: bool, parent: QWidget | None = None):
        super().__init__(parent)
        self._optimiser, self._zone, self._clock, self._operations = optimiser, zone, clock, operations
        self._background = operations.background
        self._role = optimiser.user.role
        self._english = english
        self._cancel: threading.Event | None = None
        self._busy = False  # a commit is being written
        self.proposal: Proposal | None = None
        self.setWindowTitle(self.tr("Optimise the plan"))
        self.resize(1360, 760)
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_setup())
        layout.addWidget(self.summary)
        layout.addLayout(self._build_banner())
        layout.addWidget(self.show_unchanged)
        self.table = ProposalTable(zone)
        layout.addWidget(self.table, 1)
        layout.addLayout(self._build_actions())
        self._connect()
        operations.read(optimiser.regions, self._set_regions, lambda error: self.summary.setText(self._error_text(error)))
        operations.bus.changed.connect(self._on_bus_changed)
        self._on_table_ticks_changed()

    def _build_setup(self) -> QHBoxLayout:
        self.region = QComboBox()
        self.first_day = QDateEdit()
        self.first_day.setCalendarPopup(True)
        self.first_day.setDisplayFormat("yyyy-MM-dd")
        self.days = QSpinBox()
        self.days.setRange(1, MAX_DAYS)
        self.days.setSuffix(self.tr(" day(s)"))
        self.seconds = QSpinBox()
        self.seconds.setRange(5, 600)
        self.seconds.setValue(DEFAULT_SECONDS)
        self.seconds.setSuffix(self.tr(" s"))
        self.run_button = QPushButton(self.tr("Run"))
        self.stop_button = QPushButton(self.tr("Stop"))
        self.stop_button.setEnabled(False)
        self.progress = QProgressBar()
        self.progress.setRange(0, 1000)
        self.progress.setFormat("")
        setup = QHBoxLayout()
        for text, widget in ((self.tr("Region:"), self.region), (self.tr("From:"), self.first_day),
                             (self.tr("For:"), self.days), (self.tr("Search for at most:"), self.seconds)):
            setup.addWidget(QLabel(text))
            setup.addWidget(widget)
        setup.addWidget(self.run_button)
        setup.addWidget(self.stop_button)
        setup.addWidget(self.progress, 1)
        self.summary = QLabel(self.tr("Choose the region and days, then run. Pinned visits and visits about to start are never moved."))
        self.summary.setWordWrap(True)
        self.show_unchanged = QCheckBox(self.tr("Show unchanged visits"))
        return setup

    def _build_banner(self) -> QHBoxLayout:
        self.banner = QLabel()
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff3e0; color: #8a4b00; padding: 6px; border: 1px solid #ffb74d;")
        self.banner.hide()
        self.again_button = QPushButton(self.tr("Run again on the current plan"))
        self.again_button.hide()
        banner_row = QHBoxLayout()
        banner_row.addWidget(self.banner, 1)
        banner_row.addWidget(self.again_button)
        return banner_row

    def _build_actions(self) -> QHBoxLayout:
        self.select_all = QPushButton(self.tr("Tick all I can commit"))
        self.select_none = QPushButton(self.tr("Untick all"))
        self.repair_button = QPushButton(self.tr("Untick what no longer holds"))
        self.repair_button.hide()
        self.selection_label = QLabel()
        self.selection_label.setWordWrap(True)
        self.reason = QLineEdit()
        self.reason.setMaxLength(500)
        self.reason.setPlaceholderText(self.tr("Why the warnings are right anyway (kept in the audit log)"))
        self.commit_button = QPushButton(self.tr("Commit ticked lines"))
        self.close_button = QPushButton(self.tr("Close"))
        actions = QHBoxLayout()
        for widget in (self.select_all, self.select_none, self.repair_button):
            actions.addWidget(widget)
        actions.addWidget(self.selection_label, 1)
        actions.addWidget(QLabel(self.tr("Reason:")))
        actions.addWidget(self.reason, 1)
        actions.addWidget(self.commit_button)
        actions.addWidget(self.close_button)
        return actions

    def _connect(self) -> None:
        self.run_button.clicked.connect(self.run)
        self.again_button.clicked.connect(self.run)
        self.stop_button.clicked.connect(self._on_stop_clicked)
        self._progressed.connect(self._on_progressed)
        self.show_unchanged.toggled.connect(self._show_table)
        self.table.ticks_changed.connect(self._on_table_ticks_changed)
        self.select_all.clicked.connect(lambda: self._tick(None))
        self.select_none.clicked.connect(lambda: self.table.set_ticked(set()))
        self.repair_button.clicked.connect(lambda: self._tick(self.table.ticked()))
        self.reason.textChanged.connect(self._on_table_ticks_changed)
        self.commit_button.clicked.connect(self.commit)
        self.close_button.clicked.connect(self.close)

    def _set_regions(self, regions: list) -> None:
        user = self._optimiser.user
        for region_id, name, name_en in regions:
            if self._role is not Role.DISPATCHER or region_id == user.region_id:
                self.region.addItem(name_en if self._english else name, region_id)
        index = self.region.findData(user.region_id)
        self.region.setCurrentIndex(max(index, 0))
        self.region.setEnabled(self._role is not Role.DISPATCHER)

    def prepare(self, day: date) -> None:
        """Show the dialog for `day` (the board's first day), keeping a proposal already made."""
        if self.proposal is None:
            self.first_day.setDate(QDate(day.year, day.month, day.day))

    # --- running ------------------------------------------------------------------------------

    @Slot()
    def run(self) -> None:
        if self._cancel is not None or self.region.currentData() is None:
            return
        region_id, day = self.region.currentData(), self.first_day.date().toPython()
        start = datetime.combine(day, time(0), self._zone).astimezone(UTC)
        end = start + timedelta(days=self.days.value())
        seconds, now = float(self.seconds.value()), self._clock()
        cancel = self._cancel = threading.Event()
        optimiser, emit = self._optimiser, self._progressed.emit

        def work() -> Proposal:
            job = optimiser.read(region_id, start, end, now)
            return optimiser.run(job, seconds, progress=lambda elapsed, done, best: emit(elapsed, done, best), cancel=cancel)

        self.proposal = None
        self.table.setRowCount(0)
        self.banner.hide()
        self.again_button.hide()
        self.summary.setText(self.tr("Reading the plan and searching…"))
        self.progress.setValue(0)
        self.progress.setFormat(self.tr("starting"))
        self._running(True)
        self._background.run(work, self._on_ran, self._on_run_failed)

    def _running(self, running: bool) -> None:
        for widget in (self.run_button, self.region, self.first_day, self.days, self.seconds, self.commit_button,
                       self.select_all, self.select_none):
            widget.setEnabled(not running and (widget is not self.region or self._role is not Role.DISPATCHER))
        self.stop_button.setEnabled(running)

    def _on_stop_clicked(self) -> None:
        if self._cancel is not None:
            self._cancel.set()
            self.progress.setFormat(self.tr("stopping: keeping the best plan so far"))

    def _on_progressed(self, elapsed: float, done: float, _best) -> None:
        self.progress.setValue(round(done * 1000))
        self.progress.setFormat(self.tr("%1 s of %2 s").replace("%1", f"{elapsed:.0f}").replace("%2", str(self.seconds.value())))

    def _on_ran(self, proposal: Proposal) -> None:
        self._cancel = None
        self._running(False)
        self.proposal = proposal
        self.progress.setValue(1000)
        self.progress.setFormat(self.tr("done in %1 s").replace("%1", f"{proposal.elapsed_s:.0f}"))
        self._show_summary()
        self._show_table()
        self._tick(None)

    def _on_run_failed(self, error: Exception) -> None:
        self._cancel = None
        self._running(False)
        self.progress.setFormat("")
        self.summary.setText(self.tr("The optimiser could not run: %1").replace("%1", self._error_text(error)))

    def _error_text(self, error: Exception) -> str:
        if isinstance(error, NotYourRegion):
            return self.tr("a dispatcher plans their own region only.")
        if isinstance(error, TooLarge):
            return labels.saving_failure(error)
        if isinstance(error, WeightsError):
            return self.tr("the planning weights (rule parameters planning.*) are not usable numbers; "
                           "a supervisor must correct them.") + f" ({error.__cause__ or error})"
        log.error("optimiser failed", exc_info=error)
        return self.tr("an unexpected error (the log has the details).")

    def _show_summary(self) -> None:
        p = self.proposal
        counts = p.counts()
        changed = sum(counts[k] for k in (LineKind.NEW, LineKind.ASSIGNED, LineKind.MOVED, LineKind.REASSIGNED))
        text = self.tr(
            "<b>%1 changes</b>: %2 new visits, %3 technicians assigned, %4 new times, %5 other technicians; "
            "%6 not planned (each says why). Kept where they are: %7 pinned, under way or booked outside the shifts."
        )
        for n, value in enumerate((changed, counts[LineKind.NEW], counts[LineKind.ASSIGNED], counts[LineKind.MOVED],
                                   counts[LineKind.REASSIGNED], counts[LineKind.UNPLANNED], p.pinned), start=1):
            text = text.replace(f"%{n}", str(value))
        travel = self.tr("Travel: %1 km for %2 visits (now %3 km for %4). Deadlines missed: %5 (now %6).")
        for n, value in enumerate((f"{p.proposed_km:,.0f}", p.proposed_visits, f"{p.current_km:,.0f}", p.current_visits,
                                   p.proposed_late, p.current_late), start=1):
            travel = travel.replace(f"%{n}", str(value))
        self.summary.setText(f"{text}<br>{travel}")

    def _show_table(self) -> None:
        if self.proposal is not None:
            ticked = self.table.ticked()
            self.table.show_proposal(self.proposal, self._role, self.show_unchanged.isChecked())
            self.table.set_ticked(ticked)

    # --- choosing lines -----------------------------------------------------------------------

    def _tick(self, keys: set[str] | None) -> None:
        """Tick the largest part (of `keys`, or of everything) this user may commit together."""
        if self.proposal is not None:
            chosen, _findings = self.proposal.selectable(self._role, keys, self._clock())
            self.table.set_ticked(chosen)

    def _on_table_ticks_changed(self) -> None:
        if self._busy:
            return
        ticked = self.table.ticked() if self.proposal is not None else set()
        findings = self.proposal.judge(ticked, self._clock()) if ticked else {}
        for key in ticked:
            self.table.show_findings(key, findings.get(key, ()), self._role)
        blocked = [k for k in ticked if not verdict(list(findings.get(k, ())), self._role).allowed]
        needs_reason = Proposal.needs_reason(findings)
        self.repair_button.setVisible(bool(blocked))
        if blocked:
            self.selection_label.setText(self.tr("%1 ticked lines do not hold with this choice (in red).").replace("%1", str(len(blocked))))
            self.selection_label.setStyleSheet("color: #c62828;")
        else:
            text = self.tr("%1 lines ticked.").replace("%1", str(len(ticked)))
            if needs_reason:
                text += " " + self.tr("Some carry warnings: write a reason.")
            self.selection_label.setText(text)
            self.selection_label.setStyleSheet("")
        self.reason.setEnabled(needs_reason)
        self.commit_button.setEnabled(bool(ticked) and not blocked and self._cancel is None
                                      and (not needs_reason or bool(self.reason.text().strip())))

    # --- committing ---------------------------------------------------------------------------

    @Slot()
    def commit(self) -> None:
        proposal, keys = self.proposal, self.table.ticked()
        if proposal is None or not keys:
            return
        lines = [proposal.line(k) for k in keys]
        reason, optimiser = self.reason.text().strip(), self._optimiser
        self._committing(True)
        self._operations.write(lambda: optimiser.write(proposal, lines, reason),
                               lambda result: self._on_committed(proposal, keys, result), self._on_commit_failed, origin=self)

    def _committing(self, busy: bool) -> None:
        self._busy = busy
        for widget in (self.table, self.commit_button, self.select_all, self.select_none, self.repair_button, self.run_button,
                       self.again_button, self.reason):
            widget.setEnabled(not busy)

    def _on_commit_failed(self, error: Exception) -> None:
        self._committing(False)
        self._on_table_ticks_changed()
        QMessageBox.warning(self, self.windowTitle(), self.tr("Nothing was written: %1").replace("%1", self._error_text(error)))

    def _on_committed(self, proposal: Proposal, keys: set[str], result: PlanCommit) -> None:
        self._committing(False)
        self._on_table_ticks_changed()
        if proposal is not self.proposal:  # a new run replaced it meanwhile: its lines are not these
            return
        if result.ok:
            proposal.committed(result, keys)  # on the GUI thread, which reads the proposal
        if result.stale:
            self._offer_rerun(self.tr("The plan changed while the optimiser worked: %1 visits or orders it read were changed "
                                      "by someone else. Nothing was written.").replace("%1", str(len(result.stale))))
            return
        if result.refused:
            for key, booking in result.refused.items():
                found = "; ".join(describe(f, self._zone) for f in booking.findings if f.override.value == "never")
                self.table.show_refusal(key, found or refusal_text(booking.refusal, booking.detail))
            QMessageBox.warning(self, self.windowTitle(), self.tr(
                "Nothing was written: the booking rules refuse %1 of the ticked lines as the plan stands now (shown in red). "
                "Untick them, or run the optimiser again.").replace("%1", str(len(result.refused))))
            self._on_table_ticks_changed()
            return
        for key in keys:
            self.table.mark_written(key)
        self.plan_written.emit(proposal.setup.problem.origin)
        self._show_summary()
        self.reason.clear()
        self._on_table_ticks_changed()
        self.selection_label.setText(self.tr("%1 lines written.").replace("%1", str(len(keys))))

    def _offer_rerun(self, text: str) -> None:
        self.banner.setText(text)
        self.banner.show()
        self.again_button.show()
        answer = QMessageBox.question(self, self.windowTitle(), text + "\n\n" + self.tr("Run the optimiser again on the current plan?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.run()

    @Slot(object, object)
    def _on_bus_changed(self, changes: Changes, origin: object | None) -> None:
        """Something changed elsewhere: if the proposal read it, say that committing would be refused."""
        p = self.proposal
        if p is None or origin is self:
            return
        touched = changes.everything or changes.appointments & p.basis.appointments.keys() or changes.orders & p.basis.orders.keys()
        if touched:
            self.banner.setText(self.tr("The plan changed since the optimiser ran: a commit would be refused. Run it again."))
            self.banner.show()
            self.again_button.show()

    def closeEvent(self, event) -> None:
        if self._cancel is not None:
            self._cancel.set()
        super().closeEvent(event)
