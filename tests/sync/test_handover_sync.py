"""The shift handover through the centre: signed at one desk, drafted again at the centre as the
token's user at the centre's time, reaching the other desks of the region; acknowledged at
another desk by another supervisor and back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from console.core.services.handover import Choice, Handovers
from console.core.store.models import AuditEntry, Handover, User


def _handover(database, handover_id) -> Handover | None:
    with database.reading() as s:
        return s.get(Handover, handover_id)


def test_a_handover_signed_at_one_desk_is_the_centres_and_is_acknowledged_at_another(centre, make_desk) -> None:
    _base, central, _url = centre
    outgoing = make_desk("a", "supervisor.central")
    dispatcher = make_desk("c")  # a dispatcher of the same region: reads it
    incoming = make_desk("b", "admin")
    desk_clock = datetime.now(UTC) - timedelta(minutes=3)  # the desk's clock is not the centre's
    handovers = Handovers(outgoing.database, outgoing.user, lambda: desk_clock)
    overview = handovers.overview(outgoing.user.region_id)
    kept = overview.draft.section("at_risk").items
    choices = [Choice("at_risk", kept[0].order_id, remark="已催办")] if kept else []
    handovers.sign(outgoing.user.region_id, overview.draft.shift_start, "交班：注意超时单", choices)
    (mine,) = Handovers(outgoing.database, outgoing.user, lambda: desk_clock).search(outgoing.user.region_id, text="注意超时单")
    assert outgoing.worker.push_once() and outgoing.replica.counts().pending == 0

    at_centre = _handover(central, mine.id)  # the same row, the centre's attribution and time
    assert at_centre is not None and at_centre.signed_by == outgoing.user.id and at_centre.signed_at > desk_clock
    assert at_centre.notes == "交班：注意超时单" and at_centre.shift_start == overview.draft.shift_start
    if kept:
        line = next(i for i in at_centre.contents["sections"][0]["items"] if i["order_id"] == kept[0].order_id.hex)
        assert (line["number"], line["remark"]) == (kept[0].number, "已催办")
    assert _handover(outgoing.database, mine.id).signed_at == at_centre.signed_at  # the answer gave the desk the centre's row
    with central.reading() as s:
        audit = s.scalars(select(AuditEntry).where(AuditEntry.action == "handover.signed", AuditEntry.entity_id == mine.id)).one()
        assert audit.user_id == outgoing.user.id and audit.seq is not None

    dispatcher.worker.pull_once()
    incoming.worker.pull_once()
    assert _handover(dispatcher.database, mine.id).signed_by == outgoing.user.id
    Handovers(incoming.database, incoming.user, lambda: datetime.now(UTC)).acknowledge(mine.id, "已阅")
    assert incoming.worker.push_once() and incoming.replica.counts().pending == 0
    outgoing.worker.pull_once()
    row = _handover(outgoing.database, mine.id)
    with central.reading() as s:
        admin = s.scalars(select(User.id).where(User.username == "admin")).one()
    assert (row.acknowledged_by, row.acknowledgement_note, row.version) == (admin, "已阅", 2)
    assert row.acknowledged_at == _handover(central, mine.id).acknowledged_at
