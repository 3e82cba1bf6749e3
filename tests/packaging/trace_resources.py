"""Run the console's self-test from the source tree and record every file it reads that is not
Python code: `python -m tests.packaging.trace_resources OUT.json [self-test arguments]`.

Files opened from Python (audit hook), resources handed to Qt through importlib.resources.as_file
(translations, the icon), and the local files the map page loads in QtWebEngine are recorded.
"""

from __future__ import annotations

import importlib.resources
import json
import os
import sys
from pathlib import Path
from urllib.parse import unquote, urlparse

opened: set[str] = set()


def _on_audit(event: str, args: tuple) -> None:
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)) and not isinstance(args[0], int):
        opened.add(os.path.abspath(os.fsdecode(args[0])))


_as_file = importlib.resources.as_file


def _traced_as_file(resource):
    opened.add(os.path.abspath(str(resource)))
    return _as_file(resource)


def main(out: str, self_test_args: list[str]) -> int:
    sys.addaudithook(_on_audit)
    importlib.resources.as_file = _traced_as_file  # before console's modules import it
    from console.ui import map_page

    asset_urls = map_page.asset_urls

    def traced_asset_urls():
        scripts, styles = asset_urls()
        for _name, url in scripts + styles:
            if url.startswith("file:"):
                opened.add(unquote(urlparse(url).path))
        return scripts, styles

    map_page.asset_urls = traced_asset_urls
    from console.app import main as console_main

    code = console_main(["--self-test", *self_test_args])
    modules = {os.path.abspath(m.__file__) for m in list(sys.modules.values()) if getattr(m, "__file__", None)}
    files = sorted(p for p in opened if p not in modules and Path(p).is_file() and not p.endswith((".pyc", ".so", ".pyd")))
    Path(out).write_text(json.dumps({"code": code, "files": files, "path": sys.path}, indent=1))
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2:]))
