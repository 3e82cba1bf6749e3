"""What the centre's endpoints are given (FastAPI dependencies), and how the rules' refusals are answered.
(No `from __future__ import annotations`: FastAPI reads the annotations.)

Every endpoint but /health and /auth/login needs a bearer token (`CurrentUser`, or `TokenUser`
for a long poll). Roles and regions are checked by the service, whatever a desk's UI shows or
hides. The per-app state (`central.state.Centre`) lives on `app.state.centre`.
"""

import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Header, HTTPException, Request, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import bindparam, select
from sqlalchemy.orm import Session
from starlette.concurrency import run_in_threadpool

from central.security import token_hash
from central.state import Centre
from console.core.domain.appointments import AppointmentRefusal
from console.core.domain.booking_rules import Finding, Override, verdict
from console.core.domain.enums import Role
from console.core.domain.lifecycle import Refusal
from console.core.services.appointments import Booking
from console.core.services.calendar import NotAllowed
from console.core.services.field import FieldError
from console.core.store.models import ApiToken, Region, User
from console.core.store.rows import DeskUser

bearer = HTTPBearer(auto_error=False)
Credentials = Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]
DESK_ROLES = frozenset({Role.DISPATCHER, Role.SUPERVISOR, Role.ADMIN})


def is_desk_account(user: DeskUser) -> bool:
    """A dispatcher's, supervisor's or administrator's account (not a technician's)."""
    return user.role in DESK_ROLES


# --- the centre, its database and its clock ---------------------------------------------------------

async def centre(request: Request) -> Centre:
    return request.app.state.centre


CentreDep = Annotated[Centre, Depends(centre)]


def session(request: Request) -> Iterator[Session]:
    with request.app.state.centre.database.sessions() as s:
        yield s


SessionDep = Annotated[Session, Depends(session)]


async def now(request: Request) -> Callable[[], datetime]:
    """The centre's clock (called as it goes, as the services do)."""
    return request.app.state.centre.clock


Clock = Annotated[Callable[[], datetime], Depends(now)]


# --- the caller -------------------------------------------------------------------------------------

def current_user(credentials: Credentials, s: SessionDep, clock: Clock) -> DeskUser:
    return user_of(credentials, s, clock())


async def token_user(credentials: Credentials, the_centre: CentreDep) -> DeskUser:
    """The caller, as this process checked its token before (`central.tokens`), or looked up in a
    session closed at once: a long poll holds no database connection while it waits."""
    if credentials is None:
        raise _no_token()
    digest, at = token_hash(credentials.credentials), the_centre.clock()
    known = the_centre.tokens.get(digest, at)
    if known is not None:
        return known
    generation = the_centre.tokens.generation
    user, expires_at = await run_in_threadpool(_look_up, the_centre, digest, at)
    the_centre.tokens.put(digest, user, expires_at, generation)
    return user


def _look_up(the_centre: Centre, digest: str, at: datetime) -> tuple[DeskUser, datetime]:
    with the_centre.database.sessions() as s:
        return _account(s, digest, at)


CurrentUser = Annotated[DeskUser, Depends(current_user)]
TokenUser = Annotated[DeskUser, Depends(token_user)]


# The caller's account by its token's hash, valid at :at: built once (its cache key made once, not per
# request) and read as columns, not a User object (every request but /health and login runs it).
_USER_OF = (
    select(User.id, User.username, User.display_name, User.role, User.region_id, Region.name, Region.name_en, ApiToken.expires_at)
    .join(ApiToken, ApiToken.user_id == User.id)
    .outerjoin(Region, Region.id == User.region_id)
    .where(ApiToken.token_hash == bindparam("token_hash"), ApiToken.revoked_at.is_(None), ApiToken.expires_at > bindparam("at"),
           User.active.is_(True), User.deleted.is_(False))
)


def user_of(credentials: HTTPAuthorizationCredentials | None, s: Session, at: datetime) -> DeskUser:
    """The user of a bearer token that is known, unexpired and unrevoked at `at`, or a 401."""
    if credentials is None:
        raise _no_token()
    return _account(s, token_hash(credentials.credentials), at)[0]


def _account(s: Session, digest: str, at: datetime) -> tuple[DeskUser, datetime]:
    """The account of a token's hash, and when the token expires; a 401 when it is not valid at `at`."""
    row = s.connection().execute(_USER_OF, {"token_hash": digest, "at": at}).first()
    if row is None:
        raise _unknown_token()
    return DeskUser(*row[:-1]), row[-1]  # (selected in DeskUser's order, then the token's expiry)


def _no_token() -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, "log in first: this needs a bearer token", {"WWW-Authenticate": "Bearer"})


def _unknown_token() -> HTTPException:
    return HTTPException(status.HTTP_401_UNAUTHORIZED, "the token is unknown, expired or revoked: log in again",
                         {"WWW-Authenticate": "Bearer"})


# --- If-Match ---------------------------------------------------------------------------------------

@dataclass(frozen=True)
class IfMatch:
    """`If-Match: <version>` (the row version the client saw), optional. Read with `version()` where
    the endpoint has checked the caller and the row first: those answers come before a 422 for it."""

    header: str | None

    def version(self) -> int | None:
        if self.header is None:
            return None
        try:
            return int(self.header.strip().strip('"'))
        except ValueError as exc:
            raise HTTPException(422, "If-Match must be the order's version number, e.g. If-Match: 3") from exc


async def expected_version(if_match: Annotated[str | None, Header()] = None) -> IfMatch:
    return IfMatch(if_match)


ExpectedVersion = Annotated[IfMatch, Depends(expected_version)]


# --- the rules' refusals as HTTP answers ------------------------------------------------------------

# The services' errors, the first kind that matches (a FieldError carries its own status).
_ERROR_STATUS: dict[type[Exception], int] = {NotAllowed: status.HTTP_403_FORBIDDEN, ValueError: 422}  # IntakeError, RuleError

# An order's lifecycle refusing a change (approving a pause): any other refusal is a 409.
_LIFECYCLE_STATUS = {Refusal.NOT_SUPERVISOR: status.HTTP_403_FORBIDDEN, Refusal.NOT_FOUND: status.HTTP_404_NOT_FOUND}
_PAUSE_MESSAGES = {
    Refusal.NOT_SUPERVISOR: "only a shift supervisor may approve a long pause",
    Refusal.CHANGED_ELSEWHERE: "the order was changed since the version you saw: reload it",
    Refusal.NOT_PAUSED: "the order's clock is not paused",
    Refusal.ALREADY_APPROVED: "the pause is already approved",
}

# The appointment book's refusals ({detail}: the order number it is about).
_APPOINTMENT_MESSAGES = {
    AppointmentRefusal.NOT_FOUND: (404, "no such appointment"),
    AppointmentRefusal.NOT_OPEN: (409, "the appointment is already kept, missed or cancelled"),
    AppointmentRefusal.ALREADY_CONFIRMED: (409, "the appointment is already confirmed"),
    AppointmentRefusal.NOT_CONFIRMED: (409, "the customer has not confirmed the appointment yet"),
    AppointmentRefusal.NOT_THE_DAY: (409, "the technician reconfirms on the day of the visit"),
    AppointmentRefusal.NO_REASON: (422, "a reschedule needs a reason from the list"),
    AppointmentRefusal.NO_REASON_TEXT: (422, "write the reason"),
    AppointmentRefusal.REASON_TOO_LONG: (422, "the reason is longer than 500 characters"),
    AppointmentRefusal.BAD_WINDOW: (422, "the window must have a time zone and last between 30 minutes and 12 hours"),
    AppointmentRefusal.WINDOW_IN_PAST: (422, "the window is already over"),
    AppointmentRefusal.SAME_WINDOW: (422, "that is the window it already has"),
    AppointmentRefusal.DIFFERENT_SITES: (422, "only visits to the same site can be merged"),
    AppointmentRefusal.SAME_APPOINTMENT: (422, "choose two different appointments"),
    AppointmentRefusal.NO_ORDERS: (422, "name the open orders the visit is for"),
    AppointmentRefusal.ALREADY_BOOKED: (409, "order {detail} already has an open appointment"),
    AppointmentRefusal.ORDER_NOT_OPEN: (409, "order {detail} is resolved or closed"),
    AppointmentRefusal.ORDERS_AT_OTHER_SITES: (422, "one visit covers orders of one site only"),
    AppointmentRefusal.LOCKED: (409, "the booking is pinned: unpin it first"),
    AppointmentRefusal.CHANGED_ELSEWHERE: (409, "the appointment was changed since the version you saw: reload it"),
    AppointmentRefusal.UNDER_WAY: (409, "the visit starts now or has started"),
}


def error_status(error: Exception) -> int:
    if isinstance(error, FieldError):
        return error.status
    return next(code for kind, code in _ERROR_STATUS.items() if isinstance(error, kind))


@contextmanager
def refusals_answered(*kinds: type[Exception]) -> Iterator[None]:
    """The services' errors of these kinds become HTTP answers (`error_status`, the error's sentence);
    any other error stays a server error."""
    try:
        yield
    except kinds as exc:
        raise HTTPException(error_status(exc), str(exc)) from exc


def pause_refused(why: Refusal) -> HTTPException:
    """Why a pause was not approved, as an HTTP answer."""
    return HTTPException(_LIFECYCLE_STATUS.get(why, status.HTTP_409_CONFLICT), _PAUSE_MESSAGES.get(why, why.value))


def finding_text(finding: Finding) -> str:
    details = ", ".join(f"{k} {v}" for k, v in finding.details.items() if not isinstance(v, list | tuple) or v)
    return f"{finding.conflict.value}" + (f" ({details})" if details else "")


def booking_refused(booking: Booking, role: Role) -> HTTPException | None:
    """Why a booking call changed nothing, as an HTTP answer (None: it changed what it should): a rule
    the role may not commit over is a 403 naming it, one that needs a reason without one a 422."""
    if booking.refusal is AppointmentRefusal.RULES:
        blocking = verdict(list(booking.findings), role).blocking
        never = [f for f in blocking if f.override is Override.NEVER]
        if never:
            return HTTPException(status.HTTP_409_CONFLICT, "the booking rules refuse it: " + "; ".join(map(finding_text, never)))
        return HTTPException(status.HTTP_403_FORBIDDEN, "only a shift supervisor may commit over: "
                             + "; ".join(map(finding_text, blocking)))
    if booking.refusal in (AppointmentRefusal.NO_REASON_TEXT, AppointmentRefusal.NO_REASON) and booking.findings:
        return HTTPException(422, "give a reason (and a reschedule where the customer's window moves) to commit over: "
                             + "; ".join(finding_text(f) for f in booking.findings if f.override is not Override.NEVER))
    if isinstance(booking.refusal, AppointmentRefusal):
        code, text = _APPOINTMENT_MESSAGES.get(booking.refusal, (409, booking.refusal.value))
        return HTTPException(code, text.replace("{detail}", booking.detail))
    if booking.refusal is not None:  # the order's lifecycle: an inactive technician, an order past assigning
        return HTTPException(status.HTTP_409_CONFLICT, f"not possible: {booking.refusal.value.replace('_', ' ')}"
                             + (f" ({booking.detail})" if booking.detail else ""))
    return None


def technician_of(s: Session, user: DeskUser) -> uuid.UUID | None:
    """The technician a technician's account is for."""
    return s.scalar(select(User.technician_id).where(User.id == user.id))
