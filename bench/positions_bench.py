"""Technicians moving: the desk's map with 1,500 technicians reporting every 10 s, and the centre
taking the reports.

Run: .venv/bin/python -m bench.positions_bench [--part map|endpoint|both] [--technicians 1500]
     [--seconds 10] [--clients 8]

map: a MapView page (the district outlines, no sites) holding N technicians; each round every
technician moves (a batch of N, the worst case: everyone's report in one feed pull) and, as the
dock gathers moves over half a second, a batch of N/20. Measured: the GUI thread's time per batch
(`MapView.move_technicians`: judging each row's age, the JSON, handing it to the page) and the
page's own time (`DeskMap.moveTechnicians`, in the page process), then the time until the page
shows the last one moved. Baseline in the same run: drawing every technician again
(`show_technicians`, the page's `setTechnicians`). Target: < 50 ms of GUI time per batch.

endpoint: `POST /field/position` on loopback (`dispatch-central serve`, its own process, over a
PostgreSQL this bench starts), N technicians' accounts, clients cycling through them (each
technician at most once per 5 s, as the rate limit wants). Measured: reports a second, p95, and
the write-ahead log written per report (one UPDATE of the technician's row and its feed entry);
baseline in the same run: GET /health.
Prints one line per figure, then one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import time
import uuid
from datetime import UTC, datetime, timedelta

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")

ROUNDS = 7


def map_part(technicians: int) -> dict:
    from PySide6.QtWidgets import QApplication

    from bench.map_bench import js, wait_until
    from console.core.demo.places import DISTRICTS
    from console.ui.map_view import MapView

    app = QApplication.instance() or QApplication([])
    rng = random.Random(16)
    districts = [(d.name, d.name_en, d.lat, d.lon) for d in DISTRICTS]
    now = datetime.now(UTC)
    people = []
    for n in range(technicians):
        d = rng.choice(DISTRICTS)
        seen = now - timedelta(minutes=rng.choice([1, 2, 5, 30, 200]))
        people.append([uuid.uuid4(), f"技术员{n:04d}", d.lat + rng.gauss(0, 0.03), d.lon + rng.gauss(0, 0.03), seen])
    view = MapView("", "", False, timedelta(minutes=15))
    view.resize(1400, 900)
    view.show()
    view.load_page(districts)
    wait_until(app, lambda: view.is_ready)
    view.show_technicians([tuple(p) for p in people], now)
    wait_until(app, lambda: js(view, "DeskMap.technicianCount()") == technicians, seconds=120)
    wait_until(app, lambda: js(view, "DeskMap.labels() === null || DeskMap.labels().settled()"), seconds=60)

    def one_round(batch: list[list]) -> tuple[float, float, float]:
        for p in batch:  # about 80 m in 10 s: a car in town
            p[2] += rng.uniform(-0.0007, 0.0007)
            p[3] += rng.uniform(-0.0007, 0.0007)
            p[4] = now
        started = time.perf_counter()
        view.move_technicians([tuple(p) for p in batch], (), now)
        gui = time.perf_counter() - started
        last = batch[-1]
        wait_until(app, lambda: abs((json.loads(js(view, f"JSON.stringify(DeskMap.technician('{last[0].hex}'))") or "[0]"))[0]
                                    - last[2]) < 1e-9)
        shown = time.perf_counter() - started
        page = json.loads(js(view, "DeskMap.technicianTimings()"))["move"]
        return gui, page / 1000, shown

    figures: dict = {"technicians": technicians}
    for label, size in (("all", technicians), ("half_second", max(1, technicians // 20))):
        samples = [one_round(rng.sample(people, size)) for _ in range(ROUNDS)]
        gui, page, shown = (statistics.median(s[k] for s in samples) for k in range(3))
        slowest = max(s[0] for s in samples)
        print(f"batch of {size:,} moved: GUI thread {gui * 1000:.1f} ms (slowest {slowest * 1000:.1f}), "
              f"page {page * 1000:.1f} ms, shown after {shown * 1000:.0f} ms (median of {ROUNDS})")
        figures[f"batch_{label}"] = {"size": size, "gui_ms": round(gui * 1000, 1), "gui_slowest_ms": round(slowest * 1000, 1),
                                     "page_ms": round(page * 1000, 1), "shown_ms": round(shown * 1000)}
    redraws = []
    for _ in range(3):
        started = time.perf_counter()
        view.show_technicians([tuple(p) for p in people], now)
        gui = time.perf_counter() - started
        wait_until(app, lambda: json.loads(js(view, "DeskMap.technicianTimings()"))["set"] is not None)
        js(view, "DeskMap.technicianCount()")
        shown = time.perf_counter() - started
        redraws.append((gui, json.loads(js(view, "DeskMap.technicianTimings()"))["set"] / 1000, shown))
    gui, page, shown = (statistics.median(r[k] for r in redraws) for k in range(3))
    print(f"baseline, every technician drawn again: GUI thread {gui * 1000:.1f} ms, page {page * 1000:.1f} ms, "
          f"shown after {shown * 1000:.0f} ms")
    figures["redraw_all_baseline"] = {"gui_ms": round(gui * 1000, 1), "page_ms": round(page * 1000, 1), "shown_ms": round(shown * 1000)}
    move = figures["batch_all"]
    figures["page_ratio_redraw_vs_move_all"] = round(page * 1000 / move["page_ms"], 1) if move["page_ms"] else None
    figures["gui_target_ms"] = 50
    view.close()
    return figures


def endpoint_part(technicians: int, seconds: float, clients: int) -> dict:
    from sqlalchemy import create_engine, func, select, text

    import db
    from bench import centre
    from bench.central_bench import load
    from central import audit_chain
    from central.security import new_token
    from console.core.demo.centre import DemoParameters, generate_demo
    from console.core.domain.enums import Role
    from console.core.store.database import Database
    from console.core.store.models import ApiToken, Technician, User
    from tests.fixtures.postgres_server import TemporaryPostgres

    server_pg = TemporaryPostgres()
    url = server_pg.start()
    try:
        engine = create_engine(url)
        db.upgrade(engine)
        database = Database(engine)
        generate_demo(database, DemoParameters(seed=16, customers=400, sites=800, technicians=technicians, open_orders=300,
                                               closed_orders=0), datetime.now(UTC))
        with database.unit_of_work() as s:
            audit_chain.seal(s)
        accounts = []
        now = datetime.now(UTC)
        with database.unit_of_work() as s:
            linked = set(s.scalars(select(User.technician_id).where(User.technician_id.is_not(None))))
            for t in s.scalars(select(Technician).where(Technician.active.is_(True))):
                user = next(iter(s.scalars(select(User).where(User.technician_id == t.id))), None) if t.id in linked else None
                if user is None:
                    user = User(username=f"bench.{t.employee_no}", display_name=t.name, role=Role.TECHNICIAN,
                                region_id=t.region_id, technician_id=t.id, active=True)
                    s.add(user)
                    s.flush()
                token, hashed = new_token()
                s.add(ApiToken(token_hash=hashed, user_id=user.id, issued_at=now, expires_at=now + timedelta(days=1)))
                accounts.append([{"Authorization": f"Bearer {token}"}, t.home_lat, t.home_lon])
        server, base = centre.serve(url)
        try:
            health = load(base, clients, seconds, lambda s, n, i: s.get(f"{base}/health", timeout=10))
            with engine.connect() as conn:
                wal_before = conn.execute(text("SELECT pg_current_wal_lsn()")).scalar()
                feed_before = conn.execute(text("SELECT count(*) FROM sync_changes")).scalar()
            per_client = [accounts[n::clients] for n in range(clients)]

            def report(session, n: int, i: int):
                mine = per_client[n]
                account = mine[i % len(mine)]
                account[1] += random.uniform(-0.0005, 0.0005)
                return session.post(f"{base}/field/position", headers=account[0], timeout=10,
                                    json={"latitude": account[1], "longitude": account[2], "at": datetime.now(UTC).isoformat(),
                                          "accuracy_m": 10})

            reports = load(base, clients, seconds, report)
            with engine.connect() as conn:
                wal = conn.execute(text("SELECT pg_current_wal_lsn() - CAST(:before AS pg_lsn)"), {"before": wal_before}).scalar()
                feed = conn.execute(text("SELECT count(*) FROM sync_changes")).scalar() - feed_before
                accepted = conn.execute(select(func.count()).select_from(Technician).where(
                    Technician.last_seen_at > now)).scalar()
        finally:
            centre.stop(server)
        total = reports["rps"] * seconds
        per_report = float(wal) / total if total else float("nan")
        print(f"GET /health (baseline): {health}\nPOST /field/position: {reports}")
        print(f"write-ahead log {per_report / 1024:.1f} kB per report, {feed / total if total else 0:.2f} feed entries per report; "
              f"{accepted} technicians moved; at 2,000 technicians every 10 s (200 reports/s): "
              f"{per_report * 200 / 1024 / 1024:.2f} MB/s of WAL")
        return {"technicians": technicians, "clients": clients, "seconds": seconds, "health_baseline": health, "reports": reports,
                "ratio_vs_health": round(reports["rps"] / health["rps"], 2) if health["rps"] else None,
                "wal_kb_per_report": round(per_report / 1024, 2), "feed_entries_per_report": round(feed / total, 2) if total else None,
                "wal_mb_s_at_200_reports_s": round(per_report * 200 / 1024 / 1024, 2)}
    finally:
        server_pg.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--part", choices=("map", "endpoint", "both"), default="both")
    parser.add_argument("--technicians", type=int, default=1500)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--clients", type=int, default=8)
    args = parser.parse_args()
    out: dict = {"bench": "positions"}
    if args.part in ("map", "both"):
        out["map"] = map_part(args.technicians)
    if args.part in ("endpoint", "both"):
        out["endpoint"] = endpoint_part(args.technicians, args.seconds, args.clients)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
