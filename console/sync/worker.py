"""The desk's sync worker: two threads, no Qt.

The pusher sends the outbox in order and in batches whenever a change is saved (or a retry is
due); the puller downloads the snapshot on a desk's first start, then long-polls the feed and
writes each batch with its cursor. While the centre cannot be reached both retry with jittered
exponential backoff; the desk keeps working on its file meanwhile. Every change of state is
reported through `on_status` (from the worker's threads: a Qt caller re-posts it to the GUI).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime

from console.core.changes import Changes
from console.core.store.models import utcnow
from console.sync.client import LONG_POLL_SECONDS, CentreClient, CentreError, DeskRestored, LoggedOut, StartAgain, backoff
from console.sync.replica import Pending, Replica, ReplicaError

log = logging.getLogger("console.sync")
# The answer to an entry saved by a console that pushed rows, not operations: the centre cannot run
# it; it becomes a conflict, its rows go back to the centre's, and the dispatcher does it again.
OUTDATED = {"ok": False, "code": "outdated", "reason": "saved by an older Dispatch Console: do it again", "args": {}}
PUSH_BATCH = 200  # mutations per push (the centre takes at most 200)
PUSH_ROWS = 5000  # and about this many changed rows


@dataclass(frozen=True)
class SyncStatus:
    """What the status bar says: synced / pending / offline / conflicts (and a first download)."""

    online: bool = False
    offline_since: datetime | None = None
    pending: int = 0
    conflicts: int = 0
    logged_out: bool = False
    problem: str = ""  # the last failure, in English for the log
    problem_kind: str = ""  # its case (CentreError.kind, ReplicaError.kind), for the desk to say in its language
    snapshot_done: int = 0
    snapshot_total: int = 0  # > 0 while the first download runs
    last_synced_at: datetime | None = None

    @property
    def state(self) -> str:
        if self.logged_out:
            return "logged_out"
        if not self.online:
            return "offline"
        if self.conflicts:
            return "conflicts"
        return "pending" if self.pending else "synced"


class SyncWorker:
    def __init__(self, replica: Replica, client: CentreClient, *, on_status: Callable[[SyncStatus], None] | None = None,
                 on_changes: Callable[[Changes], None] | None = None, clock: Callable[[], datetime] = utcnow,
                 long_poll: float = LONG_POLL_SECONDS, relogin: Callable[[], bool] | None = None):
        """`relogin`: logs the client in again when the centre says the token expired (with the
        keyring's password); whether it could. Without it, or when it cannot, the status says
        "logged out" and the desk's user logs in from the status bar."""
        self.replica, self.client = replica, client
        self._on_status, self._on_changes, self._clock, self._long_poll = on_status, on_changes, clock, long_poll
        self._relogin = relogin
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._applying = threading.Lock()
        counts = replica.counts()
        self._status = SyncStatus(pending=counts.pending, conflicts=counts.conflicts, offline_since=clock())
        self.desk_id = replica.desk_id()
        self._threads = [threading.Thread(target=self._push_loop, name="sync-push", daemon=True),
                         threading.Thread(target=self._pull_loop, name="sync-pull", daemon=True)]
        self._snapshot_ready = threading.Event()
        self._ahead: _Ahead | None = None  # the batch after the one whose answer is being written, sent meanwhile

    @property
    def status(self) -> SyncStatus:
        with self._lock:
            return self._status

    def start(self) -> None:
        for thread in self._threads:
            thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        with self._applying:  # an answer still on its way is not written after this
            self._stop.set()
        self._wake.set()
        self._snapshot_ready.set()
        self.client.close()  # breaks a long poll off
        for thread in self._threads:
            if thread.ident is not None:
                thread.join(timeout)

    def wake(self) -> None:
        """A change was saved: push soon."""
        self._wake.set()

    def set_token(self, token: str) -> None:
        self.client.token = token
        self._update(logged_out=False, problem="", problem_kind="")
        self._wake.set()

    # --- state --------------------------------------------------------------------------------

    def _update(self, **values) -> None:
        with self._lock:
            status = replace(self._status, **values)
            if status.online and not self._status.online:
                status = replace(status, offline_since=None)
            elif not status.online and self._status.online:
                status = replace(status, offline_since=self._clock())
            changed = status != self._status
            self._status = status
        if changed and self._on_status is not None:
            self._on_status(status)

    def _counted(self, **values) -> None:
        counts = self.replica.counts()
        self._update(pending=counts.pending, conflicts=counts.conflicts, **values)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, LoggedOut) and self._relogin is not None:
            try:
                if self._relogin():
                    self._wake.set()
                    return
            except CentreError as again:
                exc = again
        values: dict = {"online": False, "problem": str(exc), "problem_kind": getattr(exc, "kind", "")}
        if isinstance(exc, LoggedOut):
            values["logged_out"] = True
        try:  # the desk keeps saving while it cannot send: "offline since HH:MM, N waiting" counts them
            counts = self.replica.counts()
            values.update(pending=counts.pending, conflicts=counts.conflicts)
        except Exception:  # noqa: BLE001 - a count for the status bar never ends the worker's loop
            log.exception("counting what waits failed")
        self._update(**values)

    def _changed(self, changes: Changes) -> None:
        if self._on_changes is not None and (changes.orders or changes.appointments or changes.technicians or changes.everything):
            self._on_changes(changes)

    # --- push ---------------------------------------------------------------------------------

    def _push_loop(self) -> None:
        self._snapshot_ready.wait()
        attempt = 0
        while not self._stop.is_set():
            try:
                sent_any = self.push_once()
                attempt = 0
                if not sent_any:
                    self._wake.wait(30.0)
                    self._wake.clear()
            except (CentreError, ReplicaError) as exc:
                self._failed(exc)
                attempt += 1
                self._wake.wait(backoff(attempt))
                self._wake.clear()
            except Exception as exc:  # a bug must not end syncing silently: log it and go on
                log.exception("pushing failed")
                self._update(problem=str(exc), problem_kind=getattr(exc, "kind", ""))  # (DiskFailure: the desk's disk)
                attempt += 1
                self._stop.wait(backoff(attempt))

    def push_once(self) -> bool:
        """Send one batch of the outbox and write the centre's answer; whether there was one. While
        an answer is written, the next batch is already on its way (the centre runs it meanwhile);
        its answer is written by the next call, which sends the one after. An answer that came for
        a batch no longer first in the outbox (the writing of the one before failed) is dropped: the
        batch is sent again and the centre answers it as then."""
        ahead, self._ahead = self._ahead, None
        pending = self._batch()
        if not pending:
            self._counted()
            return False
        if ahead is not None and ahead.pending[0].mutation == pending[0].mutation:
            pending, results = ahead.pending, ahead.results()
        else:
            results = self._send(pending)
        following = self._batch(after=pending[-1].mutation)
        if following:
            self._ahead = _Ahead(following, self._send)
        with self._applying:
            if self._stop.is_set() and threading.current_thread() in self._threads:
                return False
            changes = self.replica.apply_results(pending, results, self._clock())
        self._counted(online=True, problem="", problem_kind="", last_synced_at=self._clock())
        self._changed(changes)
        return True

    def _batch(self, after: int = 0) -> list[Pending]:
        """The next entries to send: up to PUSH_BATCH, and about PUSH_ROWS changed rows."""
        pending = self.replica.pending(PUSH_BATCH, after=after)
        rows = 0
        for count, entry in enumerate(pending):
            rows += len(entry.changes)
            if rows > PUSH_ROWS and count:
                return pending[:count]
        return pending

    def _send(self, pending: list[Pending]) -> list[dict]:
        """The centre's answers to these entries (in their order)."""
        mutations = [{"m": p.mutation, "op": p.operation} for p in pending if p.operation is not None]
        results = [OUTDATED | {"m": p.mutation} for p in pending if p.operation is None]  # saved by a console before operations
        if mutations:
            try:
                results += self.client.push(self.desk_id, mutations)
            except DeskRestored:  # this file went back in time: register as a new desk and send what it holds
                self.desk_id = self.replica.new_desk_id()
                log.warning("the centre knows this desk's numbers for other changes (a file restored from a backup): "
                            "registered again as %s", self.desk_id)
                results += self.client.push(self.desk_id, mutations)
        return results

    # --- pull ---------------------------------------------------------------------------------

    def _pull_loop(self) -> None:
        attempt = 0
        while not self._stop.is_set():
            try:
                if self.replica.cursor() is None:
                    self.download_snapshot()
                self._snapshot_ready.set()
                more = self.pull_once(0.0 if attempt else self._long_poll)
                attempt = 0
                if more:
                    continue
            except StartAgain as exc:  # away too long: what waits is pushed first, then the snapshot replaces the rows
                log.warning("starting again from a snapshot: %s", exc)
                self.replica.forget_cursor()
                self._wake.set()
            except (CentreError, ReplicaError) as exc:
                if self._stop.is_set():
                    return
                self._failed(exc)
                attempt += 1
                self._stop.wait(backoff(attempt))
            except Exception as exc:
                if self._stop.is_set():
                    return
                log.exception("pulling failed")
                self._update(problem=str(exc), problem_kind=getattr(exc, "kind", ""))
                attempt += 1
                self._stop.wait(backoff(attempt))

    def download_snapshot(self) -> int:
        self._update(snapshot_done=0, snapshot_total=1)

        def progress(done: int, total: int) -> None:
            self._update(snapshot_done=done, snapshot_total=max(total, 1))

        try:
            stored = self.replica.load_snapshot(self.client.snapshot(), progress)
        finally:
            self._update(snapshot_total=0)
        self._counted(online=True, problem="", problem_kind="")
        self._changed(Changes(everything=True))
        return stored

    def pull_once(self, wait: float = 0.0) -> bool:
        """Fetch and write one batch of the feed; whether more is waiting."""
        cursor = self.replica.cursor() or "0:0"
        body = self.client.pull(cursor, wait)
        with self._applying:
            if self._stop.is_set() and threading.current_thread() in self._threads:
                return False
            changes = self.replica.apply_pull(body) if body.get("tables") or body.get("cursor") != cursor else Changes()
        # (what waits to be sent and the conflicts are the desk's own: counted where they change, not
        # at every answer of the feed)
        self._update(online=True, problem="", problem_kind="", last_synced_at=self._clock())
        self._changed(changes)
        return bool(body.get("more"))


class _Ahead:
    """A batch sent on a thread of its own while the answer to the one before is written."""

    def __init__(self, pending: list[Pending], send: Callable[[list[Pending]], list[dict]]):
        self.pending = pending
        self._answer: list[dict] | None = None
        self._failure: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(send,), name="sync-push-ahead", daemon=True)
        self._thread.start()

    def _run(self, send: Callable[[list[Pending]], list[dict]]) -> None:
        try:
            self._answer = send(self.pending)
        except BaseException as exc:  # noqa: BLE001 - raised where the answer is taken
            self._failure = exc

    def results(self) -> list[dict]:
        """The centre's answers; what went wrong sending, raised here."""
        self._thread.join()
        if self._failure is not None:
            raise self._failure
        return self._answer or []
