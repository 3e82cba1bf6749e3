"""The audit log as a hash chain: each row carries the hash of the one before it.

Installed on the centre's sessions, it holds back every audit row a transaction adds (in the order
the rows were written: a flush's new rows ordered by time, or in the order given to `hold`), then
numbers, hashes and inserts them all at once when the transaction commits (or earlier, when asked:
`write`), under a lock on the chain's head row, so concurrent writers serialise. The head is taken
last on purpose: it is the one row every audited write of every instance waits for, so it is held
for that insert and the commit only, not for whatever else the transaction goes on to do (a push's
SLA refresh and answer: held while a busy process waited for a core, it queued every other audited
write of the province behind it). A held row is not in the database until then: a query of the
audit log inside the transaction does not see it. A savepoint rolled back drops the rows held in it.

Rows written without it (a demo seeded in bulk, rows from before the chain existed) are sealed into
the chain by the owner (`seal`, run by `dispatch-central migrate` and `demo`); after that, a row
outside the chain is one written behind the service's back, and `verify` fails on it, as on any
row that does not match. Someone who may rewrite the whole table (the database's owner) could
re-hash it all: an exported head (`head`, kept outside the database: printed by
`dispatch-central audit-head`) is checked by `verify(..., checkpoint=)`, so a rewritten chain no
longer reaches the head that was exported.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

from sqlalchemy import event, func, select, text
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session, SessionTransaction, sessionmaker

from console.core.store.models import AuditEntry, AuditHead


def _canonical(entry: AuditEntry) -> str:
    return json.dumps(
        {
            "seq": entry.seq, "at": entry.at.isoformat(), "user_id": str(entry.user_id) if entry.user_id else None,
            "desk_id": entry.desk_id, "action": entry.action, "entity": entry.entity, "entity_id": str(entry.entity_id),
            "order_id": str(entry.order_id) if entry.order_id else None, "before": entry.before, "after": entry.after,
            "reason": entry.reason,
        },
        sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str,
    )


def link_hash(prev_hash: str, entry: AuditEntry) -> str:
    return hashlib.sha256((prev_hash + _canonical(entry)).encode()).hexdigest()


def flush_order(entry: AuditEntry) -> tuple:
    """The order a flush's new entries are chained in (they come in no particular order)."""
    return entry.at, str(entry.entity_id), entry.action


_HELD = "audit_chain.held"  # session.info: [(entry, the transaction it was held in)], in chain order


def _hold_new_entries(session: Session, _context, _instances) -> None:
    hold(session, sorted((obj for obj in session.new if isinstance(obj, AuditEntry) and obj.seq is None), key=flush_order))


def hold(session: Session, entries: list[AuditEntry]) -> None:
    """Take these new entries out of the flushes, in this order, to be chained and inserted at the
    commit (a push holds its actions' rows in the actions' order before a flush would take them
    in its own)."""
    if not entries:
        return
    transaction = session.get_nested_transaction() or session.get_transaction()
    held = session.info.setdefault(_HELD, [])
    for entry in entries:
        if entry in session:
            session.expunge(entry)
        held.append((entry, transaction))


def held(session: Session) -> list[AuditEntry]:
    """The entries held for the commit, in chain order."""
    return [entry for entry, _transaction in session.info.get(_HELD, ())]


def write(session: Session) -> None:
    """Flush what the transaction has written, then chain and insert the held entries: from now
    until the commit, the chain's head is locked (call it last: a push calls it before reading its
    answer back, which has the audit rows)."""
    session.flush()
    entries = held(session)
    if not entries:
        return
    session.info[_HELD] = []
    chain(session, entries)
    session.add_all(entries)
    session.flush()


def chain(session: Session, entries: list[AuditEntry]) -> None:
    """Number and hash these entries, in this order, after the chain's head, which stays locked
    until the commit."""
    with session.no_autoflush:
        head = _locked_head(session)
    for entry in entries:
        entry.desk_id = entry.desk_id or ""  # hashed as they will be stored (their defaults come at the insert)
        entry.reason = entry.reason or ""
        entry.seq = head.last_seq + 1
        entry.prev_hash = head.last_hash
        entry.hash = link_hash(entry.prev_hash, entry)
        head.last_seq, head.last_hash = entry.seq, entry.hash


def _write_at_commit(session: Session) -> None:
    if not session.in_nested_transaction():  # (a savepoint's release: the transaction goes on)
        write(session)


def _drop_rolled_back(session: Session, transaction: SessionTransaction) -> None:
    """A rolled back transaction or savepoint takes the entries held in it (or in savepoints inside it) with it."""
    kept = [(entry, within) for entry, within in session.info.get(_HELD, ()) if not _inside(within, transaction)]
    if kept:
        session.info[_HELD] = kept
    else:
        session.info.pop(_HELD, None)


def _inside(transaction: SessionTransaction | None, outer: SessionTransaction) -> bool:
    while transaction is not None:
        if transaction is outer:
            return True
        transaction = transaction.parent
    return False


def _forget(session: Session, transaction: SessionTransaction) -> None:
    if transaction.parent is None:  # (held entries never outlive their transaction)
        session.info.pop(_HELD, None)


# The chain's head, locked until the commit: built once (every audited write of the centre takes it,
# as the last thing before its commit)
_HEAD = select(AuditHead).where(AuditHead.id == 1).with_for_update()


def _locked_head(session: Session) -> AuditHead:
    head = session.execute(_HEAD).scalar_one_or_none()
    if head is None:
        # The first writers of a new database race to create the head: one inserts it, the others'
        # inserts wait for it and do nothing, then all lock it in turn. (A savepoint that caught the
        # losers' IntegrityError took the flush's pending audit rows away with it.)
        insert = pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert
        session.execute(insert(AuditHead).values(id=1, last_seq=0, last_hash="").on_conflict_do_nothing())
        head = session.execute(_HEAD).scalar_one()
    return head


def install(sessions: sessionmaker) -> None:
    """Chain every audit row written through these sessions, at their commit (`hold`, `write`)."""
    event.listen(sessions, "before_flush", _hold_new_entries)
    event.listen(sessions, "before_commit", _write_at_commit)
    event.listen(sessions, "after_soft_rollback", _drop_rolled_back)
    event.listen(sessions, "after_transaction_end", _forget)


@dataclass(frozen=True)
class ChainReport:
    rows: int
    broken_at: int | None = None
    problem: str = ""
    unchained: int = 0  # rows outside the chain: written behind the service's back (or never sealed)

    @property
    def intact(self) -> bool:
        return self.broken_at is None


def verify(session: Session, checkpoint: tuple[int, str] | None = None) -> ChainReport:
    """The chain recomputed from its first row; broken at the first row that does not match, when
    rows are outside it, or when the exported `checkpoint` (seq, hash) is not in it."""
    prev, expected_seq, rows = "", 1, 0
    checked = checkpoint is None
    for entry in session.scalars(select(AuditEntry).where(AuditEntry.seq.is_not(None)).order_by(AuditEntry.seq)).yield_per(2000):
        rows += 1
        if entry.seq != expected_seq:
            return ChainReport(rows, entry.seq, f"row {expected_seq} is missing (next is {entry.seq})")
        if entry.prev_hash != prev:
            return ChainReport(rows, entry.seq, f"row {entry.seq} does not follow row {entry.seq - 1}")
        if link_hash(prev, entry) != entry.hash:
            return ChainReport(rows, entry.seq, f"row {entry.seq} was changed after it was written")
        if checkpoint is not None and entry.seq == checkpoint[0]:
            if entry.hash != checkpoint[1]:
                return ChainReport(rows, entry.seq, f"row {entry.seq} is not the one exported: the chain was written again")
            checked = True
        prev, expected_seq = entry.hash, expected_seq + 1
    head = session.get(AuditHead, 1)
    if head is not None and (head.last_seq != expected_seq - 1 or head.last_hash != prev):
        return ChainReport(rows, head.last_seq, f"the chain ends at row {expected_seq - 1} but its head says {head.last_seq}")
    if not checked:
        return ChainReport(rows, checkpoint[0], f"the chain ends at row {expected_seq - 1}, before the exported row {checkpoint[0]}")
    unchained = session.scalar(select(func.count()).select_from(AuditEntry).where(AuditEntry.seq.is_(None))) or 0
    if unchained:
        return ChainReport(rows, expected_seq, f"{unchained} rows are outside the chain (written behind the service's back)",
                           unchained)
    return ChainReport(rows)


def head(session: Session) -> tuple[int, str]:
    """The chain's last row, to export: `verify(session, checkpoint=...)` checks it is still there."""
    found = session.get(AuditHead, 1)
    return (found.last_seq, found.last_hash) if found is not None else (0, "")


def seal(session: Session) -> int:
    """Chain the rows written without the chain (in the order they were written), as its owner: the
    append-only trigger is lifted for this transaction only. The rows sealed."""
    loose = list(session.scalars(select(AuditEntry).where(AuditEntry.seq.is_(None)).order_by(AuditEntry.at, AuditEntry.id)))
    if not loose:
        return 0
    postgres = session.get_bind().dialect.name == "postgresql"
    if postgres:
        session.execute(text("ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only"))
    head_row = session.execute(select(AuditHead).where(AuditHead.id == 1).with_for_update()).scalar_one_or_none()
    if head_row is None:
        head_row = AuditHead(id=1, last_seq=0, last_hash="")
        session.add(head_row)
    for entry in loose:  # in the order written, not chain()'s order of a flush
        entry.desk_id, entry.reason = entry.desk_id or "", entry.reason or ""
        entry.seq, entry.prev_hash = head_row.last_seq + 1, head_row.last_hash
        entry.hash = link_hash(entry.prev_hash, entry)
        head_row.last_seq, head_row.last_hash = entry.seq, entry.hash
    session.flush()
    if postgres:
        session.execute(text("ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only"))
    return len(loose)
