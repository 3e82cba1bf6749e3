"""The rules in force, built again only when their rows change (console.core.store.rules_cache): on
PostgreSQL the same pair while nothing changed, a fresh one equal to a new read after a change to any
of the tables they come from; on SQLite read every time."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import create_engine, insert, update

import db
from console.core.domain.calendar import BusinessCalendar
from console.core.domain.sla import RuleBook
from console.core.store.database import Database
from console.core.store.models import CalendarOverride, CalendarYear, RuleParameter, SlaRuleRow
from console.core.store.rules import load_calendar, load_rulebook, seed_default_rules
from console.core.store.rules_cache import RulesInForce

NOW = datetime(2026, 11, 22, tzinfo=UTC)


def same_rules(found: tuple[BusinessCalendar, RuleBook], fresh: tuple[BusinessCalendar, RuleBook]) -> bool:
    return found[0] == fresh[0] and found[1]._rules == fresh[1]._rules and found[1].parameters == fresh[1].parameters


CHANGES = {  # one change to each table the rules are built from
    "sla_rules": update(SlaRuleRow).where(SlaRuleRow.kind == "fault").values(amount=SlaRuleRow.amount + Decimal(1)),
    "rule_parameters": update(RuleParameter).where(RuleParameter.key == "calendar.day_end").values(value={"value": "17:30"}),
    "calendar_overrides": insert(CalendarOverride).values(day=date(2026, 11, 24), is_working=False, note="停电", updated_at=NOW),
    "calendar_years": insert(CalendarYear).values(year=2031, source="test", imported_at=NOW, updated_at=NOW),
}


@pytest.mark.postgres
def test_the_same_rules_until_a_table_they_come_from_changes(postgres_url) -> None:
    engine = create_engine(postgres_url)
    db.upgrade(engine)
    database = Database(engine)
    with database.unit_of_work() as s:
        seed_default_rules(s)
    rules = RulesInForce()
    with database.reading() as s:
        first = rules.read(s)
        again = rules.read(s)
        assert again[0] is first[0] and again[1] is first[1]
        assert same_rules(first, (load_calendar(s), load_rulebook(s)))
    for table, change in CHANGES.items():
        with database.unit_of_work() as s:
            s.execute(change)
        with database.reading() as s:
            found = rules.read(s)
            assert found[1] is not first[1], table
            assert same_rules(found, (load_calendar(s), load_rulebook(s))), table
            assert not same_rules(found, first), table
            first = found
    engine.dispose()


def test_a_sqlite_file_reads_them_every_time(tmp_path) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'desk.sqlite'}")
    db.upgrade(engine)
    database = Database(engine)
    with database.unit_of_work() as s:
        seed_default_rules(s)
    rules = RulesInForce()
    with database.reading() as s:
        first, again = rules.read(s), rules.read(s)
        assert first[1] is not again[1] and same_rules(first, again)
    engine.dispose()
