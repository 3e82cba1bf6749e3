"""A push's order actions run together: a desk's backlog of a hundred assignments is locked, checked,
written and chained into the audit log once, each action still answered as if it had run alone.

A run is consecutive actions on orders (assign, pause, resume, approve a pause, priority) of which
no two name the same order, so that none of them reads what another one of the run writes. For
the run, at once: the region of every id its actions name, the rows they say they saw (locked),
the desk's refusals they were made on top of, the orders and their open pauses (locked), the
technicians; then each action runs through the same service method under its own operation id,
taking its orders from what was read (`OrderActions` with `Held`), with nothing flushed between;
then one flush, the audit rows held for the commit's chain in the actions' order, and one region
check of everything written.

A refusal by the rules (the order closed, changed since it was seen) writes nothing and is that
action's answer, as alone. Anything else (a database error, a region check of what was written,
an action that wrote and then was refused) rolls the run's savepoint back and returns None: the
caller runs the actions one at a time (`central.operations.run`), whose answers are then the ones
given, so the two paths cannot answer differently.
"""

from __future__ import annotations

import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import inspect, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import flag_modified
from sqlalchemy.orm.base import NO_VALUE

from central import audit_chain
from central.operations import (
    Prepared,
    Ran,
    Refused,
    as_refused,
    check_region,
    contested,
    outside_region,
    refused_before,
    seen_rows,
    sla_orders,
    tracking,
    verdict,
    with_theirs,
)
from console.core.ids import drawn_from
from console.core.services.calendar import NotAllowed
from console.core.services.orders import Held
from console.core.services.rules_admin import RuleError
from console.core.store.database import SessionDatabase
from console.core.store.models import AuditEntry, SlaPause, Technician, WorkOrder
from console.core.store.rows import DeskUser
from console.core.wire import PUSHABLE

TOGETHER = frozenset({"orders.assign", "orders.pause", "orders.resume", "orders.approve_pause", "orders.set_priority"})
MAX_RUN = 200  # actions run together


class _Alone(Exception):
    """This run's actions must run one at a time."""


def run_end(prepared: list[Prepared | Refused], start: int) -> int:
    """Where the run starting at `start` ends (exclusive): `start + 1` when that action runs alone."""
    if not _fits(prepared[start]):
        return start + 1
    orders = _orders_named(prepared[start])
    end = start + 1
    while end < len(prepared) and end - start < MAX_RUN and _fits(prepared[end]):
        more = _orders_named(prepared[end])
        if orders & more:
            break
        orders |= more
        end += 1
    return end


def _fits(op: Prepared | Refused) -> bool:
    return isinstance(op, Prepared) and op.operation.name in TOGETHER


def _orders_named(op: Prepared) -> set[uuid.UUID]:
    """The orders (and pauses) an action may read or write: those it is given, those whose versions
    it says it saw, and the rows it says it saw."""
    return {*op.args["order_ids"], *op.expected, *(uuid.UUID(hex=row_id) for _table, row_id in op.seen)}


def run_together(s: Session, user: DeskUser, desk_id: str, ops: list[Prepared], at: datetime) -> list[Ran | Refused] | None:
    """Each action's outcome, or None: run them one at a time instead (nothing of this run is left)."""
    outcomes: list[Ran | Refused | None] = [None] * len(ops)
    outside = outside_region(s, user, frozenset().union(*(op.named for op in ops)))
    current = seen_rows(s, user, [key for op in ops for key in op.seen])
    refused = refused_before(s, desk_id, [saw["after"] for op in ops for saw in op.seen.values()])
    for k, op in enumerate(ops):
        outcomes[k] = Refused("region", "that is not in your region") if op.named & outside else contested(op.seen, current, refused)
    live = [k for k, outcome in enumerate(outcomes) if outcome is None]
    held, technicians = _held(s, [ops[k] for k in live])  # (the session holds what it read weakly: kept here)
    try:
        with s.begin_nested():
            with tracking(s) as touched:
                entries: list[AuditEntry] = []
                known = {id(o) for o in (*s.new, *s.dirty)}
                with s.no_autoflush:
                    for k in live:
                        outcomes[k] = _one(s, user, desk_id, ops[k], held, lambda: at, entries, known)
                    audit_chain.hold(s, entries)  # in the actions' order (before the flush would hold them in its own)
                    _same_shape(s.dirty)
            check_region(s, user, touched, frozenset().union(*(ops[k].named for k in live)))
    except DBAPIError as exc:
        as_refused(exc)  # (a deadlock is raised again: the whole push runs again)
        return None
    except (_Alone, Refused, NotAllowed, RuleError, ValueError, TypeError, OverflowError, ArithmeticError, LookupError):
        return None
    return outcomes  # type: ignore[return-value] - every one is set


def _same_shape(objects: Iterable[Any]) -> None:
    """Every changed row of a table updated with the same columns (a column one row's action left as
    it was is written again as it is): one statement for the table's rows, not one per mix of columns."""
    by_class: dict[type, list[Any]] = defaultdict(list)
    for obj in objects:
        by_class[type(obj)].append(obj)
    for rows in by_class.values():
        states = [inspect(row) for row in rows]
        changed = [{key for key, was in state.committed_state.items() if was is NO_VALUE or was != state.dict.get(key, NO_VALUE)}
                   for state in states]
        keys = set().union(*changed)
        for row, state, own in zip(rows, states, changed, strict=True):
            for key in keys - own:
                if key in state.dict:
                    flag_modified(row, key)


def _held(s: Session, ops: list[Prepared]) -> tuple[Held, list[Technician]]:
    """The run's orders and their open pauses, locked (in id order, as `lock_named` did), and its technicians read once."""
    ids = sorted({i for op in ops for i in op.args["order_ids"]})
    orders = {o.id: o for o in s.scalars(select(WorkOrder).where(WorkOrder.id.in_(ids), WorkOrder.deleted.is_(False))
                                         .order_by(WorkOrder.id).with_for_update())}
    pauses = {p.order_id: p for p in s.scalars(select(SlaPause).where(SlaPause.order_id.in_(ids), SlaPause.ended_at.is_(None),
                                                                      SlaPause.deleted.is_(False)))}
    named = {op.args["technician_id"] for op in ops if "technician_id" in op.args}
    technicians = s.scalars(select(Technician).where(Technician.id.in_(named))).all() if named else []  # `get` finds them
    return Held(orders, pauses), list(technicians)


def _one(s: Session, user: DeskUser, desk_id: str, op: Prepared, held: Held, clock: Callable[[], datetime],
         entries: list[AuditEntry], known: set[int]) -> Ran | Refused:
    """One action of the run, through its service method; what it wrote told apart by the session's
    new and changed objects not `known` from the actions before it (kept up to date here)."""
    with drawn_from(op.id):  # its new rows get the ids the desk gave them
        service = op.operation.service(SessionDatabase(s, savepoints=False, flushes=False), user, clock, desk_id, held=held)
        if op.expected:
            service = service.seen(op.expected)
        result = op.operation.method(service, **op.args)
    made = [o for o in s.new if id(o) not in known]
    changed = [o for o in s.dirty if id(o) not in known]
    known.update(id(o) for o in (*made, *changed))
    try:
        partly = verdict(result)
    except Refused as refused:
        if made or changed:
            raise _Alone from None  # (no action of these writes before it refuses; if one did, alone it is)
        if refused.code == "changed" and op.expected:
            with_theirs(s, refused, op.expected)
        return refused
    entries.extend(sorted((o for o in made if isinstance(o, AuditEntry)), key=audit_chain.flush_order))  # as its own flush would
    written = [o for o in (*made, *changed) if o.__table__.name in PUSHABLE]
    return Ran(sorted({(o.__table__.name, o.id.hex) for o in written}), sla_orders(made, changed), False, partly)
