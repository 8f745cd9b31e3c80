"""Service hours and person-times against figures computed by hand (see conftest.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from roster_app.persistence.volunteer_edit import VolunteerEditStore
from roster_app.reports.service_hours import (
    BY_GATE,
    BY_KIND,
    BY_VOLUNTEER,
    BY_WEEK,
    PublishedWeek,
    build_report,
    fetch_service_period,
    report_table,
    service_period,
)
from solver.scenario import Assignment
from tests.reports.conftest import RANGE, WEEK_A, WEEK_B, WEEK_C, d, published_weeks, roster, scenario


def figures(report) -> dict[str, tuple]:
    """key -> (label, people, days, 人次, hours)."""
    return {r.key: (r.label, r.people, r.days, r.person_times, r.hours) for r in report.rows}


@pytest.fixture
def period():
    return service_period(published_weeks(), *RANGE)


def test_per_volunteer_counts_only_the_days_inside_the_range(period):
    report = build_report(period, BY_VOLUNTEER)
    assert figures(report) == {
        "lm": ("李明", 1, 3, 3, 12.0),
        "zgl": ("张桂兰", 1, 3, 3, 8.0),
        "wf": ("王芳", 1, 2, 2, 6.0),
    }
    # Most hours first.
    assert [r.key for r in report.rows] == ["lm", "zgl", "wf"]
    zgl = next(r for r in report.rows if r.key == "zgl")
    assert zgl.gates == ("东门", "北门") and zgl.kind == "nonemployed_party"
    assert (report.total.people, report.total.person_times, report.total.hours) == (3, 8, 26.0)
    assert report.summary() == "累计服务 26 小时，8 人次"


def test_the_draft_week_never_counts(period):
    assert period.weeks == (WEEK_A, WEEK_B)
    assert all(p.week != WEEK_C for p in period.posts)
    assert "zl" not in figures(build_report(period, BY_VOLUNTEER))


def test_per_kind_in_the_legend_order(period):
    report = build_report(period, BY_KIND)
    assert [(r.key, r.label, r.people, r.person_times, r.hours) for r in report.rows] == [
        ("employed_party", "在职党员", 1, 3, 12.0),
        ("nonemployed_party", "无职党员", 1, 3, 8.0),
        ("resident", "群众", 1, 2, 6.0),
    ]


def test_per_gate_counts_a_person_at_two_gates_once_in_the_total(period):
    report = build_report(period, BY_GATE)
    assert [(r.label, r.people, r.person_times, r.hours) for r in report.rows] == [
        ("东门", 2, 5, 16.0),
        ("北门", 2, 3, 10.0),
    ]
    assert sum(r.people for r in report.rows) == 4
    assert report.total.people == 3


def test_per_week_says_which_days_were_counted(period):
    report = build_report(period, BY_WEEK)
    assert [(r.key, r.label, r.people, r.person_times, r.hours, r.counted) for r in report.rows] == [
        ("2026-11-23", "11月23日至11月29日", 3, 4, 12.0, (d(11, 25), d(11, 29))),
        ("2026-11-30", "11月30日至12月6日", 3, 4, 14.0, (d(11, 30), d(12, 6))),
    ]
    table = report_table(report)
    assert table.headers == ("周", "计入日期", "人数", "人次", "服务时长（小时）")
    assert table.rows[0][1] == "11月25日至11月29日"
    assert table.total == ("合计", "11月25日至12月8日", 3, 8, 26.0)


def test_a_range_that_cuts_a_week_at_its_end():
    period = service_period(published_weeks(), d(11, 30), d(12, 4))
    report = build_report(period, BY_VOLUNTEER)
    assert figures(report) == {
        "lm": ("李明", 1, 1, 1, 4.0),
        "wf": ("王芳", 1, 1, 1, 4.0),
        "zgl": ("张桂兰", 1, 1, 1, 2.0),
    }
    assert report.summary() == "累计服务 10 小时，3 人次"
    assert period.weeks == (WEEK_B,)


def test_the_whole_of_both_weeks():
    report = build_report(service_period(published_weeks(), WEEK_A, d(12, 6)), BY_KIND)
    assert report.summary() == "累计服务 32 小时，10 人次"
    assert {r.key: r.hours for r in report.rows} == {"employed_party": 16.0, "nonemployed_party": 10.0,
                                                     "resident": 6.0}


def test_a_range_without_published_weeks_is_empty_but_whole():
    period = service_period(published_weeks(), d(12, 7), d(12, 31), unpublished=[WEEK_C])
    for grouping in (BY_VOLUNTEER, BY_KIND, BY_GATE, BY_WEEK):
        report = build_report(period, grouping)
        assert report.rows == () and report.total.person_times == 0
    assert report.summary() == "累计服务 0 小时，0 人次"
    assert period.unpublished == (WEEK_C,)


def test_the_chart_bars_are_hours_per_week_and_kind(period):
    weekly = build_report(period, BY_GATE).weekly
    assert [(w.week, dict(w.minutes)) for w in weekly] == [
        (WEEK_A, {"employed_party": 240, "nonemployed_party": 360, "resident": 120}),
        (WEEK_B, {"employed_party": 480, "nonemployed_party": 120, "resident": 240}),
    ]
    # Stacked in the legend's order, party members at the bottom.
    assert list(weekly[0].minutes) == ["employed_party", "nonemployed_party", "resident"]


def test_people_missing_from_a_snapshot_keep_their_posts_under_their_name():
    week = published_weeks()[0]
    gone = replace(week.scenario, volunteers=tuple(v for v in week.scenario.volunteers if v.id != "zgl"))
    period = service_period([PublishedWeek(gone, week.roster)], *RANGE, names={"zgl": "张桂兰"},
                            kinds={"zgl": "nonemployed_party"})
    row = next(r for r in build_report(period, BY_VOLUNTEER).rows if r.key == "zgl")
    assert (row.label, row.kind, row.hours) == ("张桂兰", "nonemployed_party", 6.0)


def test_fractional_slots_and_bad_input():
    week = PublishedWeek(scenario(WEEK_A), roster(WEEK_A))
    odd = replace(week.scenario, slots=tuple(replace(s, end=s.start + 80) if s.id == "early" else s
                                             for s in week.scenario.slots))
    report = build_report(service_period([PublishedWeek(odd, week.roster)], WEEK_A, WEEK_A), BY_VOLUNTEER)
    # zgl 06:00–07:20 = 1.33 h, lm 18:00–22:00 = 4 h.
    assert {r.key: r.hours for r in report.rows} == {"zgl": 1.33, "lm": 4.0}
    with pytest.raises(ValueError, match="before it starts"):
        service_period([week], d(12, 1), d(11, 1))
    with pytest.raises(ValueError, match="Unknown grouping"):
        build_report(service_period([week], *RANGE), "building")
    broken = PublishedWeek(week.scenario, replace(week.roster, assignments=(
        Assignment("zgl", "east", WEEK_A, "night"),)))
    with pytest.raises(ValueError, match="night"):
        service_period([broken], WEEK_A, WEEK_A)


def test_tables_for_every_grouping(period):
    assert report_table(build_report(period, BY_VOLUNTEER)).rows[1] == ("张桂兰", "无职党员", "东门、北门", 3, 3, 8.0)
    assert report_table(build_report(period, BY_VOLUNTEER)).total == ("合计（3 人）", "", "", "", 8, 26.0)
    kind = report_table(build_report(period, BY_KIND))
    assert kind.headers == ("类别", "人数", "人次", "服务时长（小时）")
    assert kind.numeric == (False, True, True, True)
    assert kind.total == ("合计", 3, 8, 26.0)
    assert report_table(build_report(period, BY_GATE)).rows == (("东门", 2, 5, 16.0), ("北门", 2, 3, 10.0))


# --- from the store -------------------------------------------------------------------------


def test_fetching_from_the_store_gives_the_same_figures(store, community):
    period = fetch_service_period(store, community, *RANGE)
    assert period.weeks == (WEEK_A, WEEK_B)
    assert period.unpublished == (WEEK_C,)
    assert figures(build_report(period, BY_VOLUNTEER)) == figures(
        build_report(service_period(published_weeks(), *RANGE), BY_VOLUNTEER))
    assert build_report(period, BY_GATE).total.hours == 26.0


def test_publishing_the_draft_makes_it_count_and_reopening_takes_it_back(store, community):
    store.publish_week(community, WEEK_C)
    assert build_report(fetch_service_period(store, community, *RANGE), BY_VOLUNTEER).summary() \
        == "累计服务 32 小时，10 人次"
    store.reopen_week(community, WEEK_B)
    period = fetch_service_period(store, community, *RANGE)
    assert period.weeks == (WEEK_A, WEEK_C) and period.unpublished == (WEEK_B,)
    assert build_report(period, BY_VOLUNTEER).summary() == "累计服务 18 小时，6 人次"


def test_a_volunteer_who_left_still_counts(store, community):
    VolunteerEditStore(store).set_active(community, ["zgl"], False)
    report = build_report(fetch_service_period(store, community, *RANGE), BY_KIND)
    assert report.total.hours == 26.0
    row = next(r for r in build_report(fetch_service_period(store, community, *RANGE), BY_VOLUNTEER).rows
               if r.key == "zgl")
    assert (row.label, row.kind, row.hours) == ("张桂兰", "nonemployed_party", 8.0)


def test_weeks_outside_the_range_are_not_read(store, community):
    period = fetch_service_period(store, community, dt.date(2026, 1, 1), dt.date(2026, 1, 31))
    assert period.weeks == () and period.posts == () and period.unpublished == ()
