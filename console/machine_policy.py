"""Machine-wide settings that the Windows installer writes to the registry.

`msiexec /i DispatchConsole.msi CENTRAL_URL=...` stores the URL as
HKLM\\Software\\DispatchConsole\\CentralUrl (64-bit view). These values come first in the
settings; the machine-wide settings file and then the user's own file override them.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

REGISTRY_KEY = r"Software\DispatchConsole"
# Registry value name -> setting name.
REGISTRY_SETTINGS = {"CentralUrl": "central_url"}


def installer_settings(read: Callable[[str], str | None] | None = None) -> dict[str, str]:
    """The settings the installer left; `read` (a value name -> text or None) replaces the
    registry in tests. Empty off Windows."""
    if read is None:
        if sys.platform != "win32":
            return {}
        read = _read_registry
    found = {}
    for value_name, setting in REGISTRY_SETTINGS.items():
        value = read(value_name)
        if value and value.strip():
            found[setting] = value.strip()
    return found


def _read_registry(value_name: str) -> str | None:
    import winreg

    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, REGISTRY_KEY, 0, winreg.KEY_READ | winreg.KEY_WOW64_64KEY) as key:
            value, kind = winreg.QueryValueEx(key, value_name)
    except OSError:
        return None
    return value if kind in (winreg.REG_SZ, winreg.REG_EXPAND_SZ) and isinstance(value, str) else None
