"""Technicians' positions from the field app (`POST /field/position`).
(No `from __future__ import annotations`: FastAPI reads the annotations.)"""

from fastapi import APIRouter, HTTPException, status

from central import feed
from central.dependencies import CentreDep, CurrentUser, SessionDep, technician_of
from central.schemas import PositionIn, PositionOut
from console.core.domain.enums import Role
from console.core.services.positions import PositionError, Positions

router = APIRouter()


@router.post("/field/position", responses={
    403: {"description": "not a technician's account (a desk's token), or the technician is inactive"},
    409: {"description": "a later position of this technician is already known"},
    429: {"description": "more than one report per 5 s: Retry-After says when the next is taken"},
})
def field_position(body: PositionIn, user: CurrentUser, s: SessionDep, centre: CentreDep) -> PositionOut:
    """Where the technician of this account is: `{"latitude": 31.23, "longitude": 121.47,
    "at": "2026-11-22T10:00:00+08:00", "accuracy_m": 12, "speed_kmh": 30}` (`at`: when the phone took
    the fix, with a time zone; `accuracy_m` and `speed_kmh` optional).

    Answers `{"accepted": true, "last_seen_at": ..., "next_report_after_s": 5}`: `last_seen_at` is
    the report's own time (a phone that buffered out of coverage sends an earlier one), never later
    than the centre's clock (a phone up to 2 minutes ahead is taken as now). The position is the
    technician's for only the account's own technician; it reaches the desks of their region
    within 5 s (gathered with the other positions: `central.gather`).

    Refusals, nothing written: 403 for a desk's account; 422 naming the field for a position
    outside -90..90 / -180..180 or the service area, a time with no zone, more than 2 minutes ahead
    or over an hour old, a fix coarser than 1000 m, or a jump from the last position that would
    need over 200 km/h (the answer says how far, how long, how fast); 409 when a later position is
    already known; 429 with `Retry-After` (seconds) for a second report within 5 s: the app drops
    that point (the next supersedes it) rather than queueing it.
    """
    if user.role is not Role.TECHNICIAN:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "positions come from a technician's account")
    reports = Positions(centre.database, technician_of(s, user), centre.clock)
    try:
        with feed.quietly():  # desks get positions gathered, a few seconds late at most (central.gather)
            accepted = reports.report(body.latitude, body.longitude, body.at, body.accuracy_m)
    except PositionError as refused:
        headers = {"Retry-After": str(refused.retry_after)} if refused.retry_after is not None else None
        raise HTTPException(refused.status, str(refused), headers) from refused
    return PositionOut(accepted=True, last_seen_at=accepted.last_seen_at, next_report_after_s=accepted.next_report_after_s)
