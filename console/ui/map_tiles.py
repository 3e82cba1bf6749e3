"""The basemap file served to the map page with no tile server: a URL scheme of our own
(desktiles://basemap/{z}/{x}/{y}) whose handler reads each tile from the file off the GUI thread."""

from __future__ import annotations

import base64

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, QObject
from PySide6.QtWebEngineCore import QWebEngineProfile, QWebEngineUrlRequestJob, QWebEngineUrlScheme, QWebEngineUrlSchemeHandler

from console.core.tile_file import TileFile, TileFileError, TileFileProblem
from console.ui.background import Background

SCHEME = b"desktiles"
TILE_URL = "desktiles://basemap/{z}/{x}/{y}"
# Where the file has no tile (open sea, outside its area): a transparent 1x1 PNG, not an error.
_EMPTY_PNG = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=")


def register_tile_scheme() -> None:
    """Make the scheme known to the web engine; it must run before the first web page is made."""
    if QWebEngineUrlScheme.schemeByName(SCHEME).name() == QByteArray(SCHEME):
        return
    scheme = QWebEngineUrlScheme(SCHEME)
    scheme.setSyntax(QWebEngineUrlScheme.Syntax.Host)
    # Local: the page is a local file, and a file may load only from other local schemes.
    scheme.setFlags(QWebEngineUrlScheme.Flag.LocalScheme | QWebEngineUrlScheme.Flag.SecureScheme)
    QWebEngineUrlScheme.registerScheme(scheme)


class TileSchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers desktiles:/z/x/y from one TileFile; the read runs in the background pool."""

    def __init__(self, tiles: TileFile, parent: QObject | None = None):
        super().__init__(parent)
        self._tiles = tiles
        self._background = Background(self)
        self.served = 0

    def install(self, profile: QWebEngineProfile) -> None:
        profile.removeUrlScheme(SCHEME)  # a map built again (settings changed) replaces the earlier file
        profile.installUrlSchemeHandler(SCHEME, self)

    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:  # noqa: N802 - Qt's name
        try:
            z, x, y = (int(part) for part in job.requestUrl().path().strip("/").split("/"))
        except ValueError:
            job.fail(QWebEngineUrlRequestJob.Error.UrlInvalid)
            return
        tiles = self._tiles
        self._background.run(lambda: tiles.tile(z, x, y), lambda data: self._reply(job, data), lambda _exc: self._fail(job))

    def _reply(self, job: QWebEngineUrlRequestJob, data: bytes | None) -> None:
        if not shiboken6.isValid(job):  # the page moved on and dropped the request
            return
        buffer = QBuffer(job)
        buffer.setData(QByteArray(data or _EMPTY_PNG))
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(QByteArray(self._tiles.mime.encode() if data else b"image/png"), buffer)
        self.served += 1

    def _fail(self, job: QWebEngineUrlRequestJob) -> None:
        if shiboken6.isValid(job):
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)


def tile_file_problem_text(error: TileFileError) -> str:
    """The refusal in the desk's language, with what the map does instead."""
    path = str(error.path)
    texts = {
        TileFileProblem.MISSING: QCoreApplication.translate("MapTiles", "The basemap file %1 does not exist."),
        TileFileProblem.NOT_A_FILE: QCoreApplication.translate("MapTiles", "The basemap file %1 is a folder, not a file."),
        TileFileProblem.UNREADABLE: QCoreApplication.translate("MapTiles", "The basemap file %1 cannot be read (%2)."),
        TileFileProblem.NOT_SQLITE: QCoreApplication.translate("MapTiles", "The basemap file %1 is neither an MBTiles nor a PMTiles file."),
        TileFileProblem.NOT_MBTILES: QCoreApplication.translate("MapTiles", "The basemap file %1 is an SQLite database but not MBTiles (it has no tiles table)."),
        TileFileProblem.VECTOR_TILES: QCoreApplication.translate(
            "MapTiles", "The basemap file %1 holds vector tiles (%2); the map shows raster tiles (PNG, JPEG or WebP): ask your GIS team "
            "for a raster export."),
        TileFileProblem.UNKNOWN_FORMAT: QCoreApplication.translate("MapTiles", "The basemap file %1 holds tiles in a format the map cannot show (%2)."),
        TileFileProblem.EMPTY: QCoreApplication.translate("MapTiles", "The basemap file %1 holds no tiles."),
    }
    text = texts[error.problem].replace("%1", path).replace("%2", error.detail)
    return text + " " + QCoreApplication.translate("MapTiles", "The map shows the district outlines without it; change the basemap file in the settings.")
