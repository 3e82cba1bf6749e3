"""`GET /field/visits`, the technician's work list: only a technician's account reads it, and it holds
only the orders assigned to that account's own technician (never another technician's, another
region's, or an order the field may not report on); what it answers is what the reports need."""

from __future__ import annotations

import requests
from sqlalchemy import select

from central.users import add_account, add_field_accounts
from console.core.domain.enums import OrderStatus, Role
from console.core.domain.field import REPORTABLE
from console.core.store.models import Technician, User, WorkOrder
from tests.fixtures.centre import PASSWORD, auth, login


def test_a_technician_reads_their_own_work_list_and_nobody_else_does(centre) -> None:
    base, database, _url = centre
    with database.unit_of_work() as s:
        add_account(s, "intake", Role.INTAKE, "上游订单系统", PASSWORD)
        add_field_accounts(s, PASSWORD)
    with database.reading() as s:
        busy = s.scalars(select(WorkOrder.assignee_id).where(WorkOrder.status.in_(REPORTABLE))).first()
        me = s.scalars(select(User).where(User.technician_id == busy)).one()
        mine = set(s.scalars(select(WorkOrder.id).where(WorkOrder.assignee_id == busy, WorkOrder.status.in_(REPORTABLE))))
        theirs = set(s.scalars(select(WorkOrder.id).where(WorkOrder.assignee_id != busy)))
        other = s.scalars(select(User.username).where(User.technician_id.is_not(None), User.technician_id != busy,
                                                      User.region_id != me.region_id)).first()
        version = {o.id: o.version for o in s.scalars(select(WorkOrder).where(WorkOrder.id.in_(mine)))}
        assert s.get(Technician, busy).region_id == me.region_id
    answer = requests.get(f"{base}/field/visits", headers=auth(login(base, me.username).json()["token"]), timeout=10)
    assert answer.status_code == 200
    listed = {row["order_id"]: row for row in answer.json()}
    assert {str(i) for i in mine} == set(listed) and not {str(i) for i in theirs} & set(listed)
    assert all(listed[str(i)]["version"] == v for i, v in version.items())
    assert all(row["status"] in {s.value for s in REPORTABLE} for row in listed.values())
    assert OrderStatus.CLOSED.value not in {row["status"] for row in listed.values()}
    elsewhere = requests.get(f"{base}/field/visits", headers=auth(login(base, other).json()["token"]), timeout=10).json()
    assert not {row["order_id"] for row in elsewhere} & set(listed)

    for desk in ("wang.wei.central", "supervisor.central", "admin", "intake"):
        refused = requests.get(f"{base}/field/visits", headers=auth(login(base, desk).json()["token"]), timeout=10)
        assert refused.status_code == 403, (desk, refused.text)
    assert requests.get(f"{base}/field/visits", timeout=10).status_code == 401
