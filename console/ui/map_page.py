"""The map page, built once per session or settings change: folium with Leaflet and
Leaflet.markercluster from the xstatic packages (never a CDN), and the desk's own script."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path
from typing import Any

import folium
import xstatic.pkg.leaflet as xleaflet
import xstatic.pkg.leaflet_markercluster as xcluster


def _file_url(path: Path | Any) -> str:
    return Path(str(path)).resolve().as_uri()


def asset_urls() -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(scripts, style sheets) of the page, all local."""
    leaflet, cluster = Path(xleaflet.BASE_DIR), Path(xcluster.BASE_DIR)
    ours = files("resources") / "map"
    scripts = [
        ("leaflet", _file_url(leaflet / "leaflet.js")),
        ("markercluster", _file_url(cluster / "leaflet.markercluster.js")),
        ("qwebchannel", "qrc:///qtwebchannel/qwebchannel.js"),
        ("desk_lasso", _file_url(ours / "desk_lasso.js")),
        ("desk_labels", _file_url(ours / "desk_labels.js")),
        ("desk_map", _file_url(ours / "desk_map.js")),
    ]
    styles = [
        ("leaflet_css", _file_url(leaflet / "leaflet.css")),
        ("markercluster_css", _file_url(cluster / "MarkerCluster.css")),
        ("desk_map_css", _file_url(ours / "desk_map.css")),
    ]
    return scripts, styles


def district_outlines(english: bool) -> dict:
    """Shanghai's district outlines (GeoJSON, extracted at build time by
    scripts/extract_districts.py), each with the label to show in the desk's language."""
    collection = json.loads((files("resources") / "map" / "districts.json").read_text(encoding="utf-8"))
    for feature in collection["features"]:
        props = feature["properties"]
        props["text"] = props["name_en"] if english else props["name"]
    return {"type": "FeatureCollection", "features": collection["features"]}


def build_map_html(center: tuple[float, float], tile_url: str, attribution: str, districts: list[dict], legend: dict[str, str],
                   outlines: dict | None = None, max_native_zoom: int | None = None, texts: dict[str, str] | None = None) -> str:
    """The whole page: a Leaflet map (tiles from the setting or the basemap file, or a plain
    background with a scale bar and a coordinate grid) under the district outlines, started by
    DeskMap.start() with the given options."""
    page = folium.Map(location=list(center), zoom_start=10, tiles=None, control_scale=True, prefer_canvas=True)
    scripts, styles = asset_urls()
    page.default_js = scripts  # instance attributes replace folium's CDN lists
    page.default_css = styles
    if tile_url:
        extra = {"max_native_zoom": max_native_zoom} if max_native_zoom is not None else {}
        folium.TileLayer(tiles=tile_url, attr=attribution or " ", name="tiles", **extra).add_to(page)
    options = {"tiles": bool(tile_url), "districts": districts, "legend": legend, "outlines": outlines, "texts": texts or {}}
    # The map variable exists only once folium's own script has run: start on load.
    start = f"DeskMap.start({page.get_name()}, {json.dumps(options, ensure_ascii=False)});"
    page.get_root().script.add_child(folium.Element(f"window.addEventListener(\"load\", function () {{ {start} }});"))
    return page.get_root().render()
