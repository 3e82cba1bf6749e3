import pytest

from console.core.domain.enums import OrderStatus
from console.core.domain.lifecycle import Refusal, open_for_work, pause_refusal


@pytest.mark.parametrize("status", list(OrderStatus))
def test_an_order_open_for_work_is_one_whose_clock_may_be_paused(status) -> None:
    assert open_for_work(status) is (pause_refusal(status, False) is None)
    assert open_for_work(status) is (status.is_open and status is not OrderStatus.RESOLVED)


def test_resolved_orders_are_open_but_not_for_work() -> None:
    assert OrderStatus.RESOLVED.is_open and not open_for_work(OrderStatus.RESOLVED)
    assert pause_refusal(OrderStatus.RESOLVED, False) is Refusal.RESOLVED
    assert not open_for_work(OrderStatus.CLOSED) and open_for_work(OrderStatus.NEW)
