"""A basemap in one local file, checked once and read tile by tile: MBTiles (raster tiles in
SQLite) or PMTiles (one archive, read with the protomaps `pmtiles` library).

An operator's GIS team hands the desks a city basemap file; the map reads its tiles without a
tile server. A file that cannot be used is refused with a reason (a value the UI words), never
half-used.
"""

from __future__ import annotations

import gzip
import mmap
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from pmtiles.reader import Reader
from pmtiles.tile import Compression

_SQLITE_MAGIC = b"SQLite format 3\x00"
_RASTER = {"png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "webp": "image/webp"}
_VECTOR = {"pbf", "mvt"}
_SNIFF = ((b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpg"), (b"RIFF", "webp"), (b"\x1f\x8b", "pbf"))
_PMTILES_MAGIC = b"PMTiles"
_PMTILES_TYPES = {"PNG": "png", "JPEG": "jpg", "WEBP": "webp", "MVT": "pbf"}  # by TileType's name


class TileFileProblem(StrEnum):
    MISSING = "missing"  # no such file
    NOT_A_FILE = "not_a_file"  # a folder, a device
    UNREADABLE = "unreadable"  # permissions, a broken disk, a locked or damaged database
    NOT_SQLITE = "not_sqlite"  # some other kind of file (neither SQLite nor PMTiles)
    NOT_MBTILES = "not_mbtiles"  # SQLite, without MBTiles' tiles table
    VECTOR_TILES = "vector_tiles"  # MBTiles of vector tiles (pbf): the map draws raster images
    UNKNOWN_FORMAT = "unknown_format"  # a tile format the map cannot show
    EMPTY = "empty"  # no tiles at all


class TileFileError(ValueError):
    """The basemap file cannot be used: `problem` says why, `detail` adds the specifics."""

    def __init__(self, path: Path, problem: TileFileProblem, detail: str = ""):
        super().__init__(f"{path}: {problem.value}{': ' + detail if detail else ''}")
        self.path, self.problem, self.detail = path, problem, detail


@dataclass(frozen=True)
class TileFile:
    path: Path
    format: str  # png, jpg, jpeg or webp
    min_zoom: int
    max_zoom: int
    attribution: str
    bounds: tuple[float, float, float, float] | None  # west, south, east, north (MBTiles' order)
    kind: str = "mbtiles"  # or "pmtiles"
    gzipped: bool = False  # PMTiles may store tiles gzip-compressed

    @property
    def mime(self) -> str:
        return _RASTER[self.format]

    def tile(self, z: int, x: int, y: int) -> bytes | None:
        """The tile at z/x/y as the map counts it (XYZ, y down); None where the file has none.
        MBTiles stores rows the TMS way (y up), hence the flip."""
        if not (0 <= z <= 30 and 0 <= x < (1 << z) and 0 <= y < (1 << z)):
            return None
        if self.kind == "pmtiles":
            with _mapped(self.path) as mapped:
                data = Reader(mapped).get(z, x, y)
            return (gzip.decompress(data) if self.gzipped else bytes(data)) if data else None
        with closing(_connect(self.path)) as db:
            row = db.execute(
                "SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?",
                (z, x, (1 << z) - 1 - y),
            ).fetchone()
        return bytes(row[0]) if row and row[0] else None


def _connect(path: Path) -> sqlite3.Connection:
    # Read-only and immutable: the desk never writes the GIS team's file, and no journal is made beside it.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, check_same_thread=False)


def open_tile_file(path: str | Path) -> TileFile:
    """Check that the file is a raster MBTiles file and read what the map needs to know of it."""
    path = Path(path).expanduser()
    if not path.exists():
        raise TileFileError(path, TileFileProblem.MISSING)
    if not path.is_file():
        raise TileFileError(path, TileFileProblem.NOT_A_FILE)
    try:
        with path.open("rb") as handle:
            head = handle.read(len(_SQLITE_MAGIC))
    except OSError as exc:
        raise TileFileError(path, TileFileProblem.UNREADABLE, str(exc)) from exc
    if head.startswith(_PMTILES_MAGIC):
        return _read_pmtiles(path)
    if head != _SQLITE_MAGIC:
        raise TileFileError(path, TileFileProblem.NOT_SQLITE)
    try:
        return _read_mbtiles(path)
    except sqlite3.Error as exc:
        raise TileFileError(path, TileFileProblem.UNREADABLE, str(exc)) from exc


def _read_mbtiles(path: Path) -> TileFile:
    with closing(_connect(path)) as db:
        names = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
        if "tiles" not in names:
            raise TileFileError(path, TileFileProblem.NOT_MBTILES)
        meta = dict(db.execute("SELECT name, value FROM metadata").fetchall()) if "metadata" in names else {}
        zooms = db.execute("SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles").fetchone()
        if zooms is None or zooms[0] is None:
            raise TileFileError(path, TileFileProblem.EMPTY)
        fmt = str(meta.get("format", "")).strip().lower()
        if not fmt:  # older files leave it out: look at a tile
            first = db.execute("SELECT tile_data FROM tiles LIMIT 1").fetchone()[0] or b""
            fmt = next((name for magic, name in _SNIFF if bytes(first[:4]).startswith(magic)), "unknown")
    if fmt in _VECTOR:
        raise TileFileError(path, TileFileProblem.VECTOR_TILES, fmt)
    if fmt not in _RASTER:
        raise TileFileError(path, TileFileProblem.UNKNOWN_FORMAT, fmt)
    return TileFile(path, fmt, int(zooms[0]), int(zooms[1]), str(meta.get("attribution", "")), _bounds(meta.get("bounds")))


@contextmanager
def _mapped(path: Path) -> Iterator[Callable[[int, int], bytes]]:
    """The file's bytes by (offset, length), as the pmtiles reader asks for them; unmapped after."""
    with path.open("rb") as handle, mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        yield lambda offset, length: mapped[offset:offset + length]


def _read_pmtiles(path: Path) -> TileFile:
    try:
        with _mapped(path) as mapped:
            reader = Reader(mapped)
            header = reader.header()
            meta = reader.metadata() if header["metadata_length"] else {}
    except Exception as exc:  # the library's own errors: bad magic, a version it does not read, a cut-off file
        raise TileFileError(path, TileFileProblem.UNREADABLE, f"{type(exc).__name__} {exc}".strip()) from exc
    fmt = _PMTILES_TYPES.get(header["tile_type"].name, header["tile_type"].name.lower())
    if fmt in _VECTOR:
        raise TileFileError(path, TileFileProblem.VECTOR_TILES, fmt)
    if fmt not in _RASTER or header["tile_compression"] not in (Compression.NONE, Compression.GZIP):
        raise TileFileError(path, TileFileProblem.UNKNOWN_FORMAT, fmt)
    if not header["addressed_tiles_count"]:
        raise TileFileError(path, TileFileProblem.EMPTY)
    bounds = tuple(header[key] / 1e7 for key in ("min_lon_e7", "min_lat_e7", "max_lon_e7", "max_lat_e7"))
    return TileFile(path, fmt, header["min_zoom"], header["max_zoom"], str(meta.get("attribution", "")), bounds,  # type: ignore[arg-type]
                    kind="pmtiles", gzipped=header["tile_compression"] == Compression.GZIP)


def _bounds(text: object) -> tuple[float, float, float, float] | None:
    try:
        west, south, east, north = (float(part) for part in str(text).split(","))
    except ValueError:
        return None
    return west, south, east, north
