"""A small desk file built by hand for the dashboards' tests: two regions, four technicians, a
dozen orders with known instants, their visits, check-ins, exceptions and survey answers, on
Monday 23 Nov 2026 (a working day) at 14:00 in Shanghai. Each test states what it expects of them."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from console.core.domain.enums import (
    AppointmentStatus,
    ContactMethod,
    CustomerLevel,
    ExceptionKind,
    FieldEventKind,
    OrderKind,
    OrderStatus,
    Respondent,
    SatisfactionRating,
    ShiftKind,
    SlaStage,
)
from console.core.store.database import Database
from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    Customer,
    District,
    FieldEvent,
    Region,
    Shift,
    Site,
    Technician,
    WorkOrder,
)
from console.data_file import open_data_file

SH = ZoneInfo("Asia/Shanghai")
HOME = (31.23, 121.47)  # every site and home at one point: no drive, utilisation is visit time alone
ON_SITE = {"latitude": HOME[0], "longitude": HOME[1], "distance_m": 20.0}
FAR = {"latitude": HOME[0] + 0.01, "longitude": HOME[1], "distance_m": 1100.0}
NOW = datetime(2026, 11, 23, 14, 0, tzinfo=SH).astimezone(UTC)


def at(hour: float, day: int = 23, month: int = 11, year: int = 2026) -> datetime:
    """Local time in Shanghai on that day (hours may be fractional), as UTC."""
    whole = int(hour)
    return datetime(year, month, day, whole, round((hour - whole) * 60), tzinfo=SH).astimezone(UTC)


@dataclass
class Centre:
    database: Database
    r1: uuid.UUID = field(default_factory=uuid.uuid4)
    r2: uuid.UUID = field(default_factory=uuid.uuid4)
    orders: dict[str, uuid.UUID] = field(default_factory=dict)
    technicians: dict[str, uuid.UUID] = field(default_factory=dict)

    def ids(self, *names: str) -> frozenset[uuid.UUID]:
        return frozenset(self.orders[n] for n in names)


def build(path: Path) -> Centre:
    database, created = open_data_file(path)
    assert created
    c = Centre(database)
    with database.unit_of_work() as s:
        s.add_all([Region(id=c.r1, code="r1", name="一区", name_en="One"), Region(id=c.r2, code="r2", name="二区", name_en="Two")])
        s.flush()
        d1, d2 = uuid.uuid4(), uuid.uuid4()
        s.add_all([District(id=d1, adcode="310101", name="黄浦区", name_en="Huangpu", region_id=c.r1, center_lat=31.23, center_lon=121.47),
                   District(id=d2, adcode="310115", name="浦东新区", name_en="Pudong", region_id=c.r2, center_lat=31.22, center_lon=121.54)])
        s.flush()
        # Region one: 10 customers, 2 Diamond (20 %: over its 10 % quota), 2 Silver (20 %: at, not over, its quota).
        levels1 = [CustomerLevel.DIAMOND] * 2 + [CustomerLevel.SILVER] * 2 + [CustomerLevel.BRONZE] * 6
        levels2 = [CustomerLevel.SILVER] + [CustomerLevel.BRONZE] * 4
        customers, sites = {}, {}
        for region, district, levels in ((c.r1, d1, levels1), (c.r2, d2, levels2)):
            for n, level in enumerate(levels):
                key = f"{'a' if region == c.r1 else 'b'}{n}"
                customers[key], sites[key] = uuid.uuid4(), uuid.uuid4()
                s.add(Customer(id=customers[key], code=f"C{key}", name=f"客户{key}", level=level, region_id=region))
                s.flush()
                s.add(Site(id=sites[key], customer_id=customers[key], name=f"站点{key}", address="地址", district_id=district,
                           latitude=HOME[0], longitude=HOME[1]))
        for name, region, team in (("T1", c.r1, "A"), ("T2", c.r1, "A"), ("T3", c.r2, "B"), ("T4", c.r1, "B")):
            c.technicians[name] = uuid.uuid4()
            s.add(Technician(id=c.technicians[name], employee_no=name, name=name, region_id=region, team=team, skills=[],
                             home_lat=HOME[0], home_lon=HOME[1]))
        s.flush()
        t = c.technicians
        s.add_all([
            Shift(technician_id=t["T1"], kind=ShiftKind.DAY, starts_at=at(8.5), ends_at=at(17.5), break_starts_at=at(12), break_ends_at=at(13)),
            Shift(technician_id=t["T2"], kind=ShiftKind.DAY, starts_at=at(9), ends_at=at(9.5)),
            Shift(technician_id=t["T4"], kind=ShiftKind.DAY, starts_at=at(8), ends_at=at(16)),
            Shift(technician_id=t["T3"], kind=ShiftKind.DAY, starts_at=at(8), ends_at=at(16)),
        ])
        _orders(s, c, customers, sites, d1, d2)
        _visits_and_events(s, c, sites)
    return c


def _order(s, c: Centre, name: str, kind: OrderKind, status: OrderStatus, customer, site, district, region, received, amber, red, due,
           *, stage=SlaStage.TOTAL, assignee=None, resolved=None, closed=None, returned=None, paused=None, replaces=None) -> None:
    c.orders[name] = uuid.uuid4()
    s.add(WorkOrder(id=c.orders[name], number=f"{kind.code}20261123{len(c.orders):06d}", kind=kind, status=status, title=name,
                    customer_id=customer, site_id=site, district_id=district, region_id=region, received_at=received,
                    sla_started_at=received, amber_at=amber, red_at=red, due_at=due, sla_stage=stage, assignee_id=assignee,
                    resolved_at=resolved, closed_at=closed, returned_at=returned, paused_since=paused,
                    replaces_order_id=replaces and c.orders[replaces]))
    s.flush()


def _orders(s, c: Centre, cu: dict, si: dict, d1, d2) -> None:
    t, K, S = c.technicians, OrderKind, OrderStatus
    r1 = dict(district=d1, region=c.r1)
    _order(s, c, "O1", K.SURVEY, S.DISPATCHED, cu["a6"], si["a6"], **r1, received=at(9), amber=at(15), red=at(16), due=at(17), assignee=t["T1"])
    _order(s, c, "O2", K.COMPLAINT, S.ACCEPTED, cu["a0"], si["a0"], **r1, received=at(8), amber=at(10), red=at(11), due=at(12),
           stage=SlaStage.FEEDBACK, assignee=t["T1"])
    _order(s, c, "O3", K.PROVISIONING, S.RESOLVED, cu["a2"], si["a2"], **r1, received=at(7), amber=at(8), red=at(9), due=at(10),
           resolved=at(11), returned=at(11.5), assignee=t["T1"])
    _order(s, c, "O4", K.SURVEY, S.CLOSED, cu["a7"], si["a7"], **r1, received=at(7), amber=at(10), red=at(12), due=at(13),
           resolved=at(12.5), closed=at(12 + 40 / 60), returned=at(1, day=24), assignee=t["T1"])
    _order(s, c, "O5", K.COMPLAINT, S.NEW, cu["a3"], si["a3"], **r1, received=at(13), amber=at(13 + 20 / 60), red=at(13 + 40 / 60),
           due=at(14.5), stage=SlaStage.ACCEPT)
    _order(s, c, "O6", K.SURVEY, S.DISPATCHED, cu["a8"], si["a8"], **r1, received=at(8), amber=at(9), red=at(10), due=at(12), paused=at(11))
    _order(s, c, "O7", K.SURVEY, S.NEW, cu["b1"], si["b1"], district=d2, region=c.r2, received=at(9), amber=at(10), red=at(11), due=at(12))
    _order(s, c, "O8", K.SURVEY, S.NEW, cu["a9"], si["a9"], **r1, received=at(8, day=22), amber=at(9, day=22), red=at(10, day=22),
           due=at(12, day=22))
    _order(s, c, "O10", K.PROVISIONING, S.SUPERSEDED, cu["a5"], si["a5"], **r1, received=at(8), amber=at(14), red=at(17), due=at(20),
           closed=at(10 + 3 / 60))
    _order(s, c, "O9", K.PROVISIONING, S.CLOSED, cu["a5"], si["a5"], **r1, received=at(10 + 3 / 60), amber=at(14), red=at(16), due=at(18),
           resolved=at(13), closed=at(13 + 20 / 60), returned=at(13 + 10 / 60), replaces="O10", assignee=t["T2"])
    _order(s, c, "O11", K.SURVEY, S.RESOLVED, cu["a4"], si["a4"], **r1, received=at(9), amber=at(12.5), red=at(14), due=at(16), resolved=at(12),
           assignee=t["T4"])


def _visit(s, c: Centre, site, technician: str, start: float, end: float, planned: float, minutes: int, status, *orders: str) -> None:
    appointment = Appointment(site_id=site, technician_id=c.technicians[technician], window_start=at(start), window_end=at(end),
                              planned_start=at(planned), duration_minutes=minutes, status=status, contact_method=ContactMethod.PHONE,
                              booked_at=at(7))
    s.add(appointment)
    s.flush()
    for order in orders:
        s.add(AppointmentOrder(appointment_id=appointment.id, order_id=c.orders[order]))


def _event(s, c: Centre, order: str, kind: FieldEventKind, when: datetime, technician: str | None = None, **values) -> None:
    s.add(FieldEvent(order_id=c.orders[order], technician_id=technician and c.technicians[technician], kind=kind, occurred_at=when,
                     received_at=when, payload={}, **values))


def _visits_and_events(s, c: Centre, si: dict) -> None:
    A = AppointmentStatus
    _visit(s, c, si["a2"], "T1", 9, 11, 9.5, 60, A.KEPT, "O3")
    _visit(s, c, si["a7"], "T1", 10, 12, 10.5, 60, A.MISSED, "O4")
    _visit(s, c, si["a7"], "T1", 12, 13, 12, 30, A.KEPT, "O4")
    _visit(s, c, si["a6"], "T1", 15, 17, 15, 60, A.CONFIRMED, "O1")
    _visit(s, c, si["a6"], "T1", 15, 17, 15, 60, A.CANCELLED, "O1")
    _visit(s, c, si["a5"], "T2", 11, 12, 11, 60, A.KEPT, "O9")
    _visit(s, c, si["b1"], "T3", 9, 10, 9, 60, A.MISSED, "O7")
    E, R = FieldEventKind, SatisfactionRating
    _event(s, c, "O3", E.CHECK_IN, at(9 + 35 / 60), "T1", off_site=False, **ON_SITE)
    _event(s, c, "O4", E.CHECK_IN, at(10 + 40 / 60), "T1", off_site=True, **FAR)
    _event(s, c, "O9", E.CHECK_IN, at(11 + 5 / 60), "T2", off_site=False, **ON_SITE)
    _event(s, c, "O7", E.CHECK_IN, at(9.5), "T3", off_site=True, **FAR)
    _event(s, c, "O10", E.EXCEPTION, at(10), "T1", exception_kind=ExceptionKind.FIBER_PORT_TAKEN)
    _event(s, c, "O3", E.SATISFACTION, at(12), rating=R.VERY_SATISFIED, respondent=Respondent.CUSTOMER)
    _event(s, c, "O4", E.SATISFACTION, at(13), rating=R.DISSATISFIED, respondent=Respondent.CUSTOMER)
    _event(s, c, "O9", E.SATISFACTION, at(10, day=15, month=10), rating=R.SATISFIED, respondent=Respondent.ACCOUNT_MANAGER)
    _event(s, c, "O11", E.SATISFACTION, at(10, day=20, month=10), rating=R.VERY_SATISFIED, respondent=Respondent.CUSTOMER)
    _event(s, c, "O8", E.SATISFACTION, at(10, day=1, month=12, year=2025), rating=R.VERY_SATISFIED, respondent=Respondent.CUSTOMER)
    _event(s, c, "O8", E.SATISFACTION, at(10, day=30, month=11, year=2025), rating=R.DISSATISFIED, respondent=Respondent.CUSTOMER)
    _event(s, c, "O7", E.SATISFACTION, at(11), rating=R.DISSATISFIED, respondent=Respondent.CUSTOMER)
    _event(s, c, "O1", E.SATISFACTION, at(15), rating=R.DISSATISFIED, respondent=Respondent.CUSTOMER)  # after "now": not counted yet


def later(hours: float) -> datetime:
    return NOW + timedelta(hours=hours)
