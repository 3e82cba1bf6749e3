"""Talking to the centre over HTTP(S): one requests Session, timeouts on every call, TLS verified
(against the system's CAs, or a CA bundle the settings name).

Errors come in three kinds, which the worker treats differently: `Unreachable` (no answer, a
timeout, a 5xx: try again later, with backoff), `LoggedOut` (401: the token expired or was
revoked; the desk asks its user to log in again) and `Refused` (any other 4xx: the request itself
is wrong; the message is the centre's).
"""

from __future__ import annotations

import json
import os
import queue
import random
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import requests
from requests.structures import CaseInsensitiveDict

CONNECT_TIMEOUT = 5.0
READ_TIMEOUT = 30.0
LONG_POLL_SECONDS = 20.0
READ_AHEAD_PAGES = 16  # snapshot pages (a few thousand rows each) read before the desk has written them


class CentreError(Exception):
    """The centre could not be used. The message says why (in English, for the log); `kind` names
    the case for the desk to say in its language: certificate, no_answer, broken_off, server, busy,
    logged_out, wrong_password, refused, start_again."""

    def __init__(self, message: str, kind: str = "", status: int = 0):
        super().__init__(message)
        self.kind, self.status = kind, status


class Unreachable(CentreError):
    pass


class LoggedOut(CentreError):
    pass


class Refused(CentreError):
    pass


class DeskRestored(CentreError):
    """409 desk_restored: the centre took this desk's mutation numbers for other changes before (the
    data file was restored from a backup); the desk registers again under a new id."""


class StartAgain(CentreError):
    """410: the centre no longer keeps the changes since this desk's cursor; download a snapshot."""


@dataclass(frozen=True)
class Login:
    token: str
    username: str
    display_name: str
    role: str
    region: str | None
    expires_at: str


def backoff(attempt: int, base: float = 0.5, cap: float = 30.0) -> float:
    """Seconds to wait before retry `attempt` (1, 2, ...): exponential, capped, with full jitter
    so that desks coming back together do not knock on the centre in step."""
    return random.uniform(base / 2, min(cap, base * 2 ** (attempt - 1)))


class CentreClient:
    def __init__(self, base_url: str, *, ca_bundle: str = "", token: str = ""):
        self.base_url = base_url.rstrip("/")
        self.http = requests.Session()
        # The environment (proxies, a CA bundle) read once here, not at every request: requests reads
        # every variable and stats ~/.netrc per call, half a millisecond of a desk's 5 per feed answer
        self.http.trust_env = False
        self.http.proxies.update(requests.utils.get_environ_proxies(self.base_url))
        # given with every request (as a session-wide verify would lose to REQUESTS_CA_BUNDLE)
        self.verify: str | bool = ca_bundle or os.environ.get("REQUESTS_CA_BUNDLE") or os.environ.get("CURL_CA_BUNDLE") or True
        self.http.headers["User-Agent"] = "dispatch-console"
        self.token = token

    def close(self) -> None:
        self.http.close()

    def _call(self, method: str, path: str, *, read_timeout: float = READ_TIMEOUT, params: dict[str, Any] | None = None,
              body: Any = None, stream: bool = False) -> requests.Response:
        """One request, prepared here from what the client holds and handed to the session's adapter
        (its connection pool, TLS and proxies): `Session.request` would merge the session's settings,
        cookies and hooks again at every call, about a third of a desk's CPU per feed answer. The
        centre sets no cookies and is not redirected to (a 3xx is refused, naming where it points)."""
        url = self.base_url + path + (f"?{urlencode(params)}" if params else "")
        request = requests.PreparedRequest()
        request.method, request.url, request.hooks = method, url, {"response": []}
        request.headers = CaseInsensitiveDict(self.http.headers)
        if self.token:
            request.headers["Authorization"] = f"Bearer {self.token}"
        if body is not None:
            request.body = json.dumps(body, allow_nan=False).encode()
            request.headers["Content-Type"] = "application/json"
            request.headers["Content-Length"] = str(len(request.body))
        elif method not in ("GET", "HEAD"):
            request.headers["Content-Length"] = "0"
        try:
            response = self.http.get_adapter(url).send(request, stream=stream, timeout=(CONNECT_TIMEOUT, read_timeout),
                                                       verify=self.verify, cert=None, proxies=self.http.proxies)
            if not stream:
                response.content  # noqa: B018 - read here: a connection broken off mid-answer is the centre not answering
        except requests.exceptions.SSLError as exc:
            raise Unreachable(f"the centre's certificate is not trusted ({exc}); check the CA bundle setting", "certificate") from exc
        except requests.RequestException as exc:
            raise Unreachable(f"the centre at {self.base_url} does not answer ({type(exc).__name__})", "no_answer") from exc
        code = response.status_code
        if code == 401:
            raise LoggedOut(_detail(response) or "log in again", "logged_out", code)
        if code == 410:
            raise StartAgain(_detail(response), "start_again", code)
        if code >= 500 or code == 429:
            raise Unreachable(f"the centre answered {code}: {_detail(response)}", "busy" if code == 429 else "server", code)
        if 300 <= code < 400:
            raise Refused(f"the centre's address answers with a redirection to {response.headers.get('Location', '?')}: "
                          "set that address in the settings", "refused", code)
        if code >= 400:
            raise Refused(f"the centre refused the request ({code}): {_detail(response)}", "refused", code)
        return response

    def login(self, username: str, password: str) -> Login:
        try:
            body = self._call("POST", "/auth/login", body={"username": username, "password": password}).json()
        except LoggedOut as exc:
            raise LoggedOut(str(exc), "wrong_password", exc.status) from exc
        self.token = body["token"]
        return Login(body["token"], body["username"], body["display_name"], body["role"], body.get("region"), body["expires_at"])

    def push(self, desk_id: str, mutations: list[dict[str, Any]]) -> list[dict[str, Any]]:
        try:
            return self._call("POST", "/sync/push", body={"desk_id": desk_id, "mutations": mutations}).json()["results"]
        except Refused as exc:
            if exc.status == 409 and "desk_restored" in str(exc):
                raise DeskRestored(str(exc), "desk_restored", 409) from exc
            raise

    def pull(self, cursor: str, wait: float = 0.0, limit: int = 5000) -> dict[str, Any]:
        return self._call("GET", "/sync/pull", params={"after": cursor, "wait": wait, "limit": limit},
                          read_timeout=wait + READ_TIMEOUT).json()

    def snapshot(self) -> Iterator[bytes]:
        """The snapshot's NDJSON lines as they arrive, read ahead by a thread of their own: the centre
        goes on sending while the desk writes what came (a few pages at most wait in memory)."""
        response = self._call("GET", "/sync/snapshot", stream=True, read_timeout=120.0)
        waiting: queue.Queue[tuple[str, Any]] = queue.Queue(maxsize=READ_AHEAD_PAGES)
        stop = threading.Event()

        def offer(item: tuple[str, Any]) -> bool:
            while not stop.is_set():
                try:
                    waiting.put(item, timeout=0.2)
                    return True
                except queue.Full:
                    continue
            return False

        def read() -> None:
            try:
                for line in response.iter_lines(chunk_size=1 << 16):
                    if not offer(("line", line)):
                        return
                offer(("end", None))
            except Exception as exc:  # noqa: BLE001 - handed to the reader of the lines
                offer(("error", exc))

        reader = threading.Thread(target=read, name="snapshot-read-ahead", daemon=True)
        reader.start()
        try:
            while True:
                kind, value = waiting.get()
                if kind == "end":
                    return
                if kind == "error":
                    if isinstance(value, requests.RequestException):
                        raise Unreachable(f"the snapshot download broke off ({type(value).__name__})", "broken_off") from value
                    raise value
                yield value
        finally:
            stop.set()
            response.close()
            reader.join(timeout=5)

    def claim(self, desk_id: str, order_id: str, minutes: int = 15) -> dict[str, Any]:
        return self._call("POST", "/sync/claims", body={"desk_id": desk_id, "order_id": order_id, "minutes": minutes}).json()

    def release(self, desk_id: str, order_id: str) -> None:
        self._call("DELETE", f"/sync/claims/{desk_id}/{order_id}")


def _detail(response: requests.Response) -> str:
    try:
        detail = response.json().get("detail", "")
    except (ValueError, AttributeError):
        return response.text[:200]
    return detail if isinstance(detail, str) else json.dumps(detail, ensure_ascii=False)[:300]
