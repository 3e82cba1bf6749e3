"""The centre's HTTP API (FastAPI): health, login, region-scoped orders and appointments, field reports, rules.
(No `from __future__ import annotations` here: FastAPI reads the endpoints' annotations, which
name dependencies local to create_app.)

Every endpoint but /health and /auth/login needs a bearer token. Roles and regions are checked
here, by the service, whatever a desk's UI shows or hides.
"""


import uuid
from collections.abc import Iterator
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException, Request, Response, status
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import create_engine, func, select
from sqlalchemy.orm import Session

import db
from central import audit_chain, outbound
from central.appointments_api import appointment_routes
from central.background import Background
from central.config import CentralConfig
from central.schemas import (
    CalendarDayIn,
    CheckInIn,
    ExceptionIn,
    Health,
    IntakeIn,
    IntakeOut,
    LoggedIn,
    Login,
    OrderOut,
    ReportIn,
    SignatureIn,
    SlaRuleIn,
    SurveyIn,
    Unprocessable,
)
from central.security import new_token, password_matches, token_hash
from central.state import Centre
from central.sync_api import sync_routes
from console.core.domain.enums import OPEN_STATUSES, OrderKind, Role, SlaStage
from console.core.domain.lifecycle import Refusal
from console.core.services.calendar import CalendarAdmin, NotAllowed
from console.core.services.field import FieldError, FieldReports
from console.core.services.intake import IntakeError, OrderIntake, UpstreamOrder
from console.core.services.orders import OrderActions
from console.core.services.rules_admin import RuleError, RulesAdmin
from console.core.store.database import Database
from console.core.store.models import ApiToken, LoginAttempt, Region, User, WorkOrder
from console.core.store.rows import DeskUser

_REFUSAL_STATUS = {Refusal.NOT_SUPERVISOR: status.HTTP_403_FORBIDDEN, Refusal.NOT_FOUND: status.HTTP_404_NOT_FOUND}


def create_app(config: CentralConfig) -> FastAPI:
    engine = create_engine(config.database_url, pool_pre_ping=True)
    database = Database(engine)
    audit_chain.install(database.sessions)
    outbound.install(database.sessions)
    centre = Centre(config, database)

    @asynccontextmanager
    async def lifespan(_app: FastAPI):
        background = Background(centre)
        background.start()
        yield
        background.stop()

    app = FastAPI(title="Dispatch Console central service", version="0.1.0", lifespan=lifespan,
                  responses={422: {"model": Unprocessable, "description": "The request cannot be used: what is wrong with it"}})
    bearer = HTTPBearer(auto_error=False)

    def session() -> Iterator[Session]:
        with database.sessions() as s:
            yield s

    def now() -> datetime:
        return datetime.now(UTC)

    def current_user(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)], s: Annotated[Session, Depends(session)]
    ) -> DeskUser:
        return user_of(credentials, s)

    def token_user(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> DeskUser:
        """The caller, from a session closed at once: a long poll holds no database connection while it waits."""
        with database.sessions() as s:
            return user_of(credentials, s)

    def user_of(credentials: HTTPAuthorizationCredentials | None, s: Session) -> DeskUser:
        if credentials is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "log in first: this needs a bearer token", {"WWW-Authenticate": "Bearer"})
        row = s.execute(
            select(User, Region.name, Region.name_en)
            .join(ApiToken, ApiToken.user_id == User.id)
            .outerjoin(Region, Region.id == User.region_id)
            .where(ApiToken.token_hash == token_hash(credentials.credentials), ApiToken.revoked_at.is_(None),
                   ApiToken.expires_at > now(), User.active.is_(True), User.deleted.is_(False))
        ).first()
        if row is None:
            raise HTTPException(status.HTTP_401_UNAUTHORIZED, "the token is unknown, expired or revoked: log in again",
                                {"WWW-Authenticate": "Bearer"})
        user, region, region_en = row
        return DeskUser(user.id, user.username, user.display_name, user.role, user.region_id, region, region_en)

    @app.get("/health")
    def health(s: Annotated[Session, Depends(session)]) -> Health:
        return Health(status="ok", schema_revision=db.current_revision(s.connection()))

    @app.post("/auth/login")
    def login(body: Login, request: Request, s: Annotated[Session, Depends(session)]) -> LoggedIn:
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

    @app.post("/auth/logout", status_code=status.HTTP_204_NO_CONTENT)
    def logout(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
               _user: Annotated[DeskUser, Depends(current_user)], s: Annotated[Session, Depends(session)]) -> None:
        token = s.scalars(select(ApiToken).where(ApiToken.token_hash == token_hash(credentials.credentials))).one()
        token.revoked_at = now()
        s.commit()

    @app.get("/orders")
    def open_orders(user: Annotated[DeskUser, Depends(current_user)], s: Annotated[Session, Depends(session)],
                    limit: int = 500, offset: int = 0) -> list[OrderOut]:
        if not 1 <= limit <= 5000 or offset < 0:
            raise HTTPException(422, "limit must be 1 to 5,000 and offset not negative")
        # the columns the answer needs, not whole ORM rows: a region's queue is hundreds of orders
        stmt = (select(WorkOrder.id, WorkOrder.number, WorkOrder.kind, WorkOrder.status, WorkOrder.priority, WorkOrder.due_at,
                       WorkOrder.paused_since)
                .where(WorkOrder.status.in_(OPEN_STATUSES), WorkOrder.deleted.is_(False)))
        if user.role is not Role.ADMIN:
            stmt = stmt.where(WorkOrder.region_id == user.region_id)  # a region's desk sees its region
        rows = s.execute(stmt.order_by(WorkOrder.due_at, WorkOrder.number).limit(limit).offset(offset))
        return [OrderOut(id=i, number=number, kind=kind.value, status=state.value, priority=priority, due_at=due,
                         paused=paused is not None) for i, number, kind, state, priority, due, paused in rows]

    @app.post("/intake/orders")
    def intake(body: IntakeIn, response: Response, user: Annotated[DeskUser, Depends(current_user)]) -> IntakeOut:
        """Upstream orders (the order system's account is an administrator): the same upstream_ref
        twice gives the same order back (200), a new one is created (201)."""
        if user.role is not Role.ADMIN:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "only the order system's administrator account may submit orders")
        try:
            taken = OrderIntake(database, user, now, desk_id="intake").take(UpstreamOrder(**body.model_dump()))
        except IntakeError as exc:
            raise HTTPException(422, str(exc)) from exc
        response.status_code = status.HTTP_201_CREATED if taken.created else status.HTTP_200_OK
        return IntakeOut(id=taken.order_id, number=taken.number, created=taken.created)

    def expected_version(if_match: str | None) -> int | None:
        """`If-Match: <version>` (the row version the client saw), optional."""
        if if_match is None:
            return None
        try:
            return int(if_match.strip().strip('"'))
        except ValueError as exc:
            raise HTTPException(422, "If-Match must be the order's version number, e.g. If-Match: 3") from exc

    def field_reports(user: DeskUser, s: Session, if_match: str | None = None) -> FieldReports:
        if user.role is not Role.TECHNICIAN:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "field reports come from a technician's account")
        technician_id = s.scalar(select(User.technician_id).where(User.id == user.id))
        return FieldReports(database, user, technician_id, now, expected_version(if_match))

    def field_call(action):
        try:
            return action()
        except FieldError as exc:
            raise HTTPException(exc.status, str(exc)) from exc

    def aware(at: datetime) -> datetime:
        if at.tzinfo is None:
            raise HTTPException(422, "'at' needs a time zone (e.g. 2026-11-22T10:00:00+08:00)")
        if at.year < 2000 or at.year > 2100:
            raise HTTPException(422, "'at' must be a date between 2000 and 2100")
        return at

    @app.post("/field/orders/{order_id}/check-in")
    def field_check_in(order_id: uuid.UUID, body: CheckInIn, user: Annotated[DeskUser, Depends(current_user)],
                       s: Annotated[Session, Depends(session)], if_match: Annotated[str | None, Header()] = None) -> dict:
        reports = field_reports(user, s, if_match)
        return field_call(lambda: reports.check_in(order_id, body.latitude, body.longitude, aware(body.at)))

    @app.post("/field/orders/{order_id}/exception")
    def field_exception(order_id: uuid.UUID, body: ExceptionIn, user: Annotated[DeskUser, Depends(current_user)],
                        s: Annotated[Session, Depends(session)], if_match: Annotated[str | None, Header()] = None) -> IntakeOut:
        reports = field_reports(user, s, if_match)
        number, new_id = field_call(lambda: reports.report_exception(order_id, body.kind, body.note, aware(body.at)))
        return IntakeOut(id=new_id, number=number, created=True)

    @app.post("/field/orders/{order_id}/test-result", status_code=status.HTTP_204_NO_CONTENT)
    def field_test_result(order_id: uuid.UUID, body: ReportIn, user: Annotated[DeskUser, Depends(current_user)],
                          s: Annotated[Session, Depends(session)], if_match: Annotated[str | None, Header()] = None) -> None:
        reports = field_reports(user, s, if_match)
        field_call(lambda: reports.test_result(order_id, body.results, aware(body.at)))

    @app.post("/field/orders/{order_id}/delivery-report", status_code=status.HTTP_204_NO_CONTENT)
    def field_delivery_report(order_id: uuid.UUID, body: ReportIn, user: Annotated[DeskUser, Depends(current_user)],
                              s: Annotated[Session, Depends(session)], if_match: Annotated[str | None, Header()] = None) -> None:
        reports = field_reports(user, s, if_match)
        field_call(lambda: reports.delivery_report(order_id, body.results, aware(body.at)))

    @app.post("/field/orders/{order_id}/signature", status_code=status.HTTP_204_NO_CONTENT)
    def field_signature(order_id: uuid.UUID, body: SignatureIn, user: Annotated[DeskUser, Depends(current_user)],
                        s: Annotated[Session, Depends(session)], if_match: Annotated[str | None, Header()] = None) -> None:
        reports = field_reports(user, s, if_match)
        field_call(lambda: reports.sign(order_id, body.channel, aware(body.at)))

    def supervisor_call(action):
        try:
            return action()
        except NotAllowed as exc:
            raise HTTPException(status.HTTP_403_FORBIDDEN, str(exc)) from exc
        except (ValueError, RuleError) as exc:
            raise HTTPException(422, str(exc)) from exc

    @app.put("/calendar/days/{day}", status_code=status.HTTP_204_NO_CONTENT)
    def set_calendar_day(day: date, body: CalendarDayIn, user: Annotated[DeskUser, Depends(current_user)]) -> None:
        """A supervisor makes a day a working day or a day off; open deadlines move with it."""
        supervisor_call(lambda: CalendarAdmin(database, user, now, "central").set_day(day, body.is_working, body.note))

    @app.put("/sla-rules/{kind}/{stage}/{grade}", status_code=status.HTTP_204_NO_CONTENT)
    def set_sla_rule(kind: OrderKind, stage: SlaStage, grade: str, body: SlaRuleIn,
                     user: Annotated[DeskUser, Depends(current_user)]) -> None:
        """A supervisor changes one limit; the open orders of that kind are recomputed."""
        supervisor_call(lambda: RulesAdmin(database, user, now, "central").set_limit(kind, stage, grade, body.amount, body.unit, body.reason))

    @app.post("/surveys/{order_id}", status_code=status.HTTP_204_NO_CONTENT)
    def survey(order_id: uuid.UUID, body: SurveyIn, user: Annotated[DeskUser, Depends(current_user)]) -> None:
        """A customer's or account manager's answer, posted by the survey-link system (an administrator account)."""
        if user.role is not Role.ADMIN:
            raise HTTPException(status.HTTP_403_FORBIDDEN, "surveys come from the survey system's account")
        reports = FieldReports(database, user, None, now)
        field_call(lambda: reports.survey(order_id, body.respondent, body.rating, body.comment, aware(body.at)))

    @app.post("/orders/{order_id}/approve-pause")
    def approve_pause(order_id: uuid.UUID, user: Annotated[DeskUser, Depends(current_user)],
                      s: Annotated[Session, Depends(session)], if_match: Annotated[str | None, Header()] = None) -> dict[str, str]:
        order = s.get(WorkOrder, order_id)
        if order is None or (user.role is not Role.ADMIN and order.region_id != user.region_id):
            raise HTTPException(status.HTTP_404_NOT_FOUND, "no such order in your region")
        version = expected_version(if_match)
        expected = {order_id: version} if version is not None else None
        outcome = OrderActions(database, user, now, desk_id="central", expected_versions=expected).approve_pause([order_id])
        if outcome.refused:
            _number, why = outcome.refused[order_id]
            messages = {Refusal.NOT_SUPERVISOR: "only a shift supervisor may approve a long pause",
                        Refusal.CHANGED_ELSEWHERE: "the order was changed since the version you saw: reload it",
                        Refusal.NOT_PAUSED: "the order's clock is not paused",
                        Refusal.ALREADY_APPROVED: "the pause is already approved"}
            raise HTTPException(_REFUSAL_STATUS.get(why, status.HTTP_409_CONFLICT), messages.get(why, why.value))
        return {"status": "approved"}

    app.include_router(appointment_routes(database, current_user, session, now, expected_version))
    app.include_router(sync_routes(database, token_user, now, centre.signal))
    return app
