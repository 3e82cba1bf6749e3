"""A deterministic demo centre: a realistic Shanghai enterprise-line desk, scalable for benchmarks.

`generate_demo(database, DemoParameters(...), now)` fills an empty, migrated database. The same
seed and `now` give the same rows, ids included. Customer levels respect the quotas of seed 002 in
every region; open orders are spread over every kind, status and SLA band.
"""

from __future__ import annotations

import random
import uuid
from collections import defaultdict
from dataclasses import dataclass, fields
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Table, func, select

from console.core.demo import places
from console.core.demo.alert_handling import generate_alert_handling
from console.core.demo.callbacks import generate_callbacks
from console.core.demo.context import DemoContext, World, new_ids
from console.core.demo.handovers import generate_handovers
from console.core.demo.orders import generate_orders
from console.core.demo.reports import generate_report_sends
from console.core.domain.enums import Assurance, CustomerLevel, Role, ServiceType, ShiftKind, Skill
from console.core.store.database import Database
from console.core.store.models import (
    Base,
    Customer,
    District,
    LocalMeta,
    Region,
    Service,
    Shift,
    Site,
    Technician,
    User,
    WorkOrder,
)
from console.core.store.rules import load_calendar, load_rulebook, seed_default_rules

# Share of customers per level in each region; Bronze takes the rest (seed 002's quotas:
# Diamond (with Key, which ranks above it) at most 10 %, Silver at most 20 %).
LEVEL_SHARES = {CustomerLevel.KEY: 0.015, CustomerLevel.DIAMOND: 0.08, CustomerLevel.GOLD: 0.10, CustomerLevel.SILVER: 0.19}
LIMITS = {
    "customers": (10, 200_000),
    "sites": (10, 1_000_000),
    "technicians": (1, 10_000),
    "open_orders": (0, 500_000),
    "closed_orders": (0, 500_000),
    "seed": (0, 2**63 - 1),
}
INSERT_BATCH = 20_000


class DemoParameterError(ValueError):
    """Generator parameters that cannot make a centre."""


@dataclass(frozen=True)
class DemoParameters:
    seed: int = 20261122
    customers: int = 1600
    sites: int = 5000
    technicians: int = 80
    open_orders: int = 2000
    closed_orders: int = 1500

    def __post_init__(self) -> None:
        problems = []
        for f in fields(self):
            value = getattr(self, f.name)
            low, high = LIMITS[f.name]
            if not isinstance(value, int) or isinstance(value, bool):
                problems.append(f"{f.name} must be a whole number, not {value!r}")
            elif not low <= value <= high:
                problems.append(f"{f.name} must be between {low:,} and {high:,}, not {value:,}")
        if not problems and self.sites < self.customers:
            problems.append(f"sites ({self.sites:,}) must be at least customers ({self.customers:,}): every customer has a site")
        if problems:
            raise DemoParameterError("; ".join(problems))


def generate_demo(database: Database, params: DemoParameters, now: datetime | None = None) -> dict[str, int]:
    """Fill an empty database with a demo centre; returns the number of rows per table."""
    now = (now or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    with database.unit_of_work() as session:
        if session.scalar(select(func.count()).select_from(WorkOrder)):
            raise DemoParameterError("the database already holds work orders; the demo centre needs an empty one")
        seed_default_rules(session)
        session.flush()
        book, calendar = load_rulebook(session), load_calendar(session)
    rng = random.Random(params.seed)
    ctx = DemoContext(rng, new_ids(rng), now, calendar, book, defaultdict(list))
    world = _generate_reference(ctx, params)
    generate_orders(ctx, world, params.open_orders, params.closed_orders)
    generate_callbacks(ctx, world)  # every dissatisfied answer called back (回访), as a desk would have by now
    generate_alert_handling(ctx, world)  # red and late orders' alerts taken in hand, a few escalated
    generate_handovers(ctx, world)  # a week of shift handovers signed and acknowledged (the last generator to add users)
    generate_report_sends(ctx, world)  # last month's reports marked sent, once they are due
    counts = {}
    with database.unit_of_work() as session:
        for model in Base.metadata.sorted_tables:
            mapped = next((m for m in ctx.rows if m.__table__ is model), None)
            if mapped is None:
                continue
            rows = _complete(model, ctx.rows[mapped])
            for start in range(0, len(rows), INSERT_BATCH):
                session.execute(model.insert(), rows[start : start + INSERT_BATCH])
            counts[model.name] = len(rows)
        session.merge(LocalMeta(key="demo.seed", value=str(params.seed)))
        session.merge(LocalMeta(key="demo.generated_at", value=now.isoformat()))
    if database.engine.dialect.name == "sqlite":
        with database.engine.connect() as conn:
            conn.exec_driver_sql("ANALYZE")  # the planner needs statistics to pick the due-date index
    return counts


def _complete(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Give every row every column, so one executemany inserts them all (Core, not the ORM)."""
    defaults = {"version": 1, "deleted": False, "phone": ""}  # (a column NOT NULL with a default: a user's work phone)
    filler = {c.name: defaults.get(c.name) for c in table.columns}
    return [{**filler, **row} for row in rows]


def _generate_reference(ctx: DemoContext, params: DemoParameters) -> World:
    rng = ctx.rng
    regions = {r.code: ctx.add(Region, code=r.code, name=r.name, name_en=r.name_en) for r in places.REGIONS}
    districts = []
    for d in places.DISTRICTS:
        row = dict(
            adcode=d.adcode, name=d.name, name_en=d.name_en, region_id=regions[d.region], center_lat=d.lat, center_lon=d.lon
        )
        ctx.add(District, **row)
        districts.append({**row, "spec": d})
    weights = [d["spec"].weight for d in districts]
    customer_districts = rng.choices(districts, weights=weights, k=params.customers)
    customers = _customers(ctx, customer_districts)
    sites_by_customer, services_by_site = _sites_and_services(ctx, customers, params.sites)
    technicians = _technicians(ctx, params.technicians, districts)
    dispatchers, supervisors = _users(ctx, regions)
    return World(regions, districts, customers, sites_by_customer, services_by_site, technicians, dispatchers, supervisors)


def _customers(ctx: DemoContext, customer_districts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    rng = ctx.rng
    by_region: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    for district in customer_districts:
        by_region[district["region_id"]].append(district)
    customers = []
    serial = 0
    for region_id, region_districts in by_region.items():
        n = len(region_districts)
        levels = [level for level, share in LEVEL_SHARES.items() for _ in range(int(n * share))]
        levels += [CustomerLevel.BRONZE] * (n - len(levels))
        rng.shuffle(levels)
        for district, level in zip(region_districts, levels, strict=True):
            serial += 1
            industry = rng.choice(places.INDUSTRIES)
            name = f"上海{rng.choice(places.FIRM_WORDS)}{rng.choice(places.FIRM_SUFFIXES[industry])}有限公司"
            if industry == "政务":
                name = f"{district['name']}{rng.choice(places.FIRM_SUFFIXES[industry])}"
            row = dict(
                code=f"C{serial:07d}",
                name=name,
                level=level,
                region_id=region_id,
                industry=industry,
                contact_name=ctx.person(),
                contact_phone=ctx.phone(),
                account_manager=ctx.person(),
            )
            row["id"] = ctx.add(Customer, **row)
            customers.append({**row, "district": district})
    return customers


def _scatter(rng: random.Random, lat: float, lon: float, spread_km: float) -> tuple[float, float]:
    dlat = rng.gauss(0, spread_km) / 111.0
    dlon = rng.gauss(0, spread_km) / 95.0  # a degree of longitude is about 95 km at 31 N
    return round(lat + dlat, 6), round(lon + dlon, 6)


def _sites_and_services(ctx: DemoContext, customers: list[dict[str, Any]], total_sites: int):
    rng = ctx.rng
    # Every customer has one site; the rest go preferably to the higher levels (more branches).
    owners = list(customers)
    weights = [6 - c["level"].rank for c in customers]
    owners += rng.choices(customers, weights=weights, k=total_sites - len(customers))
    sites_by_customer: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    services_by_site: dict[uuid.UUID, list[dict[str, Any]]] = {}
    circuit = 0
    for customer in owners:
        district = customer["district"] if rng.random() < 0.7 else rng.choice(places.DISTRICTS)
        spec = district["spec"] if isinstance(district, dict) else district
        lat, lon = _scatter(rng, spec.lat, spec.lon, spec.spread_km)
        placement = rng.random()
        if placement < 0.004:
            lat = lon = None  # never geocoded: shows in the map's "unplaced" list
        elif placement < 0.005:
            lat, lon = 0.0, 0.0  # a bad geocode, far outside the service area
        number = len(sites_by_customer[customer["id"]]) + 1
        row = dict(
            customer_id=customer["id"],
            name=f"{customer['name']}{'总部' if number == 1 else f'第{number}营业点'}",
            address=f"上海市{spec.name}{rng.choice(spec.roads)}{rng.randint(1, 2999)}号",
            district_id=_district_id(ctx, spec.adcode),
            latitude=lat,
            longitude=lon,
            access_points=rng.choices((1, 2, 3, 4, 5, 6, 8, 10, 12), weights=(40, 20, 12, 8, 6, 5, 4, 3, 2))[0],
            optical_box=f"GF-{spec.adcode[-3:]}-{rng.randint(1, 9999):04d}",
            optical_port=f"{rng.randint(1, 12)}-{rng.randint(1, 24)}",
        )
        row["id"] = ctx.add(Site, **row)
        sites_by_customer[customer["id"]].append({**row, "level": customer["level"], "region_id": customer["region_id"]})
        services = []
        for _ in range(rng.choices((1, 2, 3), weights=(70, 25, 5))[0]):
            circuit += 1
            service_type = rng.choice(list(ServiceType))
            service = dict(
                customer_id=customer["id"],
                site_id=row["id"],
                service_type=service_type,
                circuit_id=f"SH{service_type.value[:2].upper()}{circuit:08d}",
                assurance=default_assurance(customer["level"], service_type, rng),
                bandwidth_mbps=rng.choice((20, 50, 100, 200, 500, 1000, 10000)),
                billing_started_at=ctx.now - timedelta(days=rng.randint(30, 2000)),
            )
            service["id"] = ctx.add(Service, **service)
            services.append(service)
        services_by_site[row["id"]] = services
    return sites_by_customer, services_by_site


def default_assurance(level: CustomerLevel, service_type: ServiceType, rng: random.Random):
    """Assurance follows the customer's level and the service type (DOMAIN.md)."""

    ladder = [Assurance.AAA, Assurance.AA, Assurance.A, Assurance.ORDINARY]
    base = {CustomerLevel.KEY: 0, CustomerLevel.DIAMOND: 0, CustomerLevel.GOLD: 1, CustomerLevel.SILVER: 2}.get(level, 3)
    if service_type in (ServiceType.VOICE_TRUNK, ServiceType.SD_WAN) and base < 3:
        base += 1  # less critical service types sit one step lower
    if level is CustomerLevel.BRONZE and rng.random() < 0.25:
        base = 2
    return ladder[base]


def _district_id(ctx: DemoContext, adcode: str) -> uuid.UUID:
    return next(r["id"] for r in ctx.rows[District] if r["adcode"] == adcode)


def _technicians(ctx: DemoContext, count: int, districts: list[dict[str, Any]]):
    rng = ctx.rng
    region_weights: dict[uuid.UUID, float] = defaultdict(float)
    for d in districts:
        region_weights[d["region_id"]] += d["spec"].weight
    region_ids = list(region_weights)
    by_region: dict[uuid.UUID, list[dict[str, Any]]] = defaultdict(list)
    skill_sets = {
        "装维一班": [Skill.INSTALLATION, Skill.FIBER_SPLICING, Skill.TESTING],
        "装维二班": [Skill.INSTALLATION, Skill.DATA_CONFIG, Skill.TESTING],
        "装维三班": [Skill.INSTALLATION, Skill.FIBER_SPLICING, Skill.TRANSMISSION, Skill.TESTING],
        "抢修班": [Skill.FAULT_REPAIR, Skill.FIBER_SPLICING, Skill.TESTING, Skill.DATA_CONFIG],
        "勘查班": [Skill.SURVEY, Skill.INSTALLATION],
    }
    for n in range(count):
        region_id = region_ids[n % len(region_ids)] if n < len(region_ids) else rng.choices(region_ids, weights=list(region_weights.values()))[0]
        team = places.TEAMS[n % len(places.TEAMS)]
        skills = list(skill_sets[team])
        if rng.random() < 0.3:
            skills.append(rng.choice([Skill.VOICE, Skill.TRANSMISSION, Skill.SURVEY, Skill.FAULT_REPAIR]))
        home = rng.choice([d for d in districts if d["region_id"] == region_id])["spec"]
        home_lat, home_lon = _scatter(rng, home.lat, home.lon, home.spread_km / 2)
        last_lat, last_lon = _scatter(rng, home_lat, home_lon, 3.0)
        stale = rng.random() < 0.1
        row = dict(
            employee_no=f"T{n + 1:05d}",
            name=ctx.person(),
            phone=ctx.phone(),
            region_id=region_id,
            team=team,
            skills=sorted({s.value for s in skills}),
            home_lat=home_lat,
            home_lon=home_lon,
            last_lat=last_lat,
            last_lon=last_lon,
            last_seen_at=ctx.now - (timedelta(days=rng.randint(1, 5)) if stale else timedelta(minutes=rng.randint(1, 180))),
            active=True,
        )
        row["id"] = ctx.add(Technician, **row)
        by_region[region_id].append(row)
        _shifts(ctx, row, night_rota=team == "抢修班", offset=n)
    return by_region


SHIFT_HISTORY_DAYS = 92  # the closed orders' visits (up to 90 days back) stand on the shifts of their day


def _shifts(ctx: DemoContext, tech: dict[str, Any], night_rota: bool, offset: int) -> None:
    zone = ctx.calendar.zone
    today = ctx.now.astimezone(zone).date()
    for delta in range(-SHIFT_HISTORY_DAYS, 15):
        day = today + timedelta(days=delta)
        local = lambda h, m, d=day: datetime(d.year, d.month, d.day, h, m, tzinfo=zone).astimezone(UTC)  # noqa: E731
        if night_rota and (delta + offset) % 4 == 0:
            tech.setdefault("on_call_days", set()).add(day)  # (no day shift then: the board books nobody's visits that day)
            ctx.add(Shift, technician_id=tech["id"], kind=ShiftKind.ON_CALL, starts_at=local(18, 0),
                    ends_at=local(18, 0) + timedelta(hours=14, minutes=30), break_starts_at=None, break_ends_at=None)
        elif ctx.calendar.is_working_day(day) or (night_rota and (delta + offset) % 4 in (1, 2)):  # repairs: weekend duty by turns
            if not ctx.calendar.is_working_day(day):
                tech.setdefault("duty_days", set()).add(day)
            ctx.add(Shift, technician_id=tech["id"], kind=ShiftKind.DAY, starts_at=local(8, 30), ends_at=local(17, 30),
                    break_starts_at=local(12, 0), break_ends_at=local(13, 0))


def _users(ctx: DemoContext, regions: dict[str, uuid.UUID]) -> tuple[dict[uuid.UUID, list[uuid.UUID]], dict[uuid.UUID, uuid.UUID]]:
    dispatchers: dict[uuid.UUID, list[uuid.UUID]] = defaultdict(list)
    supervisors: dict[uuid.UUID, uuid.UUID] = {}
    pinyin = ("wang.wei", "li.na", "zhang.min", "liu.yang", "chen.jie", "yang.fan", "zhao.lei", "wu.qian")
    n = 0
    for code, region_id in regions.items():
        for _ in range(2):
            user_id = ctx.add(User, username=f"{pinyin[n % len(pinyin)]}.{code}", display_name=ctx.person(),
                              role=Role.DISPATCHER, region_id=region_id, password_hash=None, active=True)
            dispatchers[region_id].append(user_id)
            n += 1
        supervisor = ctx.add(User, username=f"supervisor.{code}", display_name=ctx.person(), role=Role.SUPERVISOR,
                             region_id=region_id, password_hash=None, active=True,
                             phone=f"1391600{len(supervisors):04d}")  # (not drawn: the demo's draws stay as they were)
        supervisors[region_id] = supervisor
    ctx.add(User, username="admin", display_name="系统管理员", role=Role.ADMIN, region_id=None, password_hash=None, active=True)
    return dispatchers, supervisors
