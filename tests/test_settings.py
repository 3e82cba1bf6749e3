import json
from pathlib import Path

import pytest

from console.settings import Settings, SettingsError, load_settings, save_settings, with_changes


def test_defaults_when_there_is_no_file(tmp_path: Path) -> None:
    assert load_settings(tmp_path / "none.json") == Settings()


def test_save_and_load_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    settings = with_changes(Settings(), central_url="https://centre.example:8443", language="en")
    save_settings(settings, path)
    assert json.loads(path.read_text())["version"] == 1
    assert load_settings(path) == settings


def test_the_users_file_overrides_the_machine_wide_one(tmp_path: Path) -> None:
    machine, user = tmp_path / "machine.json", tmp_path / "user.json"
    machine.write_text(json.dumps({"version": 1, "central_url": "https://centre.example", "language": "en"}))
    user.write_text(json.dumps({"version": 1, "language": "zh_CN"}))
    settings = load_settings(user, machine)
    assert settings.central_url == "https://centre.example" and settings.language == "zh_CN"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{not json", "cannot be read"),
        ("[1, 2]", "expected a JSON object"),
        ('{"version": 99}', "newer version"),
        ('{"version": 1, "colour": "red"}', "unknown settings: colour"),
        ('{"version": 1, "language": 3}', "must be text: language"),
        ('{"version": 1, "language": "fr"}', "language must be one of"),
        ('{"version": 1, "central_url": "centre.example"}', "central_url must be an http"),
        ('{"version": 1, "desk_zone": "Mars/Olympus"}', "desk_zone must be a time zone"),
        ('{"version": 1, "map_tile_url": "https://tiles/x.png"}', "map_tile_url must contain"),
    ],
)
def test_a_bad_file_is_reported_and_left_as_it_is(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "settings.json"
    path.write_text(content)
    with pytest.raises(SettingsError, match=message):
        load_settings(path)
    assert path.read_text() == content


def test_invalid_changes_are_refused_before_anything_is_written(tmp_path: Path) -> None:
    path = tmp_path / "settings.json"
    with pytest.raises(SettingsError):
        save_settings(Settings(language="xx"), path)
    assert not path.exists()


def test_a_ca_bundle_must_be_a_file(tmp_path: Path) -> None:
    bundle = tmp_path / "centre-ca.pem"
    bundle.write_text("-----BEGIN CERTIFICATE-----\n", encoding="utf-8")
    assert Settings(central_url="https://centre.example", ca_bundle=str(bundle)).validated().ca_bundle == str(bundle)
    with pytest.raises(SettingsError, match="ca_bundle must name a PEM file"):
        Settings(ca_bundle=str(tmp_path / "missing.pem")).validated()
