"""Orders: a region's open orders, a supervisor's approval of a long pause, and the upstream order
system's intake. (No `from __future__ import annotations`: FastAPI reads the annotations.)"""

import uuid
from typing import Annotated

from fastapi import APIRouter, HTTPException, Path, Response, status
from sqlalchemy import Integer, Select, bindparam, select

from central.dependencies import (
    CentreDep,
    CurrentUser,
    ExpectedVersion,
    SessionDep,
    is_desk_account,
    pause_refused,
    refusals_answered,
)
from central.listing import json_list, json_object
from central.schemas import IntakeIn, IntakeOut, OrderOut
from console.core.domain.enums import OPEN_STATUSES, Role
from console.core.services.intake import IntakeError, OrderIntake, UpstreamOrder
from console.core.services.orders import OrderActions
from console.core.store.models import WorkOrder

router = APIRouter()
INTAKE_ROLES = frozenset({Role.INTAKE, Role.ADMIN})
MAX_OFFSET = 10_000_000  # more than any centre's open orders; beyond it PostgreSQL's OFFSET overflows


@router.get("/orders", response_model=list[OrderOut])
def open_orders(user: CurrentUser, s: SessionDep, limit: int = 500, offset: int = 0) -> Response:
    """The open orders of the caller's region (an administrator's: every region's), the soonest due first."""
    if not is_desk_account(user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the open orders are for desk accounts")
    if not 1 <= limit <= 5000 or not 0 <= offset <= MAX_OFFSET:
        raise HTTPException(422, f"limit must be 1 to 5,000 and offset 0 to {MAX_OFFSET:,}")
    return json_list(s, *open_orders_json(user.region_id, limit, offset))


# The open statuses written into the statement, not bound: PostgreSQL then reads a region's page from the
# open orders' own index (ix_work_orders_open_by_region, its predicate proven), however many are closed.
_OPEN = bindparam("open_statuses", sorted(OPEN_STATUSES), expanding=True, literal_execute=True)


def _open_orders(of_region: bool) -> Select[tuple[str]]:
    """Each open order an `OrderOut` written as JSON by the database (central.listing), soonest due
    first: the page chosen first, then written (PostgreSQL would write every open order of the region
    before sorting them); built once with bound parameters (a request's own work is the query)."""
    page = (select(WorkOrder.id, WorkOrder.number, WorkOrder.kind, WorkOrder.status, WorkOrder.priority, WorkOrder.due_at,
                   WorkOrder.paused_since.is_not(None).label("paused"))
            .where(WorkOrder.status.in_(_OPEN), WorkOrder.deleted.is_(False))
            .order_by(WorkOrder.due_at, WorkOrder.number)
            .limit(bindparam("limit", type_=Integer)).offset(bindparam("offset", type_=Integer)))
    if of_region:
        page = page.where(WorkOrder.region_id == bindparam("region_id"))  # a region's desk sees its region
    o = page.subquery("o")
    return select(json_object(**o.c)).order_by(o.c.due_at, o.c.number)  # (in the page's order: no second sort)


_OPEN_ORDERS, _OPEN_ORDERS_OF_REGION = _open_orders(False), _open_orders(True)


def open_orders_json(region_id: uuid.UUID | None, limit: int, offset: int) -> tuple[Select[tuple[str]], dict]:
    """The statement and parameters of a region's open orders (None: every region's)."""
    if region_id is None:
        return _OPEN_ORDERS, {"limit": limit, "offset": offset}
    return _OPEN_ORDERS_OF_REGION, {"region_id": region_id, "limit": limit, "offset": offset}


@router.post("/intake/orders")
def intake(body: IntakeIn, response: Response, user: CurrentUser, centre: CentreDep) -> IntakeOut:
    """Upstream orders, from the order system's account (role intake; an administrator may too): the same
    upstream_ref twice gives the same order back (200), a new one is created (201)."""
    if user.role not in INTAKE_ROLES:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only the order system's intake account may submit orders")
    with refusals_answered(IntakeError):
        taken = OrderIntake(centre.database, user, centre.clock, desk_id="intake").take(UpstreamOrder(**body.model_dump()))
    response.status_code = status.HTTP_201_CREATED if taken.created else status.HTTP_200_OK
    return IntakeOut(id=taken.order_id, number=taken.number, created=taken.created)


@router.get("/intake/orders/{upstream_ref}")
def intake_order(upstream_ref: Annotated[str, Path(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f]+$")], user: CurrentUser,
                 s: SessionDep) -> IntakeOut:
    """An order the order system posted, by its upstream reference (what intake may read back)."""
    if user.role not in INTAKE_ROLES:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "only the order system's intake account reads intake orders")
    found = s.execute(select(WorkOrder.id, WorkOrder.number).where(WorkOrder.upstream_ref == upstream_ref)).first()
    if found is None:
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no order with that upstream reference")
    return IntakeOut(id=found[0], number=found[1], created=False)


@router.post("/orders/{order_id}/approve-pause")
def approve_pause(order_id: uuid.UUID, user: CurrentUser, s: SessionDep, centre: CentreDep,
                  if_match: ExpectedVersion) -> dict[str, str]:
    if not is_desk_account(user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "pauses are approved at a desk")
    order = s.get(WorkOrder, order_id)
    if order is None or (user.region_id is not None and order.region_id != user.region_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such order in your region")
    version = if_match.version()
    expected = {order_id: version} if version is not None else None
    outcome = OrderActions(centre.database, user, centre.clock, desk_id="central", expected_versions=expected).approve_pause([order_id])
    if outcome.refused:
        _number, why = outcome.refused[order_id]
        raise pause_refused(why)
    return {"status": "approved"}
