"""The demo's alerts as a desk would have handled them by now: most red and late orders' alerts
acknowledged by a dispatcher of the region within minutes, with a note; the few left alone past
the escalation limit escalated by the centre (its audit row, the supervisors texted). Without it
a demo desk opens on dozens of escalations nobody would have let happen."""

from __future__ import annotations

from datetime import timedelta

from console.core.demo.context import DemoContext, World
from console.core.domain.alerts import ACKNOWLEDGED, ESCALATE_AFTER_KEY, ESCALATED, alert_since
from console.core.domain.enums import OPEN_STATUSES, Band
from console.core.store.models import AuditEntry, WorkOrder
from console.core.store.rules import DEFAULT_PARAMETERS

ESCALATE_AFTER = timedelta(minutes=DEFAULT_PARAMETERS[ESCALATE_AFTER_KEY][0])  # (the demo keeps the rule's default)
LEFT_ALONE = 0.06  # share of old alerts nobody took in hand
NOTES = (
    "已电话联系工程师，预计30分钟内到场。",
    "客户机房今日无法进入，已与客户确认明早处理。",
    "已协调班组长增派人手。",
    "等待传输专业处理，已催办。",
    "工程师在途，已告知客户。",
    "",
)


def generate_alert_handling(ctx: DemoContext, world: World) -> None:
    """Acknowledgements and escalations of the open orders' red and late alerts."""
    rng, now = ctx.rng, ctx.now
    for order in sorted(ctx.rows[WorkOrder], key=lambda o: o["id"]):
        if order["status"] not in OPEN_STATUSES or order.get("paused_since") is not None or order.get("due_at") is None:
            continue
        bands = [Band.RED] if order.get("red_at") and order["red_at"] <= now else []
        if order["due_at"] <= now:
            bands.append(Band.BREACHED)
        for band in bands:
            since = alert_since(band, order.get("red_at"), order["due_at"])
            if since is None or now - since < timedelta(minutes=5):
                continue  # just raised: nobody has got to it yet
            if now - since >= ESCALATE_AFTER and rng.random() < LEFT_ALONE:
                _audit(ctx, order, since + ESCALATE_AFTER, None, ESCALATED,
                       {"band": band.value, "since": since.isoformat(), "minutes": 30, "notified": 1}, "")
                continue
            at = since + timedelta(minutes=rng.uniform(2, min(25, (now - since).total_seconds() / 60)))
            who = rng.choice(world.dispatchers_by_region[order["region_id"]])
            _audit(ctx, order, at, who, ACKNOWLEDGED, {"band": band.value}, rng.choice(NOTES))


def _audit(ctx: DemoContext, order: dict, at, user_id, action: str, after: dict, reason: str) -> None:
    ctx.add(AuditEntry, at=at, user_id=user_id, desk_id="centre" if user_id is None else "demo", action=action, entity="work_order",
            entity_id=order["id"], order_id=order["id"], before=None, after=after, reason=reason, prev_hash="", hash="")
