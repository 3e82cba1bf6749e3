"""The dashboards' five sections, each painting its part of a computed Dashboard and handing a
click on a figure to `drill(name, raw ids)`. Texts in the DashboardPage's translation context."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import numpy as np
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFrame, QGridLayout, QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from console.core.domain.enums import CustomerLevel, OrderKind, Respondent, SlaStage
from console.core.services.dashboard_figures import (
    Bar,
    Dashboard,
    FieldFigures,
    LevelFigures,
    LoadFigures,
    Rate,
    SatisfactionFigures,
)
from console.ui import labels
from console.ui.dashboard_charts import HIGHLIGHT, MUTED, BandChart, CategoryBars, MonthChart, band_label
from console.ui.dashboard_tables import ORDERS_ROLE, RowsModel, table
from console.ui.field_tables import respondent_text

Drill = Callable[[str, Callable[[], Any]], None]
OVER = QColor("#dc2626")
IDLE = QColor("#94a3b8")
MAX_DISTRICTS = 8


def _percent(rate: float | None) -> str:
    return "—" if rate is None else f"{rate:.0%}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _rows_drill(view, drill: Drill, name_of: Callable[[int], str]) -> None:
    """A double click on a table row drills into that row's orders."""

    def activated(index: QModelIndex) -> None:
        orders = view.model().data(index, ORDERS_ROLE)
        if orders is not None and len(orders):
            drill(name_of(index.row()), lambda: orders)

    view.doubleClicked.connect(activated)


class SlaSection(QWidget):
    """Bands over time, breaches by kind, level, stage and district, the next hour's breaches."""

    def __init__(self, zone: ZoneInfo, english: bool, drill: Drill):
        super().__init__()
        self._zone, self._english, self._drill = zone, english, drill
        self.dashboard: Dashboard | None = None
        self.bands = BandChart(self.tr("Open orders by SLA band"), zone)
        self.bands.bucket_clicked.connect(self._on_bands_bucket_clicked)
        self.charts = {
            "kind": CategoryBars(self.tr("Breached by kind")),
            "level": CategoryBars(self.tr("Breached by customer level")),
            "stage": CategoryBars(self.tr("Breached by stage")),
            "district": CategoryBars(self.tr("Breached by district")),
        }
        self._bars: dict[str, list[Bar]] = {}
        for key, chart in self.charts.items():
            chart.bar_clicked.connect(lambda index, key=key: self._on_breach_clicked(key, index))
        self.soon_title = QLabel()
        self.soon_model = RowsModel([self.tr("Order"), self.tr("Customer"), self.tr("Kind"), self.tr("Due")])
        self.soon = table(self.soon_model, stretch=1)
        _rows_drill(self.soon, drill, lambda row: self.tr("breaches within the hour") + " · " + self.soon_model.rows[row][0])
        self.soon_title.linkActivated.connect(lambda _link: self._drill_soon())
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.bands)
        below = QWidget()
        box = QVBoxLayout(below)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.soon_title)
        box.addWidget(self.soon)
        left.addWidget(below)
        left.setSizes([420, 220])
        right = QWidget()
        grid = QGridLayout(right)
        grid.setContentsMargins(0, 0, 0, 0)
        for i, chart in enumerate(self.charts.values()):
            grid.addWidget(chart, i // 2, i % 2)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(right)
        split.setSizes([560, 640])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)

    def show_figures(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        sla = dashboard.sla
        self.bands.show_series(sla.bands.starts, sla.bands.counts, sla.bands.working, sla.bands.hourly)
        districts = sla.by_district[:MAX_DISTRICTS]
        self._bars = {"kind": sla.by_kind, "level": sla.by_level, "stage": sla.by_stage, "district": districts}
        names = {
            "kind": [labels.name(OrderKind(b.key)) for b in sla.by_kind],
            "level": [labels.name(CustomerLevel(b.key)) if b.key else "—" for b in sla.by_level],
            "stage": [_capital(labels.stage_name(SlaStage(b.key))) if b.key else "—" for b in sla.by_stage],
            "district": [(b.label_en if self._english else b.label) or "—" for b in districts],
        }
        for key, chart in self.charts.items():
            chart.show_bars(names[key], [b.count for b in self._bars[key]], [OVER] * len(self._bars[key]))
        self._names = names
        count = len(sla.next_hour_orders)
        link = self.tr("Show in the queue")
        self.soon_title.setText(self.tr("<b>%n order(s)</b> will breach in the next hour if nothing is done",
                                                           None, count) + (f" · <a href='drill'>{link}</a>" if count else ""))
        self.soon_model.reset(
            [(r.number, r.customer, labels.name(OrderKind(r.kind)), f"{r.due_at.astimezone(self._zone):%H:%M}") for r in sla.next_hour],
            [np.array([r.order_id.hex], dtype=object) for r in sla.next_hour])

    def _on_bands_bucket_clicked(self, bucket: int, band: str) -> None:
        if self.dashboard is None or self.dashboard.band_orders is None:
            return
        series = self.dashboard.sla.bands
        if not series.counts[band][bucket]:
            return
        when = datetime.fromtimestamp(series.ends[bucket], UTC).astimezone(self._zone)
        name = f"{band_label(band)} · {when:%m-%d %H:%M}"
        orders = self.dashboard.band_orders
        self._drill(name, lambda: orders.orders(bucket, band))

    def _on_breach_clicked(self, key: str, index: int) -> None:
        bars = self._bars.get(key, [])
        if index < len(bars) and bars[index].count:
            heading = {"kind": self.tr("Breached by kind"), "level": self.tr("Breached by customer level"), "stage": self.tr("Breached by stage"),
                       "district": self.tr("Breached by district")}[key]
            orders = bars[index].orders
            self._drill(f"{heading} · {self._names[key][index]}", lambda: orders)

    def _drill_soon(self) -> None:
        if self.dashboard is not None:
            orders = self.dashboard.sla.next_hour_orders
            self._drill(self.tr("breaches within the hour"), lambda: orders)


class LoadSection(QWidget):
    """Utilisation per team as bars; technicians and teams as tables, idle and overbooked marked."""

    def __init__(self, drill: Drill):
        super().__init__()
        self._drill = drill
        self.load: LoadFigures | None = None
        self.utilisation = CategoryBars(self.tr("Utilisation by team (visits and travel against shift time)"), percent=True)
        self.utilisation.bar_clicked.connect(self._on_team_clicked)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.teams_model = RowsModel([self.tr("Team"), self.tr("Technicians"), self.tr("Open orders"), self.tr("Booked h"), self.tr("Utilisation")])
        self.teams_model.numeric = {1, 2, 3, 4}
        self.teams = table(self.teams_model)
        _rows_drill(self.teams, drill, lambda row: self.tr("Open orders of team %1").replace("%1", self.teams_model.rows[row][0]))
        self.people_model = RowsModel([self.tr("Technician"), self.tr("Team"), self.tr("Open orders"), self.tr("Booked h"), self.tr("Busy h"),
                                       self.tr("Shift h"), self.tr("Utilisation"), self.tr("Note")])
        self.people_model.numeric = {2, 3, 4, 5, 6}
        self.people = table(self.people_model, stretch=7)
        _rows_drill(self.people, drill, lambda row: self.tr("Open orders of %1").replace("%1", self.people_model.rows[row][0]))
        left = QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.utilisation)
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.summary)
        box.addWidget(self.teams)
        left.addWidget(holder)
        left.setSizes([330, 300])
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(left)
        split.addWidget(self.people)
        split.setSizes([520, 680])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)

    def show_figures(self, load: LoadFigures) -> None:
        self.load = load
        teams = load.teams
        self.utilisation.show_bars([t.team or "—" for t in teams], [t.utilisation or 0.0 for t in teams],
                                   [OVER if (t.utilisation or 0) > load.overbooked_above else HIGHLIGHT for t in teams],
                                   limit=load.overbooked_above, limit_text=self.tr("overbooked"),
                                   texts=[_percent(t.utilisation) if t.utilisation is not None else self.tr("no shift") for t in teams])
        summary = self.tr(
            "<b>%1</b> idle (under %2 of their shift) · <b>%3</b> overbooked (over %4) · double-click a row for its open orders")
        self.summary.setText(summary
                             .replace("%1", str(len(load.idle))).replace("%2", _percent(load.idle_below))
                             .replace("%3", str(len(load.overbooked))).replace("%4", _percent(load.overbooked_above)))
        self.teams_model.reset([(t.team or "—", str(t.technicians), str(t.open_orders), f"{t.booked_hours:.1f}",
                                 _percent(t.utilisation)) for t in teams], [t.orders for t in teams],
                               [(t.utilisation or 0) > load.overbooked_above for t in teams])
        ranked = sorted(load.technicians, key=lambda t: (not t.overbooked, not t.idle, -(t.utilisation or 0), t.name))
        self.people_model.reset(
            [(t.name, t.team, str(t.open_orders), f"{t.booked_hours:.1f}", f"{t.busy_hours:.1f}", f"{t.shift_hours:.1f}",
              _percent(t.utilisation), self.tr("Overbooked") if t.overbooked else self.tr("Idle") if t.idle else
              ("" if t.shift_hours else self.tr("No shift"))) for t in ranked],
            [t.orders for t in ranked], [t.overbooked for t in ranked])

    def _on_team_clicked(self, index: int) -> None:
        if self.load is not None and index < len(self.load.teams) and self.load.teams[index].open_orders:
            team = self.load.teams[index]
            self._drill(self.tr("Open orders of team %1").replace("%1", team.team or "—"), lambda: team.orders)


class Tile(QFrame):
    """One rate as a big number with what it counts; a click drills into the misses."""

    def __init__(self, title: str, on_click: Callable[[], None]):
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setStyleSheet("Tile { background: #ffffff; border: 1px solid #cbd5e1; border-radius: 6px; }")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._on_click = on_click
        self.title = QLabel(title)
        self.title.setStyleSheet("color: #334155; font-weight: 600;")
        self.title.setWordWrap(True)
        self.value = QLabel("—")
        self.value.setStyleSheet("color: #0f172a; font-size: 26pt; font-weight: 600;")
        self.note = QLabel()
        self.note.setStyleSheet("color: #475569;")
        self.note.setWordWrap(True)
        self.setFixedHeight(150)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)

    def mouseReleaseEvent(self, event) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._on_click()
        super().mouseReleaseEvent(event)


class FieldSection(QWidget):
    """Punctuality (履约率), off-site check-ins, exceptions and their re-issue, first visits, same-day returns (回单)."""

    def __init__(self, drill: Drill):
        super().__init__()
        self._drill = drill
        self.figures: FieldFigures | None = None
        self.tiles = {
            "punctuality": Tile(self.tr("Kept appointments (履约率)"), lambda: self._miss("punctuality", self.tr("Appointments not kept"))),
            "off_site": Tile(self.tr("Off-site check-ins"), lambda: self._hit("off_site", self.tr("Off-site check-ins"))),
            "exceptions": Tile(self.tr("Exception rate"), lambda: self._hit("exceptions", self.tr("Orders with a field exception"))),
            "reissue": Tile(self.tr("Exception to re-issue"), lambda: self._hit("exceptions", self.tr("Orders with a field exception"))),
            "first_visit": Tile(self.tr("First-visit completion"), lambda: self._miss("first_visit", self.tr("Not done at the first visit"))),
            "same_day_return": Tile(self.tr("Returned the same day (回单)"), lambda: self._miss("same_day_return", self.tr("Not returned the day resolved"))),
        }
        hint = QLabel(self.tr("Click a figure to see its orders in the queue; double-click a team for the orders "
                              "that fell short (not kept, off site, an exception, more than one visit, not returned the same day)."))
        hint.setStyleSheet("color: #475569;")
        hint.setWordWrap(True)
        self.teams_model = RowsModel([self.tr("Team"), self.tr("Kept appointments"), self.tr("Off-site check-ins"),
                                      self.tr("Exception rate"), self.tr("First-visit completion"), self.tr("Returned the same day")])
        self.teams_model.numeric = {1, 2, 3, 4, 5}
        self.teams = table(self.teams_model, stretch=0)
        _rows_drill(self.teams, drill, lambda row: self.tr("Short of the mark: team %1").replace("%1", self.teams_model.rows[row][0]))
        grid = QGridLayout(self)
        for i, tile in enumerate(self.tiles.values()):
            grid.addWidget(tile, i // 3, i % 3)
        grid.addWidget(hint, 2, 0, 1, 3)
        grid.addWidget(self.teams, 3, 0, 1, 3)
        grid.setRowStretch(3, 1)

    def show_figures(self, f: FieldFigures) -> None:
        self.figures = f

        def show(key: str, rate: Rate, note: str) -> None:
            self.tiles[key].value.setText(_percent(rate.rate))
            self.tiles[key].note.setText(note.replace("%1", str(rate.hits)).replace("%2", str(rate.total)))

        show("punctuality", f.punctuality, self.tr("%1 kept of %2 visits due"))
        show("off_site", f.off_site, self.tr("%1 of %2 check-ins farther than allowed from the site"))
        show("exceptions", f.exceptions, self.tr("%1 of %2 orders met on site had a field exception"))
        show("first_visit", f.first_visit, self.tr("%1 of %2 resolved orders needed one visit"))
        show("same_day_return", f.same_day_return, self.tr("%1 of %2 resolved orders returned the same day"))
        median = f.median_reissue
        self.tiles["reissue"].value.setText("—" if median is None else self.tr("%1 min").replace("%1", f"{median:.0f}"))
        self.tiles["reissue"].note.setText(self.tr("median of %n re-issued order(s)", "", len(f.reissue_minutes)))

        def cell(rate: Rate) -> str:
            return "—" if rate.rate is None else f"{rate.rate:.0%} ({rate.hits}/{rate.total})"

        teams = f.teams
        self.teams_model.reset(
            [(t.team or "—", *(cell(r) for r in (t.punctuality, t.off_site, t.exceptions, t.first_visit, t.same_day_return)))
             for t in teams],
            [np.array(list(dict.fromkeys(np.concatenate([t.punctuality.miss_orders, t.off_site.hit_orders, t.exceptions.hit_orders,
                                                          t.first_visit.miss_orders, t.same_day_return.miss_orders]))), dtype=object)
             for t in teams])

    def _hit(self, key: str, name: str) -> None:
        rate = getattr(self.figures, key, None)
        if rate is not None and len(rate.hit_orders):
            orders = rate.hit_orders
            self._drill(name, lambda: orders)

    def _miss(self, key: str, name: str) -> None:
        rate = getattr(self.figures, key, None)
        if rate is not None and len(rate.miss_orders):
            orders = rate.miss_orders
            self._drill(name, lambda: orders)


class SatisfactionSection(QWidget):
    """The very-satisfied rate per month and the dissatisfied answers of the period."""

    def __init__(self, zone: ZoneInfo, english: bool, drill: Drill):
        super().__init__()
        self._zone, self._english, self._drill = zone, english, drill
        self.figures: SatisfactionFigures | None = None
        self.service: Any = None  # the Dashboards, for the orders behind a month (read when drilled into)
        self.region_id: Any = None
        self.months = MonthChart(self.tr("Very satisfied (非常满意率) by month"))
        self.months.month_clicked.connect(self._on_month_clicked)
        # each month in numbers, nothing left out: every answer, the rate's part, the dissatisfied and their callbacks (回访)
        self.month_model = RowsModel([self.tr("Month"), self.tr("Answers"), self.tr("Very satisfied"), self.tr("Rate"),
                                      self.tr("No rating"), self.tr("Dissatisfied"), self.tr("Called back"), self.tr("Callback closed")])
        self.month_model.numeric = set(range(1, 8))
        self.month_table = table(self.month_model, stretch=7)
        self.month_table.horizontalHeader().setSectionResizeMode(7, QHeaderView.ResizeMode.Interactive)  # (numbers kept together)
        self.month_table.doubleClicked.connect(lambda index: self._on_month_clicked(len(self.month_model.rows) - 1 - index.row()))
        self.title = QLabel()
        self.model = RowsModel([self.tr("Order"), self.tr("Customer"), self.tr("Answered by"), self.tr("When")])
        self.table = table(self.model, stretch=1)
        _rows_drill(self.table, drill, lambda row: self.tr("Dissatisfied") + " · " + self.model.rows[row][0])
        holder = QWidget()
        box = QVBoxLayout(holder)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.title)
        box.addWidget(self.table)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.months)
        split.addWidget(self.month_table)
        split.addWidget(holder)
        split.setSizes([320, 170, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)
        self.title.linkActivated.connect(lambda _link: self._drill_dissatisfied())

    def show_figures(self, s: SatisfactionFigures) -> None:
        self.figures = s
        self.months.show_months([f"{m.month:%Y-%m}" for m in s.months], [m.rate for m in s.months],
                                [self.tr("%n answer(s)", "", m.answers) if m.answers else "" for m in s.months])
        newest_first = list(reversed(s.months))
        self.month_model.reset([(f"{m.month:%Y-%m}", str(m.answers), str(m.very_satisfied), "—" if m.rate is None else f"{m.rate:.1%}",
                                 str(m.unrated), str(m.dissatisfied), f"{m.called_back} / {m.dissatisfied}", f"{m.closed} / {m.dissatisfied}")
                                for m in newest_first], [None] * len(newest_first),
                               [m.called_back < m.dissatisfied or m.callbacks < m.dissatisfied for m in newest_first])
        count = len(s.dissatisfied_orders)
        link = self.tr("Show in the queue")
        self.title.setText(self.tr("<b>%n dissatisfied answer(s)</b> in the period", "", len(s.dissatisfied)) + (f" · <a href='drill'>{link}</a>" if count else ""))
        self.model.reset([(d.number, d.customer, respondent_text(Respondent(d.respondent)) if d.respondent else "",
                           f"{d.at.astimezone(self._zone):%m-%d %H:%M}") for d in s.dissatisfied],
                         [np.array([d.order_id.hex], dtype=object) for d in s.dissatisfied])

    def _on_month_clicked(self, index: int) -> None:
        if self.figures is not None and self.figures.months[index].answers and self.service is not None:
            month, service, region = self.figures.months[index], self.service, self.region_id
            self._drill(self.tr("Survey answers of %1").replace("%1", f"{month.month:%Y-%m}"),
                        lambda: service.survey_orders(region, month.start, month.end))

    def _drill_dissatisfied(self) -> None:
        if self.figures is not None:
            orders = self.figures.dissatisfied_orders
            self._drill(self.tr("Dissatisfied"), lambda: orders)


class LevelsSection(QWidget):
    """Each region's share of Diamond and Silver customers against the quotas (rule parameters)."""

    def __init__(self, english: bool, drill: Drill):
        super().__init__()
        self._english, self._drill = english, drill
        self.figures: LevelFigures | None = None
        self.service: Any = None  # the Dashboards, for a region's orders of a level (read when drilled into)
        self.diamond = CategoryBars(self.tr("Diamond customers' share"), percent=True)
        self.silver = CategoryBars(self.tr("Silver customers' share"), percent=True)
        self.diamond.bar_clicked.connect(lambda i: self._on_bar_clicked("diamond", i))
        self.silver.bar_clicked.connect(lambda i: self._on_bar_clicked("silver", i))
        self.model = RowsModel([self.tr("Region"), self.tr("Customers"), self.tr("Diamond"), self.tr("Diamond share"), self.tr("Silver"),
                                self.tr("Silver share"), self.tr("Quota")])
        self.model.numeric = {1, 2, 3, 4, 5}
        self.table = table(self.model, stretch=6)
        self.table.doubleClicked.connect(lambda index: self._on_bar_clicked("diamond", index.row()))
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.diamond)
        charts.addWidget(self.silver)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(charts)
        split.addWidget(self.table)
        split.setSizes([380, 200])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(split)

    def _name(self, region: Any) -> str:
        return region.name_en if self._english else region.name

    def show_figures(self, levels: LevelFigures) -> None:
        self.figures = levels
        names = [self._name(r) for r in levels.regions]
        self.diamond.show_bars(names, [r.diamond_share or 0.0 for r in levels.regions],
                               [OVER if r.diamond_over else MUTED.darker(140) for r in levels.regions], limit=levels.diamond_max,
                               limit_text=self.tr("quota %1").replace("%1", _percent(levels.diamond_max)))
        self.silver.show_bars(names, [r.silver_share or 0.0 for r in levels.regions],
                              [OVER if r.silver_over else MUTED.darker(140) for r in levels.regions], limit=levels.silver_max,
                              limit_text=self.tr("quota %1").replace("%1", _percent(levels.silver_max)))
        rows, flags = [], []
        for r in levels.regions:
            over = [self.tr("Diamond over %1").replace("%1", _percent(levels.diamond_max))] if r.diamond_over else []
            over += [self.tr("Silver over %1").replace("%1", _percent(levels.silver_max))] if r.silver_over else []
            rows.append((self._name(r), str(r.customers), str(r.diamond), _percent(r.diamond_share), str(r.silver),
                         _percent(r.silver_share), "; ".join(over) or self.tr("Within quota")))
            flags.append(bool(over))
        self.model.reset(rows, [None] * len(rows), flags)

    def _on_bar_clicked(self, level: str, index: int) -> None:
        if self.figures is None or index >= len(self.figures.regions):
            return
        region, service = self.figures.regions[index], self.service
        if service is None or not (region.diamond if level == "diamond" else region.silver):
            return
        name = self.tr("Open orders of Diamond customers") if level == "diamond" else self.tr("Open orders of Silver customers")
        wanted = CustomerLevel.DIAMOND if level == "diamond" else CustomerLevel.SILVER
        self._drill(f"{name} · {self._name(region)}", lambda: service.level_orders(region.region_id, wanted))

