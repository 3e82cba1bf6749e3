"""The rule editors' operations pushed by hostile or careless desks: a dispatcher changes no rule,
a supervisor's forged or oversized values and unknown keys are refused naming what is wrong with
nothing written, and what a supervisor may change the centre recomputes, bounded to what moves.

The rules are centre-wide reference data: a supervisor of any region changes them for every region
(as the calendar and the SLA limits always were), so "another region's supervisor" is allowed here.
"""

from __future__ import annotations

from sqlalchemy import select

from console.core.domain.enums import OPEN_STATUSES as OPEN_ALL
from console.core.store.models import RuleParameter, WorkOrder
from tests.security.push_helpers import (
    MINE,
    THEIRS,
    an_order,
    each_then_a_good_one,
    feed_mark,
    op,
    push,
    results,
    token,
    written_since,
)

PAUSE_LIST = [{"reason": "customer_postponed", "sub": "", "zh": "", "en": "", "active": True},
              {"reason": "customer_postponed", "sub": "holiday", "zh": "客户放假", "en": "Customer on holiday", "active": True},
              {"reason": "customer_not_ready", "sub": "", "zh": "", "en": "", "active": False}]
EDITS = {
    "a band threshold": op("rules.set_parameter", key="sla.band.amber_from", value="0.4", reason="faster"),
    "business hours": op("rules.set_parameter", key="calendar.day_end", value="20:00", reason="longer days"),
    "an audit rule": op("rules.set_parameter", key="compliance.signed", value="false", reason="no signatures"),
    "a reason list": op("rules.set_reasons", kind="pause", entries=PAUSE_LIST, reason="finer reasons"),
    "a reason list, re-applied": op("sync.reapply", mutation=1, action={"name": "rules.set_reasons",
                                                                        "args": {"kind": "pause", "entries": PAUSE_LIST, "reason": "x"}}),
}


def test_a_dispatcher_changes_no_rule_parameter_or_reason_list(centre) -> None:
    base, central, _url = centre
    order, mark = an_order(central, MINE), feed_mark(central)
    for change, refused in each_then_a_good_one(base, token(base), EDITS, order).items():
        assert refused["code"] == "rules_role", (change, refused)
    written = written_since(central, mark)
    assert {t for t, _ in written} == {"work_orders", "audit_log"} and {i for t, i in written if t == "work_orders"} == {order.id}


FORGED = {
    "an unknown key": (op("rules.set_parameter", key="planning.speed_kmh", value="300", reason="x"), "not a rule"),
    "the zone": (op("rules.set_parameter", key="calendar.zone", value="UTC", reason="x"), "not a rule"),
    "red before amber": (op("rules.set_parameter", key="sla.band.red_from", value="0.3", reason="x"), "amber must start before red"),
    "a share past the limit": (op("rules.set_parameter", key="sla.band.red_from", value="1e9", reason="x"), "at most 1"),
    "hours ending before they start": (op("rules.set_parameter", key="calendar.day_end", value="06:00", reason="x"), "start before"),
    "a grace of a day": (op("rules.set_parameter", key="compliance.check_in_grace_minutes", value="1440", reason="x"), "0 to 240"),
    "a switch that is not one": (op("rules.set_parameter", key="compliance.signed", value="perhaps", reason="x"), "on (true)"),
    "a value as a number": (op("rules.set_parameter", key="sla.band.amber_from", value=0.4, reason="x"), "args.value"),
    "no reason": (op("rules.set_parameter", key="sla.band.amber_from", value="0.4", reason="  "), "say why"),
    "a long reason": (op("rules.set_parameter", key="sla.band.amber_from", value="0.4", reason="长" * 600), "longer than 500"),
    "a reason past the wire's limit": (op("rules.set_parameter", key="sla.band.amber_from", value="0.4", reason="x" * 5000), "reason"),
    "a list that drops a reason": (op("rules.set_reasons", kind="pause", entries=PAUSE_LIST[:2], reason="x"), "missing"),
    "a list that offers a field exception pause": (
        op("rules.set_reasons", kind="pause", entries=[*PAUSE_LIST, {"reason": "field_exception"}], reason="x"), "not one of"),
    "a list of another kind": (op("rules.set_reasons", kind="refund", entries=PAUSE_LIST, reason="x"), "args.kind"),
    "a list that is not a list": (op("rules.set_reasons", kind="pause", entries="all of them", reason="x"), "args.entries"),
    "a list of 10,000 lines": (op("rules.set_reasons", kind="pause", entries=[PAUSE_LIST[1]] * 10_000, reason="x"), "at most"),
    "long words": (op("rules.set_reasons", kind="pause", entries=[{**PAUSE_LIST[1], "zh": "长" * 400}, *PAUSE_LIST[::2]],
                      reason="x"), "longer than 40"),
}


def test_a_supervisors_forged_values_are_refused_naming_what_is_wrong_and_nothing_is_written(centre) -> None:
    base, central, _url = centre
    order, mark = an_order(central, MINE), feed_mark(central)
    answers = each_then_a_good_one(base, token(base, "supervisor.central"), {k: v[0] for k, v in FORGED.items()}, order)
    for change, refused in answers.items():
        assert refused["code"] == "unusable", (change, refused)
        assert FORGED[change][1] in refused["reason"], (change, refused["reason"])
    written = written_since(central, mark)
    assert {t for t, _ in written} == {"work_orders", "audit_log"} and {i for t, i in written if t == "work_orders"} == {order.id}


def test_another_regions_supervisor_changes_the_centre_wide_bands_and_every_open_order_is_recomputed(centre) -> None:
    base, central, _url = centre
    mine, theirs = an_order(central, MINE), an_order(central, THEIRS)
    answer = results(push(base, token(base, "supervisor.pudong"),
                          [{"m": 1, "op": op("rules.set_parameter", key="sla.band.amber_from", value="0.3", reason="总部通知")}]))
    assert answer[0]["ok"], answer
    with central.reading() as s:
        assert s.scalars(select(RuleParameter.value).where(RuleParameter.key == "sla.band.amber_from")).one() == {"value": "0.3"}
        for before in (mine, theirs):
            after = s.get(WorkOrder, before.id)
            assert after.amber_at < before.amber_at and after.due_at == before.due_at and after.version == before.version


def test_a_reason_list_or_audit_rule_recomputes_no_deadline_at_the_centre(centre) -> None:
    base, central, _url = centre
    mark = feed_mark(central)
    answer = results(push(base, token(base, "supervisor.central"), [
        {"m": 1, "op": op("rules.set_reasons", kind="pause", entries=PAUSE_LIST, reason="finer reasons")},
        {"m": 2, "op": op("rules.set_parameter", key="compliance.signed", value="false", reason="pilot")}]))
    assert all(r["ok"] for r in answer), answer
    assert {t for t, _ in written_since(central, mark)} == {"rule_parameters", "audit_log"}


def test_a_limit_of_one_kind_recomputes_that_kinds_open_orders_only(centre) -> None:
    base, central, _url = centre
    mark = feed_mark(central)
    limit = op("rules.set_limit", kind="fault", stage="restoration", grade="ordinary", amount="12", unit="hours", reason="新协议")
    assert results(push(base, token(base, "supervisor.central"), [{"m": 1, "op": limit}]))[0]["ok"]
    moved = {i for t, i in written_since(central, mark) if t == "work_orders"}
    with central.reading() as s:
        open_faults = set(s.scalars(select(WorkOrder.id).where(WorkOrder.kind == "fault", WorkOrder.status.in_(OPEN_ALL),
                                                               WorkOrder.deleted.is_(False))))
    assert moved and moved == open_faults
