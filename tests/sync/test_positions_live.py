"""A technician's position, reported to the real centre over HTTP, reaches a desk through the feed
and the desk's map moves that technician's marker (the page itself, in a real web view)."""

from __future__ import annotations

import json
import uuid
from datetime import UTC, datetime

import requests
from sqlalchemy import select

from central.users import set_password
from console.core.domain.enums import Role
from console.core.store.models import Technician, User
from console.sync.conflicts import Conflicts
from console.ui.sync_status import DeskSync, SyncBridge
from tests.fixtures.centre import PASSWORD, auth, login
from tests.ui.helpers import FakeClock, desk_window
from tests.ui.test_map_view import js


def test_a_reported_position_moves_the_marker_on_the_regions_desk(qtbot, centre, make_desk, tmp_path) -> None:
    base, central, _url = centre
    clock = FakeClock(datetime.now(UTC))  # the desk's clock near the centre's: the position is fresh
    bridge = SyncBridge()
    desk = make_desk("map", start=True, on_status=bridge.report_status, on_changes=bridge.report_changes)
    window = desk_window(desk.database, desk.user, clock, english=True, data_file="map.sqlite",
                         views_file=tmp_path / "views.json", map_tiles=("", ""))
    window.attach_sync(DeskSync(desk.worker, Conflicts(desk.database, desk.user, clock, desk.worker.desk_id), bridge))
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    qtbot.waitUntil(lambda: window.map.is_ready and bool(window.map._technicians), timeout=30_000)
    key = next(iter(window.map._technicians))
    with central.unit_of_work() as s:
        technician = s.get(Technician, uuid.UUID(key))
        s.add(User(username="pos.live", display_name=technician.name, role=Role.TECHNICIAN, region_id=technician.region_id,
                   technician_id=technician.id, active=True))
        home = (technician.home_lat, technician.home_lon)
    with central.unit_of_work() as s:
        set_password(s, "pos.live", PASSWORD)
    field = auth(login(base, "pos.live").json()["token"])
    lat = round(home[0] + 0.004, 6)
    answer = requests.post(f"{base}/field/position", headers=field, timeout=10,
                           json={"latitude": lat, "longitude": home[1], "at": datetime.now(UTC).isoformat()})
    assert answer.status_code == 200, answer.text

    def marker() -> list | None:
        return json.loads(js(qtbot, window, f"JSON.stringify(DeskMap.technician('{key}'))") or "null")

    qtbot.waitUntil(lambda: (marker() or [0])[0] == lat, timeout=20_000)
    assert marker()[1] == home[1] and marker()[2] == "fresh"
    with desk.database.reading() as s:
        assert s.scalar(select(Technician.last_lat).where(Technician.id == technician.id)) == lat
