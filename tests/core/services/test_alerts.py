"""Acknowledging a red or late order's alert: an audit row with the band and the note, by whom and
when; the order itself unchanged; bad input refused whole."""

from datetime import timedelta

import pytest

from console.core.domain.enums import Band, OrderStatus
from console.core.domain.lifecycle import Refusal
from console.core.services.alerts import acknowledgements
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import WorkOrder
from tests.fixtures.demo import DEMO_NOW


def test_an_acknowledgement_names_who_when_and_why_and_leaves_the_order_as_it_was(demo_db) -> None:
    reader = DeskReader(demo_db)
    user = reader.user(None)
    rows = [r for r in reader.queue() if r.status.is_open][:2]
    with demo_db.reading() as s:
        versions = {r.id: s.get(WorkOrder, r.id).version for r in rows}
    actions = OrderActions(demo_db, user, lambda: DEMO_NOW)
    outcome = actions.acknowledge_alert([r.id for r in rows], Band.RED, "  已电话联系技术员，20分钟到场  ")
    assert outcome.changed == 2 and not outcome.refused
    later = OrderActions(demo_db, user, lambda: DEMO_NOW + timedelta(minutes=5))
    later.acknowledge_alert([rows[0].id], Band.BREACHED, "")
    acks = acknowledgements(demo_db, [r.id for r in rows])
    assert acks[(rows[0].id, Band.RED)].note == "已电话联系技术员，20分钟到场"
    assert acks[(rows[0].id, Band.RED)].by == user.display_name and acks[(rows[0].id, Band.RED)].at == DEMO_NOW
    assert acks[(rows[0].id, Band.BREACHED)].at == DEMO_NOW + timedelta(minutes=5)
    assert (rows[1].id, Band.BREACHED) not in acks  # the red alert's acknowledgement does not cover a breach
    with demo_db.reading() as s:
        assert {r.id: s.get(WorkOrder, r.id).version for r in rows} == versions


def test_bad_input_is_refused_whole_and_a_closed_order_is_not_acknowledged(demo_db) -> None:
    reader = DeskReader(demo_db)
    actions = OrderActions(demo_db, reader.user(None), lambda: DEMO_NOW)
    acked = {order_id for order_id, _band in acknowledgements(demo_db, None)}
    row = next(r for r in reader.queue() if r.status.is_open and r.id not in acked)  # (the demo's desk took many in hand)
    with pytest.raises(ValueError, match="red or late"):
        actions.acknowledge_alert([row.id], Band.GREEN, "")
    with pytest.raises(ValueError, match="500"):
        actions.acknowledge_alert([row.id], Band.RED, "x" * 501)
    assert acknowledgements(demo_db, [row.id]) == {}
    with demo_db.unit_of_work() as s:
        closed = s.query(WorkOrder).filter(WorkOrder.status == OrderStatus.CLOSED).first()
        number = closed.number
    outcome = actions.acknowledge_alert([closed.id, row.id], Band.RED, "")
    assert outcome.refused == {closed.id: (number, Refusal.NOT_OPEN)} and outcome.changed == 1
