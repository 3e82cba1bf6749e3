"""0020: the satisfaction callbacks of the answers stored before the table existed."""

from datetime import timedelta
from pathlib import Path

import db
from console.core.demo.centre import DemoParameters, generate_demo
from console.core.store.database import Database, sqlite_engine
from console.core.store.models import Callback, FieldEvent, callback_id_for
from tests.fixtures.demo import DEMO_NOW


def test_the_answers_stored_before_callbacks_existed_get_theirs(tmp_path: Path) -> None:
    """0020: every dissatisfied answer already stored gets an open callback, with the id its answer's
    task takes everywhere (the centre and each desk make the same row), due 24 hours after it came."""
    engine = sqlite_engine(tmp_path / "old.sqlite")
    db.upgrade(engine)
    database = Database(engine)
    generate_demo(database, DemoParameters(seed=3, customers=300, sites=700, technicians=24, open_orders=100, closed_orders=300), DEMO_NOW)
    db.downgrade(engine, "0019")  # a file from before: its answers, no callbacks
    db.upgrade(engine)
    with database.reading() as s:
        answers = {e.id: e for e in s.query(FieldEvent).filter(FieldEvent.rating == "dissatisfied")}
        tasks = s.query(Callback).all()
    assert answers and {t.id for t in tasks} == {callback_id_for(i) for i in answers}
    for task in tasks:
        assert task.state == "open" and task.attempts == 0 and task.order_id == answers[task.field_event_id].order_id
        assert task.due_at == answers[task.field_event_id].received_at + timedelta(hours=24)
    engine.dispose()
