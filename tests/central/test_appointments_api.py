"""Appointments over the centre's API: the booking rules, roles, regions and row versions enforced by the service."""

from datetime import UTC, datetime, timedelta
from datetime import time as dt_time
from zoneinfo import ZoneInfo

import requests
from sqlalchemy import func, select

from console.core.domain.enums import OrderStatus, Role
from console.core.store.models import (
    Appointment,
    AppointmentChange,
    AppointmentOrder,
    AuditEntry,
    Region,
    Technician,
    User,
    WorkOrder,
)
from tests.fixtures.centre import PASSWORD, auth, login


def tomorrow_at(hour: int) -> datetime:
    """`hour` o'clock tomorrow in Shanghai (tomorrow by Shanghai's date: after 16:00 UTC it is already the next day there)."""
    shanghai = ZoneInfo("Asia/Shanghai")
    day = datetime.now(shanghai).date() + timedelta(days=1)
    return datetime.combine(day, dt_time(hour), shanghai).astimezone(UTC)


def waiting_order(database, region_code: str = "central") -> WorkOrder:
    with database.reading() as s:
        region = s.scalar(select(Region.id).where(Region.code == region_code))
        booked = select(AppointmentOrder.order_id)
        waiting = (OrderStatus.NEW, OrderStatus.DISPATCHED, OrderStatus.ACCEPTED)
        return s.scalars(select(WorkOrder).where(WorkOrder.region_id == region, WorkOrder.status.in_(waiting),
                                                 WorkOrder.id.not_in(booked)).order_by(WorkOrder.number)).first()


def book(base, headers, order_id, **extra) -> requests.Response:
    body = {"order_ids": [str(order_id)], "window_start": tomorrow_at(10).isoformat(), "window_end": tomorrow_at(12).isoformat(),
            "contact_method": "phone", "contact_name": "王经理", "contact_phone": "13800000000", **extra}
    return requests.post(f"{base}/appointments", json=body, headers=headers, timeout=30)


def count(database, model) -> int:
    with database.reading() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_a_dispatcher_books_in_their_region_only(centre) -> None:
    base, database, _url = centre
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    with database.reading() as s:
        other = s.scalars(select(WorkOrder).join(Region, Region.id == WorkOrder.region_id).where(Region.code == "pudong")).first()
    before = count(database, Appointment)
    assert book(base, dispatcher, other.id).status_code == 404
    assert count(database, Appointment) == before
    order = waiting_order(database)
    answer = book(base, dispatcher, order.id)
    assert answer.status_code == 201, answer.text
    appointment_id = answer.json()["appointment_id"]
    with database.reading() as s:
        change = s.scalars(select(AppointmentChange).where(AppointmentChange.appointment_id == appointment_id)).one()
        assert change.contact_method.value == "phone" and change.changed_by is not None
    assert book(base, dispatcher, order.id).status_code == 409  # one open appointment per order
    again = requests.post(f"{base}/appointments/{appointment_id}/confirm", json={"contact_method": "sms"}, headers=dispatcher, timeout=10)
    assert again.status_code == 409 and "already confirmed" in again.json()["detail"]
    pudong = auth(login(base, "supervisor.pudong").json()["token"])
    assert requests.post(f"{base}/appointments/{appointment_id}/cancel", json={"reason": "x"}, headers=pudong,
                         timeout=10).status_code == 404


def test_committing_over_a_missing_skill_is_a_supervisors_act_with_a_reason(centre) -> None:
    base, database, _url = centre
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    order = waiting_order(database)
    appointment_id = book(base, dispatcher, order.id).json()["appointment_id"]
    with database.reading() as s:
        skills = {"fault_repair"} if order.kind.value in ("fault", "complaint") else {order.kind.value}
        unskilled = next(t for t in s.scalars(select(Technician).where(Technician.region_id == order.region_id))
                         if not skills & set(t.skills) and not ({"installation"} & set(t.skills) and order.kind.value == "provisioning"))
        version = s.get(Appointment, appointment_id).version
    move = {"technician_id": str(unskilled.id), "start": tomorrow_at(10).isoformat()}
    url = f"{base}/appointments/{appointment_id}/move"
    refused = requests.post(url, json=move, headers={**dispatcher, "If-Match": str(version)}, timeout=30)
    assert refused.status_code == 403 and "supervisor" in refused.json()["detail"] and "missing_skill" in refused.json()["detail"]
    no_reason = requests.post(url, json=move, headers={**supervisor, "If-Match": str(version)}, timeout=30)
    assert no_reason.status_code == 422 and "reason" in no_reason.json()["detail"]
    stale = requests.post(url, json={**move, "reason": "唯一有空的人"}, headers={**supervisor, "If-Match": str(version - 1)}, timeout=30)
    assert stale.status_code == 409 and "reload" in stale.json()["detail"]
    done = requests.post(url, json={**move, "reason": "唯一有空的人"}, headers={**supervisor, "If-Match": str(version)}, timeout=30)
    assert done.status_code == 200, done.text
    assert any(w.startswith("missing_skill") for w in done.json()["warnings"]) and done.json()["version"] > version
    with database.reading() as s:
        moved = s.get(Appointment, appointment_id)
        assert moved.technician_id == unskilled.id
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "appointment.moved").order_by(AuditEntry.at.desc())).first()
        assert audit.reason == "唯一有空的人" and "missing_skill" in audit.after["overrides"]


def test_a_reschedule_needs_a_reason_and_changes_nothing_without_one(centre) -> None:
    base, database, _url = centre
    dispatcher = auth(login(base, "wang.wei.central").json()["token"])
    appointment_id = book(base, dispatcher, waiting_order(database).id).json()["appointment_id"]
    url = f"{base}/appointments/{appointment_id}/reschedule"
    window = {"window_start": tomorrow_at(14).isoformat(), "window_end": tomorrow_at(16).isoformat(), "contact_method": "phone"}
    before = count(database, AppointmentChange)
    missing = requests.post(url, json=window, headers=dispatcher, timeout=10)
    assert missing.status_code == 422 and "reason" in str(missing.json()["detail"])
    other = requests.post(url, json={**window, "reason": "other"}, headers=dispatcher, timeout=10)
    assert other.status_code == 422 and other.json()["detail"] == "write the reason"
    naive = requests.post(url, json={**window, "reason": "customer_request", "window_start": "2026-12-09T14:00:00"},
                          headers=dispatcher, timeout=10)
    assert naive.status_code == 422 and "time zone" in naive.json()["detail"]
    assert count(database, AppointmentChange) == before
    done = requests.post(url, json={**window, "reason": "customer_request", "text": "客户下午才有人"}, headers=dispatcher, timeout=30)
    assert done.status_code == 200, done.text
    assert count(database, AppointmentChange) == before + 1


def test_a_technician_reconfirms_only_their_own_visit_and_only_on_the_day(centre) -> None:
    base, database, _url = centre
    supervisor = auth(login(base, "supervisor.central").json()["token"])
    order = waiting_order(database)
    with database.unit_of_work() as s:
        technicians = list(s.scalars(select(Technician).where(Technician.region_id == order.region_id)))
        mine, theirs = technicians[0], technicians[1]
        s.add(User(username="app.reconfirm", display_name=mine.name, role=Role.TECHNICIAN, region_id=mine.region_id,
                   technician_id=mine.id, active=True))
    from central.users import set_password

    with database.unit_of_work() as s:
        set_password(s, "app.reconfirm", PASSWORD)
    technician = auth(login(base, "app.reconfirm").json()["token"])
    booked = book(base, supervisor, order.id, technician_id=str(theirs.id), planned_start=tomorrow_at(10).isoformat(),
                  reason="测试")
    assert booked.status_code == 201, booked.text
    appointment_id = booked.json()["appointment_id"]
    url = f"{base}/appointments/{appointment_id}/reconfirm"
    assert requests.post(url, headers=technician, timeout=10).status_code == 404  # someone else's visit
    with database.unit_of_work() as s:
        s.get(Appointment, appointment_id).technician_id = mine.id
    early = requests.post(url, headers=technician, timeout=10)
    assert early.status_code == 409 and "on the day" in early.json()["detail"]
    assert book(base, technician, waiting_order(database).id).status_code in (403, 404)  # technicians do not book
