"""Reason lists: the built-in reasons kept, reordered, renamed, switched off; sub-reasons under them."""

import pytest

from console.core.domain.enums import CancelReason, PauseReason, RescheduleReason
from console.core.domain.reasons import (
    ReasonEntry,
    ReasonKind,
    ReasonListError,
    checked,
    default_list,
    from_stored,
    note_with,
    offered,
)


def test_the_default_lists_are_the_built_in_reasons_a_person_picks() -> None:
    assert [e.reason for e in default_list(ReasonKind.CANCEL)] == [r.value for r in CancelReason]
    assert PauseReason.FIELD_EXCEPTION.value not in [e.reason for e in default_list(ReasonKind.PAUSE)]


def test_a_list_reordered_renamed_with_a_sub_reason_offers_them_in_its_order() -> None:
    entries = [ReasonEntry("site_not_ready", zh="现场未具备条件", en="Site not ready"),
               ReasonEntry("site_not_ready", "renovation", "客户装修未完成", "Renovation not finished"),
               *[ReasonEntry(r.value) for r in RescheduleReason if r is not RescheduleReason.SITE_NOT_READY],
               ]
    entries[-1] = ReasonEntry("other", active=False)
    stored = checked(ReasonKind.RESCHEDULE, entries)
    zh = offered(ReasonKind.RESCHEDULE, stored, english=False)
    assert zh[0].reason is RescheduleReason.SITE_NOT_READY and zh[0].recorded == ""
    assert zh[1].reason is RescheduleReason.SITE_NOT_READY and zh[1].label == "客户装修未完成" and zh[1].recorded == "客户装修未完成"
    assert RescheduleReason.OTHER not in [o.reason for o in zh]
    en = offered(ReasonKind.RESCHEDULE, stored, english=True)
    assert en[1].label == "Renovation not finished" and en[1].recorded == "客户装修未完成"
    assert note_with(zh[1].recorded, " 月底完工 ") == "客户装修未完成\n月底完工"
    assert note_with("", " x ") == "x"


@pytest.mark.parametrize(("entries", "message"), [
    ([ReasonEntry("customer_not_ready")], "customer_postponed missing"),
    ([ReasonEntry("customer_not_ready"), ReasonEntry("customer_postponed"), ReasonEntry("field_exception")], "not one of the reasons"),
    ([ReasonEntry("customer_not_ready"), ReasonEntry("customer_postponed"), ReasonEntry("customer_postponed")], "listed twice"),
    ([ReasonEntry("customer_not_ready", active=False), ReasonEntry("customer_postponed", active=False)], "at least one"),
    ([ReasonEntry("customer_not_ready"), ReasonEntry("customer_postponed"), ReasonEntry("customer_postponed", "x", "甲")],
     "zh_CN and in English"),
    ([ReasonEntry("customer_not_ready"), ReasonEntry("customer_postponed"), ReasonEntry("customer_postponed", "Bad Code", "甲", "a")],
     "code"),
    ([ReasonEntry("customer_not_ready", zh="长" * 41), ReasonEntry("customer_postponed")], "longer than 40"),
    ([ReasonEntry("customer_not_ready", en="a\u202eb"), ReasonEntry("customer_postponed")], "control character"),
    ([ReasonEntry("customer_not_ready"), ReasonEntry("customer_postponed"), ReasonEntry("customer_postponed", "a", "甲", "a"),
      ReasonEntry("customer_postponed", "a", "乙", "b")], "listed twice"),
])
def test_a_list_that_drops_invents_or_garbles_a_reason_is_refused(entries, message) -> None:
    with pytest.raises(ReasonListError, match=message):
        checked(ReasonKind.PAUSE, entries)


def test_a_stored_list_that_cannot_be_used_falls_back_to_the_default_whole() -> None:
    assert from_stored(ReasonKind.CANCEL, None) == default_list(ReasonKind.CANCEL)
    assert from_stored(ReasonKind.CANCEL, [{"reason": "from_a_newer_desk"}]) == default_list(ReasonKind.CANCEL)
    assert from_stored(ReasonKind.CANCEL, "nonsense") == default_list(ReasonKind.CANCEL)
