"""The reason lists a supervisor edits: which built-in reasons each dialog offers, in what order,
under what words, and the finer sub-reasons a centre adds under them.

The built-in reasons are the enums of `enums.py` and keep their meaning: the rules act on them (a
field exception's pause, a customer's own request pausing the clock, "other" asking for a text), so
an order still records only a built-in reason. A list may reorder them, rename them in zh_CN and
English, and switch them off (not offered any more; orders that have one keep it); it may not drop
or invent one. A sub-reason is offered under a built-in one (客户装修未完成 under "Site not ready"):
an order given it records the built-in reason and the sub-reason's words as the first line of its
note (`note_with`), so every existing rule, count and report reads the order as before.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from enum import StrEnum
from typing import Any

from console.core.domain.enums import CancelReason, ExceptionKind, PauseReason, RescheduleReason

MAX_LABEL = 40  # characters of a label: a combo box's line
MAX_SUBS = 30  # sub-reasons in one list
SUB_CODE = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


class ReasonKind(StrEnum):
    """Which dialog's list."""

    PAUSE = "pause"
    RESCHEDULE = "reschedule"
    CANCEL = "cancel"
    EXCEPTION = "exception"


BUILT_IN: Mapping[ReasonKind, type[StrEnum]] = {
    ReasonKind.PAUSE: PauseReason, ReasonKind.RESCHEDULE: RescheduleReason,
    ReasonKind.CANCEL: CancelReason, ReasonKind.EXCEPTION: ExceptionKind,
}
# Reasons no person picks: the field exception rules pause for a field exception, a dispatcher does not.
NOT_OFFERED: Mapping[ReasonKind, frozenset[str]] = {ReasonKind.PAUSE: frozenset({PauseReason.FIELD_EXCEPTION.value})}


def list_key(kind: ReasonKind) -> str:
    """The rule parameter that holds the list."""
    return f"reasons.{kind.value}"


class ReasonListError(ValueError):
    """A list that cannot be used; the message names the line and what is wrong."""


@dataclass(frozen=True)
class ReasonEntry:
    """One line of a list. `sub` empty: the built-in reason itself; otherwise a sub-reason under it.
    Empty labels: the desk's own translated name of the built-in reason."""

    reason: str
    sub: str = ""
    zh: str = ""
    en: str = ""
    active: bool = True

    def label(self, english: bool) -> str:
        return self.en if english else self.zh

    def as_json(self) -> dict[str, Any]:
        return {"reason": self.reason, "sub": self.sub, "zh": self.zh, "en": self.en, "active": self.active}


def default_list(kind: ReasonKind) -> tuple[ReasonEntry, ...]:
    """The built-in reasons in the enum's order, under the desk's own words."""
    return tuple(ReasonEntry(r.value) for r in BUILT_IN[kind] if r.value not in NOT_OFFERED.get(kind, frozenset()))


def checked(kind: ReasonKind, entries: Sequence[ReasonEntry]) -> tuple[ReasonEntry, ...]:
    """The list as it will be stored (labels trimmed), or ReasonListError: every built-in reason a
    person may pick exactly once, sub-reasons under a built-in reason with a code of their own and
    words in both languages, at least one reason left on."""
    allowed = [r.value for r in BUILT_IN[kind] if r.value not in NOT_OFFERED.get(kind, frozenset())]
    out: list[ReasonEntry] = []
    seen_built_in: set[str] = set()
    seen_subs: set[str] = set()
    for line, raw in enumerate(entries, start=1):
        entry = replace(raw, zh=_label(raw.zh, line, "zh_CN"), en=_label(raw.en, line, "English"))
        if entry.reason not in allowed:
            raise ReasonListError(f"line {line}: {entry.reason[:40]!r} is not one of the reasons ({', '.join(allowed)})")
        if not entry.sub:
            if entry.reason in seen_built_in:
                raise ReasonListError(f"line {line}: {entry.reason} is listed twice")
            seen_built_in.add(entry.reason)
        else:
            if not SUB_CODE.match(entry.sub):
                raise ReasonListError(f"line {line}: a sub-reason's code is 1 to 32 small letters, digits or _, not {entry.sub[:40]!r}")
            if entry.sub in seen_subs:
                raise ReasonListError(f"line {line}: the sub-reason {entry.sub} is listed twice")
            if not (entry.zh and entry.en):
                raise ReasonListError(f"line {line}: a sub-reason needs its words in zh_CN and in English")
            seen_subs.add(entry.sub)
        out.append(entry)
    missing = [r for r in allowed if r not in seen_built_in]
    if missing:
        raise ReasonListError(f"the list must keep every built-in reason (switched off if not wanted): {', '.join(missing)} missing")
    if len(seen_subs) > MAX_SUBS:
        raise ReasonListError(f"a list holds at most {MAX_SUBS} sub-reasons")
    if not any(e.active for e in out):
        raise ReasonListError("at least one reason must stay on")
    return tuple(out)


def _label(text: Any, line: int, language: str) -> str:
    if not isinstance(text, str):
        raise ReasonListError(f"line {line}: the {language} words must be text")
    text = " ".join(text.split())
    if len(text) > MAX_LABEL:
        raise ReasonListError(f"line {line}: the {language} words are longer than {MAX_LABEL} characters")
    if any(unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs") for c in text):
        raise ReasonListError(f"line {line}: the {language} words hold a control character")
    return text


def from_stored(kind: ReasonKind, value: Any) -> tuple[ReasonEntry, ...]:
    """The stored list, or the default one when none is stored or it cannot be used (a list from a
    newer desk naming a reason this one does not know falls back whole rather than in part)."""
    if not isinstance(value, list):
        return default_list(kind)
    try:
        entries = [ReasonEntry(str(v["reason"]), str(v.get("sub", "")), v.get("zh", ""), v.get("en", ""), bool(v.get("active", True)))
                   for v in value]
        return checked(kind, entries)
    except (ReasonListError, KeyError, TypeError, AttributeError):
        return default_list(kind)


@dataclass(frozen=True)
class Offered:
    """One choice a dialog offers: the built-in reason an order records, the sub-reason's words."""

    reason: StrEnum
    recorded: str  # a sub-reason's zh_CN words, as every desk's notes record it ('' for the built-in reason itself)
    label: str  # the words shown; '' for "the desk's own name of `reason`"


def offered(kind: ReasonKind, entries: Iterable[ReasonEntry], english: bool) -> list[Offered]:
    """The choices in the list's order, switched-off ones left out; a sub-reason of a switched-off
    reason is still offered (the supervisor left it on)."""
    enum = BUILT_IN[kind]
    return [Offered(enum(e.reason), e.zh if e.sub else "", e.label(english)) for e in entries if e.active]


def note_with(recorded: str, note: str) -> str:
    """The note an order records for a sub-reason: its zh_CN words (the centre's working language,
    so a sub-reason reads the same in every desk's records and reports) on the first line, then the note."""
    note = note.strip()
    if not recorded:
        return note
    return f"{recorded}\n{note}" if note else recorded
