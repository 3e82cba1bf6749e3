"""The detail's stages: each stage clock of the order (a fault's response and restoration, a
complaint's acceptance, investigation and feedback, a survey's or provisioning's overall limit)
and each provisioning department's step, with its band, and how each deadline is computed."""

from __future__ import annotations

from datetime import timedelta
from html import escape
from zoneinfo import ZoneInfo

from PySide6.QtCore import QCoreApplication

from console.core.domain.enums import Band
from console.core.domain.stages import StageState, StepClock
from console.core.store.rows import OrderDetail
from console.ui import labels, sla_format

BAND_COLOURS = {Band.GREEN: "#15803d", Band.AMBER: "#b45309", Band.RED: "#dc2626", Band.BREACHED: "#7f1d1d"}


def _band(band: Band | None, text: str) -> str:
    if band is None:
        return escape(text)
    weight = "bold" if band in (Band.RED, Band.BREACHED) else "normal"
    return f"<span style='color:{BAND_COLOURS[band]}; font-weight:{weight}'>{escape(text)}</span>"


def _state(left: timedelta, done, band: Band, business: bool, hours_per_day: timedelta, zone: ZoneInfo) -> str:
    if done is not None:
        in_time = left >= timedelta(0)
        verdict = QCoreApplication.translate("StageSection", "in time") if in_time else \
            QCoreApplication.translate("StageSection", "late by %1").replace("%1", sla_format.time_left_text(-left, business, hours_per_day))
        done_text = QCoreApplication.translate("StageSection", "done %1, %2").replace("%1", labels.local_time(done, zone)).replace("%2", verdict)
        return _band(Band.GREEN if in_time else Band.BREACHED, done_text)  # a done stage is in time or late, nothing between
    if left < timedelta(0):  # "overdue 1:10:05" says it all
        return _band(band, sla_format.time_left_text(left, business, hours_per_day))
    return _band(band, QCoreApplication.translate("StageSection", "%1 left · %2")
                 .replace("%1", sla_format.time_left_text(left, business, hours_per_day)).replace("%2", sla_format.band_name(band)))


Live = tuple  # (BusinessCalendar, SlaParameters, now): the clock the running stages count on, read by the panel


def _left_now(due, limit: timedelta, business: bool, live: Live | None, left: timedelta, band: Band) -> tuple[timedelta, Band]:
    """A running clock's time left and band at the panel's `now` (the detail was read earlier)."""
    if live is None:
        return left, band
    calendar, params, now = live
    if business:
        left = calendar.business_time_between(now, due) if now <= due else -calendar.business_time_between(due, now)
    else:
        left = due - now
    return left, params.band(1 - left / limit if limit > timedelta(0) else 2.0)


def stages_section(d: OrderDetail, zone: ZoneInfo, live: Live | None = None) -> str:
    """The stage clocks and, for several stages, each one's deadline explained step by step; with
    `live` the running ones count on from its clock (not while the order's clock is paused)."""
    if not d.stages:
        return ""
    live = live if d.paused_since is None else None
    rows = []
    for stage in d.stages:
        e = stage.explanation
        business = e.hours_per_day is not None
        left, band = (stage.time_left, stage.band) if stage.done_at is not None else \
            _left_now(stage.due_at, e.limit, business, live, stage.time_left, stage.band)
        rows.append((labels.stage_name(stage.stage), QCoreApplication.translate("StageSection", "due %1").replace("%1", labels.local_time(stage.due_at, zone)),
                     _state(left, stage.done_at, band, business, e.hours_per_day or timedelta(hours=24), zone)))
    html = [_h3(QCoreApplication.translate("StageSection", "Stages")), _rows(rows)]
    if len(d.stages) > 1:
        html.append(_h3(QCoreApplication.translate("StageSection", "How each stage's deadline is computed")))
        for stage in d.stages:
            html.append(_explained(stage, zone))
    return "".join(html)


def _explained(stage: StageState, zone: ZoneInfo) -> str:
    items = "".join(f"<li>{escape(line)}</li>" for line in sla_format.explanation_lines(stage.explanation, zone))
    return f"<p style='margin:4px 0 0 0'><b>{escape(labels.stage_name(stage.stage))}</b></p><ol style='margin-left: -20px'>{items}</ol>"


def steps_section(d: OrderDetail, zone: ZoneInfo, hours_per_day: timedelta, live: Live | None = None) -> str:
    """Each department's step: who has it, its own limit running or done, a late one flagged."""
    if not d.step_clocks:
        return ""
    departments = {s.step: s.department for s in d.steps}
    rows = []
    for clock in d.step_clocks:
        rows.append((labels.name(clock.step), departments.get(clock.step, ""), _step_state(clock, zone, hours_per_day, live)))
    return _h3(QCoreApplication.translate("StageSection", "Provisioning steps")) + _rows(rows)


def _step_state(clock: StepClock, zone: ZoneInfo, hours_per_day: timedelta, live: Live | None = None) -> str:
    if clock.started_at is None:
        text = QCoreApplication.translate("StageSection", "not started")
        return f"<span class='muted'>{escape(text)}</span>"
    due = QCoreApplication.translate("StageSection", "due %1").replace("%1", labels.local_time(clock.due_at, zone))
    left, band = (clock.time_left, clock.band) if clock.completed_at is not None else \
        _left_now(clock.due_at, clock.limit, True, live, clock.time_left, clock.band)
    state = _state(left, clock.completed_at, band, True, hours_per_day, zone)
    return f"{escape(due)} · {state}"


def _h3(text: str) -> str:
    return f"<h3>{escape(text)}</h3>"


def _rows(rows: list[tuple[str, str, str]]) -> str:
    """Rows of (name, plain text, HTML already escaped)."""
    cells = "".join(f"<tr><td class='k'>{escape(name)}</td><td>{escape(plain)}</td><td>{markup}</td></tr>" for name, plain, markup in rows)
    return f"<table>{cells}</table>"
