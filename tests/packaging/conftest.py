"""The packaging tests' builds, each made once per session: the Linux bundle (PyInstaller), the
Windows bundle and MSI (packaging/windows/build.sh under Wine), and a fresh Wine prefix standing
in for a desk. Outside CI they skip, saying what is missing, when the tools are not installed;
in CI (CI=true) a missing tool fails them: scripts/test.sh installs everything they need."""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "build" / "packaging-tests"
STANDINS = Path(__file__).resolve().parent / "wine_standins"
# What the Wine tests load instead of Wine 8's missing or unimplemented parts (see wine_standins).
STANDIN_DLLS = ("icuuc.dll", "mscms.dll", "ucrtbase.dll", "wineucrt.dll")
WINE_OVERRIDES = "mscoree,mshtml=;ucrtbase=n;mscms=n"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")
WINDOWS_TOOLS = ("wine", "wixl", "wixl-heat", "msiinfo", "x86_64-w64-mingw32-gcc", "xvfb-run")

sys.path.insert(0, str(ROOT / "packaging"))
import bundle  # noqa: E402  (packaging/bundle.py)

TIMINGS: dict[str, float] = {}


def require(missing: list[str], what: str) -> None:
    if not missing:
        return
    message = f"{what} needs {', '.join(missing)} (bash scripts/test.sh installs them)"
    if IN_CI:
        pytest.fail(message)
    pytest.skip(message)


def run(command: list[str], timeout: float, **kwargs) -> subprocess.CompletedProcess:
    """Run with output captured (Wine's python.exe dies writing to a file, a pipe is fine)."""
    return subprocess.run(command, capture_output=True, text=True, errors="replace", timeout=timeout, **kwargs)


@pytest.fixture(scope="session")
def linux_bundle() -> Path:
    require([] if importlib.util.find_spec("PyInstaller") else ["PyInstaller (the packaging extra)"], "the Linux bundle")
    out = BUILD / "linux"
    shutil.rmtree(out, ignore_errors=True)
    started = time.monotonic()
    result = run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN", "--distpath", str(out / "dist"),
                  "--workpath", str(out / "work"), str(ROOT / "build.spec")], timeout=1200, cwd=ROOT)
    TIMINGS["Linux bundle build (s)"] = time.monotonic() - started
    assert result.returncode == 0, result.stderr[-4000:]
    return out / "dist" / bundle.APP_NAME


@dataclass
class WindowsBuild:
    folder: Path
    msi: Path
    log: str = field(repr=False)


@pytest.fixture(scope="session")
def windows_build() -> WindowsBuild:
    require([tool for tool in WINDOWS_TOOLS if shutil.which(tool) is None], "the Windows build")
    dist = BUILD / "windows"
    shutil.rmtree(dist, ignore_errors=True)
    started = time.monotonic()
    result = run(["bash", str(ROOT / "packaging" / "windows" / "build.sh")], timeout=3000, cwd=ROOT,
                 env={**os.environ, "DISPATCH_WINDOWS_DIST": str(dist), "VENV_PYTHON": sys.executable})
    TIMINGS["Windows bundle + MSI build (s)"] = time.monotonic() - started
    assert result.returncode == 0, (result.stdout + result.stderr)[-6000:]
    msis = sorted(dist.glob("DispatchConsole-*-x64.msi"))
    assert len(msis) == 1, msis
    return WindowsBuild(dist / bundle.APP_NAME, msis[0], result.stdout)


@dataclass
class Desk:
    """A fresh Wine prefix standing in for a desk workstation."""

    prefix: Path

    @property
    def env(self) -> dict[str, str]:
        # Wine hands the environment to Windows programs: the tests' private DISPATCH_CONSOLE_HOME
        # (tests/conftest.py) would send the installed console's settings and logs there instead of
        # the desk's own per-user folders, which is what is checked here.
        inherited = {name: value for name, value in os.environ.items() if name != "DISPATCH_CONSOLE_HOME"}
        return {**inherited, "WINEPREFIX": str(self.prefix), "WINEARCH": "win64", "WINEDEBUG": "-all",
                "WINEDLLOVERRIDES": WINE_OVERRIDES}

    def wine(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess:
        return run(["wine", *args], timeout=timeout, env=self.env)

    def c_drive(self, *parts: str) -> Path:
        return self.prefix.joinpath("drive_c", *parts)

    @property
    def user_profile(self) -> Path:
        return self.c_drive("users", os.environ.get("USER") or "root")

    @property
    def user_local_app_data(self) -> Path:
        return self.user_profile / "AppData" / "Local"

    def start_menu_shortcuts(self, name: str) -> list[Path]:
        """The shortcut NAME.lnk where it is: in the all-users Start menu, or in the user's.

        With ALLUSERS=1 Windows Installer resolves ProgramMenuFolder to the all-users menu
        (%ProgramData%, checked on real Windows by .github/workflows/windows.yml); Wine 8's msi
        resolves it to the user's menu whatever ALLUSERS says (a FIXME in its dlls/msi/package.c)."""
        menus = (self.c_drive("ProgramData", "Microsoft", "Windows", "Start Menu", "Programs"),
                 self.user_profile / "AppData" / "Roaming" / "Microsoft" / "Windows" / "Start Menu" / "Programs")
        return [menu / f"{name}.lnk" for menu in menus if (menu / f"{name}.lnk").is_file()]

    def registry_value(self, key: str, name: str) -> str | None:
        result = self.wine("reg", "query", key, "/v", name, "/reg:64")
        for line in result.stdout.splitlines():
            parts = line.split(None, 2)
            if len(parts) == 3 and parts[0] == name:
                return parts[2].strip()
        return None


@pytest.fixture(scope="session")
def desk(windows_build: WindowsBuild) -> Iterator[Desk]:
    prefix = BUILD / "desk-prefix"
    shutil.rmtree(prefix, ignore_errors=True)
    desk = Desk(prefix)
    started = time.monotonic()
    boot = run(["wine", "wineboot", "-u"], timeout=600, env={**desk.env, "WINEDLLOVERRIDES": "mscoree,mshtml="})
    assert desk.c_drive("windows", "system32").is_dir(), boot.stderr[-3000:]
    # The stand-ins, built here with mingw, go into the desk's system32, never next to the program.
    built = run(["bash", str(STANDINS / "build.sh"), str(BUILD / "standins"), sys.executable], timeout=300)
    assert built.returncode == 0, built.stderr[-3000:]
    for dll in STANDIN_DLLS:
        shutil.copy(BUILD / "standins" / dll, desk.c_drive("windows", "system32", dll))
    TIMINGS["fresh Wine prefix (s)"] = time.monotonic() - started
    yield desk
    run(["wineserver", "-k"], timeout=60, env=desk.env)


def pytest_terminal_summary(terminalreporter) -> None:
    if TIMINGS:
        terminalreporter.section("packaging figures")
        for name, value in TIMINGS.items():
            terminalreporter.write_line(f"{name}: {value:,.1f}")
