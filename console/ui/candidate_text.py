"""A candidate in words: each part of the score (what it measured, in words and numbers), why a
technician cannot take an order, the earliest start and the drive. Shared by the candidates panel
and the assign dialog, so both say the same thing."""

from __future__ import annotations

from zoneinfo import ZoneInfo

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from console.core.domain.candidates import WEIGHTS, Candidate, Flag, ScorePart, Unfit
from console.core.domain.enums import Skill
from console.ui import labels

PARTS = ("skills", "distance", "load", "urgency", "region")
PART_TITLES = {
    "skills": QT_TRANSLATE_NOOP("CandidateText", "Skills"),
    "distance": QT_TRANSLATE_NOOP("CandidateText", "Travel"),
    "load": QT_TRANSLATE_NOOP("CandidateText", "Load"),
    "urgency": QT_TRANSLATE_NOOP("CandidateText", "Deadline"),
    "region": QT_TRANSLATE_NOOP("CandidateText", "Region"),
}
UNFIT = {
    Unfit.MISSING_SKILL: QT_TRANSLATE_NOOP("CandidateText", "no skill: %1"),
    Unfit.OTHER_REGION: QT_TRANSLATE_NOOP("CandidateText", "other region (%1)"),
    Unfit.OFF_SHIFT: QT_TRANSLATE_NOOP("CandidateText", "off shift in the next days"),
    Unfit.NO_SLOT: QT_TRANSLATE_NOOP("CandidateText", "booked full: no free slot"),
}
FLAGS = {
    Flag.SLA_BREACH: QT_TRANSLATE_NOOP("CandidateText", "would finish after the deadline"),
    Flag.BUSY_DAY: QT_TRANSLATE_NOOP("CandidateText", "busy day"),
}


def _t(text: str) -> str:
    return QCoreApplication.translate("CandidateText", text)


def part_title(name: str) -> str:
    return _t(PART_TITLES[name])


def skill_names(skills) -> str:
    return "、".join(labels.name(Skill(s)) if s in Skill._value2member_map_ else s for s in skills)


def hours_minutes(minutes: int) -> str:
    return f"{minutes // 60}h{minutes % 60:02d}"


def moment(instant, zone: ZoneInfo) -> str:
    return instant.astimezone(zone).strftime("%m-%d %H:%M")


def parts_of(candidate: Candidate) -> dict[str, ScorePart]:
    return {p.name: p for p in candidate.parts}


def part_cell(part: ScorePart) -> str:
    """The cell: points of the part's most, and the measure it came from."""
    text = f"{part.points:.0f}/{WEIGHTS[part.name]}"
    d = part.detail
    if part.name == "distance" and d.get("km") is not None:
        text += f" · {d['km']:.1f} km"
        if d.get("minutes") is not None:
            text += " · " + _t("%1 min").replace("%1", str(d["minutes"]))
    elif part.name == "load":
        text += f" · {hours_minutes(d['booked_minutes'])}/{d['shift_minutes'] // 60}h"
    return text


def part_tooltip(part: ScorePart, zone: ZoneInfo) -> str:
    """What the part measured, in words and numbers, and how that became its points."""
    d = part.detail
    points = _t("%1 of %2 points.").replace("%1", f"{part.points:.0f}").replace("%2", str(WEIGHTS[part.name]))
    if part.name == "skills":
        said = (_t("Lacks %1, which the order needs.").replace("%1", skill_names(d["missing"])) if d.get("missing")
                else _t("Has every skill the order needs."))
        rule = _t("All the skills give every point, a missing one none.")
    elif part.name == "distance":
        if d.get("km") is None:
            said = _t("The drive is unknown: the site or the technician's start has no position.")
        else:
            said = (_t("%1 km by road from where the field app saw them at %3, about %2 min.") if d.get("from_position")
                    else _t("%1 km by road from home at the shift's start, about %2 min.") if d.get("from_home")
                    else _t("%1 km by road from the previous visit, about %2 min.")).replace(
                "%1", f"{d['km']:.1f}").replace("%2", str(d.get("minutes") or 0))
            if d.get("position_at") is not None:
                said = said.replace("%3", d["position_at"].astimezone(zone).strftime("%H:%M"))
        rule = _t("Every point at 0 km, none from %1 km.").replace("%1", f"{d.get('zero_km', 30):.0f}")
    elif part.name == "load":
        shift = d["shift_minutes"]
        share = round(100 * d["booked_minutes"] / shift) if shift else 100
        said = (_t("%1 booked of %2 working time in the days looked at (%3 %).").replace("%1", hours_minutes(d["booked_minutes"]))
                .replace("%2", hours_minutes(shift)).replace("%3", str(share)) if shift else _t("No working time in the days looked at."))
        rule = _t("A free day gives every point, a full one none.")
    elif part.name == "urgency":
        said = _urgency_words(d, zone)
        rule = _t("The more time to spare before the deadline, the more points.")
    else:
        said = _t("Works in the order's region.") if part.points else _t("Works in another region.")
        rule = _t("The order's own region gives every point.")
    return f"<b>{part_title(part.name)}</b>: {said}<br>{rule} {points}"


def _urgency_words(d: dict, zone: ZoneInfo) -> str:
    if d.get("slot") is None:
        return _t("No free slot to finish by the deadline.")
    if d.get("due_at") is None:
        return _t("No running deadline (paused or none); the earliest start is %1.").replace("%1", moment(d["slot"], zone))
    finish, due = d["finish"], d["due_at"]
    spare = int((due - finish).total_seconds() // 60)
    text = (_t("Starting %1, it finishes %2, %3 before the deadline %4.") if spare >= 0
            else _t("Starting %1, it finishes %2, %3 after the deadline %4."))
    return (text.replace("%1", moment(d["slot"], zone)).replace("%2", moment(finish, zone))
            .replace("%3", hours_minutes(abs(spare))).replace("%4", moment(due, zone)))


def unfit_text(reason: Unfit, candidate: Candidate, region: str) -> str:
    text = _t(UNFIT[reason])
    if reason is Unfit.MISSING_SKILL:
        text = text.replace("%1", skill_names(parts_of(candidate)["skills"].detail.get("missing", ())))
    elif reason is Unfit.OTHER_REGION:
        text = text.replace("%1", region)
    return text


def warnings_text(candidate: Candidate) -> str:
    """What stands against a technician who can take it: a late finish, a busy day."""
    return "、".join(_t(FLAGS[f]) for f in (Flag.SLA_BREACH, Flag.BUSY_DAY) if f in candidate.flags)


def start_text(candidate: Candidate, zone: ZoneInfo) -> str:
    return moment(candidate.slot, zone) if candidate.slot else "—"
