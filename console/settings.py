"""The desk's settings: declared once, typed, validated, versioned, stored by meaning.

Machine-wide settings (written by the installer, e.g. the central URL) are read first; the user's
own file overrides them. A file that cannot be read is reported and never overwritten silently.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from console.json_files import write_json_atomic

SETTINGS_VERSION = 1
LANGUAGES = ("system", "zh_CN", "en")


class SettingsError(ValueError):
    """A settings file or value that cannot be used; the message names the setting and why."""


@dataclass(frozen=True)
class Settings:
    data_file: str = ""  # empty: desk.sqlite in the user's data folder
    central_url: str = ""  # empty: local only, no sync
    ca_bundle: str = ""  # a PEM file of the CAs that sign the centre's certificate; empty: the system's
    username: str = ""  # the desk's user (with a centre: the last one logged in); empty: the local supervisor
    language: str = "system"  # system, zh_CN or en
    desk_zone: str = "Asia/Shanghai"
    map_tile_url: str = ""  # e.g. https://tiles.intranet/{z}/{x}/{y}.png; empty: plain background
    map_tile_attribution: str = ""
    map_tile_file: str = ""  # a local MBTiles or PMTiles file of raster tiles (the GIS team's city basemap); before map_tile_url

    def validated(self) -> Settings:
        problems = []
        if self.language not in LANGUAGES:
            problems.append(f"language must be one of {', '.join(LANGUAGES)}, not {self.language!r}")
        if self.central_url:
            url = urlparse(self.central_url)
            if url.scheme not in ("http", "https") or not url.netloc:
                problems.append(f"central_url must be an http(s) address such as https://dispatch.example:8443, not {self.central_url!r}")
        if self.ca_bundle and not Path(self.ca_bundle).expanduser().is_file():
            problems.append(f"ca_bundle must name a PEM file of CA certificates; {self.ca_bundle!r} is not a file")
        try:
            ZoneInfo(self.desk_zone)
        except (ZoneInfoNotFoundError, ValueError):
            problems.append(f"desk_zone must be a time zone name such as Asia/Shanghai, not {self.desk_zone!r}")
        if self.map_tile_url and not all(part in self.map_tile_url for part in ("{z}", "{x}", "{y}")):
            problems.append(f"map_tile_url must contain {{z}}, {{x}} and {{y}}, not {self.map_tile_url!r}")
        if self.map_tile_file and not self.map_tile_file.lower().endswith((".mbtiles", ".pmtiles")):
            problems.append(f"map_tile_file must name an MBTiles or PMTiles file (.mbtiles, .pmtiles), not {self.map_tile_file!r}")
        if problems:
            raise SettingsError("; ".join(problems))
        return self

    def data_path(self, default: Path) -> Path:
        return Path(self.data_file).expanduser() if self.data_file else default


# Each step takes the stored dict of one version and returns the next version's.
_UPGRADES: dict[int, Any] = {}


def _read(path: Path) -> dict[str, Any]:
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise SettingsError(f"the settings file {path} cannot be read: {exc}") from exc
    if not isinstance(raw, dict):
        raise SettingsError(f"the settings file {path} does not hold settings (expected a JSON object)")
    version = raw.pop("version", SETTINGS_VERSION)
    if not isinstance(version, int) or version > SETTINGS_VERSION:
        raise SettingsError(f"the settings file {path} was written by a newer version of Dispatch Console (settings version {version})")
    while version < SETTINGS_VERSION:
        raw = _UPGRADES[version](raw)
        version += 1
    known = {f.name for f in fields(Settings)}
    unknown = sorted(set(raw) - known)
    if unknown:
        raise SettingsError(f"the settings file {path} has unknown settings: {', '.join(unknown)}")
    wrong = [k for k, v in raw.items() if not isinstance(v, str)]
    if wrong:
        raise SettingsError(f"the settings file {path} has settings that must be text: {', '.join(sorted(wrong))}")
    return raw


def load_settings(user_file: Path, machine_file: Path | None = None, installer: Mapping[str, str] | None = None) -> Settings:
    """Defaults, then what the installer left (console.machine_policy), then the machine-wide file,
    then the user's; raises SettingsError naming the problem."""
    merged: dict[str, Any] = dict(installer or {})
    if machine_file is not None:
        merged.update(_read(machine_file))
    merged.update(_read(user_file))
    try:
        return Settings(**merged).validated()
    except SettingsError as exc:
        raise SettingsError(f"{user_file}: {exc}") from exc


def save_settings(settings: Settings, user_file: Path) -> None:
    """Write atomically (temp file, then replace), so a crash never leaves half a file."""
    settings.validated()
    write_json_atomic(user_file, {"version": SETTINGS_VERSION, **asdict(settings)})


def with_changes(settings: Settings, **changes: str) -> Settings:
    return replace(settings, **changes).validated()
