"""Order history search: any order the desk's file holds (open, closed, superseded, cancelled) by
number, circuit id, customer name or code, contact phone, address, technician or upstream
reference, newest first, the first few hundred with how many more.

On a desk file the search asks the FTS5 trigram index (`console.core.store.search_index`); a
district's English name ("Pudong") is looked up in the districts and searched as its Chinese name
too, as the queue's search matches English district names. Two letters or more match anywhere in
a field; a long text is matched by its rarest trigrams and the lines found are checked for the
whole text (`_plan`). Without the index (another engine, an old SQLite) the same question is asked
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
COUNTED = 10_000  # matches counted beyond them at most ("more than 10,000 more")
COUNTED_CHECKED = 1_000  # the same for a text whose matches are each checked for the whole text
SHORTEST = 2  # characters a search needs
_TWO_LETTER_TERMS = 500  # trigrams a two-letter search stands for, at most
_RAREST = 3  # trigrams of a longer text the index matches (the lines found are checked for the whole text)
_FEW_LINES = 50_000  # a text whose rarest trigram more lines hold is matched as a phrase
_COUNTED_LIST = 100_000  # lines counted from which a Latin two-letter search lists its trigrams from the counts
_TWO_LETTERS_EVERYWHERE = 300_000  # lines two letters may stand for before only the starts and ends of fields are searched


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
    more_capped: bool  # there are more than `more` (the count stopped there)
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


@dataclass(frozen=True)
class _Query:
    """What the index is asked: an FTS5 expression, and a LIKE the matched lines must also pass
    (when only the rarest trigrams of a long text were matched), or nothing to ask."""

    match: str
    like: str | None = None


def _quote(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def _districts(session: Session, q: str) -> list[str]:
    """The Chinese names of the districts whose English name holds the text ("Pudong": 浦东新区)."""
    lowered = q.lower()
    return [name for name, name_en in session.execute(select(District.name, District.name_en)) if lowered in name_en.lower()]


def _plan(session: Session, q: str) -> _Query | None:
    """How to ask the index for `q`, from its vocabulary (how many lines hold each trigram):
    two letters stand for every trigram starting with them (each field ends with », so every
    place they occur starts one); a longer text whose trigrams are all common ("PR20241101000027")
    is matched by its rarest three and the lines found checked for the whole text, since a phrase
    reads every line holding any of its trigrams (its matches are counted to COUNTED_CHECKED).
    A district's English name adds its Chinese name."""
    districts = [_quote(name) for name in _districts(session, q)]
    lowered = q.lower()
    if len(q) == 2:
        # Latin letters and digits start few trigrams, each in many lines: listed from the counts
        # (the live vocabulary would read every line of each); Chinese ones from the vocabulary itself.
        counted = session.execute(text(f"SELECT doc FROM {search_index.STATS} WHERE term = ''")).scalar() or 0
        listed = search_index.STATS if q.isascii() and counted >= _COUNTED_LIST else search_index.TERMS
        found = session.execute(text(f"SELECT term FROM {listed} WHERE term >= :low AND term < :high LIMIT :n"),
                                {"low": lowered, "high": lowered + "\U0010ffff", "n": _TWO_LETTER_TERMS}).scalars().all()
        counts = _counts(session, found)
        if sum(counts.values()) > _TWO_LETTERS_EVERYWHERE:  # ("15", "PR": in most lines) only where a field starts or ends
            found = [t for t in found if counts.get(t, 0) <= _FEW_LINES // 10]
        ends = [f"«{lowered}", f"{lowered}»"]  # (where a field starts or ends: always, counted or not)
        alternatives = [_quote(t) for t in dict.fromkeys([*found, *ends])] + districts
        return _Query(" OR ".join(alternatives)) if alternatives else None
    trigrams = sorted({lowered[i:i + 3] for i in range(len(lowered) - 2)})
    if districts:
        return _Query(" OR ".join([_quote(q), *districts]))
    counts = _counts(session, trigrams)
    rarest = sorted(trigrams, key=lambda t: counts.get(t, 0))[:_RAREST]  # (one not counted is new since the count: rare)
    if len(trigrams) <= _RAREST or counts.get(rarest[0], 0) > _FEW_LINES:
        return _Query(_quote(q))  # (short, or common enough that the newest matches come at once)
    return _Query(" AND ".join(_quote(t) for t in rarest), f"%{_like_escape(q)}%")


def _counts(session: Session, terms: list[str]) -> dict[str, int]:
    """How many lines held each trigram when they were counted (none: new since, so rare)."""
    if not terms:
        return {}
    marks = ", ".join(f":t{i}" for i in range(len(terms)))
    return dict(session.execute(text(f"SELECT term, doc FROM {search_index.STATS} WHERE term IN ({marks})"),
                                {f"t{i}": t for i, t in enumerate(terms)}).all())


def _find_indexed(session: Session, q: str, shown: int) -> tuple[list[uuid.UUID], int, bool]:
    plan = _plan(session, q)
    if plan is None:
        return [], 0, False
    table = search_index.TABLE
    where = f"{table} MATCH :m" + (" AND (line || '') LIKE :like ESCAPE '\\'" if plan.like else "")  # (|| '': not the index's LIKE)
    params = {"m": plan.match, "like": plan.like}
    cap = COUNTED_CHECKED if plan.like else COUNTED  # (each match checked by LIKE: counted less far, in the same pass)
    found = session.execute(text(f"SELECT order_id FROM {table} WHERE {where} ORDER BY rowid DESC LIMIT :n"),
                            {**params, "n": shown + (cap if plan.like else 0) + 1}).scalars().all()
    ids = [uuid.UUID(hex=i) for i in found[:shown]]
    if len(found) <= shown:
        return ids, 0, False
    if plan.like:
        return ids, min(len(found) - shown, cap), len(found) > shown + cap
    total = session.execute(text(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE {where} LIMIT :cap)"),
                            {**params, "cap": shown + cap + 1}).scalar_one()
    return ids, min(total - shown, cap), total > shown + cap


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
