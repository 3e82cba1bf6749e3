"""The detail panel: everything about the selected order on one readable page."""

from __future__ import annotations

from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtWidgets import QTextBrowser, QWidget

from console.core.domain.enums import Assurance, CustomerLevel, ExceptionKind, PauseReason, SatisfactionRating
from console.core.store.rows import HistoryEntry, OrderDetail
from console.ui import labels, sla_format

_CSS = """
body { font-size: 10pt; }
h2 { margin: 0 0 2px 0; font-size: 13pt; }
h3 { margin: 10px 0 2px 0; font-size: 10.5pt; color: #1f4e79; border-bottom: 1px solid #c8d3e0; }
td { padding: 1px 8px 1px 0; vertical-align: top; }
td.k { color: #5b6470; white-space: nowrap; }
.muted { color: #6b7280; }
.warn { color: #b45309; font-weight: bold; }
"""


class OrderDetailPanel(QTextBrowser):
    def __init__(self, zone: ZoneInfo, english: bool = False, parent: QWidget | None = None):
        super().__init__(parent)
        self._zone = zone
        self._english = english
        self.setOpenLinks(False)
        self.document().setDefaultStyleSheet(_CSS)
        self.show_nothing()

    def show_nothing(self) -> None:
        self.setHtml(self._muted(self.tr("Select an order in the queue to see its details.")))

    def show_detail(self, detail: OrderDetail, warning: str = "") -> None:
        """The order's page; `warning` (another desk has the order open) goes above it."""
        self.setHtml((f"<p class='warn'>⚠ {escape(warning)}</p>" if warning else "") + self._page(detail))

    # --- page ---------------------------------------------------------------------------------

    @staticmethod
    def _h3(text: str) -> str:
        return f"<h3>{escape(text)}</h3>"

    @staticmethod
    def _muted(text: str) -> str:
        return f"<p class='muted'>{escape(text)}</p>"

    @staticmethod
    def _warn(text: str) -> str:
        return f"<span class='warn'>{escape(text)}</span>"

    def _t(self, instant) -> str:
        return labels.local_time(instant, self._zone)

    def _table(self, rows: list[tuple[str, str]]) -> str:
        cells = "".join(f"<tr><td class='k'>{escape(k)}</td><td>{v}</td></tr>" for k, v in rows if v)
        return f"<table>{cells}</table>"

    def _page(self, d: OrderDetail) -> str:

        parts = [
            f"<h2>{escape(d.number)} · {escape(labels.name(d.kind))} · {escape(labels.name(d.status))}</h2>",
            f"<p>{escape(d.title)}</p>",
            self._h3(self.tr("Time limit")),
            self._table([
                (self.tr("Received"), self._t(d.received_at)),
                (self.tr("SLA clock started"), self._t(d.sla_started_at) if d.sla_started_at != d.received_at else ""),
                (self.tr("Due"), self._t(d.due_at)),
                (self.tr("Response due"), self._t(d.response_due_at)),
                (self.tr("Clock paused since"), self._warn(self._t(d.paused_since)) if d.paused_since else ""),
                (self.tr("Current step"), escape(labels.name(d.current_step))),
                (self.tr("Assignee"), escape(" ".join(x for x in (d.assignee, d.assignee_phone) if x))),
                (self.tr("Replaces order"), escape(d.replaces_number or "")),
                (self.tr("Replaced by order"), escape(d.replaced_by_number or "")),
            ]),
        ]
        if d.explanation is not None:
            parts.append(self._h3(self.tr("How the deadline is computed")))
            items = "".join(f"<li>{escape(line)}</li>" for line in sla_format.explanation_lines(d.explanation, self._zone))
            parts.append(f"<ol style='margin-left: -20px'>{items}</ol>")
        if d.steps:
            parts.append(self._steps(d))
        if d.pauses:
            parts.append(self._h3(self.tr("Pauses")))
            parts.append(self._table([
                (self._t(p.started_at) + " – " + (self._t(p.ended_at) or self.tr("ongoing")), escape(f"{labels.name(p.reason)} {p.note}"))
                for p in d.pauses
            ]))
        parts += [
            self._h3(self.tr("Customer")),
            self._table([
                (self.tr("Name"), escape(d.customer_name)),
                (self.tr("Code"), escape(d.customer_code)),
                (self.tr("Service level"), self._level(d.level)),
                (self.tr("Industry"), escape(d.industry)),
                (self.tr("Contact"), escape(f"{d.contact_name} {d.contact_phone}")),
                (self.tr("Account manager"), escape(d.account_manager)),
            ]),
            self._h3(self.tr("Site")),
            self._table([
                (self.tr("Site"), escape(d.site_name)),
                (self.tr("Address"), escape(d.address)),
                (self.tr("District"), escape(d.district_en if self._english else d.district)),
                (self.tr("Position"), f"{d.latitude:.5f}, {d.longitude:.5f}" if d.latitude is not None else self._warn(self.tr("not placed"))),
                (self.tr("Access points"), str(d.access_points)),
                (self.tr("Optical box / port"), escape(f"{d.optical_box} / {d.optical_port}")),
            ]),
        ]
        if d.service_type is not None:
            parts += [
                self._h3(self.tr("Service")),
                self._table([
                    (self.tr("Type"), escape(labels.name(d.service_type))),
                    (self.tr("Circuit"), escape(d.circuit_id or "")),
                    (self.tr("Assurance level"), self._assurance(d.assurance)),
                    (self.tr("Bandwidth"), f"{d.bandwidth_mbps} Mbit/s" if d.bandwidth_mbps else ""),
                ]),
            ]
        parts.append(self._h3(self.tr("Appointments")))
        parts.append(self._appointments(d) if d.appointments else self._muted(self.tr("No appointment yet.")))
        parts.append(self._h3(self.tr("History")))
        parts.append(self._table([(self._t(e.at), self._history_line(e)) for e in d.history]))
        return "".join(parts)

    def _level(self, level: CustomerLevel) -> str:
        text = escape(labels.name(level))
        return f"<b>{text}</b>" if level in (CustomerLevel.KEY, CustomerLevel.DIAMOND) else text

    def _assurance(self, assurance: Assurance | None) -> str:
        return escape(labels.name(assurance))

    def _steps(self, d: OrderDetail) -> str:
        rows = []
        for step in d.steps:
            done = self.tr("done %1").replace("%1", self._t(step.completed_at)) if step.completed_at else ""
            due = self.tr("due %1").replace("%1", self._t(step.due_at))
            rows.append((labels.name(step.step), escape(f"{step.department} · {due} {done}")))
        return self._h3(self.tr("Provisioning steps")) + self._table(rows)

    def _appointments(self, d: OrderDetail) -> str:
        html = []
        for a in d.appointments:
            window = labels.local_window(a.window_start, a.window_end, self._zone)
            orders = ", ".join(a.order_numbers)
            html.append(self._table([
                (self.tr("Window"), f"<b>{escape(window)}</b> · {escape(labels.name(a.status))}"),
                (self.tr("Technician"), escape(a.technician or "")),
                (self.tr("Customer contact"), escape(f"{a.contact_name} {a.contact_phone} ({labels.name(a.contact_method)})")),
                (self.tr("Covers orders"), escape(orders) if len(a.order_numbers) > 1 else ""),
            ]))
            changes = []
            for c in a.changes:
                text = labels.name(c.kind)
                if c.reason is not None:
                    text += f": {labels.name(c.reason)} {c.reason_text}".rstrip()
                elif c.reason_text:
                    text += f": {c.reason_text}"
                if c.old_start is not None and c.new_start is not None:
                    text += f" ({self._t(c.old_start)} → {self._t(c.new_start)})"
                who = " · ".join(x for x in (c.changed_by, labels.name(c.contact_method)) if x)
                changes.append((self._t(c.changed_at), escape(f"{text} — {who}" if who else text)))
            html.append(self._table(changes))
        return "".join(html)

    def _history_line(self, e: HistoryEntry) -> str:
        text = labels.action(e.action)
        details = e.details
        extra = ""
        if e.action == "order.assigned" and details.get("assignee"):
            extra = details["assignee"]
        elif e.action == "field.check_in" and "distance_m" in details:
            extra = self.tr("%1 m from the site").replace("%1", f"{details['distance_m']:.0f}")
            if details.get("off_site"):
                extra = self._warn(extra + " · " + self.tr("off site"))
                return f"{escape(text)} — {extra}" + (f" <span class='muted'>{escape(e.who)}</span>" if e.who else "")
        elif e.action == "field.exception" and details.get("exception_kind"):
            extra = labels.name(ExceptionKind(details["exception_kind"]))
        elif e.action == "field.satisfaction" and details.get("rating"):
            extra = labels.name(SatisfactionRating(details["rating"]))
        elif e.action == "sla.paused" and details.get("reason"):
            extra = labels.name(PauseReason(details["reason"]))
        elif e.action == "field.test_result" and "ping_ms" in details:
            extra = f"ping {details['ping_ms']} ms, loss {details.get('loss_pct', 0)} %"
        line = escape(text) + (f" — {escape(str(extra))}" if extra else "")
        if e.reason:
            line += f" <i>({escape(e.reason)})</i>"
        if e.who:
            line += f" <span class='muted'>{escape(e.who)}</span>"
        return line
