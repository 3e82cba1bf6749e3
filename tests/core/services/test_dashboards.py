"""Each dashboard figure against orders built by hand (tests/core/services/dashboard_cases.py):
the counts and rates exactly, the orders behind each, and a region's figures holding none of
another region's orders."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select

from console.core.domain.enums import Band, CustomerLevel
from console.core.services.dashboard_figures import Period, order_ids
from console.core.services.dashboards import PAUSED, DashboardError, Dashboards, period_span
from console.core.store.models import RuleParameter
from tests.core.services.dashboard_cases import NOW, SH, Centre, at, build


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Centre:
    built = build(tmp_path_factory.mktemp("dashboards") / "desk.sqlite")
    yield built
    built.database.close()


@pytest.fixture(scope="module")
def day(centre: Centre):
    """Region one's figures for Monday 23 Nov 2026 at 14:00."""
    return Dashboards(centre.database).compute(centre.r1, Period.DAY, NOW)


def ids(raw) -> frozenset:
    return order_ids(raw)


def test_the_periods_are_the_shift_day_week_and_month_under_way_in_the_desks_zone() -> None:
    assert period_span(Period.SHIFT, NOW, SH) == (at(8), at(20))
    assert period_span(Period.SHIFT, at(21), SH) == (at(20), at(8, day=24))
    assert period_span(Period.SHIFT, at(3), SH) == (at(20, day=22), at(8))
    assert period_span(Period.SHIFT, NOW, SH, (7, 19)) == (at(7), at(19))  # the rule parameters dashboard.*_shift_starts
    assert period_span(Period.DAY, NOW, SH) == (at(0), at(0, day=24))
    assert period_span(Period.WEEK, NOW, SH) == (at(0), at(0, day=30))  # Monday 23rd to Monday 30th
    assert period_span(Period.MONTH, NOW, SH) == (at(0, day=1), at(0, day=1, month=12))


def test_bands_over_time_count_the_orders_open_at_each_hours_end_from_their_cached_instants(centre, day) -> None:
    bands = day.sla.bands
    assert bands.hourly and len(bands.starts) == 14  # 00:00 to 14:00 local, hour by hour
    assert datetime.fromtimestamp(bands.ends[-1], UTC) == NOW
    last = {key: int(series[-1]) for key, series in bands.counts.items()}
    assert last == {"green": 1, "amber": 0, "red": 1, "breached": 2, PAUSED: 1}  # O1; O5; O2, O8; O6
    eleven = 10  # the hour ending at 11:00
    assert datetime.fromtimestamp(bands.ends[eleven], UTC) == at(11)
    assert {key: int(series[eleven]) for key, series in bands.counts.items()} == {
        "green": 3, "amber": 1, "red": 1, "breached": 1, PAUSED: 1}  # O1, O9, O11; O4; O2 (red from 11:00); O8; O6
    drill = day.band_orders
    assert ids(drill.orders(eleven, Band.RED.value)) == centre.ids("O2")
    assert ids(drill.orders(eleven, Band.GREEN.value)) == centre.ids("O1", "O9", "O11")
    assert ids(drill.orders(13, PAUSED)) == centre.ids("O6")
    assert ids(drill.orders(0, Band.BREACHED.value)) == centre.ids("O8")  # only the order due yesterday, at 01:00


def test_breaches_count_the_orders_due_in_the_period_and_finished_late_or_not_at_all(centre, day) -> None:
    sla = day.sla
    assert sla.breached == 2  # O2 open past due, O3 resolved an hour late; not O4 (in time), O6 (paused first), O8 (due yesterday)
    assert [(b.key, b.count) for b in sla.by_kind] == [("provisioning", 1), ("complaint", 1)]
    assert [(b.key, b.count) for b in sla.by_level] == [("diamond", 1), ("silver", 1)]
    assert [(b.label, b.label_en, b.count) for b in sla.by_district] == [("黄浦区", "Huangpu", 2)]
    assert [(b.key, b.count) for b in sla.by_stage] == [("total", 1), ("feedback", 1)]
    assert ids(sla.by_kind[1].orders) == centre.ids("O2") and ids(sla.by_district[0].orders) == centre.ids("O2", "O3")


def test_the_next_hours_breaches_are_the_open_unpaused_orders_due_within_it(centre, day) -> None:
    assert [(r.order_id, r.kind, r.due_at) for r in day.sla.next_hour] == [(centre.orders["O5"], "complaint", at(14.5))]
    assert ids(day.sla.next_hour_orders) == centre.ids("O5")
    assert day.sla.next_hour[0].customer == "客户a3" and day.sla.next_hour[0].number.startswith("CP20261123")


def test_load_counts_open_orders_booked_hours_and_utilisation_per_technician_and_team(centre, day) -> None:
    load = {t.name: t for t in day.load.technicians}
    assert set(load) == {"T1", "T2", "T4"}  # region one's technicians only
    t1, t2, t4 = load["T1"], load["T2"], load["T4"]
    assert (t1.open_orders, t1.booked_hours, t1.shift_hours) == (2, 3.5, 8.0)  # O1, O2; 60+60+30+60 min (not the cancelled)
    assert t1.utilisation == pytest.approx(3.5 / 8) and not (t1.idle or t1.overbooked)
    assert ids(t1.orders) == centre.ids("O1", "O2")
    assert (t2.booked_hours, t2.shift_hours, t2.utilisation, t2.overbooked) == (1.0, 0.5, 2.0, True)
    assert (t4.booked_hours, t4.shift_hours, t4.utilisation, t4.idle) == (0.0, 8.0, 0.0, True)
    assert [t.name for t in day.load.idle] == ["T4"] and [t.name for t in day.load.overbooked] == ["T2"]
    teams = {t.team: t for t in day.load.teams}
    assert (teams["A"].technicians, teams["A"].open_orders, teams["A"].booked_hours, teams["A"].shift_hours) == (2, 2, 4.5, 8.5)
    assert teams["A"].utilisation == pytest.approx(4.5 / 8.5) and teams["B"].open_orders == 0


def test_field_figures_punctuality_check_ins_exceptions_first_visits_and_same_day_returns(centre, day) -> None:
    f = day.field
    assert (f.punctuality.hits, f.punctuality.total) == (3, 4)  # visits due by 14:00: kept O3, O4's second, O9; missed O4's first
    assert ids(f.punctuality.miss_orders) == centre.ids("O4") and ids(f.punctuality.hit_orders) == centre.ids("O3", "O4", "O9")
    assert (f.off_site.hits, f.off_site.total) == (1, 3) and ids(f.off_site.hit_orders) == centre.ids("O4")
    assert (f.exceptions.hits, f.exceptions.total) == (1, 4) and ids(f.exceptions.hit_orders) == centre.ids("O10")
    assert f.reissue_minutes == [3.0] and f.median_reissue == 3.0
    assert (f.first_visit.hits, f.first_visit.total) == (1, 3)  # O3; not O4 (two visits) nor O9 (a re-issue); O11 had no visit
    assert ids(f.first_visit.miss_orders) == centre.ids("O4", "O9")
    assert (f.same_day_return.hits, f.same_day_return.total) == (2, 4)  # O3, O9; O4 returned the next day, O11 not yet
    assert ids(f.same_day_return.miss_orders) == centre.ids("O4", "O11")


def test_each_teams_field_figures_count_its_technicians_visits_check_ins_exceptions_and_orders(centre, day) -> None:
    teams = {t.team: t for t in day.field.teams}
    a, b = teams["A"], teams["B"]  # A: T1 and T2; B: T4 (T3 is region two's)
    assert (a.punctuality.hits, a.punctuality.total) == (3, 4) and ids(a.punctuality.miss_orders) == centre.ids("O4")
    assert (a.off_site.hits, a.off_site.total) == (1, 3) and (a.exceptions.hits, a.exceptions.total) == (1, 4)
    assert (a.first_visit.hits, a.first_visit.total) == (1, 3)  # O3 (T1); not O4 (T1, two visits) nor O9 (T2, a re-issue)
    assert (a.same_day_return.hits, a.same_day_return.total) == (2, 3) and ids(a.same_day_return.miss_orders) == centre.ids("O4")
    assert (b.punctuality.total, b.off_site.total, b.exceptions.total, b.first_visit.total) == (0, 0, 0, 0)
    assert (b.same_day_return.hits, b.same_day_return.total) == (0, 1) and ids(b.same_day_return.miss_orders) == centre.ids("O11")
    assert b.punctuality.rate is None


def test_satisfaction_is_the_very_satisfied_share_per_month_over_twelve_months(centre, day) -> None:
    months = day.satisfaction.months
    assert [m.month for m in months] == [date(2025, 12, 1)] + [date(2026, m, 1) for m in range(1, 12)]
    rates = {m.month: (m.very_satisfied, m.answers) for m in months if m.answers}
    assert rates == {date(2025, 12, 1): (1, 1), date(2026, 10, 1): (1, 2), date(2026, 11, 1): (1, 2)}
    assert (months[-1].start, months[-1].end) == (at(0, day=1), NOW)  # this month up to now
    assert ids(Dashboards(centre.database).survey_orders(centre.r1, months[-1].start, months[-1].end)) == centre.ids("O3", "O4")
    assert [(d.order_id, d.respondent) for d in day.satisfaction.dissatisfied] == [(centre.orders["O4"], "customer")]


def test_customer_levels_are_flagged_over_their_quota(centre, day) -> None:
    (one,) = day.levels.regions
    assert (one.customers, one.diamond, one.silver, one.diamond_over, one.silver_over) == (10, 2, 2, True, False)
    dashboards = Dashboards(centre.database)
    assert ids(dashboards.level_orders(centre.r1, CustomerLevel.DIAMOND)) == centre.ids("O2")  # open, not yet resolved
    assert ids(dashboards.level_orders(centre.r1, CustomerLevel.SILVER)) == centre.ids("O5")  # not O3, resolved
    assert (day.levels.diamond_max, day.levels.silver_max) == (0.10, 0.20)


def test_every_region_together_and_the_other_region_alone(centre) -> None:
    dashboards = Dashboards(centre.database)
    whole = dashboards.compute(None, Period.DAY, NOW)
    assert whole.sla.breached == 3 and ids(whole.sla.by_kind[0].orders) >= centre.ids("O7")
    assert [r.name_en for r in whole.levels.regions] == ["One", "Two"]
    assert (whole.field.off_site.hits, whole.field.off_site.total) == (2, 4)
    assert [d.order_id for d in whole.satisfaction.dissatisfied] == [centre.orders["O4"], centre.orders["O7"]]
    two = dashboards.compute(centre.r2, Period.DAY, NOW)
    assert two.sla.breached == 1 and ids(two.sla.by_kind[0].orders) == centre.ids("O7")
    assert [t.name for t in two.load.technicians] == ["T3"] and (two.field.punctuality.hits, two.field.punctuality.total) == (0, 1)
    assert [(r.name_en, r.customers, r.silver, r.silver_over) for r in two.levels.regions] == [("Two", 5, 1, False)]
    mine = set(centre.orders.values()) - centre.ids("O7")
    every = [b.orders for b in (*two.sla.by_kind, *two.sla.by_level, *two.sla.by_district)] + [
        two.field.off_site.hit_orders, two.field.punctuality.miss_orders, two.satisfaction.dissatisfied_orders]
    assert not any(ids(o) & mine for o in every)


def test_a_week_is_counted_by_day_with_the_calendars_working_days(centre) -> None:
    week = Dashboards(centre.database).compute(centre.r1, Period.WEEK, NOW)
    bands = week.sla.bands
    assert not bands.hourly and len(bands.starts) == 1 and bands.working.tolist() == [True]  # Monday, up to now
    assert {key: int(series[-1]) for key, series in bands.counts.items()} == {"green": 1, "amber": 0, "red": 1, "breached": 2, PAUSED: 1}
    month = Dashboards(centre.database).compute(centre.r1, Period.MONTH, NOW)
    working = dict(zip([datetime.fromtimestamp(s, UTC).astimezone(SH).day for s in month.sla.bands.starts],
                       month.sla.bands.working.tolist(), strict=True))
    assert len(working) == 23 and working[21] is False and working[22] is False and working[23] is True  # a weekend, then Monday
    assert month.sla.breached == 3  # O8, due on the 22nd, too


def test_an_unusable_rule_parameter_is_named(tmp_path) -> None:
    centre = build(tmp_path / "desk.sqlite")
    def set_value(key: str, value) -> None:
        with centre.database.unit_of_work() as s:
            row = s.scalars(select(RuleParameter).where(RuleParameter.key == key)).one_or_none()
            if row is None:
                s.add(RuleParameter(key=key, value={"value": value}, description=""))
            else:
                row.value = {"value": value}

    set_value("quota.diamond_max_share", "ten percent")
    with pytest.raises(DashboardError, match="quota.diamond_max_share must be a number, not 'ten percent'"):
        Dashboards(centre.database).compute(centre.r1, Period.DAY, NOW)
    set_value("quota.diamond_max_share", "0.1")
    set_value("dashboard.night_shift_starts", 6)
    with pytest.raises(DashboardError, match="day shift's first"):
        Dashboards(centre.database).compute(centre.r1, Period.SHIFT, NOW)
    centre.database.close()


def test_a_region_with_nothing_in_it_gives_empty_figures_not_an_error(centre) -> None:
    empty = Dashboards(centre.database).compute(uuid.uuid4(), Period.WEEK, NOW)
    assert empty.sla.breached == 0 and not empty.sla.by_kind and not empty.sla.next_hour
    assert all(int(series.sum()) == 0 for series in empty.sla.bands.counts.values())
    assert not empty.load.technicians and not empty.levels.regions and not empty.satisfaction.dissatisfied
    assert empty.field.punctuality.rate is None and empty.field.median_reissue is None
