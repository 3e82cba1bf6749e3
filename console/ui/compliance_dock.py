"""The compliance audit (稽核) at the desk: the orders closed in a period that broke a rule of the
audit, with the rules they broke; per technician and per team, how many of their orders were
audited and how many were not compliant; and a supervisor's finding and remedy on an order.

The audit is read off the GUI thread (`ComplianceAudit.review`) when the dock is shown, the period
changes, or a change reaches the desk while it is shown.
"""

from __future__ import annotations

import uuid
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QAction, QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.compliance import Breach, ComplianceRule, Tally
from console.core.domain.roles import may_supervise
from console.core.services.compliance import MAX_TEXT, AuditReport, ComplianceAudit
from console.core.store.rows import DeskUser
from console.ui import labels
from console.ui.operations import Operations
from console.ui.table_export import attach

RULE_NAMES = {
    ComplianceRule.APPOINTMENT_RECORDED: QT_TRANSLATE_NOOP("CompliancePanel", "Appointment recorded"),
    ComplianceRule.CHECK_IN_ON_SITE: QT_TRANSLATE_NOOP("CompliancePanel", "Check-in on site"),
    ComplianceRule.CHECK_IN_ON_TIME: QT_TRANSLATE_NOOP("CompliancePanel", "Check-in on time"),
    ComplianceRule.TESTS_PRESENT: QT_TRANSLATE_NOOP("CompliancePanel", "Tests reported"),
    ComplianceRule.REPORT_PRESENT: QT_TRANSLATE_NOOP("CompliancePanel", "Delivery report"),
    ComplianceRule.SIGNED: QT_TRANSLATE_NOOP("CompliancePanel", "Customer's signature"),
    ComplianceRule.CLOSED_IN_TIME: QT_TRANSLATE_NOOP("CompliancePanel", "Closed in time"),
    ComplianceRule.RETURNED_SAME_DAY: QT_TRANSLATE_NOOP("CompliancePanel", "Returned the same day"),
}


def rule_name(rule: ComplianceRule) -> str:
    return QCoreApplication.translate("CompliancePanel", RULE_NAMES[rule])


def breach_text(breach: Breach) -> str:
    d = breach.detail
    if d.get("missing"):
        what = QCoreApplication.translate("CompliancePanel", "missing")
    elif d.get("off_site"):
        what = QCoreApplication.translate("CompliancePanel", "off site")
    elif d.get("no_contact_method"):
        what = QCoreApplication.translate("CompliancePanel", "no contact method")
    elif "late_minutes" in d:
        what = _late(int(d["late_minutes"]))
    elif "days_late" in d:
        what = QCoreApplication.translate("CompliancePanel", "%1 day(s) late").replace("%1", str(d["days_late"]))
    else:
        what = ""
    return f"{rule_name(breach.rule)}: {what}" if what else rule_name(breach.rule)


def _late(minutes: int) -> str:
    """Minutes late as a person says it: minutes, hours past two, days past two."""
    if minutes < 120:
        return QCoreApplication.translate("CompliancePanel", "%1 min late").replace("%1", str(minutes))
    if minutes < 48 * 60:
        return QCoreApplication.translate("CompliancePanel", "%1 h late").replace("%1", f"{minutes / 60:.0f}")
    return QCoreApplication.translate("CompliancePanel", "%1 days late").replace("%1", f"{minutes / 1440:.0f}")


class FindingDialog(QDialog):
    def __init__(self, number: str, breaches: tuple[Breach, ...], parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Audit finding for %1").replace("%1", number))
        self.rule = QComboBox()
        for breach in breaches:
            self.rule.addItem(breach_text(breach), breach.rule)
        self.rule.addItem(self.tr("Another finding"), None)
        self.finding = QPlainTextEdit()
        self.finding.setPlaceholderText(self.tr("What the audit found, as you would write it in the report"))
        self.remedy = QPlainTextEdit()
        self.remedy.setPlaceholderText(self.tr("The remedy (整改) asked for, and by when"))
        for edit in (self.finding, self.remedy):
            edit.setMaximumHeight(80)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Rule"), self.rule)
        form.addRow(self.tr("Finding"), self.finding)
        form.addRow(self.tr("Remedy"), self.remedy)
        form.addRow(buttons)
        self.setMinimumWidth(460)

    def accept(self) -> None:
        finding, remedy = self.finding.toPlainText().strip(), self.remedy.toPlainText().strip()
        if not finding:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Write the finding."))
            return
        if len(finding) > MAX_TEXT or len(remedy) > MAX_TEXT:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Keep the finding and the remedy under %1 characters each.")
                                .replace("%1", str(MAX_TEXT)))
            return
        super().accept()


class CompliancePanel(QWidget):
    order_chosen = Signal(uuid.UUID)

    PERIODS = ("this_month", "last_month", "last_7_days", "last_30_days")

    def __init__(self, audit: ComplianceAudit, operations: Operations, user: DeskUser, zone: ZoneInfo, clock,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._audit, self._operations, self._user, self._zone, self._clock = audit, operations, user, zone, clock
        self._report: AuditReport | None = None
        self._shown = False
        self._reading = self._again = False
        self.period = QComboBox()
        for key, text in zip(self.PERIODS, (self.tr("This month"), self.tr("Last month"), self.tr("Last 7 days"),
                                            self.tr("Last 30 days")), strict=True):
            self.period.addItem(text, key)
        self.period.currentIndexChanged.connect(self.refresh)
        self.summary = QLabel()
        self.record = QPushButton(self.tr("Record finding…"))
        self.record.setVisible(may_supervise(user.role))
        self.record.clicked.connect(self.record_finding)
        self.orders = self._table([self.tr("Closed"), self.tr("Order"), self.tr("Kind"), self.tr("Technician"), self.tr("Team"),
                                   self.tr("Rules broken"), self.tr("Finding and remedy")])
        self.orders.itemSelectionChanged.connect(lambda: self.record.setEnabled(bool(self._selected_line())))
        self.orders.cellDoubleClicked.connect(self._choose)
        self.people = self._table([self.tr("Technician"), self.tr("Team"), self.tr("Audited"), self.tr("Not compliant"),
                                   self.tr("Compliant"), self.tr("Most broken rule")])
        self.teams = self._table([self.tr("Team"), self.tr("Audited"), self.tr("Not compliant"), self.tr("Compliant"),
                                  self.tr("Most broken rule")])
        tabs = QTabWidget()
        tabs.addTab(self.orders, self.tr("Orders not compliant"))
        tabs.addTab(self.people, self.tr("By technician"))
        tabs.addTab(self.teams, self.tr("By team"))
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Closed in")))
        top.addWidget(self.period)
        top.addWidget(self.summary, 1)
        top.addWidget(self.record)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(tabs, 1)
        for table, name in ((self.orders, self.tr("Orders not compliant")), (self.people, self.tr("Compliance by technician")),
                            (self.teams, self.tr("Compliance by team"))):
            attach(table, name)  # Export… and Print… in its context menu
        self.record.setEnabled(False)

    @staticmethod
    def _table(headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setStretchLastSection(True)
        table.setWordWrap(False)
        return table

    # --- reading ------------------------------------------------------------------------------

    def period_bounds(self) -> tuple[datetime, datetime]:
        """The chosen period in the desk's zone, as UTC instants [start, end)."""
        now = self._clock().astimezone(self._zone)
        today = datetime.combine(now.date(), time(0), self._zone)
        first = today.replace(day=1)
        key = self.period.currentData()
        if key == "last_month":
            start, end = (first - timedelta(days=1)).replace(day=1), first
        elif key == "last_7_days":
            start, end = today - timedelta(days=7), today + timedelta(days=1)
        elif key == "last_30_days":
            start, end = today - timedelta(days=30), today + timedelta(days=1)
        else:
            start, end = first, today + timedelta(days=1)
        return start, end

    def set_shown(self, shown: bool) -> None:
        self._shown = shown
        if shown:
            self.refresh()

    def refresh(self, *_args: object) -> None:
        if not self._shown:
            return
        if self._reading:
            self._again = True  # a change arrived while reading: read once more when this read ends
            return
        self._reading, self._again = True, False
        start, end = self.period_bounds()
        region = self._user.region_id
        self.summary.setText(self.tr("Reading…"))
        self._operations.read(lambda: self._audit.review(start, end, region), self._show, self._failed)

    def on_changes(self, changes, _origin: object = None) -> None:
        """Orders changed (a finding, a close, the feed): the audit again; technicians' positions alone are not its business."""
        if changes.orders or changes.everything:
            self.refresh()

    def _failed(self, error: Exception) -> None:
        self._reading = False
        self.summary.setText(self.tr("The audit could not be read: %1").replace("%1", str(error)))

    def _show(self, report: AuditReport) -> None:
        self._reading = False
        if self._again:
            self.refresh()
        self._report = report
        overall = report.overall
        self.summary.setText(self.tr("%1 orders audited, %2 not compliant (%3 compliant)")
                             .replace("%1", str(report.audited)).replace("%2", str(overall.non_compliant))
                             .replace("%3", f"{overall.rate:.0%}"))
        self._fill_orders(report)
        self._fill_tallies(self.people, sorted(report.by_technician.items(), key=lambda kv: kv[1].rate), with_team=report)
        self._fill_tallies(self.teams, sorted(report.by_team.items(), key=lambda kv: kv[1].rate))

    def _fill_orders(self, report: AuditReport) -> None:
        self.orders.setRowCount(len(report.lines))
        for row, line in enumerate(report.lines):
            o = line.order
            findings = "; ".join(f"{f.finding} → {f.remedy}" if f.remedy else f.finding for f in line.findings)
            values = (labels.local_time(o.closed_at, self._zone), o.number, labels.name(o.kind), o.technician, o.team,
                      "; ".join(breach_text(b) for b in line.breaches), findings)
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if column == 1:
                    item.setData(Qt.ItemDataRole.UserRole, o.id)
                if column == 6 and not findings:
                    item.setText(self.tr("none yet"))
                    item.setForeground(QColor("#9ca3af"))
                self.orders.setItem(row, column, item)
        self.orders.resizeColumnsToContents()

    def _fill_tallies(self, table: QTableWidget, items: list[tuple[str, Tally]], with_team: AuditReport | None = None) -> None:
        teams = with_team.teams if with_team else {}
        table.setRowCount(len(items))
        for row, (name, t) in enumerate(items):
            worst = max(t.by_rule.items(), key=lambda kv: kv[1]) if t.by_rule else None
            values = [name or self.tr("(nobody)")]
            if with_team is not None:
                values.append(teams.get(name, ""))
            values += [str(t.audited), str(t.non_compliant), f"{t.rate:.0%}",
                       f"{rule_name(worst[0])} ({worst[1]})" if worst else ""]
            numbers = len(values) - 4
            for column, value in enumerate(values):
                item = QTableWidgetItem(value)
                if numbers <= column < numbers + 3:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if value.endswith("%") and t.rate < 0.8:
                    item.setForeground(QColor("#b91c1c"))
                table.setItem(row, column, item)
        table.resizeColumnsToContents()

    # --- acting -------------------------------------------------------------------------------

    def _selected_line(self):
        rows = self.orders.selectionModel().selectedRows()
        if not rows or self._report is None:
            return None
        return self._report.lines[rows[0].row()]

    def _choose(self, row: int, _column: int) -> None:
        item = self.orders.item(row, 1)
        if item is not None:
            self.order_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def record_finding(self) -> None:
        line = self._selected_line()
        if line is None:
            return
        dialog = FindingDialog(line.order.number, line.breaches, self)
        if not dialog.exec():
            return
        order_id, rule = line.order.id, dialog.rule.currentData()
        finding, remedy = dialog.finding.toPlainText(), dialog.remedy.toPlainText()
        self._operations.write(lambda: self._audit.record_finding(order_id, rule, finding, remedy), None,
                               self._write_failed, origin=self)  # (its change reaches the bus, which reads the audit again)

    def _write_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Nothing was changed"),
                            self.tr("The finding could not be saved: %1").replace("%1", labels.saving_failure(error)))


def install(window, audit: ComplianceAudit, user: DeskUser) -> CompliancePanel:
    """The audit as a dock of `window` (hidden at first start) and its View menu entry."""
    panel = CompliancePanel(audit, window.operations, user, window.model.zone, window.model.clock)
    dock = QDockWidget(QCoreApplication.translate("MainWindow", "Compliance audit"), window)
    dock.setObjectName("compliance")
    dock.setWidget(panel)
    window.addDockWidget(Qt.DockWidgetArea.BottomDockWidgetArea, dock)
    dock.hide()
    dock.visibilityChanged.connect(panel.set_shown)
    action: QAction = dock.toggleViewAction()
    action.setText(QCoreApplication.translate("MainWindow", "Compliance a&udit"))
    window.view_menu.addAction(action)
    window.compliance_action = action
    window.bus.changed.connect(panel.on_changes)
    panel.order_chosen.connect(window.select_order)
    window.compliance, window.compliance_dock = panel, dock
    return panel
