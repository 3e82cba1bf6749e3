"""Desks as real OS processes, for the crash tests: killed with SIGKILL at chosen moments.

Run `python -m tests.sync.desk_process` (from the repository's root): it imports the console
once, starts no thread and opens no file, then reads one JSON request a line on standard input.
Each request forks a child (cheap: nothing is imported again), a desk on its own data file, and
answers one JSON line on standard output once the child has ended. Forking from this clean
process, never from pytest (whose centre runs uvicorn threads), keeps the children sound.

A "work" child runs a SyncWorker (its pusher and long-polling puller threads, as the console runs
it) and makes changes with OrderActions as a dispatcher would, until the parent kills it. It tells
the parent what it is doing through a pipe, one word a line:
    open     the data file is open
    snapshot the snapshot download starts     ready    it is in and the worker runs
    save     a unit of work starts            saved    it returned
    push     a push request goes out          pushed   its answer came (apply_results follows)
    pull     a pulled batch with rows is about to be written   pulled   it is written
and the request says when to kill it: {"phase": "push", "nth": 2, "delay": 0.004} kills 4 ms after
the 2nd push went out; a kill that never comes due is sent at `timeout`, and said so.

The child's log (JSON lines appended, one write() each, so a SIGKILL never cuts a line) has an
"intent" line before each action (the order and the state it would leave) and a "saved" line,
with the ids of the audit rows written, after the unit of work returned: the desk told its user
it was saved. A "drain" child (never killed) pushes everything waiting, pulls until the feed is
empty and closes the file cleanly.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import sys
import time
import traceback
import uuid
from typing import Any

from sqlalchemy import event

from console.core.domain.enums import PauseReason
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import AuditEntry, WorkOrder, utcnow
from console.data_file import open_data_file
from console.sync import capture
from console.sync.client import CentreClient
from console.sync.replica import Replica
from console.sync.worker import SyncWorker


class _Noted:
    """Writes a phase word to the parent's pipe."""

    def __init__(self, fd: int):
        self.fd = fd

    def __call__(self, word: str) -> None:
        try:
            os.write(self.fd, word.encode() + b"\n")
        except OSError:
            pass


def _noted_parts(database, base: str, token: str, note: _Noted) -> tuple[Replica, CentreClient]:
    class NotedReplica(Replica):
        def load_snapshot(self, lines, progress=None):
            note("snapshot")
            return super().load_snapshot(lines, progress)

        def apply_results(self, sent, results, refused_at=None):
            note("pushed")
            return super().apply_results(sent, results, refused_at)

        def apply_pull(self, body):
            rows = bool(body.get("tables"))
            if rows:
                note("pull")
            changes = super().apply_pull(body)
            if rows:
                note("pulled")
            return changes

    class NotedClient(CentreClient):
        def push(self, desk_id, mutations):
            note("push")
            return super().push(desk_id, mutations)

    return NotedReplica(database), NotedClient(base, token=token)


def _state(database, order_id: uuid.UUID) -> dict[str, Any]:
    with database.reading() as s:
        order = s.get(WorkOrder, order_id)
        return {"status": order.status.value, "assignee_id": order.assignee_id.hex if order.assignee_id else None,
                "priority": order.priority, "paused": order.paused_since is not None}


def _work(request: dict[str, Any], note: _Noted) -> None:
    database, _created = open_data_file(request["desk"])
    note("open")
    replica, client = _noted_parts(database, request["base"], request["token"], note)
    worker = SyncWorker(replica, client, long_poll=request.get("long_poll", 2.0))
    capture.install(database.sessions, worker.wake)
    log = os.open(request["log"], os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)

    def write(line: dict[str, Any]) -> None:
        os.write(log, (json.dumps(line) + "\n").encode())

    committed: list[str] = []
    current = {"key": ""}

    @event.listens_for(database.sessions, "after_flush")
    def _audits(session, _context) -> None:
        session.info.setdefault("audits", []).extend(o.id.hex for o in session.new if isinstance(o, AuditEntry))

    @event.listens_for(database.sessions, "before_commit")
    def _committing(session) -> None:  # after capture's hook, which flushes: the ids are known
        if session.info.get("audits"):
            write({"committing": current["key"], "audit": session.info["audits"]})

    @event.listens_for(database.sessions, "after_commit")
    def _committed(session) -> None:
        committed.extend(session.info.pop("audits", []))

    @event.listens_for(database.sessions, "after_rollback")
    def _rolled_back(session) -> None:
        session.info.pop("audits", None)

    worker.start()
    while replica.cursor() is None:  # the puller downloads the snapshot on a desk's first start
        time.sleep(0.005)
    note("ready")
    user = DeskReader(database).user(request["user"])
    actions = OrderActions(database, user, utcnow, desk_id=worker.desk_id)
    rng = random.Random(request["seed"])
    orders = [uuid.UUID(o) for o in request["orders"]]
    technicians = [uuid.UUID(t) for t in request["technicians"]]
    tag = f"{request['seed']}"
    for n in range(10**9):
        order_id = rng.choice(orders)
        state = _state(database, order_id)
        choice = rng.choice(["assign", "assign", "priority", "pause"])
        others = [t for t in technicians if t.hex != state["assignee_id"]]
        if choice == "assign" and not others:  # (a small region with one technician, who has it already)
            choice = "priority"
        if choice == "assign":
            technician = rng.choice(others)
            target, run = {"assignee_id": technician.hex}, lambda o=order_id, t=technician: actions.assign([o], t)
        elif choice == "priority":
            priority = rng.choice([p for p in range(1, 6) if p != state["priority"]])
            target, run = {"priority": priority}, lambda o=order_id, p=priority: actions.set_priority([o], p)
        elif state["paused"]:
            target, run = {"paused": False}, lambda o=order_id: actions.resume([o])
        else:
            target, run = {"paused": True}, lambda o=order_id, k=f"crash {tag}-{n}": actions.pause([o], PauseReason.CUSTOMER_NOT_READY, k)
        current["key"] = f"{tag}-{n}"
        write({"intent": current["key"], "order": order_id.hex, "action": choice, "target": target})
        committed.clear()
        note("save")
        outcome = run()
        note("saved")
        if outcome.changed:
            write({"saved": f"{tag}-{n}", "order": order_id.hex, "audit": list(committed)})
        else:
            write({"refused": f"{tag}-{n}", "order": order_id.hex, "why": [str(r[1]) for r in outcome.refused.values()]})
        time.sleep(rng.uniform(0, request.get("pace", 0.02)))


def _drain(request: dict[str, Any], note: _Noted) -> dict[str, Any]:
    """Push what waits, then pull until the feed has nothing more; close cleanly."""
    database, _created = open_data_file(request["desk"])
    note("open")
    replica = Replica(database)
    worker = SyncWorker(replica, CentreClient(request["base"], token=request["token"]), long_poll=0)
    capture.install(database.sessions, worker.wake)
    if replica.cursor() is None:
        worker.download_snapshot()
    pushes = 0
    while worker.push_once():
        pushes += 1
    quiet = 0
    while quiet < 2:
        before = replica.cursor()
        more = worker.pull_once(0.0)
        quiet = 0 if more or replica.cursor() != before else quiet + 1
    counts = replica.counts()
    out = {"pushes": pushes, "pending": counts.pending, "conflicts": counts.conflicts, "desk_id": worker.desk_id,
           "cursor": replica.cursor(), "status": worker.status.state}
    worker.stop()
    database.close()
    return out


def _child(request: dict[str, Any], fd: int, answer_fd: int) -> None:
    note = _Noted(fd)
    try:
        if request.get("mode") == "drain":
            out = _drain(request, note)
            os.write(answer_fd, json.dumps(out).encode())
            os._exit(0)
        _work(request, note)
        os._exit(0)
    except BaseException:  # noqa: BLE001 - a child reports anything and ends
        sys.stderr.write(traceback.format_exc())
        sys.stderr.flush()
        os._exit(3)


def run(request: dict[str, Any]) -> dict[str, Any]:
    """Fork one desk, kill it when the request says, and say what happened."""
    notes_r, notes_w = os.pipe()
    answer_r, answer_w = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(notes_r)
        os.close(answer_r)
        _child(request, notes_w, answer_w)
    os.close(notes_w)
    os.close(answer_w)
    kill = request.get("kill")
    started = time.monotonic()
    deadline = started + request.get("timeout", 10.0)
    due = started + kill["delay"] if kill and kill["phase"] == "start" else None
    events: dict[str, int] = {}
    buffered = b""
    killed = reached = False
    open_pipe = True
    while open_pipe:
        now = time.monotonic()
        wake = min(deadline, due) if due is not None else deadline
        if now >= wake:
            reached = due is not None and now >= due
            os.kill(pid, signal.SIGKILL)
            killed = True
            break
        ready, _, _ = select.select([notes_r], [], [], wake - now)
        if not ready:
            continue
        chunk = os.read(notes_r, 4096)
        if not chunk:
            open_pipe = False
            break
        buffered += chunk
        *words, buffered = buffered.split(b"\n")
        for raw in words:
            word = raw.decode()
            events[word] = events.get(word, 0) + 1
            if kill and due is None and word == kill["phase"] and events[word] >= kill.get("nth", 1):
                due = time.monotonic() + kill["delay"]
        if due is not None and kill.get("delay", 0) == 0 and time.monotonic() >= due:
            os.kill(pid, signal.SIGKILL)
            killed = reached = True
            break
    _, status = os.waitpid(pid, 0)
    os.close(notes_r)
    with os.fdopen(answer_r, "rb") as answer:
        body = answer.read()
    return {"pid": pid, "killed": killed, "reached": reached, "events": events, "status": status,
            "signal": os.WTERMSIG(status) if os.WIFSIGNALED(status) else None,
            "exit": os.WEXITSTATUS(status) if os.WIFEXITED(status) else None,
            "seconds": round(time.monotonic() - started, 3), "answer": json.loads(body) if body else None}


def main() -> None:
    print(json.dumps({"ready": os.getpid()}), flush=True)
    for line in sys.stdin:
        if not line.strip():
            continue
        print(json.dumps(run(json.loads(line))), flush=True)


if __name__ == "__main__":
    main()
