"""An order's stages, each with its own clock (DOMAIN.md, "Work-order kinds").

A fault runs two: response (接单) and restoration (恢复). A complaint runs three, each measured
from the complaint's start: accepted within 10 minutes (受理), network investigation within 30
(排查), feedback to the customer within 60 (反馈); the queue counts down the one running. Survey
and provisioning orders run one overall limit; a provisioning order's departments each run their
own step (全程管控) from the moment the step reaches them, while the overall limit runs on.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Band, OrderKind, ProvisioningStep, SlaStage
from console.core.domain.sla import OrderFacts, RuleBook, SlaParameters, limit_for, primary_stage
from console.core.domain.sla_clock import sla_status
from console.core.domain.sla_explain import Explanation, explain

STAGES: dict[OrderKind, tuple[SlaStage, ...]] = {
    OrderKind.SURVEY: (SlaStage.TOTAL,),
    OrderKind.PROVISIONING: (SlaStage.TOTAL,),
    OrderKind.FAULT: (SlaStage.RESPONSE, SlaStage.RESTORATION),
    OrderKind.COMPLAINT: (SlaStage.ACCEPT, SlaStage.INVESTIGATE, SlaStage.FEEDBACK),
}

# The department each provisioning step belongs to (seed 002), in the order the steps run.
DEPARTMENTS: dict[ProvisioningStep, str] = {
    ProvisioningStep.RESOURCE_CHECK: "资源中心",
    ProvisioningStep.CONSTRUCTION: "工程建设部",
    ProvisioningStep.CONFIGURATION: "传输/数据室",
    ProvisioningStep.INSTALLATION: "装维中心",
    ProvisioningStep.TEST_DELIVERY: "客响中心",
}
STEPS: tuple[ProvisioningStep, ...] = tuple(ProvisioningStep)


def running_stage(kind: OrderKind, done: Iterable[SlaStage]) -> SlaStage:
    """The stage whose clock the queue shows: a complaint's first stage not yet done (its feedback
    once every stage is); for other kinds the primary stage (a fault's restoration: its response
    limit is shown beside it)."""
    if kind is not OrderKind.COMPLAINT:
        return primary_stage(kind)
    finished = set(done)
    return next((s for s in STAGES[kind] if s not in finished), SlaStage.FEEDBACK)


def next_step(step: ProvisioningStep) -> ProvisioningStep | None:
    index = STEPS.index(step)
    return STEPS[index + 1] if index + 1 < len(STEPS) else None


def step_limit(facts: OrderFacts, step: ProvisioningStep, book: RuleBook, calendar: BusinessCalendar) -> timedelta:
    """The department's own limit for its step, in business time."""
    return limit_for(facts, SlaStage(step.value), book).duration(calendar)


def step_due(facts: OrderFacts, step: ProvisioningStep, started_at: datetime, book: RuleBook, calendar: BusinessCalendar) -> datetime:
    """A step is due its own limit after it reached the department (working time)."""
    return calendar.add_business_time(started_at, step_limit(facts, step, book, calendar))


@dataclass(frozen=True)
class StepClock:
    """Where one department's step stands at `now`."""

    step: ProvisioningStep
    started_at: datetime | None
    due_at: datetime | None
    completed_at: datetime | None
    limit: timedelta
    time_left: timedelta | None  # None until the step starts; at completion once done
    band: Band | None  # None until the step starts

    @property
    def late(self) -> bool:
        return self.band is Band.BREACHED


def step_clock(step: ProvisioningStep, started_at: datetime | None, due_at: datetime | None, completed_at: datetime | None,
               limit: timedelta, calendar: BusinessCalendar, params: SlaParameters, now: datetime) -> StepClock:
    """A step's time left and band in business time: frozen at its completion, running while open."""
    if started_at is None or due_at is None:
        return StepClock(step, started_at, due_at, completed_at, limit, None, None)
    until = completed_at or now
    left = calendar.business_time_between(until, due_at) if until <= due_at else -calendar.business_time_between(due_at, until)
    share = 1 - left / limit if limit > timedelta(0) else 2.0
    return StepClock(step, started_at, due_at, completed_at, limit, left, params.band(share))


@dataclass(frozen=True)
class StageState:
    """One stage's clock at `now`: running (time left now) or done (frozen at its completion)."""

    stage: SlaStage
    due_at: datetime
    done_at: datetime | None
    time_left: timedelta  # negative once missed
    band: Band
    explanation: Explanation  # how this stage's deadline is computed


def stage_completions(kind: OrderKind, responded_at: datetime | None, investigated_at: datetime | None,
                      resolved_at: datetime | None) -> dict[SlaStage, datetime | None]:
    """When each of the order's stages was completed (None: still running)."""
    if kind is OrderKind.FAULT:
        return {SlaStage.RESPONSE: responded_at, SlaStage.RESTORATION: resolved_at}
    if kind is OrderKind.COMPLAINT:
        return {SlaStage.ACCEPT: responded_at, SlaStage.INVESTIGATE: investigated_at, SlaStage.FEEDBACK: resolved_at}
    return {SlaStage.TOTAL: resolved_at}


def stages_done(kind: OrderKind, responded_at: datetime | None, investigated_at: datetime | None,
                resolved_at: datetime | None) -> frozenset[SlaStage]:
    """The stages an order's recorded instants complete."""
    return frozenset(stage for stage, at in stage_completions(kind, responded_at, investigated_at, resolved_at).items() if at)


def stage_states(facts: OrderFacts, completions: dict[SlaStage, datetime | None], book: RuleBook,
                 calendar: BusinessCalendar, now: datetime) -> tuple[StageState, ...]:
    """Every stage of the order, step by step, with its deadline explained."""
    states = []
    for stage in STAGES[facts.kind]:
        done = completions.get(stage)
        status = sla_status(facts, stage, book, calendar, done or now)
        states.append(StageState(stage, status.due_at, done, status.time_left, status.band,
                                 explain(facts, stage, book, calendar, done or now)))
    return tuple(states)
