"""File ▸ Monthly report…: pick a month and a region (every region for a user of all of them), make
the report off the GUI thread with its progress (figures, workbook, PDF), save the PDF and the
workbook side by side, see the PDF in the dialog, open either; and, for a supervisor, mark the
region's report sent (`reports.mark_sent`)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.enums import Band
from console.core.domain.roles import may_supervise
from console.core.services.dashboards import Dashboards
from console.core.services.monthly_report import SECTIONS, MonthlyReport, MonthlyReports
from console.core.services.report_sends import DUE_DAY, ReportSends, Sent
from console.core.store.rows import DeskUser
from console.report_xlsx import write_report_xlsx
from console.table_files import ExportError
from console.ui import labels
from console.ui.operations import Operations
from console.ui.report_pdf import write_report_pdf
from console.ui.report_texts import report_words
from console.ui.sla_format import band_name
from console.ui.table_export import failure_text

MONTHS_BACK = 12  # the months offered before the one under way
STEPS = SECTIONS + 2  # the figures' sections, the workbook, the PDF


class MonthlyReportDialog(QDialog):
    marked = Signal()
    """A report was marked sent here (the reminder reads again)."""
    finished_generating = Signal()
    """A generation ended (done or failed)."""

    def __init__(self, reports: MonthlyReports, sends: ReportSends, regions: Callable[[], list], user: DeskUser,
                 operations: Operations, zone: ZoneInfo, english: bool, clock: Callable[[], datetime], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Monthly operational analysis report"))
        self._reports, self._sends, self._user, self._operations = reports, sends, user, operations
        self._zone, self._english, self._clock = zone, english, clock
        self._steps = [0]  # steps done, written by the worker (a plain list: no Qt object goes to the worker, see background.py)
        self._gone = False  # closed: answers arriving later are dropped
        self._poll = QTimer(self, interval=100)
        self._poll.timeout.connect(lambda: self.progress.setValue(self._steps[0]))
        self.saved: tuple[Path, Path] | None = None
        self.report: MonthlyReport | None = None
        self.month, self.region = QComboBox(), QComboBox()
        today = clock().astimezone(zone).date().replace(day=1)
        for back in range(MONTHS_BACK + 1):
            first = _months_before(today, back)
            self.month.addItem(self.tr("%1 (under way)").replace("%1", f"{first:%Y-%m}") if back == 0 else f"{first:%Y-%m}", first)
        self.month.setCurrentIndex(1)
        if user.region_id is not None:
            self.region.addItem((user.region_en if english else user.region) or "", user.region_id)
            self.region.setEnabled(False)
        else:
            self.region.addItem(self.tr("All regions"), None)
            operations.read(regions, self._on_regions)
        self.sent = QLabel()
        self.sent.setWordWrap(True)
        self.note = QLineEdit()
        self.note.setPlaceholderText(self.tr("To whom and how it was sent (optional)"))
        self.note.setMaxLength(500)
        self.mark_button = QPushButton(self.tr("Mark as sent"))
        self.generate_button = QPushButton(self.tr("Generate and save…"))
        self.generate_button.setDefault(True)
        self.progress = QProgressBar()
        self.progress.setRange(0, STEPS)
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_pdf, self.open_xlsx = QPushButton(self.tr("Open the PDF")), QPushButton(self.tr("Open the workbook"))
        self.document = QPdfDocument(self)
        self.preview = QPdfView(self)
        self.preview.setDocument(self.document)
        self.preview.setPageMode(QPdfView.PageMode.MultiPage)
        self.preview.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.preview.setVisible(False)
        self.placeholder = QLabel(self.tr("Choose the month and the region, then Generate and save…: the PDF is shown here, "
                                          "and the Excel workbook is saved beside it."))
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.placeholder.setStyleSheet("color: #616e7c;")
        self._layout()
        self.month.currentIndexChanged.connect(self._on_choice_changed)
        self.region.currentIndexChanged.connect(self._on_choice_changed)
        self.generate_button.clicked.connect(self._on_generate_clicked)
        self.mark_button.clicked.connect(self._on_mark_clicked)
        self.open_pdf.clicked.connect(lambda: self.saved and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved[0]))))
        self.open_xlsx.clicked.connect(lambda: self.saved and QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.saved[1]))))
        self._show_saved(None)
        self._on_choice_changed()

    def _layout(self) -> None:
        form = QFormLayout()
        form.addRow(self.tr("Month:"), self.month)
        form.addRow(self.tr("Region:"), self.region)
        form.addRow(self.tr("Sent:"), self.sent)
        marking = QHBoxLayout()
        marking.addWidget(self.note, 1)
        marking.addWidget(self.mark_button)
        form.addRow("", marking)
        buttons = QHBoxLayout()
        buttons.addWidget(self.generate_button)
        buttons.addWidget(self.progress, 1)
        buttons.addWidget(self.open_pdf)
        buttons.addWidget(self.open_xlsx)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.placeholder, 1)
        self.resize(900, 700)

    def chosen(self) -> tuple[date, uuid.UUID | None]:
        return self.month.currentData(), self.region.currentData()

    def done(self, result: int) -> None:
        self._gone = True
        self._poll.stop()
        super().done(result)

    def closeEvent(self, event) -> None:
        self._gone = True
        self._poll.stop()
        super().closeEvent(event)

    def _on_regions(self, regions: list) -> None:
        if self._gone:
            return
        for region_id, name, name_en in regions:
            self.region.addItem(name_en if self._english else name, region_id)

    # --- sent state ---------------------------------------------------------------------------

    def _on_choice_changed(self) -> None:
        month, region = self.chosen()
        over = month < self._clock().astimezone(self._zone).date().replace(day=1)
        supervising = may_supervise(self._user.role)
        self.mark_button.setEnabled(False)
        self.note.setEnabled(False)
        if region is None:
            self.sent.setText(self.tr("Choose a region to see whether its report was sent and to mark it sent."))
            return
        if not over:
            self.sent.setText(self.tr("The month is not over: its report is sent in the month after."))
            return
        self._operations.read(lambda: self._sends.sent(month), lambda rows: self._show_sent(rows, month, region, supervising))

    def _show_sent(self, rows: list[Sent], month: date, region: uuid.UUID, supervising: bool) -> None:
        if self._gone or self.chosen() != (month, region):
            return  # the choice changed meanwhile
        done = next((s for s in rows if s.region_id == region), None)
        if done is not None:
            text = self.tr("Sent, marked by %1 at %2.").replace("%1", done.by).replace("%2", labels.local_time(done.at, self._zone))
            self.sent.setText(text + (f" {done.note}" if done.note else ""))
            return
        due = _next_month(month).replace(day=DUE_DAY)
        late = self._clock().astimezone(self._zone).date() > due
        text = self.tr("Not sent yet: due by %1.").replace("%1", f"{due:%Y-%m-%d}")
        self.sent.setText(f"<span style='color:#c62828; font-weight:bold'>{text}</span>" if late else text)
        self.mark_button.setEnabled(supervising)
        self.note.setEnabled(supervising)
        if not supervising:
            self.mark_button.setToolTip(self.tr("Only a shift supervisor marks the report sent."))

    def _on_mark_clicked(self) -> None:
        month, region = self.chosen()
        note = self.note.text()
        self.mark_button.setEnabled(False)
        self._operations.write(lambda: self._sends.mark_sent(region, month, note), lambda _c: self._on_marked(),
                               self._on_mark_failed, origin=self)

    def _on_marked(self) -> None:
        self.marked.emit()
        if self._gone:
            return
        self.note.clear()
        self._on_choice_changed()

    def _on_mark_failed(self, error: Exception) -> None:
        if self._gone:
            return
        self.sent.setText(self.tr("It could not be marked sent: %1").replace("%1", labels.saving_failure(error)))
        self._on_choice_changed()

    # --- generating ---------------------------------------------------------------------------

    def default_path(self) -> Path:
        month, _region = self.chosen()
        folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())
        region = self.region.currentText().replace("/", "-")
        name = self.tr("Monthly report %1 %2").replace("%1", f"{month:%Y-%m}").replace("%2", region)
        return folder / f"{name}.pdf"

    def _on_generate_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(self, self.tr("Save the monthly report"), str(self.default_path()),
                                                    self.tr("PDF (*.pdf)"))
        if path:
            self.generate(Path(path))

    def generate(self, pdf: Path) -> None:
        """Make the report and write the PDF and, beside it, the workbook (same name, .xlsx), off the GUI thread."""
        pdf = pdf if pdf.suffix.lower() == ".pdf" else pdf.with_suffix(".pdf")
        xlsx = pdf.with_suffix(".xlsx")
        month, region = self.chosen()
        words, bands = report_words(self._english), _band_names()  # (translated here, on the GUI thread)
        reports, now, steps = self._reports, self._clock(), self._steps
        steps[0] = 0

        def job() -> tuple[MonthlyReport, int]:
            report = reports.build(region, month, now, lambda done, _n: steps.__setitem__(0, done))
            write_report_xlsx(xlsx, report, words)
            steps[0] = SECTIONS + 1
            pages = write_report_pdf(pdf, report, words, bands)
            steps[0] = STEPS
            return report, pages

        self.generate_button.setEnabled(False)
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self._poll.start()
        self.status.setText(self.tr("Computing the figures and writing the files…"))
        self._operations.read(job, lambda result: self._on_generated(result, pdf, xlsx), self._on_generate_failed)

    def _on_generated(self, result: tuple[MonthlyReport, int], pdf: Path, xlsx: Path) -> None:
        if self._gone:
            return
        self._poll.stop()
        self.report, pages = result
        self.generate_button.setEnabled(True)
        self.progress.setVisible(False)
        self._show_saved((pdf, xlsx))
        self.status.setText(self.tr("Saved %1 (%n page(s)) and %2.", "", pages).replace("%1", str(pdf)).replace("%2", xlsx.name))
        self.document.load(str(pdf))
        self.placeholder.setVisible(False)
        self.preview.setVisible(True)
        self.finished_generating.emit()

    def _on_generate_failed(self, error: Exception) -> None:
        if self._gone:
            return
        self._poll.stop()
        self.generate_button.setEnabled(True)
        self.progress.setVisible(False)
        reason = failure_text(error) if isinstance(error, ExportError) else str(error)
        self.status.setText(self.tr("The report was not made: %1").replace("%1", reason))
        self.finished_generating.emit()

    def _show_saved(self, saved: tuple[Path, Path] | None) -> None:
        self.saved = saved
        self.open_pdf.setEnabled(saved is not None)
        self.open_xlsx.setEnabled(saved is not None)


def _band_names() -> dict[str, str]:
    names = {band.value: band_name(band) for band in Band}
    names["paused"] = QCoreApplication.translate("MonthlyReportDialog", "Paused")
    return names


def _months_before(first: date, back: int) -> date:
    index = first.year * 12 + first.month - 1 - back
    return date(index // 12, index % 12 + 1, 1)


def _next_month(first: date) -> date:
    return _months_before(first, -1)


def open_dialog(window, english: bool) -> MonthlyReportDialog:
    desk = window._desk
    dialog = MonthlyReportDialog(MonthlyReports(desk.database), ReportSends(desk.database, desk.user, desk.clock),
                                 Dashboards(desk.database).regions, desk.user, window.operations, window.model.zone, english,
                                 desk.clock, window)
    return dialog
