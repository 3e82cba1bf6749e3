"""The board's load, whole and off the GUI thread: the plan read, the travel model, and the
layout with each technician's utilisation, from plain values only (it touches no widget)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from console.core.domain.booking_rules import Travel
from console.core.domain.calendar import BusinessCalendar
from console.core.domain.enums import Band
from console.core.domain.sla import SlaParameters
from console.core.domain.sla_clock import band_at
from console.core.services.planning import PlanningDesk
from console.core.store.planning_query import PlanData, PlanTechnician, PlanVisit
from console.ui.board_layout import BoardLayout, board_layout

BAND_ORDER = list(Band)


@dataclass(frozen=True)
class BoardLoad:
    data: PlanData
    travel: Travel
    layout: BoardLayout


def group_label(english: bool) -> Callable[[PlanTechnician], str]:
    """A group header's text: region (in the desk's language) · team."""

    def label(tech: PlanTechnician) -> str:
        region = tech.region_en if english else tech.region
        return f"{region} · {tech.team}" if tech.team else region

    return label


def visit_band(data: PlanData, calendar: BusinessCalendar, params: SlaParameters, now: datetime) -> Callable[[PlanVisit], Band]:
    """A visit's band: the worst of its orders' at `now`."""

    def band(visit: PlanVisit) -> Band:
        bands = [band_at(o.sla, calendar, params, now) for oid in visit.order_ids
                 if (o := data.orders.get(oid)) is not None and o.sla is not None]
        return max(bands, key=BAND_ORDER.index) if bands else Band.GREEN

    return band


def load_board(planning: PlanningDesk, region: uuid.UUID | None, start: datetime, end: datetime, *, zone: ZoneInfo,
               english: bool, calendar: BusinessCalendar, params: SlaParameters, now: datetime) -> BoardLoad:
    data, travel = planning.plan(region, start, end), planning.travel()
    layout = board_layout(data, group_label(english), visit_band(data, calendar, params, now), travel, zone)
    return BoardLoad(data, travel, layout)
