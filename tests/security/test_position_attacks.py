"""`POST /field/position` against the centre as deployed: only a technician's account reports, and
only for its own technician; the position reaches the desks of that technician's region and never
another region's; strange bodies are a 4xx, never a 500, and write nothing."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import select

from central.users import set_password
from console.core.domain.enums import Role
from console.core.store.models import Technician, User
from tests.fixtures.centre import PASSWORD, auth, login


def _account(base: str, central, technician: Technician, username: str) -> dict:
    with central.unit_of_work() as s:
        s.add(User(username=username, display_name=technician.name, role=Role.TECHNICIAN, region_id=technician.region_id,
                   technician_id=technician.id, active=True))
    with central.unit_of_work() as s:
        set_password(s, username, PASSWORD)
    return auth(login(base, username).json()["token"])


def _technicians(central, region_id, n: int = 2) -> list[Technician]:
    with central.reading() as s:
        found = s.scalars(select(Technician).where(Technician.region_id == region_id, Technician.active.is_(True))
                          .order_by(Technician.employee_no).limit(n)).all()
        for t in found:
            s.expunge(t)
        return list(found)


def _where(central, technician_id) -> tuple:
    with central.reading() as s:
        t = s.get(Technician, technician_id)
        return t.last_lat, t.last_lon, t.last_seen_at, t.version


def _region_of(central, username: str):
    with central.reading() as s:
        return s.scalars(select(User.region_id).where(User.username == username)).one()


def _body(technician: Technician, north: float = 0.002) -> dict:
    return {"latitude": technician.home_lat + north, "longitude": technician.home_lon, "at": datetime.now(UTC).isoformat()}


def test_only_a_technicians_account_reports_and_only_for_itself(centre) -> None:
    base, central, _url = centre
    mine, other = _technicians(central, _region_of(central, "wang.wei.central"))
    before_other = _where(central, other.id)
    for username in ("wang.wei.central", "supervisor.central", "admin"):
        desk = auth(login(base, username).json()["token"])
        answer = requests.post(f"{base}/field/position", json=_body(mine), headers=desk, timeout=10)
        assert answer.status_code == 403 and "technician" in answer.json()["detail"], username
    assert requests.post(f"{base}/field/position", json=_body(mine), timeout=10).status_code == 401
    assert _where(central, mine.id)[:2] == (mine.last_lat, mine.last_lon)

    field = _account(base, central, mine, "pos.mine")
    # naming another technician in the body changes nothing about whose position it is
    answer = requests.post(f"{base}/field/position", json={**_body(mine), "technician_id": str(other.id)}, headers=field, timeout=10)
    assert answer.status_code == 200, answer.text
    assert _where(central, mine.id)[0] == round(mine.home_lat + 0.002, 6)
    assert _where(central, other.id) == before_other


def test_an_inactive_technicians_account_is_refused(centre) -> None:
    base, central, _url = centre
    technician = _technicians(central, _region_of(central, "wang.wei.central"), 1)[0]
    field = _account(base, central, technician, "pos.gone")
    with central.unit_of_work() as s:
        s.get(Technician, technician.id).active = False
    before = _where(central, technician.id)
    answer = requests.post(f"{base}/field/position", json=_body(technician), headers=field, timeout=10)
    assert answer.status_code == 403 and "not active" in answer.json()["detail"]
    assert _where(central, technician.id) == before


def test_a_position_reaches_its_regions_desk_and_never_another_regions(centre, make_desk) -> None:
    base, central, _url = centre
    central_region, pudong_region = _region_of(central, "wang.wei.central"), _region_of(central, "supervisor.pudong")
    assert central_region != pudong_region
    technician = _technicians(central, central_region, 1)[0]
    seen: dict[str, list] = {"own": [], "other": []}
    own = make_desk("own", "wang.wei.central", on_changes=seen["own"].append)
    other = make_desk("other", "supervisor.pudong", on_changes=seen["other"].append)
    seen["own"].clear()
    seen["other"].clear()
    field = _account(base, central, technician, "pos.region")
    answer = requests.post(f"{base}/field/position", json=_body(technician, 0.003), headers=field, timeout=10)
    assert answer.status_code == 200, answer.text
    while own.worker.pull_once():
        pass
    while other.worker.pull_once():
        pass
    with own.database.reading() as s:
        row = s.get(Technician, technician.id)
        assert (row.last_lat, row.last_lon) == (round(technician.home_lat + 0.003, 6), technician.home_lon)
        assert row.last_seen_at == _where(central, technician.id)[2]
    assert any(technician.id in c.technicians for c in seen["own"])
    with other.database.reading() as s:
        assert s.get(Technician, technician.id) is None  # never held, not even now
        assert set(s.scalars(select(Technician.region_id).distinct())) == {pudong_region}
    assert not any(technician.id in c.technicians for c in seen["other"])


def test_strange_bodies_are_a_4xx_and_write_nothing(centre) -> None:
    base, central, _url = centre
    technician = _technicians(central, _region_of(central, "wang.wei.central"), 1)[0]
    field = _account(base, central, technician, "pos.odd")
    before = _where(central, technician.id)
    now = datetime.now(UTC)
    bodies = [
        [], "31.2,121.4", {"latitude": {"n": 1}, "longitude": 121.4, "at": now.isoformat()},
        {"latitude": 31.2, "longitude": 121.4, "at": "9999-99-99"},
        {"latitude": 31.2, "longitude": 121.4, "at": (now - timedelta(days=36500)).isoformat()},
        {"latitude": 31.2, "longitude": 121.4, "at": now.isoformat(), "accuracy_m": "NaN"},
        {"latitude": 31.2, "longitude": 121.4, "at": now.isoformat(), "speed_kmh": -5},
    ]
    for body in bodies:
        answer = requests.post(f"{base}/field/position", json=body, headers=field, timeout=10)
        assert 400 <= answer.status_code < 500 and answer.json()["detail"], (body, answer.status_code, answer.text)
    for raw in (b'{"latitude": -Infinity, "longitude": NaN, "at": 0}', b'{"latitude": 1e309, "longitude": 121.4, "at": 0}'):
        answer = requests.post(f"{base}/field/position", data=raw, headers={**field, "Content-Type": "application/json"}, timeout=10)
        assert answer.status_code == 422 and "latitude" in answer.text, answer.text
    assert _where(central, technician.id) == before
