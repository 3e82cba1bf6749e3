"""The field: a technician's check-in, exceptions, test and delivery reports and the customer's
signature, from the technician's own account; and the survey system's answers.
(No `from __future__ import annotations`: FastAPI reads the annotations.)"""

import uuid
from datetime import datetime

from fastapi import APIRouter, HTTPException, status
from sqlalchemy.orm import Session

from central.dependencies import CentreDep, CurrentUser, ExpectedVersion, IfMatch, SessionDep, refusals_answered, technician_of
from central.schemas import CheckInIn, ExceptionIn, IntakeOut, ReportIn, SignatureIn, SurveyIn
from central.state import Centre
from console.core.domain.enums import Role
from console.core.domain.lifecycle import Refusal
from console.core.services.field import FieldError, FieldReports
from console.core.services.lifecycle_actions import LifecycleActions
from console.core.store.models import WorkOrder
from console.core.store.rows import DeskUser

router = APIRouter()


def field_reports(centre: Centre, user: DeskUser, s: Session, if_match: IfMatch) -> FieldReports:
    if user.role is not Role.TECHNICIAN:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "field reports come from a technician's account")
    return FieldReports(centre.database, user, technician_of(s, user), centre.clock, if_match.version())


def aware(at: datetime) -> datetime:
    if at.tzinfo is None:
        raise HTTPException(422, "'at' needs a time zone (e.g. 2026-11-22T10:00:00+08:00)")
    if at.year < 2000 or at.year > 2100:
        raise HTTPException(422, "'at' must be a date between 2000 and 2100")
    return at


_ACCEPT_REFUSED = {
    Refusal.NOT_FOUND: (404, "no such order"),
    Refusal.NOT_ASSIGNED: (403, "this order is not assigned to you"),
    Refusal.CHANGED_ELSEWHERE: (409, "the order was changed since the version you saw: reload it and accept again"),
    Refusal.ACCEPTED: (409, "the order is already accepted"),
    Refusal.NOT_OPEN: (409, "the order is closed, cancelled or superseded"),
}


@router.post("/field/orders/{order_id}/accept")
def field_accept(order_id: uuid.UUID, user: CurrentUser, s: SessionDep, centre: CentreDep, if_match: ExpectedVersion) -> dict:
    """The technician accepts the order dispatched to them (接单): the response is recorded at the
    centre's time, and a fault's response limit is met or missed with it. Answers when it was recorded."""
    if user.role is not Role.TECHNICIAN:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "an order is accepted from the technician's own account")
    technician = technician_of(s, user)
    if technician is None:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "this account is not a technician's")
    version = if_match.version()
    actions = LifecycleActions(centre.database, user, centre.clock, desk_id="field")
    if version is not None:
        actions = actions.seen({order_id: version})
    outcome = actions.for_technician(technician).accept([order_id])
    if outcome.refused:
        code, message = _ACCEPT_REFUSED.get(outcome.refused[order_id][1], (409, "the order cannot be accepted now"))
        raise HTTPException(code, message)
    with centre.database.reading() as read:
        order = read.get(WorkOrder, order_id)
        late = order.response_due_at is not None and order.responded_at > order.response_due_at
        return {"responded_at": order.responded_at.isoformat(), "response_late": late, "version": order.version}


@router.post("/field/orders/{order_id}/check-in")
def field_check_in(order_id: uuid.UUID, body: CheckInIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
                   if_match: ExpectedVersion) -> dict:
    reports = field_reports(centre, user, s, if_match)
    with refusals_answered(FieldError):
        return reports.check_in(order_id, body.latitude, body.longitude, aware(body.at))


@router.post("/field/orders/{order_id}/exception")
def field_exception(order_id: uuid.UUID, body: ExceptionIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
                    if_match: ExpectedVersion) -> IntakeOut:
    reports = field_reports(centre, user, s, if_match)
    with refusals_answered(FieldError):
        raised = reports.report_exception(order_id, body.kind, body.note, aware(body.at))
    return IntakeOut(id=raised.order_id, number=raised.number, created=raised.reissued)  # (kept, not re-issued: the same order)


@router.post("/field/orders/{order_id}/test-result", status_code=status.HTTP_204_NO_CONTENT)
def field_test_result(order_id: uuid.UUID, body: ReportIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
                      if_match: ExpectedVersion) -> None:
    reports = field_reports(centre, user, s, if_match)
    with refusals_answered(FieldError):
        reports.test_result(order_id, body.results, aware(body.at))


@router.post("/field/orders/{order_id}/delivery-report", status_code=status.HTTP_204_NO_CONTENT)
def field_delivery_report(order_id: uuid.UUID, body: ReportIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
                          if_match: ExpectedVersion) -> None:
    reports = field_reports(centre, user, s, if_match)
    with refusals_answered(FieldError):
        reports.delivery_report(order_id, body.results, aware(body.at))


@router.post("/field/orders/{order_id}/signature", status_code=status.HTTP_204_NO_CONTENT)
def field_signature(order_id: uuid.UUID, body: SignatureIn, user: CurrentUser, s: SessionDep, centre: CentreDep,
                    if_match: ExpectedVersion) -> None:
    reports = field_reports(centre, user, s, if_match)
    with refusals_answered(FieldError):
        reports.sign(order_id, body.channel, aware(body.at))


@router.post("/surveys/{order_id}", status_code=status.HTTP_204_NO_CONTENT)
def survey(order_id: uuid.UUID, body: SurveyIn, user: CurrentUser, centre: CentreDep) -> None:
    """A customer's or account manager's answer, posted by the survey-link system (an administrator account)."""
    if user.role is not Role.ADMIN:
        raise HTTPException(status.HTTP_403_FORBIDDEN, "surveys come from the survey system's account")
    reports = FieldReports(centre.database, user, None, centre.clock)
    with refusals_answered(FieldError):
        reports.survey(order_id, body.respondent, body.rating, body.comment, aware(body.at))
