from datetime import date

import pytest

from console.core.domain.enums import OrderKind
from console.core.domain.order_number import OrderNumber


def test_format_follows_the_seed() -> None:
    assert str(OrderNumber(OrderKind.PROVISIONING, date(2026, 11, 22), 123)) == "PR20261122000123"


def test_parse_round_trips() -> None:
    number = OrderNumber.parse("FT20260101000007")
    assert number == OrderNumber(OrderKind.FAULT, date(2026, 1, 1), 7)


@pytest.mark.parametrize("text", ["XX20261122000123", "PR2026112200012", "PR20261322000001", "", "PR20261122000000"])
def test_bad_numbers_are_refused_with_a_reason(text: str) -> None:
    with pytest.raises(ValueError):
        OrderNumber.parse(text)
