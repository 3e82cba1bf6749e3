"""The settings dialog: edits the typed settings, refuses what it cannot use, says what needs a restart."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from console.settings import Settings, SettingsError, with_changes


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, default_data_file: str, parent: QWidget | None = None):
        super().__init__(parent)
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
        self.desk_zone = QLineEdit(settings.desk_zone)
        self.tile_url = QLineEdit(settings.map_tile_url)
        self.tile_url.setPlaceholderText("https://tiles.intranet/{z}/{x}/{y}.png")
        self.tile_attribution = QLineEdit(settings.map_tile_attribution)

        form = QFormLayout(self)
        form.addRow(self.tr("Data file"), data_row)
        form.addRow(self.tr("Central service URL"), self.central_url)
        form.addRow(self.tr("Centre's CA certificates (PEM)"), self.ca_bundle)
        form.addRow(self.tr("Desk user"), self.username)
        form.addRow(self.tr("Language"), self.language)
        form.addRow(self.tr("Desk time zone"), self.desk_zone)
        form.addRow(self.tr("Map tile URL"), self.tile_url)
        form.addRow(self.tr("Map attribution"), self.tile_attribution)
        note = QLabel(self.tr("Changes to the data file, user or language take effect at the next start."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def _on_browse_clicked(self) -> None:
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Data file"), self.data_file.text() or self.data_file.placeholderText(),
            self.tr("Dispatch Console data (*.sqlite)"), options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.data_file.setText(path)

    def accept(self) -> None:
        try:
            self.result_settings = with_changes(
                self._original,
                data_file=self.data_file.text().strip(),
                central_url=self.central_url.text().strip(),
                ca_bundle=self.ca_bundle.text().strip(),
                username=self.username.text().strip(),
                language=self.language.currentData(),
                desk_zone=self.desk_zone.text().strip(),
                map_tile_url=self.tile_url.text().strip(),
                map_tile_attribution=self.tile_attribution.text().strip(),
            )
        except SettingsError as exc:
            QMessageBox.warning(self, self.tr("Settings"), self.tr("These settings cannot be used: %1").replace("%1", str(exc)))
            return
        super().accept()
