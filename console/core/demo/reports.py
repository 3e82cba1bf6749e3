"""The demo's monthly reports: past the 5th, each region's supervisor has marked the previous
month's report sent (on a working morning from the 1st to the 5th), as a centre would have by
then, so that a first start does not greet anyone with an overdue report. From the 1st to the 5th
none is sent yet and the supervisors' reminder shows, as it would."""

from __future__ import annotations

from datetime import UTC, datetime, time

from console.core.demo.context import DemoContext, World
from console.core.services.monthly_report import previous_month
from console.core.services.report_sends import DUE_DAY, SENT_ACTION
from console.core.store.models import AuditEntry, ReportSend

NOTES = ("已邮件报送网络部。", "已报送网络部并抄送客户服务中心。", "已按模板报送，纸质版已签字存档。")


def generate_report_sends(ctx: DemoContext, world: World) -> None:
    """The previous month's report marked sent for every region, once its due day has passed."""
    rng, zone = ctx.rng, ctx.calendar.zone
    today = ctx.now.astimezone(zone).date()
    if today.day <= DUE_DAY:
        return
    month = previous_month(today)
    days = [d for d in (today.replace(day=k) for k in range(1, DUE_DAY + 1)) if ctx.calendar.is_working_day(d)]
    for region_id in world.regions.values():
        day = rng.choice(days or [today.replace(day=DUE_DAY)])  # (a working day: the calendar's holidays and make-up days)
        sent_at = datetime.combine(day, time(9 + rng.randrange(3), rng.randrange(60)), zone).astimezone(UTC)
        supervisor, note = world.supervisor_by_region[region_id], rng.choice(NOTES)
        sent_id = ctx.add(ReportSend, region_id=region_id, month=month, sent_at=sent_at, sent_by=supervisor, note=note,
                          updated_at=sent_at)
        ctx.add(AuditEntry, at=sent_at, user_id=supervisor, desk_id="demo", action=SENT_ACTION, entity="report_send",
                entity_id=sent_id, order_id=None, before=None,
                after={"region_id": region_id.hex, "month": month.isoformat(), "note": note}, reason="", prev_hash="", hash="")
