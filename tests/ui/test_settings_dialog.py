"""The settings dialog on real widgets: its size, the time-zone picker, a refused zone."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from console.settings import Settings
from console.ui.settings_dialog import SettingsDialog, utc_offset_text

WINTER = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)


def open_dialog(qtbot, settings: Settings | None = None) -> SettingsDialog:
    dialog = SettingsDialog(settings or Settings(), "/home/desk/.local/share/DispatchConsole/desk.sqlite", clock=lambda: WINTER)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_every_field_is_wide_enough_for_its_text_or_hint(qtbot) -> None:
    dialog = open_dialog(qtbot, Settings(central_url="https://centre.example.net:8443"))
    for edit in (dialog.data_file, dialog.central_url, dialog.ca_bundle, dialog.tile_url):
        shown = edit.text() or edit.placeholderText()
        assert edit.width() > edit.fontMetrics().horizontalAdvance(shown), shown
    assert dialog.size() == dialog.sizeHint().expandedTo(dialog.minimumSizeHint())


def test_the_zone_picker_lists_the_iana_zones_with_the_desks_chosen(qtbot) -> None:
    dialog = open_dialog(qtbot)
    zones = [dialog.desk_zone.itemText(i) for i in range(dialog.desk_zone.count())]
    assert {"Asia/Shanghai", "Asia/Urumqi", "Europe/Berlin", "UTC"} <= set(zones) and zones == sorted(zones)
    assert dialog.desk_zone.currentText() == "Asia/Shanghai"
    assert dialog.zone_offset.text() == "UTC+08:00"


def test_typing_part_of_a_name_offers_the_zones_that_contain_it(qtbot) -> None:
    dialog = open_dialog(qtbot)
    completer = dialog.desk_zone.completer()
    completer.setCompletionPrefix("berl")  # what typing does, without the popup offscreen Qt cannot show
    offered = [completer.completionModel().index(i, 0).data() for i in range(completer.completionCount())]
    assert offered == ["Europe/Berlin"]
    assert completer.filterMode() == Qt.MatchFlag.MatchContains


def test_a_picked_zone_is_saved(qtbot) -> None:
    dialog = open_dialog(qtbot)
    dialog.desk_zone.setCurrentIndex(dialog.desk_zone.findText("Europe/Berlin"))
    assert dialog.zone_offset.text() == "UTC+01:00"
    dialog.accept()
    assert dialog.result() == SettingsDialog.DialogCode.Accepted
    assert dialog.result_settings is not None and dialog.result_settings.desk_zone == "Europe/Berlin"


def test_a_name_that_is_no_zone_is_refused_and_kept_for_correction(qtbot, monkeypatch) -> None:
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog = open_dialog(qtbot)
    dialog.desk_zone.setCurrentText("Asia/Shangha")
    assert dialog.zone_offset.text() == "not a time zone"
    dialog.accept()
    assert dialog.result_settings is None and dialog.isVisible()
    assert "desk_zone" in warned[0] and "Asia/Shangha" in warned[0]
    assert dialog.desk_zone.currentText() == "Asia/Shangha"


def test_offsets_are_written_as_utc_plus_or_minus_hours_and_minutes() -> None:
    assert utc_offset_text("Asia/Kolkata", WINTER) == "UTC+05:30"
    assert utc_offset_text("America/St_Johns", WINTER) == "UTC-03:30"
    assert utc_offset_text("Mars/Olympus", WINTER) == ""


def test_a_basemap_file_is_saved_and_one_that_is_no_basemap_file_is_refused_and_kept(qtbot, monkeypatch) -> None:
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warned.append(args[2]))
    dialog = open_dialog(qtbot, Settings(map_tile_file="/data/gis/shanghai.mbtiles"))
    assert dialog.tile_file.text() == "/data/gis/shanghai.mbtiles"
    dialog.tile_file.setText("/data/gis/shanghai.png")
    dialog.accept()
    assert dialog.result_settings is None and "map_tile_file" in warned[0]
    assert dialog.tile_file.text() == "/data/gis/shanghai.png"
    dialog.tile_file.setText("/data/gis/shanghai.pmtiles")
    dialog.accept()
    assert dialog.result_settings is not None and dialog.result_settings.map_tile_file == "/data/gis/shanghai.pmtiles"
