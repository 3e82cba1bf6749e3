"""The demo's past shift handovers (交接班): each region's last week of shifts handed over by its day
supervisor and a night supervisor (one more user per region), each signed a few minutes before
the shift's end and acknowledged by the other a few minutes after, with notes; the last night's
handover of the first region still waits for the day supervisor's acknowledgement. The lines are
the orders that stood at risk at each shift's end as the generated rows tell it (their deadlines,
bands, exceptions and callbacks then), so the search has real numbers and customers to find."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from console.core.demo.context import DemoContext, World
from console.core.domain.enums import FieldEventKind, Role
from console.core.services.dashboard_figures import Period
from console.core.services.dashboards import SHIFT_STARTS, period_span
from console.core.store.models import AuditEntry, Callback, FieldEvent, Handover, User, WorkOrder

SHIFTS_BACK = 14  # a week of day and night shifts
NOTES = (
    "夜间光缆抢修两处，已通知传输专业，早班请跟进恢复进度。",
    "重点保障客户今日割接，已与客户经理确认，明早九点前回访。",
    "两张改约单客户要求下午上门，已登记。",
    "班组人手紧张，已申请增派一名工程师。",
    "平稳，无遗留。",
    "投诉单客户情绪较大，已安排值班长亲自回电。",
)
ACKNOWLEDGEMENTS = ("已阅，按交接跟进。", "收到，重点单已逐一确认。", "已接班，超时单优先处理。", "收到。")
REMARKS = ("已催装维，预计一小时内到场。", "客户要求延期，待确认。", "等待传输配合。", "")


def generate_handovers(ctx: DemoContext, world: World) -> None:
    """A week of signed and acknowledged handovers per region, and their audit rows."""
    rng, zone = ctx.rng, ctx.calendar.zone
    night_supervisors = {region_id: ctx.add(User, username=f"night.supervisor.{code}", display_name=ctx.person(),
                                            role=Role.SUPERVISOR, region_id=region_id, password_hash=None, active=True,
                                            phone=f"1391601{n:04d}")
                         for n, (code, region_id) in enumerate(world.regions.items())}
    customers = {c["id"]: c["name"] for c in world.customers}
    customers |= {t["id"]: t["name"] for ts in world.technicians_by_region.values() for t in ts}  # (ids never collide)
    current = period_span(Period.SHIFT, ctx.now, zone, SHIFT_STARTS)
    shifts = []
    for _ in range(SHIFTS_BACK):
        current = period_span(Period.SHIFT, current[0] - timedelta(seconds=1), zone, SHIFT_STARTS)
        shifts.append(current)
    exceptions = [e for e in ctx.rows[FieldEvent] if e["kind"] is FieldEventKind.EXCEPTION and e["occurred_at"] >= shifts[-1][0]]
    callbacks = [c for c in ctx.rows[Callback] if c["due_at"] >= shifts[-1][0] - timedelta(hours=12)]
    for n, region_id in enumerate(world.regions.values()):
        orders = [o for o in ctx.rows[WorkOrder] if o["region_id"] == region_id]
        by_id = {o["id"]: o for o in orders}
        mine = ([e for e in exceptions if e["order_id"] in by_id], [c for c in callbacks if c["order_id"] in by_id])
        for k, (start, end) in enumerate(shifts):
            day = start.astimezone(zone).hour == SHIFT_STARTS[0]
            signer, incoming = ((world.supervisor_by_region[region_id], night_supervisors[region_id]) if day else
                                (night_supervisors[region_id], world.supervisor_by_region[region_id]))
            signed_at = end - timedelta(minutes=rng.uniform(5, 25))
            acknowledged = not (n == 0 and k == 0)
            _handover(ctx, region_id, (start, end), _sections(ctx, orders, by_id, mine, customers, end), rng.choice(NOTES), signer, signed_at,
                      (incoming, end + timedelta(minutes=rng.uniform(3, 20)), rng.choice(ACKNOWLEDGEMENTS)) if acknowledged else None)


def _handover(ctx: DemoContext, region_id: uuid.UUID, shift: tuple[datetime, datetime], sections: list[dict[str, Any]], notes: str,
              signer: uuid.UUID, signed_at: datetime, acknowledgement: tuple[uuid.UUID, datetime, str] | None) -> None:
    contents = {"drafted_at": signed_at.isoformat(), "horizon_hours": 4, "sections": sections}
    by, at, note = acknowledgement or (None, None, "")
    handover_id = ctx.add(Handover, region_id=region_id, shift_start=shift[0], shift_end=shift[1], contents=contents, notes=notes,
                          signed_by=signer, signed_at=signed_at, acknowledged_by=by, acknowledged_at=at, acknowledgement_note=note,
                          version=2 if by else 1, updated_at=at or signed_at)
    lines = sum(len(s["items"]) for s in sections)
    _audit(ctx, handover_id, signer, signed_at, "handover.signed", {"region_id": region_id.hex, "shift_start": shift[0].isoformat(),
                                                                   "shift_end": shift[1].isoformat(), "items": lines, "removed": 0}, notes)
    if by is not None:
        _audit(ctx, handover_id, by, at, "handover.acknowledged", {"acknowledged_by": by.hex, "region_id": region_id.hex}, note)


def _audit(ctx: DemoContext, handover_id: uuid.UUID, user_id: uuid.UUID, at: datetime, action: str, after: dict, reason: str) -> None:
    ctx.add(AuditEntry, at=at, user_id=user_id, desk_id="demo", action=action, entity="handover", entity_id=handover_id, order_id=None,
            before=None, after=after, reason=reason, prev_hash="", hash="")


def _sections(ctx: DemoContext, orders: list[dict[str, Any]], by_id: dict, events: tuple[list, list], customers: dict,
              end: datetime) -> list[dict[str, Any]]:
    """The lines as a draft at the shift's end would have had them: orders open then and late, red
    or due within four hours, the exceptions of the shift, the callbacks due."""
    horizon = end + timedelta(hours=4)
    alive = [o for o in orders if o["received_at"] < end and (o.get("closed_at") is None or o["closed_at"] > end)
             and (o.get("resolved_at") is None or o["resolved_at"] > end) and o.get("due_at") is not None]
    at_risk = sorted((o for o in alive if o["due_at"] <= horizon and end - o["due_at"] < timedelta(days=2)), key=lambda o: o["due_at"])[:8]
    items = [_item(ctx, o, customers, {"band": _band(o, end), "due_at": o["due_at"].isoformat(), "paused": False,
                                       "assignee": customers.get(o.get("assignee_id"), ""), "level": ""}) for o in at_risk]
    late = [i for i in items if i["facts"]["band"] == "breached"][:3]
    raised = [e for e in events[0] if end - timedelta(hours=12) <= e["occurred_at"] < end][:3]
    exceptions = [_item(ctx, by_id[e["order_id"]], customers, {"exception_kind": _value(e.get("exception_kind")),
                                                                 "reported_at": e["occurred_at"].isoformat(), "reported_on": "",
                                                                 "paused": False, "assignee": customers.get(e.get("technician_id"), "")},
                        remark=False) for e in raised]
    due = [c for c in events[1] if end - timedelta(hours=12) <= c["due_at"] <= horizon][:2]
    callbacks = [_item(ctx, by_id[c["order_id"]], customers, {"due_at": c["due_at"].isoformat(), "overdue": c["due_at"] < end,
                                                               "comment": "", "callback_id": c["id"].hex}, remark=False) for c in due]
    return [{"key": key, "total": len(lines), "items": lines, "removed": []}
            for key, lines in (("at_risk", items), ("exceptions", exceptions), ("approvals", []), ("alerts", late), ("callbacks", callbacks))]


def _item(ctx: DemoContext, order: dict[str, Any], customers: dict, facts: dict[str, Any], remark: bool = True) -> dict[str, Any]:
    return {"order_id": order["id"].hex, "number": order.get("number") or "", "customer": customers.get(order["customer_id"], ""),
            "kind": _value(order["kind"]), "status": "dispatched" if order.get("assignee_id") else "new", "facts": facts,
            "remark": ctx.rng.choice(REMARKS) if remark and ctx.rng.random() < 0.3 else ""}


def _band(order: dict[str, Any], at: datetime) -> str:
    if order["due_at"] < at:
        return "breached"
    red = order.get("red_at")
    return "red" if red is not None and red <= at else "amber"


def _value(value: Any) -> str:
    return getattr(value, "value", value) or ""
