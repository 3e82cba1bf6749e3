"""The centre's sync endpoints: push (a desk's outbox, applied by `central.push`), pull (the change
feed, long-polled), snapshot (a new desk's first download) and claims (who has an order open for
editing). (No `from __future__ import annotations`: FastAPI reads the annotations.)"""

import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from central import feed, gather
from central import push as pushes
from central.dependencies import CentreDep, TokenUser, is_desk_account
from central.schemas import DESK_ID, ClaimIn, ClaimOut, PushIn, PushOut
from central.scope import region_of_user
from console.core.store.models import OrderClaim, WorkOrder
from console.core.store.rows import DeskUser

router = APIRouter(prefix="/sync", tags=["sync"])


async def desk_user(user: TokenUser, centre: CentreDep) -> DeskUser:
    """(async: checked on the event loop, not handed to a thread: every pull and push runs it)"""
    if not is_desk_account(user):
        raise HTTPException(status.HTTP_403_FORBIDDEN, "sync is for desk accounts")
    if not centre.on_postgresql:
        raise HTTPException(status.HTTP_503_SERVICE_UNAVAILABLE, "sync needs the centre on PostgreSQL")
    return user


User_ = Annotated[DeskUser, Depends(desk_user)]


@router.post("/push", response_model=PushOut)
def push(body: PushIn, user: User_, centre: CentreDep) -> Response:
    """Apply a desk's outbox entries in order; each answered ok or refused (with the centre's values)."""
    try:
        results = pushes.push(centre.database, user, body.desk_id, body.mutations, centre.clock)
        # written as it is made (not validated again as the response: a hundred actions' rows take longer to check than to run)
        return Response(PushOut(results=results).model_dump_json(), media_type="application/json")
    except pushes.DeskNotYours as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this desk id is registered to another user") from exc
    except pushes.DeskRestored as exc:
        raise HTTPException(status.HTTP_409_CONFLICT, {"code": "desk_restored", "message": (
            "these mutation numbers were used before for other changes: this desk's file was restored "
            "from a backup; register again as a new desk and send what it holds")}) from exc


@router.get("/pull")
async def pull(user: User_, centre: CentreDep, after: str = "0:0", wait: Annotated[float, Query(ge=0, le=30)] = 0.0,
               limit: Annotated[int, Query(ge=1, le=20000)] = 5000) -> Response:
    """The feed after the cursor: {"cursor", "more", "tables": {table: {"columns", "rows"}, "_gone":
    {table: [ids]}}}. With `wait`, an answer with no change someone made in the desk's region waits
    up to that many seconds for one; technicians' positions wait up to 5 s for more, other regions'
    changes (`_gone`) until the wait ends (`central.gather`)."""
    try:
        cursor = feed.Cursor.parse(after)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    try:
        answer = await gather.long_poll(centre.reads, centre.signal, cursor, limit, region_of_user(user), wait)
    except feed.CursorTooOld as exc:
        raise HTTPException(status.HTTP_410_GONE, "this desk has been away longer than the centre keeps its changes: "
                                                  "it downloads the centre's data again") from exc
    return Response(answer, media_type="application/json")


@router.get("/snapshot")
def snapshot(user: User_, centre: CentreDep) -> StreamingResponse:
    """Every replicated row, as NDJSON: a header ({"cursor", "tables": {table: {"columns",
    "count"}}}), pages ({"t", "rows"}) and {"end": true}. Follow the feed from the cursor."""
    return StreamingResponse(feed.snapshot(centre.database.engine, region_of_user(user)), media_type="application/x-ndjson")


def claimable(s: Session, user: DeskUser, order_id: uuid.UUID) -> None:
    order = s.get(WorkOrder, order_id)
    if order is None or (user.region_id is not None and order.region_id != user.region_id):
        raise HTTPException(status.HTTP_404_NOT_FOUND, "no such order in your region")


@router.post("/claims")
def claim(body: ClaimIn, user: User_, centre: CentreDep) -> ClaimOut:
    """This desk has the order open for editing for the next `minutes` (renew to keep it)."""
    at = centre.clock()
    expires = at + timedelta(minutes=body.minutes)
    with centre.database.sessions() as s, s.begin():
        claimable(s, user, body.order_id)
        s.execute(pg_insert(OrderClaim).values(
            id=uuid.uuid4(), version=1, updated_at=at, deleted=False, order_id=body.order_id, desk_id=body.desk_id,
            user_id=user.id, holder=user.display_name, claimed_at=at, expires_at=expires,
        ).on_conflict_do_update(index_elements=["order_id", "desk_id"], set_={
            "user_id": user.id, "holder": user.display_name, "expires_at": expires, "updated_at": at, "deleted": False,
            "claimed_at": text("CASE WHEN order_claims.expires_at > now() THEN order_claims.claimed_at ELSE excluded.claimed_at END"),
            "version": OrderClaim.version + 1,
        }))
    return ClaimOut(order_id=body.order_id, holder=user.display_name, expires_at=expires)


@router.delete("/claims/{desk_id}/{order_id}", status_code=status.HTTP_204_NO_CONTENT)
def release(desk_id: Annotated[str, Path(max_length=64, pattern=DESK_ID)], order_id: uuid.UUID, user: User_,
            centre: CentreDep) -> None:
    """The desk closed the order: its claim ends now."""
    at = centre.clock()
    with centre.database.sessions() as s, s.begin():
        s.execute(update(OrderClaim).where(OrderClaim.order_id == order_id, OrderClaim.desk_id == desk_id,
                                           OrderClaim.user_id == user.id, OrderClaim.expires_at > at)
                  .values(expires_at=at, updated_at=at, version=OrderClaim.version + 1))
