"""What build.spec puts in the bundle besides code, and what it leaves out: one list for the spec
and for the tests (every resource the console opens must be in `data_files`; nothing `pruned`
may be in a built bundle). Plain Python, no PyInstaller import, so tests can read it."""

from __future__ import annotations

import fnmatch
import hashlib
import importlib.util
import shutil
import struct
import subprocess
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
APP_NAME = "dispatch-console"
ICON = ROOT / "resources" / "icons" / "dispatch-console.ico"

# Python packages the console never imports at run time (the centre's server, tests, optional
# extras that other libraries only try: folium tries pandas, SQLAlchemy's hook names every driver,
# Mako tries Pygments for its error pages, pyqtgraph tries QtTest).
EXCLUDED_MODULES = [
    "tkinter", "pandas", "matplotlib", "scipy", "IPython", "pytest", "hypothesis", "schemathesis", "pygments",
    "psycopg", "psycopg_binary", "psycopg2", "pymysql", "MySQLdb", "asyncpg",
    "central", "fastapi", "starlette", "uvicorn", "uvloop", "httptools", "argon2", "yaml",  # (pydantic stays: operations use it)
    "PyQt5", "PyQt6", "PySide2",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtQuickControls2", "PySide6.QtQuick3D",
    "PySide6.Qt3DCore", "PySide6.Qt3DRender", "PySide6.QtCharts", "PySide6.QtDataVisualization", "PySide6.QtGraphs",
    "PySide6.QtMultimedia", "PySide6.QtMultimediaWidgets",  # (QtPdf stays: the monthly report's preview)
    "PySide6.QtBluetooth", "PySide6.QtSerialPort", "PySide6.QtSql", "PySide6.QtDesigner", "PySide6.QtUiTools",
    "PySide6.QtHelp", "PySide6.QtLocation", "PySide6.QtSensors", "PySide6.QtTextToSpeech", "PySide6.QtWebEngineQuick",
    "PySide6.QtTest",
]

# Modules found only by name at run time.
HIDDEN_IMPORTS = ["holidays.countries.china", "resources", "resources.translations", "resources.map", "resources.icons"]

# Qt files the console does not use, matched against the bundle-relative path (with "/") and
# against the file name. QtWebEngineCore links Qt Quick and QML, so their libraries stay; the
# QML modules, plugins and every translation but Chinese go.
KEPT_QT_TRANSLATIONS = ("qtbase_zh_CN.qm", "qt_zh_CN.qm", "qtwebengine_zh_CN.qm")
KEPT_WEBENGINE_LOCALES = ("en-US.pak", "zh-CN.pak")
PRUNED_NAMES = [
    "qtwebengine_devtools_resources*.pak",  # Chromium's developer tools (75 MB on Windows)
    "*.debug.pak", "*.debug.bin",  # QtWebEngine's resources for debug builds of Qt
    "*Qt6PdfQuick*", "*Qt6VirtualKeyboard*", "*Qt6Quick3D*", "*Qt6QuickControls2*",
    "*Qt6QuickTemplates2*", "*Qt6QuickShapes*", "*Qt6QuickLayouts*", "*Qt6QuickEffects*", "*Qt6QuickParticles*",
    "*Qt6SerialPort*", "*Qt6Wayland*", "*Qt6WlShell*", "*Qt6EglFS*", "*Qt6EglFs*", "*Qt6Charts*", "*Qt6Multimedia*",
    "*Qt6Sql*", "*Qt6Designer*", "*Qt6Bluetooth*", "*Qt6Location*", "*Qt6Sensors*",
    "opengl32sw.dll",  # Mesa's software OpenGL (20 MB): Qt falls back to WARP/ANGLE-less rendering
]
PRUNED_DIRS = [
    "PySide6/qml", "PySide6/Qt/qml",
    "*/plugins/wayland-*", "*/plugins/egldeviceintegrations", "*/plugins/position", "*/plugins/sqldrivers",
    "*/plugins/qmltooling", "*/plugins/multimedia", "*/plugins/virtualkeyboard", "*/plugins/designer",
    "*/plugins/platforminputcontexts/*qtvirtualkeyboard*",
    "*/plugins/generic",  # evdev and TUIO touch input for embedded devices
    # Platforms for embedded screens, VNC and Direct2D; a desk uses windows (Windows), xcb or
    # wayland (Linux), and the self-test offscreen.
    "*/plugins/platforms/*qeglfs*", "*/plugins/platforms/*qlinuxfb*", "*/plugins/platforms/*qminimalegl*",
    "*/plugins/platforms/*qvkkhrdisplay*", "*/plugins/platforms/*qvnc*", "*/plugins/platforms/*qdirect2d*",
    # Image formats nobody opens here (the console's images are PNG, SVG and ICO; the map page's are
    # decoded by Chromium itself).
    "*/plugins/imageformats/*qicns*", "*/plugins/imageformats/*qtga*", "*/plugins/imageformats/*qtiff*",
    "*/plugins/imageformats/*qwbmp*", "*/plugins/imageformats/*qwebp*", "*/plugins/imageformats/*qpdf*",
]


def _package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError(f"{name} is not installed")
    return Path(next(iter(spec.submodule_search_locations)))


def data_files() -> list[tuple[str, str]]:
    """(source file, destination folder in the bundle), one row a file."""
    rows: list[tuple[Path, str]] = []

    def add(folder: Path, dest: str, patterns: tuple[str, ...], skip: tuple[str, ...] = ()) -> None:
        for path in sorted(folder.rglob("*")):
            relative = path.relative_to(folder).as_posix()
            if path.is_file() and "__pycache__" not in relative and any(fnmatch.fnmatch(relative, p) for p in patterns) \
                    and not any(fnmatch.fnmatch(relative, s) for s in skip):
                rows.append((path, str(PurePosixPath(dest) / PurePosixPath(relative).parent)))

    resources = ROOT / "resources"
    add(resources / "translations", "resources/translations", ("*.qm",))
    add(resources / "map", "resources/map", ("*.js", "*.css", "*.json"))  # *.json: the district outlines
    add(resources / "icons", "resources/icons", ("*.png", "*.svg", "*.ico"))
    # Alembic reads its environment and revisions as source files.
    add(ROOT / "db" / "migrations", "db/migrations", ("*.py", "*.mako"))
    # Leaflet and its cluster plugin, served to the map page from files (no CDN); source maps and
    # the unminified sources stay out.
    for package, dest in (("xstatic.pkg.leaflet", "xstatic/pkg/leaflet/data"),
                          ("xstatic.pkg.leaflet_markercluster", "xstatic/pkg/leaflet_markercluster/data")):
        add(_package_dir(package) / "data", dest, ("*.js", "*.css", "*.png", "*.svg"), ("*-src*", "*.map"))
    # The calendar's names: holidays.China() loads its gettext catalogue for its default language.
    add(_package_dir("holidays") / "locale", "holidays/locale", ("*/LC_MESSAGES/CN.mo",))
    return [(str(src), dest) for src, dest in rows]


def binary_files() -> list[tuple[str, str]]:
    """DLLs that packages load by path: OR-Tools on Windows loads ortools/.libs/*.dll with WinDLL
    (its extension does not name them where PyInstaller can resolve them)."""
    libs = _package_dir("ortools") / ".libs"
    return [(str(dll), "ortools/.libs") for dll in sorted(libs.glob("*.dll"))]


def is_pruned(bundle_path: str) -> bool:
    """Whether a file at this bundle-relative path is left out of the bundle."""
    path = bundle_path.replace("\\", "/")
    name = path.rsplit("/", 1)[-1]
    if any(fnmatch.fnmatch(name, p) for p in PRUNED_NAMES):
        return True
    if any(fnmatch.fnmatch(path, d) or fnmatch.fnmatch(path, d + "/*") for d in PRUNED_DIRS):
        return True
    if "/translations/" in f"/{path}" and name.endswith(".qm") and "/resources/translations/" not in f"/{path}":
        return name not in KEPT_QT_TRANSLATIONS
    if "/qtwebengine_locales/" in f"/{path}":
        return name not in KEPT_WEBENGINE_LOCALES
    return False


def has_debug_info(path: str | Path) -> bool:
    """Whether this is a 64-bit little-endian ELF file with DWARF sections (.debug_*)."""
    with open(path, "rb") as f:
        header = f.read(64)
        if len(header) < 64 or header[:4] != b"\x7fELF" or header[4] != 2 or header[5] != 1:
            return False
        shoff, = struct.unpack_from("<Q", header, 0x28)
        shentsize, shnum, shstrndx = struct.unpack_from("<HHH", header, 0x3A)
        if not shoff or not shnum or shstrndx >= shnum:
            return False
        f.seek(shoff)
        table = f.read(shentsize * shnum)
        sections = [struct.unpack_from("<IIQQQQ", table, i * shentsize) for i in range(shnum)]
        _name, _type, _flags, _addr, names_at, names_size = sections[shstrndx]
        f.seek(names_at)
        names = f.read(names_size)
    return any(names[s[0]:names.index(b"\0", s[0])].startswith(b".debug_") for s in sections)


def without_debug_info(binaries: list[tuple], cache: Path) -> list[tuple]:
    """The binaries with stripped copies (strip --strip-debug, cached by content) in place of the ELF
    files that carry debug info: libpython and its extensions from a source-built Python,
    SQLAlchemy's Cython extensions. Only those: `strip` rewrites a file's layout, which breaks the
    libraries wheels have patched with patchelf (NumPy's OpenBLAS then fails to load)."""
    out = []
    for dest, src, typecode in binaries:
        if typecode in ("BINARY", "EXTENSION") and Path(src).is_file() and has_debug_info(src):
            digest = hashlib.sha256(Path(src).read_bytes()).hexdigest()[:16]
            stripped = cache / digest / Path(src).name
            if not stripped.is_file():
                if shutil.which("strip") is None:
                    raise RuntimeError("packaging needs binutils' strip (bash scripts/test.sh installs it)")
                stripped.parent.mkdir(parents=True, exist_ok=True)
                subprocess.run(["strip", "--strip-debug", "-o", str(stripped), src], check=True)
            src = str(stripped)
        out.append((dest, src, typecode))
    return out
