"""What the technician's app reports, and what each report does to the order."""

from __future__ import annotations

from dataclasses import dataclass

from console.core.domain.enums import OrderStatus
from console.core.domain.geo import great_circle_m

# Statuses in which the field may report on an order at all.
REPORTABLE = (OrderStatus.DISPATCHED, OrderStatus.ACCEPTED, OrderStatus.IN_PROGRESS, OrderStatus.RESOLVED)


@dataclass(frozen=True)
class CheckIn:
    distance_m: float | None  # None when the site has no position to measure against
    off_site: bool


def check_in(site_lat: float | None, site_lon: float | None, lat: float, lon: float, off_site_metres: float) -> CheckIn:
    """Distance from the site's address; beyond `off_site_metres` the check-in is flagged."""
    if site_lat is None or site_lon is None:
        return CheckIn(None, False)
    distance = great_circle_m(site_lat, site_lon, lat, lon)
    return CheckIn(round(distance, 1), distance > off_site_metres)


def status_after_check_in(status: OrderStatus) -> OrderStatus:
    return OrderStatus.IN_PROGRESS if status in (OrderStatus.DISPATCHED, OrderStatus.ACCEPTED) else status


def status_after_delivery_report(status: OrderStatus) -> OrderStatus:
    """The report is written: the order waits for the customer's signature."""
    return OrderStatus.RESOLVED if status in (OrderStatus.IN_PROGRESS, OrderStatus.ACCEPTED, OrderStatus.DISPATCHED) else status
