"""A push's order actions run together (`central.together`) answer and write exactly what they write
run one at a time (`central.operations.run`): the same push, on two copies of the same centre, once
as it is and once with runs of one action, gives the same answers and the same rows, audit chain
included. The push mixes what a desk's backlog holds: assignments, pauses and their resumptions (an
order named twice ends a run), priorities, an approval a dispatcher may not give, an order closed
meanwhile, a version the desk saw that is no longer the centre's, another region's order, and an
action the centre cannot use.
"""

from __future__ import annotations

import json
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import create_engine, select, text

from central import audit_chain, outbound, together
from central import push as pushes
from central.schemas import Mutation
from console.core.domain.enums import OrderStatus
from console.core.services.desk import DeskReader
from console.core.store.database import Database
from console.core.store.models import Region, Technician, WorkOrder
from tests.fixtures.demo import DEMO_NOW
from tests.fixtures.postgres import as_service, create_database, drop_database

NOW = DEMO_NOW + timedelta(minutes=7)
OPEN = ["new", "accepted", "dispatched"]


def _op(name: str, **args) -> dict:
    return {"name": name, "id": uuid.uuid5(uuid.NAMESPACE_URL, f"{name}{json.dumps(args, sort_keys=True)}").hex, "args": args}


def _backlog(database: Database) -> list[Mutation]:
    with database.reading() as s:
        central = s.scalar(select(Region.id).where(Region.code == "central"))
        other = s.scalar(select(Region.id).where(Region.code != "central"))
        mine = s.scalars(select(WorkOrder).where(WorkOrder.region_id == central, WorkOrder.status.in_(OPEN),
                                                 WorkOrder.paused_since.is_(None)).order_by(WorkOrder.number).limit(40)).all()
        theirs = s.scalar(select(WorkOrder.id).where(WorkOrder.region_id == other, WorkOrder.status.in_(OPEN)).limit(1))
        technicians = s.scalars(select(Technician.id).where(Technician.region_id == central).order_by(Technician.employee_no)).all()
        ids = [str(o.id) for o in mine]
        versions = {o.id.hex: o.version for o in mine}
    assert len(ids) >= 18, len(ids)
    ops = [_op("orders.assign", order_ids=[i], technician_id=str(technicians[k % len(technicians)])) for k, i in enumerate(ids[:6])]
    ops += [_op("orders.pause", order_ids=[i], reason="customer_not_ready", note=f"n{k}") for k, i in enumerate(ids[6:10])]
    ops += [_op("orders.set_priority", order_ids=[i], priority=1 + k % 3) for k, i in enumerate(ids[10:13])]
    ops += [_op("orders.resume", order_ids=[i]) for i in ids[6:8]]  # orders of this push again: a new run
    ops += [_op("orders.approve_pause", order_ids=[ids[8]])]  # a dispatcher may not: refused by the rules
    ops += [_op("orders.assign", order_ids=[ids[13]], technician_id=str(technicians[0]))]  # closed meanwhile: refused
    ops += [{**_op("orders.set_priority", order_ids=[ids[14]], priority=3),
             "expected": {uuid.UUID(ids[14]).hex: versions[uuid.UUID(ids[14]).hex] - 1}}]  # a version the centre no longer has
    ops += [_op("orders.set_priority", order_ids=[str(theirs)], priority=1)]  # another region's
    ops += [_op("orders.pause", order_ids=[ids[15]], reason="no such reason")]  # cannot be used
    ops += [_op("orders.assign", order_ids=[ids[16], ids[17]], technician_id=str(technicians[1]))]
    return [Mutation(m=k + 1, op=op) for k, op in enumerate(ops)], uuid.UUID(ids[13])


def _centre(postgres_server, centre_template: str) -> tuple[str, Database]:
    name = create_database(postgres_server, template=centre_template)
    database = Database(create_engine(as_service(postgres_server.database_url(name))))
    audit_chain.install(database.sessions)
    outbound.install(database.sessions)
    return name, database


def _state(database: Database) -> dict[str, list]:
    with database.reading() as s:
        return {table: [_unstamped(_refusal_unnamed(dict(r._mapping))) for r in s.execute(text(f"SELECT * FROM {table} ORDER BY {order}"))]
                for table, order in (("work_orders", "id"), ("sla_pauses", "id"), ("audit_log", "seq"),
                                     ("outbox_messages", "dedupe_key"), ("sync_refusals", "mutation"), ("sync_mutations", "mutation"))}


@pytest.fixture
def two_centres(postgres_server, centre_template):
    made = [_centre(postgres_server, centre_template) for _ in range(2)]
    yield [database for _name, database in made]
    for name, database in made:
        database.engine.dispose()
        drop_database(postgres_server, name)


def test_actions_run_together_answer_and_write_as_one_at_a_time(two_centres, monkeypatch) -> None:
    answers, states = [], []
    for k, database in enumerate(two_centres):
        backlog, closed = _backlog(database)
        with database.unit_of_work() as s:
            s.get(WorkOrder, closed).status = OrderStatus.CLOSED
        user = DeskReader(database).user("wang.wei.central")
        runs: list[int] = []
        if k == 1:  # one at a time
            monkeypatch.setattr(together, "run_end", lambda prepared, start: start + 1)
        else:
            monkeypatch.setattr(together, "run_end", _counting(together.run_end, runs))
        answered = pushes.push(database, user, "desk-1", backlog, lambda: NOW)
        answers.append([_unstamped(a.model_dump()) for a in answered])
        states.append(_state(database))
        if k == 0:
            assert max(runs) >= 6 and len(runs) < len(backlog) / 2, runs  # it did run them together
    for together_, alone in zip(*answers, strict=True):
        assert together_ == alone, _difference(together_, alone)
    for table in states[0]:
        assert states[0][table] == states[1][table], table
    codes = [(a["ok"], a["code"]) for a in answers[0]]
    assert codes.count((True, "")) == 6 + 4 + 3 + 2 + 1, codes
    assert {c for ok, c in codes if not ok} == {"rules", "changed", "region", "unusable"}, codes
    with two_centres[0].reading() as s:
        assert audit_chain.verify(s).broken_at is None


def _counting(run_end, runs: list[int]):
    """`together.run_end`, noting the length of each run."""
    def counted(prepared, start: int) -> int:
        end = run_end(prepared, start)
        runs.append(end - start)
        return end
    return counted


def _difference(a: dict, b: dict, where: str = "") -> str:
    for key in sorted(set(a) | set(b), key=str):
        x, y = a.get(key), b.get(key)
        if x != y:
            return _difference(x, y, f"{where}.{key}") if isinstance(x, dict) and isinstance(y, dict) else f"{where}.{key}: {x!r} != {y!r}"
    return ""


def _unstamped(value):
    """Without the `updated_at` stamps (an SLA recomputation stamps the wall clock, not the push's)."""
    if isinstance(value, dict):
        return {k: _unstamped(v) for k, v in value.items() if k != "updated_at"}
    return value


def _refusal_unnamed(row: dict) -> dict:
    """A refusal's audit row and an SMS without their ids (made afresh by each centre; a refusal's id is not hashed)."""
    return {k: v for k, v in row.items() if k != "id"} if row.get("action") == "sync.refused" or "channel" in row else row
