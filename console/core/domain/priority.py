"""What missing an SLA, or leaving an order unplanned, costs the batch optimiser: a penalty per
customer level and SLA band, on the same scale as the metres it drives. The weights are data
(rule parameters `planning.*`); these defaults only seed them: a miss of a bronze order in the
green band weighs like 50 km of road, a key customer's breached order 32 times that."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from console.core.domain.enums import Band, CustomerLevel

DEFAULT_LEVEL_WEIGHT = {
    CustomerLevel.KEY: 8,
    CustomerLevel.DIAMOND: 5,
    CustomerLevel.GOLD: 3,
    CustomerLevel.SILVER: 2,
    CustomerLevel.BRONZE: 1,
}
DEFAULT_BAND_WEIGHT = {Band.GREEN: 1, Band.AMBER: 2, Band.RED: 3, Band.BREACHED: 4}
DEFAULT_MISS_KM = 50
DROP_FACTOR = 20  # leaving an order out costs this many misses: more than any detour to serve it


@dataclass(frozen=True)
class Priorities:
    level_weight: Mapping[CustomerLevel, int] = field(default_factory=lambda: dict(DEFAULT_LEVEL_WEIGHT))
    band_weight: Mapping[Band, int] = field(default_factory=lambda: dict(DEFAULT_BAND_WEIGHT))
    miss_km: float = DEFAULT_MISS_KM

    def __post_init__(self) -> None:
        weights = [*self.level_weight.values(), *self.band_weight.values()]
        if set(self.level_weight) != set(CustomerLevel) or set(self.band_weight) != set(Band):
            raise ValueError("planning weights need every customer level and every band")
        if any(w <= 0 for w in weights) or not 0 < self.miss_km <= 10_000:
            raise ValueError("planning weights must be positive, the miss cost between 0 and 10,000 km")

    def miss_penalty(self, level: CustomerLevel, band: Band) -> int:
        """The cost (in metres) of finishing the visit after the order's deadline."""
        return round(self.miss_km * 1000 * self.level_weight[level] * self.band_weight[band])

    def drop_penalty(self, level: CustomerLevel, band: Band) -> int:
        """The cost of not planning the order at all (it misses its deadline too, if it has one)."""
        return (DROP_FACTOR + 1) * self.miss_penalty(level, band)
