"""The map dock: it follows the queue (the sites of the orders shown, coloured by their worst
band, refreshed as bands change), moves technicians as their positions arrive through the feed
(faded, then greyed, as they age) and draws a technician's route of the day. Where the sites and
technicians are is read off the GUI thread; the page itself is `MapView`."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import datetime, timedelta

from PySide6.QtCore import QTimer, Signal, Slot
from PySide6.QtWidgets import QDockWidget, QMessageBox, QWidget

from console.core.changes import Changes
from console.core.services.desk import DeskReader, MapFacts
from console.core.services.sites import SiteActions
from console.core.store.rows import DeskUser
from console.core.tile_file import TileFile, TileFileError, open_tile_file
from console.ui import labels
from console.ui.background import Background
from console.ui.map_view import MapView
from console.ui.operations import ChangeBus, Operations
from console.ui.work_order_table_model import WorkOrderTableModel

MOVES_MS = 500  # technicians' moves gathered this long, then read and drawn together
AGEING_MS = 60_000  # how often positions are looked at again to fade or grey them


class MapDock(QDockWidget):
    orders_selected = Signal(list)
    """Sites were clicked on the map: the orders there (a list of order ids)."""
    route_shown = Signal(str, int)
    """A technician's route of the day is drawn: (their name, how many appointments)."""
    failed = Signal(object)
    """A read for the map failed (the exception)."""

    def __init__(self, reader: DeskReader, user: DeskUser, model: WorkOrderTableModel, background: Background,
                 clock: Callable[[], datetime], tiles: tuple[str, ...], english: bool, stale: timedelta,
                 parent: QWidget | None = None):
        super().__init__(self.tr("Map"), parent)
        self.setObjectName("mapDock")
        self._reader, self._user, self._model, self._background, self._clock = reader, user, model, background, clock
        self.map = MapView(tiles[0], tiles[1], english, stale, self)
        self._tile_file = tiles[2] if len(tiles) > 2 else ""  # (tile server URL, attribution, basemap file)
        self.map.zone = model.zone
        self.setWidget(self.map)
        self._facts: MapFacts | None = None
        self._redraw = QTimer(self, singleShot=True, interval=250)
        self._redraw.timeout.connect(self._show_sites)
        self.map.orders_selected.connect(self.orders_selected)
        self._moved: set[uuid.UUID] = set()  # technicians whose rows changed, read together
        self._reading_moves = False
        self._moves = QTimer(self, singleShot=True, interval=MOVES_MS)
        self._moves.timeout.connect(self._read_moves)
        self._ageing = QTimer(self, interval=AGEING_MS)  # positions fade and grey as they age
        self._ageing.timeout.connect(lambda: self.map.refresh_technicians(self._clock()))
        self._ageing.start()

    def follow_rows(self, reloaded: bool) -> None:
        """The queue shows other rows. New data reloads where the sites are; a filter only
        redraws, a quarter-second after the last keystroke."""
        if reloaded or self._facts is None:
            reader, region_id, tile_file, first = self._reader, self._user.region_id, self._tile_file, self._facts is None
            self._background.run(lambda: (reader.map_facts(region_id), _checked(tile_file) if first else None),
                                 lambda found: self._on_facts_loaded(*found), self.failed.emit)
        else:
            self._redraw.start()

    def _on_facts_loaded(self, facts: MapFacts, basemap: TileFile | TileFileError | None) -> None:
        if self._facts is None:
            self.map.load_page(facts.districts, basemap)
        self._facts = facts
        self._show_sites()

    def _show_sites(self) -> None:
        if self._facts is None:
            return
        now, model = self._clock(), self._model
        rows = [model.row_at(r) for r in range(model.rowCount())]
        self.map.show_sites(self._facts, rows, lambda row: model.band(row, now), now)

    @Slot(list)
    def update_orders(self, order_ids: list) -> None:
        """These orders changed band: recolour their sites."""
        now, model, wanted = self._clock(), self._model, set(order_ids)
        rows = [r for r in model.all_rows() if r.id in wanted]
        self.map.update_orders(rows, lambda row: model.band(row, now))

    # --- technicians moving ------------------------------------------------------------------------

    def follow_technicians(self, bus: ChangeBus) -> None:
        """Technicians' rows changed (a position from the field app, through the feed): their
        markers move in place, read off the GUI thread at most every MOVES_MS."""
        bus.changed.connect(self._on_bus_changed)

    @Slot(object, object)
    def _on_bus_changed(self, changes: Changes, _origin: object | None) -> None:
        if changes.technicians and self._facts is not None:
            self._moved |= changes.technicians
            if not self._moves.isActive() and not self._reading_moves:
                self._moves.start()

    def _read_moves(self) -> None:
        ids, self._moved = self._moved, set()
        if not ids:
            return
        self._reading_moves = True
        reader, region_id = self._reader, self._user.region_id
        self._background.run(lambda: reader.technician_positions(region_id, ids),
                             lambda rows: self._on_moves_read(ids, rows), self._on_moves_failed)

    def _on_moves_read(self, asked: set[uuid.UUID], rows: list[tuple]) -> None:
        self._reading_moves = False
        found = {row[0] for row in rows}
        self.map.move_technicians(rows, asked - found, self._clock())
        if self._moved:  # more arrived while reading
            self._moves.start()

    def _on_moves_failed(self, error: Exception) -> None:
        self._reading_moves = False
        self.failed.emit(error)

    def select_orders(self, ids: list[uuid.UUID]) -> None:
        self.map.select_orders(ids)

    def show_route(self, technician_id: uuid.UUID) -> None:
        """Draw the technician's appointments of today (the desk's day) on the map, in order."""
        local = self._clock().astimezone(self._model.zone)
        start = local.replace(hour=0, minute=0, second=0, microsecond=0)
        reader = self._reader

        def read() -> tuple[list, str]:
            stops = reader.technician_day(technician_id, start, start + timedelta(days=1))
            return stops, next((t.name for t in reader.technicians() if t.id == technician_id), "")

        self._background.run(read, lambda found: self._on_route_read(*found), self.failed.emit)

    # --- unplaced sites -------------------------------------------------------------------------

    def enable_site_actions(self, operations: Operations, sites: SiteActions) -> None:
        """Unplaced sites put on the map by hand (after a confirmation) and sent to the geocoder again, as actions."""
        self._operations, self._sites = operations, sites
        self.map.place_requested.connect(self._on_place_requested)
        self.map.geocode_requested.connect(self._on_geocode_requested)

    def _on_place_requested(self, site_id: uuid.UUID, name: str, lat: float, lon: float) -> None:
        answer = QMessageBox.question(self, self.tr("Place on the map"), self.tr(
            "Put %1 at %2, %3 on the map? The change is kept in the site's history.").replace("%1", name)
            .replace("%2", f"{lat:.5f}").replace("%3", f"{lon:.5f}"))
        if answer == QMessageBox.StandardButton.Yes:
            sites = self._sites
            self._operations.write(lambda: sites.place(site_id, lat, lon), lambda _changes: self.follow_rows(True),
                                   self._on_site_action_failed, origin=self)

    def _on_geocode_requested(self, site_ids: list) -> None:
        sites = self._sites
        self._operations.write(lambda: sites.geocode_again(site_ids), lambda _changes: self.map.notice_text(self.tr(
            "Asked the geocoder again for %n site(s); their positions come with the next sync.", "", len(site_ids))),
            self._on_site_action_failed, origin=self)

    def _on_site_action_failed(self, error: Exception) -> None:
        QMessageBox.warning(self, self.tr("Nothing was changed"), self.tr("The change could not be saved: %1").replace("%1", labels.saving_failure(error)))

    def _on_route_read(self, stops: list, name: str) -> None:
        self.show()
        self.map.show_route(stops, name)
        self.route_shown.emit(name, len(stops))


def _checked(path: str) -> TileFile | TileFileError | None:
    """The basemap file, opened and checked (in the background), or why it cannot be used."""
    if not path:
        return None
    try:
        return open_tile_file(path)
    except TileFileError as exc:
        return exc
