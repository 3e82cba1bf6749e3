"""The order half of the demo centre: open and closed orders with their whole life."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from console.core.demo.board import DayBook, half_hours, window_starts
from console.core.demo.context import DemoContext, World
from console.core.domain import visits
from console.core.domain.enums import (
    AppointmentChangeKind,
    AppointmentStatus,
    Band,
    ContactMethod,
    ExceptionKind,
    FieldEventKind,
    OrderKind,
    OrderStatus,
    PauseReason,
    ProvisioningStep,
    RescheduleReason,
    Respondent,
    SatisfactionRating,
)
from console.core.domain.geo import great_circle_m
from console.core.domain.order_number import OrderNumber
from console.core.domain.sla import (
    OrderFacts,
    Pause,
    limit_for,
    primary_stage,
)
from console.core.domain.stages import DEPARTMENTS, STEPS, stages_done, step_due, step_limit
from console.core.domain.visits import KIND_SKILL
from console.core.store.models import (
    Appointment,
    AppointmentChange,
    AppointmentOrder,
    AuditEntry,
    FieldEvent,
    NumberSequence,
    OrderStep,
    SlaPause,
    WorkOrder,
)
from console.core.store.sla_cache import sla_columns

KIND_WEIGHTS = {OrderKind.SURVEY: 15, OrderKind.PROVISIONING: 35, OrderKind.FAULT: 38, OrderKind.COMPLAINT: 12}
# Open at one moment: a complaint is settled within the hour (10/30/60 minutes), so few are open at once.
OPEN_KIND_WEIGHTS = {OrderKind.SURVEY: 17, OrderKind.PROVISIONING: 40, OrderKind.FAULT: 42, OrderKind.COMPLAINT: 1.5}
OPEN_STATUS_WEIGHTS = {
    OrderStatus.NEW: 18,
    OrderStatus.DISPATCHED: 22,
    OrderStatus.ACCEPTED: 20,
    OrderStatus.IN_PROGRESS: 28,
    OrderStatus.RESOLVED: 12,
}
# (band, lowest and highest share of the limit used, weight)
# (a desk's ordinary day: most orders well within their limits, a few percent red or late)
BAND_SPREAD = ((Band.GREEN, 0.03, 0.49, 78), (Band.AMBER, 0.51, 0.79, 16), (Band.RED, 0.81, 0.99, 4), (Band.BREACHED, 1.02, 1.6, 2))
TITLES = {
    OrderKind.SURVEY: "{service}资源勘查（{points}个接入点）",
    OrderKind.PROVISIONING: "{service}开通 {bandwidth}M",
    OrderKind.FAULT: "{service}故障：{symptom}",
    OrderKind.COMPLAINT: "客户投诉：{complaint}",
}
SERVICE_NAMES = {
    "internet_line": "互联网专线", "data_line": "数据专线", "mpls_vpn": "MPLS VPN", "sd_wan": "SD-WAN",
    "cloud_line": "云专线", "voice_trunk": "语音中继",
}
SYMPTOMS = ("业务中断", "丢包严重", "时延抖动大", "光功率异常", "端口频繁闪断", "无法访问外网")
COMPLAINTS = ("装机多次改约", "故障修复超时", "施工人员未按时到场", "网速不达标", "账单疑问")


def generate_orders(ctx: DemoContext, world: World, open_orders: int, closed_orders: int) -> None:
    gen = _OrderGenerator(ctx, world)
    for _ in range(open_orders):
        gen.open_order()
    for _ in range(closed_orders):
        gen.closed_order()
    gen.number_orders()


class _OrderGenerator:
    def __init__(self, ctx: DemoContext, world: World):
        self.ctx = ctx
        self.rng = ctx.rng
        self.world = world
        self.customers = {c["id"]: c for c in world.customers}
        self.bandwidth = {s["id"]: s["bandwidth_mbps"] for services in world.services_by_site.values() for s in services}
        self.board = DayBook(ctx.calendar.zone, ctx.rng, self._works)  # who visits whom when: no overlaps, at most six a day
        self.orders: list[dict[str, Any]] = []
        self.open_appointment_at_site: dict[uuid.UUID, tuple[uuid.UUID, Any, Any, dict[str, Any]]] = {}

    # --- choosing -----------------------------------------------------------------------------

    def _pick(self, weights: dict[Any, int]) -> Any:
        return self.rng.choices(list(weights), weights=list(weights.values()))[0]

    def _target(self, kind: OrderKind | None = None, weights: dict[OrderKind, float] = KIND_WEIGHTS):
        customer = self.rng.choice(self.world.customers)
        site = self.rng.choice(self.world.sites_by_customer[customer["id"]])
        service = self.rng.choice(self.world.services_by_site[site["id"]])
        kind = kind or self._pick(weights)
        points = site["access_points"] if kind in (OrderKind.SURVEY, OrderKind.PROVISIONING) else 1
        return customer, site, service, kind, points

    def _technician(self, region_id: uuid.UUID, kind: OrderKind) -> dict[str, Any]:
        return self.rng.choice(self._skilled(region_id, kind))

    def _skilled(self, region_id: uuid.UUID, kind: OrderKind) -> list[dict[str, Any]]:
        """The region's technicians with the skill the kind needs (any of the region's, or of all, if none has it)."""
        pool = self.world.technicians_by_region.get(region_id) or [t for ts in self.world.technicians_by_region.values() for t in ts]
        return [t for t in pool if KIND_SKILL[kind].value in t["skills"]] or pool

    def _works(self, tech: dict[str, Any], day: date) -> bool:
        """Whether the technician has a day shift that day (centre._shifts: working days but the days
        on call that night; a repair technician's weekend duty)."""
        if day in tech.get("on_call_days", ()):
            return False
        return self.ctx.calendar.is_working_day(day) or day in tech.get("duty_days", ())

    def _dispatcher(self, region_id: uuid.UUID) -> uuid.UUID:
        return self.rng.choice(self.world.dispatchers_by_region[region_id])

    # --- time ---------------------------------------------------------------------------------

    def _before(self, end, amount: timedelta, business: bool):
        return self.ctx.calendar.subtract_business_time(end, amount) if business else end - amount

    def _after(self, start, amount: timedelta, business: bool):
        return self.ctx.calendar.add_business_time(start, amount) if business else start + amount

    # --- open orders --------------------------------------------------------------------------

    def open_order(self) -> None:
        ctx, rng = self.ctx, self.rng
        customer, site, service, kind, points = self._target(weights=OPEN_KIND_WEIGHTS)
        status = self._pick(OPEN_STATUS_WEIGHTS)
        band, low, high, _w = rng.choices(BAND_SPREAD, weights=[b[3] for b in BAND_SPREAD])[0]
        if status is OrderStatus.NEW and band is Band.BREACHED and rng.random() < 0.6:
            low, high = 0.03, 0.3  # most new orders arrived recently
        share = rng.uniform(low, high)
        if kind is OrderKind.COMPLAINT and status is OrderStatus.NEW:
            share = min(share, rng.uniform(0.02, 0.14))  # a new complaint is accepted within its first 10 minutes
        facts = OrderFacts(kind, customer["level"], service["assurance"], ctx.now, points)
        limit = limit_for(facts, primary_stage(kind), ctx.book)
        business = limit.in_business_time
        used = limit.duration(ctx.calendar) * share
        pauses: list[Pause] = []
        paused_since = None
        roll = rng.random()
        if roll < 0.12:
            length = timedelta(hours=rng.uniform(1, 9)) if business else timedelta(minutes=rng.uniform(10, 90))
            start = self._before(ctx.now, used + length, business)
            pause_start = self._after(start, used * rng.uniform(0.1, 0.9), business)
            pause_end = self._after(pause_start, length, business)
            # A pause longer than the approval limit was approved by the region's supervisor.
            pauses.append(Pause(pause_start, pause_end, approved=pause_end - pause_start > ctx.book.parameters.pause_approval_after))
        elif roll < 0.17 and status in (OrderStatus.ACCEPTED, OrderStatus.IN_PROGRESS):
            length = timedelta(hours=rng.uniform(0.5, 6)) if business else timedelta(minutes=rng.uniform(5, 60))
            paused_since = self._before(ctx.now, length, business)
            start = self._before(paused_since, used, business)
            pauses.append(Pause(paused_since, None))
        else:
            start = self._before(ctx.now, used, business)
        facts = replace(facts, started_at=start, pauses=tuple(pauses))
        stage_times = self._complaint_stages(start, used, status) if kind is OrderKind.COMPLAINT else {}
        if stage_times:
            facts = replace(facts, done=stages_done(kind, stage_times["responded_at"], stage_times["investigated_at"], None))
        order = self._order(customer, site, service, kind, points, status, facts, received_at=start)
        order.update(stage_times)
        order["paused_since"] = paused_since
        for pause in pauses:
            self._pause(order, pause)
        if kind is OrderKind.PROVISIONING:
            self._steps(order, facts, share)
            if status is not OrderStatus.NEW and rng.random() < 0.05:
                self._superseded_predecessor(order)
        self._assign_and_visit(order, site)

    def _complaint_stages(self, start, used: timedelta, status: OrderStatus) -> dict[str, Any]:
        """A complaint's acceptance (受理, within 10 minutes) and investigation (排查, within 30) as a
        desk keeps them: accepted a few minutes in unless still new, investigated once half an hour
        has nearly gone or the feedback is given."""
        rng, elapsed = self.rng, used
        if status is OrderStatus.NEW:
            return {"responded_at": None, "investigated_at": None}
        accepted = start + min(elapsed, timedelta(minutes=rng.uniform(2, 9)))
        investigated = None
        if status is OrderStatus.RESOLVED or elapsed > timedelta(minutes=24):
            investigated = min(start + elapsed, accepted + timedelta(minutes=rng.uniform(8, 19)))
        return {"responded_at": accepted, "investigated_at": investigated}

    def _order(self, customer, site, service, kind, points, status, facts: OrderFacts, received_at) -> dict[str, Any]:
        ctx, rng = self.ctx, self.rng
        title = TITLES[kind].format(
            service=SERVICE_NAMES[service["service_type"].value], points=points, bandwidth=service["bandwidth_mbps"],
            symptom=rng.choice(SYMPTOMS), complaint=rng.choice(COMPLAINTS),
        )
        order = dict(
            number="",
            kind=kind,
            status=status,
            priority=min(5, 1 + customer["level"].rank + (0 if kind is OrderKind.FAULT else 1)),
            title=title,
            description="",
            customer_id=customer["id"],
            site_id=site["id"],
            address=site["address"],
            district_id=site["district_id"],
            service_id=service["id"],
            region_id=customer["region_id"],
            access_points=points,
            received_at=received_at,
            sla_started_at=facts.started_at,
            **sla_columns(facts, ctx.book, ctx.calendar, ctx.now),
            responded_at=None,
            paused_since=None,
            current_step=None,
            assignee_id=None,
            replaces_order_id=None,
            upstream_ref=None,
            resolved_at=None,
            closed_at=None,
            billing_started_at=None,
            investigated_at=None,
            returned_at=None,
            cancel_reason=None,
        )
        order.setdefault("response_due_at", None)
        if kind is OrderKind.FAULT and status not in (OrderStatus.NEW, OrderStatus.DISPATCHED):
            order["responded_at"] = min(ctx.now, facts.started_at + (order["response_due_at"] - facts.started_at) * rng.uniform(0.2, 1.2))
        if rng.random() < 0.6:
            order["upstream_ref"] = f"CRM{rng.getrandbits(40):012d}"
        ctx.add_row(WorkOrder, order)
        self.orders.append(order)
        self._audit(order, received_at, None, "order.created", {"kind": kind.value, "status": OrderStatus.NEW.value})
        return order

    def _pause(self, order: dict[str, Any], pause: Pause) -> None:
        reason = self.rng.choice([PauseReason.CUSTOMER_NOT_READY, PauseReason.CUSTOMER_POSTPONED])  # (the customer's: a desk's pause)
        user = self._dispatcher(order["region_id"])
        self.ctx.add(SlaPause, order_id=order["id"], reason=reason, note="客户现场未具备施工条件" if reason is PauseReason.CUSTOMER_NOT_READY else "客户要求延期",
                     started_at=pause.start, started_by=user, ended_at=pause.end, ended_by=user if pause.end else None,
                     approved_by=self.world.supervisor_by_region[order["region_id"]] if pause.approved else None)
        self._audit(order, pause.start, user, "sla.paused", {"reason": reason.value})
        if pause.end:
            self._audit(order, pause.end, user, "sla.resumed", {})

    def _steps(self, order: dict[str, Any], facts: OrderFacts, share: float) -> None:
        """The departments' steps (全程管控): each due its own limit after it reached the department;
        the ones before the current step done, the current one running."""
        ctx, rng = self.ctx, self.rng
        current = min(len(STEPS) - 1, int(share * len(STEPS))) if order["status"] is not OrderStatus.RESOLVED else len(STEPS) - 1
        order["current_step"] = STEPS[current]
        started: Any = facts.started_at
        for seq, step in enumerate(STEPS):
            due = step_due(facts, step, started, ctx.book, ctx.calendar) if started is not None else None
            completed = None
            if started is not None and (seq < current or order["status"] is OrderStatus.RESOLVED):
                worked = step_limit(facts, step, ctx.book, ctx.calendar) * rng.uniform(0.4, 0.95)  # (in working hours)
                completed = min(ctx.now, ctx.calendar.add_business_time(started, worked))
            ctx.add(OrderStep, order_id=order["id"], step=step, seq=seq + 1, department=DEPARTMENTS[step],
                    started_at=started, due_at=due, completed_at=completed)
            started = completed

    def _superseded_predecessor(self, order: dict[str, Any]) -> None:
        """A field exception archived an earlier order for the same job; this one replaced it."""
        ctx, rng = self.ctx, self.rng
        reissued = order["received_at"] + (ctx.now - order["received_at"]) * rng.uniform(0.2, 0.8)
        old = dict(order, id=ctx.new_id(), status=OrderStatus.SUPERSEDED, closed_at=reissued - timedelta(minutes=3),
                   upstream_ref=None, paused_since=None, current_step=ProvisioningStep.INSTALLATION)
        # The predecessor must be inserted first: move it in front of its replacement.
        ctx.rows[WorkOrder].insert(len(ctx.rows[WorkOrder]) - 1, old)
        self.orders.append(old)
        tech = self._technician(order["region_id"], order["kind"])
        old["assignee_id"] = tech["id"]
        ctx.add(FieldEvent, order_id=old["id"], technician_id=tech["id"], kind=FieldEventKind.EXCEPTION,
                occurred_at=reissued - timedelta(minutes=5), received_at=reissued - timedelta(minutes=5),
                latitude=None, longitude=None, distance_m=None, off_site=False,
                exception_kind=rng.choice(list(ExceptionKind)), rating=None, respondent=None,
                payload={"old_port": f"{rng.randint(1, 12)}-{rng.randint(1, 24)}", "new_port": f"{rng.randint(1, 12)}-{rng.randint(1, 24)}"})
        order["replaces_order_id"] = old["id"]
        order["received_at"] = reissued
        self._audit(old, reissued - timedelta(minutes=3), None, "order.superseded", {"replaced_by": str(order["id"])})

    def _assign_and_visit(self, order: dict[str, Any], site: dict[str, Any]) -> None:
        ctx, rng = self.ctx, self.rng
        status, kind = order["status"], order["kind"]
        if status is OrderStatus.NEW:
            return
        if kind is OrderKind.COMPLAINT and rng.random() < 0.5:
            return  # handled by the desk without a field visit
        dispatcher = self._dispatcher(order["region_id"])
        assigned_at = min(ctx.now, order["received_at"] + timedelta(minutes=rng.uniform(2, 40)))
        tech, window = None, None
        if kind in (OrderKind.SURVEY, OrderKind.PROVISIONING):
            tech, window = self._appointment(order, site, dispatcher, assigned_at) or (None, None)
        elif kind is OrderKind.FAULT and status in (OrderStatus.DISPATCHED, OrderStatus.ACCEPTED):
            tech = self._fault_visit(order, site, dispatcher, assigned_at)
        tech = tech or self._technician(order["region_id"], kind)  # (no visit: nobody had room, or none is needed)
        order["assignee_id"] = tech["id"]
        self._audit(order, assigned_at, dispatcher, "order.assigned", {"assignee_id": str(tech["id"]), "assignee": tech["name"]})
        if status in (OrderStatus.IN_PROGRESS, OrderStatus.RESOLVED) and kind is not OrderKind.COMPLAINT:
            arrival = window[0] + timedelta(minutes=rng.uniform(-15, 40)) if window else assigned_at + timedelta(minutes=rng.uniform(20, 90))
            if arrival >= ctx.now:  # the window began a moment ago: the technician arrived in between
                begun = window[0] if window else assigned_at
                arrival = begun + (ctx.now - begun) * rng.uniform(0.1, 0.9) if ctx.now > begun else ctx.now - timedelta(minutes=1)
            self._check_in(order, site, tech, arrival)
        if status is OrderStatus.RESOLVED and kind is not OrderKind.COMPLAINT:
            done = window[0] + timedelta(minutes=visits.visit_minutes(kind, order["access_points"]) + rng.uniform(0, 60)) if window else None
            order["resolved_at"] = min(done, ctx.now - timedelta(minutes=5)) if done else ctx.now - timedelta(minutes=rng.uniform(5, 240))
            self._tests_and_report(order, tech, order["resolved_at"])

    def _appointment(self, order, site, dispatcher, booked_at):
        """The visit of a survey or installation (the site's open visit, sometimes), booked on the
        board: (technician, window), or None when nobody has room within a week."""
        ctx, rng, zone = self.ctx, self.rng, self.ctx.calendar.zone
        existing = self.open_appointment_at_site.get(site["id"])
        if existing is not None and rng.random() < 0.5:
            existing, window_start, window_end, tech = existing
            ctx.add(AppointmentOrder, appointment_id=existing, order_id=order["id"])
            ctx.add(AppointmentChange, appointment_id=existing, kind=AppointmentChangeKind.MERGED, changed_at=booked_at,
                    changed_by=dispatcher, contact_method=ContactMethod.PHONE, reason=None,
                    reason_text="设备安装与业务安装合并为一次上门", old_start=None, old_end=None, new_start=None, new_end=None)
            return tech, (window_start, window_end)
        today = ctx.now.astimezone(zone).date()
        kept = order["status"] in (OrderStatus.IN_PROGRESS, OrderStatus.RESOLVED)
        working_today = ctx.calendar.is_working_day(today)  # (nobody installs on a weekend or a holiday)
        if kept:  # the technician is there or was: today, in a window that has begun, or on a working day before
            days = [today if working_today else self._previous_working(today)]
            while len(days) < 6:
                days.append(self._previous_working(days[-1]))
            begun = [t for t in window_starts() if datetime.combine(today, t, zone) <= ctx.now]
            received = order["received_at"]  # (never a visit before the order came in)
            starts = lambda day: [t for t in (begun if day == today else window_starts())  # noqa: E731
                                  if datetime.combine(day, t, zone) >= received]
        else:
            day = today if working_today else self._next_working(today)
            for _ in range(rng.choices(range(5), weights=(30, 30, 20, 10, 10))[0]):  # most visits are booked for the next days
                day = self._next_working(day)
            days = [day]
            while len(days) < 6:
                days.append(self._next_working(days[-1]))
            starts = lambda _day: window_starts()  # noqa: E731
        minutes = visits.visit_minutes(order["kind"], order["access_points"])
        found = self.board.find(self._skilled(order["region_id"], order["kind"]), days, starts, minutes)
        if found is None:
            return None
        tech, local_start = found
        day = local_start.date()
        status = AppointmentStatus.KEPT if kept else AppointmentStatus.RECONFIRMED if day == today else AppointmentStatus.CONFIRMED
        start = local_start.astimezone(UTC)
        end = start + timedelta(hours=2)
        method = rng.choice((ContactMethod.PHONE, ContactMethod.PHONE, ContactMethod.SMS))
        booked_at = min(ctx.now, max(booked_at, start - timedelta(hours=rng.uniform(2, 72))))
        appointment_id = ctx.add(
            Appointment, site_id=site["id"], technician_id=tech["id"], window_start=start, window_end=end, status=status,
            planned_start=start, duration_minutes=minutes, locked=status is AppointmentStatus.KEPT,
            contact_name=ctx.person(), contact_phone=ctx.phone(), contact_method=method, booked_by=dispatcher,
            booked_at=booked_at, reconfirmed_at=min(ctx.now, start - timedelta(hours=2)) if day == today else None,
        )
        ctx.add(AppointmentOrder, appointment_id=appointment_id, order_id=order["id"])
        self.open_appointment_at_site[site["id"]] = (appointment_id, start, end, tech)
        change = dict(appointment_id=appointment_id, changed_by=dispatcher, contact_method=method, reason=None, reason_text="",
                      old_start=None, old_end=None)
        ctx.add(AppointmentChange, **change, kind=AppointmentChangeKind.BOOKED, changed_at=booked_at, new_start=start, new_end=end)
        self._audit(order, booked_at, dispatcher, "appointment.booked", {"window_start": start.isoformat()})
        if rng.random() < 0.2:
            old_start = start - timedelta(days=rng.randint(1, 3))
            reason = rng.choice(list(RescheduleReason))
            when = min(ctx.now, booked_at + timedelta(hours=rng.uniform(1, 12)))
            ctx.add(AppointmentChange, **dict(change, old_start=old_start, old_end=old_start + timedelta(hours=2),
                                              reason=reason, reason_text="客户来电要求改约"),
                    kind=AppointmentChangeKind.RESCHEDULED, changed_at=when, new_start=start, new_end=end)
            self._audit(order, when, dispatcher, "appointment.rescheduled", {"reason": reason.value})
        return tech, (start, end)

    def _fault_visit(self, order, site, dispatcher, assigned_at) -> dict[str, Any] | None:
        """A repair visit agreed by phone for the earliest half hour a repair technician has free, an
        hour after the assignment at the soonest: the technician, or None when nobody has room."""
        ctx, zone = self.ctx, self.ctx.calendar.zone
        minutes = visits.visit_minutes(OrderKind.FAULT)
        earliest = max(assigned_at, ctx.now) + timedelta(hours=1)
        days = [earliest.astimezone(zone).date()]  # (on a weekend, the technicians on duty)
        while len(days) < 6:
            days.append(self._next_working(days[-1]))
        found = self.board.find(self._skilled(order["region_id"], OrderKind.FAULT), days,
                                lambda day: half_hours(earliest, zone, day), minutes)
        if found is None:
            return None
        tech, local_start = found
        start = local_start.astimezone(UTC)
        end = start + timedelta(hours=2)
        customer = self.customers[order["customer_id"]]
        appointment_id = ctx.add(
            Appointment, site_id=site["id"], technician_id=tech["id"], window_start=start, window_end=end,
            status=AppointmentStatus.CONFIRMED, planned_start=start, duration_minutes=minutes,
            locked=False, contact_name=customer["contact_name"], contact_phone=customer["contact_phone"],
            contact_method=ContactMethod.PHONE, booked_by=dispatcher, booked_at=assigned_at, reconfirmed_at=None,
        )
        ctx.add(AppointmentOrder, appointment_id=appointment_id, order_id=order["id"])
        ctx.add(AppointmentChange, appointment_id=appointment_id, kind=AppointmentChangeKind.BOOKED, changed_at=assigned_at,
                changed_by=dispatcher, contact_method=ContactMethod.PHONE, reason=None, reason_text="", old_start=None,
                old_end=None, new_start=start, new_end=end)
        self._audit(order, assigned_at, dispatcher, "appointment.booked", {"window_start": start.isoformat()})
        return tech

    def _previous_working(self, day: date) -> date:
        return self._next_working(day, step=-1)

    def _next_working(self, day: date, step: int = 1) -> date:
        day += timedelta(days=step)
        while not self.ctx.calendar.is_working_day(day):
            day += timedelta(days=step)
        return day

    def _check_in(self, order, site, tech, when) -> None:
        ctx, rng = self.ctx, self.rng
        if site["latitude"] is None or abs(site["latitude"]) < 1:
            return  # the app cannot measure a distance to a site with no position
        off = rng.random() < 0.08
        metres = rng.uniform(400, 2500) if off else abs(rng.gauss(0, 60))
        bearing_lat, bearing_lon = rng.uniform(-1, 1), rng.uniform(-1, 1)
        norm = max(1e-9, (bearing_lat**2 + bearing_lon**2) ** 0.5)
        lat = site["latitude"] + bearing_lat / norm * metres / 111_000
        lon = site["longitude"] + bearing_lon / norm * metres / 95_000
        distance = great_circle_m(lat, lon, site["latitude"], site["longitude"])
        ctx.add(FieldEvent, order_id=order["id"], technician_id=tech["id"], kind=FieldEventKind.CHECK_IN, occurred_at=when,
                received_at=when, latitude=round(lat, 6), longitude=round(lon, 6), distance_m=round(distance, 1),
                off_site=distance > 300, exception_kind=None, rating=None, respondent=None, payload={})

    def _event(self, order, tech_id, kind: FieldEventKind, when, **extra) -> None:
        values = dict(latitude=None, longitude=None, distance_m=None, off_site=False, exception_kind=None, rating=None,
                      respondent=None, payload={})
        values.update(extra)
        self.ctx.add(FieldEvent, order_id=order["id"], technician_id=tech_id, kind=kind, occurred_at=when, received_at=when, **values)

    def _tests_and_report(self, order, tech, when) -> None:
        rng = self.rng
        self._event(order, tech["id"], FieldEventKind.TEST_RESULT, when - timedelta(minutes=20), payload={
            "ping_ms": round(rng.uniform(1, 8), 1), "loss_pct": round(rng.choice((0, 0, 0, 0.1)), 1),
            "down_mbps": self._measured(order, rng.uniform(0.93, 0.99)), "up_mbps": self._measured(order, rng.uniform(0.93, 0.99)),
        })
        if order["kind"] is OrderKind.PROVISIONING:
            self._event(order, tech["id"], FieldEventKind.DELIVERY_REPORT, when - timedelta(minutes=10),
                        payload={"report_no": f"DR{rng.getrandbits(32):010d}"})

    # --- closed orders ------------------------------------------------------------------------

    def closed_order(self) -> None:
        ctx, rng = self.ctx, self.rng
        customer, site, service, kind, points = self._target()
        received = ctx.now - timedelta(days=rng.uniform(1, 90))
        facts = OrderFacts(kind, customer["level"], service["assurance"], received, points)
        limit = limit_for(facts, primary_stage(kind), ctx.book)
        cancelled = rng.random() < 0.03
        status = OrderStatus.CANCELLED if cancelled else OrderStatus.CLOSED
        order = self._order(customer, site, service, kind, points, status, facts, received_at=received)
        share = rng.uniform(0.2, 0.95) if rng.random() < 0.9 else rng.uniform(1.02, 1.6)
        resolved = self._after(received, limit.duration(ctx.calendar) * share, limit.in_business_time)
        resolved = min(resolved, ctx.now - timedelta(hours=1))
        order["closed_at"] = resolved + timedelta(hours=rng.uniform(0.2, 30))
        if cancelled:
            self._audit(order, order["closed_at"], self._dispatcher(order["region_id"]), "order.cancelled", {})
            return
        order["resolved_at"] = resolved
        if kind is OrderKind.PROVISIONING:
            order["current_step"] = ProvisioningStep.TEST_DELIVERY
        if kind is OrderKind.FAULT:
            order["responded_at"] = received + (order["response_due_at"] - received) * rng.uniform(0.2, 1.1)
        if kind is OrderKind.COMPLAINT:
            order["responded_at"] = received + timedelta(minutes=rng.uniform(2, 9))
            order["investigated_at"] = order["responded_at"] + timedelta(minutes=rng.uniform(8, 19))
            order["resolved_at"] = max(resolved, order["investigated_at"] + timedelta(minutes=5))
            done = stages_done(kind, order["responded_at"], order["investigated_at"], order["resolved_at"])
            order.update(sla_columns(replace(facts, done=done), ctx.book, ctx.calendar, ctx.now))  # (its clock: the last stage's)
        visit = self._past_visit(order, site, resolved) if kind is not OrderKind.COMPLAINT else None
        tech = visit[0] if visit else self._technician(order["region_id"], kind)
        order["assignee_id"] = tech["id"]
        if kind is not OrderKind.COMPLAINT:
            self._check_in(order, site, tech, visit[1] if visit else resolved - timedelta(hours=rng.uniform(0.5, 3)))
            self._tests_and_report(order, tech, resolved)
            self._event(order, tech["id"], FieldEventKind.SIGNATURE, resolved, payload={"channel": rng.choice(("on_site", "sms_link"))})
            if kind is OrderKind.PROVISIONING:
                order["billing_started_at"] = resolved
        self._surveys(order, tech, resolved)
        self._audit(order, order["closed_at"], self._dispatcher(order["region_id"]), "order.closed", {"status": "closed"})
        self._returned(order)

    def _past_visit(self, order: dict[str, Any], site: dict[str, Any], resolved: datetime) -> tuple[dict[str, Any], datetime] | None:
        """A closed order's visit, booked on the board on the day it was resolved or a working day
        before (after it arrived), kept (or missed: the technician came after the window); returns
        (technician, arrival), or None when nobody had room."""
        ctx, rng, zone = self.ctx, self.rng, self.ctx.calendar.zone
        minutes = visits.visit_minutes(order["kind"], order["access_points"])
        first, last = order["received_at"].astimezone(zone).date(), resolved.astimezone(zone).date()
        days = [last] if self._any_works(last) else []
        while len(days) < 4 and (days[-1] if days else last) > first:
            days.append(self._previous_working(days[-1] if days else last))
        days = [d for d in days if d >= first]

        offered = (lambda day: half_hours(None, zone, day)) if order["kind"] is OrderKind.FAULT else (lambda _day: window_starts())

        def starts(day: date) -> list[time]:  # (a repair at the first free half hour, an installation in a customer's window)
            return [t for t in offered(day) if order["received_at"] <= datetime.combine(day, t, zone)
                    and datetime.combine(day, t, zone) + timedelta(minutes=minutes) <= resolved]

        found = self.board.find(self._skilled(order["region_id"], order["kind"]), days, starts, minutes)
        if found is None:
            return None
        tech, local_start = found
        start = local_start.astimezone(UTC)
        late = rng.random() < 0.05
        arrival = start + timedelta(hours=2, minutes=rng.uniform(5, 45)) if late else start + timedelta(minutes=rng.uniform(-15, 40))
        dispatcher = self._dispatcher(order["region_id"])
        booked_at = max(order["received_at"], start - timedelta(hours=rng.uniform(2, 72)))
        method = rng.choice((ContactMethod.PHONE, ContactMethod.PHONE, ContactMethod.SMS))
        appointment_id = ctx.add(
            Appointment, site_id=site["id"], technician_id=tech["id"], window_start=start, window_end=start + timedelta(hours=2),
            status=AppointmentStatus.MISSED if late else AppointmentStatus.KEPT, planned_start=start, duration_minutes=minutes,
            locked=False, contact_name=ctx.person(), contact_phone=ctx.phone(), contact_method=method, booked_by=dispatcher,
            booked_at=booked_at, reconfirmed_at=None,
        )
        ctx.add(AppointmentOrder, appointment_id=appointment_id, order_id=order["id"])
        ctx.add(AppointmentChange, appointment_id=appointment_id, kind=AppointmentChangeKind.BOOKED, changed_at=booked_at,
                changed_by=dispatcher, contact_method=method, reason=None, reason_text="", old_start=None, old_end=None,
                new_start=start, new_end=start + timedelta(hours=2))
        self._audit(order, booked_at, dispatcher, "appointment.booked", {"window_start": start.isoformat()})
        return tech, min(arrival, resolved - timedelta(minutes=minutes // 2))

    def _any_works(self, day: date) -> bool:
        return self.ctx.calendar.is_working_day(day)

    def _returned(self, order: dict[str, Any]) -> None:
        """The completion returned to the order system (回单): most the day the order was resolved."""
        rng, zone = self.rng, self.ctx.calendar.zone
        resolved = order["resolved_at"]
        if rng.random() < 0.92:
            end_of_day = datetime.combine(resolved.astimezone(zone).date(), time(23, 50), zone).astimezone(UTC)
            returned = min(end_of_day, resolved + timedelta(hours=rng.uniform(0.1, 4)))
        else:
            returned = resolved + timedelta(days=1, hours=rng.uniform(0, 8))
        order["returned_at"] = min(returned, self.ctx.now)
        self._audit(order, order["returned_at"], self._dispatcher(order["region_id"]), "order.returned",
                    {"same_day": order["returned_at"].astimezone(zone).date() == resolved.astimezone(zone).date()})

    def _measured(self, order: dict[str, Any], share: float) -> float:
        """A speed test's result in Mbit/s: most of the line's bandwidth."""
        return round(self.bandwidth.get(order["service_id"], 100) * share, 1)

    def _surveys(self, order, tech, resolved) -> None:
        rng = self.rng
        ratings = (SatisfactionRating.VERY_SATISFIED, SatisfactionRating.SATISFIED, SatisfactionRating.NEUTRAL, SatisfactionRating.DISSATISFIED)
        for respondent, response_rate in ((Respondent.CUSTOMER, 0.85), (Respondent.ACCOUNT_MANAGER, 0.6)):
            if rng.random() < response_rate:
                rating = rng.choices(ratings, weights=(93, 5, 1, 1))[0]
                answered = resolved + timedelta(hours=rng.uniform(1, 48))
                if answered < self.ctx.now:  # (a survey sent an hour ago may not be answered yet)
                    self._event(order, None, FieldEventKind.SATISFACTION, answered, rating=rating, respondent=respondent, payload={})

    # --- numbering and audit ------------------------------------------------------------------

    def _audit(self, order, at, user_id, action, after) -> None:
        self.ctx.add(AuditEntry, at=at, user_id=user_id, desk_id="demo", action=action, entity="work_order",
                     entity_id=order["id"], order_id=order["id"], before=None, after=after, reason="", prev_hash="", hash="")

    def number_orders(self) -> None:
        zone = self.ctx.calendar.zone
        serials: dict[tuple[OrderKind, date], int] = defaultdict(int)
        for order in sorted(self.orders, key=lambda o: (o["received_at"], o["id"])):
            day = order["received_at"].astimezone(zone).date()
            serials[(order["kind"], day)] += 1
            order["number"] = str(OrderNumber(order["kind"], day, serials[(order["kind"], day)]))
        for (kind, day), last in serials.items():
            self.ctx.rows[NumberSequence].append({"kind": kind, "day": day, "last_serial": last})


def _local(day: date, hour: int, zone: ZoneInfo) -> datetime:
    return datetime(day.year, day.month, day.day, hour, 0, tzinfo=zone).astimezone(UTC)
