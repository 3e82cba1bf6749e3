"""The centre's request and answer models (pydantic): what the OpenAPI document describes.
(No `from __future__ import annotations`: FastAPI and pydantic read the annotations.)

The class names are the schemas' names in the OpenAPI document: renaming one changes the API.
"""

import uuid
from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

from console.core.domain.enums import (
    ContactMethod,
    ExceptionKind,
    LimitUnit,
    OrderKind,
    RescheduleReason,
    Respondent,
    Role,
    SatisfactionRating,
)
from console.core.services.appointments import Reschedule

DESK_ID = r"^[A-Za-z0-9._-]+$"
MAX_MUTATIONS = 200  # per push (a desk sends its backlog in batches)
_TEXT = Field(default="", max_length=500)


# --- the service: health, errors, login -----------------------------------------------------------

class Unprocessable(BaseModel):
    """A 422: the fields FastAPI's validation names, or one sentence from the service's own checks."""

    detail: str | list[dict[str, Any]]


class Health(BaseModel):
    status: str
    schema_revision: str | None


class Login(BaseModel):
    username: str = Field(min_length=1, max_length=64, pattern=r"^[^\x00-\x1f]+$")
    password: str = Field(min_length=1, max_length=200)


class LoggedIn(BaseModel):
    token: str
    expires_at: datetime
    username: str
    display_name: str
    role: Role
    region: str | None


# --- orders and intake ------------------------------------------------------------------------------

class OrderOut(BaseModel):
    id: uuid.UUID
    number: str
    kind: str
    status: str
    priority: int
    due_at: datetime | None
    paused: bool


class IntakeIn(BaseModel):
    upstream_ref: str = Field(min_length=1, max_length=64)
    kind: OrderKind
    customer_code: str = Field(min_length=1, max_length=32)
    site_id: uuid.UUID
    title: str = Field(min_length=1, max_length=200)
    received_at: datetime
    circuit_id: str | None = Field(default=None, max_length=64)
    access_points: int = Field(default=1, ge=1, le=500)
    priority: int = Field(default=3, ge=1, le=5)
    description: str = Field(default="", max_length=4000)


class IntakeOut(BaseModel):
    id: uuid.UUID
    number: str
    created: bool


# --- the field: reports and surveys -----------------------------------------------------------------

class CheckInIn(BaseModel):
    latitude: float = Field(ge=-90, le=90, allow_inf_nan=False)
    longitude: float = Field(ge=-180, le=180, allow_inf_nan=False)
    at: datetime


class ExceptionIn(BaseModel):
    kind: ExceptionKind
    note: str = Field(default="", max_length=1000)
    at: datetime


class SignatureIn(BaseModel):
    channel: str = Field(pattern="^(on_site|sms_link)$")
    at: datetime


class ReportIn(BaseModel):
    model_config = ConfigDict(allow_inf_nan=False)
    at: datetime
    results: dict[str, float | int | str | None] = Field(default_factory=dict, max_length=50)


class SurveyIn(BaseModel):
    respondent: Respondent
    rating: SatisfactionRating
    comment: str = Field(default="", max_length=2000)
    at: datetime


class PositionIn(BaseModel):
    """Where the technician is, from the field app (`speed_kmh` is the phone's own figure, for the record only)."""

    latitude: float = Field(ge=-90, le=90, allow_inf_nan=False)
    longitude: float = Field(ge=-180, le=180, allow_inf_nan=False)
    at: datetime
    accuracy_m: float | None = Field(default=None, ge=0, le=100000, allow_inf_nan=False)
    speed_kmh: float | None = Field(default=None, ge=0, le=1000, allow_inf_nan=False)


class PositionOut(BaseModel):
    accepted: bool
    last_seen_at: datetime
    next_report_after_s: int


# --- the rules: calendar and SLA limits -------------------------------------------------------------

class CalendarDayIn(BaseModel):
    is_working: bool
    note: str = Field(min_length=1, max_length=200)


class SlaRuleIn(BaseModel):
    amount: str = Field(min_length=1, max_length=12)
    unit: LimitUnit
    reason: str = Field(min_length=1, max_length=500)


# --- appointments -----------------------------------------------------------------------------------

class WindowIn(BaseModel):
    window_start: datetime
    window_end: datetime


class BookIn(WindowIn):
    order_ids: list[uuid.UUID] = Field(min_length=1, max_length=20)
    contact_method: ContactMethod
    contact_name: str = Field(default="", max_length=64)
    contact_phone: str = Field(default="", max_length=32, pattern=r"^[0-9+\- ]*$")
    confirmed: bool = True
    technician_id: uuid.UUID | None = None
    planned_start: datetime | None = None
    reason: str = _TEXT


class ConfirmIn(BaseModel):
    contact_method: ContactMethod


class RescheduleIn(WindowIn):
    reason: RescheduleReason
    text: str = _TEXT
    contact_method: ContactMethod
    pause_sla: bool = False

    def change(self) -> Reschedule:
        return Reschedule(self.reason, self.text, self.contact_method, self.pause_sla)


class MoveIn(BaseModel):
    technician_id: uuid.UUID
    start: datetime
    reason: str = _TEXT  # why it is right over the rules' warnings (kept in the audit log)
    reschedule: RescheduleIn | None = None  # when the move leaves the customer's window


class TextIn(BaseModel):
    reason: str = Field(min_length=1, max_length=500)


class MergeIn(BaseModel):
    absorb_id: uuid.UUID
    reason: str = _TEXT


class PinIn(BaseModel):
    locked: bool


class BookingOut(BaseModel):
    appointment_id: uuid.UUID | None
    version: int | None
    warnings: list[str]  # what the rules found and the caller committed over


# --- sync: push and claims --------------------------------------------------------------------------

class OperationIn(BaseModel):
    """One action a desk took, to run again at the centre (console.core.operations). Its parts are
    checked per mutation, not here: a value the centre cannot use refuses that mutation alone, and
    the desk's outbox moves on."""

    model_config = ConfigDict(extra="ignore")
    name: Any = Field(description="the operation, e.g. orders.assign (console.core.services.registry)")
    id: Any = Field(description="the operation's id, 32 hex digits: the rows it makes get ids derived from it")
    args: Any = Field(default_factory=dict, description="its arguments by name, in JSON")
    expected: Any = Field(default_factory=dict, description="{order id: version} the desk saw and asks to be checked")
    seen: Any = Field(default_factory=dict, description="{table: {id: {contested column: [as the desk saw it, as the "
                                                        "desk made it]}}}: changed since to something else, it is refused")


class Mutation(BaseModel):
    m: int = Field(gt=0, lt=2**63, description="the desk's mutation number")
    op: OperationIn


class PushIn(BaseModel):
    desk_id: str = Field(min_length=1, max_length=64, pattern=DESK_ID)
    mutations: list[Mutation] = Field(max_length=MAX_MUTATIONS)

    @model_validator(mode="after")
    def increasing(self) -> "PushIn":
        numbers = [m.m for m in self.mutations]
        if any(b <= a for a, b in zip(numbers, numbers[1:], strict=False)):
            raise ValueError("mutations go in the order of their numbers, each number once")
        return self


class MutationResult(BaseModel):
    m: int
    ok: bool
    reason: str = ""
    code: str = Field(default="", description="refused: why, as a case the desk says in its language: contested (someone "
                      "changed a value first; args: table, columns; theirs: the centre's values), changed (the order or visit "
                      "changed since the desk saw it), rules (args: kind order|appointment, refusal, detail), region, rules_role, "
                      "operation (args: name), plan_stale, unusable / store (args: detail), outdated (saved by an older desk)")
    args: dict[str, Any] = Field(default_factory=dict, description="refused: the particulars of the code")
    theirs: dict[str, dict[str, dict[str, Any]]] = Field(default_factory=dict)
    rows: dict[str, dict[str, dict[str, Any]]] = Field(
        default_factory=dict, description="ok: {table: {id: row}}, the rows the action wrote, as the centre has them now")
    partly: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="ok: {order id: {code, kind, refusal, detail}}, orders the rules refused within it")


class PushOut(BaseModel):
    results: list[MutationResult]


class ClaimIn(BaseModel):
    desk_id: str = Field(min_length=1, max_length=64, pattern=DESK_ID)
    order_id: uuid.UUID
    minutes: int = Field(default=15, ge=1, le=120)


class ClaimOut(BaseModel):
    order_id: uuid.UUID
    holder: str
    expires_at: datetime
