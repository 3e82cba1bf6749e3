"""Undoing the last order action: a new action (audited and synced as any other) that puts back what
the last one changed, where the rules allow it and nothing changed the orders since.

What the queue's rows said before the action and which orders the action changed make the undo:
- an assignment: each order back to the technician it had (the same action, to them), or taken
  back from its technician when it had none (`orders.unassign`: only while it waits to be
  accepted);
- a pause: the clock resumed;
- a resumption: the clock paused again, for the reason and note of the pause just ended;
- a priority: each order's priority as it was.
A supervisor's approval of a long pause is not undone here. Each step is made on the versions the
action left (one up from those the dispatcher saw): an order changed since (a pull, another
desk) is refused as changed elsewhere, and the others are undone.
"""

from __future__ import annotations

import operator
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import reduce

from sqlalchemy import select

from console.core.changes import Changes
from console.core.services.orders import OrderActions, Outcome
from console.core.store.database import Database
from console.core.store.models import SlaPause
from console.core.store.rows import QueueRow


class Undoable(StrEnum):
    ASSIGN = "assign"
    PAUSE = "pause"
    RESUME = "resume"
    PRIORITY = "priority"


@dataclass(frozen=True)
class Undo:
    """The undo of one action: what it was (for the menu's text) and how many orders it puts back."""

    action: Undoable
    before: tuple[QueueRow, ...]  # the changed orders' rows as they were before the action

    @property
    def orders(self) -> int:
        return len(self.before)


def undo_of(action: Undoable, rows: Iterable[QueueRow], outcome: Outcome) -> Undo | None:
    """The undo of an action over `rows` (as the dispatcher saw them) that ended in `outcome`; None
    when it changed nothing."""
    changed = outcome.changes.orders
    before = tuple(r for r in rows if r.id in changed)
    return Undo(action, before) if before else None


def run_undo(undo: Undo, actions: OrderActions, database: Database) -> Outcome:
    """Put back what the action changed (in a worker: it reads and writes the desk's file)."""
    actions = actions.seen({r.id: r.version + 1 for r in undo.before})
    steps: list[Outcome] = []
    if undo.action is Undoable.ASSIGN:
        for technician, ids in _grouped(undo.before, lambda r: r.assignee_id).items():
            steps.append(actions.unassign(ids) if technician is None else actions.assign(ids, technician))
    elif undo.action is Undoable.PAUSE:
        steps.append(actions.resume([r.id for r in undo.before]))
    elif undo.action is Undoable.RESUME:
        for (reason, note), ids in _last_pauses(database, [r.id for r in undo.before]).items():
            steps.append(actions.pause(ids, reason, note))
    else:
        for priority, ids in _grouped(undo.before, lambda r: r.priority).items():
            steps.append(actions.set_priority(ids, priority))
    return Outcome(reduce(operator.or_, (s.changes for s in steps), Changes()), {k: v for s in steps for k, v in s.refused.items()})


def _grouped(rows: Iterable[QueueRow], key) -> dict:
    groups: dict = defaultdict(list)
    for row in rows:
        groups[key(row)].append(row.id)
    return groups


def _last_pauses(database: Database, order_ids: list[uuid.UUID]) -> dict[tuple, list[uuid.UUID]]:
    """The orders by the (reason, note) of their last ended pause (the one the resumption ended)."""
    last: dict[uuid.UUID, SlaPause] = {}
    with database.reading() as s:
        for pause in s.scalars(select(SlaPause).where(SlaPause.order_id.in_(order_ids), SlaPause.ended_at.is_not(None),
                                                      SlaPause.deleted.is_(False)).order_by(SlaPause.ended_at)):
            last[pause.order_id] = pause
        groups: dict[tuple, list[uuid.UUID]] = defaultdict(list)
        for order_id, pause in last.items():
            groups[(pause.reason, pause.note)].append(order_id)
    return groups
