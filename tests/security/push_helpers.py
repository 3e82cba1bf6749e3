"""What the attacks on `POST /sync/push` share: pushing as a user of the centre, and reading the centre's
data and its change feed.

A desk pushes actions (`console.core.operations`), never rows: `op` makes one as a desk sends it.
"Unchanged" is read from the centre's change feed, which has every write to a replicated row
(`feed_mark`, `written_since`); `mentions` says what of some rows an answer names.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import requests
from sqlalchemy import func, select

from console.core.domain.enums import ContactMethod, PauseReason
from console.core.services.appointments import AppointmentBook
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    AuditEntry,
    Region,
    SlaPause,
    SyncChange,
    Technician,
    User,
    WorkOrder,
)
from tests.fixtures.centre import auth, login

MINE, THEIRS = "central", "southwest"  # wang.wei.central's region, and another with orders free to book
OPEN = ["new", "accepted", "dispatched"]


# --- pushing ----------------------------------------------------------------------------------------

def token(base: str, username: str = "wang.wei.central") -> dict[str, str]:
    return auth(login(base, username).json()["token"])


def push(base: str, headers: dict, mutations: list[dict], desk: str = "desk-attacker") -> requests.Response:
    return requests.post(f"{base}/sync/push", headers=headers, timeout=20, json={"desk_id": desk, "mutations": mutations})


def op(name: str, **args) -> dict:
    """An operation as a desk sends it (JSON arguments: ids and times as text)."""
    return {"name": name, "id": uuid.uuid4().hex, "args": args}


def results(answer: requests.Response) -> list[dict]:
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def priority(order: WorkOrder, value: int = 2) -> dict:
    """A well-formed action on one's own order."""
    return op("orders.set_priority", order_ids=[str(order.id)], priority=value)


def each_then_a_good_one(base: str, headers: dict, attempts: dict[str, dict], order: WorkOrder) -> dict[str, dict]:
    """Push every attempt, each followed by a well-formed action on `order` that must apply; the
    answers to the attempts, by name."""
    mutations = []
    for n, attempt in enumerate(attempts.values()):
        mutations += [{"m": 2 * n + 1, "op": attempt}, {"m": 2 * n + 2, "op": priority(order, 1 + n % 2)}]
    answers = results(push(base, headers, mutations))
    for name, good in zip(attempts, answers[1::2], strict=True):
        assert good["ok"], (name, good)
    return dict(zip(attempts, answers[::2], strict=True))


def only_the_good_ones_written(central, mark: int, order: WorkOrder, count: int) -> None:
    """Since `mark` the centre wrote `order` (`count` times) and its audit rows, nothing else."""
    written = written_since(central, mark)
    assert {t for t, _ in written} == {"work_orders", "audit_log"} and {i for t, i in written if t == "work_orders"} == {order.id}
    with central.reading() as s:
        assert s.get(WorkOrder, order.id).version == order.version + count


# --- the centre's data ------------------------------------------------------------------------------

def region(central, code: str) -> Region:
    with central.reading() as s:
        return s.scalars(select(Region).where(Region.code == code)).one()


def an_order(central, code: str, *, unbooked: bool = False, skip: int = 0) -> WorkOrder:
    """An open order of the region, not paused (and with no visit, if asked)."""
    with central.reading() as s:
        query = select(WorkOrder).where(WorkOrder.region_id == region(central, code).id, WorkOrder.status.in_(OPEN),
                                        WorkOrder.paused_since.is_(None)).order_by(WorkOrder.number)
        if unbooked:
            query = query.where(WorkOrder.id.not_in(select(AppointmentOrder.order_id)))
        return s.scalars(query).all()[skip]


def a_technician(central, code: str) -> Technician:
    return technicians(central, code, 1)[0]


def technicians(central, code: str, count: int) -> list[Technician]:
    """The region's first active technicians by employee number."""
    with central.reading() as s:
        return s.scalars(select(Technician).where(Technician.region_id == region(central, code).id, Technician.active,
                                                  Technician.deleted.is_(False)).order_by(Technician.employee_no).limit(count)).all()


def user(central, username: str) -> User:
    with central.reading() as s:
        return s.scalars(select(User).where(User.username == username)).one()


def a_pause(central, order: WorkOrder) -> SlaPause:
    """An open pause on this order, made at the centre (as a supervisor's REST call would)."""
    admin = DeskReader(central).user("admin")
    assert not OrderActions(central, admin, lambda: datetime.now(UTC)).pause([order.id], PauseReason.CUSTOMER_NOT_READY, "x").refused
    with central.reading() as s:
        return s.scalars(select(SlaPause).where(SlaPause.order_id == order.id, SlaPause.ended_at.is_(None))).one()


def a_visit(central, order: WorkOrder, technician: Technician) -> Appointment:
    """A proposed visit two days ahead for this order with this technician, booked at the centre."""
    admin = DeskReader(central).user("admin")
    now = datetime.now(UTC)
    start = (now + timedelta(days=2)).replace(hour=1, minute=0, second=0, microsecond=0)
    booking = AppointmentBook(central, admin, lambda: now).book(
        [order.id], (start, start + timedelta(hours=4)), ContactMethod.PHONE, confirmed=False, technician_id=technician.id, reason="test")
    assert booking.ok, booking
    with central.reading() as s:
        return s.get(Appointment, booking.appointment_id)


def state(central, model, row_id: uuid.UUID) -> dict:
    with central.reading() as s:
        row = s.get(model, row_id)
        return {c.name: getattr(row, c.key) for c in model.__table__.columns} if row is not None else {}


def feed_mark(central) -> int:
    with central.reading() as s:
        return s.scalar(select(func.coalesce(func.max(SyncChange.seq), 0)))


def written_since(central, mark: int) -> set[tuple[str, uuid.UUID]]:
    """Every replicated row written since `mark` (the change feed has them all) but the audit log's
    records of refusals."""
    with central.reading() as s:
        written = set(s.execute(select(SyncChange.table_name, SyncChange.row_id).where(SyncChange.seq > mark)).all())
        refusals = set(s.scalars(select(AuditEntry.id).where(AuditEntry.action == "sync.refused")))
    return {(table, row_id) for table, row_id in written if not (table == "audit_log" and row_id in refusals)}


def mentions(text: str, *rows) -> list[str]:
    """What of these rows (their ids, an order's number) the text names."""
    marks = [m for row in rows for m in (row.id.hex, str(row.id), getattr(row, "number", None)) if m]
    return [m for m in marks if m in text]

