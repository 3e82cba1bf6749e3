"""The frozen Linux bundle: its self-test (map included, no network), its data, its pruning."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest

from tests.fixtures.packaging import ROOT, TIMINGS, bundle, run

# One xdist worker runs all the packaging tests (--dist loadgroup), so each build is made once a run.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("packaging")]
# The target (300 MB) is not met on Linux either: libQt6WebEngineCore (204 MB), ICU (Qt's
# 39 MB of libraries, Chromium's 10 MB icudtl.dat) and OR-Tools (72 MB) come to 326 MB. Held to the
# figure measured after pruning and stripping debug info (544 MB) with a margin; the README gives
# the breakdown.
LINUX_FOLDER_TARGET_MB = 300
LINUX_FOLDER_CEILING_MB = 570


def folder_mb(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


@pytest.fixture(scope="module")
def traced_resources(tmp_path_factory: pytest.TempPathFactory) -> list[tuple[str, str]]:
    """(file, path relative to its sys.path entry) of every resource the source self-test read."""
    out = tmp_path_factory.mktemp("trace") / "trace.json"
    home = tmp_path_factory.mktemp("trace-home")
    result = run([sys.executable, "-m", "tests.packaging.trace_resources", str(out)], timeout=300, cwd=ROOT,
                 env={**os.environ, "DISPATCH_CONSOLE_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr[-3000:]
    trace = json.loads(out.read_text())
    roots = sorted((Path(p).resolve() for p in trace["path"] if p and Path(p).is_dir()), key=lambda p: -len(p.parts))
    found = []
    for file in trace["files"]:
        path = Path(file).resolve()
        if path.is_relative_to(Path(sys.base_prefix).resolve() / "lib") or path.is_relative_to(home.resolve()):
            continue  # the standard library's own files, the self-test's temporary data
        base = next((r for r in roots if path.is_relative_to(r)), None)
        if base is None:
            continue
        relative = path.relative_to(base).as_posix()
        # The editable install's own metadata, entry-point lists (read while discovering plugins
        # among all installed packages), and files under sys.prefix/share that their packages
        # fall back from (xyzservices reads its package data when that is absent).
        if ".egg-info/" not in relative and not relative.endswith(".dist-info/entry_points.txt") and not relative.startswith("."):
            found.append((file, relative))
    return found


# The packages whose data build.spec lists itself (packaging/bundle.py); the data of the others
# (branca, certifi, xyzservices, Qt) comes from PyInstaller's hooks and is checked in the bundle.
LISTED_BY_THE_SPEC = ("resources/", "db/", "xstatic/", "holidays/", "console/")


def _ours(relative: str) -> bool:
    return relative.startswith(LISTED_BY_THE_SPEC)


def test_spec_data_lists_every_resource_the_console_opens(traced_resources: list[tuple[str, str]]) -> None:
    declared = {f"{dest}/{Path(src).name}" for src, dest in bundle.data_files()}
    ours = {relative for _file, relative in traced_resources if _ours(relative)}
    # The trace must have seen the map, the translations, the icon, the migrations, the calendar.
    for expected in ("resources/map/desk_map.js", "xstatic/pkg/leaflet/data/leaflet.js", "resources/icons/dispatch-console.png",
                     "db/migrations/env.py"):
        assert expected in ours, f"the trace did not see {expected}: {sorted(ours)}"
    assert any(r.startswith("resources/translations/") for r in ours)
    assert any(r.startswith("holidays/locale/") and r.endswith("/CN.mo") for r in ours)
    missing = sorted(ours - declared)
    assert not missing, f"opened by the console but not in build.spec's data (packaging/bundle.py): {missing}"


def test_frozen_self_test_shows_the_map_offline(linux_bundle: Path, tmp_path: Path) -> None:
    started = time.monotonic()
    result = run([str(linux_bundle / bundle.APP_NAME), "--self-test"], timeout=300,
                 env={**os.environ, "DISPATCH_CONSOLE_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen",
                      "QTWEBENGINE_DISABLE_SANDBOX": "1"})
    TIMINGS["Linux frozen self-test, map included (s)"] = time.monotonic() - started
    assert result.returncode == 0, result.stdout + result.stderr[-4000:]
    assert "self-test passed" in result.stdout and "map shows" in result.stdout, result.stdout
    # Logs go to the per-user log folder.
    assert "self-test passed" in (tmp_path / "logs" / "console.log").read_text(encoding="utf-8")


def test_frozen_bundle_holds_every_resource_the_console_opens(linux_bundle: Path, traced_resources: list[tuple[str, str]]) -> None:
    internal = linux_bundle / "_internal"
    missing = sorted(relative for _file, relative in traced_resources if not (internal / relative).is_file())
    assert not missing, f"opened by the console but missing from the frozen bundle: {missing}"


def test_frozen_bundle_leaves_out_what_the_console_does_not_use(linux_bundle: Path) -> None:
    files = [p.relative_to(linux_bundle / "_internal").as_posix() for p in (linux_bundle / "_internal").rglob("*") if p.is_file()]
    pruned = [f for f in files if bundle.is_pruned(f)]
    assert not pruned, pruned
    names = {f.rsplit("/", 1)[-1] for f in files}
    assert "qtwebengine_devtools_resources.pak" not in names
    assert not any("/qml/" in f"/{f}" for f in files)
    assert not any(name.startswith(("pandas", "psycopg", "fastapi", "uvicorn", "uvloop", "httptools")) for name in {f.split("/")[0] for f in files})
    qt_translations = sorted(n for f, n in ((f, f.rsplit("/", 1)[-1]) for f in files)
                             if f.startswith("PySide6/") and n.endswith(".qm"))
    assert set(qt_translations) <= set(bundle.KEPT_QT_TRANSLATIONS), qt_translations
    with_debug_info = [f for f in files if not (linux_bundle / "_internal" / f).is_symlink()
                       and bundle.has_debug_info(linux_bundle / "_internal" / f)]
    assert not with_debug_info, with_debug_info
    size = folder_mb(linux_bundle)
    TIMINGS[f"Linux bundle folder (MB; target {LINUX_FOLDER_TARGET_MB})"] = size
    assert size < LINUX_FOLDER_CEILING_MB

