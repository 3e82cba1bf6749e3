"""`POST /field/position` over HTTP against the real centre: accepted, rate-limited, a jump refused,
strange input a 4xx naming the field; nothing written on a refusal."""

from __future__ import annotations

import math
import uuid
from datetime import UTC, datetime, timedelta

import pytest
import requests
from sqlalchemy import func, select, text

from central.users import set_password
from console.core.domain.enums import Role
from console.core.store.models import AuditEntry, Technician, User
from tests.fixtures.centre import PASSWORD, auth, login

pytestmark = pytest.mark.postgres


def technician_account(base: str, database, technician: Technician | None = None, prefix: str = "pos.") -> tuple[Technician, dict]:
    """An app account for a technician (the first active one unless given), logged in: (technician, headers)."""
    with database.unit_of_work() as s:
        if technician is None:
            technician = s.scalars(select(Technician).where(Technician.active.is_(True)).order_by(Technician.employee_no)).first()
        username = prefix + technician.employee_no
        s.add(User(username=username, display_name=technician.name, role=Role.TECHNICIAN, region_id=technician.region_id,
                   technician_id=technician.id, active=True))
        if technician in s:
            s.expunge(technician)
    with database.unit_of_work() as s:
        set_password(s, username, PASSWORD)
    return technician, auth(login(base, username).json()["token"])


def time_passes(database, technician_id: uuid.UUID, seconds: int) -> None:
    """As if the last accepted report were `seconds` older (the rate limit and the speed filter measure from it)."""
    with database.unit_of_work() as s:
        s.execute(text("UPDATE technicians SET updated_at = updated_at - make_interval(secs => :s), "
                       "last_seen_at = last_seen_at - make_interval(secs => :s) WHERE id = :id"),
                  {"s": seconds, "id": technician_id})


def position(database, technician_id: uuid.UUID) -> tuple[float | None, float | None, datetime | None, int]:
    with database.reading() as s:
        t = s.get(Technician, technician_id)
        return t.last_lat, t.last_lon, t.last_seen_at, t.version


def now_iso(offset: timedelta = timedelta()) -> str:
    return (datetime.now(UTC) + offset).isoformat()


def test_a_position_is_accepted_then_rate_limited_then_accepted_again(centre) -> None:
    base, database, _url = centre
    technician, field = technician_account(base, database)
    lat, lon = technician.home_lat, technician.home_lon
    with database.reading() as s:
        audits = s.scalar(select(func.count()).select_from(AuditEntry))
    first = requests.post(f"{base}/field/position", headers=field, timeout=10,
                          json={"latitude": lat, "longitude": lon, "at": now_iso(timedelta(seconds=-3)), "accuracy_m": 8})
    assert first.status_code == 200, first.text
    assert first.json()["accepted"] is True and first.json()["next_report_after_s"] == 5
    seen = position(database, technician.id)
    assert seen[:2] == (round(lat, 6), round(lon, 6))
    assert abs((seen[2] - datetime.now(UTC)).total_seconds()) < 60  # the report's own time, 3 s ago
    again = requests.post(f"{base}/field/position", headers=field, timeout=10,
                          json={"latitude": lat + 0.001, "longitude": lon, "at": now_iso()})
    assert again.status_code == 429 and 1 <= int(again.headers["Retry-After"]) <= 5 and "5 s" in again.json()["detail"]
    assert position(database, technician.id) == seen
    time_passes(database, technician.id, 10)
    moved = requests.post(f"{base}/field/position", headers=field, timeout=10,
                          json={"latitude": lat + 0.001, "longitude": lon, "at": now_iso()})
    assert moved.status_code == 200, moved.text
    assert position(database, technician.id)[0] == round(lat + 0.001, 6)
    with database.reading() as s:  # a position is no person's decision: no audit row
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == audits


def test_a_jump_faster_than_200_kmh_is_refused_saying_how_fast(centre) -> None:
    base, database, _url = centre
    technician, field = technician_account(base, database)
    lat, lon = technician.home_lat, technician.home_lon
    assert requests.post(f"{base}/field/position", headers=field, timeout=10,
                         json={"latitude": lat, "longitude": lon, "at": now_iso(timedelta(seconds=-60))}).status_code == 200
    time_passes(database, technician.id, 6)
    before = position(database, technician.id)
    jump = requests.post(f"{base}/field/position", headers=field, timeout=10,  # about 33 km in about a minute
                         json={"latitude": lat + 0.3, "longitude": lon, "at": now_iso()})
    assert jump.status_code == 422
    detail = jump.json()["detail"]
    assert "latitude/longitude" in detail and "km/h" in detail and "33.4 km" in detail, detail
    assert position(database, technician.id) == before
    drive = requests.post(f"{base}/field/position", headers=field, timeout=10,  # 1.1 km in a minute: 67 km/h
                          json={"latitude": lat + 0.01, "longitude": lon, "at": now_iso()})
    assert drive.status_code == 200, drive.text


def test_strange_input_is_a_422_naming_the_field_and_writes_nothing(centre) -> None:
    base, database, _url = centre
    technician, field = technician_account(base, database)
    lat, lon = technician.home_lat, technician.home_lon
    before = position(database, technician.id)
    good = {"latitude": lat, "longitude": lon, "at": now_iso()}
    cases = [
        (dict(good, latitude=91), "latitude"),
        (dict(good, longitude=-181), "longitude"),
        (dict(good, latitude="north"), "latitude"),
        (dict(good, at="2026-11-22T10:00:00"), "at"),
        (dict(good, at=now_iso(timedelta(hours=1))), "at"),
        (dict(good, at=now_iso(timedelta(days=-2))), "at"),
        (dict(good, at="0001-01-01T00:00:00+14:00"), "at"),
        (dict(good, at="9999-12-31T23:59:59-12:00"), "at"),
        (dict(good, accuracy_m=5000), "accuracy_m"),
        (dict(good, accuracy_m=-1), "accuracy_m"),
        (dict(good, latitude=0.0, longitude=0.0), "latitude/longitude"),
        ({"latitude": lat}, "longitude"),
    ]
    for body, field_name in cases:
        answer = requests.post(f"{base}/field/position", headers=field, json=body, timeout=10)
        assert answer.status_code == 422 and field_name in answer.text, (body, answer.status_code, answer.text)
    nan = requests.post(f"{base}/field/position", headers={**field, "Content-Type": "application/json"}, timeout=10,
                        data=f'{{"latitude": NaN, "longitude": {lon}, "at": "{now_iso()}"}}')
    assert nan.status_code == 422 and "latitude" in nan.text, nan.text
    infinite = requests.post(f"{base}/field/position", headers={**field, "Content-Type": "application/json"}, timeout=10,
                             data=f'{{"latitude": {lat}, "longitude": Infinity, "at": "{now_iso()}"}}')
    assert infinite.status_code == 422 and "longitude" in infinite.text
    assert position(database, technician.id) == before
    assert not math.isnan(lat)


def test_an_older_position_than_the_last_is_a_409(centre) -> None:
    base, database, _url = centre
    technician, field = technician_account(base, database)
    lat, lon = technician.home_lat, technician.home_lon
    assert requests.post(f"{base}/field/position", headers=field, timeout=10,
                         json={"latitude": lat, "longitude": lon, "at": now_iso()}).status_code == 200
    time_passes(database, technician.id, 6)  # the row 6 s older: its last position too
    older = requests.post(f"{base}/field/position", headers=field, timeout=10,
                          json={"latitude": lat, "longitude": lon, "at": now_iso(timedelta(seconds=-30))})
    assert older.status_code == 409 and "later position" in older.json()["detail"]
