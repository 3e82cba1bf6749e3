"""The central service as the benchmarks run it: its own process (as deployed, so clients in the
benchmark's process do not share its GIL) on a free loopback port."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

import requests

from tests.fixtures.centre import free_port

LOG = os.path.join(tempfile.gettempdir(), "dispatch-central-bench.log")  # the service's own log, for a failure's cause


def serve(database_url: str, port: int | None = None, log_path: str = LOG, **env: str) -> tuple[subprocess.Popen, str]:
    """(the `dispatch-central serve` process, its base URL), once it answers /health; on `port`
    (a free one if not given: an instance started again takes its old port)."""
    mode, port = ("a", port) if port else ("w", free_port())
    environment = dict(os.environ, DISPATCH_CENTRAL_DATABASE_URL=database_url, DISPATCH_CENTRAL_FAILURES_PER_USER="1000", **env)
    log = open(log_path, mode)  # noqa: SIM115 - written until it stops (appended to by a restart)
    process = subprocess.Popen([sys.executable, "-m", "central.cli", "serve", "--port", str(port)], env=environment,
                               stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/health", timeout=1).ok:
                return process, base
        except requests.ConnectionError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("the central service did not start within 60 s")


def stop(process: subprocess.Popen) -> None:
    """SIGTERM (uvicorn ends gracefully, waiting for the long polls still open), SIGKILL after 10 s."""
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)
