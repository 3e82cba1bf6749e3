"""Technicians' positions from the field app: one report, one UPDATE of the technician's row.

The row's `last_lat`, `last_lon` and `last_seen_at` replicate to the desks of the technician's
region through the feed like any change of the row (no audit row per position: a position is not
a person's decision, and 2,000 technicians every 10 s would be 200 audit rows a second). The
rules of a report are the domain's (`console.core.domain.positions.judge`); the rate limit is
one accepted report per technician per `MIN_INTERVAL`, measured on the centre's clock from the
row's last change (its `updated_at`), so it holds across any number of centre processes.
"""

from __future__ import annotations

import math
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from console.core.domain import positions
from console.core.domain.geo import Placement as GeoPlacement
from console.core.domain.geo import placement, service_area
from console.core.domain.positions import Fix, Refusal
from console.core.store.database import Database
from console.core.store.models import District, Technician, touch

AREA_MARGIN_DEG = 1.0  # about 100 km round the districts' centres: a fix farther out is not in our city

_MESSAGES = {
    Refusal.AT_IN_FUTURE: (422, "at: the position's time is {detail}: check the phone's clock"),
    Refusal.AT_TOO_OLD: (422, "at: the position is {detail}: send only positions of the last hour"),
    Refusal.NOT_AFTER_LAST: (409, "at: a later position is already known (of {detail}): this one is older"),
    Refusal.TOO_FAST: (422, "latitude/longitude: too far from the last position ({detail}, over "
                            f"{positions.MAX_SPEED_KMH:.0f} km/h): a bad fix, not a drive"),
    Refusal.ACCURACY: (422, "accuracy_m: a fix of {detail} does not say where the technician is "
                            f"(at most {positions.WORST_ACCURACY_M:.0f} m)"),
    Refusal.OUTSIDE_AREA: (422, "latitude/longitude: the position is outside the service area"),
}


class PositionError(ValueError):
    """A report not taken: `status` is the HTTP-like kind, `retry_after` the seconds to wait (429)."""

    def __init__(self, message: str, status: int, retry_after: int | None = None):
        super().__init__(message)
        self.status, self.retry_after = status, retry_after


@dataclass(frozen=True)
class Accepted:
    last_seen_at: datetime  # as recorded: the report's own time, never later than the centre's now
    next_report_after_s: int


class Positions:
    def __init__(self, database: Database, technician_id: uuid.UUID | None, clock: Callable[[], datetime]):
        self._database, self._technician_id, self._clock = database, technician_id, clock

    def report(self, latitude: float, longitude: float, at: datetime, accuracy_m: float | None = None) -> Accepted:
        """The technician is here as of `at`; PositionError saying why not (nothing written then)."""
        if not (math.isfinite(latitude) and math.isfinite(longitude) and -90 <= latitude <= 90 and -180 <= longitude <= 180):
            raise PositionError("latitude must be -90..90 and longitude -180..180", 422)
        if accuracy_m is not None and not (math.isfinite(accuracy_m) and accuracy_m >= 0):
            raise PositionError("accuracy_m must be a distance in metres, 0 or more", 422)
        if at.tzinfo is None:
            raise PositionError("at: needs a time zone (e.g. 2026-11-22T10:00:00+08:00)", 422)
        if self._technician_id is None:
            raise PositionError("this account is not a technician's", 403)
        with self._database.unit_of_work() as session:
            # Locked until the report commits: two reports at once are one after the other, the
            # second judged against the first.
            technician = session.get(Technician, self._technician_id, with_for_update=True)
            if technician is None or technician.deleted or not technician.active:
                raise PositionError("the technician of this account is not active", 403)
            now = self._clock()
            self._refuse(positions.judge(Fix(latitude, longitude, at), accuracy_m, None, now))  # the time and the fix first
            since = (now - technician.updated_at).total_seconds()
            wait = positions.MIN_INTERVAL.total_seconds() - since
            if technician.last_seen_at is not None and 0 <= since and wait > 0:
                raise PositionError(f"one position per {positions.MIN_INTERVAL.total_seconds():.0f} s: "
                                    f"send the next in {math.ceil(wait)} s", 429, math.ceil(wait))
            centres = session.execute(select(District.center_lat, District.center_lon).where(District.deleted.is_(False))).all()
            if centres and placement(latitude, longitude, service_area([tuple(c) for c in centres], AREA_MARGIN_DEG)) \
                    != GeoPlacement.PLACED:
                raise PositionError(_MESSAGES[Refusal.OUTSIDE_AREA][1], 422)
            last = None
            if technician.last_lat is not None and technician.last_lon is not None and technician.last_seen_at is not None:
                last = Fix(technician.last_lat, technician.last_lon, technician.last_seen_at)
            verdict = self._refuse(positions.judge(Fix(latitude, longitude, at), accuracy_m, last, now))
            technician.last_lat, technician.last_lon = round(latitude, 6), round(longitude, 6)
            technician.last_seen_at = verdict.seen_at
            touch(technician, now)
            return Accepted(verdict.seen_at, int(positions.MIN_INTERVAL.total_seconds()))

    @staticmethod
    def _refuse(verdict: positions.Judgement) -> positions.Judgement:
        if verdict.refusal is not None:
            code, text = _MESSAGES[verdict.refusal]
            raise PositionError(text.replace("{detail}", verdict.detail), code)
        return verdict
