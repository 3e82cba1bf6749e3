"""The quick pass over a pushed value (`central.limits.plainly_usable`, and for a whole batch `usable_together`) never lets through what
the careful walk refuses: NUL, lone surrogates, long texts, huge numbers, deep nesting."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from central.limits import plainly_usable as _plainly_usable
from central.limits import usable_together
from central.limits import walk as _walk

texts = st.one_of(st.text(max_size=30), st.text(alphabet=st.sampled_from("a\x00\ud800\\u0"), max_size=8),
                  st.just("x" * 4001))
scalars = st.one_of(st.none(), st.booleans(), st.integers(min_value=-(2**70), max_value=2**70),
                    st.floats(allow_nan=True, allow_infinity=True), texts)
values = st.recursive(scalars, lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(texts, inner, max_size=4)),
                      max_leaves=40)


@settings(max_examples=400, deadline=None)
@given(values, values, values)
def test_the_quick_pass_lets_through_only_what_the_walk_accepts(value, seen, expected) -> None:
    if _plainly_usable(value):
        assert _walk(value, "args") == "", value
    if _plainly_usable({"args": value, "seen": seen, "expected": expected}, depth=13):  # an action's three parts at once
        assert not (_walk(value, "args") or _walk(seen, "seen") or _walk(expected, "expected")), (value, seen, expected)


def test_the_quick_pass_takes_an_ordinary_action() -> None:
    assert _plainly_usable({"order_ids": ["0b7c1b8e-4f4c-4e0a-9a59-7f1f2c3d4e5f"], "technician_id": "5c1d", "note": "客户未准备好"})


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(values, values, values), max_size=5))
def test_the_quick_pass_over_a_batch_lets_through_only_what_the_walk_accepts(parts) -> None:
    ops = [{"name": "orders.assign", "args": a, "seen": s, "expected": e} for a, s, e in parts]
    if usable_together(ops):
        for a, s, e in parts:
            assert not (_walk(a, "args") or _walk(s, "seen") or _walk(e, "expected")), (a, s, e)


def test_the_quick_pass_takes_a_batch_of_ordinary_actions_and_not_one_too_deep() -> None:
    action = {"name": "orders.assign", "args": {"order_ids": ["0b7c1b8e4f4c4e0a9a597f1f2c3d4e5f"], "technician_id": "5c1d"},
              "seen": {}, "expected": {"0b7c1b8e4f4c4e0a9a597f1f2c3d4e5f": 3}}
    assert usable_together([action] * 200)
    deep: object = "x"
    for _ in range(13):
        deep = [deep]
    assert not usable_together([action] * 199 + [{**action, "args": {"note": deep}}])
