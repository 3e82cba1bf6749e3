"""Order history search: any order the desk's file holds (open, closed, superseded, cancelled) by
number, circuit id, customer name or code, contact phone, address, technician or upstream
reference, newest first, the first few hundred with how many more.

On a desk file the search asks the FTS5 trigram index (`console.core.store.search_index`); a
district's English name ("Pudong") is looked up in the districts and searched as its Chinese name
too, as the queue's search matches English district names. Three letters or more match anywhere
in a field; two letters match the start of a field, or a customer, technician or district whose
name holds them. Without the index (another engine, an old SQLite) the same question is asked
with LIKE over the orders (`find_by_scan`, also the benchmark's baseline).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session, aliased

from console.core.domain.enums import OrderKind, OrderStatus
from console.core.store import search_index
from console.core.store.database import Database
from console.core.store.models import (
    Appointment,
    AppointmentOrder,
    Customer,
    District,
    Service,
    Technician,
    WorkOrder,
)

SHOWN = 200  # rows an answer carries
COUNTED = 10_000  # matches counted beyond them at most ("10,000+ more")
SHORTEST = 2  # characters a search needs
_NAMES_FOR_TWO = 60  # customers' names a two-letter search expands to, at most


@dataclass(frozen=True)
class FoundOrder:
    """One line of the search's answer."""

    id: uuid.UUID
    number: str
    kind: OrderKind
    status: OrderStatus
    customer: str
    address: str
    district: str
    district_en: str
    technician: str | None
    received_at: datetime
    closed_at: datetime | None
    replaces_order_id: uuid.UUID | None


@dataclass(frozen=True)
class SearchAnswer:
    text: str  # the search as asked (the view drops an answer to an older text)
    orders: tuple[FoundOrder, ...]
    more: int  # matches not shown
    more_capped: bool  # there are more than `more` (the count stopped at COUNTED)
    too_short: bool = False


def normalised(query: str) -> str:
    return " ".join(query.split())


class OrderSearch:
    def __init__(self, database: Database):
        self.database = database

    def find(self, query: str, shown: int = SHOWN) -> SearchAnswer:
        """The orders matching `query`, newest first (by when they were received)."""
        q = normalised(query)
        if len(q) < SHORTEST:
            return SearchAnswer(query, (), 0, False, too_short=bool(q))
        with self.database.reading() as session:
            if search_index.present(session.connection()):
                ids, more, capped = _find_indexed(session, q, shown)
            else:
                ids, more, capped = find_by_scan(session, q, shown)
            return SearchAnswer(query, tuple(_rows(session, ids)), more, capped)


def _phrases(session: Session, q: str) -> list[str]:
    """The FTS5 phrases a search stands for: itself (or, under three letters, the start of a field)
    and the Chinese names of districts whose English name holds it; two letters also stand for
    the names of customers and technicians holding them."""
    lowered = q.lower()
    phrases = [q if len(q) >= 3 else "«" + q]
    for name, name_en in session.execute(select(District.name, District.name_en)):
        if lowered in name_en.lower() or (len(q) < 3 and q in name):
            phrases.append(name)
    if len(q) < 3:
        pattern = f"%{_like_escape(q)}%"
        phrases += [f"«{n}»" for n in session.scalars(select(Technician.name).where(Technician.name.like(pattern, escape="\\")))]
        phrases += list(session.scalars(select(Customer.name).where(Customer.name.like(pattern, escape="\\")).distinct()
                                        .limit(_NAMES_FOR_TWO)))
    unique = list(dict.fromkeys(p for p in phrases if len(p) >= 3))
    return [p for p in unique if len(q) < 3 or p == q or lowered not in p.lower()]  # (a name holding the text adds nothing)


def _match(phrases: list[str]) -> str:
    return " OR ".join('"' + p.replace('"', '""') + '"' for p in phrases)


def _find_indexed(session: Session, q: str, shown: int) -> tuple[list[uuid.UUID], int, bool]:
    match = _match(_phrases(session, q))
    found = session.execute(
        text(f"SELECT order_id FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH :m ORDER BY rowid DESC LIMIT :n"),
        {"m": match, "n": shown + 1},
    ).scalars().all()
    ids = [uuid.UUID(hex=i) for i in found[:shown]]
    if len(found) <= shown:
        return ids, 0, False
    total = session.execute(
        text(f"SELECT count(*) FROM (SELECT 1 FROM {search_index.TABLE} WHERE {search_index.TABLE} MATCH :m LIMIT :cap)"),
        {"m": match, "cap": shown + COUNTED + 1},
    ).scalar_one()
    return ids, min(total - shown, COUNTED), total > shown + COUNTED


def _like_escape(value: str) -> str:
    return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def find_by_scan(session: Session, q: str, shown: int = SHOWN) -> tuple[list[uuid.UUID], int, bool]:
    """The same question without the index: LIKE over every order and what it joins (each field
    anywhere, case-insensitively for Latin letters), newest first; the benchmark's baseline."""
    pattern = f"%{_like_escape(q)}%"
    lowered = q.lower()
    districts = [d for d, en, name in session.execute(select(District.id, District.name_en, District.name))
                 if lowered in en.lower() or q in name]
    phones = select(AppointmentOrder.order_id).join(Appointment, Appointment.id == AppointmentOrder.appointment_id).where(
        Appointment.contact_phone.like(pattern, escape="\\"))
    tech = aliased(Technician)
    conditions = [
        WorkOrder.number.ilike(pattern, escape="\\"), WorkOrder.upstream_ref.ilike(pattern, escape="\\"),
        WorkOrder.address.like(pattern, escape="\\"), Customer.name.ilike(pattern, escape="\\"),
        Customer.code.ilike(pattern, escape="\\"), Customer.contact_phone.like(pattern, escape="\\"),
        Service.circuit_id.ilike(pattern, escape="\\"), tech.name.like(pattern, escape="\\"), WorkOrder.id.in_(phones),
    ]
    if districts:
        conditions.append(WorkOrder.district_id.in_(districts))
    base = (select(WorkOrder.id).join(Customer, Customer.id == WorkOrder.customer_id)
            .outerjoin(Service, Service.id == WorkOrder.service_id).outerjoin(tech, tech.id == WorkOrder.assignee_id)
            .where(WorkOrder.deleted.is_(False), or_(*conditions)))
    ids = list(session.scalars(base.order_by(WorkOrder.received_at.desc()).limit(shown + 1)))
    if len(ids) <= shown:
        return ids, 0, False
    total = session.scalar(select(text("count(*)")).select_from(base.limit(shown + COUNTED + 1).subquery()))
    return ids[:shown], min(int(total) - shown, COUNTED), int(total) > shown + COUNTED


def _rows(session: Session, ids: list[uuid.UUID]) -> list[FoundOrder]:
    """The answer's lines in the order found."""
    if not ids:
        return []
    stmt = (
        select(WorkOrder.id, WorkOrder.number, WorkOrder.kind, WorkOrder.status, Customer.name, WorkOrder.address,
               District.name, District.name_en, Technician.name, WorkOrder.received_at, WorkOrder.closed_at,
               WorkOrder.replaces_order_id)
        .join(Customer, Customer.id == WorkOrder.customer_id)
        .outerjoin(District, District.id == WorkOrder.district_id)
        .outerjoin(Technician, Technician.id == WorkOrder.assignee_id)
        .where(WorkOrder.id.in_(ids))
    )
    by_id: dict[uuid.UUID, Any] = {row[0]: row for row in session.execute(stmt)}
    return [FoundOrder(r[0], r[1], r[2], r[3], r[4], r[5] or "", r[6] or "", r[7] or "", r[8], r[9], r[10], r[11])
            for r in (by_id.get(i) for i in ids) if r is not None]
