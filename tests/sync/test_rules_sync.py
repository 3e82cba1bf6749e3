"""A supervisor's rule change travelling desk A → centre → desk B: the rule rows are reference data
every desk receives; the deadlines it moves are recomputed at A in chunks, at the centre by the push,
and reach B with the orders' rows."""

from __future__ import annotations

from sqlalchemy import select

from console.core.domain.reasons import ReasonEntry, ReasonKind
from console.core.services.deadlines import recompute
from console.core.services.rules_admin import RulesAdmin
from console.core.store.models import WorkOrder
from console.core.store.rules import parameters
from tests.fixtures.demo import DEMO_NOW


def _amber(database, order_id):
    with database.reading() as s:
        return s.get(WorkOrder, order_id).amber_at


def test_a_band_change_and_a_reason_list_reach_another_regions_desk(centre, make_desk) -> None:
    _base, central, _url = centre
    a, b = make_desk("a", "supervisor.central"), make_desk("b", "supervisor.pudong")
    with b.database.reading() as s:
        theirs = s.scalars(select(WorkOrder.id).where(WorkOrder.status == "new").order_by(WorkOrder.number)).first()
    before = _amber(b.database, theirs)
    admin = RulesAdmin(a.database, a.user, lambda: DEMO_NOW)
    change = admin.set_parameter("sla.band.amber_from", "0.3", "总部通知")
    recompute(a.database, change.affected, lambda: DEMO_NOW)
    lists = [ReasonEntry("customer_postponed", zh="客户改期", en="Customer postponed"), ReasonEntry("customer_not_ready", active=False)]
    admin.set_reasons(ReasonKind.PAUSE, lists, "细分")
    assert a.replica.counts().pending == 2
    assert a.worker.push_once()
    assert a.replica.counts().pending == 0
    with central.reading() as s:
        assert parameters(s)["sla.band.amber_from"] == "0.3"
        assert s.get(WorkOrder, theirs).amber_at < before  # the push recomputed it at the centre
    b.worker.pull_once()
    with b.database.reading() as s:
        assert parameters(s)["sla.band.amber_from"] == "0.3"
    assert _amber(b.database, theirs) < before  # the centre's recomputed row reached the other region's desk
    assert RulesAdmin(b.database, b.user, lambda: DEMO_NOW).reason_lists()[ReasonKind.PAUSE] == tuple(lists)
