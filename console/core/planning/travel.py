"""Travel models: distance (m) and time (s) matrices between positions, vectorised with numpy."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import numpy as np

from console.core.domain.geo import EARTH_RADIUS_M

Matrices = tuple[np.ndarray, np.ndarray]  # (distance_m, time_s), int64, square


class TravelModel(Protocol):
    """Turns a list of positions into integer distance and time matrices in the list's order."""

    def matrices(self, points: Sequence[tuple[float, float]]) -> Matrices: ...


def great_circle_matrix_m(points: Sequence[tuple[float, float]]) -> np.ndarray:
    """Haversine distances in metres between all pairs of (lat, lon) points, as floats."""
    arr = np.radians(np.asarray(points, dtype=float).reshape(-1, 2))
    lat, lon = arr[:, 0], arr[:, 1]
    dphi = lat[:, None] - lat[None, :]
    dlmb = lon[:, None] - lon[None, :]
    h = np.sin(dphi / 2) ** 2 + np.cos(lat)[:, None] * np.cos(lat)[None, :] * np.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_M * np.arcsin(np.minimum(1.0, np.sqrt(h)))


@dataclass(frozen=True)
class RoadTravel:
    """Road estimate from (lat, lon): great-circle distance × road_factor, driven at speed_kmh."""

    road_factor: float = 1.3
    speed_kmh: float = 30.0

    def matrices(self, points: Sequence[tuple[float, float]]) -> Matrices:
        road_m = great_circle_matrix_m(points) * self.road_factor
        seconds = road_m / (self.speed_kmh / 3.6)
        return np.rint(road_m).astype(np.int64), np.rint(seconds).astype(np.int64)


@dataclass(frozen=True)
class EuclideanTravel:
    """Plane coordinates (Solomon): distance = Euclidean × distance_scale, time = Euclidean × time_scale.

    Times round up, so a plan feasible here is feasible with the unrounded distances."""

    distance_scale: float = 1.0
    time_scale: float = 1.0

    def matrices(self, points: Sequence[tuple[float, float]]) -> Matrices:
        arr = np.asarray(points, dtype=float).reshape(-1, 2)
        raw = np.hypot(arr[:, None, 0] - arr[None, :, 0], arr[:, None, 1] - arr[None, :, 1])
        return np.rint(raw * self.distance_scale).astype(np.int64), np.ceil(raw * self.time_scale - 1e-9).astype(np.int64)


@dataclass(frozen=True)
class MatrixTravel:
    """Explicit matrices (e.g. from a road router): row/column i belongs to points[i]."""

    points: tuple[tuple[float, float], ...]
    distance_m: tuple[tuple[int, ...], ...]
    time_s: tuple[tuple[int, ...], ...]

    def matrices(self, points: Sequence[tuple[float, float]]) -> Matrices:
        index = {p: i for i, p in enumerate(self.points)}
        missing = [p for p in points if p not in index]
        if missing:
            raise KeyError(f"no matrix row for {missing[0]}")
        rows = np.array([index[p] for p in points], dtype=np.int64)
        dist = np.asarray(self.distance_m, dtype=np.int64)[np.ix_(rows, rows)]
        time = np.asarray(self.time_s, dtype=np.int64)[np.ix_(rows, rows)]
        return dist, time

