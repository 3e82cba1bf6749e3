"""Order history search over everything the desk's file holds: closed orders found by each field,
in both languages' district names, newest first, with how many more; the index kept by triggers."""

from __future__ import annotations

import uuid

import pytest
from sqlalchemy import select, update

from console.core.domain.enums import OrderStatus
from console.core.services.order_search import OrderSearch, find_by_scan
from console.core.store import search_index
from console.core.store.models import Appointment, AppointmentOrder, Customer, District, Service, Technician, WorkOrder


def _closed(demo_db, **where) -> tuple[WorkOrder, Customer, Service, Technician, District]:
    """A closed order with a technician, an upstream reference and a circuit, and its relations."""
    with demo_db.reading() as session:
        row = session.execute(
            select(WorkOrder, Customer, Service, Technician, District)
            .join(Customer, Customer.id == WorkOrder.customer_id).join(Service, Service.id == WorkOrder.service_id)
            .join(Technician, Technician.id == WorkOrder.assignee_id).join(District, District.id == WorkOrder.district_id)
            .where(WorkOrder.status == OrderStatus.CLOSED, WorkOrder.upstream_ref.is_not(None), *where.values())
            .order_by(WorkOrder.number).limit(1)
        ).one()
        return tuple(row)


def _found(search: OrderSearch, text: str) -> list[uuid.UUID]:
    return [o.id for o in search.find(text, shown=500).orders]


def test_the_desk_file_holds_closed_orders_and_their_index(demo_db) -> None:
    with demo_db.engine.connect() as conn:
        assert search_index.present(conn)
        lines = conn.exec_driver_sql(f"SELECT count(*) FROM {search_index.TABLE}").scalar()
        orders = conn.exec_driver_sql("SELECT count(*) FROM work_orders WHERE deleted = 0").scalar()
        closed = conn.exec_driver_sql("SELECT count(*) FROM work_orders WHERE status = 'closed'").scalar()
    assert lines == orders and closed > 50


@pytest.mark.parametrize("field", ["number", "number_tail", "circuit", "customer", "customer_code", "phone", "address",
                                   "technician", "upstream_ref"])
def test_a_closed_order_is_found_by_each_field(demo_db, field) -> None:
    order, customer, service, technician, _district = _closed(demo_db)
    text = {
        "number": order.number, "number_tail": order.number[-9:], "circuit": service.circuit_id, "customer": customer.name,
        "customer_code": customer.code, "phone": customer.contact_phone[-6:], "address": order.address[3:12],
        "technician": technician.name, "upstream_ref": order.upstream_ref.lower(),
    }[field]
    search = OrderSearch(demo_db)
    found = _found(search, text)
    assert order.id in found
    with demo_db.reading() as session:
        assert order.id in find_by_scan(session, text, 500)[0]  # (the index and the plain scan agree)


def test_an_appointment_contact_phone_finds_its_orders(demo_db) -> None:
    with demo_db.reading() as session:
        phone, order_id = session.execute(
            select(Appointment.contact_phone, AppointmentOrder.order_id)
            .join(AppointmentOrder, AppointmentOrder.appointment_id == Appointment.id).where(Appointment.contact_phone != "").limit(1)
        ).one()
    assert order_id in _found(OrderSearch(demo_db), phone)


def test_pudong_in_english_finds_the_orders_in_浦东(demo_db) -> None:
    with demo_db.reading() as session:
        pudong = session.scalar(select(District.id).where(District.name_en.like("Pudong%")))
        in_pudong = set(session.scalars(select(WorkOrder.id).where(WorkOrder.district_id == pudong)))
    search = OrderSearch(demo_db)
    for text in ("Pudong", "pudong", "浦东新区"):
        found = set(_found(search, text))
        assert in_pudong <= found, text
    assert in_pudong <= set(_found(search, "浦东"))  # (two letters: the district holding them)


def test_answers_are_newest_first_and_say_how_many_more(demo_db) -> None:
    search = OrderSearch(demo_db)
    answer = search.find("上海", shown=20)  # (in every address)
    assert len(answer.orders) == 20 and answer.more > 100 and not answer.more_capped
    received = [o.received_at for o in answer.orders]
    assert received == sorted(received, reverse=True)
    assert search.find("x").too_short and not search.find("").orders


def test_a_superseded_order_is_found_and_its_replacement_linked(demo_db) -> None:
    with demo_db.reading() as session:
        old = session.scalars(select(WorkOrder).where(WorkOrder.status == OrderStatus.SUPERSEDED)).first()
        new = session.scalars(select(WorkOrder).where(WorkOrder.replaces_order_id == old.id)).one()
    answer = OrderSearch(demo_db).find(old.number)
    found = {o.id: o for o in answer.orders}
    assert found[old.id].status is OrderStatus.SUPERSEDED
    by_address = {o.id: o for o in OrderSearch(demo_db).find(old.address, shown=500).orders}
    assert by_address[new.id].replaces_order_id == old.id and old.id in by_address


def test_the_index_follows_renames_and_tombstones(demo_db) -> None:
    order, customer, _service, technician, _district = _closed(demo_db)
    with demo_db.engine.begin() as conn:  # (as the sync replica writes rows: plain SQL)
        conn.execute(update(Customer).where(Customer.id == customer.id).values(name="上海新名字测试有限公司"))
        conn.execute(update(Technician).where(Technician.id == technician.id).values(name="测试技师甲"))
    search = OrderSearch(demo_db)
    assert order.id in _found(search, "新名字测试") and order.id in _found(search, "测试技师甲")
    assert order.id not in _found(search, customer.name)
    with demo_db.engine.begin() as conn:
        conn.execute(update(WorkOrder).where(WorkOrder.id == order.id).values(deleted=True))
    assert order.id not in _found(search, order.number)


def test_a_statement_that_sets_the_same_values_leaves_the_lines_alone(demo_db) -> None:
    """A pulled technician row sets every column, name too, at each position report: the lines of
    their orders are made again only when a searched value changes (it cost a desk 94 ms a report)."""
    _order, customer, _service, technician, _district = _closed(demo_db)
    with demo_db.engine.begin() as conn:
        lines = conn.exec_driver_sql(f"SELECT rowid, line FROM {search_index.TABLE}").all()
        conn.execute(update(Technician).where(Technician.id == technician.id).values(name=technician.name, last_lat=31.2))
        conn.execute(update(Customer).where(Customer.id == customer.id).values(name=customer.name, code=customer.code))
        conn.exec_driver_sql(f"UPDATE work_orders SET number = number, assignee_id = assignee_id WHERE assignee_id = '{technician.id.hex}'")
        changes = conn.exec_driver_sql("SELECT total_changes()").scalar()
        assert conn.exec_driver_sql(f"SELECT rowid, line FROM {search_index.TABLE}").all() == lines
        conn.execute(update(Technician).where(Technician.id == technician.id).values(name=technician.name, last_lat=31.3))
        assert conn.exec_driver_sql("SELECT total_changes()").scalar() == changes + 1  # the row itself, no line


def test_two_letters_match_anywhere_in_a_field(demo_db) -> None:
    order, customer, _service, technician, _district = _closed(demo_db)
    search = OrderSearch(demo_db)
    for text in (order.address[5:7], customer.name[3:5], technician.name[-2:], order.number[7:9]):
        found = search.find(text, shown=200)
        assert order.id in _found(search, text) or found.more, text  # (newest first: an older one may be beyond the 500)
        assert all(text.lower() in _line(demo_db, o.id).lower() for o in found.orders[:20]), text


def _line(demo_db, order_id: uuid.UUID) -> str:
    with demo_db.engine.connect() as conn:
        return conn.exec_driver_sql(f"SELECT line FROM {search_index.TABLE} WHERE order_id = ?", (order_id.hex,)).scalar()


def test_a_long_text_is_found_alike_by_its_rarest_trigrams_and_by_the_phrase(demo_db) -> None:
    with demo_db.engine.begin() as conn:
        search_index.rebuild(conn)  # (the trigrams counted: the rarest chosen)
    order, customer, service, _technician, _district = _closed(demo_db)
    search = OrderSearch(demo_db)
    for text in (order.number, service.circuit_id, customer.name, order.address):
        with demo_db.reading() as session:
            assert set(_found(search, text)) == set(find_by_scan(session, text, 500)[0]), text
