"""What the field simulation needs of a centre, as a port: the same simulated day runs against the
centre's HTTP API (`central.simulate.HttpPort`, as the phones and the order system would) or in
process against a desk's own file (`console.core.simulation.local.LocalPort`, the embedded demo).

Every call answers an `Answer` (an HTTP-like status and the refusal's sentence), never raises for a
refusal: a 409 (the order changed meanwhile) or a 429 (too soon) is part of a real day.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

from console.core.services.work_list import Visit

__all__ = ["Answer", "FieldPort", "IntakeSite", "Settings", "SettingsError", "TechnicianRef", "Visit"]


@dataclass(frozen=True)
class Answer:
    status: int  # 2xx taken; 0: the centre could not be reached
    detail: str = ""
    data: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 300


@dataclass(frozen=True)
class TechnicianRef:
    """A technician the simulation drives: `key` is how the port knows them (the app account's user
    name over HTTP, the technician's id in process)."""

    key: str
    technician_id: uuid.UUID | None
    name: str
    latitude: float | None  # where the day starts (last known position, else home)
    longitude: float | None
    seen_at: datetime | None = None  # when that position was known (an earlier one would be refused)


@dataclass(frozen=True)
class IntakeSite:
    """Where the order system may raise a new order: a customer's site and, for faults, a circuit there."""

    customer_code: str
    site_id: uuid.UUID
    circuit_id: str | None


class FieldPort(Protocol):
    accepts: bool  # the centre takes a technician's 接单 (accept) report
    takes_positions: bool  # the centre takes technicians' positions

    def prepare(self) -> None:
        """Log in / read what the day needs; raises ConnectionError or ValueError saying why it cannot start."""

    def technicians(self) -> list[TechnicianRef]: ...

    def intake_sites(self) -> list[IntakeSite]: ...

    def visits(self, tech: TechnicianRef) -> list[Visit] | None:
        """The technician's work list (None: it could not be read now)."""

    def accept(self, tech: TechnicianRef, visit: Visit, at: datetime) -> Answer: ...

    def position(self, tech: TechnicianRef, latitude: float, longitude: float, at: datetime) -> Answer: ...

    def check_in(self, tech: TechnicianRef, visit: Visit, latitude: float, longitude: float, at: datetime) -> Answer: ...

    def exception(self, tech: TechnicianRef, visit: Visit, kind: str, note: str, at: datetime) -> Answer: ...

    def test_result(self, tech: TechnicianRef, visit: Visit, results: dict[str, Any], at: datetime) -> Answer: ...

    def delivery_report(self, tech: TechnicianRef, visit: Visit, report: dict[str, Any], at: datetime) -> Answer: ...

    def signature(self, tech: TechnicianRef, visit: Visit, channel: str, at: datetime) -> Answer: ...

    def survey(self, order_id: uuid.UUID, respondent: str, rating: str, comment: str, at: datetime) -> Answer: ...

    def intake(self, order: dict[str, Any]) -> Answer:
        """A new upstream order (the intake body: upstream_ref, kind, customer_code, site_id, title,
        received_at, circuit_id, priority); data carries the new order's "id" and "number"."""

    def close(self) -> None: ...


class SettingsError(ValueError):
    """Simulation settings that cannot make a day."""


@dataclass(frozen=True)
class Settings:
    """A simulated day: how fast, how long, its seed and its rates (the shares are of visits)."""

    speed: float = 10.0  # simulated seconds per real second, 1 to 60
    minutes: float = 60.0  # simulated minutes, then it stops by itself
    seed: int = 1
    orders_per_hour: float = 12.0  # new orders from the order system (a city desk: tens an hour at most)
    technicians: int = 0  # how many technicians take part (0: all)
    exception_share: float = 0.035  # fiber port broken or taken, optical box unusable (2-5 %)
    off_site_share: float = 0.06  # check-ins away from the site (over the off-site distance)
    sms_signature_share: float = 0.2  # signed later through the text-message link
    customer_survey_share: float = 0.7
    manager_survey_share: float = 0.5
    most_visits: int = 6  # visits a technician makes in the day
    paced: bool = True  # False: as fast as the centre answers (the bench), simulated time still ordered

    def __post_init__(self) -> None:
        problems = []
        if not 1 <= self.speed <= 60:
            problems.append(f"speed must be 1 to 60 (times real time), not {self.speed}")
        if not 1 <= self.minutes <= 1440:
            problems.append(f"minutes must be 1 to 1,440 (a day), not {self.minutes}")
        if not 0 <= self.orders_per_hour <= 2000:
            problems.append(f"orders per hour must be 0 to 2,000, not {self.orders_per_hour}")
        if not 0 <= self.technicians <= 10_000:
            problems.append(f"technicians must be 0 (all) to 10,000, not {self.technicians}")
        shares = ("exception_share", "off_site_share", "sms_signature_share", "customer_survey_share", "manager_survey_share")
        problems += [f"{name} must be a share from 0 to 1" for name in shares if not 0 <= getattr(self, name) <= 1]
        if problems:
            raise SettingsError("; ".join(problems))
