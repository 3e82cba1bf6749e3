"""The console's runtime requirements (and the packaging extra's) as seen by another platform.

`python packaging/requirements.py win_amd64` prints one requirement a line, with the markers of
pyproject.toml evaluated for 64-bit Windows, for `pip download --platform win_amd64`.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parent.parent
PLATFORMS = {
    "win_amd64": {"sys_platform": "win32", "platform_system": "Windows", "os_name": "nt", "platform_machine": "AMD64"},
}
# PyInstaller's own dependencies on Windows: pip evaluates their win32 markers against the build
# machine, so they are named here (pefile is in the packaging extra already).
WINDOWS_BUILD_TOOLS = ["pywin32-ctypes>=0.2.1"]


def requirements(platform: str) -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    environment = PLATFORMS[platform]
    wanted = []
    for line in project["dependencies"] + project["optional-dependencies"]["packaging"]:
        requirement = Requirement(line)
        if requirement.marker is None or requirement.marker.evaluate(environment):
            requirement.marker = None
            wanted.append(str(requirement))
    return wanted + WINDOWS_BUILD_TOOLS


if __name__ == "__main__":
    print("\n".join(requirements(sys.argv[1] if len(sys.argv) > 1 else "win_amd64")))
