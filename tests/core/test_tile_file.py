"""A basemap file: an MBTiles file is read tile by tile with its rows flipped; anything else is
refused with the reason."""

from pathlib import Path

import pytest

from console.core.tile_file import TileFileError, TileFileProblem, open_tile_file
from tests.fixtures.mbtiles import make_mbtiles, make_pmtiles

PNG = b"\x89PNG\r\n\x1a\n"


def labelled(z: int, x: int, y: int) -> bytes:
    return PNG + f"{z}/{x}/{y}".encode()


def test_a_tile_is_found_by_the_maps_row_though_mbtiles_counts_rows_from_the_south(tmp_path: Path) -> None:
    tiles = open_tile_file(make_mbtiles(tmp_path / "city.mbtiles", labelled, zooms=range(0, 4)))
    assert (tiles.format, tiles.mime, tiles.min_zoom, tiles.max_zoom) == ("png", "image/png", 0, 3)
    assert tiles.attribution == "© test GIS"
    assert tiles.tile(3, 5, 1) == labelled(3, 5, 1)
    assert tiles.tile(2, 0, 3) == labelled(2, 0, 3)


def test_a_tile_outside_the_file_or_the_world_is_none(tmp_path: Path) -> None:
    tiles = open_tile_file(make_mbtiles(tmp_path / "city.mbtiles", labelled, zooms=range(0, 2)))
    assert tiles.tile(5, 0, 0) is None
    assert tiles.tile(1, 2, 0) is None and tiles.tile(1, 0, -1) is None and tiles.tile(-1, 0, 0) is None


def test_bounds_are_read_when_the_file_gives_them(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "city.mbtiles", labelled, metadata={"bounds": "120.8,30.6,122.1,31.9"})
    assert open_tile_file(path).bounds == (120.8, 30.6, 122.1, 31.9)


def test_a_file_without_a_format_is_known_by_its_tiles(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "old.mbtiles", lambda z, x, y: b"\xff\xd8\xff\xe0jpeg", metadata={"format": None})
    assert open_tile_file(path).format == "jpg"


def refusal(path: Path) -> TileFileError:
    with pytest.raises(TileFileError) as caught:
        open_tile_file(path)
    assert caught.value.path == path
    return caught.value


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path / "nowhere.mbtiles").problem is TileFileProblem.MISSING


def test_a_folder_is_refused(tmp_path: Path) -> None:
    assert refusal(tmp_path).problem is TileFileProblem.NOT_A_FILE


def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "tiles.mbtiles"
    path.write_bytes(b"PK\x03\x04 a zip, say")
    assert refusal(path).problem is TileFileProblem.NOT_SQLITE
    assert path.read_bytes() == b"PK\x03\x04 a zip, say"


def test_an_sqlite_file_without_tiles_is_not_mbtiles(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "desk.sqlite", labelled, with_tiles_table=False)
    assert refusal(path).problem is TileFileProblem.NOT_MBTILES


def test_vector_tiles_are_refused_with_their_format(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "vector.mbtiles", lambda z, x, y: b"\x1f\x8b...", metadata={"format": "pbf"})
    error = refusal(path)
    assert (error.problem, error.detail) == (TileFileProblem.VECTOR_TILES, "pbf")


def test_an_unknown_format_is_refused(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "odd.mbtiles", labelled, metadata={"format": "tiff"})
    assert (refusal(path).problem, refusal(path).detail) == (TileFileProblem.UNKNOWN_FORMAT, "tiff")


def test_a_file_with_no_tiles_is_refused(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "empty.mbtiles", labelled, zooms=range(0))
    assert refusal(path).problem is TileFileProblem.EMPTY


def test_the_file_is_never_written(tmp_path: Path) -> None:
    path = make_mbtiles(tmp_path / "city.mbtiles", labelled)
    before = path.read_bytes(), sorted(p.name for p in tmp_path.iterdir())
    open_tile_file(path).tile(1, 1, 1)
    assert (path.read_bytes(), sorted(p.name for p in tmp_path.iterdir())) == before


def test_a_pmtiles_file_serves_the_same_tiles_by_the_same_rows(tmp_path: Path) -> None:
    tiles = open_tile_file(make_pmtiles(tmp_path / "city.pmtiles", labelled, zooms=range(0, 4), metadata={"bounds": "120.8,30.6,122.1,31.9"}))
    assert (tiles.kind, tiles.format, tiles.min_zoom, tiles.max_zoom, tiles.attribution) == ("pmtiles", "png", 0, 3, "© test GIS")
    assert tiles.tile(3, 5, 1) == labelled(3, 5, 1) and tiles.tile(2, 0, 3) == labelled(2, 0, 3)
    assert tiles.tile(6, 0, 0) is None
    assert tiles.bounds == pytest.approx((120.8, 30.6, 122.1, 31.9))


def test_vector_pmtiles_are_refused_with_their_format(tmp_path: Path) -> None:
    path = make_pmtiles(tmp_path / "vector.pmtiles", lambda z, x, y: b"\x1f\x8bvector", metadata={"format": "pbf"})
    assert (refusal(path).problem, refusal(path).detail) == (TileFileProblem.VECTOR_TILES, "pbf")


def test_a_cut_off_pmtiles_file_is_refused_as_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "cut.pmtiles"
    path.write_bytes(b"PMTiles\x03" + b"\x00" * 20)
    assert refusal(path).problem is TileFileProblem.UNREADABLE


def test_the_setting_names_an_mbtiles_or_pmtiles_file_and_is_kept_beside_the_tile_server() -> None:
    from console.settings import Settings, SettingsError

    assert Settings(map_tile_file="/srv/gis/shanghai.MBTiles").validated().map_tile_file == "/srv/gis/shanghai.MBTiles"
    assert Settings(map_tile_file="/srv/gis/shanghai.pmtiles").validated().map_tile_file == "/srv/gis/shanghai.pmtiles"
    with pytest.raises(SettingsError, match="map_tile_file must name an MBTiles or PMTiles file"):
        Settings(map_tile_file="/srv/gis/shanghai.zip").validated()
