"""Technicians for ranking tests: with and without the skill, near and far, loaded and free, off shift and booked full."""

from __future__ import annotations

import uuid
from dataclasses import replace

from console.core.domain.booking_rules import BookedVisit, TechnicianDay
from tests.core.domain.booking_cases import DAY, FAR, NEAR, OTHER_REGION, SHIFT, SITE, at

NAMES = ("Near", "Far", "Unskilled", "Elsewhere", "Busy", "Off", "Full")


def hand_built_days() -> tuple[TechnicianDay, ...]:
    """Technicians with and without the skill, near and far, loaded and free, off shift and full."""
    near = replace(DAY, technician_id=uuid.uuid4(), home=NEAR, visits=())
    far = replace(DAY, technician_id=uuid.uuid4(), home=FAR, visits=())
    unskilled = replace(DAY, technician_id=uuid.uuid4(), skills=frozenset({"voice"}), home=SITE, visits=())
    elsewhere = replace(DAY, technician_id=uuid.uuid4(), region_id=OTHER_REGION, home=NEAR, visits=())
    busy = replace(DAY, technician_id=uuid.uuid4(), home=NEAR, shifts=(SHIFT,), visits=(
        BookedVisit(uuid.uuid4(), at(8.5), at(12), NEAR), BookedVisit(uuid.uuid4(), at(13), at(14), NEAR),
        BookedVisit(uuid.uuid4(), at(15.5), at(17.5), NEAR)))
    off = replace(DAY, technician_id=uuid.uuid4(), home=NEAR, shifts=(), visits=())
    full = replace(DAY, technician_id=uuid.uuid4(), home=NEAR, visits=(BookedVisit(uuid.uuid4(), at(13), at(17), NEAR),))
    return near, far, unskilled, elsewhere, busy, off, full
