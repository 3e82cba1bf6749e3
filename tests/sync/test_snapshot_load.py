"""A desk's first download writes the rows with its indexes and search lines off and builds them once
the rows are in: the file ends with every index, trigger and search line it would have had row by
row, and a snapshot the desk cannot take (a row twice, cut short) leaves the file as it was."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from console.core.services.order_search import OrderSearch
from console.core.store.models import WorkOrder
from console.data_file import open_data_file
from console.sync.replica import Replica, ReplicaError


def _schema(path: Path) -> list[tuple[str, str, str]]:
    """Every index and trigger of the file, with its SQL."""
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') ORDER BY name").fetchall()


def _lines(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT count(*) FROM order_search").fetchone()[0]


def test_a_snapshot_leaves_every_index_trigger_and_search_line(make_desk, tmp_path: Path) -> None:
    fresh, _ = open_data_file(tmp_path / "fresh.sqlite")
    fresh.close()
    desk = make_desk("a")
    assert _schema(tmp_path / "a.sqlite") == _schema(tmp_path / "fresh.sqlite")
    with desk.database.reading() as s:
        orders = s.scalar(select(func.count()).select_from(WorkOrder).where(WorkOrder.deleted.is_(False)))
        order = s.scalars(select(WorkOrder).order_by(WorkOrder.number)).first()
    assert _lines(tmp_path / "a.sqlite") == orders > 0
    assert order.id in {found.id for found in OrderSearch(desk.database).find(order.number).orders}
    with sqlite3.connect(tmp_path / "a.sqlite") as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT doc FROM order_search_stats WHERE term = ''").fetchone()[0] == orders  # the search's counts too


def test_the_lines_follow_the_orders_after_a_snapshot(make_desk) -> None:
    """The triggers are back: an order written after the snapshot (as a pulled row is) is found by its new address."""
    desk = make_desk("a")
    with desk.database.reading() as s:
        order = s.scalars(select(WorkOrder).order_by(WorkOrder.number)).first()
    with desk.database.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE work_orders SET address = '测试路 8848 号' WHERE id = ?", (order.id.hex,))
    assert order.id in {found.id for found in OrderSearch(desk.database).find("测试路 8848").orders}


@pytest.mark.parametrize("fault", ["a row twice", "cut short"])
def test_a_snapshot_the_desk_cannot_take_leaves_the_file_as_it_was(make_desk, tmp_path: Path, fault: str) -> None:
    desk = make_desk("a")
    lines = [line if isinstance(line, bytes) else line.encode() for line in desk.worker.client.snapshot()]
    pages = [json.loads(line) for line in lines[1:-1]]
    orders_page = next(k for k, page in enumerate(pages, start=1) if page["t"] == "work_orders")
    broken = lines[:orders_page + 1] + [lines[orders_page]] + lines[orders_page + 1:] if fault == "a row twice" else lines[:-1]
    path = tmp_path / "a.sqlite"
    before_schema, before_lines = _schema(path), _lines(path)
    with desk.database.reading() as s:
        before_orders = s.scalar(select(func.count()).select_from(WorkOrder))
    with pytest.raises(ReplicaError) as refused:
        Replica(desk.database).load_snapshot(broken)
    assert refused.value.kind == "broken_off"
    assert _schema(path) == before_schema and _lines(path) == before_lines
    with desk.database.reading() as s:
        assert s.scalar(select(func.count()).select_from(WorkOrder)) == before_orders
    Replica(desk.database).load_snapshot(lines)  # and the whole one still goes in
    assert _schema(path) == before_schema and _lines(path) == before_lines
