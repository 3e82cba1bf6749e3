"""Travel matrices: road estimates around Shanghai, Euclidean and explicit matrices."""

from __future__ import annotations

import pytest

from console.core.domain.geo import great_circle_m
from console.core.planning import EuclideanTravel, MatrixTravel, RoadTravel
from console.core.planning.travel import great_circle_matrix_m


def test_one_kilometre_in_shanghai_is_1300_m_of_road_and_156_s() -> None:
    a = (31.2, 121.5)
    b = (31.2 + 1000 / 111_195, 121.5)  # 1 km due north
    dist, secs = RoadTravel().matrices([a, b])
    assert dist[0, 1] == pytest.approx(1300, abs=2)
    assert secs[0, 1] == pytest.approx(156, abs=1)
    assert dist[0, 0] == 0 and dist[1, 0] == dist[0, 1]


def test_vectorised_haversine_matches_the_domain_helper() -> None:
    points = [(31.2, 121.5), (31.3, 121.4), (31.05, 121.75)]
    matrix = great_circle_matrix_m(points)
    for i, p in enumerate(points):
        for j, q in enumerate(points):
            assert matrix[i, j] == pytest.approx(great_circle_m(*p, *q), abs=0.01)


def test_euclidean_scales_and_rounds_time_up() -> None:
    dist, secs = EuclideanTravel(1000, 1000).matrices([(0, 0), (1, 1)])
    assert dist[0, 1] == 1414 and secs[0, 1] == 1415


def test_explicit_matrices_follow_the_requested_order() -> None:
    travel = MatrixTravel(((0, 0), (1, 0)), ((0, 7), (9, 0)), ((0, 70), (90, 0)))
    dist, secs = travel.matrices([(1, 0), (0, 0)])
    assert dist.tolist() == [[0, 9], [7, 0]] and secs.tolist() == [[0, 90], [70, 0]]
    with pytest.raises(KeyError):
        travel.matrices([(5, 5)])
