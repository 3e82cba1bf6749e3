"""GET /health: the service answers and its database's schema revision (no token needed).
(No `from __future__ import annotations`: FastAPI reads the annotations.)"""

from fastapi import APIRouter

import db
from central.dependencies import SessionDep
from central.schemas import Health

router = APIRouter()


@router.get("/health")
def health(s: SessionDep) -> Health:
    return Health(status="ok", schema_revision=db.current_revision(s.connection()))
