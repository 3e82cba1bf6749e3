"""The province of `bench/province.py`: its database (a demo centre of 4 regions grown to a
province's technicians), the accounts and tokens of every desk, phone and the order system (issued
by the bench as the operator would, not by thousands of password logins), the orders each desk's
dispatcher acts on, and each region's first snapshot (copied for every desk of the region).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import create_engine, select

import db
from bench.province_desks import DeskSpec
from central import audit_chain
from central.security import new_token
from central.users import add_account, add_field_accounts
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.domain.enums import Role
from console.core.store.database import Database
from console.core.store.models import ApiToken, Customer, Region, Service, Technician, User, WorkOrder
from console.data_file import open_data_file
from console.sync.client import CentreClient
from console.sync.replica import Replica
from console.sync.worker import SyncWorker

PASSWORD = "province bench 2026"
OPEN = ("new", "accepted", "dispatched")
PLANS = 2  # optimiser commits in the shift, by one desk of each region


@dataclass
class ProvinceDesk:
    name: str
    region: str  # hex
    username: str
    token: str


@dataclass
class Province:
    regions: list[uuid.UUID]
    desks: list[ProvinceDesk]
    technicians: list[str]
    technician_accounts: dict[str, tuple[str, float, float]]
    intake_token: str
    intake_sites: list[tuple[str, str, str | None]]
    open_orders: dict[str, list[str]] = field(default_factory=dict)  # region hex -> open orders
    region_technicians: dict[str, list[str]] = field(default_factory=dict)

    def desk_specs(self, templates: dict[str, str], per_desk: int, with_disk_faults: bool = False) -> tuple[list[DeskSpec], dict[str, str]]:
        """Each desk's share of its region's open orders (no two desks share one), and who watches whom:
        each desk watches the orders of the desk before it in its region (its partner)."""
        specs, partner_of = [], {}
        disk_faults = {1: "full", 2: "io"}  # the second and third desk of each region, when asked
        for region in {d.region for d in self.desks}:
            mine = [d for d in self.desks if d.region == region]
            orders = self.open_orders[region]
            each = max(3, min(per_desk, len(orders) // len(mine)))
            shares = [orders[k * each:(k + 1) * each] for k in range(len(mine))]
            for k, desk in enumerate(mine):
                specs.append(DeskSpec(desk.name, region, desk.token, desk.username, templates[region], shares[k],
                                      self.region_technicians[region], shares[k - 1], plans=PLANS if k == 0 else 0,
                                      disk_fault=disk_faults.get(k, "") if with_disk_faults else ""))
                partner_of[mine[k - 1].name] = desk.name  # this desk watches the one before it
        return specs, partner_of


def build_province(url: str, desks: int, technicians: int, seed: int) -> Province:
    engine = create_engine(url)
    db.upgrade(engine)
    database = Database(engine)
    generate_demo(database, DemoParameters(seed=seed, customers=4000, sites=12000, technicians=technicians,
                                           open_orders=8000, closed_orders=4000), datetime.now(UTC))
    now = datetime.now(UTC)
    with database.unit_of_work() as s:
        regions = list(s.scalars(select(Region).order_by(Region.code)))
        desk_rows = []
        for n in range(desks):
            region = regions[n % len(regions)]
            user = User(username=f"prov.{region.code}.{n // len(regions):03d}", display_name=f"调度{n:03d}", role=Role.DISPATCHER,
                        region_id=region.id, active=True)
            s.add(user)
            desk_rows.append((f"desk{n:03d}", region.id.hex, user))
        add_field_accounts(s, PASSWORD)
        add_account(s, "intake", Role.INTAKE, "上游订单系统", PASSWORD)
        s.flush()
        province_desks = [ProvinceDesk(name, region, user.username, _token(s, user.id, now)) for name, region, user in desk_rows]
        accounts = {}
        for user, technician in s.execute(select(User, Technician).join(Technician, Technician.id == User.technician_id)):
            accounts[technician.id.hex] = (_token(s, user.id, now), technician.home_lat or 31.23, technician.home_lon or 121.47)
        intake = s.scalars(select(User).where(User.username == "intake")).one()
        intake_token = _token(s, intake.id, now)
        sites = [(code, site.hex, circuit) for code, site, circuit in s.execute(
            select(Service.customer_id, Service.site_id, Service.circuit_id).limit(500))]
        codes = dict(s.execute(select(Customer.id, Customer.code)).all())
        intake_sites = [(codes[customer], site, circuit) for customer, site, circuit in sites]
        open_orders = {r.id.hex: [o.hex for o in s.scalars(select(WorkOrder.id).where(
            WorkOrder.region_id == r.id, WorkOrder.status.in_(OPEN), WorkOrder.deleted.is_(False)).order_by(WorkOrder.number))]
            for r in regions}
        region_technicians = {r.id.hex: [t.hex for t in s.scalars(select(Technician.id).where(
            Technician.region_id == r.id, Technician.active.is_(True)))] for r in regions}
        audit_chain.seal(s)
    engine.dispose()
    return Province([r.id for r in regions], province_desks, list(accounts), accounts, intake_token, intake_sites,
                    open_orders, region_technicians)


def _token(s, user_id: uuid.UUID, now: datetime) -> str:
    token, hashed = new_token()
    s.add(ApiToken(token_hash=hashed, user_id=user_id, issued_at=now, expires_at=now + timedelta(days=1)))
    return token


def region_templates(base: str, province: Province, folder: Path) -> dict[str, str]:
    """Each region's first desk file: its snapshot, downloaded once, copied for every desk of the region."""
    templates = {}
    for region in {d.region for d in province.desks}:
        desk = next(d for d in province.desks if d.region == region)
        path = folder / f"template-{region}.sqlite"
        database, _created = open_data_file(path)
        worker = SyncWorker(Replica(database), CentreClient(base, token=desk.token))
        worker.download_snapshot()
        worker.stop()
        database.close()
        templates[region] = str(path)
    return templates
