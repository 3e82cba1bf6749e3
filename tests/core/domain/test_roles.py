import pytest

from console.core.domain.booking_rules import verdict
from console.core.domain.enums import Role
from console.core.domain.lifecycle import Refusal, approve_refusal
from console.core.domain.roles import may_supervise


@pytest.mark.parametrize(("role", "expected"), [(Role.DISPATCHER, False), (Role.SUPERVISOR, True), (Role.ADMIN, True),
                                                (Role.TECHNICIAN, False), ("supervisor", True), ("dispatcher", False)])
def test_supervisors_and_administrators_supervise(role, expected) -> None:
    assert may_supervise(role) is expected
    assert (approve_refusal(role, True, False) is not Refusal.NOT_SUPERVISOR) is expected


def test_an_unknown_role_is_still_refused_by_the_verdict() -> None:
    with pytest.raises(ValueError):
        verdict([], "boss")
