"""Distances on the earth's surface, for check-ins and travel estimates."""

from __future__ import annotations

import math

EARTH_RADIUS_M = 6_371_008.8


def great_circle_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Haversine distance in metres between two WGS-84 points."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi = phi2 - phi1
    dlmb = math.radians(lon2 - lon1)
    h = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def is_valid_position(lat: float | None, lon: float | None) -> bool:
    return lat is not None and lon is not None and -90 <= lat <= 90 and -180 <= lon <= 180


class Placement:
    """Why a site can or cannot be drawn."""

    PLACED = "placed"
    MISSING = "missing"  # never geocoded
    OUT_OF_RANGE = "out_of_range"  # not a position on earth
    OUTSIDE_AREA = "outside_area"  # a position, far outside the service area (e.g. 0,0)


def placement(lat: float | None, lon: float | None, area: tuple[float, float, float, float]) -> str:
    """Placement of a position against the service area (south, west, north, east)."""
    if lat is None or lon is None:
        return Placement.MISSING
    if not is_valid_position(lat, lon):
        return Placement.OUT_OF_RANGE
    south, west, north, east = area
    if not (south <= lat <= north and west <= lon <= east):
        return Placement.OUTSIDE_AREA
    return Placement.PLACED


def service_area(points: list[tuple[float, float]], margin_deg: float = 0.5) -> tuple[float, float, float, float]:
    """The box around the district centres, widened by a margin (about 50 km at 0.5 degrees)."""
    lats, lons = [p[0] for p in points], [p[1] for p in points]
    return min(lats) - margin_deg, min(lons) - margin_deg, max(lats) + margin_deg, max(lons) + margin_deg
