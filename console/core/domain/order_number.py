"""Order numbers: kind code + local date + daily serial, e.g. PR20261122000123 (seed 001)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from console.core.domain.enums import OrderKind

_PATTERN = re.compile(r"^(SV|PR|FT|CP)(\d{8})(\d{6})$")
MAX_DAILY_SERIAL = 999_999


@dataclass(frozen=True)
class OrderNumber:
    kind: OrderKind
    day: date
    serial: int

    def __post_init__(self) -> None:
        if not 1 <= self.serial <= MAX_DAILY_SERIAL:
            raise ValueError(f"daily serial {self.serial} is outside 1..{MAX_DAILY_SERIAL}")

    def __str__(self) -> str:
        return f"{self.kind.code}{self.day:%Y%m%d}{self.serial:06d}"

    @classmethod
    def parse(cls, text: str) -> OrderNumber:
        match = _PATTERN.match(text.strip())
        if not match:
            raise ValueError(
                f"{text!r} is not an order number: expected a kind code (SV, PR, FT, CP), "
                "a date YYYYMMDD and a 6-digit serial, e.g. PR20261122000123"
            )
        code, day, serial = match.groups()
        return cls(OrderKind.from_code(code), date(int(day[:4]), int(day[4:6]), int(day[6:])), int(serial))
