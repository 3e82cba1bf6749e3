"""The demo's satisfaction callbacks (回访): one per dissatisfied answer, as a desk would have worked
them by now: most called back, remedied and closed by the supervisor, the newest still open, one
or two past their due time with nobody reached, a few remedied and waiting for the supervisor."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any

from console.core.demo.context import DemoContext, World
from console.core.domain.callbacks import DEFAULT_DUE_HOURS, CallbackOutcome, CallbackState
from console.core.domain.enums import FieldEventKind, SatisfactionRating
from console.core.store.models import AuditEntry, Callback, FieldEvent, WorkOrder, callback_id_for

COMPLAINTS = (
    "工程师迟到两个小时，事先没有电话通知。",
    "装机后网速达不到合同带宽，晚上经常掉线。",
    "施工后机房没有清理，线缆随意摆放。",
    "预约改了三次，耽误了我们上线。",
    "测试报告没有当场给我们签字确认。",
)
REMEDIES = (
    "已约谈工程师并纳入月度考核；向客户致歉。",
    "复测带宽并更换光猫，客户确认速率恢复正常。",
    "安排班组上门清理机房并整理线缆。",
    "预约改为值班长专人跟进，客户认可。",
    "补签测试报告，补发交付材料。",
)


def generate_callbacks(ctx: DemoContext, world: World) -> None:
    """The callbacks of the generated dissatisfied answers, with their audit rows."""
    region_of = {o["id"]: o["region_id"] for o in ctx.rows[WorkOrder]}
    answers = sorted((e for e in ctx.rows[FieldEvent] if e["kind"] is FieldEventKind.SATISFACTION
                      and e["rating"] is SatisfactionRating.DISSATISFIED), key=lambda e: e["received_at"], reverse=True)
    overdue_left = 2
    for rank, answer in enumerate(answers):
        region = region_of[answer["order_id"]]
        due = answer["received_at"] + timedelta(hours=DEFAULT_DUE_HOURS)
        task = ctx.add_row(Callback, {
            "id": callback_id_for(answer["id"]), "field_event_id": answer["id"], "order_id": answer["order_id"], "due_at": due,
            "state": CallbackState.OPEN, "caller_id": None, "attempts": 0, "called_at": None, "called_by": None, "outcome": None,
            "call_note": "", "remedy": "", "remedy_at": None, "remedy_by": None, "closed_at": None, "closed_by": None,
            "closing_note": "", "updated_at": ctx.now})
        caller = ctx.rng.choice(world.dispatchers_by_region[region])
        if due <= ctx.now and overdue_left:  # nobody reached yet, past due: the supervisor's red line
            overdue_left -= 1
            _call(ctx, task, caller, answer["received_at"] + timedelta(hours=ctx.rng.uniform(2, 6)), CallbackOutcome.NOT_REACHED, "")
            continue
        if rank < 2 and due > ctx.now:  # the newest: taken, not called yet
            task["caller_id"] = caller
            continue
        called = answer["received_at"] + timedelta(hours=ctx.rng.uniform(1, 20))
        if called >= ctx.now:
            continue
        pick = ctx.rng.randrange(len(COMPLAINTS))
        _call(ctx, task, caller, called, CallbackOutcome.REACHED, COMPLAINTS[pick])
        remedied = called + timedelta(hours=ctx.rng.uniform(1, 24))
        if remedied >= ctx.now:
            continue
        _set(ctx, task, caller, remedied, "callback.remedy", remedy=REMEDIES[pick], remedy_at=remedied, remedy_by=caller)
        closed = remedied + timedelta(hours=ctx.rng.uniform(4, 72))
        if closed >= ctx.now or rank < 5:  # a few remedied, waiting for the supervisor
            continue
        supervisor = world.supervisor_by_region[region]
        _set(ctx, task, supervisor, closed, "callback.closed", state=CallbackState.CLOSED, closed_at=closed,
             closed_by=supervisor, closing_note="整改已落实，客户认可。")


def _call(ctx: DemoContext, task: dict[str, Any], caller: Any, at: datetime, outcome: CallbackOutcome, note: str) -> None:
    state = CallbackState.OPEN if outcome is CallbackOutcome.NOT_REACHED else CallbackState.CALLED
    _set(ctx, task, caller, at, "callback.called", caller_id=caller, attempts=task["attempts"] + 1, called_at=at, called_by=caller,
         outcome=outcome, call_note=note, state=state)


def _set(ctx: DemoContext, task: dict[str, Any], user: Any, at: datetime, action: str, **values: Any) -> None:
    task.update(values)
    task["version"] = task.get("version", 1) + 1
    after = {k: v.hex if isinstance(v, uuid.UUID) else v.isoformat() if isinstance(v, datetime) else v
             for k, v in values.items()}
    ctx.add(AuditEntry, at=at, user_id=user, desk_id="demo", action=action, entity="callback", entity_id=task["id"],
            order_id=task["order_id"], before=None, after=after, reason="", prev_hash="", hash="")
