"""The centre as a real OS process that tests stop, kill with SIGKILL and start again on its port.

Run `python -m tests.sync.centre_process DATABASE_URL PORT` (from the repository's root): it imports
the service once, starts no thread, then reads commands on standard input, one a line, and answers
each with one JSON line:
    start    fork a child that serves the centre (create_app, uvicorn) on PORT; answered when
             GET /health answers
    kill     SIGKILL the child (requests in flight die with it; PostgreSQL rolls back what had not
             committed); answered when it is gone
    stop     SIGTERM the child (uvicorn ends gracefully); answered when it is gone
A restart takes a fraction of a second: nothing is imported again.
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time

import requests
import uvicorn

from central.app import create_app
from central.config import CentralConfig


def _serve(url: str, port: int) -> None:
    config = CentralConfig.from_env(database_url=url, failures_per_user=1000)  # (a test's DISPATCH_CENTRAL_* too)
    server = uvicorn.Server(uvicorn.Config(create_app(config), host="127.0.0.1", port=port, log_level="warning",
                                           timeout_graceful_shutdown=2))
    server.run()


def _healthy(port: int, pid: int, seconds: float = 30.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        done, _status = os.waitpid(pid, os.WNOHANG)
        if done:
            return False
        try:
            if requests.get(f"http://127.0.0.1:{port}/health", timeout=1).ok:
                return True
        except requests.RequestException:
            pass
        time.sleep(0.02)
    return False


def main() -> None:
    url, port = sys.argv[1], int(sys.argv[2])
    child = 0
    print(json.dumps({"ready": os.getpid()}), flush=True)
    for line in sys.stdin:
        command = line.strip()
        if command == "start":
            if child:
                print(json.dumps({"error": "already running", "pid": child}), flush=True)
                continue
            sys.stdout.flush()
            pid = os.fork()
            if pid == 0:
                try:
                    _serve(url, port)
                finally:
                    os._exit(0)
            child = pid
            started = time.monotonic()
            healthy = _healthy(port, pid)
            print(json.dumps({"pid": pid, "healthy": healthy, "seconds": round(time.monotonic() - started, 3)}), flush=True)
        elif command in ("kill", "stop"):
            if not child:
                print(json.dumps({"error": "not running"}), flush=True)
                continue
            os.kill(child, signal.SIGKILL if command == "kill" else signal.SIGTERM)
            _pid, status = os.waitpid(child, 0)
            child = 0
            print(json.dumps({"stopped": True, "status": status}), flush=True)
    if child:
        os.kill(child, signal.SIGTERM)
        os.waitpid(child, 0)


if __name__ == "__main__":
    main()
