"""A pulled batch written into the desk's file: new rows inserted, the others updated in the columns
that differ only, a row the desk holds at a later version kept, whatever order the batch has."""

from __future__ import annotations

import sqlite3
import uuid
from pathlib import Path

import pytest

from console.core.wire import wire
from console.data_file import open_data_file
from console.sync.replica import Replica

REGION, TECH = uuid.uuid4().hex, uuid.uuid4().hex
AT = "2026-12-06T01:00:00+00:00"


def technician(version: int, phone: str = "13800000000", skills: list[str] | None = None) -> list:
    values = {"employee_no": "T0001", "name": "张伟", "phone": phone, "region_id": REGION, "team": "一组",
              "skills": skills if skills is not None else ["fibre", "copper"], "home_lat": 31.2, "home_lon": 121.4,
              "last_lat": None, "last_lon": None, "last_seen_at": None, "active": True, "id": TECH, "version": version,
              "updated_at": AT, "deleted": False}
    return [values[c] for c in wire("technicians").columns]


def answer(cursor: int, *technicians: list) -> dict:
    region = {"code": "E", "name": "东区", "name_en": "East", "id": REGION, "version": 1, "updated_at": AT, "deleted": False}
    return {"cursor": f"{cursor}:0", "more": False, "tables": {
        "regions": {"columns": list(wire("regions").columns), "rows": [[region[c] for c in wire("regions").columns]]},
        "technicians": {"columns": list(wire("technicians").columns), "rows": list(technicians)},
    }}


@pytest.fixture
def desk(tmp_path: Path) -> tuple[Replica, Path]:
    path = tmp_path / "desk.sqlite"
    database, _created = open_data_file(path)
    replica = Replica(database)
    replica.apply_pull(answer(1, technician(2)))
    with sqlite3.connect(path) as conn:  # which columns an update sets (an index on one is rewritten)
        conn.execute("CREATE TABLE seen (what TEXT)")
        conn.execute("CREATE TRIGGER skills_set AFTER UPDATE OF skills ON technicians BEGIN INSERT INTO seen VALUES ('skills'); END")
        conn.execute("CREATE TRIGGER phone_set AFTER UPDATE OF phone ON technicians BEGIN INSERT INTO seen VALUES ('phone'); END")
    yield replica, path
    database.close()


def held(path: Path) -> tuple[int, str, str, list[str]]:
    with sqlite3.connect(path) as conn:
        version, phone, skills = conn.execute("SELECT version, phone, skills FROM technicians WHERE id = ?", (TECH,)).fetchone()
        return version, phone, skills, [w for (w,) in conn.execute("SELECT what FROM seen")]


def test_a_later_version_is_written_in_the_columns_that_differ_only(desk: tuple[Replica, Path]) -> None:
    replica, path = desk
    assert held(path) == (2, "13800000000", '["fibre", "copper"]', [])
    changes = replica.apply_pull(answer(2, technician(3, phone="13900000000")))
    assert held(path) == (3, "13900000000", '["fibre", "copper"]', ["phone"])  # the skills, the same, not set
    assert uuid.UUID(TECH) in changes.technicians
    assert replica.cursor() == "2:0"


def test_an_earlier_version_than_the_desks_is_not_written(desk: tuple[Replica, Path]) -> None:
    replica, path = desk
    replica.apply_pull(answer(2, technician(5, phone="13900000000")))
    replica.apply_pull(answer(3, technician(4, phone="13700000000", skills=["copper"])))
    assert held(path)[:3] == (5, "13900000000", '["fibre", "copper"]')
    assert replica.cursor() == "3:0"


@pytest.mark.parametrize("order", [(6, 5), (5, 6)])
def test_a_row_twice_in_one_batch_is_held_at_its_later_version(desk: tuple[Replica, Path], order: tuple[int, int]) -> None:
    replica, path = desk
    phones = {5: "13500000000", 6: "13600000000"}
    replica.apply_pull(answer(2, *(technician(v, phone=phones[v], skills=[f"v{v}"]) for v in order)))
    assert held(path)[:3] == (6, "13600000000", '["v6"]')
