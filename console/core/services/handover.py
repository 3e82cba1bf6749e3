"""The shift handover (交接班): the draft for the shift under way, signing it, acknowledging it, and
the past handovers searched.

What a desk sends when it signs is only what is the supervisor's to say: the region and the shift
it hands over, its notes, and which drafted lines it kept or left out with a remark on each
(`Choice`). The lines themselves are drafted again where the operation runs (at the centre: from
the centre's orders, as the token's user, at the centre's time), so the record says what the
centre knew at signing; a line the supervisor kept that the centre's draft does not hold is kept
with the centre's view of that order (`added`). Signer, acknowledger and their times are the
acting user's and the clock's. Audit rows carry no order: they reach only desks of every region,
the handover row itself (who, when) reaches the region's desks.

Roles: a supervisor or an administrator signs and acknowledges; a dispatcher reads (the draft, the
handover awaiting acknowledgement, the past ones) but neither signs nor acknowledges, since the
handover is the supervisors' accountability (DOMAIN.md, "Supervisor's duties").
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from console.core.changes import Changes
from console.core.domain.roles import may_supervise
from console.core.operations import operation
from console.core.services.calendar import NotAllowed
from console.core.services.dashboard_figures import Period
from console.core.services.dashboards import SHIFT_STARTS, period_span
from console.core.services.handover_draft import SECTIONS, Draft, Item, Section, draft_within, order_item, rules_of
from console.core.store import audit
from console.core.store.database import Database
from console.core.store.models import Handover, Region, User, touch
from console.core.store.rows import DeskUser
from console.core.store.rules import load_calendar, parameters

MAX_NOTES = 2000
MAX_REMARK = 500
MAX_CHOICES = 1000
SEARCH_LIMIT = 200
LATE_GRACE = timedelta(hours=1)  # a shift ended this recently without its handover is still the one the page drafts
SIGNED, ACKNOWLEDGED = "handover.signed", "handover.acknowledged"


class HandoverError(ValueError):
    """A handover the rules refuse, or input that cannot be used; the message names the field."""


@dataclass(frozen=True)
class Choice:
    """The supervisor's word on one drafted line: kept or left out, and a remark."""

    section: str
    order_id: uuid.UUID
    kept: bool = True
    remark: str = ""


@dataclass(frozen=True)
class HandoverRecord:
    """A signed handover as the desk shows it (frozen: no ORM object)."""

    id: uuid.UUID
    region_id: uuid.UUID
    region: str
    region_en: str
    shift_start: datetime
    shift_end: datetime
    drafted_at: datetime | None
    sections: tuple[Section, ...]
    notes: str
    signed_by_id: uuid.UUID
    signed_by: str
    signed_at: datetime
    acknowledged_by_id: uuid.UUID | None
    acknowledged_by: str
    acknowledged_at: datetime | None
    acknowledgement_note: str
    version: int

    @property
    def items(self) -> int:
        return sum(len(s.items) for s in self.sections)

    def words(self) -> str:
        """Everything a search matches, lower case: names, notes, numbers, customers, remarks."""
        parts = [self.signed_by, self.acknowledged_by, self.notes, self.acknowledgement_note]
        for section in self.sections:
            for item in (*section.items, *section.removed):
                parts += [item.number, item.customer, item.remark]
        return "\n".join(parts).lower()


@dataclass(frozen=True)
class Overview:
    """What the handover page shows for a region at `now`."""

    draft: Draft
    signed: HandoverRecord | None  # this shift's handover, once signed
    awaiting: tuple[HandoverRecord, ...]  # signed for the shift ending or just ended, not yet acknowledged


class Handovers:
    def __init__(self, database: Database, user: DeskUser, clock: Callable[[], datetime], desk_id: str = "local", **_unused):
        self._database, self._user, self._clock, self._desk_id = database, user, clock, desk_id

    # --- reads (off the GUI thread) -----------------------------------------------------------

    def regions(self) -> list[tuple[uuid.UUID, str, str]]:
        """(id, name, English name) of every region, for a desk user of every region to choose from."""
        with self._database.reading() as session:
            return [tuple(r) for r in session.execute(select(Region.id, Region.name, Region.name_en)
                                                      .where(Region.deleted.is_(False)).order_by(Region.code))]

    def overview(self, region_id: uuid.UUID, now: datetime | None = None) -> Overview:
        """The draft for the shift ending (the one just ended, within LATE_GRACE of its end while it
        has no handover), that shift's handover once signed, and those awaiting acknowledgement."""
        now = now or self._clock()
        with self._database.reading() as session:
            current, previous = shifts_at(session, now)
            records = _records(session, [Handover.region_id == region_id, Handover.shift_start.in_([current[0], previous[0]])])
            late = now - current[0] < LATE_GRACE and not any(r.shift_start == previous[0] for r in records)
            shift = previous if late else current
            draft = draft_within(session, region_id, now, shift)
        signed = next((r for r in records if r.shift_start == shift[0]), None)
        awaiting = tuple(r for r in records if r.acknowledged_at is None)
        return Overview(draft, signed, awaiting)

    def awaiting(self, region_id: uuid.UUID, now: datetime | None = None) -> tuple[HandoverRecord, ...]:
        """The handovers of the shift under way and the one before that nobody has acknowledged
        yet: the status bar's notice to the incoming supervisor (a light read, no draft)."""
        now = now or self._clock()
        with self._database.reading() as session:
            current, previous = shifts_at(session, now)
            records = _records(session, [Handover.region_id == region_id, Handover.shift_start.in_([current[0], previous[0]]),
                                         Handover.acknowledged_at.is_(None)])
        return tuple(records)

    def search(self, region_id: uuid.UUID | None, first_day: date | None = None, last_day: date | None = None, text: str = "",
               limit: int = SEARCH_LIMIT) -> list[HandoverRecord]:
        """Signed handovers newest first: of a region (None: every region the file holds), whose shift
        started on a local day in [first_day, last_day], matching `text` (a person's name, an order
        number, a customer, words of the notes or remarks; every word must match)."""
        with self._database.reading() as session:
            zone = load_calendar(session).zone
            where: list[Any] = [Handover.deleted.is_(False)]
            if region_id is not None:
                where.append(Handover.region_id == region_id)
            if first_day is not None:
                where.append(Handover.shift_start >= datetime(first_day.year, first_day.month, first_day.day, tzinfo=zone))
            if last_day is not None:
                after = last_day + timedelta(days=1)
                where.append(Handover.shift_start < datetime(after.year, after.month, after.day, tzinfo=zone))
            records = _records(session, where)
        words = text.lower().split()
        found = [r for r in records if all(w in r.words() for w in words)] if words else records
        return found[:limit]

    # --- the operations -----------------------------------------------------------------------

    @operation("handover.sign")
    def sign(self, region_id: uuid.UUID, shift_start: datetime, notes: str = "", choices: list[Choice] | None = None) -> Changes:
        """The outgoing supervisor signs the handover of the shift under way (or of the one that has
        just ended): drafted again here, the supervisor's choices and remarks laid over it."""
        self._may_supervise("signs the handover")
        notes, choices = _text(notes, MAX_NOTES, "notes"), _choices(choices or [])
        with self._database.unit_of_work() as session:
            self._own_region(session, region_id)
            now = self._clock()
            current, previous = shifts_at(session, now)
            shift = next((s for s in (current, previous) if s[0] == shift_start), None)
            if shift is None:
                raise HandoverError("shift_start: only the shift under way or the one just ended is handed over")
            existing = session.scalars(select(Handover).where(Handover.region_id == region_id, Handover.shift_start == shift[0])).first()
            if existing is not None:
                raise HandoverError(f"this shift's handover was signed already, by {_name(session, existing.signed_by)} "
                                    f"at {existing.signed_at:%Y-%m-%d %H:%M} UTC")
            draft = draft_within(session, region_id, now, shift)
            rules = rules_of(session)
            sections = settle(draft, choices, lambda order_id: order_item(session, order_id, region_id, now, rules))
            contents = {"drafted_at": now.isoformat(), "horizon_hours": draft.horizon_hours, "sections": [s.as_json() for s in sections]}
            handover = Handover(region_id=region_id, shift_start=shift[0], shift_end=shift[1], contents=contents, notes=notes,
                                signed_by=self._user.id, signed_at=now, acknowledgement_note="", updated_at=now)
            session.add(handover)
            session.flush()
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=SIGNED, entity="handover",
                         entity_id=handover.id, order_id=None, before=None,
                         after={"region_id": region_id.hex, "shift_start": shift[0].isoformat(), "shift_end": shift[1].isoformat(),
                                "items": sum(len(s.items) for s in sections), "removed": sum(len(s.removed) for s in sections)},
                         reason=notes)
            return Changes()

    @operation("handover.acknowledge")
    def acknowledge(self, handover_id: uuid.UUID, note: str = "") -> Changes:
        """The incoming supervisor has read the handover: once, and not the one who signed it."""
        self._may_supervise("acknowledges a handover")
        note = _text(note, MAX_NOTES, "note")
        with self._database.unit_of_work() as session:
            handover = session.get(Handover, handover_id, with_for_update=True)
            if handover is None or handover.deleted:
                raise LookupError("handover_id: no such handover")
            self._own_region(session, handover.region_id)
            if handover.signed_by == self._user.id:
                raise NotAllowed("the supervisor who signed a handover does not acknowledge it: the incoming supervisor does")
            if handover.acknowledged_at is not None:
                raise HandoverError(f"the handover was acknowledged already, by {_name(session, handover.acknowledged_by)} "
                                    f"at {handover.acknowledged_at:%Y-%m-%d %H:%M} UTC")
            now = self._clock()
            handover.acknowledged_by, handover.acknowledged_at, handover.acknowledgement_note = self._user.id, now, note
            touch(handover, now)
            audit.record(session, at=now, user_id=self._user.id, desk_id=self._desk_id, action=ACKNOWLEDGED, entity="handover",
                         entity_id=handover.id, order_id=None, before={"acknowledged_by": None},
                         after={"acknowledged_by": self._user.id.hex, "region_id": handover.region_id.hex}, reason=note)
            return Changes()

    def _may_supervise(self, what: str) -> None:
        if not may_supervise(self._user.role):
            raise NotAllowed(f"only a shift supervisor or an administrator {what}; a dispatcher may read it")
        if self._user.id is None:
            raise NotAllowed(f"only a desk user with an account {what}")

    def _own_region(self, session: Session, region_id: uuid.UUID) -> None:
        if self._user.region_id is not None and region_id != self._user.region_id:
            raise NotAllowed("a supervisor hands over their own region's shift only")
        if session.get(Region, region_id) is None:
            raise LookupError("region_id: no such region")


def shifts_at(session: Session, now: datetime) -> tuple[tuple[datetime, datetime], tuple[datetime, datetime]]:
    """The shift under way at `now` and the one before it, as the dashboards count shifts
    (rule parameters dashboard.day_shift_starts / night_shift_starts, in the centre's zone)."""
    values, zone = parameters(session), load_calendar(session).zone
    try:
        day, night = int(float(values["dashboard.day_shift_starts"])), int(float(values["dashboard.night_shift_starts"]))
    except (KeyError, TypeError, ValueError):
        day, night = SHIFT_STARTS
    starts = (day, night) if 0 <= day < night <= 23 else SHIFT_STARTS
    current = period_span(Period.SHIFT, now, zone, starts)
    previous = period_span(Period.SHIFT, current[0] - timedelta(seconds=1), zone, starts)
    return current, previous


def settle(draft: Draft, choices: Iterable[Choice], order_line: Callable[[uuid.UUID], Item | None]) -> list[Section]:
    """The drafted sections with the supervisor's choices laid over them: a line left out moves to
    `removed`, a remark is kept with its line, and a line kept that the draft does not hold is
    added with the order's line as `order_line` reads it (HandoverError when it is no order of the
    region)."""
    wanted = {(c.section, c.order_id): c for c in choices}
    out = []
    for section in draft.sections:
        kept, removed = [], []
        for item in section.items:
            choice = wanted.pop((section.key, item.order_id), None)
            if choice is not None and not choice.kept:
                removed.append(item)
            else:
                kept.append(_with_remark(item, choice.remark if choice else ""))
        for (key, order_id), choice in list(wanted.items()):
            if key != section.key or not choice.kept:
                continue
            line = order_line(order_id)
            if line is None:
                raise HandoverError(f"choices: {order_id} is no order of this region")
            kept.append(_with_remark(line, choice.remark))
        out.append(Section(section.key, tuple(kept), section.total, tuple(removed)))
    return out


def _with_remark(item: Item, remark: str) -> Item:
    return Item(item.order_id, item.number, item.customer, item.kind, item.status, item.facts, remark, item.added)


def _choices(choices: list[Choice]) -> list[Choice]:
    if len(choices) > MAX_CHOICES:
        raise HandoverError(f"choices: at most {MAX_CHOICES} lines")
    out = []
    for n, choice in enumerate(choices):
        if choice.section not in SECTIONS:
            raise HandoverError(f"choices.{n}.section: one of {', '.join(SECTIONS)}")
        out.append(Choice(choice.section, choice.order_id, bool(choice.kept), _text(choice.remark, MAX_REMARK, f"choices.{n}.remark")))
    return out


def _text(value: str, limit: int, name: str) -> str:
    value = (value or "").strip()
    if len(value) > limit:
        raise HandoverError(f"{name}: at most {limit} characters")
    return value


def _name(session: Session, user_id: uuid.UUID | None) -> str:
    user = session.get(User, user_id) if user_id else None
    return user.display_name if user is not None else "?"


_SIGNER, _ACKNOWLEDGER = aliased(User), aliased(User)


def _records(session: Session, where: list[Any]) -> list[HandoverRecord]:
    query = (select(Handover, Region.name, Region.name_en, _SIGNER.display_name, _ACKNOWLEDGER.display_name)
             .join(Region, Region.id == Handover.region_id)
             .outerjoin(_SIGNER, _SIGNER.id == Handover.signed_by).outerjoin(_ACKNOWLEDGER, _ACKNOWLEDGER.id == Handover.acknowledged_by)
             .where(Handover.deleted.is_(False), *where).order_by(Handover.shift_start.desc(), Handover.region_id))
    return [_record(h, region, region_en, signer or "", acknowledger or "") for h, region, region_en, signer, acknowledger in session.execute(query)]


def _record(h: Handover, region: str, region_en: str, signer: str, acknowledger: str) -> HandoverRecord:
    contents = h.contents if isinstance(h.contents, dict) else {}
    sections = []
    for raw in contents.get("sections") or []:
        if not isinstance(raw, dict) or raw.get("key") not in SECTIONS:
            continue
        items = tuple(i for i in map(Item.from_json, raw.get("items") or []) if i is not None)
        removed = tuple(Item(uuid.UUID(hex=r["order_id"]), str(r.get("number", "")), "", "", "") for r in raw.get("removed") or []
                        if isinstance(r, dict) and _hex(r.get("order_id")))
        sections.append(Section(raw["key"], items, int(raw.get("total") or len(items)), removed))
    try:
        drafted = datetime.fromisoformat(contents["drafted_at"])
    except (KeyError, TypeError, ValueError):
        drafted = None
    return HandoverRecord(h.id, h.region_id, region, region_en, h.shift_start, h.shift_end, drafted, tuple(sections), h.notes,
                          h.signed_by, signer, h.signed_at, h.acknowledged_by, acknowledger, h.acknowledged_at, h.acknowledgement_note,
                          h.version)


def _hex(value: Any) -> bool:
    try:
        uuid.UUID(hex=str(value))
    except ValueError:
        return False
    return True
