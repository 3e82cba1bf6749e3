"""The queue's filter as plain functions: the menus' counts, the search over rows and the store."""

from __future__ import annotations

from sqlalchemy import select

from console.core.domain.enums import Band, OrderKind
from console.core.domain.sla_clock import BandWatch, pause_awaits_approval
from console.core.services.desk import DeskReader
from console.core.services.queue_filter import (
    UNASSIGNED,
    QueueFilter,
    facet_counts,
    find_orders,
    row_matcher,
    searches_store,
)
from console.core.store.models import Appointment, AppointmentOrder, Customer, Service, WorkOrder
from tests.fixtures.demo import DEMO_NOW


def queue_of(demo_db):
    reader = DeskReader(demo_db)
    book, calendar = reader.rules()
    rows = reader.queue()
    watch = BandWatch(calendar, book.parameters)
    watch.reset(((r.id, r.sla) for r in rows), DEMO_NOW)
    return rows, calendar, book.parameters, watch


def shown(rows, f, calendar, params, english=False) -> int:
    matches = row_matcher(f, calendar, params, DEMO_NOW, english)
    return sum(1 for r in rows if matches(r))


def test_each_choice_counts_what_the_queue_would_show_with_it_ticked_alone_in_its_menu(demo_db) -> None:
    rows, calendar, params, watch = queue_of(demo_db)
    awaits = lambda row: pause_awaits_approval(row.sla, params, DEMO_NOW)  # noqa: E731
    f = QueueFilter(kinds=frozenset({OrderKind.FAULT}), bands=frozenset({Band.RED, Band.BREACHED}), text="上海")
    counts = facet_counts(rows, f, watch.band, awaits)
    for kind in OrderKind:
        assert counts["kinds"][kind] == shown(rows, QueueFilter(kinds=frozenset({kind}), bands=f.bands, text="上海"), calendar, params)
    for band in Band:
        assert counts["bands"][band] == shown(rows, QueueFilter(kinds=f.kinds, bands=frozenset({band}), text="上海"), calendar, params)
    district = rows[0].district
    assert counts["districts"][district] == shown(rows, QueueFilter(districts=frozenset({district}), **_rest(f)), calendar, params)
    assert counts["assignee"][UNASSIGNED] == shown(rows, QueueFilter(assignee=UNASSIGNED, **_rest(f)), calendar, params)
    assert counts["awaiting_approval"][True] == shown(rows, QueueFilter(awaiting_approval=True, **_rest(f)), calendar, params)


def _rest(f: QueueFilter) -> dict:
    return {"kinds": f.kinds, "bands": f.bands, "text": f.text}


def test_with_nothing_ticked_the_counts_are_the_whole_queues(demo_db) -> None:
    rows, _calendar, params, watch = queue_of(demo_db)
    counts = facet_counts(rows, QueueFilter(), watch.band, lambda row: pause_awaits_approval(row.sla, params, DEMO_NOW), english=True)
    assert sum(counts["kinds"].values()) == sum(counts["districts"].values()) == len(rows)
    assert counts["districts"].keys() == {r.district_en for r in rows}
    assert counts["assignee"][UNASSIGNED] == sum(1 for r in rows if r.assignee is None)
    assert dict(counts["bands"]) == {b: n for b, n in watch.counts.items() if n}


def test_search_finds_technicians_and_english_district_names_in_the_english_ui(demo_db) -> None:
    rows, calendar, params, _watch = queue_of(demo_db)
    technician = next(r.assignee for r in rows if r.assignee)
    assert shown(rows, QueueFilter(text=technician), calendar, params) == sum(1 for r in rows if r.assignee == technician)
    pudong = sum(1 for r in rows if r.district_en == "Pudong")
    assert pudong and shown(rows, QueueFilter(text="pudong"), calendar, params, english=True) >= pudong
    matches = row_matcher(QueueFilter(text="Pudong"), calendar, params, DEMO_NOW, english=True)
    assert all(matches(r) for r in rows if r.district == "浦东新区")


def test_the_store_finds_open_orders_by_circuit_id_customer_code_and_contact_phone(demo_db) -> None:
    open_ids = {r.id for r in DeskReader(demo_db).queue()}
    with demo_db.reading() as session:
        order, circuit, code, phone = session.execute(
            select(WorkOrder.id, Service.circuit_id, Customer.code, Customer.contact_phone)
            .join(Service, Service.id == WorkOrder.service_id).join(Customer, Customer.id == WorkOrder.customer_id)
            .where(WorkOrder.id.in_(open_ids), Customer.contact_phone != "")
        ).first()
        booked, booked_phone = session.execute(
            select(AppointmentOrder.order_id, Appointment.contact_phone)
            .join(Appointment, Appointment.id == AppointmentOrder.appointment_id)
            .where(AppointmentOrder.order_id.in_(open_ids), Appointment.contact_phone != "")
        ).first()
    assert order in find_orders(demo_db, circuit.lower(), None)
    assert order in find_orders(demo_db, code, None)
    assert order in find_orders(demo_db, phone, None)
    assert booked in find_orders(demo_db, booked_phone, None)
    assert find_orders(demo_db, circuit, None) <= open_ids
    assert find_orders(demo_db, "%_%", None) == frozenset()  # wildcards are searched as text


def test_only_text_that_can_be_an_id_or_a_phone_goes_to_the_store() -> None:
    assert searches_store("SHCL-0001") and searches_store("138")
    assert not searches_store("上海华信") and not searches_store("ab") and not searches_store("a b c")


def test_the_stores_hits_are_not_part_of_the_filters_meaning() -> None:
    f = QueueFilter(text="shcl", hits=frozenset({DEMO_NOW}))  # any value: compared and saved without it
    assert f == QueueFilter(text="shcl") and "hits" not in f.to_json()
    assert QueueFilter.from_json(f.to_json()) == f
