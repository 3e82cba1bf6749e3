"""kill -9 of desks at random moments during push and pull, then a check that every change a desk
reported as saved is at the centre exactly once (tests/sync/test_crash.py, bench/sync_crash_bench.py).

Each desk is a series of OS processes forked by its own driver (tests/sync/desk_process.py) on one
data file: a process opens the file, runs its worker and makes changes to its own orders (no other
desk touches them, so no change may be refused) until it is killed with SIGKILL, at a moment drawn
from a seeded random generator: some time after the start (opening the file, downloading the
the first saves), or a few milliseconds after the n-th local save starts, push goes out, push
answer comes back (its results being written), or pulled batch starts being written; a new desk's
first process is killed while it downloads and writes the snapshot. After
`per_file` trials the desk's last process pushes and pulls everything and closes cleanly; then:
- its outbox is empty and it has no conflict; the centre refused nothing of it;
- every change it logged as saved has its audit row at the centre; a change killed around its
  commit is at the centre exactly when the desk's file has it; nothing else of the desk is there;
- each order's version at the centre went up by exactly its number of committed changes (none
  applied twice, none lost) and its assignee, priority and pause are those the last ones left;
- the desk's rows of its orders (the order, pauses, audit rows) equal the centre's.
A new data file (a new desk, a new snapshot) then starts the next series.
"""

from __future__ import annotations

import random
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import text

from console.core.store.database import Database
from console.data_file import open_data_file
from tests.sync.harness import (
    MIGRATING,
    DeskProcesses,
    centre_audit,
    check_desk_log,
    desk_orders,
    desk_rows,
    desk_scalar,
    order_rows_differ,
    order_states,
    read_log,
)

PHASES = ("start", "save", "push", "pushed", "pull")


@dataclass
class CrashReport:
    trials: int = 0
    killed: int = 0
    kills: Counter = field(default_factory=Counter)  # phase -> kills that landed as planned
    planned: Counter = field(default_factory=Counter)  # phase -> kills planned
    saved: int = 0  # changes logged as saved
    committed_unlogged: int = 0  # killed between the commit and the log line, found committed
    pushes: int = 0
    pulls: int = 0
    files: int = 0
    snapshot_cut: int = 0  # kills that landed before the snapshot was in
    problems: list[str] = field(default_factory=list)
    trial_seconds: list[float] = field(default_factory=list)
    seconds: float = 0.0

    def figures(self) -> dict[str, Any]:
        times = sorted(self.trial_seconds)
        return {"trials": self.trials, "killed": self.killed, "kills_by_phase": dict(self.kills), "planned_by_phase": dict(self.planned),
                "saved_changes": self.saved, "committed_before_kill_unlogged": self.committed_unlogged, "pushes": self.pushes,
                "pulled_batches": self.pulls, "desk_files": self.files, "snapshots_cut": self.snapshot_cut, "problems": len(self.problems),
                "trial_median_s": times[len(times) // 2] if times else None, "seconds": round(self.seconds, 1)}


def kill_plan(rng: random.Random, first: bool) -> dict[str, Any]:
    if first:  # a new desk: the kill lands while it downloads and writes the snapshot
        return {"phase": "snapshot", "delay": rng.uniform(0.0, 0.1)}
    phase = rng.choice(PHASES)
    if phase == "start":
        return {"phase": "start", "delay": rng.uniform(0.02, 0.6)}
    if phase == "push":  # the request in flight: the centre may have committed it or not
        return {"phase": "push", "nth": rng.randint(1, 3), "delay": rng.uniform(0.0, 0.025)}
    return {"phase": phase, "nth": rng.randint(1, 3), "delay": rng.choice([0.0, rng.uniform(0.0, 0.004)])}


def run_desk(driver: DeskProcesses, central: Database, base: str, token: str, username: str, orders: list[str],
             technicians: list[str], workdir: Path, name: str, trials: int, per_file: int, seed: int, report: CrashReport,
             lock: threading.Lock) -> None:
    rng = random.Random(seed)
    done = 0
    generation = 0
    while done < trials:
        path, log = workdir / f"{name}-{generation}.sqlite", workdir / f"{name}-{generation}.log"
        start = order_states(central, orders)
        # the file is made before the first kill: a kill while it is created breaks it (test_crash.py says how)
        with MIGRATING:
            created, _ = open_data_file(path)
            created.close()
        this_file = min(per_file, trials - done)
        for n in range(this_file):
            plan = kill_plan(rng, n == 0)
            result = driver.run({"mode": "work", "desk": str(path), "log": str(log), "base": base, "token": token, "user": username,
                                 "orders": orders, "technicians": technicians, "seed": seed * 100000 + done, "kill": plan,
                                 "timeout": 4.0, "long_poll": 2.0, "pace": 0.02})
            done += 1
            with lock:
                report.trials += 1
                report.planned[plan["phase"]] += 1
                report.killed += result["killed"]
                report.kills[plan["phase"]] += bool(result["reached"])
                report.pushes += result["events"].get("push", 0)
                report.pulls += result["events"].get("pull", 0)
                report.trial_seconds.append(result["seconds"])
                report.snapshot_cut += plan["phase"] == "snapshot" and bool(result["reached"]) and "ready" not in result["events"]
                if not result["killed"] or result["signal"] != 9:
                    report.problems.append(f"{name} trial {done}: the desk ended by itself ({result}); see {driver.stderr_path}")
        drained = driver.run({"mode": "drain", "desk": str(path), "base": base, "token": token, "timeout": 60.0})
        problems = check_file(central, path, log, orders, start, drained)
        intents = read_log(log)
        with lock:
            report.files += 1
            report.saved += sum(1 for i in intents if i.saved)
            report.committed_unlogged += sum(1 for i in intents if i.saved is None and i.committing
                                             and desk_scalar(path, f"SELECT count(*) FROM audit_log WHERE id IN ({','.join('?' * len(i.committing))})",
                                                             i.committing))
            report.problems += [f"{name}-{generation}: {p}" for p in problems]
        generation += 1


def check_file(central: Database, path: Path, log: Path, orders: list[str], start: dict, drained: dict[str, Any]) -> list[str]:
    answer = drained.get("answer")
    if drained.get("exit") != 0 or answer is None:
        return [f"the last, clean run did not end well: {drained}"]
    desk_id = answer["desk_id"]
    problems = []
    if answer["pending"] or desk_scalar(path, "SELECT count(*) FROM sync_outbox"):
        problems.append(f"{answer['pending']} changes still wait in the outbox")
    conflicts = desk_scalar(path, "SELECT count(*) FROM sync_conflicts")
    with central.engine.connect() as conn:
        refusals = conn.execute(text("SELECT count(*) FROM sync_refusals WHERE desk_id = :d"), {"d": desk_id}).scalar_one()
    if conflicts or refusals:
        problems.append(f"{conflicts} conflicts on the desk, {refusals} refusals at the centre: no other desk touched these orders")
    local_audit = set(desk_rows(path, "audit_log", "desk_id = ?", (desk_id,)))
    problems += check_desk_log(read_log(log), start, centre_audit(central, desk_id), order_states(central, orders), local_audit)
    problems += order_rows_differ(path, central, orders)
    return problems


def run_crash_trials(base: str, central: Database, tokens: dict[str, str], workdir: Path, trials: int, *, desks: int = 2,
                     per_file: int = 50, seed: int = 20261203, orders_per_desk: int = 6) -> CrashReport:
    """`tokens`: username -> a login token; the desks take turns over them. Desks run concurrently."""
    started = time.monotonic()
    report = CrashReport()
    lock = threading.Lock()
    usernames = sorted(tokens)
    plans = []
    taken: set[str] = set()
    for d in range(desks):
        username = usernames[d % len(usernames)]
        orders, technicians = desk_orders(central, username, orders_per_desk * desks + 50)
        mine = [o for o in orders if o not in taken][:orders_per_desk]
        taken.update(mine)
        if len(mine) < orders_per_desk or len(technicians) < 2:
            raise RuntimeError(f"the centre has too few open orders or technicians for desk {d} ({username})")
        share = trials // desks + (1 if d < trials % desks else 0)
        plans.append((username, mine, technicians, share))
    drivers = [DeskProcesses(workdir / f"driver-{d}.stderr") for d in range(desks)]
    errors: list[BaseException] = []

    def desk(d: int) -> None:
        username, mine, technicians, share = plans[d]
        try:
            run_desk(drivers[d], central, base, tokens[username], username, mine, technicians, workdir, f"desk{d}", share,
                     per_file, seed + d, report, lock)
        except BaseException as exc:  # noqa: BLE001 - reported by the caller
            errors.append(exc)

    threads = [threading.Thread(target=desk, args=(d,)) for d in range(desks)]
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        for driver in drivers:
            driver.close()
    if errors:
        raise errors[0]
    report.seconds = time.monotonic() - started
    return report
