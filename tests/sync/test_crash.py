"""kill -9 of desks at random moments during push and pull (the method: tests/sync/crash_trials.py).

At least 200 trials: SYNC_CRASH_TRIALS raises (never lowers) the count; bench/sync_crash_bench.py
runs longer series and prints figures. Below them, the moments the kills found wrong, replayed step
by step, and one the console does not survive yet (a kill while a new data file is made).
"""

from __future__ import annotations

import os

from sqlalchemy import select

from console.core.domain.enums import PauseReason
from console.core.services.orders import OrderActions
from console.core.store.models import Technician, WorkOrder, utcnow
from console.data_file import open_data_file
from tests.fixtures.centre import PASSWORD, login
from tests.sync.crash_trials import PHASES, run_crash_trials
from tests.sync.harness import DeskProcesses, order_rows_differ

TRIALS = max(200, int(os.environ.get("SYNC_CRASH_TRIALS", "200")))


def test_every_saved_change_reaches_the_centre_exactly_once_whenever_the_desk_is_killed(centre, tmp_path) -> None:
    base, central, _url = centre
    token = login(base, "wang.wei.central", PASSWORD).json()["token"]
    report = run_crash_trials(base, central, {"wang.wei.central": token}, tmp_path, TRIALS, desks=2, per_file=25)
    print(report.figures())
    assert report.problems == [], "\n".join(report.problems[:20])
    assert report.trials >= 200 and report.killed == report.trials
    # the kills landed where they were meant to, in every phase: while saving, with a push in
    # flight, while its answer was written, while a pulled batch was written, some time after the
    # start, and (each new desk's first process) during the snapshot
    for phase in PHASES:
        assert report.kills[phase] >= report.planned[phase] * 0.6 and report.kills[phase] >= 10, report.figures()
    assert report.planned["snapshot"] == report.files and report.snapshot_cut >= report.files // 2, report.figures()
    assert report.saved >= report.trials, report.figures()


# --- the moments the kills found, replayed step by step (one desk in this process) ------------------


def _lost_answer(desk) -> None:
    """A push the centre commits whose answer never arrives (the desk was killed on the way)."""
    pending = desk.replica.pending()
    desk.worker.client.push(desk.worker.desk_id, [{"m": p.mutation, "op": p.operation} for p in pending])


def _open_order(desk):
    with desk.database.reading() as s:
        return s.scalars(select(WorkOrder).where(WorkOrder.status == "new", WorkOrder.region_id == desk.user.region_id)
                         .order_by(WorkOrder.number)).first()


def test_rows_pulled_while_their_push_was_unanswered_take_the_centres_values(centre, make_desk) -> None:
    _base, central, _url = centre
    desk = make_desk("a")
    order = _open_order(desk)
    actions = OrderActions(desk.database, desk.user, utcnow, desk_id=desk.worker.desk_id)
    assert actions.pause([order.id], PauseReason.CUSTOMER_NOT_READY, "lost answer").changed
    _lost_answer(desk)
    desk.worker.pull_once()  # the new pause and audit row come back while the outbox still has them
    assert desk.worker.push_once()  # the retry: already applied, answered ok
    assert desk.replica.counts().pending == 0
    path, ids = desk.database.path, [order.id.hex]
    assert order_rows_differ(path, central, ids) == []


def test_a_retried_push_takes_the_version_the_centre_sent_before(centre, make_desk) -> None:
    _base, central, _url = centre
    desk = make_desk("a")
    order = _open_order(desk)
    actions = OrderActions(desk.database, desk.user, utcnow, desk_id=desk.worker.desk_id)
    assert actions.pause([order.id], PauseReason.CUSTOMER_NOT_READY, "paused").changed
    assert actions.resume([order.id]).changed  # the pause row: inserted, then updated, both waiting
    _lost_answer(desk)
    desk.worker.pull_once()
    assert desk.worker.push_once()
    desk.worker.pull_once()
    assert desk.replica.counts().pending == 0
    assert order_rows_differ(desk.database.path, central, [order.id.hex]) == []


def test_a_desk_killed_while_it_creates_its_data_file_opens_it_again(tmp_path) -> None:
    driver = DeskProcesses(tmp_path / "driver.stderr")
    cut = []
    try:
        for n, delay in enumerate((0.03, 0.06, 0.1, 0.15, 0.2)):
            path = tmp_path / f"new-{n}.sqlite"
            result = driver.run({"mode": "work", "desk": str(path), "log": str(tmp_path / f"new-{n}.log"), "base": "http://127.0.0.1:9",
                                 "token": "", "user": "nobody", "orders": [], "technicians": [], "seed": n,
                                 "kill": {"phase": "start", "delay": delay}, "timeout": 5.0})
            assert result["signal"] == 9
            if "open" not in result["events"] and (path.exists() or path.with_name(path.name + ".new").exists()):
                cut.append(path)
    finally:
        driver.close()
    assert cut, "no kill landed while a data file was being made"
    for path in cut:  # a half-built file never takes the data file's name: the next start builds it again
        database, _created = open_data_file(path)
        database.close()
        assert not path.with_name(path.name + ".new").exists()


def test_after_a_retried_push_the_desk_shows_its_own_change_and_builds_on_it(centre, make_desk) -> None:
    """The retry of a push whose answer was lost is answered with the rows as the centre has them:
    the desk keeps showing its change (not its state before it), so its next change is not refused."""
    _base, central, _url = centre
    desk = make_desk("a")
    order = _open_order(desk)
    with desk.database.reading() as s:
        technicians = s.scalars(select(Technician.id).where(Technician.region_id == order.region_id, Technician.active.is_(True))
                                .order_by(Technician.name)).all()
    actions = OrderActions(desk.database, desk.user, utcnow, desk_id=desk.worker.desk_id)
    assert actions.assign([order.id], technicians[0]).changed
    _lost_answer(desk)
    assert desk.worker.push_once()  # the retry, before any pull
    with desk.database.reading() as s:
        assert s.get(WorkOrder, order.id).assignee_id == technicians[0]
    assert actions.assign([order.id], technicians[1]).changed
    assert desk.worker.push_once()
    desk.worker.pull_once()
    assert desk.replica.counts().conflicts == 0
    assert order_rows_differ(desk.database.path, central, [order.id.hex]) == []
