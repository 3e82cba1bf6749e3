"""The outbox, written in the same SQLite transaction as the change it carries.

`install(sessions)` hooks the desk's session factory: every flush records what changed in
replicated rows (read back from the file in the wire format), and just before the commit the
transaction's changes become one outbox entry, its desk mutation number the entry's key, with the
operation that made them (`console.core.operations`): the operation is what is pushed, the rows
stay at the desk to lay its pending values over pulled rows and to undo what the centre refuses. The
pre-change row goes to `sync_shadows` the first time a row is changed, so a refused change can
be undone. Pulled rows are written with plain SQL on the connection and never pass through here.
Derived columns (the cached SLA, recomputed with bulk updates) never pass through either.
"""

from __future__ import annotations

import copy
import json
import uuid
from collections.abc import Callable
from typing import Any

from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session, SessionTransaction, SessionTransactionOrigin, sessionmaker

from console.core.operations import recorded
from console.core.store.models import SyncOutbox, SyncOutboxRow, utcnow
from console.core.wire import BOOKKEEPING, CONTESTED, DERIVED, MAX_CHANGES, PUSHABLE, wire

_KEY = "sync.changes"
_SAVED = "sync.saved"
_MARKS = "sync.savepoints"
_OP = "sync.operation"  # the operation whose changes the transaction holds
_STAMPS = "sync.stamps"  # (table, id) -> the row's updated_at before this transaction changed it (wire value)


def install(sessions: sessionmaker, on_saved: Callable[[], None] | None = None) -> None:
    """From now on every transaction of these sessions that changes replicated rows writes an
    outbox entry; `on_saved` is called after such a commit (to wake the pusher)."""
    event.listen(sessions, "before_flush", _before_flush)
    event.listen(sessions, "after_flush", _after_flush)
    event.listen(sessions, "before_commit", _before_commit)
    event.listen(sessions, "after_transaction_create", _savepoint_begun)
    event.listen(sessions, "after_soft_rollback", _rolled_back)
    event.listen(sessions, "after_begin", _write_lock)

    def after_commit(session: Session) -> None:
        if session.in_nested_transaction():  # a savepoint released: the transaction goes on
            return
        if session.info.pop(_SAVED, False) and on_saved is not None:
            on_saved()

    event.listen(sessions, "after_commit", after_commit)


def _write_lock(_session: Session, transaction: SessionTransaction, connection) -> None:
    """A unit of work (an explicit begin) takes the file's write lock before its first read, as the
    replica's writes do: a pulled batch or a push's answer is then never written between what the
    action read and what it writes (pysqlite begins a transaction only at the first write, so the
    action would overwrite the pulled values unseen and record a shadow older than the cursor)."""
    if transaction.origin is SessionTransactionOrigin.BEGIN and connection.dialect.name == "sqlite":
        connection.exec_driver_sql("BEGIN IMMEDIATE")


def _savepoint_begun(session: Session, transaction: SessionTransaction) -> None:
    """A savepoint keeps what was recorded before it: its rollback takes back only what came after
    (a savepoint that fails, such as the order numbering's first row of a day, must not make the
    transaction's earlier changes miss the outbox)."""
    if transaction.nested:
        marks = session.info.setdefault(_MARKS, {})
        marks[id(transaction)] = copy.deepcopy(session.info.get(_KEY, {}))


def _rolled_back(session: Session, previous: SessionTransaction) -> None:
    if previous.nested:
        marks = session.info.get(_MARKS, {})
        if id(previous) in marks:
            session.info[_KEY] = marks.pop(id(previous))
        return
    session.info.pop(_KEY, None)
    session.info.pop(_SAVED, None)
    session.info.pop(_MARKS, None)
    session.info.pop(_STAMPS, None)
    session.info.pop(_OP, None)


def _row(session: Session, table: str, row_id: str) -> dict[str, Any] | None:
    columns = wire(table).columns
    found = session.connection().exec_driver_sql(f"SELECT {wire(table).column_list} FROM {table} WHERE id = ?", (row_id,)).first()
    return dict(zip(columns, found, strict=True)) if found is not None else None


def _before_flush(session: Session, _context: object, _instances: object) -> None:
    """Remember the stamps of rows about to be updated: the flush gives them the desk's time, and a
    shadow must hold the centre's (a refusal puts the row back from it, and no feed entry corrects
    a row the centre did not change)."""
    stamps = session.info.setdefault(_STAMPS, {})
    for obj in session.dirty:
        table = obj.__table__.name
        if table not in PUSHABLE or "updated_at" not in obj.__table__.c:
            continue
        key = (table, obj.id.hex)
        if key in stamps:
            continue
        history = inspect(obj).attrs.updated_at.history
        before = history.deleted[0] if history.deleted else history.unchanged[0] if history.unchanged else None
        if before is not None:
            stamps[key] = wire(table).encode({"updated_at": before})["updated_at"]


def _after_flush(session: Session, _context: object) -> None:
    action = recorded()
    if action is not None:  # an operation run inside a longer transaction (a conflict resolved) has returned by its commit
        session.info[_OP] = action
    changes: dict[tuple[str, str], dict[str, Any]] = session.info.setdefault(_KEY, {})
    for obj in session.new:
        table = obj.__table__.name
        if table not in PUSHABLE:
            continue
        row_id = obj.id.hex
        stored = _row(session, table, row_id)
        if stored is None:
            continue
        known = changes.get((table, row_id))
        if known is not None and known["op"] == "insert":
            known["set"] = stored
        else:
            changes[(table, row_id)] = {"t": table, "id": row_id, "op": "insert", "set": stored}
            _shadow(session, table, row_id, None)
    for obj in session.dirty:
        table = obj.__table__.name
        if table not in PUSHABLE or not session.is_modified(obj, include_collections=False):
            continue
        _record_update(session, changes, table, obj)
    for obj in session.deleted:
        if obj.__table__.name in PUSHABLE:
            raise RuntimeError(f"a replicated row of {obj.__table__.name} was deleted: mark it deleted instead")


def _record_update(session: Session, changes: dict, table: str, obj: Any) -> None:
    state, codec = inspect(obj), wire(table)
    skip = BOOKKEEPING | DERIVED.get(table, frozenset())
    was: dict[str, Any] = {}
    new: dict[str, Any] = {}
    base_version = obj.version
    for attr in state.mapper.column_attrs:
        history = state.attrs[attr.key].history
        if not history.has_changes():
            continue
        name = attr.columns[0].name
        before = history.deleted[0] if history.deleted else None
        if name == "version":
            base_version = before if before is not None else obj.version
            continue
        if name in skip:
            continue
        was[name] = before
        new[name] = getattr(obj, attr.key)
    if not new and base_version == obj.version:  # only stamps or derived columns: nothing to send
        return  # (a version raised with no other change is sent: the centre raises its own, or the desk stays ahead)
    row_id = obj.id.hex
    was, new = codec.encode(was), codec.encode(new)
    known = changes.get((table, row_id))
    if known is None:
        stored = _row(session, table, row_id)
        if stored is not None:
            # as the centre has it: the stamp too (a refusal puts the row back from it, and no feed
            # entry corrects a row the centre did not change)
            stamp = session.info.get(_STAMPS, {}).get((table, row_id))
            _shadow(session, table, row_id, {**stored, **was, **({"updated_at": stamp} if stamp else {}), "version": base_version})
        changes[(table, row_id)] = {"t": table, "id": row_id, "op": "update", "v": base_version, "set": new, "was": was}
        after = session.connection().exec_driver_sql("SELECT max(mutation) FROM sync_outbox_rows WHERE row_id = ?", (row_id,)).scalar()
        if after is not None:  # the desk saw the row as its own waiting change left it
            changes[(table, row_id)]["after"] = after
    elif known["op"] == "insert":
        known["set"] = _row(session, table, row_id) or known["set"]
    else:
        known["set"].update(new)
        for name, value in was.items():
            known["was"].setdefault(name, value)


def _shadow(session: Session, table: str, row_id: str, row: dict[str, Any] | None) -> None:
    """Keep the centre's state of a row from before this desk's first pending change to it."""
    session.connection().exec_driver_sql(
        "INSERT OR IGNORE INTO sync_shadows (table_name, row_id, row) VALUES (?, ?, ?)",
        (table, row_id, json.dumps(row) if row is not None else None))


def _before_commit(session: Session) -> None:
    if session.in_nested_transaction():  # a savepoint released (SQLAlchemy calls this hook for those too): not the end
        return
    session.flush()  # the commit's own flush comes after this hook: flush now so nothing is missed
    session.info.pop(_MARKS, None)
    session.info.pop(_STAMPS, None)
    changes = session.info.pop(_KEY, None)
    stored = session.info.pop(_OP, None)
    if not changes:
        return
    ordered = list(changes.values())
    if len(ordered) > MAX_CHANGES:  # the centre takes one action whole or not at all: refuse it here, before it is saved
        raise TooLarge(len(ordered))
    action = recorded() or stored
    if action is None:
        raise RuntimeError("a replicated row was changed outside an operation: the centre could not run it "
                           "(mark the service method with @operation)")
    audits = [c["set"] for c in ordered if c["t"] == "audit_log"]
    summary = ", ".join(dict.fromkeys(a["action"] for a in audits))[:200] or action.name
    user = next((a["user_id"] for a in audits if a.get("user_id")), None)
    mutation = session.execute(insert(SyncOutbox).values(
        created_at=utcnow(), user_id=_uuid(user), summary=summary, changes=ordered, attempts=0,
        operation={**action.wire(), "seen": _seen(ordered)})).inserted_primary_key[0]
    session.execute(insert(SyncOutboxRow), [{"row_id": row_id, "mutation": mutation} for row_id in dict.fromkeys(c["id"] for c in ordered)])
    session.info[_SAVED] = True


def _seen(changes: list[dict[str, Any]]) -> dict[str, dict[str, dict[str, Any]]]:
    """The version of each row the action changed as the desk saw it, and the contested values it
    changed, {column: [as the desk saw it, as the desk made it]}: when the centre's row is at another
    version, the centre refuses the action if someone changed one of those values since to something
    else ("changed since you saw it", with both values). (Values the centre sets itself, such as the
    moment a pause starts, differ from the desk's: compared only when someone else changed the row.)
    `after`: the desk saw the row as its own waiting mutation left it; refused there, refused here."""
    seen: dict[str, dict[str, dict[str, Any]]] = {}
    for change in changes:
        contested = CONTESTED.get(change["t"], frozenset()) & change.get("was", {}).keys()
        if change["op"] == "update" and contested:
            seen.setdefault(change["t"], {})[change["id"]] = {"v": change.get("v"), "after": change.get("after"),
                                                              **{c: [change["was"][c], change["set"].get(c)] for c in sorted(contested)}}
    return seen


class TooLarge(ValueError):
    """An action that changes more rows than one mutation may carry (nothing of it is saved)."""

    def __init__(self, rows: int):
        super().__init__(f"one action may change at most {MAX_CHANGES} rows, this one changes {rows}: do it in smaller parts")
        self.rows, self.limit = rows, MAX_CHANGES


def _uuid(hex_id: str | None) -> uuid.UUID | None:
    return uuid.UUID(hex_id) if hex_id else None
