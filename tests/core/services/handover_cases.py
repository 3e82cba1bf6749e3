"""A small desk file built by hand for the shift handover's tests: two regions, a few users, and
orders of region one with known SLA instants at Monday 23 Nov 2026, 19:30 in Shanghai (the day
shift 08:00-20:00 ends at 20:00; the horizon of 4 hours ends at 23:30). Each order's name says
which sections it belongs in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from console.core.domain.callbacks import CallbackState
from console.core.domain.enums import (
    CustomerLevel,
    ExceptionKind,
    FieldEventKind,
    OrderKind,
    OrderStatus,
    PauseReason,
    Respondent,
    Role,
    SatisfactionRating,
    SlaStage,
)
from console.core.store.database import Database
from console.core.store.models import (
    AuditEntry,
    Callback,
    Customer,
    District,
    FieldEvent,
    Region,
    Site,
    SlaPause,
    User,
    WorkOrder,
    callback_id_for,
)
from console.core.store.rows import DeskUser
from console.data_file import open_data_file

SH = ZoneInfo("Asia/Shanghai")
NOW = datetime(2026, 11, 23, 19, 30, tzinfo=SH).astimezone(UTC)
DAY_SHIFT = (datetime(2026, 11, 23, 8, tzinfo=SH).astimezone(UTC), datetime(2026, 11, 23, 20, tzinfo=SH).astimezone(UTC))
NIGHT_BEFORE = (datetime(2026, 11, 22, 20, tzinfo=SH).astimezone(UTC), DAY_SHIFT[0])


def local(hour: float, day: int = 23) -> datetime:
    whole = int(hour)
    return datetime(2026, 11, day, whole, round((hour - whole) * 60), tzinfo=SH).astimezone(UTC)


@dataclass
class Desk:
    database: Database
    r1: uuid.UUID = field(default_factory=uuid.uuid4)
    r2: uuid.UUID = field(default_factory=uuid.uuid4)
    orders: dict[str, uuid.UUID] = field(default_factory=dict)
    numbers: dict[str, str] = field(default_factory=dict)
    users: dict[str, DeskUser] = field(default_factory=dict)

    def names(self, ids) -> set[str]:
        back = {v: k for k, v in self.orders.items()}
        return {back[i] for i in ids}


def build(path: Path) -> Desk:
    database, created = open_data_file(path)
    assert created
    d = Desk(database)
    with database.unit_of_work() as s:
        s.add_all([Region(id=d.r1, code="r1", name="一区", name_en="One"), Region(id=d.r2, code="r2", name="二区", name_en="Two")])
        s.flush()
        district = uuid.uuid4()
        s.add(District(id=district, adcode="310101", name="黄浦区", name_en="Huangpu", region_id=d.r1, center_lat=31.23, center_lon=121.47))
        for key, role, region in (("sup1", Role.SUPERVISOR, d.r1), ("sup2", Role.SUPERVISOR, d.r1), ("disp", Role.DISPATCHER, d.r1),
                                  ("sup_r2", Role.SUPERVISOR, d.r2), ("admin", Role.ADMIN, None)):
            user_id = uuid.uuid4()
            s.add(User(id=user_id, username=key, display_name=f"值班长{key}", role=role, region_id=region))
            d.users[key] = DeskUser(user_id, key, f"值班长{key}", role, region, None, None)
        s.flush()
        customer, site = {}, {}
        for region, tag in ((d.r1, "a"), (d.r2, "b")):
            customer[tag], site[tag] = uuid.uuid4(), uuid.uuid4()
            s.add(Customer(id=customer[tag], code=f"C{tag}", name=f"客户{tag}", level=CustomerLevel.GOLD, region_id=region))
            s.flush()
            s.add(Site(id=site[tag], customer_id=customer[tag], name=f"站点{tag}", address="地址", district_id=district))
        s.flush()

        def order(name: str, red: datetime, due: datetime, *, region: str = "a", status: OrderStatus = OrderStatus.DISPATCHED,
                  paused: datetime | None = None, replaces: str | None = None) -> uuid.UUID:
            d.orders[name] = uuid.uuid4()
            d.numbers[name] = f"FT20261123{len(d.orders):06d}"
            s.add(WorkOrder(id=d.orders[name], number=d.numbers[name], kind=OrderKind.SURVEY, status=status,
                            title=name, customer_id=customer[region], site_id=site[region], district_id=district,
                            region_id=d.r1 if region == "a" else d.r2, received_at=due - timedelta(hours=10),
                            sla_started_at=due - timedelta(hours=10), amber_at=due - timedelta(hours=5), red_at=red, due_at=due,
                            sla_limit_seconds=10 * 3600, sla_business=False, sla_stage=SlaStage.TOTAL, paused_since=paused,
                            replaces_order_id=replaces and d.orders[replaces]))
            s.flush()
            return d.orders[name]

        order("breached", local(17), local(18))
        order("red_acknowledged", local(19), local(21))
        order("soon", local(22), local(23))  # amber now, due within the horizon
        order("red_later_due_after", local(23), local(1, day=24))  # red within the horizon, but due after it
        order("far", local(12, day=25), local(14, day=25))
        order("closed_breached", local(10), local(11), status=OrderStatus.CLOSED)
        order("other_region_breached", local(17), local(18), region="b")
        for name, since, approved in (("paused_awaiting", NOW - timedelta(hours=30), False),
                                      ("paused_needs_soon", NOW - timedelta(hours=22), False),
                                      ("paused_approved", NOW - timedelta(hours=30), True)):
            order_id = order(name, NOW + timedelta(days=5), NOW + timedelta(days=5, hours=6), paused=since)
            s.add(SlaPause(order_id=order_id, reason=PauseReason.CUSTOMER_NOT_READY, started_at=since,
                           approved_by=d.users["sup1"].id if approved else None))
        s.add(AuditEntry(at=local(19.1), user_id=d.users["disp"].id, action="alert.acknowledged", entity="work_order",
                         entity_id=d.orders["red_acknowledged"], order_id=d.orders["red_acknowledged"], after={"band": "red"}, reason="在跟"))
        s.add(AuditEntry(at=local(17.5), user_id=d.users["disp"].id, action="alert.acknowledged", entity="work_order",
                         entity_id=d.orders["breached"], order_id=d.orders["breached"], after={"band": "red"}, reason="red only"))
        # exceptions: one re-issued order waits for dispatch, another was dispatched again
        order("exception_original", local(12, day=25), local(14, day=25), status=OrderStatus.SUPERSEDED)
        order("reissued_waiting", local(12, day=25), local(14, day=25), status=OrderStatus.NEW, replaces="exception_original")
        order("exception_original_2", local(12, day=25), local(14, day=25), status=OrderStatus.SUPERSEDED)
        order("reissued_dispatched", local(12, day=25), local(14, day=25), replaces="exception_original_2")
        for name in ("exception_original", "exception_original_2"):
            s.add(FieldEvent(order_id=d.orders[name], kind=FieldEventKind.EXCEPTION, occurred_at=local(15), received_at=local(15),
                             exception_kind=ExceptionKind.FIBER_PORT_BROKEN, payload={"note": "端口坏"}))
        # a dissatisfied answer's callback, overdue
        order("unhappy", local(12, day=25), local(14, day=25), status=OrderStatus.CLOSED)
        answer = FieldEvent(id=uuid.uuid4(), order_id=d.orders["unhappy"], kind=FieldEventKind.SATISFACTION, occurred_at=local(9),
                            received_at=local(9), rating=SatisfactionRating.DISSATISFIED, respondent=Respondent.CUSTOMER,
                            payload={"comment": "太慢"})
        s.add(answer)
        s.flush()
        s.add(Callback(id=callback_id_for(answer.id), field_event_id=answer.id, order_id=d.orders["unhappy"], due_at=local(18),
                       state=CallbackState.OPEN, attempts=0, call_note="", remedy="", closing_note=""))
    return d
