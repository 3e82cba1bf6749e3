"""The field simulation in process, against a desk's own file (the embedded demo, which has no
centre): the same services the centre's endpoints run (`FieldReports`, `OrderIntake`, the
technician's positions and 接单 where the tree has them), called as the technicians' app accounts,
the survey system (the administrator) and the order system would be at the centre.

What each write changed is handed to `on_change` (the desk publishes it on its change bus, so the
queue, board and map follow the day live).
"""

from __future__ import annotations

import importlib
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from console.core.changes import Changes
from console.core.domain.enums import OrderKind, Role
from console.core.services.field import FieldError, FieldReports
from console.core.services.intake import OrderIntake, UpstreamOrder
from console.core.services.work_list import work_list
from console.core.simulation.engine import utc_now
from console.core.simulation.port import Answer, IntakeSite, TechnicianRef, Visit
from console.core.store.database import Database
from console.core.store.models import Customer, Service, Site, Technician, User
from console.core.store.rows import DeskUser


def _optional(module: str, name: str) -> Any:
    """A service another part of the tree may not have yet (None then): the day goes on without it."""
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        return None


class LocalPort:
    def __init__(self, database: Database, clock: Callable[[], datetime] = utc_now,
                 on_change: Callable[[Changes], None] | None = None):
        self._database, self._clock, self._on_change = database, clock, on_change
        self._positions = _optional("console.core.services.positions", "Positions")
        self._lifecycle = _optional("console.core.services.lifecycle_actions", "LifecycleActions")
        self.accepts = self._lifecycle is not None and hasattr(self._lifecycle, "for_technician")
        self.takes_positions = self._positions is not None
        self._users: dict[uuid.UUID, DeskUser] = {}
        self._office: DeskUser | None = None  # the survey system's and the order system's account
        self._technicians: list[TechnicianRef] = []
        self._sites: list[IntakeSite] = []

    # --- the day's cast ---------------------------------------------------------------------------

    def prepare(self) -> None:
        """Every technician's app account (added, without a password, where the file has none), the
        administrator for surveys and intake, the sites new orders may come from."""
        with self._database.unit_of_work() as s:
            office = s.scalars(select(User).where(User.role == Role.ADMIN, User.active.is_(True), User.deleted.is_(False))).first()
            if office is None:
                raise ValueError("the file has no active administrator to answer surveys and take orders as")
            self._office = DeskUser(office.id, office.username, office.display_name, Role.ADMIN, None, None, None)
            accounts = {u.technician_id: u for u in s.scalars(select(User).where(User.technician_id.is_not(None)))}
            for t in s.scalars(select(Technician).where(Technician.active.is_(True), Technician.deleted.is_(False))
                               .order_by(Technician.employee_no)):
                account = accounts.get(t.id)
                if account is None:
                    account = User(username=t.employee_no.lower(), display_name=t.name, role=Role.TECHNICIAN,
                                   region_id=t.region_id, technician_id=t.id, password_hash=None, active=True)
                    s.add(account)
                    s.flush()
                self._users[t.id] = DeskUser(account.id, account.username, account.display_name, Role.TECHNICIAN,
                                             t.region_id, None, None)
                lat, lon = (t.last_lat, t.last_lon) if t.last_lat is not None else (t.home_lat, t.home_lon)
                seen = t.last_seen_at.replace(tzinfo=UTC) if t.last_seen_at and t.last_seen_at.tzinfo is None else t.last_seen_at
                self._technicians.append(TechnicianRef(str(t.id), t.id, t.name, lat, lon, seen))
            circuits = {site_id: circuit for site_id, circuit in s.execute(select(Service.site_id, Service.circuit_id))}
            self._sites = [IntakeSite(code, site_id, circuits.get(site_id)) for site_id, code in s.execute(
                select(Site.id, Customer.code).join(Customer, Customer.id == Site.customer_id)
                .where(Site.deleted.is_(False), Customer.deleted.is_(False)))]

    def technicians(self) -> list[TechnicianRef]:
        return list(self._technicians)

    def intake_sites(self) -> list[IntakeSite]:
        return list(self._sites)

    def visits(self, tech: TechnicianRef) -> list[Visit] | None:
        with self._database.reading() as s:
            return work_list(s, tech.technician_id)

    # --- reports ----------------------------------------------------------------------------------

    def accept(self, tech: TechnicianRef, visit: Visit, at: datetime) -> Answer:
        actions = self._lifecycle(self._database, self._users[tech.technician_id], self._clock, desk_id="field")
        outcome = actions.seen({visit.order_id: visit.version}).for_technician(tech.technician_id).accept([visit.order_id])
        if outcome.refused:
            why = outcome.refused[visit.order_id][1]  # (as the centre's accept endpoint answers it)
            return Answer({"not_found": 404, "not_assigned": 403}.get(why.value, 409), why.value)
        return self._changed(Answer(200), orders={visit.order_id})

    def position(self, tech: TechnicianRef, latitude: float, longitude: float, at: datetime) -> Answer:
        try:
            self._positions(self._database, tech.technician_id, self._clock).report(latitude, longitude, at)
        except ValueError as refused:
            return Answer(getattr(refused, "status", 422), str(refused))
        return self._changed(Answer(200), technicians={tech.technician_id})

    def check_in(self, tech: TechnicianRef, visit: Visit, latitude: float, longitude: float, at: datetime) -> Answer:
        return self._field(tech, visit, lambda r: r.check_in(visit.order_id, latitude, longitude, at))

    def exception(self, tech: TechnicianRef, visit: Visit, kind: str, note: str, at: datetime) -> Answer:
        return self._field(tech, visit, lambda r: r.report_exception(visit.order_id, kind, note, at), everything=True)

    def test_result(self, tech: TechnicianRef, visit: Visit, results: dict[str, Any], at: datetime) -> Answer:
        return self._field(tech, visit, lambda r: r.test_result(visit.order_id, results, at))

    def delivery_report(self, tech: TechnicianRef, visit: Visit, report: dict[str, Any], at: datetime) -> Answer:
        return self._field(tech, visit, lambda r: r.delivery_report(visit.order_id, report, at))

    def signature(self, tech: TechnicianRef, visit: Visit, channel: str, at: datetime) -> Answer:
        return self._field(tech, visit, lambda r: r.sign(visit.order_id, channel, at))

    def survey(self, order_id: uuid.UUID, respondent: str, rating: str, comment: str, at: datetime) -> Answer:
        try:
            FieldReports(self._database, self._office, None, self._clock).survey(order_id, respondent, rating, comment, at)
        except FieldError as refused:
            return Answer(refused.status, str(refused))
        return self._changed(Answer(204), orders={order_id})

    def intake(self, order: dict[str, Any]) -> Answer:
        upstream = UpstreamOrder(**{**order, "kind": OrderKind(order["kind"]), "site_id": uuid.UUID(order["site_id"]),
                                    "received_at": datetime.fromisoformat(order["received_at"])})
        try:
            taken = OrderIntake(self._database, self._office, self._clock, desk_id="intake").take(upstream)
        except ValueError as refused:
            return Answer(422, str(refused))
        return self._changed(Answer(201 if taken.created else 200, data={"id": str(taken.order_id), "number": taken.number}),
                             orders={taken.order_id})

    def close(self) -> None:
        pass

    def _field(self, tech: TechnicianRef, visit: Visit, call: Callable[[FieldReports], Any], everything: bool = False) -> Answer:
        reports = FieldReports(self._database, self._users[tech.technician_id], tech.technician_id, self._clock, visit.version)
        try:
            call(reports)
        except FieldError as refused:
            return Answer(refused.status, str(refused))
        return self._changed(Answer(200), orders={visit.order_id}, everything=everything)

    def _changed(self, answer: Answer, orders: set[uuid.UUID] = frozenset(), technicians: set[uuid.UUID] = frozenset(),
                 everything: bool = False) -> Answer:
        if self._on_change is not None:
            self._on_change(Changes(frozenset(orders), frozenset(technicians), everything=everything))
        return answer
