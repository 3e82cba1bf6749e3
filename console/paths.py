"""Where the console keeps its files: per-user config, data and logs, and the machine-wide config.

DISPATCH_CONSOLE_HOME puts all of them under one folder (portable installs, tests).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "DispatchConsole"


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    machine_config_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def views_file(self) -> Path:
        return self.config_dir / "views.json"

    def layout_file(self, username: str) -> Path:
        """The desk window's layout of one desk user (console.ui.window_layout)."""
        safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in username) or "_"
        return self.config_dir / "layouts" / f"{safe}.json"

    @property
    def machine_settings_file(self) -> Path:
        return self.machine_config_dir / "settings.json"

    @property
    def default_data_file(self) -> Path:
        return self.data_dir / "desk.sqlite"

    @classmethod
    def for_this_user(cls) -> AppPaths:
        home = os.environ.get("DISPATCH_CONSOLE_HOME")
        if home:
            base = Path(home)
            return cls(base / "config", base / "data", base / "logs", base / "machine")
        return cls(
            Path(platformdirs.user_config_dir(APP_NAME, appauthor=False, roaming=False)),
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.site_config_dir(APP_NAME, appauthor=False)),
        )
