"""The settings dialog: edits the typed settings, refuses what it cannot use, says what needs a
restart; sized to what it shows, with a picker of the IANA time zones for the desk's zone."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from console.settings import Settings, SettingsError, with_changes

MAX_FIELD_WIDTH = 560  # a longer path or URL scrolls in its field rather than widening the dialog


def zone_names(current: str) -> list[str]:
    """The IANA zones this computer (or the tzdata package) knows, sorted, with the current setting."""
    return sorted(available_timezones() | {current})


def utc_offset_text(zone: str, now: datetime) -> str:
    """'UTC+08:00' for a zone's offset at `now`; '' for a name that is no zone."""
    try:
        offset = now.astimezone(ZoneInfo(zone)).utcoffset()
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    minutes = int(offset.total_seconds() // 60) if offset is not None else 0
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, default_data_file: str, parent: QWidget | None = None,
                 *, clock: Callable[[], datetime] = lambda: datetime.now(UTC)):
        """`clock`: for the zone's current offset shown beside the picker."""
        super().__init__(parent)
        self._clock = clock
        self.setWindowTitle(self.tr("Settings"))
        self._original = settings
        self.result_settings: Settings | None = None

        self.data_file = QLineEdit(settings.data_file)
        self.data_file.setPlaceholderText(default_data_file)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._on_browse_clicked)
        data_row = QHBoxLayout()
        data_row.addWidget(self.data_file, 1)
        data_row.addWidget(browse)
        self.central_url = QLineEdit(settings.central_url)
        self.central_url.setPlaceholderText(self.tr("empty: this desk works on its own data file"))
        self.ca_bundle = QLineEdit(settings.ca_bundle)
        self.ca_bundle.setPlaceholderText(self.tr("empty: the certificates this computer trusts"))
        self.username = QLineEdit(settings.username)
        self.language = QComboBox()
        for value, text in (("system", self.tr("As the system")), ("zh_CN", "简体中文"), ("en", "English")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.desk_zone = QComboBox()
        self.desk_zone.setEditable(True)
        self.desk_zone.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.desk_zone.addItems(zone_names(settings.desk_zone))
        self.desk_zone.setCurrentText(settings.desk_zone)
        self.desk_zone.setToolTip(self.tr("Type part of a name to find a zone, e.g. Shanghai or Urumqi."))
        finder = QCompleter(self.desk_zone.model(), self.desk_zone)
        finder.setFilterMode(Qt.MatchFlag.MatchContains)
        finder.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.desk_zone.setCompleter(finder)
        self.zone_offset = QLabel()
        self.desk_zone.currentTextChanged.connect(self._on_desk_zone_text_changed)
        self._on_desk_zone_text_changed(settings.desk_zone)
        zone_row = QHBoxLayout()
        zone_row.addWidget(self.desk_zone, 1)
        zone_row.addWidget(self.zone_offset)
        self.tile_url = QLineEdit(settings.map_tile_url)
        self.tile_url.setPlaceholderText("https://tiles.intranet/{z}/{x}/{y}.png")
        self.tile_attribution = QLineEdit(settings.map_tile_attribution)
        self.tile_file = QLineEdit(settings.map_tile_file)
        self.tile_file.setPlaceholderText(self.tr("empty: the tile URL above, or district outlines only"))
        browse_tiles = QPushButton(self.tr("Browse…"))
        browse_tiles.clicked.connect(self._on_browse_tiles_clicked)
        tile_file_row = QHBoxLayout()
        tile_file_row.addWidget(self.tile_file, 1)
        tile_file_row.addWidget(browse_tiles)

        for edit in (self.data_file, self.central_url, self.ca_bundle, self.username, self.tile_url, self.tile_attribution, self.tile_file):
            _fit(edit)
        form = QFormLayout(self)
        form.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # never smaller than what it shows
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(self.tr("Data file"), data_row)
        form.addRow(self.tr("Central service URL"), self.central_url)
        form.addRow(self.tr("Centre's CA certificates (PEM)"), self.ca_bundle)
        form.addRow(self.tr("Desk user"), self.username)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Desk time zone"), zone_row)
        form.addRow(self.tr("Map tile URL"), self.tile_url)
        form.addRow(self.tr("Map attribution"), self.tile_attribution)
        form.addRow(self.tr("Basemap file (MBTiles, PMTiles)"), tile_file_row)
        note = QLabel(self.tr("A new language applies at once; changes to the data file, user, time zone or map take effect at the next start."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.adjustSize()

    @Slot(str)
    def _on_desk_zone_text_changed(self, text: str) -> None:
        offset = utc_offset_text(text.strip(), self._clock())
        self.zone_offset.setText(offset or self.tr("not a time zone"))

    def _on_browse_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Data file"), self.data_file.text() or self.data_file.placeholderText(),
            self.tr("Dispatch Console data (*.sqlite)"), options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.data_file.setText(path)

    def _on_browse_tiles_clicked(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(self, self.tr("Basemap file"), self.tile_file.text(),
                                                    self.tr("Basemap files (*.mbtiles *.pmtiles)"))
        if path:
            self.tile_file.setText(path)

    def accept(self) -> None:
        try:
            self.result_settings = with_changes(
                self._original,
                data_file=self.data_file.text().strip(),
                central_url=self.central_url.text().strip(),
                ca_bundle=self.ca_bundle.text().strip(),
                username=self.username.text().strip(),
                language=self.language.currentData(),
                desk_zone=self.desk_zone.currentText().strip(),
                map_tile_url=self.tile_url.text().strip(),
                map_tile_attribution=self.tile_attribution.text().strip(),
                map_tile_file=self.tile_file.text().strip(),
            )
        except SettingsError as exc:
            QMessageBox.warning(self, self.tr("Settings"), self.tr("These settings cannot be used: %1").replace("%1", str(exc)))
            return
        super().accept()


def _fit(edit: QLineEdit) -> None:
    """Wide enough for its text or its hint, whichever is longer (up to MAX_FIELD_WIDTH)."""
    metrics = edit.fontMetrics()
    widest = max(metrics.horizontalAdvance(edit.text()), metrics.horizontalAdvance(edit.placeholderText()))
    edit.setMinimumWidth(min(widest + 4 * metrics.averageCharWidth(), MAX_FIELD_WIDTH))
