"""Read use cases of the desk: the queue, one order's detail, who sits at the desk."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime

from console.core.changes import Changes
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.domain.calendar import BusinessCalendar, CalendarError
from console.core.domain.sla import MissingRuleError, RuleBook, primary_stage
from console.core.domain.sla_explain import explain
from console.core.services import history
from console.core.store import queries, stage_clocks
from console.core.store.database import Database
from console.core.store.rows import DeskUser, OrderDetail, QueueRow, SiteOfOrder, TechnicianRow
from console.core.store.rules import load_calendar, load_rulebook, parameters
from console.core.store.sla_cache import order_facts


@dataclass(frozen=True)
class MapFacts:
    sites: list[SiteOfOrder]
    districts: list[tuple[str, str, float, float]]  # name, English name, centre latitude, longitude
    technicians: list[tuple]  # id, name, last latitude, last longitude, last seen (UTC)


class DeskReader:
    def __init__(self, database: Database):
        self.database = database

    def queue(self, region_id: uuid.UUID | None = None, only: set[uuid.UUID] | None = None, limit: int | None = None) -> list[QueueRow]:
        with self.database.reading() as session:
            return queries.open_queue(session, region_id, only, limit)

    def rules(self) -> tuple[RuleBook, BusinessCalendar]:
        with self.database.reading() as session:
            return load_rulebook(session), load_calendar(session)

    def detail(self, order_id: uuid.UUID, now: datetime | None = None) -> OrderDetail | None:
        """The order with its deadline explained (as of `now`) when its rules allow it."""
        with self.database.reading() as session:
            detail = queries.order_detail(session, order_id)
            if detail is None:
                return None
            detail = replace(detail, timeline=history.order_timeline(session, order_id, now))
            if now is None:
                return detail
            facts = order_facts(session, [order_id])[order_id]
            book, calendar = load_rulebook(session), load_calendar(session)
            try:
                explanation = explain(facts, primary_stage(facts.kind), book, calendar, now)
                stages = stage_clocks.stages(session, order_id, facts, book, calendar, now)
                steps = stage_clocks.steps(session, order_id, facts, book, calendar, now)
            except (MissingRuleError, CalendarError):
                return detail  # the panel says the rule is missing; the queue keeps its cached deadline
            return replace(detail, explanation=explanation, stages=stages, step_clocks=steps)

    def technicians(self, region_id: uuid.UUID | None = None) -> list[TechnicianRow]:
        with self.database.reading() as session:
            return queries.technicians(session, region_id)

    def parameter(self, key: str):
        """One rule parameter's value (the table's, or its default)."""
        with self.database.reading() as session:
            return parameters(session)[key]

    def map_facts(self, region_id: uuid.UUID | None = None) -> MapFacts:
        """Where the open orders are, the districts, and the technicians' last positions."""
        with self.database.reading() as session:
            return MapFacts(
                queries.open_order_sites(session, region_id),
                queries.district_centres(session),
                queries.technician_positions(session, region_id),
            )

    def technician_positions(self, region_id: uuid.UUID | None, only: set[uuid.UUID]) -> list[tuple]:
        """Where these technicians are now (those with no position, inactive or of another region left out)."""
        with self.database.reading() as session:
            return queries.technician_positions(session, region_id, only)

    def technician_day(self, technician_id: uuid.UUID, start: datetime, end: datetime) -> list[tuple]:
        with self.database.reading() as session:
            return queries.technician_day(session, technician_id, start, end)

    def user(self, username: str | None) -> DeskUser | None:
        """The desk's user; None when a named user is not in the data file (or not active)."""
        with self.database.reading() as session:
            return queries.desk_user(session, username)


def seed_demo_centre(database: Database, params: DemoParameters | None = None, now: datetime | None = None) -> Changes:
    generate_demo(database, params or DemoParameters(), now)
    return Changes(everything=True)
