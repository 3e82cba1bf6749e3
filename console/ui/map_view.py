"""The map dock: open orders' sites coloured by their worst SLA band, technicians, unplaced sites.

The page is built once (map_page); after that every change travels as a small JSON command
through runJavaScript, and clicks come back through one QWebChannel object (MapBridge).
"""

from __future__ import annotations

import json
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from PySide6.QtCore import QMimeData, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtWebChannel import QWebChannel
from PySide6.QtWebEngineCore import QWebEnginePage
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from console.core.domain.enums import Band, CustomerLevel
from console.core.domain.geo import Placement, placement, service_area
from console.core.domain.positions import GREY_AFTER, Freshness
from console.core.gc_pause import paused_gc
from console.core.services.desk import MapFacts
from console.core.store.rows import QueueRow, SiteOfOrder
from console.core.tile_file import TileFile, TileFileError
from console.ui import labels, sla_format
from console.ui.map_page import build_map_html, district_outlines
from console.ui.map_tiles import TILE_URL, TileSchemeHandler, register_tile_scheme, tile_file_problem_text
from console.ui.wrapping_delegate import WrappingDelegate

register_tile_scheme()  # before the first web page of the process is made

_RANK = {Band.GREEN: 0, Band.AMBER: 1, Band.RED: 2, Band.BREACHED: 3}
SITE_ROLE = Qt.ItemDataRole.UserRole + 1  # an unplaced site's (id, name and address)
_LEVEL_RANK = {level: level.rank for level in CustomerLevel}


_FRESH, _FADED, _GREY = Freshness.FRESH.value, Freshness.FADED.value, Freshness.GREY.value


def _look(seen: datetime | None, ages: tuple[datetime, datetime, date]) -> str:
    if seen is None or seen < ages[1]:
        return _GREY
    return _FADED if seen < ages[0] else _FRESH


class MapBridge(QObject):
    """The page's one way back into Python."""

    site_clicked = Signal(str)
    """A site marker was clicked (its id)."""
    page_ready = Signal()
    """The page finished starting and the channel is up."""

    @Slot(str)
    def siteClicked(self, site_id: str) -> None:  # noqa: N802 - called from JavaScript
        self.site_clicked.emit(site_id)

    @Slot(str)
    def siteContextMenu(self, site_id: str) -> None:  # noqa: N802 - candidates near a site come with assignment
        self.site_clicked.emit(site_id)

    sites_lassoed = Signal(list)
    """Sites were drawn around with the lasso (their ids)."""

    @Slot(str)
    def sitesLassoed(self, site_ids: str) -> None:  # noqa: N802 - called from JavaScript, a JSON list
        try:
            ids = json.loads(site_ids)
        except ValueError:
            return
        if isinstance(ids, list):
            self.sites_lassoed.emit([str(i) for i in ids])

    site_placed = Signal(str, float, float)
    """An unplaced site was put on the map (clicked after "Place on the map", or dropped): its id and position."""

    @Slot(str, float, float)
    def sitePlaced(self, site_id: str, lat: float, lon: float) -> None:  # noqa: N802 - called from JavaScript
        self.site_placed.emit(site_id, lat, lon)

    @Slot()
    def pageReady(self) -> None:  # noqa: N802
        self.page_ready.emit()


class MapView(QWidget):
    orders_selected = Signal(list)
    """The dispatcher chose a site on the map: the ids of its open orders shown in the queue."""
    place_requested = Signal(object, str, float, float)
    """An unplaced site put at a position on the map: (its id, its name and address, latitude, longitude)."""
    geocode_requested = Signal(list)
    """Unplaced sites to send to the geocoder again (their ids)."""
    ready = Signal()
    """The page is loaded and takes commands."""

    def __init__(self, tile_url: str, attribution: str, english: bool, stale_after: timedelta, parent: QWidget | None = None):
        super().__init__(parent)
        self._tile_url, self._attribution = tile_url, attribution
        self._english = english
        self._stale_after = stale_after
        self._ready = False
        self._pending: list[str] = []
        self._orders_at_site: dict[str, list[uuid.UUID]] = {}
        self._site_of_order: dict[uuid.UUID, str] = {}
        self._shown_sites: dict[str, dict] = {}
        self._technicians: dict[str, dict] = {}  # technician id (hex) -> what its marker shows
        self._technician_seen: dict[str, tuple[str, datetime | None]] = {}  # -> (name, last seen)
        self.zone = ZoneInfo("Asia/Shanghai")  # the desk's zone, for "last seen" (set by the dock)
        self._area: tuple[float, float, float, float] | None = None
        self.web = QWebEngineView()
        self.web.setPage(QWebEnginePage(self.web))
        self.bridge = MapBridge(self)
        self.channel = QWebChannel(self)
        self.channel.registerObject("bridge", self.bridge)
        self.web.page().setWebChannel(self.channel)
        self._tile_handler: TileSchemeHandler | None = None
        self.notice = QLabel()  # a basemap file that cannot be used, said above the map
        self.notice.setWordWrap(True)
        self.notice.setStyleSheet("background: #fef3c7; color: #78350f; padding: 4px 8px;")
        self.notice.hide()
        self.unplaced_title = QLabel()
        self.unplaced = UnplacedList()
        self.unplaced.setWordWrap(True)  # a long address reads in full, not cut at the list's edge
        self.unplaced.setItemDelegate(WrappingDelegate(self.unplaced))
        self.unplaced.setResizeMode(QListView.ResizeMode.Adjust)
        self.unplaced.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.unplaced_title)
        side_layout.addWidget(self.unplaced)
        self.place_button = QPushButton(self.tr("Place on the map"), enabled=False)
        self.place_button.setToolTip(self.tr("Then click where the site is on the map (Esc: cancel); or drag the site from the list onto the map"))
        self.geocode_button = QPushButton(self.tr("Geocode again"), enabled=False)
        self.geocode_button.setToolTip(self.tr("Ask the centre's geocoder again for the selected sites' positions"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.place_button)
        buttons.addWidget(self.geocode_button)
        side_layout.addLayout(buttons)
        self.unplaced_note = QLabel()
        self.unplaced_note.setWordWrap(True)
        self.unplaced_note.setStyleSheet("color: #1f4e79;")
        self.unplaced_note.hide()
        side_layout.addWidget(self.unplaced_note)
        splitter = QSplitter()
        splitter.addWidget(self.web)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 260])
        self.web.setMinimumSize(320, 200)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.notice)
        layout.addWidget(splitter)
        self.bridge.page_ready.connect(self._on_bridge_page_ready)
        self.bridge.site_clicked.connect(self._on_bridge_site_clicked)
        self.bridge.sites_lassoed.connect(self._on_bridge_sites_lassoed)
        self.unplaced.itemActivated.connect(self._on_unplaced_item_activated)
        self.unplaced.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        self.unplaced.itemSelectionChanged.connect(self._on_unplaced_selection_changed)
        self.place_button.clicked.connect(self.start_placing)
        self.geocode_button.clicked.connect(lambda: self.geocode_requested.emit(self._unplaced_chosen()))
        self.bridge.site_placed.connect(self._on_bridge_site_placed)
        self._set_unplaced_title(0)

    # --- the page -----------------------------------------------------------------------------

    def load_page(self, districts: list[tuple[str, str, float, float]], basemap: TileFile | TileFileError | None = None) -> None:
        """Build the page once from the district centres (the service area), the district outlines
        and the settings; a basemap file (checked off the GUI thread) takes the place of the tile
        server, one that cannot be used is said above the map."""
        self._area = service_area([(d[2], d[3]) for d in districts]) if districts else None
        centre = (sum(d[2] for d in districts) / len(districts), sum(d[3] for d in districts) / len(districts)) if districts else (31.23, 121.47)
        stale = f"{self._stale_after.total_seconds() / 60:.0f}"
        legend = {b.value: sla_format.band_name(b) for b in Band} | {  # "Technician seen ◆ lately ◆ 60+ min ago ◆ 2+ h ago"
            "technician": self.tr("Technician seen"), "technician_fresh": self.tr("lately"),
            "technician_faded": self.tr("%1+ min ago").replace("%1", stale),
            "technician_grey": self.tr("%1+ h ago").replace("%1", f"{max(GREY_AFTER, self._stale_after).total_seconds() / 3600:.0f}")}
        points = [{"name": d[1] if self._english else d[0], "lat": d[2], "lon": d[3]} for d in districts]
        tile_url, attribution, native_zoom = self._tile_source(basemap)
        texts = {"lasso": self.tr("Lasso: draw around sites to select their orders (Esc cancels)")}
        html = build_map_html(centre, tile_url, attribution, points, legend, district_outlines(self._english), native_zoom, texts)
        self._ready = False
        self.web.setHtml(html, QUrl("file:///"))

    def _tile_source(self, basemap: TileFile | TileFileError | None) -> tuple[str, str, int | None]:
        self.notice.setVisible(isinstance(basemap, TileFileError))
        if isinstance(basemap, TileFileError):
            self.notice.setText(tile_file_problem_text(basemap))
        if not isinstance(basemap, TileFile):
            return self._tile_url, self._attribution, None
        if self._tile_handler is not None:
            self._tile_handler.deleteLater()
        self._tile_handler = TileSchemeHandler(basemap, self)
        self._tile_handler.install(self.web.page().profile())
        return TILE_URL, basemap.attribution or self._attribution, basemap.max_zoom

    def run(self, script: str) -> None:
        """Run a command on the page now, or as soon as it is ready."""
        if self._ready:
            self.web.page().runJavaScript(script)
        else:
            self._pending.append(script)

    @Slot()
    def _on_bridge_page_ready(self) -> None:
        self._ready = True
        for script in self._pending:
            self.web.page().runJavaScript(script)
        self._pending.clear()
        self.ready.emit()

    @property
    def is_ready(self) -> bool:
        return self._ready

    # --- data ---------------------------------------------------------------------------------

    def show_sites(self, facts: MapFacts, rows: Iterable[QueueRow], band_of: Callable[[QueueRow], Band], now: datetime) -> None:
        """Draw the sites of these orders (the queue's filtered rows), coloured by their worst band."""
        with paused_gc():  # tens of thousands of small dicts, no cycles
            self._show_sites(facts, rows, band_of, now)

    def _show_sites(self, facts: MapFacts, rows: Iterable[QueueRow], band_of: Callable[[QueueRow], Band], now: datetime) -> None:
        shown = {r.id: r for r in rows}
        grouped: dict[uuid.UUID, list[SiteOfOrder]] = defaultdict(list)
        for site in facts.sites:
            if site.order_id in shown:
                grouped[site.site_id].append(site)
        placed, unplaced = [], []
        self._orders_at_site, self._site_of_order = {}, {}
        self._badges = {
            level: labels.name(level)[:1] if level in (CustomerLevel.KEY, CustomerLevel.DIAMOND, CustomerLevel.GOLD) else ""
            for level in CustomerLevel
        }
        for site_id, entries in grouped.items():
            key = str(site_id)
            orders = [shown[e.order_id] for e in entries]
            self._orders_at_site[key] = [o.id for o in orders]
            for o in orders:
                self._site_of_order[o.id] = key
            first = entries[0]
            where = placement(first.latitude, first.longitude, self._area) if self._area else Placement.PLACED
            if where != Placement.PLACED:
                unplaced.append((first, orders, where))
                continue
            placed.append(self._site_json(key, first, orders, band_of))
        self._shown_sites = {s["id"]: s for s in placed}
        self.run(f"DeskMap.setSites({json.dumps(placed, ensure_ascii=False)})")
        self._fill_unplaced(unplaced)
        self.show_technicians(facts.technicians, now)

    # --- technicians: drawn once, then moved by id -------------------------------------------------

    def show_technicians(self, rows: Iterable[tuple], now: datetime) -> None:
        """Every technician drawn again: rows of (id, name, latitude, longitude, last seen)."""
        self._technicians, self._technician_seen = {}, {}
        ages = self._ages(now)
        for row in rows:
            marker = self._marker(row, ages)
            if marker is not None:
                self._technicians[marker[0]] = marker
        self.run(f"DeskMap.setTechnicians({json.dumps(list(self._technicians.values()), ensure_ascii=False)})")

    def move_technicians(self, rows: Iterable[tuple], gone: Iterable[uuid.UUID], now: datetime) -> int:
        """These technicians' new positions (their markers moved in place, faded or greyed as
        their age says); `gone`: technicians no longer shown. How many markers changed."""
        changed, removed = [], [i.hex for i in gone if i.hex in self._technicians]
        ages = self._ages(now)
        with paused_gc():  # a batch of 1,500 small lists, no cycles: no collection in the middle of it
            for row in rows:
                marker = self._marker(row, ages)
                if marker is None:
                    if row[0].hex in self._technicians:
                        removed.append(row[0].hex)
                elif self._technicians.get(marker[0]) != marker:
                    self._technicians[marker[0]] = marker
                    changed.append(marker)
        for key in removed:
            self._technicians.pop(key, None)
            self._technician_seen.pop(key, None)
        if changed or removed:
            self.run(f"DeskMap.moveTechnicians({json.dumps(changed, ensure_ascii=False)}, {json.dumps(removed)})")
        return len(changed) + len(removed)

    def refresh_technicians(self, now: datetime) -> int:
        """Positions age: fade or grey the markers whose look changed by `now`. How many did."""
        changed, ages = [], self._ages(now)
        for key, marker in self._technicians.items():
            name, seen = self._technician_seen[key]
            look = _look(seen, ages)
            if look != marker[3]:
                self._technicians[key] = [*marker[:3], look, self._technician_label(name, seen, look, ages[2])]
                changed.append(self._technicians[key])
        if changed:
            self.run(f"DeskMap.moveTechnicians({json.dumps(changed, ensure_ascii=False)}, [])")
        return len(changed)

    def _ages(self, now: datetime) -> tuple[datetime, datetime, date]:
        """Seen before the first: faded; before the second: grey (the domain's `freshness`, its
        limits worked out once for a whole batch); and the desk's day, for "last seen"."""
        return now - self._stale_after, now - max(GREY_AFTER, self._stale_after), now.astimezone(self.zone).date()

    def _marker(self, row: tuple, ages: tuple[datetime, datetime, date]) -> list | None:
        """What the page draws of a technician: [id, latitude, longitude, look, tooltip]."""
        technician_id, name, lat, lon, seen = row
        if self._area is not None and placement(lat, lon, self._area) != Placement.PLACED:
            return None
        key, look = technician_id.hex, _look(seen, ages)
        self._technician_seen[key] = (name, seen)
        return [key, lat, lon, look, self._technician_label(name, seen, look, ages[2])]

    def _technician_label(self, name: str, seen: datetime | None, look: str, today: date) -> str:
        """The marker's tooltip: the name, and when a faded or grey one was last seen (the desk's time)."""
        if look == _FRESH:
            return name
        if seen is None:
            return name + " · " + self.tr("no position reported")
        local = seen.astimezone(self.zone)
        when = f"{local:%H:%M}" if local.date() == today else f"{local:%m-%d %H:%M}"
        return name + " · " + self.tr("last seen %1").replace("%1", when)

    def update_orders(self, rows: Iterable[QueueRow], band_of: Callable[[QueueRow], Band]) -> None:
        """Recolour the sites of these orders in place (a band crossing, a change)."""
        by_site: dict[str, list[QueueRow]] = defaultdict(list)
        for row in rows:
            site = self._site_of_order.get(row.id)
            if site in self._shown_sites:
                by_site[site].append(row)
        changed = []
        for site, rows_here in by_site.items():
            current = self._shown_sites[site]
            band = max((band_of(r) for r in rows_here), key=_RANK.__getitem__).value
            if _RANK[Band(band)] != _RANK[Band(current["band"])] or band != current["band"]:
                current = dict(current, band=band)
                self._shown_sites[site] = current
                changed.append(current)
        if changed:
            self.run(f"DeskMap.updateSites({json.dumps(changed, ensure_ascii=False)})")

    def _site_json(self, key: str, site: SiteOfOrder, orders: list[QueueRow], band_of: Callable[[QueueRow], Band]) -> dict:
        band = max((band_of(o) for o in orders), key=_RANK.__getitem__) if len(orders) > 1 else band_of(orders[0])
        level = min((o.level for o in orders), key=_LEVEL_RANK.__getitem__) if len(orders) > 1 else orders[0].level
        badge = self._badges[level]
        label = f"{orders[0].customer} · {site.address} · {len(orders)}"
        return {"id": key, "lat": site.latitude, "lon": site.longitude, "band": band.value, "badge": badge, "label": label}

    def _fill_unplaced(self, unplaced: list) -> None:
        self.unplaced.clear()
        reasons = {
            Placement.MISSING: self.tr("no position"),
            Placement.OUT_OF_RANGE: self.tr("impossible position"),
            Placement.OUTSIDE_AREA: self.tr("far outside the service area"),
        }
        for site, orders, why in unplaced:
            item = QListWidgetItem(f"{site.name} — {site.address} ({reasons[why]}) · {', '.join(o.number for o in orders)}")
            item.setData(0x0100, [o.id for o in orders])
            item.setData(SITE_ROLE, (site.site_id, f"{site.name} — {site.address}"))
            self.unplaced.addItem(item)
        self._set_unplaced_title(len(unplaced))

    def _set_unplaced_title(self, count: int) -> None:
        self.unplaced_title.setText("<b>" + self.tr("Unplaced sites (%1)").replace("%1", str(count)) + "</b>")

    def show_route(self, stops: list[tuple], label: str) -> None:
        """A technician's day: the appointments' sites joined in order (numbered)."""
        points = [[lat, lon] for _start, lat, lon, _name in stops if placement(lat, lon, self._area) == Placement.PLACED]
        self.run(f"DeskMap.showRoute({json.dumps(points)}, {json.dumps(label, ensure_ascii=False)})")

    # --- selection both ways ------------------------------------------------------------------

    def select_orders(self, order_ids: list[uuid.UUID]) -> None:
        """Mark the sites of these orders, panning (never zooming) only if they are out of view."""
        sites = list(dict.fromkeys(self._site_of_order[i] for i in order_ids if i in self._site_of_order))
        shown = [s for s in sites if s in self._shown_sites]
        if shown:
            self.run(f"DeskMap.select({json.dumps(shown)}, true)")

    @Slot(str)
    def _on_bridge_site_clicked(self, site_id: str) -> None:
        orders = self._orders_at_site.get(site_id, [])
        if orders:
            self.orders_selected.emit(orders)

    @Slot(list)
    def _on_bridge_sites_lassoed(self, site_ids: list) -> None:
        orders = [order for site in site_ids for order in self._orders_at_site.get(site, [])]
        if orders:
            self.orders_selected.emit(orders)

    @Slot(QListWidgetItem)
    def _on_unplaced_item_activated(self, item: QListWidgetItem) -> None:
        self.orders_selected.emit(list(item.data(0x0100)))

    # --- unplaced sites: put on the map by hand, or geocoded again ----------------------------------

    def notice_text(self, text: str) -> None:
        """A line above the list of unplaced sites (what was asked for them)."""
        self.unplaced_title.setToolTip(text)
        self.unplaced_note.setText(text)
        self.unplaced_note.show()

    def _unplaced_chosen(self) -> list[uuid.UUID]:
        return [item.data(SITE_ROLE)[0] for item in self.unplaced.selectedItems()]

    def _on_unplaced_selection_changed(self) -> None:
        chosen = self.unplaced.selectedItems()
        self.place_button.setEnabled(len(chosen) == 1)
        self.geocode_button.setEnabled(bool(chosen))

    @Slot()
    def start_placing(self) -> None:
        """The next click on the map places the selected unplaced site (Esc cancels)."""
        chosen = self.unplaced.selectedItems()
        if len(chosen) == 1:
            site_id, _name = chosen[0].data(SITE_ROLE)
            hint = self.tr("Click where the site is (Esc: cancel)")
            self.run(f"DeskMap.startPlacing({json.dumps(site_id.hex)}, {json.dumps(hint, ensure_ascii=False)})")

    @Slot(str, float, float)
    def _on_bridge_site_placed(self, site_hex: str, lat: float, lon: float) -> None:
        for i in range(self.unplaced.count()):
            site_id, name = self.unplaced.item(i).data(SITE_ROLE)
            if site_id.hex == site_hex:
                self.place_requested.emit(site_id, name, lat, lon)
                return


class UnplacedList(QListWidget):
    """The unplaced sites; one dragged onto the map is placed where it is dropped (its id as text)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setDragEnabled(True)

    def mimeData(self, items) -> QMimeData:  # noqa: N802 - Qt's name
        data = QMimeData()
        if len(items) == 1 and items[0].data(SITE_ROLE) is not None:
            data.setText(f"dispatch-site:{items[0].data(SITE_ROLE)[0].hex}")
        return data
