"""The chaos proxy itself: keep-alive requests pass whole (bodies by Content-Length and chunked), each
fault is drawn per request from its seed and counted, and with no instance up it answers 502."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
import requests

from tests.fixtures.chaos_proxy import ChaosProxy

LENGTH_BODY = b"x" * 5000
CHUNKS = [b"line %d\n" % n * 1000 for n in range(5)]


class _Upstream(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    posts: Counter = Counter()

    def log_message(self, *_args) -> None:
        pass

    def do_GET(self) -> None:
        self.send_response(200)
        if self.path == "/chunked":
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            for chunk in CHUNKS:
                self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
            self.wfile.write(b"0\r\n\r\n")
        else:
            self.send_header("Content-Length", str(len(LENGTH_BODY)))
            self.end_headers()
            self.wfile.write(LENGTH_BODY)

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["Content-Length"]))
        _Upstream.posts[body] += 1
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture
def upstream() -> Iterator[ThreadingHTTPServer]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Upstream)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_requests_pass_whole_on_kept_connections_and_each_fault_is_drawn_and_counted(upstream) -> None:
    proxy = ChaosProxy("127.0.0.1", upstream.server_address[1])
    base = f"http://127.0.0.1:{proxy.start()}"
    try:
        session = requests.Session()
        for n in range(5):
            assert session.get(f"{base}/length", timeout=10).content == LENGTH_BODY
            assert session.get(f"{base}/chunked", timeout=10).content == b"".join(CHUNKS)
            assert session.post(f"{base}/post", data=b"%d" % n * 30000, timeout=10).content == b"%d" % n * 30000
        assert proxy.counts() == {"requests": 15, "status_200": 15}
        proxy.set(drop=0.1, drop_after_forward=0.1, cut=0.1, duplicate=0.1, reorder=0.1, delay_ms=(0, 5), hold_ms=50, seed=1)
        outcomes: Counter = Counter()
        for n in range(150):
            path = ("/length", "/chunked")[n % 2]
            try:
                answer = session.get(f"{base}{path}", timeout=10)
                outcomes["whole" if answer.content in (LENGTH_BODY, b"".join(CHUNKS)) else "garbled"] += 1
            except requests.RequestException:
                outcomes["failed"] += 1
        counts = proxy.counts()
        assert outcomes["garbled"] == 0  # a cut answer is an error at the client, never a short body taken as whole
        assert outcomes["failed"] == counts["drop"] + counts["drop_after_forward"] + counts["cut"]
        assert all(counts[f] > 0 for f in ("drop", "drop_after_forward", "cut", "duplicate", "reorder", "delay")), counts
        assert counts["requests"] == 165 and proxy.counts("/chunked")["requests"] == 80
        proxy.clear()
        proxy.set(duplicate=1.0)
        session.post(f"{base}/post", data=b"twice", timeout=10)
        proxy.clear()
        session.get(f"{base}/length", timeout=10)  # (the copy's answer is read meanwhile)
        assert _Upstream.posts[b"twice"] == 2
    finally:
        proxy.stop()


def test_with_no_instance_up_the_proxy_answers_502(upstream) -> None:
    port = upstream.server_address[1]
    upstream.shutdown()
    upstream.server_close()
    proxy = ChaosProxy("127.0.0.1", port)
    base = f"http://127.0.0.1:{proxy.start()}"
    try:
        assert requests.get(f"{base}/length", timeout=10).status_code == 502
        assert proxy.counts()["bad_gateway"] == 1
    finally:
        proxy.stop()
