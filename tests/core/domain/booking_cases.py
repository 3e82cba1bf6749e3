"""One technician's day and the visits proposed against it, shared by the booking-rule and candidate tests."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from console.core.domain.booking_rules import BookedVisit, ProposedVisit, ShiftSpan, TechnicianDay, Travel

NOW = datetime(2026, 11, 22, 22, 0, tzinfo=UTC)  # 06:00 in Shanghai
REGION, OTHER_REGION = uuid.uuid4(), uuid.uuid4()
SITE = (31.2300, 121.4700)
NEAR = (31.2350, 121.4750)  # about 0.7 km away
FAR = (31.4000, 121.8000)  # about 37 km away


def at(hour: float) -> datetime:
    """A UTC instant on 2026-11-23 given as Shanghai local hours."""
    return NOW + timedelta(hours=hour - 6)


SHIFT = ShiftSpan(at(8.5), at(17.5), at(12), at(13))
BOOKED = BookedVisit(uuid.uuid4(), at(10), at(11), NEAR, "SD-1")
DAY = TechnicianDay(uuid.uuid4(), frozenset({"installation", "survey"}), REGION, True, SITE, (SHIFT,), (BOOKED,))
VISIT = ProposedVisit(uuid.uuid4(), at(14), 60, SITE, frozenset({"installation"}), REGION, (at(14), at(16)), at(20))
TRAVEL = Travel(road_factor=1.3, speed_kmh=30)

