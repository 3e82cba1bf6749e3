"""`dispatch-central simulate`: a live field day against a running centre, through its HTTP API only,
as the phones, the survey system and the order system would drive it (`console.core.simulation`).

The technicians are the centre's field-app accounts (`dispatch-central demo` makes one per
technician, `t00001`...), found with the survey system's account (the administrator) in the
centre's snapshot, where the sites new orders come from are too. Every account shares the one
password read from standard input (a demo's or a trial's). Loopback only unless told otherwise: a
simulated day writes hundreds of reports into whatever centre it is pointed at.
"""

from __future__ import annotations

import ipaddress
import json
import socket
import sys
import uuid
from datetime import UTC, datetime
from typing import Any
from urllib.parse import urlsplit

import requests

from console.core.simulation.day import FieldDay
from console.core.simulation.port import Answer, IntakeSite, Settings, SettingsError, TechnicianRef, Visit

ACCEPT_PATH = "/field/orders/{order_id}/accept"
POSITION_PATH = "/field/position"
WANTED = ("customers", "technicians", "sites", "users", "services")  # of the snapshot: who drives, where orders come from


def loopback(url: str) -> bool:
    """Whether every address the URL's host names is this machine's."""
    host = urlsplit(url).hostname or ""
    try:
        addresses = {info[4][0] for info in socket.getaddrinfo(host, None)}
    except (socket.gaierror, UnicodeError):
        return False
    return bool(addresses) and all(ipaddress.ip_address(a.split("%")[0]).is_loopback for a in addresses)


class HttpPort:
    def __init__(self, base: str, password: str, *, survey_account: str = "admin", intake_account: str = "intake",
                 timeout: float = 15.0):
        self._base, self._password, self._timeout = base.rstrip("/"), password, timeout
        self._survey_account, self._intake_account = survey_account, intake_account
        self._http = requests.Session()
        self._tokens: dict[str, str | None] = {}
        self._technicians: list[TechnicianRef] = []
        self._sites: list[IntakeSite] = []
        self.accepts = self.takes_positions = False

    # --- the day's cast ---------------------------------------------------------------------------

    def prepare(self) -> None:
        try:
            paths = self._http.get(f"{self._base}/openapi.json", timeout=self._timeout).json().get("paths", {})
        except (requests.RequestException, ValueError) as exc:
            reason = "connection refused" if isinstance(exc, requests.ConnectionError) else type(exc).__name__
            raise ConnectionError(f"no centre answers at {self._base} ({reason})") from exc
        self.accepts, self.takes_positions = ACCEPT_PATH in paths, POSITION_PATH in paths
        if self._token(self._survey_account) is None:
            raise ValueError(f"cannot log in as {self._survey_account} (the survey system's account) with that password")
        if self._token(self._intake_account) is None:
            raise ValueError(f"cannot log in as {self._intake_account} (the order system's account) with that password")
        self._read_snapshot()
        for tech in self._technicians:  # logged in before the day starts (a login is a slow hash by design)
            self._token(tech.key)

    def _read_snapshot(self) -> None:
        """The technicians' app accounts and the customers' sites, from the administrator's snapshot
        (read as far as those tables: the orders after them are not needed)."""
        tables: dict[str, list[dict[str, Any]]] = {t: [] for t in WANTED}
        with self._http.get(f"{self._base}/sync/snapshot", headers=self._auth(self._survey_account), stream=True,
                            timeout=self._timeout) as answer:
            if answer.status_code != 200:
                raise ValueError(f"the centre's snapshot answered {answer.status_code}: {answer.text[:200]}")
            lines = answer.iter_lines()
            header = json.loads(next(lines))
            columns = {t: header["tables"][t]["columns"] for t in WANTED}
            order = list(header["tables"])
            last = max(order.index(t) for t in WANTED)
            for line in lines:
                page = json.loads(line)
                if page.get("end") or order.index(page["t"]) > last:
                    break
                if page["t"] in tables:
                    tables[page["t"]] += [dict(zip(columns[page["t"]], row, strict=True)) for row in page["rows"]]
        self._cast(tables)

    def _cast(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        """The technicians' app accounts (which technician an account is for stays at the centre: the
        demo's accounts are named by employee number, which gives where the day starts; another
        account starts where its first visit is)."""
        technicians = {t["employee_no"].lower(): t for t in tables["technicians"] if t["active"] and not t["deleted"]}
        for user in sorted(tables["users"], key=lambda u: u["username"]):
            if user["role"] == "technician" and user["active"] and not user["deleted"]:
                tech = technicians.get(user["username"])
                if tech is None:
                    self._technicians.append(TechnicianRef(user["username"], None, user["display_name"], None, None))
                    continue
                lat, lon = (tech["last_lat"], tech["last_lon"]) if tech["last_lat"] is not None else (tech["home_lat"], tech["home_lon"])
                seen = datetime.fromisoformat(tech["last_seen_at"]).replace(tzinfo=UTC) if tech["last_seen_at"] else None
                self._technicians.append(TechnicianRef(user["username"], uuid.UUID(tech["id"]), tech["name"], lat, lon, seen))
        codes = {c["id"]: c["code"] for c in tables["customers"] if not c["deleted"]}
        circuits = {s["site_id"]: s["circuit_id"] for s in tables["services"] if not s["deleted"]}
        self._sites = [IntakeSite(codes[s["customer_id"]], uuid.UUID(s["id"]), circuits.get(s["id"]))
                       for s in tables["sites"] if not s["deleted"] and s["customer_id"] in codes]

    def technicians(self) -> list[TechnicianRef]:
        """Those whose account logged in (a technician whose password is not the day's stays home)."""
        return [t for t in self._technicians if self._tokens.get(t.key)]

    def intake_sites(self) -> list[IntakeSite]:
        return list(self._sites)

    def visits(self, tech: TechnicianRef) -> list[Visit] | None:
        answer = self._call("get", "/field/visits", tech.key)
        if not answer.ok:
            return None
        return [Visit(**{**v, "order_id": uuid.UUID(v["order_id"]),
                         **{k: datetime.fromisoformat(v[k]) if v[k] else None
                            for k in ("due_at", "received_at", "window_start", "window_end", "planned_start")}})
                for v in answer.data["items"]]

    # --- reports ----------------------------------------------------------------------------------

    def accept(self, tech: TechnicianRef, visit: Visit, at: datetime) -> Answer:
        return self._call("post", f"/field/orders/{visit.order_id}/accept", tech.key, version=visit.version)

    def position(self, tech: TechnicianRef, latitude: float, longitude: float, at: datetime) -> Answer:
        body = {"latitude": latitude, "longitude": longitude, "at": at.isoformat(), "accuracy_m": 15}
        return self._call("post", POSITION_PATH, tech.key, body)

    def check_in(self, tech: TechnicianRef, visit: Visit, latitude: float, longitude: float, at: datetime) -> Answer:
        body = {"latitude": latitude, "longitude": longitude, "at": at.isoformat()}
        return self._call("post", f"/field/orders/{visit.order_id}/check-in", tech.key, body, visit.version)

    def exception(self, tech: TechnicianRef, visit: Visit, kind: str, note: str, at: datetime) -> Answer:
        body = {"kind": kind, "note": note, "at": at.isoformat()}
        return self._call("post", f"/field/orders/{visit.order_id}/exception", tech.key, body, visit.version)

    def test_result(self, tech: TechnicianRef, visit: Visit, results: dict[str, Any], at: datetime) -> Answer:
        body = {"results": results, "at": at.isoformat()}
        return self._call("post", f"/field/orders/{visit.order_id}/test-result", tech.key, body, visit.version)

    def delivery_report(self, tech: TechnicianRef, visit: Visit, report: dict[str, Any], at: datetime) -> Answer:
        body = {"results": report, "at": at.isoformat()}
        return self._call("post", f"/field/orders/{visit.order_id}/delivery-report", tech.key, body, visit.version)

    def signature(self, tech: TechnicianRef, visit: Visit, channel: str, at: datetime) -> Answer:
        body = {"channel": channel, "at": at.isoformat()}
        return self._call("post", f"/field/orders/{visit.order_id}/signature", tech.key, body, visit.version)

    def survey(self, order_id: uuid.UUID, respondent: str, rating: str, comment: str, at: datetime) -> Answer:
        body = {"respondent": respondent, "rating": rating, "comment": comment, "at": at.isoformat()}
        return self._call("post", f"/surveys/{order_id}", self._survey_account, body)

    def intake(self, order: dict[str, Any]) -> Answer:
        return self._call("post", "/intake/orders", self._intake_account, order)

    def close(self) -> None:
        for username, token in self._tokens.items():
            if token is not None:
                self._call("post", "/auth/logout", username)
        self._http.close()

    # --- the wire ---------------------------------------------------------------------------------

    def _token(self, username: str) -> str | None:
        """The account's bearer token, logged in once (None: the login was refused; not tried again)."""
        if username not in self._tokens:
            try:
                answer = self._http.post(f"{self._base}/auth/login", json={"username": username, "password": self._password},
                                         timeout=self._timeout)
                self._tokens[username] = answer.json()["token"] if answer.status_code == 200 else None
            except (requests.RequestException, ValueError, KeyError):
                return None  # (tried again at the next report: the centre may be back)
        return self._tokens[username]

    def _auth(self, username: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self._tokens.get(username) or ''}"}

    def _call(self, method: str, path: str, username: str, body: dict[str, Any] | None = None,
              version: int | None = None) -> Answer:
        if self._token(username) is None:
            return Answer(401, f"{username} cannot log in")
        headers = self._auth(username)
        if version is not None:
            headers["If-Match"] = str(version)
        try:
            answer = self._http.request(method, f"{self._base}{path}", json=body, headers=headers, timeout=self._timeout)
        except requests.RequestException as exc:
            return Answer(0, f"{type(exc).__name__}: {exc}")
        try:
            data = answer.json() if answer.content else {}
        except ValueError:
            data = {}
        detail = str(data.get("detail", "")) if isinstance(data, dict) and not answer.ok else ""
        return Answer(answer.status_code, detail, data if isinstance(data, dict) else {"items": data})


def run(base: str, password: str, settings: Settings, allow_remote: bool = False) -> int:
    """The command: the day played against the centre, its summary printed."""
    if not allow_remote and not loopback(base):
        print(f"dispatch-central simulate: {base} is not this machine; a simulated day writes hundreds of reports "
              "into the centre it drives: pass --allow-remote to drive a centre elsewhere", file=sys.stderr)
        return 2
    day = FieldDay(HttpPort(base, password), settings)
    print(f"simulating {settings.minutes:g} minutes at {settings.speed:g}x against {base}, once the accounts have logged in "
          "(Ctrl+C stops it)", flush=True)
    try:
        summary = day.run()
    except KeyboardInterrupt:
        day.stop.set()
        summary = day.summary("stopped")
    if summary.stopped.startswith("could not start"):
        print(f"dispatch-central simulate: {summary.stopped}", file=sys.stderr)
        return 1
    for line in summary.lines():
        print(line)
    return 0


def settings_of(speed: float, minutes: float, seed: int, orders_per_hour: float, technicians: int) -> Settings | str:
    try:
        return Settings(speed=speed, minutes=minutes, seed=seed, orders_per_hour=orders_per_hour, technicians=technicians)
    except SettingsError as exc:
        return str(exc)
