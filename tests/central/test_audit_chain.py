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
    audit_chain.write(first)  # the head is made, and locked until this commit
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


@pytest.mark.postgres
def test_the_head_is_taken_at_the_commit_not_while_the_transaction_goes_on(postgres_url: str) -> None:
    """A transaction that wrote audit rows and goes on with other work (a push refreshing its SLA
    and reading its answer) does not hold the chain's head meanwhile: another writer's audited
    commit goes through at once. The rows are chained at the first one's commit, after the other's,
    and the chain verifies."""
    engine = create_engine(postgres_url, pool_size=4)
    db.upgrade(engine)
    database = Database(engine)
    audit_chain.install(database.sessions)
    with database.sessions() as s, s.begin():
        s.add(_entry("order.before"))  # the head exists
    slow = database.sessions()
    slow.begin()
    slow.add(_entry("order.slow"))
    slow.flush()  # held, not written: the head is not taken
    assert [e.action for e in audit_chain.held(slow)] == ["order.slow"]
    assert slow.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.action == "order.slow")) == 0
    done = threading.Event()

    def other() -> None:
        with database.sessions() as s, s.begin():
            s.add(_entry("order.other"))
        done.set()

    thread = threading.Thread(target=other)
    thread.start()
    assert done.wait(10), "the other writer waited for a transaction that had not reached its commit"
    slow.commit()
    slow.close()
    with database.sessions() as s:
        assert list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq))) == ["order.before", "order.other", "order.slow"]
        assert audit_chain.verify(s).intact
    engine.dispose()


@pytest.mark.postgres
def test_rows_held_in_a_savepoint_rolled_back_go_with_it(postgres_url: str) -> None:
    """A savepoint rolled back takes the audit rows held in it (and in savepoints inside it), the
    rows held before it or in a savepoint released stay; a rolled back transaction holds nothing
    after; rows given to `hold` keep that order in the chain."""
    engine = create_engine(postgres_url)
    db.upgrade(engine)
    database = Database(engine)
    audit_chain.install(database.sessions)
    with database.sessions() as s, s.begin():
        s.add(_entry("kept.first"))
        s.flush()
        with s.begin_nested():
            s.add(_entry("kept.released"))
        with pytest.raises(RuntimeError), s.begin_nested():
            s.add(_entry("gone.outer"))
            s.flush()
            with s.begin_nested():
                s.add(_entry("gone.inner"))
            raise RuntimeError("refused")
        later, earlier = _entry("kept.b"), _entry("kept.a")
        s.add_all([later, earlier])
        audit_chain.hold(s, [earlier, later])  # in this order, whatever their times
    with pytest.raises(RuntimeError), database.sessions() as s, s.begin():
        s.add(_entry("gone.rolled_back"))
        s.flush()
        raise RuntimeError("rolled back")
    with database.sessions() as s:
        assert audit_chain.held(s) == []
        actions = list(s.scalars(select(AuditEntry.action).order_by(AuditEntry.seq)))
        assert actions == ["kept.first", "kept.released", "kept.a", "kept.b"]
        assert audit_chain.verify(s).intact
    engine.dispose()
