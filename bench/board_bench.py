"""The schedule board with 200 technicians x 7 days x 5,000 appointments: pan, scroll and zoom frames.

Run: QT_QPA_PLATFORM=offscreen .venv/bin/python bench/board_bench.py [--technicians 200 --visits 5000 --frames 50] [--profile]
The week is synthetic and deterministic (seeded): four regions of five teams, one 08:30-17:30
shift a day with a 12:00-13:00 break per technician, visits laid out along each technician's
day (a few overbooked, so lanes are used), one or two orders per visit with SLA deadlines around
"now" (Wednesday 10:00), so every band shows. The board is fed as PlanningPage._on_loaded feeds
it (board_layout with utilisation, then ScheduleBoard.show_layout and show_days) and shown offscreen at
1400x800; bars carry their labels (order number, customer) and pinned marks, rows their utilisation.
A frame is one view change, then events processed until the board has painted (counted on the
visit layer) and once more, so a repaint that the paint itself causes is part of the frame: the
time covers pyqtgraph's range update, the axes and all painting. Frames (22 rows in view):
panning a working day by an hour a step, scrolling the rows by three (one wheel notch), zooming
through 1 hour / day / 3 days / week with the board's own spans, scrolling the week view. The
whole board (all 220 rows, all week, as the right-button zoom reaches it) is reported apart.
Baseline in the same run: the week-view scroll with every rectangle painted (the layers' culling
to the view switched off in this process only). --profile prints cProfile of the week frames.
Prints one line per figure, then one JSON line of figures with the target beside each.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import random
import statistics
import sys
import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PySide6.QtCore import qInstallMessageHandler  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from console.core.domain.booking_rules import Travel  # noqa: E402
from console.core.domain.calendar import BusinessCalendar  # noqa: E402
from console.core.domain.enums import AppointmentStatus, Band, CustomerLevel, OrderKind, OrderStatus  # noqa: E402
from console.core.domain.sla import SlaParameters  # noqa: E402
from console.core.domain.sla_clock import SlaClock, SlaTimes, band_at  # noqa: E402
from console.core.store.planning_query import PlanData, PlanOrder, PlanShift, PlanTechnician, PlanVisit  # noqa: E402
from console.ui import board_items  # noqa: E402
from console.ui.board_layout import BoardLayout, board_layout  # noqa: E402
from console.ui.schedule_board import ScheduleBoard  # noqa: E402

ZONE = ZoneInfo("Asia/Shanghai")
WEEK = datetime(2026, 11, 23, tzinfo=ZONE)  # a Monday, 00:00 in Shanghai
NOW = WEEK + timedelta(days=2, hours=10)
CENTRE = (31.2, 121.5)
REGIONS = (("浦东", "Pudong"), ("闵行", "Minhang"), ("徐汇", "Xuhui"), ("静安", "Jing'an"))
TEAMS = ("装维一组", "装维二组", "装维三组", "政企组", "抢修组")
SKILLS = ("fault_repair", "installation", "survey", "data_config", "fiber_splicing", "wireless_check")
SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗"
GIVEN = "伟芳娜敏静强磊军洋勇艳杰涛明超秀霞平刚桂"
TARGET_FRAME_MS = 50
HOUR = 3600
BAND_ORDER = list(Band)  # as planning_page.py ranks them


def week(technicians: int = 200, visits: int = 5000, seed: int = 2026) -> PlanData:
    """The benchmark week: technicians ordered by region, team and name, as plan_data returns them."""
    rng = random.Random(seed)
    techs = []
    for t in range(technicians):
        region, region_en = REGIONS[t % len(REGIONS)]
        home = (CENTRE[0] + rng.uniform(-0.15, 0.15), CENTRE[1] + rng.uniform(-0.15, 0.15))
        techs.append(PlanTechnician(uuid.UUID(int=rng.getrandbits(128)), f"{rng.choice(SURNAMES)}{rng.choice(GIVEN)}{t:03d}",
                                    TEAMS[(t // len(REGIONS)) % len(TEAMS)], uuid.UUID(int=REGIONS.index((region, region_en)) + 1),
                                    region, region_en, frozenset(rng.sample(SKILLS, rng.randint(2, 4))), True, home))
    techs.sort(key=lambda t: (t.region_id, t.team, t.name))
    shifts, days = [], []
    for day in range(7):
        base = WEEK + timedelta(days=day)
        for tech in techs:
            shifts.append(PlanShift(tech.id, base + timedelta(hours=8.5), base + timedelta(hours=17.5),
                                    base + timedelta(hours=12), base + timedelta(hours=13)))
            days.append((tech, base))
    per_day: dict[int, int] = {}
    for _ in range(visits):
        k = rng.randrange(len(days))
        per_day[k] = per_day.get(k, 0) + 1
    out, orders, number = [], {}, 0
    for k, count in sorted(per_day.items()):
        tech, base = days[k]
        at = base + timedelta(hours=8.5, minutes=rng.choice((0, 15, 30)))
        for _ in range(count):
            minutes = rng.choice((30, 45, 60, 60, 90, 120))
            if base + timedelta(hours=12) < at + timedelta(minutes=minutes) and at < base + timedelta(hours=13):
                at = base + timedelta(hours=13)  # after the break
            start = at - timedelta(minutes=30) if out and rng.random() < 0.03 else at  # now and then overbooked
            position = (tech.home[0] + rng.gauss(0, 0.03), tech.home[1] + rng.gauss(0, 0.03))
            ids = []
            for _ in range(2 if rng.random() < 0.05 else 1):
                number += 1
                kind = rng.choice(list(OrderKind))
                due = NOW + timedelta(hours=rng.uniform(-12, 96))
                limit = timedelta(hours=48)
                sla = SlaClock(SlaTimes(due, due - limit * 0.5, due - limit * 0.2, limit, False))
                order = PlanOrder(uuid.UUID(int=rng.getrandbits(128)), f"{kind.code}2026112{number:05d}", kind, OrderStatus.DISPATCHED,
                                  rng.choice(list(CustomerLevel)), f"客户{number % 900:03d}有限公司", uuid.UUID(int=number), f"站点{number}",
                                  f"上海市{tech.region}区{number}号", position, tech.region_id, frozenset(), 0, tech.id, sla, 1, None)
                orders[order.id] = order
                ids.append(order.id)
            status = AppointmentStatus.KEPT if start < NOW - timedelta(hours=2) else rng.choice(
                (AppointmentStatus.PROPOSED, AppointmentStatus.CONFIRMED, AppointmentStatus.CONFIRMED, AppointmentStatus.RECONFIRMED))
            window = start.replace(minute=0) - timedelta(hours=1)
            out.append(PlanVisit(uuid.UUID(int=rng.getrandbits(128)), tech.id, start.astimezone(UTC), minutes, window.astimezone(UTC),
                                 (window + timedelta(hours=rng.choice((2, 3, 4)))).astimezone(UTC), status, rng.random() < 0.05,
                                 uuid.UUID(int=number), position, tuple(sorted(ids)), 1))
            at = start + timedelta(minutes=minutes + rng.choice((15, 20, 30, 40)))
    out.sort(key=lambda v: (v.start, str(v.id)))
    return PlanData(WEEK.astimezone(UTC), (WEEK + timedelta(days=7)).astimezone(UTC), tuple(techs), tuple(shifts), tuple(out),
                    orders, ())


class Frames:
    """Times view changes of `board`, each until the visit layer has painted once."""

    def __init__(self, app: QApplication, board: ScheduleBoard):
        self.app, self.board, self.paints = app, board, 0
        layer = board.visits
        paint = type(layer).paint

        def counted(painter, *args):
            self.paints += 1
            paint(layer, painter, *args)

        layer.paint = counted

    def frame(self, change) -> float:
        seen = self.paints
        started = time.perf_counter()
        change()
        while self.paints == seen:
            self.app.processEvents()
            if time.perf_counter() - started > 10:
                raise TimeoutError("the board did not repaint")
        self.app.processEvents()  # whatever the paint left behind belongs to the frame too
        return time.perf_counter() - started

    def run(self, changes) -> list[float]:
        return [self.frame(change) for change in changes]


def quiet_offscreen(_mode, _context, message: str) -> None:
    """Qt's messages, less the offscreen platform's note on every window shown."""
    if "propagateSizeHints" not in message:
        print(message, file=sys.stderr)


def ms(seconds: float) -> float:
    return round(seconds * 1000, 2)


def p95(values: list[float]) -> float:
    return float(np.percentile(values, 95))


def without_culling(paint):
    """RectLayer.paint drawing every rectangle of its layer (the baseline); the visit layer's
    text still goes to the bars in view only, so only the rectangles differ."""

    def unculled(self, painter, *args) -> None:
        self.visible = lambda: np.arange(len(self.bars))
        try:
            paint(self, painter, *args)
        finally:
            del self.visible

    return unculled


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--technicians", type=int, default=200)
    parser.add_argument("--visits", type=int, default=5000)
    parser.add_argument("--frames", type=int, default=50)
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile of the week-view frames")
    return parser.parse_args()


def make_week(technicians: int, visits: int) -> PlanData:
    """The synthetic week, timed and described."""
    started = time.perf_counter()
    data = week(technicians, visits)
    generated = time.perf_counter() - started
    print(f"synthetic week: {len(data.technicians)} technicians, {len(data.shifts):,} shifts, {len(data.visits):,} visits, "
          f"{len(data.orders):,} orders ({ms(generated)} ms to make)")
    return data


def group_label(tech: PlanTechnician) -> str:  # PlanningPage._group_label, in English
    return f"{tech.region_en} · {tech.team}" if tech.team else tech.region_en


def band_of(data: PlanData, calendar: BusinessCalendar, params: SlaParameters):
    """PlanningPage._band for the orders of `data` at NOW."""

    def band(visit: PlanVisit) -> Band:
        bands = [band_at(o.sla, calendar, params, NOW) for oid in visit.order_ids
                 if (o := data.orders.get(oid)) is not None and o.sla is not None]
        return max(bands, key=BAND_ORDER.index) if bands else Band.GREEN

    return band


def open_board(app: QApplication) -> tuple[ScheduleBoard, Frames]:
    """The board shown offscreen at 1400x800 on NOW's day, before any data, and its frame timer."""
    board = ScheduleBoard(ZONE)
    board.resize(1400, 800)
    board.show()
    board.show_days(NOW, 1)  # PlanningPage.load: the day first, then the data
    app.processEvents()
    return board, Frames(app, board)


@dataclass
class Loaded:
    layout: BoardLayout
    layout_time: float
    first_frame: float
    reload_time: float

    @property
    def rows(self) -> int:
        return len(self.layout.rows)


def measure_load(board: ScheduleBoard, frames: Frames, data: PlanData) -> Loaded:
    """board_layout alone, the first frame that shows it, and a whole reload (best of 3)."""
    band, travel = band_of(data, BusinessCalendar(), SlaParameters()), Travel()

    def load() -> None:
        layout = board_layout(data, group_label, band, travel, ZONE)
        board.show_layout(layout, NOW, keep_view=False)
        board.show_days(board.span_shown()[0], board.span.currentData())

    started = time.perf_counter()
    layout = board_layout(data, group_label, band, travel, ZONE)
    layout_time = time.perf_counter() - started
    first_frame = frames.frame(lambda: (board.show_layout(layout, NOW, keep_view=False),
                                        board.show_days(board.span_shown()[0], board.span.currentData())))
    print(f"layout (board_layout): {ms(layout_time)} ms for {len(layout.rows)} rows, {len(layout.visits):,} bars, "
          f"{len(layout.travel):,} travel legs, {len(layout.shifts):,} shifts")
    print(f"first frame (show_layout + show_days + paint): {ms(first_frame)} ms")
    reload_time = min(frames.run([load] * 3))
    print(f"reload (board_layout + show_layout + paint), best of 3: {ms(reload_time)} ms")
    return Loaded(layout, layout_time, first_frame, reload_time)


def measure_pan(app: QApplication, board: ScheduleBoard, frames: Frames, n: int) -> list[float]:
    """Panning NOW's working day (22 rows in view) by an hour a step."""
    vb = board.viewbox
    day0 = NOW.replace(hour=0).timestamp()

    def pan_to(k: int):
        x = day0 + 7 * HOUR + (k % 8) * HOUR  # an hour a step, through the working day and back
        return lambda: vb.setXRange(x, x + 13 * HOUR, padding=0)

    board.show_days(NOW, 1)
    vb.setYRange(0, 22, padding=0)
    app.processEvents()
    pan = frames.run([pan_to(k + 1) for k in range(n)])
    print(f"pan frame (working day, 22 rows, an hour a step): median {ms(statistics.median(pan))} ms, p95 {ms(p95(pan))} ms, "
          f"max {ms(max(pan))} ms over {n}")
    return pan


def measure_scroll(board: ScheduleBoard, frames: Frames, n: int) -> list[float]:
    """Scrolling the rows three at a time (one wheel notch), where the pan left the view."""
    vb = board.viewbox

    def scroll(k: int):
        rows_step = 3 if (k // 20) % 2 == 0 else -3  # down twenty notches, then back up
        return lambda: vb.translateBy(y=rows_step)

    scrolls = frames.run([scroll(k) for k in range(n)])
    print(f"scroll frame (three rows a notch): median {ms(statistics.median(scrolls))} ms, p95 {ms(p95(scrolls))} ms, "
          f"max {ms(max(scrolls))} ms over {n}")
    return scrolls


def measure_zoom(board: ScheduleBoard, frames: Frames, n: int) -> tuple[list[float], dict[str, list[float]]]:
    """Zooming through 1 hour / day / 3 days / week and back: (every frame, the frames by span reached)."""
    vb = board.viewbox

    def hour() -> None:
        x = NOW.timestamp()
        vb.setXRange(x, x + HOUR, padding=0)

    zooms_by_span = {"hour": [], "day": [], "3 days": [], "week": []}
    steps = [("hour", hour), ("day", lambda: board.show_days(NOW, 1)), ("3 days", lambda: board.show_days(WEEK, 3)),
             ("week", lambda: board.show_days(WEEK, 7))]
    vb.setYRange(0, 22, padding=0)
    zoom = []
    bounce = steps + steps[-2:0:-1]  # hour, day, 3 days, week, 3 days, day, hour, ...
    for k in range(n):
        name, change = bounce[k % len(bounce)]
        zoom.append(frames.frame(change))
        zooms_by_span[name].append(zoom[-1])
    print(f"zoom frame (hour / day / 3 days / week and back): median {ms(statistics.median(zoom))} ms, p95 {ms(p95(zoom))} ms, "
          f"max {ms(max(zoom))} ms over {n}")
    print("   by span reached: " + ", ".join(f"{name} {ms(statistics.median(t))} ms" for name, t in zooms_by_span.items()))
    return zoom, zooms_by_span


def measure_week_scroll(app: QApplication, board: ScheduleBoard, frames: Frames, n: int,
                        profile: cProfile.Profile | None) -> tuple[list[float], list[float]]:
    """Scrolling the week view, culled frames alternating with unculled ones (the baseline):
    (culled frames, baseline frames). Only the culled frames go into `profile`."""
    vb = board.viewbox
    board.show_days(WEEK, 7)
    vb.setYRange(0, 22, padding=0)
    app.processEvents()

    def week_scroll(k: int):  # two frames a step (culled, then not): down ten steps, then back up
        rows_step = 3 if (k // 10) % 2 == 0 else -3
        return lambda: vb.translateBy(y=rows_step)

    # Culled and unculled frames alternate, so a load that comes and goes weighs on both alike.
    culled_paint = board_items.RectLayer.paint
    week_frames, baseline = [], []
    for k in range(n):
        if profile:
            profile.enable()
        week_frames.append(frames.frame(week_scroll(k)))
        if profile:
            profile.disable()
        board_items.RectLayer.paint = without_culling(culled_paint)
        try:
            baseline.append(frames.frame(week_scroll(k)))
        finally:
            board_items.RectLayer.paint = culled_paint
    return week_frames, baseline


def measure_whole_board(board: ScheduleBoard, frames: Frames, data: PlanData, rows: int, n: int) -> list[float]:
    """The whole board (every row, all week, as the right-button zoom reaches it) in view."""
    vb = board.viewbox

    def whole(k: int):
        return lambda: vb.setRange(xRange=(data.start.timestamp(), data.end.timestamp()), yRange=(0, rows - (k % 2) * 4), padding=0)

    whole_frames = frames.run([whole(k) for k in range(n)])
    print(f"whole board frame ({rows} rows x 7 days, every bar in view): median {ms(statistics.median(whole_frames))} ms, "
          f"p95 {ms(p95(whole_frames))} ms")
    return whole_frames


@dataclass
class Measured:
    loaded: Loaded
    pan: list[float]
    scrolls: list[float]
    zoom: list[float]
    zooms_by_span: dict[str, list[float]]
    week_frames: list[float]
    baseline: list[float]
    whole_frames: list[float]

    @property
    def culling_ratio(self) -> float:
        return statistics.median(self.baseline) / statistics.median(self.week_frames)

    @property
    def reload_in_pan_frames(self) -> float:
        return self.loaded.reload_time / statistics.median(self.pan)


def print_week_scroll(m: Measured) -> None:
    week_frames, baseline = m.week_frames, m.baseline
    print(f"week view scroll frame (22 rows x 7 days): median {ms(statistics.median(week_frames))} ms, p95 {ms(p95(week_frames))} ms")
    print(f"baseline, the same with every rectangle painted: median {ms(statistics.median(baseline))} ms, "
          f"p95 {ms(p95(baseline))} ms (culling {m.culling_ratio:.1f}x faster); a reload costs {m.reload_in_pan_frames:.1f} pan frames")


def figures_json(data: PlanData, board: ScheduleBoard, n: int, m: Measured) -> dict:
    """The figures, with the target beside them, as the JSON line prints them."""
    loaded, pan, scrolls, zoom, week_frames, whole_frames = m.loaded, m.pan, m.scrolls, m.zoom, m.week_frames, m.whole_frames
    interactive = (pan, scrolls, zoom, week_frames)
    return {
        "bench": "board_200x7x5000",
        "technicians": len(data.technicians), "rows": loaded.rows, "visits": len(loaded.layout.visits), "days": 7, "frames": n,
        "viewport_px": [board.plot.viewport().width(), board.plot.viewport().height()],
        "layout_ms": ms(loaded.layout_time), "first_frame_ms": ms(loaded.first_frame), "reload_ms": ms(loaded.reload_time),
        "pan_frame_ms_median": ms(statistics.median(pan)), "pan_frame_ms_p95": ms(p95(pan)),
        "scroll_frame_ms_median": ms(statistics.median(scrolls)), "scroll_frame_ms_p95": ms(p95(scrolls)),
        "zoom_frame_ms_median": ms(statistics.median(zoom)), "zoom_frame_ms_p95": ms(p95(zoom)),
        "zoom_frame_ms_median_by_span": {name: ms(statistics.median(t)) for name, t in m.zooms_by_span.items()},
        "week_scroll_frame_ms_median": ms(statistics.median(week_frames)), "week_scroll_frame_ms_p95": ms(p95(week_frames)),
        "whole_board_frame_ms_median": ms(statistics.median(whole_frames)), "whole_board_frame_ms_p95": ms(p95(whole_frames)),
        "target_frame_ms": TARGET_FRAME_MS,
        "frame_ok": max(p95(t) for t in interactive) * 1000 < TARGET_FRAME_MS,
        "whole_board_ok": p95(whole_frames) * 1000 < TARGET_FRAME_MS,
        "unculled_week_scroll_baseline_ms_median": ms(statistics.median(m.baseline)),
        "frame_ratio_vs_unculled": round(m.culling_ratio, 1),
        "reload_ratio_vs_pan_frame": round(m.reload_in_pan_frames, 1),
    }


def main() -> None:
    args = parse_args()
    qInstallMessageHandler(quiet_offscreen)
    app = QApplication.instance() or QApplication([])
    data = make_week(args.technicians, args.visits)
    board, frames = open_board(app)
    n = args.frames
    loaded = measure_load(board, frames, data)
    pan = measure_pan(app, board, frames, n)
    scrolls = measure_scroll(board, frames, n)
    zoom, zooms_by_span = measure_zoom(board, frames, n)
    profile = cProfile.Profile() if args.profile else None
    week_frames, baseline = measure_week_scroll(app, board, frames, n, profile)
    measured = Measured(loaded, pan, scrolls, zoom, zooms_by_span, week_frames, baseline, whole_frames=[])
    print_week_scroll(measured)
    measured.whole_frames = measure_whole_board(board, frames, data, loaded.rows, n)
    if profile:
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    print(json.dumps(figures_json(data, board, n, measured), ensure_ascii=False))
    board.close()

if __name__ == "__main__":
    main()
