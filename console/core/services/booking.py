"""What the appointment book is asked and what it answers: a booking request, a reschedule, the
outcome of a call (`Booking`), and the exception that carries a refusal out of a unit of work."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime

from console.core.changes import Changes
from console.core.domain import lifecycle
from console.core.domain.appointments import AppointmentRefusal
from console.core.domain.booking_rules import Finding
from console.core.domain.enums import ContactMethod, RescheduleReason


@dataclass(frozen=True)
class Booking:
    """What a booking call did: the changes, or why nothing changed (with the rules' findings)."""

    changes: Changes = field(default_factory=Changes)
    refusal: AppointmentRefusal | lifecycle.Refusal | None = None
    findings: tuple[Finding, ...] = ()
    appointment_id: uuid.UUID | None = None
    detail: str = ""  # an order number the refusal is about

    @property
    def ok(self) -> bool:
        return self.refusal is None


class Refused(Exception):
    """A refusal raised inside a unit of work (so everything it wrote is rolled back), carrying
    the `Booking` the call answers with."""

    def __init__(self, booking: Booking):
        super().__init__(str(booking.refusal))
        self.booking = booking


@dataclass(frozen=True)
class Reschedule:
    reason: RescheduleReason
    text: str
    contact_method: ContactMethod
    pause_sla: bool = False  # only with the customer's own request; goes through the pause rules


@dataclass(frozen=True)
class BookingRequest:
    """One visit asked for: orders at one site in a customer's window."""

    order_ids: tuple[uuid.UUID, ...]
    window: tuple[datetime, datetime]
    contact_method: ContactMethod
    contact_name: str = ""
    contact_phone: str = ""
    confirmed: bool = True  # the customer agreed on the call; proposed otherwise
    technician_id: uuid.UUID | None = None  # with a technician, the booking rules are checked as for a move
    planned_start: datetime | None = None  # the window's start when not given
    reason: str = ""  # why the rules' warnings are overridden (with a technician)
    origin: str = ""  # what proposed it (the optimiser), named in the audit rows
