"""A desk whose data file was restored from a backup: its mutation numbers were used before for
other changes, so the centre says so (409) and the desk registers again under a new id and sends
what it holds; nothing of it is lost, nothing is answered for the wrong change."""

from __future__ import annotations

import shutil

from sqlalchemy import select

from console.core.services.orders import OrderActions
from console.core.store.models import WorkOrder
from console.data_file import open_data_file
from console.sync import capture
from console.sync.client import CentreClient
from console.sync.replica import Replica
from console.sync.worker import SyncWorker
from tests.fixtures.centre import PASSWORD
from tests.fixtures.demo import DEMO_NOW


def test_a_restored_desk_registers_again_and_loses_nothing(centre, make_desk, tmp_path) -> None:
    _base, central, _url = centre
    desk = make_desk("a")
    backup = tmp_path / "a-backup.sqlite"
    with desk.database.engine.connect() as conn:  # the night's backup, before the day's work
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copy(desk.database.path, backup)
    with desk.database.reading() as s:
        first, second = s.scalars(select(WorkOrder).where(WorkOrder.region_id == desk.user.region_id,
                                                          WorkOrder.status == "new").order_by(WorkOrder.number)).all()[:2]
    OrderActions(desk.database, desk.user, lambda: DEMO_NOW).set_priority([first.id], 1)
    desk.worker.push_once()
    old_id = desk.worker.desk_id
    path = desk.database.path
    desk.database.close()
    shutil.copy(backup, path)  # the file is restored: its outbox numbering starts again where the backup was
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)

    database, _created = open_data_file(path)
    try:
        client = CentreClient(_base)
        client.login("wang.wei.central", PASSWORD)
        worker = SyncWorker(Replica(database), client)
        capture.install(database.sessions, worker.wake)
        OrderActions(database, desk.user, lambda: DEMO_NOW).set_priority([second.id], 2)  # the same number, another change
        assert worker.push_once()
        assert worker.desk_id != old_id and Replica(database).desk_id() == worker.desk_id
        assert Replica(database).counts().pending == 0
        with central.reading() as s:
            assert s.get(WorkOrder, first.id).priority == 1 and s.get(WorkOrder, second.id).priority == 2
    finally:
        database.close()
