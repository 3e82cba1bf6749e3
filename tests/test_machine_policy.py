"""Settings the Windows installer leaves in the registry come before the settings files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from console.machine_policy import installer_settings
from console.settings import load_settings


def test_the_central_url_value_becomes_the_setting() -> None:
    values = {"CentralUrl": " https://dispatch.example:8443 "}
    assert installer_settings(values.get) == {"central_url": "https://dispatch.example:8443"}


def test_an_empty_value_is_no_setting() -> None:
    assert installer_settings({"CentralUrl": ""}.get) == {}
    assert installer_settings(lambda name: None) == {}


def test_off_windows_nothing_is_read() -> None:
    if sys.platform != "win32":
        assert installer_settings() == {}


def test_the_files_override_what_the_installer_left(tmp_path: Path) -> None:
    user, machine = tmp_path / "user.json", tmp_path / "machine.json"
    installed = {"central_url": "https://installed.example"}
    assert load_settings(user, machine, installed).central_url == "https://installed.example"
    machine.write_text(json.dumps({"central_url": "https://machine-file.example"}))
    assert load_settings(user, machine, installed).central_url == "https://machine-file.example"
    user.write_text(json.dumps({"central_url": "https://user.example"}))
    assert load_settings(user, machine, installed).central_url == "https://user.example"
