"""A console's field view live on a centre: a technician reports from the field (their account,
over HTTP), the desk's sync worker pulls it, the change bus tells the view, and each tab shows the
row without anyone asking."""

from __future__ import annotations

from PySide6.QtCore import Qt

from console.core.domain.enums import OrderKind, OrderStatus
from console.core.store.models import Site
from console.sync.conflicts import Conflicts
from console.ui.sync_status import DeskSync, SyncBridge
from tests.fixtures.centre import auth, login
from tests.sync.field_helpers import an_assigned_order, at, post, technician_headers
from tests.ui.helpers import FakeClock, desk_window


def test_each_tab_of_a_synced_console_shows_the_fields_reports_live(qtbot, centre, make_desk, tmp_path) -> None:
    base, central, _url = centre
    clock, bridge = FakeClock(), SyncBridge()
    desk = make_desk("a", "supervisor.central", start=True, on_status=bridge.report_status, on_changes=bridge.report_changes)
    window = desk_window(desk.database, desk.user, clock, english=True, views_file=tmp_path / "views.json")
    window.attach_sync(DeskSync(desk.worker, Conflicts(desk.database, desk.user, clock, desk.worker.desk_id), bridge))
    qtbot.addWidget(window)
    window.show()
    window.refresh()
    window.field_dock.show()
    panel = window.field
    order = (an_assigned_order(central, desk.user.region_id, OrderStatus.DISPATCHED, kind=OrderKind.PROVISIONING)
             or an_assigned_order(central, desk.user.region_id, OrderStatus.DISPATCHED))
    other = an_assigned_order(central, desk.user.region_id, OrderStatus.DISPATCHED, not_in=(order.id,))
    headers, other_headers = technician_headers(base, central, order.assignee_id), technician_headers(base, central, other.assignee_id)
    with central.reading() as s:
        site = s.get(Site, order.site_id)

    def shows(tab: int, found) -> bool:
        panel.tabs.setCurrentIndex(tab)
        return any(found(row) for row in panel.models[tab].rows)

    post(base, other_headers, f"/field/orders/{other.id}/exception", {"kind": "fiber_port_taken", "note": "端口占用", "at": at(3)})
    qtbot.waitUntil(lambda: shows(panel.EXCEPTIONS, lambda r: r.order_id == other.id and r.reissued_number), timeout=20_000)
    post(base, headers, f"/field/orders/{order.id}/check-in", {"latitude": site.latitude + 0.01, "longitude": site.longitude, "at": at(30)})
    qtbot.waitUntil(lambda: shows(panel.CHECK_INS, lambda r: r.order_id == order.id and r.off_site), timeout=20_000)
    model = panel.models[panel.CHECK_INS]
    row = next(n for n, r in enumerate(model.rows) if r.order_id == order.id)
    assert model.index(row, model.DISTANCE).data(Qt.ItemDataRole.ForegroundRole).name() == "#b91c1c"  # flagged in colour
    post(base, headers, f"/field/orders/{order.id}/test-result", {"at": at(20), "results": {"ping_ms": 2.5}})
    post(base, headers, f"/field/orders/{order.id}/delivery-report", {"at": at(10), "results": {"report_no": "DR-LIVE"}})
    post(base, headers, f"/field/orders/{order.id}/signature", {"channel": "sms_link", "at": at(5)})
    qtbot.waitUntil(lambda: shows(panel.DELIVERY, lambda r: r.order_id == order.id and r.signature == "sms_link"), timeout=20_000)
    admin = auth(login(base, "admin").json()["token"])
    post(base, admin, f"/surveys/{order.id}", {"respondent": "account_manager", "rating": "very_satisfied", "at": at(1)})
    qtbot.waitUntil(lambda: shows(panel.SURVEYS, lambda r: r.order_id == order.id), timeout=20_000)
