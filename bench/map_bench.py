"""The map with 50,000 sites over the district outlines and an MBTiles basemap: first render, one
marker update, the basemap's tiles in view, the page process's memory.

Run: .venv/bin/python bench/map_bench.py [--data-file PATH] [--sites 50000] [--mbtiles PATH | --no-mbtiles]
Without --mbtiles a city basemap file (zooms 0-14 over Shanghai, 256 px PNG tiles) is written to
bench/.cache/ once.
Uses the benchmark centre of bench/queue_bench.py (written to bench/.cache/ once if missing).
Baseline in the same run: redrawing every marker (setSites) instead of updating one in place.
Prints one line per figure, then one JSON line with the target beside each figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bench.queue_bench import CACHE, ensure_centre  # noqa: E402
from console.core.domain.enums import Band  # noqa: E402
from console.core.services.desk import DeskReader, MapFacts  # noqa: E402
from console.core.tile_file import open_tile_file  # noqa: E402
from console.data_file import open_data_file  # noqa: E402
from console.ui.map_view import MapView  # noqa: E402

UPDATE_SAMPLES = 9


def js(view: MapView, script: str):
    loop, out = QEventLoop(), {}
    view.web.page().runJavaScript(script, 0, lambda value: (out.setdefault("v", value), loop.quit()))
    QTimer.singleShot(30_000, loop.quit)
    loop.exec()
    return out.get("v")


def wait_until(app: QApplication, condition, seconds: float = 60.0) -> float:
    started = time.perf_counter()
    while time.perf_counter() - started < seconds:
        if condition():
            return time.perf_counter() - started
        app.processEvents()
        time.sleep(0.005)
    raise TimeoutError("the page did not get there in time")


def rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def ensure_mbtiles(path: Path) -> Path:
    """A raster MBTiles file over Shanghai: every tile of zooms 0-14 inside the city's box."""
    if path.exists():
        return path
    import math
    import sqlite3
    from contextlib import closing

    from PySide6.QtCore import QBuffer, QIODevice
    from PySide6.QtGui import QColor, QImage, QPainter

    def tile_png(z: int, x: int, y: int) -> bytes:
        image = QImage(256, 256, QImage.Format.Format_RGB32)
        image.fill(QColor("#e8efe6") if (x + y) % 2 else QColor("#edf2ea"))
        painter = QPainter(image)
        painter.setPen(QColor("#b9c6b4"))
        painter.drawRect(0, 0, 255, 255)
        painter.drawText(8, 20, f"{z}/{x}/{y}")
        painter.end()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        return bytes(buffer.data())

    def column(lon: float, z: int) -> int:
        return int((lon + 180) / 360 * (1 << z))

    def row(lat: float, z: int) -> int:
        rad = math.radians(lat)
        return int((1 - math.asinh(math.tan(rad)) / math.pi) / 2 * (1 << z))

    west, south, east, north = 120.85, 30.65, 122.0, 31.9
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    with closing(sqlite3.connect(partial)) as db:
        db.execute("CREATE TABLE metadata (name TEXT, value TEXT)")
        db.executemany("INSERT INTO metadata VALUES (?, ?)", [
            ("name", "bench city basemap"), ("format", "png"), ("attribution", "bench basemap"),
            ("bounds", f"{west},{south},{east},{north}"), ("minzoom", "0"), ("maxzoom", "14")])
        db.execute("CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB)")
        for z in range(15):
            for x in range(column(west, z), column(east, z) + 1):
                db.executemany("INSERT INTO tiles VALUES (?, ?, ?, ?)", [
                    (z, x, (1 << z) - 1 - y, tile_png(z, x, y)) for y in range(row(north, z), row(south, z) + 1)])
        db.execute("CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row)")
        db.commit()
    partial.rename(path)
    return path


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-file", type=Path, default=None)
    parser.add_argument("--sites", type=int, default=50_000)
    parser.add_argument("--mbtiles", type=Path, default=None)
    parser.add_argument("--no-mbtiles", action="store_true", help="the plain background (with the outlines)")
    args = parser.parse_args()
    app = QApplication.instance() or QApplication([])
    basemap = None if args.no_mbtiles else open_tile_file(args.mbtiles or ensure_mbtiles(CACHE.parent / "shanghai-basemap.mbtiles"))
    database, _ = open_data_file(ensure_centre(args.data_file or CACHE))
    reader = DeskReader(database)
    rows = reader.queue()
    facts = reader.map_facts()
    # Take the orders of the first N distinct placed sites.
    chosen, sites = set(), []
    for site in facts.sites:
        if site.latitude is None or abs(site.latitude) < 1:
            continue
        if site.site_id not in chosen:
            if len(chosen) >= args.sites:
                continue
            chosen.add(site.site_id)
        sites.append(site)
    facts = MapFacts([s for s in sites if s.site_id in chosen], facts.districts, facts.technicians)
    wanted = {s.order_id for s in facts.sites}
    rows = [r for r in rows if r.id in wanted]
    book, calendar = reader.rules()
    now = datetime.now(UTC)
    from console.core.domain.sla_clock import band_at

    def band_of(row):
        return band_at(row.sla, calendar, book.parameters, now)

    view = MapView("", "", False, timedelta(hours=1))
    view.resize(1400, 900)
    view.show()
    started = time.perf_counter()
    view.load_page(facts.districts, basemap)
    view.show_sites(facts, rows, band_of, now)
    python_side = time.perf_counter() - started
    wait_until(app, lambda: view.is_ready)
    page_ready = time.perf_counter() - started
    wait_until(app, lambda: (js(view, "DeskMap.count()") or 0) >= len(chosen), seconds=120)
    first_render = time.perf_counter() - started
    print(f"first render of {len(chosen):,} sites: {first_render * 1000:.0f} ms "
          f"(Python {python_side * 1000:.0f} ms, page ready at {page_ready * 1000:.0f} ms)")
    outlines = js(view, "DeskMap.outlineCount()")
    tiles_in_view = None
    if basemap is not None:
        wait_until(app, lambda: js(view, "document.querySelectorAll('img.leaflet-tile').length > 0 && "
                                         "document.querySelectorAll('img.leaflet-tile:not(.leaflet-tile-loaded)').length === 0"))
        tiles_in_view = time.perf_counter() - started
        loaded = js(view, "document.querySelectorAll('img.leaflet-tile-loaded').length")
        print(f"basemap tiles in view loaded from {basemap.path.name}: {tiles_in_view * 1000:.0f} ms "
              f"({loaded:.0f} tiles); {outlines:.0f} district outlines")

    if outlines:  # the page at rest: the district names placed after the first render and the tiles
        wait_until(app, lambda: js(view, "DeskMap.labels().settled()"))
    updates = []  # one marker recoloured and read back, nine times (one sample is the machine's mood as much as the map's)
    for n, (site_id, state) in zip(range(UPDATE_SAMPLES), list(view._shown_sites.items())[::97], strict=False):
        new_band = Band.BREACHED.value if state["band"] != Band.BREACHED.value else Band.GREEN.value
        target = [r for r in rows if r.id in set(view._orders_at_site[site_id])]
        started = time.perf_counter()
        view.update_orders(target, lambda _row, b=new_band: Band(b))
        wait_until(app, lambda s=site_id, b=new_band: js(view, f"DeskMap.bandOf('{s}')") == b)
        updates.append(time.perf_counter() - started)
        print(f"marker update {n + 1}: {updates[-1] * 1000:.0f} ms")
    update = statistics.median(updates)
    print(f"one marker recoloured and read back: median {update * 1000:.0f} ms, slowest {max(updates) * 1000:.0f} ms")

    started = time.perf_counter()
    view.show_sites(facts, rows, band_of, now)
    js(view, "DeskMap.count()")
    wait_until(app, lambda: (js(view, "DeskMap.count()") or 0) >= len(chosen), seconds=120)
    redraw_all = time.perf_counter() - started
    pid = view.web.page().renderProcessPid()
    memory = rss_mb(pid) if pid else float("nan")
    print(f"baseline, redrawing every marker: {redraw_all * 1000:.0f} ms; page process {memory:.0f} MB")
    print(json.dumps({
        "bench": "map_50k",
        "sites": len(chosen),
        "district_outlines": outlines, "basemap": basemap.path.name if basemap else None,
        "tiles_in_view_ms": round(tiles_in_view * 1000) if tiles_in_view is not None else None,
        "first_render_ms": round(first_render * 1000), "first_render_target_ms": 3000,
        "marker_update_ms": round(update * 1000), "marker_update_slowest_ms": round(max(updates) * 1000),
        "marker_update_target_ms": 200,
        "redraw_all_baseline_ms": round(redraw_all * 1000),
        "update_ratio_vs_redraw": round(redraw_all / update, 1) if update else None,
        "page_process_rss_mb": round(memory),
    }))
    database.close()


if __name__ == "__main__":
    main()
