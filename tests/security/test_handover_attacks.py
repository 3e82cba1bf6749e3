"""A hostile desk against the shift handover's operations (`handover.sign`, `handover.acknowledge`)
pushed to a real centre: another region's handover, a dispatcher signing, the signer acknowledging
their own, a second acknowledgement, and attribution or contents the desk tries to set itself. The
centre drafts the handover again as the token's user at its own time; a refused action writes
nothing but the record of its refusal."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from console.core.services.desk import DeskReader
from console.core.services.handover import Handovers, shifts_at
from console.core.store.models import Handover
from tests.security.push_helpers import (
    MINE,
    THEIRS,
    an_order,
    feed_mark,
    mentions,
    op,
    push,
    region,
    results,
    state,
    token,
    user,
    written_since,
)


def shift_now(central) -> datetime:
    with central.reading() as s:
        return shifts_at(s, datetime.now(UTC))[0][0]


def sign(central, code: str, **extra) -> dict:
    return op("handover.sign", region_id=str(region(central, code).id), shift_start=shift_now(central).isoformat(), **extra)


def signed_at_the_centre(central, code: str, username: str = "admin") -> Handover:
    """A handover of the region signed at the centre (as that region's desk would have pushed it)."""
    signer = DeskReader(central).user(username)
    Handovers(central, signer, lambda: datetime.now(UTC)).sign(region(central, code).id, shift_now(central), "交班")
    with central.reading() as s:
        return s.scalars(select(Handover).where(Handover.region_id == region(central, code).id,
                                                Handover.shift_start == shift_now(central))).one()


def handovers(central) -> list[Handover]:
    """The handovers signed in these tests (the demo's are of its own days, weeks before)."""
    with central.reading() as s:
        return list(s.scalars(select(Handover).where(Handover.signed_at >= datetime.now(UTC) - timedelta(days=1))))


def test_a_dispatcher_cannot_sign_a_handover_not_even_by_re_applying_it(centre) -> None:
    base, central, _url = centre
    attempt = sign(central, MINE, notes="我来交班")
    mark = feed_mark(central)
    answer = push(base, token(base), [{"m": 1, "op": attempt},
                                      {"m": 2, "op": op("sync.reapply", mutation=1, action=attempt, order_id=str(an_order(central, MINE).id))}])
    first, second = results(answer)
    assert (first["ok"], first["code"]) == (False, "rules_role") and not second["ok"]
    assert handovers(central) == [] and written_since(central, mark) == set()


def test_another_regions_shift_cannot_be_handed_over(centre) -> None:
    base, central, _url = centre
    mark = feed_mark(central)
    for username in ("supervisor.central", "supervisor.pudong"):
        answer = push(base, token(base, username), [{"m": 1, "op": sign(central, THEIRS)}], desk=f"desk-{username}")
        assert results(answer)[0]["code"] == "rules_role"
    assert handovers(central) == [] and written_since(central, mark) == set()


def test_another_regions_handover_cannot_be_acknowledged(centre) -> None:
    base, central, _url = centre
    theirs = signed_at_the_centre(central, THEIRS)
    before, mark = state(central, Handover, theirs.id), feed_mark(central)
    for username in ("supervisor.central", "supervisor.pudong", "wang.wei.central"):
        answer = push(base, token(base, username), [{"m": 1, "op": op("handover.acknowledge", handover_id=str(theirs.id), note="收到")}],
                      desk=f"desk-{username}")
        assert results(answer)[0]["code"] == "region", username
        assert not mentions(answer.text, theirs)
    assert state(central, Handover, theirs.id) == before and written_since(central, mark) == set()


def test_the_signer_cannot_acknowledge_their_own_handover_and_another_does_it_once(centre) -> None:
    base, central, _url = centre
    before_signing = datetime.now(UTC)
    assert results(push(base, token(base, "supervisor.central"), [{"m": 1, "op": sign(central, MINE, notes="交班")}]))[0]["ok"]
    (mine,) = handovers(central)
    assert mine.signed_by == user(central, "supervisor.central").id and before_signing <= mine.signed_at <= datetime.now(UTC)
    acknowledge = op("handover.acknowledge", handover_id=str(mine.id), note="自己确认")
    mark = feed_mark(central)
    answer = push(base, token(base, "supervisor.central"), [{"m": 2, "op": acknowledge}])
    assert results(answer)[0]["code"] == "rules_role"
    assert state(central, Handover, mine.id)["acknowledged_by"] is None and written_since(central, mark) == set()

    admin = token(base, "admin")
    assert results(push(base, admin, [{"m": 1, "op": op("handover.acknowledge", handover_id=str(mine.id), note="已阅")}], desk="desk-admin"))[0]["ok"]
    again = results(push(base, admin, [{"m": 2, "op": op("handover.acknowledge", handover_id=str(mine.id), note="再确认")}], desk="desk-admin"))[0]
    assert (again["ok"], again["code"]) == (False, "unusable") and "acknowledged already" in again["reason"]
    after = state(central, Handover, mine.id)
    assert (after["acknowledged_by"], after["acknowledgement_note"], after["version"]) == (user(central, "admin").id, "已阅", 2)


def test_a_desk_cannot_set_who_signed_when_or_what_the_lines_say(centre) -> None:
    base, central, _url = centre
    order = an_order(central, MINE)
    forged = {
        "signed by someone else": sign(central, MINE, signed_by=str(user(central, "admin").id)),
        "signed at another time": sign(central, MINE, signed_at="2026-01-01T00:00:00+00:00"),
        "its own contents": sign(central, MINE, contents={"sections": []}),
        "another shift": sign(central, MINE) | {"args": {**sign(central, MINE)["args"],
                                                          "shift_start": (shift_now(central) - timedelta(days=3)).isoformat()}},
        "a time without its zone": sign(central, MINE) | {"args": {**sign(central, MINE)["args"], "shift_start": "2026-12-05T08:00:00"}},
    }
    headers, mark = token(base, "supervisor.central"), feed_mark(central)
    answers = results(push(base, headers, [{"m": n + 1, "op": attempt} for n, attempt in enumerate(forged.values())]))
    for name, answer in zip(forged, answers, strict=True):
        assert (answer["ok"], answer["code"]) == (False, "unusable"), name
    assert handovers(central) == [] and written_since(central, mark) == set()

    # a line the desk words itself: only its choice (kept, remark) is taken; the line is the centre's view of the order
    choice = {"section": "at_risk", "order_id": str(order.id), "kept": True, "remark": "请跟进",
              "number": "PR20990101999999", "customer": "假客户", "facts": {"band": "green"}}
    assert results(push(base, headers, [{"m": 6, "op": sign(central, MINE, choices=[choice])}]))[0]["ok"]
    (signed,) = handovers(central)
    line = next(i for s in signed.contents["sections"] if s["key"] == "at_risk" for i in s["items"] if i["order_id"] == order.id.hex)
    assert (line["number"], line["remark"]) == (order.number, "请跟进") and line["customer"] != "假客户"
    assert "PR20990101999999" not in str(signed.contents) and signed.signed_by == user(central, "supervisor.central").id


def test_a_choice_naming_another_regions_order_is_refused_by_region(centre) -> None:
    base, central, _url = centre
    theirs = an_order(central, THEIRS)
    mark = feed_mark(central)
    attempt = sign(central, MINE, choices=[{"section": "at_risk", "order_id": str(theirs.id), "remark": "x"}])
    answer = push(base, token(base, "supervisor.central"), [{"m": 1, "op": attempt}])
    assert results(answer)[0]["code"] == "region" and not mentions(answer.text, theirs)
    assert handovers(central) == [] and written_since(central, mark) == set()
