"""The desk's HTTP client against a plain HTTP server on loopback: what it sends (the token, the
JSON body, the query) and how it takes answers it cannot use (a redirection, a cut answer)."""

from __future__ import annotations

import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from console.sync.client import CentreClient, Refused, Unreachable


class _Server(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    seen: list[tuple[str, str, dict[str, str], bytes]] = []

    def _answer(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self.seen.append((self.command, self.path, dict(self.headers), body))
        if self.path.startswith("/sync/pull"):
            self._send(200, json.dumps({"cursor": "1:1", "more": False, "tables": {}}).encode())
        elif self.path.startswith("/sync/push"):
            self._send(200, json.dumps({"results": [{"m": 1, "ok": True}]}).encode())
        elif self.command == "POST" and self.path.startswith("/sync/claims"):
            self.send_response(301)
            self.send_header("Location", "https://centre.example/sync/claims")
            self.send_header("Content-Length", "0")
            self.end_headers()
        else:  # a promised answer cut short
            self.send_response(200)
            self.send_header("Content-Length", "1000")
            self.end_headers()
            self.wfile.write(b'{"cursor": ')
            self.close_connection = True

    def _send(self, code: int, body: bytes) -> None:
        self.send_response(code)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_DELETE = _answer

    def log_message(self, *_args) -> None:
        pass


@pytest.fixture
def server():
    _Server.seen = []
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Server)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_port}"
    httpd.shutdown()
    httpd.server_close()


def test_the_token_the_body_and_the_query_are_sent(server) -> None:
    client = CentreClient(server, token="t0ken")
    assert client.pull("12:3:7,9", 20.0) == {"cursor": "1:1", "more": False, "tables": {}}
    assert client.push("desk-1", [{"m": 1, "op": {"name": "x"}}]) == [{"m": 1, "ok": True}]
    (method, path, headers, _), (method2, path2, headers2, body) = _Server.seen
    assert (method, path) == ("GET", "/sync/pull?after=12%3A3%3A7%2C9&wait=20.0&limit=5000")
    assert headers["Authorization"] == "Bearer t0ken" and headers2["Authorization"] == "Bearer t0ken"
    assert headers["User-Agent"] == "dispatch-console"
    assert (method2, path2, headers2["Content-Type"]) == ("POST", "/sync/push", "application/json")
    assert json.loads(body) == {"desk_id": "desk-1", "mutations": [{"m": 1, "op": {"name": "x"}}]}
    with pytest.raises(ValueError):  # (nothing that is not JSON goes out)
        client.push("desk-1", [{"m": 1, "op": {"x": float("nan")}}])


def test_a_redirection_is_refused_naming_where_it_points(server) -> None:
    with pytest.raises(Refused, match="centre.example/sync/claims"):
        CentreClient(server, token="t").claim("desk-1", "a" * 32)
    assert len(_Server.seen) == 1  # not followed


def test_an_answer_cut_short_is_the_centre_not_answering(server) -> None:
    client = CentreClient(server, token="t")
    with pytest.raises(Unreachable) as caught:  # (a release: its answer is cut here)
        client.release("desk-1", "a" * 32)
    assert caught.value.kind == "no_answer"
