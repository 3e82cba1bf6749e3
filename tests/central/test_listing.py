"""The lists the centre answers without a model per row: GET /orders as PostgreSQL writes it
(central.listing), the same JSON, row for row, as the response model wrote it for the same rows, the
caller's region only, paging kept, bad query parameters a 4xx; GET /field/visits, the work list's
rows written as they are."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
import requests
from pydantic import TypeAdapter
from sqlalchemy import create_engine, select, update

import db
from central.listing import json_list
from central.routers.orders import open_orders_json
from central.schemas import OrderOut
from central.users import add_field_accounts
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.domain.enums import OPEN_STATUSES, AppointmentStatus
from console.core.domain.field import REPORTABLE
from console.core.services.work_list import Visit, work_list
from console.core.store.database import Database
from console.core.store.models import Appointment, AppointmentOrder, User, WorkOrder
from tests.fixtures.centre import PASSWORD, auth, login
from tests.fixtures.demo import DEMO_NOW

pytestmark = pytest.mark.postgres


def modelled(database, region_id=None) -> list:
    """The open orders as the endpoint wrote them before, through its pydantic model."""
    with database.reading() as s:
        stmt = select(WorkOrder).where(WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.deleted.is_(False))
        if region_id is not None:
            stmt = stmt.where(WorkOrder.region_id == region_id)
        orders = s.scalars(stmt.order_by(WorkOrder.due_at, WorkOrder.number)).all()
        rows = [OrderOut(id=o.id, number=o.number, kind=o.kind.value, status=o.status.value, priority=o.priority,
                         due_at=o.due_at, paused=o.paused_since is not None) for o in orders]
    return TypeAdapter(list[OrderOut]).dump_python(rows, mode="json")


def test_open_orders_are_the_models_json_for_the_same_rows(centre) -> None:
    base, database, _url = centre
    with database.unit_of_work() as s:  # instants with and without microseconds, none, and a title-like number
        first, second, third = s.scalars(select(WorkOrder.id).where(WorkOrder.status.in_(OPEN_STATUSES)).limit(3)).all()
        s.execute(update(WorkOrder).where(WorkOrder.id == first).values(due_at=datetime(2026, 11, 22, 1, 2, 3, 120000, tzinfo=UTC)))
        s.execute(update(WorkOrder).where(WorkOrder.id == second).values(due_at=None, number='0"\\中'))
        s.execute(update(WorkOrder).where(WorkOrder.id == third).values(paused_since=datetime(2026, 11, 22, tzinfo=UTC)))
        region = s.scalar(select(User.region_id).where(User.username == "wang.wei.central"))
    admin = auth(login(base, "admin").json()["token"])
    every = requests.get(f"{base}/orders", params={"limit": 5000}, headers=admin, timeout=10)
    assert every.status_code == 200 and every.headers["content-type"] == "application/json"
    assert every.json() == modelled(database)
    assert {"2026-11-22T01:02:03.120000Z", None} <= {o["due_at"] for o in every.json()}
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    mine = requests.get(f"{base}/orders", headers=dispatcher, timeout=10).json()
    assert mine == modelled(database, region) and 0 < len(mine) < len(every.json())


def test_a_trial_centre_on_sqlite_writes_the_same_json(tmp_path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'trial.sqlite'}")
    db.upgrade(engine)
    database = Database(engine)
    generate_demo(database, DemoParameters(seed=4, customers=20, sites=30, technicians=4, open_orders=12, closed_orders=0), DEMO_NOW)
    with database.unit_of_work() as s:
        first, second, third = s.scalars(select(WorkOrder.id).where(WorkOrder.status.in_(OPEN_STATUSES)).limit(3)).all()
        s.execute(update(WorkOrder).where(WorkOrder.id == first).values(due_at=datetime(2026, 11, 22, 1, 2, 3, 120000, tzinfo=UTC)))
        s.execute(update(WorkOrder).where(WorkOrder.id == second).values(due_at=None, number='0"\\中'))
        s.execute(update(WorkOrder).where(WorkOrder.id == third).values(paused_since=datetime(2026, 11, 22, tzinfo=UTC)))
    with database.reading() as s:
        written = json.loads(json_list(s, *open_orders_json(None, 5000, 0)).body)
    assert written == modelled(database) and len(written) == 12
    engine.dispose()


def test_paging_keeps_the_order_and_ends_empty(centre) -> None:
    base, database, _url = centre
    admin = auth(login(base, "admin").json()["token"])
    every = modelled(database)
    pages = [requests.get(f"{base}/orders", params={"limit": 7, "offset": at}, headers=admin, timeout=10).json()
             for at in range(0, len(every) + 7, 7)]
    assert [o for page in pages for o in page] == every and pages[-1] == []
    beyond = requests.get(f"{base}/orders", params={"offset": 10_000_000}, headers=admin, timeout=10)
    assert beyond.status_code == 200 and beyond.json() == []


@pytest.mark.parametrize("query", [{"limit": "many"}, {"limit": 5001}, {"offset": "1.5"}, {"offset": 10_000_001},
                                   {"limit": "99999999999999999999999"}])
def test_bad_paging_is_a_422_naming_it(centre, query) -> None:
    base, _database, _url = centre
    answer = requests.get(f"{base}/orders", params=query, headers=auth(login(base, "admin").json()["token"]), timeout=10)
    assert answer.status_code == 422 and next(iter(query)) in answer.text, answer.text


def test_the_schema_still_describes_the_lists(centre) -> None:
    base, _database, _url = centre
    schema = requests.get(f"{base}/openapi.json", timeout=10).json()
    for path, model in (("/orders", "/OrderOut"), ("/field/visits", "/Visit")):
        answer = schema["paths"][path]["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        assert answer["type"] == "array" and answer["items"]["$ref"].endswith(model)


def test_a_work_list_is_the_visits_json_with_its_booked_windows(centre) -> None:
    base, database, _url = centre
    with database.unit_of_work() as s:
        add_field_accounts(s, PASSWORD)
    with database.reading() as s:  # a technician with a booked visit among their reportable orders
        booked = (select(WorkOrder.assignee_id).join(AppointmentOrder, AppointmentOrder.order_id == WorkOrder.id)
                  .join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
                  .where(WorkOrder.status.in_(REPORTABLE), Appointment.status != AppointmentStatus.CANCELLED,
                         AppointmentOrder.deleted.is_(False), Appointment.deleted.is_(False)))
        technician = s.scalars(booked).first()
        username = s.scalar(select(User.username).where(User.technician_id == technician))
        expected = TypeAdapter(list[Visit]).dump_python(work_list(s, technician), mode="json")
    answer = requests.get(f"{base}/field/visits", headers=auth(login(base, username).json()["token"]), timeout=10)
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
    assert answer.json() == expected and any(v["window_start"] for v in expected)
