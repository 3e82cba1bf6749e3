"""The Windows bundle and MSI built under Wine, and the smoke test on a fresh Wine desk: silent
install with CENTRAL_URL, the installed console's self-test (without the map: QtWebEngine does
not run under Wine 8), the URL in its settings, uninstall, the user's data left in place."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pefile
import pytest

from console import __version__
from tests.fixtures.packaging import STANDIN_DLLS, TIMINGS, Desk, WindowsBuild, bundle, run

# One xdist worker runs all the packaging tests (--dist loadgroup), so each build is made once a run.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("packaging")]
# The targets, reported beside the figures. They are not met: QtWebEngineCore.dll (204 MB),
# OR-Tools' DLLs (73 MB, all load-time dependencies of ortools.dll) and NumPy's OpenBLAS (20 MB) add
# up to 297 MB before Qt, Python and the console; wixl's cabinets are MSZIP only (no LZX), and
# QtWebEngineCore.dll alone compresses to 84 MB. The README gives the breakdown.
WINDOWS_FOLDER_TARGET_MB = 300
MSI_TARGET_MB = 120
# What the build is held to: the figures measured after pruning (434 MB, 184 MB) with a margin, so a
# pruning rule that stops working, or a new dependency that pulls in a large library, fails here.
WINDOWS_FOLDER_CEILING_MB = 450
MSI_CEILING_MB = 195
CENTRAL_URL = "https://central.desk-test.example:8443"
INSTALLED_EXE = r"C:\Program Files\Dispatch Console\dispatch-console.exe"
PRODUCT_KEY = r"HKLM\Software\DispatchConsole"


def _mb(path) -> float:
    if path.is_file():
        return path.stat().st_size / 1e6
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1e6


def _msi_table(msi, table: str) -> list[list[str]]:
    rows = subprocess.run(["msiinfo", "export", str(msi), table], capture_output=True, text=True, check=True).stdout.splitlines()
    return [row.split("\t") for row in rows[3:]]  # after the column names, types and key line


def test_windows_bundle_sizes_and_build_figures(windows_build: WindowsBuild) -> None:
    folder, msi = _mb(windows_build.folder), _mb(windows_build.msi)
    TIMINGS[f"Windows bundle folder (MB; target {WINDOWS_FOLDER_TARGET_MB})"] = folder
    TIMINGS[f"MSI (MB; target {MSI_TARGET_MB})"] = msi
    files = [p.relative_to(windows_build.folder / "_internal").as_posix() for p in (windows_build.folder / "_internal").rglob("*") if p.is_file()]
    pruned = [f for f in files if bundle.is_pruned(f)]
    assert not pruned, pruned
    assert folder < WINDOWS_FOLDER_CEILING_MB, f"{folder:.0f} MB"
    assert msi < MSI_CEILING_MB, f"{msi:.0f} MB"


def test_executable_carries_version_info_and_icon(windows_build: WindowsBuild) -> None:
    exe = pefile.PE(str(windows_build.folder / f"{bundle.APP_NAME}.exe"))
    strings = {key.decode(): value.decode() for info in exe.FileInfo[0] if hasattr(info, "StringTable")
               for table in info.StringTable for key, value in table.entries.items()}
    assert strings["ProductVersion"] == __version__ and strings["FileVersion"] == __version__
    assert strings["ProductName"] == "Dispatch Console" and strings["OriginalFilename"] == "dispatch-console.exe"
    resource_types = {entry.id for entry in exe.DIRECTORY_ENTRY_RESOURCE.entries}
    assert pefile.RESOURCE_TYPE["RT_GROUP_ICON"] in resource_types
    assert exe.OPTIONAL_HEADER.Subsystem == pefile.SUBSYSTEM_TYPE["IMAGE_SUBSYSTEM_WINDOWS_GUI"]  # windowed


def test_wine_standins_are_never_shipped(windows_build: WindowsBuild) -> None:
    in_folder = {p.name.lower() for p in windows_build.folder.rglob("*.dll")}
    in_msi = {row[2].split("|")[-1].lower() for row in _msi_table(windows_build.msi, "File")}
    assert "qt6core.dll" in in_folder and "qt6core.dll" in in_msi  # the lists are real
    for dll in STANDIN_DLLS:
        assert dll not in in_folder and dll not in in_msi, dll


def test_msi_installs_per_machine_with_fixed_upgrade_code(windows_build: WindowsBuild) -> None:
    properties = dict(row[:2] for row in _msi_table(windows_build.msi, "Property"))
    assert properties["ALLUSERS"] == "1"
    assert properties["UpgradeCode"] == "{6B0E58D4-3C1F-4C52-9C64-2E7F0A9D41B7}"
    assert properties["ProductVersion"] == __version__
    # MajorUpgrade: older versions under this upgrade code are found and removed before the install.
    upgrades = _msi_table(windows_build.msi, "Upgrade")
    assert [row[0] == properties["UpgradeCode"] and row[2] == __version__ and row[6] == "WIX_UPGRADE_DETECTED"
            for row in upgrades].count(True) == 1, upgrades
    actions = {row[0] for row in _msi_table(windows_build.msi, "InstallExecuteSequence")}
    assert {"FindRelatedProducts", "RemoveExistingProducts"} <= actions
    shortcuts = _msi_table(windows_build.msi, "Shortcut")
    assert [row[1] for row in shortcuts] == ["ProgramMenuFolder"]


def test_install_run_uninstall_on_a_wine_desk(windows_build: WindowsBuild, desk: Desk) -> None:
    msi = str(windows_build.msi)
    started = time.monotonic()
    installed = desk.wine("msiexec", "/i", msi, "/qn", f"CENTRAL_URL={CENTRAL_URL}", timeout=900)
    TIMINGS["wine msiexec /i /qn (s)"] = time.monotonic() - started
    assert installed.returncode == 0, installed.stderr[-3000:]
    program = desk.c_drive("Program Files", "Dispatch Console")
    assert (program / "dispatch-console.exe").is_file()
    # The MSI's shortcut is per-machine (ALLUSERS=1, ProgramMenuFolder: the table test above); where
    # it lands is up to msiexec, and Wine's puts it in the user's menu (see Desk.start_menu_shortcuts).
    shortcuts = desk.start_menu_shortcuts("Dispatch Console")
    assert len(shortcuts) == 1, shortcuts
    link = shortcuts[0].read_bytes()
    assert b"dispatch-console.exe" in link or "dispatch-console.exe".encode("utf-16-le") in link
    assert desk.registry_value(PRODUCT_KEY, "CentralUrl") == CENTRAL_URL
    for dll in STANDIN_DLLS:  # they stay in system32, as a desk's own DLLs would
        assert not (program / "_internal" / dll).exists()

    # The installed console, as the Start-menu shortcut starts it, under a virtual screen.
    started = time.monotonic()
    ran = run(["xvfb-run", "-a", "wine", INSTALLED_EXE, "--self-test", "--no-web"], timeout=600, env=desk.env)
    TIMINGS["installed console self-test under Wine, --no-web (s)"] = time.monotonic() - started
    log_file = desk.user_local_app_data / "DispatchConsole" / "Logs" / "console.log"
    log = log_file.read_text(encoding="utf-8") if log_file.is_file() else "(no log)"
    assert ran.returncode == 0, f"exit {ran.returncode}\n{log[-3000:]}\n{ran.stderr[-3000:]}"
    assert "self-test passed" in log and "map skipped (--no-web)" in log, log[-3000:]
    # The URL given to msiexec reached the console's settings.
    assert f"central_url={CENTRAL_URL}" in log, log[-3000:]

    started = time.monotonic()
    removed = desk.wine("msiexec", "/x", msi, "/qn", timeout=900)
    TIMINGS["wine msiexec /x /qn (s)"] = time.monotonic() - started
    assert removed.returncode == 0, removed.stderr[-3000:]
    assert not (program / "dispatch-console.exe").exists()
    assert not desk.start_menu_shortcuts("Dispatch Console")
    assert desk.registry_value(PRODUCT_KEY, "CentralUrl") is None
    # The user's own folder (settings, data, logs) is theirs: the uninstall leaves it.
    assert log_file.is_file() and "self-test passed" in log_file.read_text(encoding="utf-8")


def _registry_keys(listing: str) -> list[dict[str, str]]:
    """The values of each key in `reg query /s` output, as name -> data."""
    keys: list[dict[str, str]] = []
    for line in listing.splitlines():
        if line.startswith("HKEY_"):
            keys.append({})
        elif keys and len(parts := line.split(None, 2)) == 3:
            keys[-1][parts[0]] = parts[2].strip()
    return keys


def _newer_version(version: str) -> str:
    """The next patch version: Windows Installer compares only the first three fields of
    ProductVersion, so a 0.1.0.1 would not upgrade a 0.1.0 (both would stay installed)."""
    major, minor, patch = (version.split(".") + ["0", "0"])[:3]
    return f"{major}.{minor}.{int(patch) + 1}"


def test_upgrade_in_place_keeps_the_central_url(windows_build: WindowsBuild, desk: Desk, tmp_path) -> None:
    """A newer MSI (same upgrade code) replaces the installed one and keeps CENTRAL_URL."""
    newer_version = _newer_version(__version__)
    newer_dist = tmp_path / "newer"
    shutil.copytree(windows_build.folder, newer_dist / bundle.APP_NAME, symlinks=True)
    built = run(["bash", "packaging/windows/build.sh", "--msi-only"], timeout=600, cwd=str(bundle.ROOT),
                env={**desk.env, "DISPATCH_WINDOWS_DIST": str(newer_dist), "DISPATCH_MSI_VERSION": newer_version,
                     "VENV_PYTHON": sys.executable})
    assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
    newer = next(newer_dist.glob("DispatchConsole-*-x64.msi"))
    assert desk.wine("msiexec", "/i", str(windows_build.msi), "/qn", f"CENTRAL_URL={CENTRAL_URL}", timeout=900).returncode == 0
    assert desk.wine("msiexec", "/i", str(newer), "/qn", timeout=900).returncode == 0
    products = desk.wine("reg", "query", r"HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall", "/s", "/reg:64").stdout
    ours = [entry for entry in _registry_keys(products) if entry.get("DisplayName") == "Dispatch Console"]
    assert [entry.get("DisplayVersion") for entry in ours] == [newer_version], products[-3000:]
    assert (desk.c_drive("Program Files", "Dispatch Console") / "dispatch-console.exe").is_file()
    assert len(desk.start_menu_shortcuts("Dispatch Console")) == 1
    assert desk.registry_value(PRODUCT_KEY, "CentralUrl") == CENTRAL_URL
    assert desk.wine("msiexec", "/x", str(newer), "/qn", timeout=900).returncode == 0
    assert not desk.c_drive("Program Files", "Dispatch Console", "dispatch-console.exe").exists()
