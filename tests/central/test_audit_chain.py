"""The centre's audit log as a hash chain, written by several sessions at once on a new database."""

import threading
import time
import uuid
from datetime import UTC, datetime

import pytest
from sqlalchemy import create_engine, func, select

import db
from central import audit_chain
from console.core.store.database import Database
from console.core.store.models import AuditEntry


def _entry(action: str) -> AuditEntry:
    return AuditEntry(at=datetime.now(UTC), action=action, entity="work_order", entity_id=uuid.uuid4(), before=None, after=None)


@pytest.mark.postgres
def test_the_first_writers_of_a_new_centre_keep_every_audit_row(postgres_url: str) -> None:
    """The chain's head does not exist yet: the first writer creates it and holds it until its commit,
    the others wait on it meanwhile; then each takes its turn. None of their audit rows is lost (a
    savepoint that caught the losers' failed insert had taken their rows with it), and rows written
    without a reason verify (they are hashed as stored)."""
    engine = create_engine(postgres_url, pool_size=10)
    db.upgrade(engine)
    database = Database(engine)
    audit_chain.install(database.sessions)
    first = database.sessions()
    first.begin()
    first.add(_entry("order.first"))
    first.flush()  # the head is made, and locked until this commit
    failures: list[BaseException] = []

    def write(n: int) -> None:
        try:
            with database.sessions() as s, s.begin():
                s.add(_entry(f"order.other{n}"))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    others = [threading.Thread(target=write, args=(n,)) for n in range(6)]
    for thread in others:
        thread.start()
    time.sleep(0.5)  # they are waiting on the head's insert
    first.commit()
    first.close()
    for thread in others:
        thread.join(30)
    assert failures == []
    with database.sessions() as s:
        assert s.scalar(select(func.count()).select_from(AuditEntry)) == 7
        report = audit_chain.verify(s)
    assert report.intact and report.rows == 7, report
    engine.dispose()
