"""The technician's work list (`GET /field/visits`): the open orders assigned to the caller's own
technician, with the site to drive to, the booked window and each order's version (what the app
sends back in `If-Match` with its reports). (No `from __future__ import annotations`: FastAPI reads
the annotations.)"""

from fastapi import APIRouter, HTTPException, Response, status
from pydantic import TypeAdapter

from central.dependencies import CurrentUser, SessionDep, technician_of
from console.core.domain.enums import Role
from console.core.services.work_list import Visit, work_list

router = APIRouter()
VISITS = TypeAdapter(list[Visit])  # writes the service's rows as they are (not validated again, row by row, as an answer)


@router.get("/field/visits", response_model=list[Visit], responses={403: {"description": "not a technician's account"}})
def my_visits(user: CurrentUser, s: SessionDep) -> Response:
    """The caller's reportable orders (dispatched, accepted, in progress, waiting for the signature):
    booked visits first by their planned start (window and planned start None when no visit is
    booked), then the rest by due time. Only the account's own technician's orders, at most 200."""
    if user.role is not Role.TECHNICIAN:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "the work list is a technician's own")
    technician_id = technician_of(s, user)
    visits = work_list(s, technician_id) if technician_id is not None else []
    return Response(VISITS.dump_json(visits), media_type="application/json")
