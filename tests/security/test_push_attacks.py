"""A hostile desk against `POST /sync/push`: each attack is refused (by mutation, or the whole push),
the centre's rows are unchanged, and a well-formed change after a refused one still applies."""

from __future__ import annotations

import json
import uuid

import pytest
import requests
from sqlalchemy import func, select

from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    AuditEntry,
    Region,
    SlaPause,
    SyncDesk,
    User,
    WorkOrder,
)
from tests.fixtures.centre import auth, login


def token(base: str, username: str = "wang.wei.central") -> dict[str, str]:
    return auth(login(base, username).json()["token"])


def push(base: str, headers: dict, mutations: list[dict], desk: str = "desk-attacker") -> requests.Response:
    return requests.post(f"{base}/sync/push", headers=headers, timeout=20, json={"desk_id": desk, "mutations": mutations})


def region(central, code: str) -> Region:
    with central.reading() as s:
        return s.scalars(select(Region).where(Region.code == code)).one()


def an_order(central, code: str) -> WorkOrder:
    with central.reading() as s:
        return s.scalars(select(WorkOrder).where(WorkOrder.region_id == region(central, code).id,
                                                 WorkOrder.status.in_(["new", "dispatched", "accepted"]))
                         .order_by(WorkOrder.number)).first()


def update(table: str, row_id: uuid.UUID, version: int, values: dict, was: dict | None = None) -> dict:
    return {"t": table, "id": row_id.hex, "op": "update", "v": version, "set": values, "was": was or {}}


def state(central, model, row_id: uuid.UUID) -> dict:
    with central.reading() as s:
        row = s.get(model, row_id)
        return {c.name: getattr(row, c.key) for c in model.__table__.columns} if row is not None else {}


def a_pause(central, order: WorkOrder) -> SlaPause:
    """An open pause on this order, made at the centre (as a supervisor's REST call would)."""
    from console.core.domain.enums import PauseReason
    from console.core.services.desk import DeskReader
    from console.core.services.orders import OrderActions
    from tests.fixtures.demo import DEMO_NOW

    admin = DeskReader(central).user("admin")
    assert not OrderActions(central, admin, lambda: DEMO_NOW).pause([order.id], PauseReason.CUSTOMER_NOT_READY, "x").refused
    with central.reading() as s:
        return s.scalars(select(SlaPause).where(SlaPause.order_id == order.id, SlaPause.ended_at.is_(None))).one()


def test_an_order_cannot_be_moved_into_ones_region(centre) -> None:
    base, central, _url = centre
    north = an_order(central, "pudong")
    before = state(central, WorkOrder, north.id)
    mine = region(central, "central").id.hex
    answer = push(base, token(base), [{"m": 1, "changes": [update("work_orders", north.id, north.version, {"region_id": mine})]}])
    assert answer.json()["results"][0]["code"] == "region"
    assert state(central, WorkOrder, north.id) == before


def test_another_regions_pause_cannot_be_changed_or_moved_onto_ones_own_order(centre) -> None:
    base, central, _url = centre
    north, mine = an_order(central, "pudong"), an_order(central, "central")
    pause = a_pause(central, north)
    before = state(central, SlaPause, pause.id)
    results = push(base, token(base), [
        {"m": 1, "changes": [update("sla_pauses", pause.id, pause.version, {"note": "mine now"})]},
        {"m": 2, "changes": [update("sla_pauses", pause.id, pause.version, {"order_id": mine.id.hex})]},
    ]).json()["results"]
    assert [r["code"] for r in results] == ["region", "region"]
    assert state(central, SlaPause, pause.id) == before


def test_another_regions_appointment_cannot_be_changed_or_linked(centre) -> None:
    base, central, _url = centre
    with central.reading() as s:
        north = region(central, "pudong").id
        link = s.scalars(select(AppointmentOrder).join(WorkOrder, WorkOrder.id == AppointmentOrder.order_id)
                         .where(WorkOrder.region_id == north)).first()
        appointment = s.get(Appointment, link.appointment_id)
    before = state(central, Appointment, appointment.id)
    mine = an_order(central, "central")
    new_link = uuid.uuid4().hex
    results = push(base, token(base), [
        {"m": 1, "changes": [update("appointments", appointment.id, appointment.version, {"status": "cancelled"})]},
        {"m": 2, "changes": [{"t": "appointment_orders", "id": new_link, "op": "insert",
                              "set": {"appointment_id": appointment.id.hex, "order_id": mine.id.hex, "deleted": 0}}]},
    ]).json()["results"]
    assert [r["code"] for r in results] == ["region", "region"]
    assert state(central, Appointment, appointment.id) == before
    with central.reading() as s:
        assert s.get(AppointmentOrder, uuid.UUID(new_link)) is None


def test_a_dispatcher_cannot_approve_a_pause_nor_sign_for_someone_else(centre) -> None:
    base, central, _url = centre
    order = an_order(central, "central")
    pause = a_pause(central, order)
    before = state(central, SlaPause, pause.id)
    with central.reading() as s:
        supervisor = s.scalars(select(User).where(User.username == "supervisor.central")).one()
        me = s.scalars(select(User).where(User.username == "wang.wei.central")).one()
    results = push(base, token(base), [
        {"m": 1, "changes": [update("sla_pauses", pause.id, pause.version, {"approved_by": supervisor.id.hex})]},
        {"m": 2, "changes": [update("sla_pauses", pause.id, pause.version, {"approved_by": me.id.hex})]},
        {"m": 3, "changes": [update("sla_pauses", pause.id, pause.version, {"started_by": supervisor.id.hex})]},
    ]).json()["results"]
    assert [r["code"] for r in results] == ["attribution"] * 3
    assert state(central, SlaPause, pause.id) == before


def test_deadlines_are_the_centres_and_orders_come_from_intake(centre) -> None:
    base, central, _url = centre
    order = an_order(central, "central")
    before = state(central, WorkOrder, order.id)
    results = push(base, token(base), [
        {"m": 1, "changes": [update("work_orders", order.id, order.version, {"due_at": "2099-01-01 00:00:00.000000"})]},
        {"m": 2, "changes": [{"t": "work_orders", "id": uuid.uuid4().hex, "op": "insert", "set": {"number": "PR1"}}]},
    ]).json()["results"]
    assert [r["code"] for r in results] == ["unusable", "table"]
    assert state(central, WorkOrder, order.id) == before


def test_an_audit_rows_time_and_author_are_the_centres(centre) -> None:
    base, central, _url = centre
    order = an_order(central, "central")
    audit_id = uuid.uuid4()
    row = {"id": audit_id.hex, "at": "2001-01-01 00:00:00.000000", "user_id": uuid.uuid4().hex, "desk_id": "forged",
           "action": "order.priority_set", "entity": "work_order", "entity_id": order.id.hex, "order_id": order.id.hex,
           "before": None, "after": None, "reason": "", "prev_hash": "", "hash": "", "seq": None}
    results = push(base, token(base), [{"m": 1, "changes": [
        update("work_orders", order.id, order.version, {"priority": 1}, {"priority": order.priority}),
        {"t": "audit_log", "id": audit_id.hex, "op": "insert", "set": row}]}]).json()["results"]
    assert results[0]["ok"]
    with central.reading() as s:
        stored = s.get(AuditEntry, audit_id)
        me = s.scalars(select(User).where(User.username == "wang.wei.central")).one()
        assert stored.at.year == 2026 and stored.user_id == me.id and stored.desk_id == "desk-attacker"


def test_a_desk_id_belongs_to_its_first_user(centre) -> None:
    base, central, _url = centre
    order = an_order(central, "central")
    first = push(base, token(base), [{"m": 1, "changes": [update("work_orders", order.id, order.version, {"priority": 2})]}],
                 desk="desk-of-wang")
    assert first.status_code == 200
    before = state(central, WorkOrder, order.id)
    stolen = push(base, token(base, "supervisor.central"), [
        {"m": 10**12, "changes": [update("work_orders", order.id, before["version"], {"priority": 5})]}], desk="desk-of-wang")
    assert stolen.status_code == 403 and "another user" in stolen.json()["detail"]
    assert state(central, WorkOrder, order.id) == before
    with central.reading() as s:
        assert s.get(SyncDesk, "desk-of-wang").last_mutation == 1


def test_a_number_used_again_for_another_change_is_not_answered_for_the_first(centre) -> None:
    base, central, _url = centre
    headers = token(base)
    order = an_order(central, "central")
    assert push(base, headers, [{"m": 1, "changes": [update("work_orders", order.id, order.version, {"priority": 2})]}]).ok
    before = state(central, WorkOrder, order.id)
    restored = push(base, headers, [{"m": 1, "changes": [update("work_orders", order.id, order.version, {"priority": 4})]}])
    assert restored.status_code == 409 and restored.json()["detail"]["code"] == "desk_restored"
    peek = push(base, headers, [{"m": 1, "changes": [{"t": "api_tokens", "id": uuid.uuid4().hex, "op": "update", "v": 1,
                                                       "set": {}, "was": {}}]}])
    assert peek.status_code == 409 and "token" not in peek.text
    assert state(central, WorkOrder, order.id) == before


def test_a_region_scoped_supervisor_is_held_to_the_region(centre) -> None:
    base, central, _url = centre
    order = an_order(central, "central")
    before = state(central, WorkOrder, order.id)
    results = push(base, token(base, "supervisor.pudong"), [
        {"m": 1, "changes": [update("work_orders", order.id, order.version, {"priority": 1})]}]).json()["results"]
    assert results[0]["code"] == "region"
    assert state(central, WorkOrder, order.id) == before


@pytest.mark.parametrize(("column", "value"), [
    ("assignee_id", [1, 2]), ("assignee_id", 12345), ("assignee_id", {"x": 1}), ("title", "a\x00b"), ("title", "\ud800"),
    ("title", "x" * 100_000), ("priority", 2**70), ("received_at", "not a time"), ("access_points", 1e308),
])
def test_undecodable_values_refuse_their_mutation_and_the_next_one_applies(centre, column, value) -> None:
    base, central, _url = centre
    order = an_order(central, "central")
    answer = push(base, token(base), [
        {"m": 1, "changes": [update("work_orders", order.id, order.version, {column: value})]},
        {"m": 2, "changes": [update("work_orders", order.id, order.version, {"priority": 1}, {"priority": order.priority})]},
    ])
    assert answer.status_code == 200, answer.text
    first, second = answer.json()["results"]
    assert not first["ok"] and first["code"] in ("unusable", "store") and second["ok"]
    with central.reading() as s:
        assert s.get(WorkOrder, order.id).priority == 1


def test_a_refused_push_is_audited_by_digest_not_kept_whole(centre) -> None:
    base, central, _url = centre
    order = an_order(central, "pudong")
    big = "长" * 3000
    results = push(base, token(base), [{"m": 1, "changes": [update("work_orders", order.id, order.version, {"title": big})] * 50}]).json()["results"]
    assert not results[0]["ok"]
    with central.reading() as s:
        entry = s.scalars(select(AuditEntry).where(AuditEntry.action == "sync.refused")).one()
        assert len(entry.after["digest"]) == 64 and entry.after["truncated"] and entry.after["count"] == 50
        assert len(json.dumps(entry.after, ensure_ascii=False)) < 2000


def test_mutation_numbers_beyond_the_column_are_a_422(centre) -> None:
    base, central, _url = centre
    order = an_order(central, "central")
    answer = push(base, token(base), [{"m": 2**63, "changes": [update("work_orders", order.id, order.version, {"priority": 1})]}])
    assert answer.status_code == 422 and "m" in answer.text
    with central.reading() as s:
        assert s.scalar(select(func.count()).select_from(SyncDesk)) == 0
