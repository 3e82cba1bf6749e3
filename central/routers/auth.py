"""Logging in (a bearer token for a shift, failed attempts limited per user name and per address)
and out. (No `from __future__ import annotations`: FastAPI reads the annotations.)"""

from datetime import timedelta

from fastapi import APIRouter, HTTPException, Request, status
from sqlalchemy import func, select

from central.dependencies import CentreDep, Clock, Credentials, CurrentUser, SessionDep
from central.schemas import LoggedIn, Login
from central.security import new_token, password_matches, token_hash
from console.core.store.models import ApiToken, LoginAttempt, Region, User

router = APIRouter()


@router.post("/auth/login")
def login(body: Login, request: Request, s: SessionDep, centre: CentreDep) -> LoggedIn:
    config, now = centre.config, centre.clock
    address = request.client.host if request.client else ""
    if s.get_bind().dialect.name == "postgresql":
        # One login per user name at a time: parallel guesses cannot all pass the count below.
        s.execute(select(func.pg_advisory_xact_lock(func.hashtext(body.username))))
    since = now() - timedelta(minutes=config.failure_window_minutes)
    failures = select(func.count()).select_from(LoginAttempt).where(LoginAttempt.succeeded.is_(False), LoginAttempt.at > since)
    if (s.scalar(failures.where(LoginAttempt.username == body.username)) >= config.failures_per_user
            or s.scalar(failures.where(LoginAttempt.address == address)) >= config.failures_per_address):
        raise HTTPException(status.HTTP_429_TOO_MANY_REQUESTS,
                            f"too many failed logins: try again in {config.failure_window_minutes} minutes")
    user = s.scalars(select(User).where(User.username == body.username, User.active.is_(True), User.deleted.is_(False))).first()
    ok = password_matches(user.password_hash if user else None, body.password)
    s.add(LoginAttempt(username=body.username, address=address, at=now(), succeeded=ok))
    if not ok:
        s.commit()
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, "wrong user name or password")
    token, digest = new_token()
    expires = now() + timedelta(minutes=config.token_minutes)
    s.add(ApiToken(token_hash=digest, user_id=user.id, issued_at=now(), expires_at=expires, client_address=address))
    region = s.get(Region, user.region_id) if user.region_id else None
    s.commit()
    return LoggedIn(token=token, expires_at=expires, username=user.username, display_name=user.display_name,
                    role=user.role, region=region.code if region else None)


@router.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
def logout(credentials: Credentials, _user: CurrentUser, s: SessionDep, now: Clock) -> None:
    token = s.scalars(select(ApiToken).where(ApiToken.token_hash == token_hash(credentials.credentials))).one()
    token.revoked_at = now()
    s.commit()
