"""The Shift handover tab on the demo file (offscreen, the GUI thread refused the database): the draft
for the shift under way with its sections, a line left out and a remark written before signing,
the last night's handover acknowledged from the banner, the past handovers searched by an order
number; a dispatcher reads but cannot sign; a desk user of every region picks the region."""

from __future__ import annotations

from PySide6.QtCore import Qt
from sqlalchemy import select

from console.core.store.models import Handover, User
from tests.fixtures.demo import DEMO_NOW, off_gui_thread
from tests.ui.helpers import open_window


def _read(qtbot, window):
    page = window.handover
    window.tabs.setCurrentWidget(page)
    qtbot.waitUntil(lambda: page.overview is not None and not page._reading, timeout=20_000)
    return page


def _handovers(demo_db, username: str | None = None) -> list[Handover]:
    def read():
        with demo_db.reading() as s:
            query = select(Handover).order_by(Handover.shift_start.desc())
            if username:
                query = query.join(User, User.id == Handover.signed_by).where(User.username == username)
            return list(s.scalars(query))
    return off_gui_thread(read)


def test_a_supervisor_signs_the_draft_with_a_line_left_out_and_acknowledges_the_night_before(qtbot, demo_db, tmp_path, request) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    request.getfixturevalue("gui_thread_guard")
    page = _read(qtbot, window)
    assert window.tabs.tabText(window.tabs.indexOf(page)) == "Shift handover" and page.region.isHidden()
    expected = off_gui_thread(lambda: page._handovers.overview(window._desk.user.region_id, DEMO_NOW))
    assert page.shift.text() == "Day shift 2026-11-22 08:00–20:00"
    heads = [page.draft.topLevelItem(n).text(0) for n in range(page.draft.topLevelItemCount())]
    assert heads == [f"{title} ({s.total})" for title, s in zip(
        ("Orders at risk", "Field exceptions waiting", "Long pauses to approve", "Alerts nobody acknowledged", "Callbacks due"),
        expected.draft.sections, strict=True)]
    at_risk = expected.draft.section("at_risk").items
    assert len(at_risk) >= 2 and page.draft.topLevelItem(0).child(0).text(0) == at_risk[0].number

    # the banner: last night's handover, signed by the night supervisor, waits for this one's acknowledgement
    assert page.banner.isVisible() and page.acknowledge_button.isVisible()
    night = expected.awaiting[0]
    assert night.signed_by in page.banner_text.text() and "Night shift 2026-11-21 20:00–08:00" in page.banner_text.text()
    page.set_line("at_risk", at_risk[0].order_id, kept=False)
    page.set_line("at_risk", at_risk[1].order_id, kept=True, remark="客户要求下午上门")
    page.notes.setPlainText("交班：两张单客户改约")
    page.acknowledge(night.id, "已阅，早班跟进")
    qtbot.waitUntil(lambda: page.banner.isHidden() and not page._reading, timeout=20_000)
    assert page.notes.toPlainText() == "交班：两张单客户改约"  # (what was written on the draft stays)
    assert page.draft.topLevelItem(0).child(0).checkState(0) == Qt.CheckState.Unchecked
    page.sign()
    qtbot.waitUntil(lambda: page.overview.signed is not None and page.signed.isVisible(), timeout=20_000)
    assert "signed by" in page.status.text() and page.notes.isReadOnly() and not page.sign_button.isEnabled()
    signed = _handovers(demo_db, "supervisor.central")[0]
    acknowledged = next(h for h in _handovers(demo_db) if h.id == night.id)
    at_risk_signed = next(s for s in signed.contents["sections"] if s["key"] == "at_risk")
    assert [r["order_id"] for r in at_risk_signed["removed"]] == [at_risk[0].order_id.hex]
    assert next(i for i in at_risk_signed["items"] if i["order_id"] == at_risk[1].order_id.hex)["remark"] == "客户要求下午上门"
    assert signed.notes == "交班：两张单客户改约" and signed.signed_at == DEMO_NOW
    assert (acknowledged.acknowledged_by, acknowledged.acknowledgement_note) == (window._desk.user.id, "已阅，早班跟进")

    # the past handovers: found by an order number, shown read-only
    page.tabs.setCurrentWidget(page.records)
    page.records.words.setText(at_risk[1].number)
    number = at_risk[1].number.lower()
    qtbot.waitUntil(lambda: page.records.records and all(number in r.words() for r in page.records.records), timeout=20_000)
    assert page.records.records[0].id == signed.id
    page.records.list.selectRow(0)
    contents = page.records.contents
    assert any(contents.item(n, 4).text() == "客户要求下午上门" for n in range(contents.rowCount()))
    assert contents.editTriggers() == contents.EditTrigger.NoEditTriggers


def test_a_dispatcher_reads_the_handover_but_cannot_sign_or_acknowledge(qtbot, demo_db, tmp_path, request) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "wang.wei.central", english=True)
    request.getfixturevalue("gui_thread_guard")
    page = _read(qtbot, window)
    assert page.draft.topLevelItemCount() == 5 and not page.sign_button.isEnabled() and page.notes.isReadOnly()
    assert page.banner.isVisible() and not page.acknowledge_button.isVisible()
    page.tabs.setCurrentWidget(page.records)
    qtbot.waitUntil(lambda: len(page.records.records) > 0 and not page.records._searching, timeout=20_000)
    assert {r.region_id for r in page.records.records} == {window._desk.user.region_id}


def test_a_desk_user_of_every_region_picks_the_region(qtbot, demo_db, tmp_path) -> None:
    window = open_window(qtbot, demo_db, tmp_path, "admin", english=True)
    page = _read(qtbot, window)
    assert page.region.isVisibleTo(page)
    assert [page.region.itemText(i) for i in range(page.region.count())] == ["Central", "North", "Pudong", "Southwest"]
    page.region.setCurrentIndex(2)
    qtbot.waitUntil(lambda: page.overview.draft.region_id == page.region.itemData(2) and not page._reading, timeout=20_000)


def test_the_status_bar_tells_the_incoming_supervisor_of_the_handover_to_acknowledge(qtbot, demo_db, tmp_path, request) -> None:
    dispatcher = open_window(qtbot, demo_db, tmp_path / "d", "wang.wei.central", english=True)
    assert getattr(dispatcher, "handover_notice", None) is None  # (a dispatcher does not acknowledge)
    window = open_window(qtbot, demo_db, tmp_path, "supervisor.central", english=True)
    request.getfixturevalue("gui_thread_guard")
    notice = window.handover_notice
    qtbot.waitUntil(lambda: notice.isVisibleTo(window), timeout=20_000)  # (the demo's last night handover waits)
    assert notice.text().startswith("⇄ Handover to acknowledge: Night shift")
    notice.click()
    assert window.tabs.currentWidget() is window.handover
    page = _read(qtbot, window)
    waiting = page.overview.awaiting[0]
    off_gui_thread(lambda: page._handovers.acknowledge(waiting.id, "接班，已阅"))
    notice.refresh()
    qtbot.waitUntil(lambda: not notice.isVisibleTo(window), timeout=20_000)
