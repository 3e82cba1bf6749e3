"""The rule parameters a supervisor may change at the desk, each with its check.

A whitelist: a key not named here is refused, whatever a desk sends. Each check takes the text a
person typed (or a desk sent) and the values in force, and gives the value to store in the type the
readers expect (`store/rules.py`), or an EditError whose message a supervisor understands. Which
open orders a change moves is said by `moves`: the band thresholds and the pause-approval limit
every open order's deadline or bands, business hours those counted in business time, an audit
rule none (the audit reads its rules when it runs).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from typing import Any

from console.core.domain.alerts import ESCALATE_AFTER_KEY
from console.core.domain.compliance import LATE_GRACE_KEY, ComplianceRule, enabled_key

AMBER, RED = "sla.band.amber_from", "sla.band.red_from"
APPROVAL = "sla.pause.approval_after_hours"
DAY_START, DAY_END = "calendar.day_start", "calendar.day_end"
OFF_SITE = "check_in.off_site_metres"
MAX_TEXT = 64  # characters of a typed value


class EditError(ValueError):
    """A value that cannot be used; the message says what would be."""


class Moves(StrEnum):
    """Which open orders' cached deadlines a change of the parameter moves."""

    NONE = "none"
    ALL = "all"
    BUSINESS_TIME = "business_time"


class Section(StrEnum):
    BANDS = "bands"
    HOURS = "hours"
    AUDIT = "audit"


@dataclass(frozen=True)
class Editable:
    key: str
    section: Section
    check: Callable[[str, Mapping[str, Any]], Any]
    moves: Moves


def _share(key: str) -> Callable[[str, Mapping[str, Any]], str]:
    def check(text: str, values: Mapping[str, Any]) -> str:
        try:
            share = Decimal(text.strip().rstrip("%")) / (100 if text.strip().endswith("%") else 1)
        except InvalidOperation:
            raise EditError(f"a share of the limit is a number between 0 and 1 (such as 0.7) or a percentage, not {text!r}") from None
        if not share.is_finite() or not Decimal(0) < share <= Decimal(1):
            raise EditError("a share of the limit is more than 0 and at most 1 (100 %)")
        share = share.quantize(Decimal("0.001")).normalize()
        amber = share if key == AMBER else Decimal(str(values[AMBER]))
        red = share if key == RED else Decimal(str(values[RED]))
        if not amber < red:
            raise EditError(f"amber must start before red: amber from {amber}, red from {red}")
        return str(share)
    return check


def _approval_hours(text: str, _values: Mapping[str, Any]) -> int | float:
    try:
        hours = float(text.strip())
    except ValueError:
        raise EditError(f"the approval limit is a number of hours, not {text!r}") from None
    if not math.isfinite(hours) or not 0 < hours <= 720:
        raise EditError("the approval limit is more than 0 and at most 720 hours (30 days)")
    hours = round(hours, 2)
    return int(hours) if hours.is_integer() else hours


_CLOCK = re.compile(r"^([01]?\d|2[0-3]):([0-5]\d)$")


def _clock(key: str) -> Callable[[str, Mapping[str, Any]], str]:
    def check(text: str, values: Mapping[str, Any]) -> str:
        match = _CLOCK.match(text.strip())
        if match is None:
            raise EditError(f"a time of day is written HH:MM (such as 09:00), not {text!r}")
        value = f"{int(match.group(1)):02d}:{match.group(2)}"
        start = value if key == DAY_START else str(values[DAY_START])
        end = value if key == DAY_END else str(values[DAY_END])
        if not start < end:  # (zero-padded HH:MM compare as times)
            raise EditError(f"business hours must start before they end: {start} to {end}")
        return value
    return check


def _switch(text: str, _values: Mapping[str, Any]) -> bool:
    words = {"true": True, "on": True, "yes": True, "1": True, "false": False, "off": False, "no": False, "0": False}
    value = words.get(text.strip().lower())
    if value is None:
        raise EditError(f"a rule is on (true) or off (false), not {text!r}")
    return value


def _whole(low: int, high: int, what: str) -> Callable[[str, Mapping[str, Any]], int]:
    def check(text: str, _values: Mapping[str, Any]) -> int:
        stripped = text.strip()
        if not re.fullmatch(r"\d{1,6}", stripped) or not low <= int(stripped) <= high:
            raise EditError(f"{what} is a whole number from {low} to {high}, not {text!r}")
        return int(stripped)
    return check


EDITABLE: Mapping[str, Editable] = {e.key: e for e in (
    Editable(AMBER, Section.BANDS, _share(AMBER), Moves.ALL),
    Editable(RED, Section.BANDS, _share(RED), Moves.ALL),
    Editable(APPROVAL, Section.BANDS, _approval_hours, Moves.ALL),
    Editable(ESCALATE_AFTER_KEY, Section.BANDS, _whole(5, 1440, "the escalation limit in minutes"), Moves.NONE),
    Editable(DAY_START, Section.HOURS, _clock(DAY_START), Moves.BUSINESS_TIME),
    Editable(DAY_END, Section.HOURS, _clock(DAY_END), Moves.BUSINESS_TIME),
    *(Editable(enabled_key(rule), Section.AUDIT, _switch, Moves.NONE) for rule in ComplianceRule),
    Editable(LATE_GRACE_KEY, Section.AUDIT, _whole(0, 240, "the grace in minutes"), Moves.NONE),
    Editable(OFF_SITE, Section.AUDIT, _whole(10, 5000, "the off-site distance in metres"), Moves.NONE),
)}


def checked_value(key: str, text: str, values: Mapping[str, Any]) -> Any:
    """The value to store for `key`, or EditError; `values`: the parameters in force."""
    editable = EDITABLE.get(key) if isinstance(key, str) else None
    if editable is None:
        raise EditError(f"{str(key)[:64]!r} is not a rule a supervisor changes here")
    if not isinstance(text, str) or len(text) > MAX_TEXT:
        raise EditError(f"the value of {key} is at most {MAX_TEXT} characters of text")
    return editable.check(text, values)
