"""The field simulation's core on a desk's file (the in-process port): a report on an order the desk
changed meanwhile is refused with a 409, read again and sent once more (as a real app would); an
order the desk withdrew is left; the simulated clock never stamps a report after now; settings
out of range are refused with their reason."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from console.core.domain.enums import CancelReason
from console.core.services.desk import DeskReader
from console.core.services.lifecycle_actions import LifecycleActions
from console.core.services.orders import OrderActions
from console.core.simulation.day import Crew, FieldDay
from console.core.simulation.engine import MAX_LAG, SimClock
from console.core.simulation.local import LocalPort
from console.core.simulation.port import Settings, SettingsError


def utc_now() -> datetime:
    return datetime.now(UTC)


def a_crew_at_work(day: FieldDay) -> tuple[Crew, object]:
    day.port.prepare()
    for tech in day.port.technicians():
        crew = Crew(tech, tech.latitude or 31.2, tech.longitude or 121.4)
        day._refresh(crew)
        visit = next((v for v in crew.visits.values() if v.status == "in_progress"), None)
        if visit is not None:
            return crew, visit
    raise AssertionError("the demo has no order in progress")


def test_a_report_on_an_order_changed_at_the_desk_is_read_again_and_sent_once_more(demo_db) -> None:
    day = FieldDay(LocalPort(demo_db), Settings(speed=60, minutes=30, paced=False))
    crew, visit = a_crew_at_work(day)
    desk = OrderActions(demo_db, DeskReader(demo_db).user("admin"), utc_now)
    assert not desk.set_priority([visit.order_id], 1 if visit.version % 2 else 2).refused  # the desk changes it meanwhile

    ping = {"test": "ping", "rtt_ms": 3.0, "loss_pct": 0}
    answer = day._report(crew, visit.order_id, "test_result", lambda v, at: day.port.test_result(crew.tech, v, ping, at))
    assert answer is not None and answer.ok
    assert [(p.kind, p.status) for p in day.log] == [("test_result", 409), ("test_result", 200)]
    assert crew.visits[visit.order_id].version > visit.version

    withdrawn = LifecycleActions(demo_db, DeskReader(demo_db).user("admin"), utc_now).cancel([visit.order_id], CancelReason.DUPLICATE)
    assert not withdrawn.refused  # withdrawn at the desk: no longer on the technician's list
    day._refresh(crew)
    assert day._report(crew, visit.order_id, "test_result", lambda v, at: day.port.test_result(crew.tech, v, ping, at)) is None


def test_the_simulated_clock_never_stamps_a_report_after_now() -> None:
    clock = SimClock(speed=60, minutes=30, paced=True)
    assert clock.lag == timedelta(minutes=29.5) and clock.real_length == pytest.approx(30)
    assert clock.stamp(30 * 60) <= utc_now() and clock.stamp(0) < utc_now() - timedelta(minutes=29)
    long_day = SimClock(speed=10, minutes=480, paced=True)  # its first hour at 10x, then in real time
    assert long_day.lag == MAX_LAG and long_day.real_length == pytest.approx(480 * 60 - MAX_LAG.total_seconds())
    assert SimClock(speed=1, minutes=60, paced=True).lag == timedelta(0)


@pytest.mark.parametrize(("values", "reason"), [
    ({"speed": 0.5}, "speed must be 1 to 60"), ({"speed": 61}, "speed must be 1 to 60"),
    ({"minutes": 0}, "minutes must be 1 to 1,440"), ({"minutes": 2000}, "minutes must be 1 to 1,440"),
    ({"orders_per_hour": -1}, "orders per hour"), ({"exception_share": 1.5}, "exception_share must be a share"),
])
def test_settings_out_of_range_are_refused_with_their_reason(values, reason) -> None:
    with pytest.raises(SettingsError, match=reason):
        Settings(**values)
