"""The detail panel: everything about the selected order on one readable page, its whole story on
one time line, and (for an open order) its time left and band, live.

The live line ticks each second from the order's cached instants (`OrderDetail.sla`, the queue's
own): the database is not read again, and only that line of the page is rewritten."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextBrowser, QWidget

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Assurance, Band, CustomerLevel
from console.core.domain.sla import SlaParameters
from console.core.domain.sla_clock import band_at, time_left
from console.core.store.rows import OrderDetail
from console.ui import labels, sla_format, stage_html, timeline_text

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
    order_link_clicked = Signal(object)
    """An order named on the page (the one it replaced, the one that carried it on) was clicked: its id."""

    def __init__(self, zone: ZoneInfo, english: bool = False, parent: QWidget | None = None, *,
                 clock: Callable[[], datetime] | None = None,
                 rules: Callable[[], tuple[BusinessCalendar, SlaParameters]] | None = None):
        """`clock` and `rules` (the desk's calendar and SLA parameters, as the queue has them now)
        make the time left live; without them the page shows the deadline only."""
        super().__init__(parent)
        self._zone = zone
        self._english = english
        self._clock, self._rules = clock, rules
        self._detail: OrderDetail | None = None
        self._live_text = ""
        self._warning = ""
        self._stages_minute: datetime | None = None  # the minute the stage clocks were last drawn for
        self.setOpenLinks(False)
        self.anchorClicked.connect(self._on_anchor_clicked)
        self.document().setDefaultStyleSheet(_CSS)
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        self.show_nothing()

    def show_nothing(self) -> None:
        self._detail = None
        self._timer.stop()
        self.setHtml(self._muted(self.tr("Select an order in the queue to see its details.")))

    def show_detail(self, detail: OrderDetail, warning: str = "") -> None:
        """The order's page; `warning` (another desk has the order open) goes above it."""
        same = self._detail is not None and self._detail.id == detail.id
        kept = self.verticalScrollBar().value()  # (the same order again, changed: read on where one was)
        self._detail, self._warning = detail, warning
        self._live_text = self.live_text()
        self._stages_minute = self._clock().replace(second=0, microsecond=0) if self._clock is not None else None
        self.setHtml((f"<p class='warn'>⚠ {escape(warning)}</p>" if warning else "") + self._page(detail))
        if same:
            self.verticalScrollBar().setValue(kept)
        if self._live_text:
            self._timer.start()
        else:
            self._timer.stop()

    @property
    def detail(self) -> OrderDetail | None:
        return self._detail

    # --- the live time left -----------------------------------------------------------------

    def live_text(self) -> str:
        """"Time left 3:12:09 · Amber" for the open order shown (its running limit, as the queue
        counts it), from the cached instants and the clock; "" when there is nothing to count."""
        d = self._detail
        if d is None or d.sla is None or self._clock is None or self._rules is None:
            return ""
        calendar, params = self._rules()
        now = self._clock()
        left = time_left(d.sla, calendar, params, now)
        band = band_at(d.sla, calendar, params, now)
        text = sla_format.time_left_text(left, d.sla.times.business, calendar.hours_per_day)
        overdue = left.total_seconds() < 0
        parts = [text] if overdue else [self.tr("Time left %1").replace("%1", text), sla_format.band_name(band)]  # ("overdue" says the band)
        if d.sla.paused_since is not None:
            parts.append(self.tr("clock paused"))
        return " · ".join(parts)

    def live_band(self) -> Band | None:
        d = self._detail
        if d is None or d.sla is None or self._clock is None or self._rules is None:
            return None
        calendar, params = self._rules()
        return band_at(d.sla, calendar, params, self._clock())

    def _running_stages(self) -> bool:
        d = self._detail
        return d is not None and d.status.is_open and (any(s.done_at is None for s in d.stages)
                                                       or any(c.started_at and not c.completed_at for c in d.step_clocks))

    def _live_html(self, text: str) -> str:
        band = self.live_band()
        colour = sla_format.BAND_COLOURS[band].name() if band is not None else "#000000"
        return f"<span style='color: {colour}; font-weight: bold;'>● {escape(text)}</span>"

    @Slot()
    def tick(self) -> None:
        """The time left again from the clock (each second while an open order is shown); only its
        line is rewritten, and only when its text changed."""
        text = self.live_text()
        minute = self._clock().replace(second=0, microsecond=0) if self._clock is not None else None
        if self._detail is not None and minute != self._stages_minute and self._running_stages():
            self._stages_minute = minute  # the stage clocks count on by the minute: the page again, the reader's place kept
            self.show_detail(self._detail, self._warning)
            return
        if not text or text == self._live_text:
            return
        block = self.document().begin()
        while block.isValid() and block.text() != "● " + self._live_text:
            block = block.next()
        if not block.isValid():
            return
        cursor = QTextCursor(block)
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertHtml(self._live_html(text))
        self._live_text = text

    @Slot(QUrl)
    def _on_anchor_clicked(self, url: QUrl) -> None:
        if url.scheme() == "order":
            try:
                self.order_link_clicked.emit(uuid.UUID(url.path()))
            except ValueError:
                return

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
        """The page, section by section (each a method: a new section is one line here)."""
        return "".join((
            self._header(d),
            self._time_limit(d),
            self._stages(d),
            self._pauses(d),
            self._customer(d),
            self._site(d),
            self._service(d),
            self._appointments_section(d),
            self._timeline(d),
        ))

    def _header(self, d: OrderDetail) -> str:
        html = f"<h2>{escape(d.number)} · {escape(labels.name(d.kind))} · {escape(labels.name(d.status))}</h2><p>{escape(d.title)}</p>"
        if self._live_text:
            html += f"<p>{self._live_html(self._live_text)}</p>"
        elif not d.status.is_open:
            html += f"<p>{self._outcome(d)}</p>"
        return html

    def _outcome(self, d: OrderDetail) -> str:
        """A closed order: when it ended, and whether it was done within its limit."""
        ended = self.tr("%1 %2").replace("%1", labels.name(d.status)).replace("%2", self._t(d.closed_at)) if d.closed_at else ""
        verdict = ""
        if d.resolved_at is not None and d.due_at is not None:
            late = d.resolved_at - d.due_at
            verdict = (self._warn(self.tr("resolved %1 after its deadline").replace("%1", sla_format.duration(late)))
                       if late > timedelta(0) else escape(self.tr("resolved within its limit")))
        return " · ".join(x for x in (escape(ended), verdict) if x)

    def _order_link(self, d: OrderDetail, number: str | None) -> str:
        """An order number the time line links to, clickable."""
        if not number:
            return ""
        order_id = next((e.linked[0] for e in d.timeline if e.linked is not None and e.linked[1] == number), None)
        return f"<a href='order:{order_id}'>{escape(number)}</a>" if order_id else escape(number)

    def _time_limit(self, d: OrderDetail) -> str:
        return self._h3(self.tr("Time limit")) + self._table([
            (self.tr("Received"), self._t(d.received_at)),
            (self.tr("SLA clock started"), self._t(d.sla_started_at) if d.sla_started_at != d.received_at else ""),
            (self.tr("Due"), self._t(d.due_at)),
            (self.tr("Response due"), self._t(d.response_due_at)),
            (self.tr("Clock paused since"), self._warn(self._t(d.paused_since)) if d.paused_since else ""),
            (self.tr("Resolved"), self._t(d.resolved_at)),
            (self.tr("Closed"), self._t(d.closed_at)),
            (self.tr("Current step"), escape(labels.name(d.current_step))),
            (self.tr("Assignee"), escape(" ".join(x for x in (d.assignee, d.assignee_phone) if x))),
            (self.tr("Replaces order"), self._order_link(d, d.replaces_number)),
            (self.tr("Replaced by order"), self._order_link(d, d.replaced_by_number)),
        ])

    def _live_clock(self) -> tuple | None:
        """(calendar, parameters, now) for the stage clocks, when the panel has a clock."""
        if self._clock is None or self._rules is None:
            return None
        calendar, params = self._rules()
        return calendar, params, self._clock()

    def _stages(self, d: OrderDetail) -> str:
        parts: list[str] = []
        live = self._live_clock()
        parts.append(stage_html.stages_section(d, self._zone, live))
        if d.explanation is not None and len(d.stages) <= 1:
            parts.append(self._h3(self.tr("How the deadline is computed")))
            items = "".join(f"<li>{escape(line)}</li>" for line in sla_format.explanation_lines(d.explanation, self._zone))
            parts.append(f"<ol style='margin-left: -20px'>{items}</ol>")
        if d.step_clocks:
            hours_per_day = d.explanation.hours_per_day if d.explanation is not None and d.explanation.hours_per_day else timedelta(hours=9)
            parts.append(stage_html.steps_section(d, self._zone, hours_per_day, live))
        elif d.steps:
            parts.append(self._steps(d))
        return "".join(parts)

    def _pauses(self, d: OrderDetail) -> str:
        if not d.pauses:
            return ""
        return self._h3(self.tr("Pauses")) + self._table([
            (self._t(p.started_at) + " – " + (self._t(p.ended_at) or self.tr("ongoing")), escape(f"{labels.name(p.reason)} {p.note}"))
            for p in d.pauses
        ])

    def _customer(self, d: OrderDetail) -> str:
        return self._h3(self.tr("Customer")) + self._table([
            (self.tr("Name"), escape(d.customer_name)),
            (self.tr("Code"), escape(d.customer_code)),
            (self.tr("Service level"), self._level(d.level)),
            (self.tr("Industry"), escape(d.industry)),
            (self.tr("Contact"), escape(f"{d.contact_name} {d.contact_phone}")),
            (self.tr("Account manager"), escape(d.account_manager)),
        ])

    def _site(self, d: OrderDetail) -> str:
        return self._h3(self.tr("Site")) + self._table([
            (self.tr("Site"), escape(d.site_name)),
            (self.tr("Address"), escape(d.address)),
            (self.tr("District"), escape(d.district_en if self._english else d.district)),
            (self.tr("Position"), f"{d.latitude:.5f}, {d.longitude:.5f}" if d.latitude is not None else self._warn(self.tr("not placed"))),
            (self.tr("Access points"), str(d.access_points)),
            (self.tr("Optical box / port"), escape(f"{d.optical_box} / {d.optical_port}")),
        ])

    def _service(self, d: OrderDetail) -> str:
        parts: list[str] = []
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
        return "".join(parts)

    def _appointments_section(self, d: OrderDetail) -> str:
        return self._h3(self.tr("Appointments")) + (self._appointments(d) if d.appointments else self._muted(self.tr("No appointment yet.")))

    def _timeline(self, d: OrderDetail) -> str:
        """Everything that happened to the order, one line per moment (time in the desk's zone)."""
        rows = "".join(f"<tr><td class='k'>{escape(self._t(e.at))}</td><td>{timeline_text.line(e, self._zone)}</td></tr>"
                       for e in d.timeline)
        return ("<a name='history'></a>" + self._h3(self.tr("History"))
                + (f"<table>{rows}</table>" if rows else self._muted(self.tr("Nothing recorded yet."))))

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
