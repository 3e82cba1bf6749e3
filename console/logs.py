"""Logging to a rotating file in the per-user log folder (and to stderr)."""

from __future__ import annotations

import logging
import logging.handlers
import time
from pathlib import Path

LOG_FILE_BYTES = 5 * 1024 * 1024
LOG_FILES_KEPT = 5


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path:
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "console.log"
    formatter = logging.Formatter("%(asctime)sZ %(levelname)s %(name)s: %(message)s", "%Y-%m-%dT%H:%M:%S")
    formatter.converter = time.gmtime
    handler = logging.handlers.RotatingFileHandler(path, maxBytes=LOG_FILE_BYTES, backupCount=LOG_FILES_KEPT, encoding="utf-8")
    handler.setFormatter(formatter)
    stream = logging.StreamHandler()
    stream.setFormatter(formatter)
    stream.setLevel(logging.WARNING)
    root = logging.getLogger()
    for old in list(root.handlers):
        if getattr(old, "_dispatch_console", False):
            root.removeHandler(old)
            old.close()
    for new in (handler, stream):
        new._dispatch_console = True  # type: ignore[attr-defined]
        root.addHandler(new)
    root.setLevel(level)
    return path
