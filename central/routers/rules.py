"""The rules a supervisor changes at the centre: the working calendar's days and the SLA limits.
(No `from __future__ import annotations`: FastAPI reads the annotations.)"""

from datetime import date

from fastapi import APIRouter, status

from central.dependencies import CentreDep, CurrentUser, refusals_answered
from central.schemas import CalendarDayIn, SlaRuleIn
from console.core.domain.enums import OrderKind, SlaStage
from console.core.services.calendar import CalendarAdmin, NotAllowed
from console.core.services.deadlines import recompute_in
from console.core.services.rules_admin import RulesAdmin
from console.core.store.database import SessionDatabase

router = APIRouter()


@router.put("/calendar/days/{day}", status_code=status.HTTP_204_NO_CONTENT)
def set_calendar_day(day: date, body: CalendarDayIn, user: CurrentUser, centre: CentreDep) -> None:
    """A supervisor makes a day a working day or a day off; open deadlines move with it."""
    with refusals_answered(NotAllowed, ValueError):  # ValueError: a RuleError, or the service's own check
        CalendarAdmin(centre.database, user, centre.clock, "central").set_day(day, body.is_working, body.note)


@router.put("/sla-rules/{kind}/{stage}/{grade}", status_code=status.HTTP_204_NO_CONTENT)
def set_sla_rule(kind: OrderKind, stage: SlaStage, grade: str, body: SlaRuleIn, user: CurrentUser, centre: CentreDep) -> None:
    """A supervisor changes one limit; the open orders of that kind are recomputed."""
    with refusals_answered(NotAllowed, ValueError), centre.database.unit_of_work() as session:  # (the limit and its deadlines: one transaction)
        change = RulesAdmin(SessionDatabase(session), user, centre.clock, "central").set_limit(kind, stage, grade, body.amount, body.unit,
                                                                                             body.reason)
        if change.affected is not None:
            recompute_in(session, change.affected, centre.clock())
