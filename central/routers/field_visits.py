"""The technician's work list (`GET /field/visits`): the open orders assigned to the caller's own
technician, with the site to drive to, the booked window and each order's version (what the app
sends back in `If-Match` with its reports). (No `from __future__ import annotations`: FastAPI reads
the annotations.)"""

import uuid
from dataclasses import asdict
from datetime import datetime

from fastapi import APIRouter, HTTPException, status
from pydantic import BaseModel

from central.dependencies import CurrentUser, SessionDep, technician_of
from console.core.domain.enums import Role
from console.core.services.work_list import work_list

router = APIRouter()


class VisitOut(BaseModel):
    order_id: uuid.UUID
    number: str
    kind: str
    status: str
    version: int
    address: str
    latitude: float | None
    longitude: float | None
    due_at: datetime | None
    received_at: datetime | None
    window_start: datetime | None
    window_end: datetime | None
    planned_start: datetime | None
    duration_minutes: int | None


@router.get("/field/visits", responses={403: {"description": "not a technician's account"}})
def my_visits(user: CurrentUser, s: SessionDep) -> list[VisitOut]:
    """The caller's reportable orders (dispatched, accepted, in progress, waiting for the signature):
    booked visits first by their planned start (window and planned start None when no visit is
    booked), then the rest by due time. Only the account's own technician's orders, at most 200."""
    if user.role is not Role.TECHNICIAN:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the work list is a technician's own")
    technician_id = technician_of(s, user)
    if technician_id is None:
        return []
    return [VisitOut(**asdict(visit)) for visit in work_list(s, technician_id)]
