"""The centre's sync endpoints: push (a desk's outbox, applied by `central.push`), pull (the change
feed, long-polled), snapshot (a new desk's first download) and claims (who has an order open for
editing). (No `from __future__ import annotations`: FastAPI reads the annotations.)"""

import asyncio
import json
import uuid
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Path, Query, status
from fastapi.responses import Response, StreamingResponse
from sqlalchemy import text, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.orm import Session

from central import feed
from central import push as pushes
from central.dependencies import CentreDep, TokenUser, is_desk_account
from central.schemas import DESK_ID, ClaimIn, ClaimOut, PushIn, PushOut
from central.scope import region_of_user
from console.core.store.models import OrderClaim, WorkOrder
from console.core.store.rows import DeskUser

router = APIRouter(prefix="/sync", tags=["sync"])


def desk_user(user: TokenUser, centre: CentreDep) -> DeskUser:
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
    """The feed after the cursor: {"cursor", "more", "tables": {table: {"columns", "rows"}}}. With
    `wait`, an empty answer waits up to that many seconds for a change."""
    try:
        cursor = feed.Cursor.parse(after)
    except ValueError as exc:
        raise HTTPException(422, str(exc)) from exc
    signal = centre.signal
    loop = asyncio.get_running_loop()
    deadline = loop.time() + wait
    hot_until = 0.0  # after a wake that found nothing yet (an older transaction still open), look again soon
    held = _HeldGone()  # other regions' changes only: told together, a little later
    while True:
        try:
            new, count, tables = await centre.reads.read(cursor, limit, region_of_user(user))
        except feed.CursorTooOld as exc:
            raise HTTPException(status.HTTP_410_GONE, "this desk has been away longer than the centre keeps its changes: "
                                                      "it downloads the centre's data again") from exc
        now = loop.time()
        remaining = deadline - now
        if count and remaining > 0 and count < limit and held.takes(tables, now):
            cursor = new
            if await signal.wait(min(remaining, held.left(loop.time()), 10.0 if signal.listening else 1.0)):
                hot_until = loop.time() + 2.0  # (as below: the change that woke it may be behind an older transaction)
            continue
        if held.ids and (count or remaining <= 0 or held.left(now) <= 0):  # (rows after them: read again by the next pull)
            return Response(f'{{"cursor":"{cursor}","more":false,"tables":{held.json()}}}', media_type="application/json")
        if count or remaining <= 0:
            more = "true" if count >= limit else "false"
            return Response(f'{{"cursor":"{new}","more":{more},"tables":{tables or "{}"}}}', media_type="application/json")
        if loop.time() < hot_until:
            await asyncio.sleep(min(0.02, remaining))
        elif await signal.wait(min(remaining, 10.0 if signal.listening else 1.0)):
            hot_until = loop.time() + 2.0


class _HeldGone:
    """A desk of one region is told of every changed row it may not hold (under "_gone": a row may
    have just left its region). When that is all a read found (another region's change), the long
    poll does not answer at once but goes on waiting, gathering such ids until its own region's
    rows come or its wait ends: a province's desks are then woken by their own region's changes, not
    by every region's. (Held for 2 s at most, the 200 desks of bench/province.py still answered 100
    times a second between them; an order moved to another region now leaves its old region's
    desks with their next change or within a long poll, 20 s.)"""

    HOLD = 30.0  # (the longest wait a poll may ask for)

    def __init__(self) -> None:
        self.ids: dict[str, dict[str, None]] = {}
        self._since = 0.0

    def takes(self, tables: str | None, now: float) -> bool:
        """Whether this read held only other regions' ids, now gathered (while the hold lasts)."""
        gone = feed.gone_only(tables)
        if gone is None or (self.ids and self.left(now) <= 0):
            return False
        for table, ids in gone.items():
            self.ids.setdefault(table, {}).update(dict.fromkeys(ids))
        self._since = self._since or now
        return True

    def left(self, now: float) -> float:
        return self.HOLD - (now - self._since) if self.ids else self.HOLD

    def json(self) -> str:
        return json.dumps({"_gone": {table: list(ids) for table, ids in self.ids.items()}})


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
