"""A Hypothesis state machine: three desks edit the same few orders, go offline, push and pull when
they like, crash (the file left as a crash leaves it, or a real desk process killed with SIGKILL at
a chosen moment), restart; the centre is killed and started again, or stays away for a while. At
the end, with everything synced:
- every desk equals the centre (the orders, their pauses, their audit rows; versions included), also
  after the dispatchers re-apply or drop what was refused (during the run, and all that is left
  at the end);
- no saved edit is missing: each one's audit row is at the centre, or the edit was refused, and
  then it is a conflict record on its desk and a "sync.refused" entry in the centre's audit log;
- a refusal only ever says that someone else changed a contested field meanwhile, and the centre
  refused exactly what the desks hold as conflicts;
- the centre's audit log of each order tells a consistent story: every accepted assignment or
  pause starts from the state the one before it left (no contested change was overwritten unseen).
The desks run in this process and are stepped by hand (deterministic, so Hypothesis can shrink);
the centre is a real process (tests/sync/centre_process.py).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
import time
import uuid
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, precondition, rule, run_state_machine_as_test
from sqlalchemy import select, text

from console.core.domain.enums import PauseReason
from console.core.services.desk import DeskReader
from console.core.services.orders import OrderActions
from console.core.store.models import Technician, WorkOrder, utcnow
from console.sync.client import CentreError
from console.sync.conflicts import ConflictError, Conflicts
from console.sync.worker import PUSH_BATCH
from tests.fixtures.centre import PASSWORD, login
from tests.sync.harness import (  # noqa: F401 - restartable_centre: a fixture, used by name
    DeskProcesses,
    LocalDesk,
    desk_orders,
    desk_rows,
    open_desk,
    order_rows_differ,
    read_log,
    restartable_centre,
    rows_outside_scope,
)

USER = "wang.wei.central"
# Two dispatchers' desks and their supervisor's of one region, and a supervisor's desk of another
# region working on that region's orders: no desk may ever hold a row of a region not its user's.
DESK_USERS = (USER, USER, "supervisor.central", "supervisor.pudong")
DESKS = len(DESK_USERS)
ORDERS = 3
KINDS = ("assign", "priority", "pause", "resume")
# SYNC_MACHINE_EXAMPLES runs more examples; SYNC_MACHINE_RANDOM draws new ones (the default is the
# same derandomized set every run); SYNC_MACHINE_NO_SHRINK reports a failure as found (shrinking
# replays real processes and takes minutes).
EXAMPLES = max(20, int(os.environ.get("SYNC_MACHINE_EXAMPLES", "20")))


class Setup:
    """What the test function hands the machine: the centre and a driver of desk processes."""

    centre = None
    driver: DeskProcesses | None = None
    token = ""
    orders: list[str] = []
    technicians: list[str] = []
    workdir: Path = Path()
    runs = 0
    resolved: dict[str, int] = defaultdict(int)  # conflicts re-applied / dropped by the machine, for the run's summary
    profiles: list[Profile] = []  # per desk: its user, token, orders, technicians and region


class Profile:
    def __init__(self, centre, username: str):
        self.username, self.token = username, login(centre.base, username, PASSWORD).json()["token"]
        self.orders, technicians = desk_orders(centre.database, username, ORDERS)
        self.technicians = technicians[:3]
        assert self.orders and self.technicians, f"{username}: no open order or technician to work with"
        region = DeskReader(centre.database).user(username).region_id
        self.region = region.hex if region else None  # 32 hex digits: no desk may hold a row of another region


class SyncMachine(RuleBasedStateMachine):
    @initialize()
    def open_desks(self) -> None:
        Setup.runs += 1
        self.centre = Setup.centre
        if not self.centre.running:
            self.centre.start()
        self.dir = Setup.workdir / f"run{Setup.runs}"
        self.dir.mkdir()
        self.desks: list[LocalDesk] = [self._open(n) for n in range(DESKS)]
        self.saved: dict[int, list[str]] = defaultdict(list)  # desk -> audit ids of what it saved, in order
        self.offline = [False] * DESKS
        self.children = 0
        self.story_from = _story_start(self.centre.database, _all_orders())  # earlier runs' changes are not this one's

    def _open(self, n: int) -> LocalDesk:
        profile = Setup.profiles[n]
        return open_desk(f"d{n}", self.dir / f"d{n}.sqlite", self.centre.base, profile.token, profile.username, start=False)

    def _reopen(self, n: int, *, clean: bool) -> None:
        desk = self.desks[n]
        self.saved[n] += [i for i in desk.saved if i not in self.saved[n]]
        desk.close(clean=clean)
        self.desks[n] = self._open(n)

    def _remember(self, n: int) -> None:
        self.saved[n] += [i for i in self.desks[n].saved if i not in self.saved[n]]

    # --- what dispatchers do --------------------------------------------------------------------

    @rule(n=st.integers(0, DESKS - 1), order=st.integers(0, ORDERS - 1), kind=st.sampled_from(KINDS),
          pick=st.integers(0, 7))
    def edit(self, n: int, order: int, kind: str, pick: int) -> None:
        desk = self.desks[n]
        profile = Setup.profiles[n]
        order_id = uuid.UUID(profile.orders[order % len(profile.orders)])  # (a small region may have fewer)
        actions = desk.actions()
        if kind == "assign":
            actions.assign([order_id], uuid.UUID(profile.technicians[pick % len(profile.technicians)]))
        elif kind == "priority":
            actions.set_priority([order_id], 1 + pick % 5)
        elif kind == "pause":
            actions.pause([order_id], PauseReason.CUSTOMER_NOT_READY, f"machine {pick}")
        else:
            actions.resume([order_id])  # refused by the desk itself when not paused: nothing saved
        self._remember(n)

    @rule(n=st.integers(0, DESKS - 1), m=st.integers(0, DESKS - 1), order=st.integers(0, ORDERS - 1),
          kind=st.sampled_from(("assign", "pause")), pick=st.integers(0, 7))
    def race(self, n: int, m: int, order: int, kind: str, pick: int) -> None:
        """Two desks make the same kind of change to one order at once and push: the second is refused."""
        if n == m or not (self._up(n) and self._up(m)):
            return
        self.edit(n, order, kind, pick)
        self.edit(m, order, kind, pick + 1)
        self.desks[n].worker.push_once()
        self.desks[m].worker.push_once()

    @rule(n=st.integers(0, DESKS - 1), pick=st.integers(0, 7), reapply=st.booleans())
    def resolve_conflict(self, n: int, pick: int, reapply: bool) -> None:
        """The dispatcher re-applies or drops one of the desk's open conflicts (with those that go with it)."""
        desk = self.desks[n]
        conflicts = Conflicts(desk.database, desk.user, utcnow, desk.worker.desk_id)
        waiting = conflicts.open()
        if not waiting:
            return
        chosen = waiting[pick % len(waiting)]
        try:
            (conflicts.reapply if reapply else conflicts.drop)(chosen.id)
            Setup.resolved["reapplied" if reapply else "dropped"] += 1
        except ConflictError as exc:
            assert exc.kind in ("gone", "already_paused", "already_resumed"), exc  # the rules that stop a re-apply
            Setup.resolved["gone"] += 1
        self._remember(n)

    @rule(n=st.integers(0, DESKS - 1))
    def go_offline(self, n: int) -> None:
        self.offline[n] = True

    @rule(n=st.integers(0, DESKS - 1))
    def back_online(self, n: int) -> None:
        self.offline[n] = False

    # --- syncing ----------------------------------------------------------------------------------

    def _up(self, n: int) -> bool:
        return not self.offline[n] and self.centre.running

    @rule(n=st.integers(0, DESKS - 1))
    def push(self, n: int) -> None:
        if self._up(n):
            self.desks[n].worker.push_once()
        elif self.centre.running is False and self.desks[n].replica.counts().pending:
            with pytest.raises(CentreError):  # the desk finds the centre away and keeps what waits
                self.desks[n].worker.push_once()

    @rule(n=st.integers(0, DESKS - 1))
    def pull(self, n: int) -> None:
        if self._up(n):
            self.desks[n].worker.pull_once(0.0)

    @rule(n=st.integers(0, DESKS - 1))
    def push_answer_lost_then_crash(self, n: int) -> None:
        """The centre commits a push whose answer the desk never writes: it crashed first."""
        desk = self.desks[n]
        pending = desk.replica.pending(PUSH_BATCH)  # one batch, as the worker sends them (a killed desk process may leave many)
        if self._up(n) and pending:
            desk.worker.client.push(desk.worker.desk_id, [{"m": p.mutation, "op": p.operation} for p in pending])
        self._reopen(n, clean=False)

    @rule(n=st.integers(0, DESKS - 1), clean=st.booleans())
    def restart_desk(self, n: int, clean: bool) -> None:
        self._reopen(n, clean=clean)

    @precondition(lambda self: self.children < 3)
    @rule(n=st.integers(0, DESKS - 1), phase=st.sampled_from(["save", "push", "pushed", "pull"]), nth=st.integers(1, 3),
          delay=st.sampled_from([0.0, 0.002, 0.01]))
    def kill_desk_process(self, n: int, phase: str, nth: int, delay: float) -> None:
        """The desk's file used by a real desk process, with its running worker and a dispatcher
        saving changes, killed with SIGKILL after the nth save / push / answer / pulled batch."""
        self.children += 1
        desk = self.desks[n]
        self._remember(n)
        desk.close()
        log = self.dir / f"d{n}-child{self.children}.log"
        result = Setup.driver.run({"mode": "work", "desk": str(desk.path), "log": str(log), "base": self.centre.base,
                                   "token": Setup.profiles[n].token, "user": Setup.profiles[n].username,
                                   "orders": Setup.profiles[n].orders, "technicians": Setup.profiles[n].technicians,
                                   "seed": Setup.runs * 1000 + self.children, "kill": {"phase": phase, "nth": nth, "delay": delay},
                                   "timeout": 1.5, "long_poll": 1.0, "pace": 0.01})
        assert result["signal"] == 9, result
        self.desks[n] = self._open(n)
        here = set(desk_rows(desk.path, "audit_log", "desk_id = ?", (self.desks[n].worker.desk_id,)))
        here |= {c["id"] for conflict in _conflicts(self.desks[n]) for c in conflict["changes"] if c["t"] == "audit_log"}  # refused since
        for intent in read_log(log):
            ids = intent.saved if intent.saved is not None else [i for i in intent.committing if i in here]
            assert intent.saved is None or set(intent.saved) <= here, "the child reported saved what its file does not have"
            self.saved[n] += [i for i in ids if i not in self.saved[n]]

    # --- the centre ----------------------------------------------------------------------------------

    @precondition(lambda self: self.centre.running)
    @rule()
    def kill_centre(self) -> None:
        self.centre.kill()

    @precondition(lambda self: not self.centre.running)
    @rule()
    def start_centre(self) -> None:
        self.centre.start()

    # --- the end ---------------------------------------------------------------------------------------

    def teardown(self) -> None:
        if not hasattr(self, "desks"):
            return
        try:
            if not self.centre.running:
                self.centre.start()
            for n in range(DESKS):
                self._remember(n)
            self._sync_everyone()
            # then the dispatchers deal with what is left, re-applying or dropping, and sync once more
            for n, desk in enumerate(self.desks):
                for conflict in Conflicts(desk.database, desk.user, utcnow, desk.worker.desk_id).open():
                    self.resolve_conflict(n, 0, reapply=conflict.created_at.microsecond % 2 == 0)
            self._sync_everyone()
            self._check()
        finally:
            for desk in self.desks:
                desk.close()

    def _sync_everyone(self) -> None:
        for _round in range(10):
            moved = False
            for desk in self.desks:
                while desk.worker.push_once():
                    moved = True
            for desk in self.desks:
                while True:
                    before = desk.replica.cursor()
                    more = desk.worker.pull_once(0.0)
                    if desk.replica.cursor() != before:
                        moved = True
                    if not more:
                        break
            if not moved:
                return
        raise AssertionError("the desks still exchange changes after 10 rounds")

    def _check(self) -> None:
        database = self.centre.database
        problems: list[str] = []
        refusals: dict[str, int] = {}
        with database.engine.connect() as conn:
            for desk_id, count in conn.execute(text("SELECT desk_id, count(*) FROM sync_refusals GROUP BY desk_id")):
                refusals[desk_id] = count
            # the operations the centre refused (its sync.refused rows name the operation's id)
            refused_ops = {r[0] for r in conn.execute(text("SELECT replace(entity_id::text, '-', '') FROM audit_log "
                                                            "WHERE action = 'sync.refused'"))}
            at_centre = {r[0] for r in conn.execute(text("SELECT replace(id::text, '-', '') FROM audit_log WHERE order_id = ANY(CAST(:ids AS uuid[]))"),
                                                    {"ids": _all_orders()})}
        for n, desk in enumerate(self.desks):
            counts = desk.replica.counts()
            if counts.pending:
                problems.append(f"{desk.name}: {counts.pending} changes still wait")
            conflicts = sorted(_conflicts(desk), key=lambda c: c["mutation"])
            refused_inserts = {c["id"] for conflict in conflicts for c in conflict["changes"] if c["op"] == "insert"}
            problems += [f"{desk.name}: {d}" for d in order_rows_differ(desk.path, database, Setup.profiles[n].orders, refused_inserts)]
            problems += [f"{desk.name}: {d}" for d in rows_outside_scope(desk.path, Setup.profiles[n].region)]  # never a row outside its scope
            if len(conflicts) != refusals.get(desk.worker.desk_id, 0):
                problems.append(f"{desk.name}: {len(conflicts)} conflicts, the centre refused {refusals.get(desk.worker.desk_id, 0)}")
            made_by_refused: set[str] = set()
            for conflict in conflicts:  # a contested field changed meanwhile, or a row whose creation was refused before
                unknown = conflict["reason"].removesuffix(" is unknown at the centre").rsplit(" ", 1)[-1]
                if not (conflict["reason"].startswith("changed at the centre meanwhile") or
                        # the pause rules at the centre, on a race the desk could not see (a re-applied pause, another desk's first)
                        conflict["reason"] in ("the rules refuse it: already_paused", "the rules refuse it: not_paused") or
                        (conflict["reason"].endswith(" is unknown at the centre") and unknown in made_by_refused)):
                    problems.append(f"{desk.name}: mutation {conflict['mutation']} refused for another reason than a contested "
                                    f"change: {conflict['reason']}")
                made_by_refused |= {c["id"] for c in conflict["changes"] if c["op"] == "insert"}
            in_conflicts = {c["id"] for conflict in conflicts for c in conflict["changes"] if c["t"] == "audit_log"}
            refused_audit = {c["id"] for conflict in conflicts if (conflict["operation"] or {}).get("id") in refused_ops
                             for c in conflict["changes"] if c["t"] == "audit_log"}
            for audit_id in self.saved[n]:
                if audit_id in at_centre:
                    continue
                if audit_id in in_conflicts and audit_id in refused_audit:
                    continue
                problems.append(f"{desk.name}: the saved edit {audit_id} is neither at the centre nor a conflict refused there"
                                f" (conflict on the desk: {audit_id in in_conflicts}, refused at the centre: {audit_id in refused_audit})")
        problems += _story(database, self.story_from)
        assert not problems, "\n".join(problems)


def _all_orders() -> list[str]:
    return sorted({o for profile in Setup.profiles for o in profile.orders})


def _conflicts(desk) -> list[dict]:
    rows = desk_rows(desk.database.path, "sync_conflicts")
    for row in rows.values():
        for column in ("changes", "operation"):
            row[column] = json.loads(row[column]) if isinstance(row[column], str) else row[column]
    return list(rows.values())


def _story_start(database, orders: list[str]) -> tuple[int, dict[str, tuple[str | None, bool]]]:
    """The last audit row's place in the chain, and each order's assignee and pause, before a run."""
    with database.engine.connect() as conn:
        last = conn.execute(text("SELECT coalesce(max(seq), 0) FROM audit_log")).scalar_one()
        rows = conn.execute(text("SELECT replace(id::text, '-', ''), assignee_id::text, paused_since IS NOT NULL FROM work_orders "
                                 "WHERE id = ANY(CAST(:ids AS uuid[]))"), {"ids": orders}).all()
    return last, {r[0]: (r[1], r[2]) for r in rows}


def _story(database, start: tuple[int, dict[str, tuple[str | None, bool]]]) -> list[str]:
    """Each accepted assignment starts from the assignee the one before it left (or asks for the one
    the order already has), each pause from an unpaused order and each resume from a paused one, in
    the order the centre applied them."""
    problems = []
    after_seq, states = start
    with database.engine.connect() as conn:
        for order, (assignee, paused) in states.items():
            rows = conn.execute(text("SELECT action, before, after, desk_id FROM audit_log WHERE order_id = CAST(:o AS uuid) "
                                     "AND seq > :after AND action IN ('order.assigned', 'sla.paused', 'sla.resumed', 'sync.reapplied') "
                                     "ORDER BY seq"), {"o": order, "after": after_seq}).all()
            for action, before, after, desk_id in rows:
                if action == "sync.reapplied":  # the action ran again at the centre: its own rows (before it) tell the story
                    continue
                if action == "order.assigned":
                    if before.get("assignee_id") == after.get("assignee_id"):
                        continue  # to the technician the desk saw already: the assignee is not changed
                    if before.get("assignee_id") != assignee and after.get("assignee_id") != assignee:  # (the same wish merges)
                        problems.append(f"order {order}: {desk_id} assigned from {before.get('assignee_id')} but the centre had {assignee}")
                    assignee = after.get("assignee_id")
                else:
                    now_paused = action == "sla.paused"
                    if paused == now_paused:
                        problems.append(f"order {order}: {desk_id} {action} an order already {'paused' if paused else 'running'}")
                    paused = now_paused
    return problems


def test_desks_editing_going_offline_crashing_and_the_centre_restarting_converge(restartable_centre, tmp_path) -> None:  # noqa: F811 - the fixture
    centre = restartable_centre
    Setup.centre, Setup.workdir, Setup.runs = centre, tmp_path, 0
    Setup.profiles = [Profile(centre, username) for username in DESK_USERS]
    assert len({p.region for p in Setup.profiles}) == 2
    Setup.driver = DeskProcesses(tmp_path / "driver.stderr")
    try:
        run_state_machine_as_test(SyncMachine, settings=settings(
            max_examples=EXAMPLES, stateful_step_count=30, deadline=None, derandomize=not os.environ.get("SYNC_MACHINE_RANDOM"),
            phases=[Phase.explicit, Phase.reuse, Phase.generate] + ([] if os.environ.get("SYNC_MACHINE_NO_SHRINK") else [Phase.shrink]),
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]))
    finally:
        Setup.driver.close()
        print(f"conflicts resolved by the machine: {dict(Setup.resolved)}")


# --- what the machine found, replayed step by step ----------------------------------------------------


def test_an_action_that_only_raises_the_version_keeps_desk_and_centre_equal(centre, make_desk) -> None:
    """Assigning an order to the technician it already has changes no column but the version."""
    _base, central, _url = centre
    desk = make_desk("a")
    order_id, technician = uuid.UUID(desk_orders(central, USER, 1)[0][0]), None
    with desk.database.reading() as s:
        technician = s.get(WorkOrder, order_id).assignee_id or s.scalars(select(Technician.id).where(
            Technician.region_id == desk.user.region_id, Technician.active.is_(True))).first()
    actions = OrderActions(desk.database, desk.user, utcnow, desk_id=desk.worker.desk_id)
    assert actions.assign([order_id], technician).changed
    assert actions.assign([order_id], technician).changed  # the same again: only the version moves
    while desk.worker.push_once():
        pass
    desk.worker.pull_once()
    assert order_rows_differ(desk.database.path, central, [order_id.hex]) == []


def test_a_change_applied_before_its_lost_answer_and_overwritten_since_is_not_laid_over_again(centre, make_desk) -> None:
    """Desk A's push is applied but its answer lost; desk B changes the same field after it; A pulls
    B's row while its change still waits, then its retry is answered "applied before": A shows B's value."""
    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    order_id = uuid.UUID(desk_orders(central, USER, 1)[0][0])
    a_actions = OrderActions(a.database, a.user, utcnow, desk_id=a.worker.desk_id)
    assert a_actions.set_priority([order_id], 1).changed
    pending = a.replica.pending()
    a.worker.client.push(a.worker.desk_id, [{"m": p.mutation, "op": p.operation} for p in pending])  # the answer is lost
    b.worker.pull_once()
    assert OrderActions(b.database, b.user, utcnow, desk_id=b.worker.desk_id).set_priority([order_id], 5).changed
    assert b.worker.push_once()
    a.worker.pull_once()  # B's row, while A's change still waits
    assert a.worker.push_once()  # the retry: applied before
    a.worker.pull_once()
    with central.reading() as s:
        assert s.get(WorkOrder, order_id).priority == 5
    assert order_rows_differ(a.database.path, central, [order_id.hex]) == []


def test_a_desk_whose_change_was_refused_equals_the_centre_after(centre, make_desk) -> None:
    """The refused change's rows go back to the centre's state, stamps included (the SLA recomputed
    for them must not stamp them as changed here)."""
    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    order_id = uuid.UUID(desk_orders(central, USER, 1)[0][0])
    assert OrderActions(a.database, a.user, utcnow, desk_id=a.worker.desk_id).pause([order_id], PauseReason.CUSTOMER_NOT_READY).changed
    assert OrderActions(b.database, b.user, utcnow, desk_id=b.worker.desk_id).pause([order_id], PauseReason.CUSTOMER_NOT_READY).changed
    assert a.worker.push_once()
    b.worker.pull_once()  # A's pause, while B's waits
    assert b.worker.push_once()
    assert b.replica.counts().conflicts == 1
    b.worker.pull_once()
    conflicts = _conflicts(b)
    refused_inserts = {c["id"] for conflict in conflicts for c in conflict["changes"] if c["op"] == "insert"}
    assert order_rows_differ(b.database.path, central, [order_id.hex], refused_inserts) == []


def test_a_pulled_batch_is_never_written_in_the_middle_of_an_action(centre, make_desk) -> None:
    """An action reads, then writes: a pull arriving meanwhile waits for it, so the action's shadow of
    the row is what the file had (not older than the cursor) and what it wrote is not overwritten."""
    _base, central, _url = centre
    a, b = make_desk("a"), make_desk("b")
    order_id = uuid.UUID(desk_orders(central, USER, 1)[0][0])
    assert OrderActions(a.database, a.user, utcnow, desk_id=a.worker.desk_id).pause([order_id], PauseReason.CUSTOMER_NOT_READY).changed
    assert a.worker.push_once()
    pulled_at: list[float] = []

    def pull() -> None:
        b.worker.pull_once()
        pulled_at.append(time.monotonic())

    puller = threading.Thread(target=pull)
    committed: list[float] = []

    class Slowly:  # the action's unit of work holds the file from its start; the pull comes in meanwhile
        engine = b.database.engine

        @contextlib.contextmanager
        def unit_of_work(self):
            with b.database.unit_of_work() as s:
                s.connection()  # begun: the file's write lock is this action's
                puller.start()
                time.sleep(0.5)  # the pull has the centre's answer by now and would write it
                yield s
            committed.append(time.monotonic())

        def reading(self):
            return b.database.reading()

    with b.database.reading() as s:
        priority = s.get(WorkOrder, order_id).priority
    assert OrderActions(Slowly(), b.user, utcnow, desk_id=b.worker.desk_id).set_priority([order_id], 1 + priority % 5).changed
    committed_at = committed[0]
    puller.join(10)
    assert pulled_at and pulled_at[0] >= committed_at, "the pulled batch was written inside the action"
    assert b.worker.push_once()
    b.worker.pull_once()
    assert order_rows_differ(b.database.path, central, [order_id.hex]) == []
