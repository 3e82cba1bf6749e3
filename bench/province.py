"""A province on one centre: several service instances over one PostgreSQL, 200 desks and 2,000
technicians' phones and the upstream order system, for an 8-hour shift compressed into minutes,
with faults injected if asked.

Run: .venv/bin/python -m bench.province [--desks 200] [--technicians 2000] [--minutes 4]
                                         [--instances 2] [--faults chaos,kill,postgres,disk]

What runs (all on this machine, loopback only):
- PostgreSQL (initdb in a temporary folder), a demo province (4 regions) with `--technicians`
  technicians, one dispatcher account per desk and a field account per technician (their tokens
  issued by the bench, as the operator, not by 2,200 password logins);
- `--instances` `dispatch-central serve` processes as the `roles.sql` service role, behind a
  round-robin balancer (tests/fixtures/balancer.py), or with `--faults chaos` behind the chaos
  proxy (tests/fixtures/chaos_proxy.py: drops, drops after the centre ran the push, cut answers,
  duplicates, reordering, delays);
- `--desks` real desks (bench/province_desks.py) in `--desk-processes` processes, each desk on its
  own SQLite file from its region's snapshot, with the desk's own Replica and SyncWorker;
- the technicians' phones and the order system (bench/province_field.py) in one more process.

Faults (`--faults`): `chaos` puts the chaos proxy in front for most of the shift; `kill` kills an
instance (-9) a quarter in and starts it again 3 s later; `postgres` restarts PostgreSQL (fast
shutdown: every connection cut) half way; `disk` fills the disk of one desk of each region and gives
another I/O errors from 60 % to 65 % of the shift (tests/faults/disk.py): their actions are refused
with the disk's message meanwhile, and counted apart from errors.

The dispatchers' rate is the machine's limit, not a dispatcher's: `--actions-per-s` for all desks
together (a real desk does about 30 actions an hour; 200 of them in a shift compressed 120 times
would be 200 a second, beyond 2 cores that also run every desk). The centre's own capacity is
reported as operations per second per core: the operations it ran over the CPU seconds it and
PostgreSQL used.

At the end: propagation desk to desk (p50/p95/p99: a desk's change until another desk of the region
holds it), the latencies of pushes and of the field API, errors, changes lost (saved at a desk,
never at the centre) and doubled (at the centre more than once), the centre's CPU and memory per
instance, PostgreSQL's connections and size, each desk process's memory at the start and the end,
and whether every desk equals the centre's view of its region. Each propagation is also split
in four (`propagation_parts`: until the desk's push was sent, the push, until the watcher's feed
answered, that answer's writing), with the ten slowest; the CPU of each desk process and of the
phones; and how fast the machine was before and after the shift (`machine_python_ms_before_after`).
The desks that run the optimiser run at a lower priority (bench/province_desks.py). The last line
is one JSON object.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path

from sqlalchemy import create_engine, text

from bench import centre
from bench.central_bench import cpu_seconds, postgres_cpu
from bench.province_desks import COMPARED, INJECTED
from bench.province_desks import serve as serve_desks
from bench.province_field import FieldSpec
from bench.province_field import serve as serve_field
from bench.province_setup import Province, build_province, region_templates
from tests.fixtures.balancer import Balancer
from tests.fixtures.chaos_proxy import ChaosProxy
from tests.fixtures.postgres import as_service, grant_service
from tests.fixtures.postgres_server import TemporaryPostgres

ORDERS_PER_DESK = 12


def percentile(values: list[float], q: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def machine_speed() -> float:
    """Milliseconds a fixed piece of pure Python takes here (the best of three), the machine quiet:
    the same code used up to 40 % more CPU in some runs than in others on this shared virtual
    machine, so each run says how fast the machine was before its shift and after it."""
    best = float("inf")
    for _ in range(3):
        started, total = time.perf_counter(), 0
        for n in range(1_000_000):
            total += n * n % 7
        best = min(best, time.perf_counter() - started)
    return round(best * 1000, 1)


def rss_of(pid: int) -> float:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class Instances:
    """The service processes, each on its own port throughout (killed and started again on it)."""

    def __init__(self, url: str, count: int, folder: Path, pool: int):
        self.url, self.folder = url, folder
        self.env = {"DISPATCH_CENTRAL_POOL_SIZE": str(pool), "DISPATCH_CENTRAL_POOL_OVERFLOW": "5",
                    "DISPATCH_CENTRAL_ESCALATION_SECONDS": "0"}
        self.processes = []
        self.ports: list[int] = []
        self.cpu_before_restart = 0.0  # what a killed instance had used
        for n in range(count):
            process, base = centre.serve(url, log_path=str(folder / f"centre{n}.log"), **self.env)
            self.processes.append(process)
            self.ports.append(int(base.rsplit(":", 1)[1]))

    def kill_and_restart(self, n: int, away: float) -> None:
        self.cpu_before_restart += cpu_seconds(self.processes[n].pid)
        self.processes[n].kill()
        self.processes[n].wait(10)
        time.sleep(away)
        self.processes[n], _base = centre.serve(self.url, port=self.ports[n], log_path=str(self.folder / f"centre{n}.log"), **self.env)

    def cpu(self) -> float:
        return sum(cpu_seconds(p.pid) for p in self.processes) + self.cpu_before_restart

    def stop(self) -> None:
        for process in self.processes:
            centre.stop(process)


def restart_postgres(server: TemporaryPostgres) -> None:
    """PostgreSQL stopped at once (every connection cut) and started again on its folder and port."""
    options = (f"-c listen_addresses=127.0.0.1 -c port={server.port} -c unix_socket_directories={server.root}"
               " -c fsync=off -c full_page_writes=off")
    server._run("pg_ctl", "-D", str(server.datadir), "-m", "fast", "-w", "stop")
    server._run("pg_ctl", "-D", str(server.datadir), "-o", options, "-l", str(server.log), "-w", "-t", "60", "start")


def faults_during(seconds: float, faults: set[str], instances: Instances, server: TemporaryPostgres, proxy: ChaosProxy | None,
                  done: list[str]) -> threading.Thread:
    """The faults asked for, at set points of the shift."""
    def run() -> None:
        start = time.monotonic()

        def at(fraction: float) -> None:
            time.sleep(max(0.0, start + fraction * seconds - time.monotonic()))

        if proxy is not None:
            proxy.set(seed=1, drop=0.01, drop_after_forward=0.01, cut=0.01, duplicate=0.01, reorder=0.02, delay_ms=(0, 50))
            done.append("chaos proxy on")
        if "kill" in faults:
            at(0.25)
            instances.kill_and_restart(0, 3.0)
            done.append("instance 0 killed (-9) and started again after 3 s")
        if "postgres" in faults:
            at(0.5)
            restart_postgres(server)
            done.append("PostgreSQL restarted (fast shutdown)")
        if "disk" in faults:
            at(0.6)
            done.append("a desk of each region: disk full, another: I/O errors, from 60 % to 65 % of the shift")
        if proxy is not None:
            at(0.9)
            proxy.clear()
            done.append("chaos proxy off")

    thread = threading.Thread(target=run, name="faults", daemon=True)
    thread.start()
    return thread


def propagation(reports: list[dict], partner_of: dict[str, str], slowest: list | None = None,
                parts: dict[str, list[float]] | None = None) -> tuple[list[float], int]:
    """(seconds from each desk action until its partner desk held that version, actions never seen);
    `slowest` gets the 10 slowest as (seconds, desk, watcher, kind, seconds into the shift, its parts);
    `parts` each propagation's parts: until its push was sent, the push, from the push's answer until
    the watcher's feed answered, that answer's writing."""
    sightings: dict[str, dict[str, list[tuple[int, float, float, float]]]] = {}
    for report in reports:
        for desk, seen in report["sightings"].items():
            by_order = sightings.setdefault(desk, {})
            for order, version, when, asked, came in seen:
                by_order.setdefault(order, []).append((version, when, asked, came))
    pushes = {desk: sorted(p) for report in reports for desk, p in report["pushes"].items()}
    latencies, unseen = [], 0
    for report in reports:
        for desk, order, version, when, kind in report["actions"]:
            watcher = partner_of[desk]
            first = min(((t, came) for v, t, _asked, came in sightings.get(watcher, {}).get(order, []) if v >= version and t >= when), default=None)
            if first is None:
                unseen += 1
                continue
            latencies.append(first[0] - when)
            split = _parts(when, first, pushes.get(desk, []))
            if parts is not None and split:
                for name, value in split.items():
                    parts.setdefault(name, []).append(value)
            if slowest is not None:
                slowest.append((round(first[0] - when, 2), desk, watcher, kind, when, {k: round(v, 2) for k, v in split.items()}))
    if slowest:
        start = min(s[4] for s in slowest)
        slowest[:] = [(s, d, w, k, round(at - start, 1), split) for s, d, w, k, at, split in sorted(slowest, key=lambda s: -s[0])[:10]]
    return latencies, unseen


def _parts(when: float, seen: tuple[float, float], pushes: list[tuple[float, float]]) -> dict[str, float]:
    """A propagation's parts (see `propagation`), from the first push sent after the action and
    before the watcher's answer came ({} when none was); its answer may come after the watcher's."""
    sighted, came = seen
    push = next(((a, b) for a, b in pushes if when <= a <= came), None)
    if push is None:
        return {}
    return {"until_pushed": push[0] - when, "push": push[1] - push[0], "until_answered": came - push[1], "written": sighted - came}


def centre_digests(engine, province: Province) -> dict[str, dict[str, str]]:
    """Each region's rows as its desks should hold them (the buckets' own filter), hashed per table as a desk hashes its file."""
    import hashlib

    from central.scope import scope_filter

    out: dict[str, dict[str, str]] = {}
    with engine.connect() as conn:
        for region in province.regions:
            for table in COMPARED:
                hasher = hashlib.sha256()
                rows = conn.execute(text(f"SELECT replace(t.id::text, '-', ''), t.version, t.deleted FROM {table} t "
                                         f"WHERE {scope_filter(table, region)} ORDER BY t.id::text"), {"region": region.hex})
                for row_id, version, deleted in rows:
                    hasher.update(f"{row_id}:{version}:{int(bool(deleted))};".encode())
                out.setdefault(region.hex, {})[table] = hasher.hexdigest()
    return out


def main() -> None:  # noqa: PLR0915 - the run, step by step
    parser = argparse.ArgumentParser()
    parser.add_argument("--desks", type=int, default=200)
    parser.add_argument("--technicians", type=int, default=2000)
    parser.add_argument("--minutes", type=float, default=4.0, help="real minutes the 8-hour shift is compressed into")
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--desk-processes", type=int, default=9, help="one of them for the desks that run the optimiser")
    parser.add_argument("--actions-per-s", type=float, default=1.0, help="desk actions a second, all desks together")
    parser.add_argument("--positions-per-s", type=float, default=20.0)
    parser.add_argument("--intake-per-day", type=float, default=500.0, help="new orders a day (a shift is a third of it)")
    parser.add_argument("--faults", default="", help="comma-separated: chaos, kill, postgres, disk")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    faults = {f for f in args.faults.split(",") if f}
    seconds = args.minutes * 60
    server = TemporaryPostgres()
    url = server.start()
    instances = balancer = proxy = folder = None
    workers: list = []
    try:
        started = time.monotonic()
        province = build_province(url, args.desks, args.technicians, args.seed)
        grant_service(url)
        print(f"province written in {time.monotonic() - started:.0f} s: {len(province.desks)} desks, "
              f"{len(province.technicians)} technicians", file=sys.stderr)
        folder = Path(tempfile.mkdtemp(prefix="province-"))  # (200 desk files: about 8 GB, removed at the end)
        instances = Instances(as_service(url), args.instances, folder, pool=max(2, 60 // args.instances - 6))
        if "chaos" in faults:
            proxy = ChaosProxy("127.0.0.1", instances.ports)
            port = proxy.start()
        else:
            balancer = Balancer(instances.ports)
            port = balancer.start()
        base = f"http://127.0.0.1:{port}"
        templates = region_templates(base, province, folder)
        specs, partner_of = province.desk_specs(templates, ORDERS_PER_DESK, with_disk_faults="disk" in faults)
        context = multiprocessing.get_context("spawn")
        # the desks that run the optimiser (one a region) in a process of their own: the solver's
        # memory is theirs, reported apart from the other desks'
        planners, others = [d for d in specs if d.plans], [d for d in specs if not d.plans]
        share = [planners] + [others[n::args.desk_processes - 1] for n in range(args.desk_processes - 1)]
        per_desk = args.actions_per_s / len(specs)
        for n, mine in enumerate(share):
            ours, theirs = context.Pipe()
            process = context.Process(target=serve_desks, args=(base, mine, str(folder), per_desk, seconds, args.seed * 1000 + n, theirs))
            process.start()
            workers.append((process, ours))
        field_spec = FieldSpec(base, url, province.technician_accounts, province.intake_token, province.intake_sites,
                               args.positions_per_s, args.intake_per_day / 3 / seconds, seconds, args.seed)
        ours, theirs = context.Pipe()
        field = context.Process(target=serve_field, args=(field_spec, theirs))
        field.start()
        ready = [_answer(pipe) for _process, pipe in workers]
        _answer(ours)
        memory_start = [r["rss_mb"] for r in ready]
        print(f"desks ready in {time.monotonic() - started:.0f} s; desk processes {[round(m) for m in memory_start]} MB", file=sys.stderr)
        pg_cpu, centre_cpu = postgres_cpu(server), instances.cpu()
        simulated_pids = [process.pid for process, _pipe in workers] + [field.pid]
        simulated_cpu = [cpu_seconds(p) for p in simulated_pids]
        done: list[str] = []
        speed_before = machine_speed()
        shift_started = time.monotonic()
        for _process, pipe in [*workers, (field, ours)]:
            pipe.send("go")
        fault_thread = faults_during(seconds, faults, instances, server, proxy, done) if faults else None
        acted_answers = [_answer(pipe) for _process, pipe in workers]
        acted = sum(a["acted"] for a in acted_answers)
        memory_warm = [a["rss_mb_warm"] for a in acted_answers]
        memory_end = [a["rss_mb_end"] for a in acted_answers]
        field_report = _answer(ours)
        if fault_thread is not None:
            fault_thread.join()
        shift_seconds = time.monotonic() - shift_started
        centre_used = instances.cpu() - centre_cpu
        pg_used = postgres_cpu(server) - pg_cpu  # (a restarted server's is counted from its start)
        simulated_used = [cpu_seconds(p) - before for p, before in zip(simulated_pids, simulated_cpu, strict=True)]  # (other machines in a real province)
        for _process, pipe in workers:
            pipe.send("settle")
        settling = [_answer(pipe) for _process, pipe in workers]
        settled = all(a["settled"] for a in settling)
        equal, waited, unequal = _converge(workers, create_engine(url), province, 180.0)
        for _process, pipe in workers:
            pipe.send("report")
        reports = [_answer(pipe) for _process, pipe in workers]
        for process, _pipe in workers:  # (their desks stopped: they end)
            process.join(60)
        speed_after = machine_speed()
        figures = _figures(args, province, reports, field_report, partner_of, url, instances, server, acted,
                           shift_seconds, centre_used, pg_used, memory_start, memory_warm, memory_end, settled, equal, waited, done, proxy)
        figures["unequal_desks"] = unequal
        figures["machine_python_ms_before_after"] = [speed_before, speed_after]
        figures["refusals_dropped_by_their_dispatchers"] = sum(a["dropped"] for a in settling)
        figures["desks_and_phones_cpu_s"] = round(sum(simulated_used), 1)
        figures["cpu_s_per_desk_process_and_phones"] = [round(used, 1) for used in simulated_used]
        print(json.dumps(figures, ensure_ascii=False))
    finally:
        for process, _pipe in workers:
            process.join(30)
            if process.is_alive():
                process.kill()
        for closer in (proxy, balancer, instances):
            if closer is not None:
                closer.stop()
        server.stop()
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)


def _latency(seconds: list[float]) -> dict[str, float]:
    return {"calls": len(seconds), "p50_ms": round(percentile(seconds, 0.5) * 1000, 1), "p95_ms": round(percentile(seconds, 0.95) * 1000, 1),
            "p99_ms": round(percentile(seconds, 0.99) * 1000, 1)}


def _answer(pipe, seconds: float = 900.0) -> dict:
    if not pipe.poll(seconds):
        raise RuntimeError("a bench process did not answer")
    answer = pipe.recv()
    if "failed" in answer:
        raise RuntimeError(f"a bench process failed:\n{answer['failed']}")
    return answer


def _converge(workers: list, engine, province: Province, seconds: float) -> tuple[int, float, dict[str, list[str]]]:
    """Until every desk equals the centre's view of its region (or the deadline): (desks equal, seconds
    waited, the tables that differ at each desk that does not)."""
    started = time.monotonic()
    region_of = {d.name: d.region for d in province.desks}
    unequal: dict[str, list[str]] = {}
    while True:
        wanted = centre_digests(engine, province)
        unequal = {}
        for _process, pipe in workers:
            pipe.send("digests")
            for name, tables in _answer(pipe).items():
                differ = [t for t, digest in tables.items() if digest != wanted[region_of[name]][t]]
                if differ:
                    unequal[name] = differ
        if not unequal or time.monotonic() - started > seconds:
            break
        time.sleep(1.0)
    engine.dispose()
    return len(province.desks) - len(unequal), time.monotonic() - started, unequal


def _figures(args, province: Province, reports: list[dict], field_report: dict, partner_of: dict[str, str], url: str,
             instances: Instances, server: TemporaryPostgres, acted: int, shift_seconds: float, centre_used: float,
             pg_used: float, memory_start: list[float], memory_warm: list[float], memory_end: list[float], settled: bool, equal: int, waited: float, done: list[str],
             proxy: ChaosProxy | None) -> dict:
    slowest: list = []
    parts: dict[str, list[float]] = {}
    latencies, unseen = propagation(reports, partner_of, slowest, parts)
    engine = create_engine(url)
    with engine.connect() as conn:
        at_centre: dict[str, set[str]] = {}
        for desk_id, audit_id in conn.execute(text("SELECT desk_id, replace(id::text, '-', '') FROM audit_log WHERE desk_id LIKE 'desk-%' "
                                                  "AND action NOT LIKE 'sync.%'")):
            at_centre.setdefault(desk_id, set()).add(audit_id)
        connections = conn.execute(text("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()")).scalar_one()
        size_mb = conn.execute(text("SELECT pg_database_size(current_database())")).scalar_one() / 2**20
    engine.dispose()
    saved = {desk_id: set(ids) for report in reports for desk_id, ids in report["saved"].items()}
    lost = sum(len(ids - at_centre.get(desk_id, set())) for desk_id, ids in saved.items())
    doubled = sum(len(at_centre.get(desk_id, set()) - ids) for desk_id, ids in saved.items())
    errors = [e for report in reports for e in report["errors"] if not e.startswith(INJECTED)] + field_report["errors"]
    injected = sum(e.startswith(INJECTED) for report in reports for e in report["errors"])
    field_calls = sum(len(v) for v in field_report["latencies"].values())
    pulls = sum(report["pulls"] for report in reports)  # (the settling's too: a little more than the shift's)
    operations = acted + field_calls + pulls
    desks_per_process = [len(report["desk_ids"]) for report in reports]
    return {
        "bench": "province", "desks": len(province.desks), "technicians": len(province.technicians), "regions": len(province.regions),
        "instances": args.instances, "shift_hours": 8, "real_minutes": round(shift_seconds / 60, 2),
        "compression": round(8 * 3600 / shift_seconds), "desk_actions": acted,
        "desk_actions_per_desk_per_simulated_hour": round(acted / len(province.desks) / 8, 2),
        "propagation_samples": len(latencies), "propagation_unseen": unseen,
        "propagation_p50_ms": round(percentile(latencies, 0.5) * 1000, 1),
        "propagation_p95_ms": round(percentile(latencies, 0.95) * 1000, 1),
        "propagation_p99_ms": round(percentile(latencies, 0.99) * 1000, 1),
        "propagation_slowest": slowest,
        "propagation_parts": {name: _latency(values) for name, values in parts.items()},
        "push": _latency([b - a for report in reports for pushes in report["pushes"].values() for a, b in pushes]),
        "field_api": {kind: _latency(v) for kind, v in field_report["latencies"].items() if v},
        "field_outcomes": field_report["outcomes"],
        "errors": len(errors), "error_examples": errors[:5], "actions_refused_by_injected_disk_faults": injected, "conflicts": sum(r["conflicts"] for r in reports),
        "lost": lost, "doubled": doubled, "settled": settled, "desks_equal_centre": equal, "convergence_wait_s": round(waited, 1),
        "centre_cpu_s": round(centre_used, 1), "postgres_cpu_s": round(pg_used, 1),
        "feed_answers": pulls, "operations": {"desk_actions": acted, "field_and_intake_calls": field_calls, "feed_answers": pulls},
        "centre_ops_per_s_per_core": round(operations / max(0.001, centre_used + pg_used), 1),
        "centre_only_ops_per_cpu_s": round(operations / max(0.001, centre_used), 1),
        "centre_rss_mb": [round(rss_of(p.pid)) for p in instances.processes],
        "postgres_connections": connections, "postgres_size_mb": round(size_mb, 1),
        "desk_memory_mb_opened": round(sum(memory_start[1:]) / sum(desks_per_process[1:]), 2),
        "desk_memory_mb_start": round(sum(memory_warm[1:]) / sum(desks_per_process[1:]), 2),
        "desk_memory_mb_end": round(sum(memory_end[1:]) / sum(desks_per_process[1:]), 2),
        "planner_desks_process_rss_mb": [round(memory_start[0]), round(memory_warm[0]), round(memory_end[0])],
        "desk_process_rss_mb_opened": [round(m) for m in memory_start],
        "desk_process_rss_mb_start": [round(m) for m in memory_warm], "desk_process_rss_mb_end": [round(m) for m in memory_end],
        "desks_per_process": desks_per_process, "faults": done, "chaos": proxy.counts() if proxy is not None else {},
    }


if __name__ == "__main__":
    main()
